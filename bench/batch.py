"""Batch throughput and peak memory of ``khabar-extract batch`` (prints figures; asserts nothing).

    .venv/bin/python bench/batch.py [RAW_DIR] [--repeat 10] [--jobs 1,2]

* throughput over the raw corpus folder (1,379 real articles) with each ``--jobs`` value (best of
  ``--rounds`` interleaved runs), and the speedup of the largest over ``--jobs 1`` (target >= 1.7x on 2 cores),
  end to end and without the one-off start-up (imports, lexicons, regex compilation: serial, paid once per
  run before the workers fork, so it caps the end-to-end speedup of short runs);
* peak resident memory of the parent and of the largest worker when the same articles are fed once and
  ``--repeat`` times over (one JSON Lines file of scraped records, so every line is a distinct input):
  memory should stay flat while the input grows tenfold.

Every run is a fresh process writing a fresh registry in a temporary folder. Another script can call
:func:`measure` (``bench/run.py`` does).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_RAW = ROOT.parent / "shared" / "corpus" / "raw"

_CHILD = r"""
import json, resource, sys, time
from khabar_extract.commands.batch import run_batch
from khabar_extract.records.runner import _warm
args = json.loads(sys.argv[1])
t = time.perf_counter()
_warm()  # one-off start-up: imports, lexicons, regex compilation (paid once per run, before forking)
warm = time.perf_counter() - t
parent = time.process_time()
s = run_batch(args["inputs"], db=args["db"], jobs=args["jobs"], progress=False, quiet=True, argv=["bench"])
wall = time.perf_counter() - t
parent = time.process_time() - parent
print(json.dumps({
    "wall_s": wall, "warm_s": warm, "parent_cpu_s": parent,
    "inputs": s.inputs, "stored": s.stored, "failed": s.failed, "facts": s.facts,
    "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) + sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]),
    "workers_cpu_s": sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]),
    "parent_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def precompile_package() -> Path:
    """Byte-compile khabar_extract's modules, as ``pip install`` does, so that every process measured starts
    the way an installed package does. An editable install under ``PYTHONDONTWRITEBYTECODE=1`` (set on this
    workplace's machines) has no ``.pyc`` files, and each fresh process would spend about 120 ms compiling the
    sources before its first article. Returns the package folder."""
    spec = importlib.util.find_spec("khabar_extract")
    if spec is None or spec.origin is None:
        raise RuntimeError("khabar_extract is not importable from this interpreter")
    pkg = Path(spec.origin).parent
    compileall.compile_dir(str(pkg), quiet=1)
    return pkg


def run_once(inputs: list[str], jobs: int, workdir: str) -> dict[str, Any]:
    """One batch in a fresh interpreter; returns wall time, counts and peak RSS (MB)."""
    db = os.path.join(workdir, f"bench-{jobs}-{time.monotonic_ns()}.sqlite")
    payload = json.dumps({"inputs": inputs, "db": db, "jobs": jobs})
    out = subprocess.run([sys.executable, "-c", _CHILD, payload], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["rate"] = result["inputs"] / result["wall_s"]
    result["db_mb"] = sum(os.path.getsize(p) for p in Path(workdir).glob(Path(db).name + "*")) / 2**20
    for p in Path(workdir).glob(Path(db).name + "*"):
        p.unlink()
    return result


def _jsonl(raw: Path, copies: int, target: str) -> int:
    n = 0
    with open(target, "w", encoding="utf-8") as out:
        for _ in range(copies):
            for path in sorted(raw.glob("*.txt")):
                out.write(json.dumps({"id": path.stem, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False))
                out.write("\n")
                n += 1
    return n


def measure(
    raw_dir: str | Path = DEFAULT_RAW, jobs: tuple[int, ...] = (1, 2), repeat: int = 10, rounds: int = 3
) -> dict[str, Any]:
    """Throughput per job count (best of ``rounds``), speedup, and peak memory at 1x and ``repeat``x input."""
    raw = Path(raw_dir)
    results: dict[str, Any] = {"corpus": str(raw), "articles": len(list(raw.glob("*.txt"))), "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as work:
        throughput = {}
        walls: dict[int, list[float]] = {j: [] for j in jobs}
        parent_cpu: dict[int, list[float]] = {j: [] for j in jobs}
        workers_cpu: dict[int, list[float]] = {j: [] for j in jobs if j > 1}
        loads: list[float] = []
        for _ in range(rounds):  # interleaved rounds, best wall time kept: the machine is shared and noisy
            for j in jobs:
                if hasattr(os, "getloadavg"):
                    loads.append(os.getloadavg()[0])
                r = run_once([str(raw)], j, work)
                walls[j].append(r["wall_s"])
                parent_cpu[j].append(r["parent_cpu_s"])
                if j > 1:
                    workers_cpu[j].append(r["workers_cpu_s"])
                best = throughput.get(f"jobs={j}")
                if best is None or r["wall_s"] < best["wall_s"]:
                    throughput[f"jobs={j}"] = {
                        "wall_s": round(r["wall_s"], 2),
                        "startup_s": round(r["warm_s"], 2),
                        "after_startup_s": round(r["wall_s"] - r["warm_s"], 2),
                        "articles_per_s": round(r["rate"], 1),
                        "cpu_s": round(r["cpu_s"], 2),
                        "parent_cpu_after_startup_s": round(r["parent_cpu_s"], 2),
                        "stored": r["stored"],
                        "failed": r["failed"],
                        "facts": r["facts"],
                    }
        results["throughput"] = throughput
        # every round, so the spread shows how noisy the machine was (other processes share the cores)
        results["walls_s (every round)"] = {f"jobs={j}": " ".join(f"{w:.2f}" for w in ws) for j, ws in walls.items()}
        if loads:
            results["load_average (before each run)"] = f"{min(loads):.2f} .. {max(loads):.2f}"
        if len(jobs) > 1 and rounds > 1:
            ratios = sorted(a / b for a, b in zip(walls[jobs[0]], walls[max(jobs)], strict=True))
            results["speedup_per_round"] = " ".join(f"{x:.2f}x" for x in ratios)
        if len(jobs) > 1:
            base = throughput[f"jobs={jobs[0]}"]["wall_s"]
            best = throughput[f"jobs={max(jobs)}"]["wall_s"]
            results["speedup"] = f"{base / best:.2f}x end to end (jobs={max(jobs)} vs jobs={jobs[0]}; target >= 1.7x)"
            base = throughput[f"jobs={jobs[0]}"]["after_startup_s"]
            best = throughput[f"jobs={max(jobs)}"]["after_startup_s"]
            results["speedup_after_startup"] = f"{base / best:.2f}x (the serial one-off start-up left out)"
        results["parent_cpu_after_startup_s (every round)"] = {
            f"jobs={j}": " ".join(f"{c:.2f}" for c in cs) for j, cs in parent_cpu.items()
        }
        if workers_cpu:  # with the parent's: the CPU a parallel run needs in all, whatever the machine's load
            results["workers_cpu_s (every round)"] = {
                f"jobs={j}": " ".join(f"{c:.2f}" for c in cs) for j, cs in workers_cpu.items()
            }
        memory = {}
        for copies in (1, repeat) if repeat > 1 else ():
            path = os.path.join(work, f"raw-x{copies}.jsonl")
            n = _jsonl(raw, copies, path)
            r = run_once([path], max(jobs), work)
            os.unlink(path)
            memory[f"x{copies} ({n} inputs)"] = {
                "parent_peak_mb": round(r["parent_peak_mb"], 1),
                "worker_peak_mb": round(r["worker_peak_mb"], 1),
                "articles_per_s": round(r["rate"], 1),
                "db_mb": round(r["db_mb"], 1),
            }
        if memory:
            results[f"memory (jobs={max(jobs)})"] = memory
    return results


def _print(obj: Any, indent: str = "") -> None:
    for key, value in obj.items():
        if isinstance(value, dict):
            print(f"{indent}{key}:")
            _print(value, indent + "  ")
        else:
            print(f"{indent}{key}: {value}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw_dir", nargs="?", default=str(DEFAULT_RAW))
    ap.add_argument("--repeat", type=int, default=10, help="input growth factor for the memory run (1: no memory run)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated job counts")
    ap.add_argument("--rounds", type=int, default=3, help="throughput runs per job count (best kept)")
    args = ap.parse_args(argv)
    if not Path(args.raw_dir).is_dir():
        print(f"bench/batch.py: no folder {args.raw_dir}", file=sys.stderr)
        return 2
    precompile_package()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"# batch bench ({time.strftime('%Y-%m-%d %H:%M')}, load average {load:.2f} before start)")
    _print(measure(args.raw_dir, tuple(int(j) for j in args.jobs.split(",")), args.repeat, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
