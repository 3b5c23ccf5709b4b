"""Speed of the facts stage (CPU time): extract_facts on the seed irna page and on the raw corpus, with the
share of the number reader it builds on. Documents are normalised beforehand (not timed).

Usage: .venv/bin/python bench/facts_speed.py [--corpus DIR]

The corpus folder (with ``dev/irna_85414319.txt`` and ``raw/*.txt``) is ``--corpus DIR``, else the shared corpus
beside the clone (``<repo>/../shared/corpus``, the CI layout), else ``/work/shared/corpus`` (a worktree under
``/work/wt/<name>`` has no ``../shared``); if none exists the script says where it looked and exits with 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from khabar_extract.facts import extract_facts
from khabar_extract.normalize import normalize
from khabar_extract.numbers import find_numbers

ROOT = Path(__file__).resolve().parents[1]
SEED = Path("dev/irna_85414319.txt")
DEFAULT_CORPORA = (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus"))


def find_corpus(given: Path | None) -> Path | None:
    """The corpus folder to use: ``given`` if it holds the seed page and raw/, else the first default that does."""
    for c in (given,) if given is not None else DEFAULT_CORPORA:
        if (c / SEED).is_file() and (c / "raw").is_dir():
            return c
    return None


def cpu_ms(fn, items, repeat: int = 3) -> float:
    """Best of ``repeat`` runs, CPU milliseconds per item."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - t0)
    return best / len(items) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="corpus folder with dev/irna_85414319.txt and raw/*.txt")
    args = ap.parse_args(argv)
    corpus = find_corpus(args.corpus)
    if corpus is None:
        looked = [args.corpus] if args.corpus is not None else list(DEFAULT_CORPORA)
        print("facts_speed: no corpus (a folder with " + str(SEED) + " and raw/) at "
              + ", ".join(str(c) for c in looked) + "; give --corpus DIR", file=sys.stderr)
        return 2
    print(f"corpus: {corpus}")
    seed = normalize((corpus / SEED).read_text(encoding="utf-8"))
    extract_facts(seed)  # load lexicons and compile patterns once
    n = cpu_ms(lambda d: find_numbers(d.text), [seed] * 200)
    f = cpu_ms(extract_facts, [seed] * 200)
    print(f"seed page ({len(seed.original)} chars): extract_facts {f:.3f} ms, of which find_numbers {n:.3f} ms")
    docs = [normalize(p.read_text(encoding="utf-8")) for p in sorted((corpus / "raw").glob("*.txt"))]
    chars = sum(len(d.original) for d in docs) / len(docs)
    n = cpu_ms(lambda d: find_numbers(d.text), docs)
    f = cpu_ms(extract_facts, docs)
    facts = sum(len(extract_facts(d)) for d in docs)
    print(f"raw: {len(docs)} articles, {chars:.0f} chars and {facts / len(docs):.1f} facts on average; "
          f"extract_facts {f:.3f} ms/article (find_numbers {n:.3f}, facts stage {f - n:.3f}); "
          f"per 6000 chars: {f / chars * 6000:.3f} ms (facts stage {(f - n) / chars * 6000:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
