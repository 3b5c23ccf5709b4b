"""The one benchmark script of khabar_extract: speed, ZWNJ repair, number reading, start-up, batch.

Run it from a checkout, in a venv that has the ``bench`` extra (hazm and parsivar are heavy, so keep them
out of the development venv)::

    python3 -m venv /work/bench-venv && /work/bench-venv/bin/pip install -e '.[bench]'
    /work/bench-venv/bin/python bench/run.py            # about 2-4 minutes on 2 cores

Without hazm / parsivar installed the script says so and skips their columns. It prints figures; it asserts
nothing (speed is never a unit test). The corpus is the shared one beside the clone (``../shared/corpus``),
or ``--corpus DIR``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # sibling bench modules: zwnj.py, batch.py

SEED = "dev/irna_85414319.txt"

TARGET_PIPELINE_VS_HAZM = 0.5
PIPELINE = "khabar_extract.extract (normalise+segment+extract)"
NORMALIZER = "khabar_extract.normalize (normaliser alone)"
HAZM = "hazm Normalizer().normalize"
FIRST_SIGHT_WARM = 200  # raw articles a fresh process sees before the seed page (first-sight figure)
TARGET_IMPORT_MS = 150.0
TARGET_CLI_MS = 300.0

# The tricky phrases of the facts issue (issue 3) with the numbers a careful reader gets from them.
# Each phrase is read on its own; [] means "no number here".
NUMBER_PHRASES: list[tuple[str, list[int | float]]] = [
    ("۱۲٬۵۰۰", [12500]),
    ("۲/۵ میلیارد تومان", [2_500_000_000]),
    ("۲.۵ میلیون", [2_500_000]),
    ("۲٫۵ درصد", [2.5]),
    ("سیصد و پنجاه و هفت", [357]),
    ("یک میلیون و دویست هزار", [1_200_000]),
    ("صد و بیست و سه میلیارد", [123_000_000_000]),
    ("هفتصد و پنجاه هزار", [750_000]),
    ("یکصد", [100]),
    ("یک‌صد", [100]),
    ("نهصد", [900]),
    ("نه صد", [900]),
    ("هزار و ۳۹۰", [1390]),
    ("۲ هزار و ۵۰۰ میلیارد ریال", [2_500_000_000_000]),
    ("۲۵ هزار و ۷۲۹ میلیون و ۸۰۰ هزار ریال", [25_729_800_000]),
    ("هزار میلیارد", [1_000_000_000_000]),
    ("زنجان - ایرنا - هزار و ۳۹۰ گروه جهادی", [1390]),
    ("یک یا چند نفر", []),
    ("نه تنها", []),
    ("سه‌شنبه", []),
    ("بسیج", []),
    ("شده", []),
    ("هزاران نفر", []),
    ("صدها روستا", []),
]


# --------------------------------------------------------------------------- helpers


def machine(commit: str | None = None) -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        ncpu = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        ncpu = os.cpu_count() or 0
    try:
        commit = commit or subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = "?"
    return {
        "date": _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": str(ncpu),
        "cpu": cpu,
        "python": f"{platform.python_version()} ({sys.executable})",
        "commit": commit or "?",
    }


def optional(name: str) -> Any | None:
    """Import a competitor or a sibling bench module, or say why it is skipped."""
    try:
        return importlib.import_module(name)
    except Exception as exc:  # ImportError, but also broken installs (numpy ABI, missing data files)
        print(f"  [{name} unavailable: {type(exc).__name__}: {exc}; skipped]")
        return None


def interleaved_seconds(
    systems: Sequence[tuple[str, Callable[[str], Any]]], texts: Sequence[str], *, rounds: int
) -> dict[str, float]:
    """Per text and per system, the best of ``rounds`` single calls; systems take turns on each text (in a
    rotating order), so a burst of load from other processes hits them alike instead of whichever system
    happened to be timed during it. Returns the mean over ``texts`` of those per-text bests, per system."""
    best = {name: [float("inf")] * len(texts) for name, _ in systems}
    clock = time.perf_counter
    for r in range(rounds):
        gc.collect()
        order = list(systems[r % len(systems):]) + list(systems[: r % len(systems)])
        for i, text in enumerate(texts):
            for name, fn in order:
                t0 = clock()
                fn(text)
                dt = clock() - t0
                if dt < best[name][i]:
                    best[name][i] = dt
    return {name: sum(b) / len(b) for name, b in best.items()}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def verdict(ok: bool) -> str:
    return "OK " if ok else "MISS"


# --------------------------------------------------------------------------- sections


def speed_systems() -> list[tuple[str, Callable[[str], Any]]]:
    """The systems of the speed section: our pipeline, our normaliser, and hazm / parsivar when installed."""
    # Import the functions from their modules: after the pipeline is imported, the package attribute
    # ``khabar_extract.normalize`` is the submodule, not the function.
    from khabar_extract.normalize import normalize
    from khabar_extract.pipeline import extract

    systems: list[tuple[str, Callable[[str], Any]]] = [
        (PIPELINE, extract),
        (NORMALIZER, normalize),
    ]
    hazm = optional("hazm")
    if hazm:
        systems.append((HAZM, hazm.Normalizer().normalize))
    parsivar = optional("parsivar")
    if parsivar:
        systems.append(("parsivar Normalizer().normalize", parsivar.Normalizer().normalize))
    return systems


def first_sight_child() -> None:
    """In a fresh process (the spec comes as JSON on stdin): warm one of our systems and the other libraries on
    the ``warm`` articles (patterns compiled, lexicons loaded, our per-word caches holding those articles' words,
    as in a batch), then time one call of each on every ``timed`` article, which none of them has seen.
    Only one of our systems runs per process, since the pipeline normalises too and would warm the normaliser's
    caches for the other. Prints ``{system: [seconds per timed article]}`` as JSON."""
    spec = json.load(sys.stdin)
    systems = [s for s in speed_systems() if s[0] == spec["ours"] or not s[0].startswith("khabar_extract")]
    for _name, fn in systems:
        for p in spec["warm"]:
            fn(Path(p).read_text(encoding="utf-8"))
    timed = [Path(p).read_text(encoding="utf-8") for p in spec["timed"]]
    gc.collect()
    times: dict[str, list[float]] = {name: [] for name, _ in systems}
    for i, text in enumerate(timed):
        k = (spec["turn"] + i) % len(systems)
        for name, fn in systems[k:] + systems[:k]:
            t0 = time.perf_counter()
            fn(text)
            times[name].append(time.perf_counter() - t0)
    print(json.dumps(times))


def first_sight(ours: str, warm: Sequence[Path], timed: Sequence[Path], turn: int = 0) -> dict[str, list[float]]:
    """Run :func:`first_sight_child` in a fresh interpreter and return its per-article times."""
    spec = {"ours": ours, "warm": [str(p) for p in warm], "timed": [str(p) for p in timed], "turn": turn}
    cmd = [sys.executable, str(HERE / "run.py"), "--first-sight-child"]
    out = subprocess.run(cmd, input=json.dumps(spec), capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def print_times(label: str, times: dict[str, float]) -> None:
    print(f"\n{label}")
    hz = times.get(HAZM)
    for name, t in times.items():
        ratio = f"  = {t / hz:5.2f} x hazm" if hz else ""
        print(f"  {name:<52}{ms(t)}{ratio}")
    if hz:
        r = times[PIPELINE] / hz
        print(f"  pipeline / hazm = {r:.2f} (target <= {TARGET_PIPELINE_VS_HAZM}) {verdict(r <= TARGET_PIPELINE_VS_HAZM)}")


def section_speed(
    seed_path: Path, raw_paths: Sequence[Path], rounds: int, raw_rounds: int = 3, runs: int = 7
) -> None:
    seed = seed_path.read_text(encoding="utf-8")
    raw = [p.read_text(encoding="utf-8") for p in raw_paths]
    print("\n## 1. Per-article time: full pipeline vs normalisers alone (same texts)")
    # Warm-up on other articles, never the seed page: every pattern compiled, every lexicon loaded.
    others = [
        p
        for p in sorted([*seed_path.parent.glob("*.txt"), *(seed_path.parent.parent / "interviews").glob("*.txt")])
        if p.name != seed_path.name
    ]
    n_warm = min(10, len(raw) // 2)
    stream_warm = [*others, *raw_paths[:n_warm]]
    seed_warm = [*others, *raw_paths[:FIRST_SIGHT_WARM]]
    print(
        "  First sight: each text timed once per system, the first time that system sees it, as in a batch (our\n"
        "  per-word caches hold only the words of articles seen before). Our pipeline and our normaliser run in\n"
        "  separate fresh processes, each beside hazm and parsivar. The raw corpus: one pass in corpus order after\n"
        f"  a warm-up on the {len(stream_warm)} dev, interview and first raw articles; the mean per article. The seed\n"
        f"  page: the median of {runs} fresh processes per system, each warmed first on {len(seed_warm)} other\n"
        "  articles. Systems take turns on every text, so load from other processes falls on all of them alike."
    )
    for label, warm, timed, n_runs, pool in (
        (
            f"raw corpus, first sight ({len(raw) - n_warm} articles, mean "
            f"{sum(map(len, raw[n_warm:])) // max(len(raw) - n_warm, 1)} chars)",
            stream_warm, raw_paths[n_warm:], 1, statistics.fmean,
        ),
        (f"seed article, first sight ({len(seed)} chars, {len(seed.encode())} bytes)", seed_warm, [seed_path], runs,
         statistics.median),
    ):
        per_system: dict[str, list[float]] = {}
        for ours in (PIPELINE, NORMALIZER):
            for turn in range(n_runs):
                for name, ts in first_sight(ours, warm, timed, turn).items():
                    per_system.setdefault(name, []).extend(ts)
        print_times(label, {name: pool(ts) for name, ts in per_system.items()})

    systems = speed_systems()
    for _name, fn in systems:
        for p in stream_warm:
            fn(p.read_text(encoding="utf-8"))
    print(
        f"\n  Repeated: best of {rounds * 20} single calls for the seed page, {raw_rounds} for each raw article, one\n"
        "  process (a repeated text finds our per-word caches full of its words, so these are lower bounds)"
    )
    for label, texts, r in (
        (f"seed article, repeated ({len(seed)} chars, {len(seed.encode())} bytes)", [seed], rounds * 20),
        (f"raw corpus, repeated ({len(raw)} articles, mean {sum(map(len, raw)) // max(len(raw), 1)} chars)", raw, raw_rounds),
    ):
        print_times(label, interleaved_seconds(systems, texts, rounds=r))


def section_zwnj(raw_paths: list[Path], limit: int) -> None:
    print("\n## 2. ZWNJ restoration (bench/zwnj.py measure(): delete every ZWNJ, normalise, compare words)")
    zwnj = optional("zwnj")
    if zwnj is None or not hasattr(zwnj, "measure"):
        if zwnj is not None:
            print("  [bench/zwnj.py has no measure(texts); skipped]")
        return
    zw = "\N{ZERO WIDTH NON-JOINER}"
    texts = {p.name: p.read_text(encoding="utf-8") for p in raw_paths if p.name.startswith("fars_")}
    texts = {k: v for k, v in texts.items() if zw in v}
    try:  # the normaliser's lexicon-building script (bench/zwnj.py puts scripts/ on the path)
        from build_zwnj_lexicon import split_of
    except ImportError:
        split_of = None
    if split_of is not None:
        chosen = [v for k, v in texts.items() if split_of(k) == "test"]
        what = "the test split (one in five by file-name hash)"
    else:
        chosen = list(texts.values())
        what = "all of them"
    if limit:
        chosen = chosen[:limit]
    print(f"  {len(chosen)} texts: {what} of the {len(texts)} Fars raw articles that contain ZWNJ.")
    print(
        "  Caveat: khabar_extract's bundled ZWNJ lexicon was learned from all Fars raw articles, these included;"
        "\n  the held-out figure (lexicon rebuilt from the train split only) is printed by bench/zwnj.py."
    )
    result = zwnj.measure(chosen)
    keys = ("precision", "recall", "f1", "gold", "pred", "ms_per_article")
    print(f"  {'system':<16}" + "".join(f"{k:>16}" for k in keys))
    for name, fig in result.items():
        cells = "".join(f"{_fmt(fig.get(k, '')):>16}" for k in keys) if isinstance(fig, dict) else str(fig)
        print(f"  {name:<16}{cells}")


def _print_nested(obj: Any, indent: str) -> None:
    if isinstance(obj, dict):
        flat = all(not isinstance(v, (dict, list)) for v in obj.values())
        if flat:
            print(indent + "  ".join(f"{k} {_fmt(v)}" for k, v in obj.items()))
            return
        for k, v in obj.items():
            if isinstance(v, (dict, list)):
                print(f"{indent}{k}:")
                _print_nested(v, indent + "  ")
            else:
                print(f"{indent}{k}: {_fmt(v)}")
    elif isinstance(obj, list):
        for v in obj:
            _print_nested(v, indent)
    else:
        print(indent + _fmt(obj))


def _fmt(v: Any) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def _as_decimal(v: Any) -> Decimal | None:
    if isinstance(v, bool) or v is None:
        return None
    try:
        return Decimal(str(v)).normalize()
    except InvalidOperation:
        return None


def _values_of(found: Any) -> list[Decimal | None]:
    out = []
    for item in found or []:
        v = item.get("value") if isinstance(item, dict) else getattr(item, "value", item)
        out.append(_as_decimal(v))
    return out


def _parsivar_numbers(parsivar: Any) -> Callable[[str], list[Decimal | None]]:
    """parsivar's number normaliser (Normalizer(date_normalizing_needed=True)), numbers read off its output."""
    import re

    norm = parsivar.Normalizer(date_normalizing_needed=True)
    number = re.compile(r"\d+(?:\.\d+)?")

    def read(text: str) -> list[Decimal | None]:
        out = norm.normalize(text)
        return [_as_decimal(m.group()) for m in number.finditer(out)]

    return read


def section_numbers() -> None:
    print("\n## 3. Number reading on the tricky phrases of the facts issue (exact list of values per phrase)")
    readers: list[tuple[str, Callable[[str], list[Decimal | None]]]] = []
    numbers = optional("khabar_extract.numbers")
    if numbers is not None and hasattr(numbers, "find_numbers"):
        readers.append(("khabar_extract", lambda t: _values_of(numbers.find_numbers(t))))
    elif numbers is not None:
        print("  [khabar_extract.numbers has no find_numbers(); skipped]")
    parsivar = optional("parsivar")
    if parsivar is not None:
        readers.append(("parsivar", _parsivar_numbers(parsivar)))
    if not readers:
        return
    head = f"  {'phrase':<40}{'expected':<22}" + "".join(f"{name:<26}" for name, _ in readers)
    print(head)
    print("  (+ right, x wrong; values separated by ';', '-' for none)")
    right = dict.fromkeys((n for n, _ in readers), 0)
    for phrase, expected in NUMBER_PHRASES:
        want = [_as_decimal(v) for v in expected]
        cells = []
        for name, read in readers:
            try:
                got = read(phrase)
            except Exception as exc:  # a competitor crashing on a phrase is a wrong answer
                got, shown = None, f"error {type(exc).__name__}"
            else:
                shown = "; ".join(f"{g:f}" if g is not None else "?" for g in got) or "-"
            ok = got == want
            right[name] += ok
            cells.append(f"{('+ ' if ok else 'x ') + shown[:23]:<26}")
        exp = "; ".join(str(v) for v in expected) or "- (none)"
        print(f"  {phrase:<40}{exp:<22}" + "".join(cells))
    print("  correct: " + ", ".join(f"{n} {c}/{len(NUMBER_PHRASES)}" for n, c in right.items()))


def _median_subprocess(cmd: list[str], runs: int, parse: Callable[[str], float] | None = None) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
        times.append(parse(out.stdout) if parse else wall)
    return statistics.median(times)


def section_startup(runs: int) -> None:
    print(f"\n## 4. Start-up (fresh processes, median of {runs})")
    py = sys.executable
    code = "import time; t = time.perf_counter(); import khabar_extract; print(time.perf_counter() - t)"
    imp = _median_subprocess([py, "-c", code], runs, parse=lambda s: float(s.strip()))
    bare = _median_subprocess([py, "-c", "pass"], runs)
    script = Path(py).parent / "khabar-extract"
    cli = [str(script)] if script.exists() else [py, "-m", "khabar_extract.cli"]
    ver = _median_subprocess([*cli, "--version"], runs)
    print(
        f"  import khabar_extract (in-process timer)   {ms(imp)}  target < {TARGET_IMPORT_MS:.0f} ms "
        f"{verdict(imp * 1000 < TARGET_IMPORT_MS)}"
    )
    print(
        f"  khabar-extract --version (wall)           {ms(ver)}  target < {TARGET_CLI_MS:.0f} ms "
        f"{verdict(ver * 1000 < TARGET_CLI_MS)}"
    )
    print(f"  bare `python -c pass` (wall, reference)   {ms(bare)}")


def section_batch(raw_dir: Path, repeat: int) -> None:
    print("\n## 5. Batch throughput and peak memory (bench/batch.py)")
    if not (HERE / "batch.py").is_file():
        print("  [bench/batch.py not found; skipped]")
        return
    # batch.measure() runs in a small fresh interpreter: Linux carries a process's peak RSS over fork/exec
    # into its children's ru_maxrss, so calling it from this process (hazm, parsivar and the corpus loaded)
    # would report this process's memory as the batch's.
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import batch; "
        "print(json.dumps(batch.measure(sys.argv[2], jobs=(1, 2), repeat=int(sys.argv[3]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(HERE), str(raw_dir), str(repeat)], capture_output=True, text=True
    )
    if out.returncode != 0:
        print(f"  [bench/batch.py measure() failed: {out.stderr.strip().splitlines()[-1:]}; skipped]")
        return
    _print_nested(json.loads(out.stdout.strip().splitlines()[-1]), indent="  ")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus", help="shared corpus folder")
    ap.add_argument("--raw-limit", type=int, default=0, help="use only the first N raw articles (0: all)")
    ap.add_argument("--zwnj-limit", type=int, default=0, help="at most N articles for the ZWNJ comparison (0: all)")
    ap.add_argument("--rounds", type=int, default=5, help="seed article: best of 20 x ROUNDS single calls per system")
    ap.add_argument("--raw-rounds", type=int, default=3, help="raw corpus: best of N single calls per article and system")
    ap.add_argument("--runs", type=int, default=7, help="fresh processes for the start-up medians")
    ap.add_argument("--commit", help="commit label to print when the code is not a git checkout (git archive)")
    ap.add_argument("--batch-repeat", type=int, default=10, help="input growth factor of the batch memory run")
    ap.add_argument(
        "--only", default="speed,zwnj,numbers,startup,batch", help="comma-separated sections to run"
    )
    ap.add_argument("--first-sight-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.first_sight_child:
        first_sight_child()
        return 0
    only = set(args.only.split(","))

    seed_path = args.corpus / SEED
    raw_dir = args.corpus / "raw"
    if not seed_path.is_file() or not raw_dir.is_dir():
        print(f"bench: corpus not found at {args.corpus} (give --corpus DIR)", file=sys.stderr)
        return 2
    raw_paths = sorted(raw_dir.glob("*.txt"))
    if args.raw_limit:
        raw_paths = raw_paths[: args.raw_limit]

    print("# khabar_extract benchmark")
    for k, v in machine(args.commit).items():
        print(f"{k:<7} {v}")
    from batch import precompile_package

    print(f"pyc     {precompile_package()} byte-compiled first, as pip install does")
    t0 = time.perf_counter()
    if "speed" in only:
        section_speed(seed_path, raw_paths, args.rounds, args.raw_rounds, args.runs)
    if "zwnj" in only:
        section_zwnj(raw_paths, args.zwnj_limit)
    if "numbers" in only:
        section_numbers()
    if "startup" in only:
        section_startup(args.runs)
    if "batch" in only:
        section_batch(raw_dir, args.batch_repeat)
    print(f"\n(bench run took {time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
