"""Speed of the number reader (CPU time): the first call in a fresh interpreter (which builds and compiles the
lexicon patterns), then find_numbers on the fixture articles and on the whole raw corpus, texts normalised
beforehand (not timed), and the part of it spent in the whole-text scan for atoms (``token_re.finditer``; its
"numbers" column counts candidates). Prints figures, asserts nothing.

Usage: .venv/bin/python bench/numbers_speed.py [--module path/to/other/numbers.py] [--rounds N]

``--module`` loads another version of ``numbers.py`` (e.g. ``git show REV:src/khabar_extract/numbers.py >
/tmp/n.py``) in place of the installed one, to print before/after figures with the same script.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

from khabar_extract.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
# The shared corpus sits beside the clone (../shared); a worktree under /work/wt/<name> finds it one level up.
CORPUS = next((c for c in (ROOT / "../shared/corpus", ROOT / "../../shared/corpus") if c.is_dir()),
              ROOT / "../shared/corpus")
FIX = ROOT / "tests/fixtures/numbers"


def load(path: str | None):
    if path is None:
        from khabar_extract import numbers

        return numbers
    spec = importlib.util.spec_from_file_location("khabar_extract._numbers_bench", path)
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = "khabar_extract"
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


_STARTUP = """
import importlib.util, sys, time
path = sys.argv[1]
t0 = time.process_time()
if path:
    spec = importlib.util.spec_from_file_location("khabar_extract._numbers_bench", path)
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = "khabar_extract"
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
else:
    import khabar_extract.numbers as mod
t1 = time.process_time()
mod.find_numbers("۱۲ هزار و ۵۰۰ نفر")
t2 = time.process_time()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""


def startup_ms(path: str | None, runs: int) -> tuple[float, float]:
    """Best of ``runs`` fresh interpreters: CPU ms to import the module, and for its first find_numbers call."""
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _STARTUP, path or ""], capture_output=True, text=True,
                             check=True).stdout.split()
        imp, first = float(out[0]), float(out[1])
        best = (min(best[0], imp), min(best[1], first))
    return best


def best_ms(fn, texts, rounds: int) -> float:
    """Best of ``rounds`` passes over ``texts``, CPU milliseconds for one pass."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - t0)
    return best * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--module")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    imp, first = startup_ms(args.module, 3)
    print(f"fresh interpreter (best of 3): import {imp:.0f} ms, first find_numbers call {first:.0f} ms")
    mod = load(args.module)
    find = mod.find_numbers
    rows = []
    for name in ("irna_85414319.txt", "fars_13950513000584.txt"):
        t = normalize((FIX / name).read_text(encoding="utf-8")).text
        find(t)
        ms = best_ms(find, [t] * 50, args.rounds) / 50
        rows.append((name, len(t), len(find(t)), ms))
    raw = sorted((CORPUS / "raw").glob("*.txt"))
    texts = [normalize(p.read_text(encoding="utf-8")).text for p in raw]
    chars = sum(map(len, texts))
    ms = best_ms(find, texts, args.rounds)
    rows.append((f"{len(texts)} raw articles", chars, sum(len(find(t)) for t in texts), ms))
    token_re = mod._lexicon().token_re
    scan = best_ms(lambda t: deque(token_re.finditer(t), 0), texts, args.rounds)
    rows.append(("  of which the atom scan", chars, sum(len(list(token_re.finditer(t))) for t in texts), scan))
    print(f"{'text':<28} {'chars':>10} {'numbers':>8} {'ms':>9} {'ms/6000 chars':>14}")
    for name, n, k, ms in rows:
        print(f"{name:<28} {n:>10,} {k:>8,} {ms:>9.3f} {ms / n * 6000:>14.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
