"""Speed of the facts stage (CPU time): extract_facts on the seed irna page and on the raw corpus, with the
share of the number reader it builds on. Documents are normalised beforehand (not timed).

Usage: .venv/bin/python bench/facts_speed.py
"""

from __future__ import annotations

import time
from pathlib import Path

from khabar_extract.facts import extract_facts
from khabar_extract.normalize import normalize
from khabar_extract.numbers import find_numbers

CORPUS = Path(__file__).resolve().parents[1] / "../shared/corpus"


def cpu_ms(fn, items, repeat: int = 3) -> float:
    """Best of ``repeat`` runs, CPU milliseconds per item."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - t0)
    return best / len(items) * 1000


def main() -> int:
    seed = normalize((CORPUS / "dev/irna_85414319.txt").read_text(encoding="utf-8"))
    extract_facts(seed)  # load lexicons and compile patterns once
    n = cpu_ms(lambda d: find_numbers(d.text), [seed] * 200)
    f = cpu_ms(extract_facts, [seed] * 200)
    print(f"seed page ({len(seed.original)} chars): extract_facts {f:.3f} ms, of which find_numbers {n:.3f} ms")
    docs = [normalize(p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "raw").glob("*.txt"))]
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
