"""Speed of the facts stage (CPU time): extract_facts on the seed irna page and on the raw corpus, with the
share of the number reader it builds on. Documents are normalised beforehand (not timed). A last line gives the
GC pressure of the stage on raw articles: the net new objects the cyclic collector counts per call and the
objects left in reference cycles (0 since the number reader's closure cycle was removed).

Usage: .venv/bin/python bench/facts_speed.py [--corpus DIR] [--first-sight [N]]

``--first-sight`` prints instead the CPU time of each stage (normalise, read_article, extract_facts) at first
sight, as a batch meets an article: N fresh processes (default 7), each warmed on the other dev and interview
articles and the first 200 raw ones (bench/run.py's warm-up), then timing one call per stage on the seed page
and on the next 400 raw articles, which it has not seen; the median of the processes for the seed page, the
mean over the raw articles, and next to them the repeated figures (the same texts again through all three
stages, as the pipeline runs them: best of 60 runs for the seed page, of 3 passes for the raw articles), which
find the per-word caches full of the text's words.

The corpus folder (with ``dev/irna_85414319.txt`` and ``raw/*.txt``) is ``--corpus DIR``, else the shared corpus
beside the clone (``<repo>/../shared/corpus``, the CI layout), else ``/work/shared/corpus`` (a worktree under
``/work/wt/<name>`` has no ``../shared``); if none exists the script says where it looked and exits with 2.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from khabar_extract.article import read_article
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


STAGES = ("normalise", "read_article", "extract_facts")
WARM_RAW = 200  # raw articles of the warm-up, as bench/run.py's first-sight figure
TIMED_RAW = 400


def stage_times(text: str) -> tuple[float, float, float]:
    """CPU seconds of each stage on ``text``, run as the pipeline runs them."""
    t0 = time.process_time()
    doc = normalize(text)
    t1 = time.process_time()
    article = read_article(text, doc)
    t2 = time.process_time()
    extract_facts(doc, reference_date=article.reference_jalali)
    return t1 - t0, t2 - t1, time.process_time() - t2


def first_sight_child(corpus: Path) -> dict[str, list[float]]:
    """One fresh process: warm up, then each stage once on the seed page and on unseen raw articles (ms)."""
    seed_path = corpus / SEED
    others = sorted([*(corpus / "dev").glob("*.txt"), *(corpus / "interviews").glob("*.txt")])
    raw = sorted((corpus / "raw").glob("*.txt"))
    for p in [*(p for p in others if p.name != seed_path.name), *raw[:WARM_RAW]]:
        stage_times(p.read_text(encoding="utf-8"))
    seed = seed_path.read_text(encoding="utf-8")
    unseen = [p.read_text(encoding="utf-8") for p in raw[WARM_RAW : WARM_RAW + TIMED_RAW]]
    seed_first = stage_times(seed)
    raw_first = [sum(col) / len(unseen) for col in zip(*map(stage_times, unseen), strict=True)]
    seed_rep = [min(col) for col in zip(*(stage_times(seed) for _ in range(60)), strict=True)]
    raw_rep = [min(col) / len(unseen) for col in zip(*(
        [sum(col) for col in zip(*map(stage_times, unseen), strict=True)] for _ in range(3)), strict=True)]
    ms = [[round(x * 1000, 4) for x in row] for row in (seed_first, raw_first, seed_rep, raw_rep)]
    return dict(zip(("seed_first", "raw_first", "seed_rep", "raw_rep"), ms, strict=True))


def first_sight(corpus: Path, runs: int) -> None:
    cmd = [sys.executable, __file__, "--corpus", str(corpus), "--first-sight-child"]
    rows = [json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout) for _ in range(runs)]
    print(f"first sight, CPU ms per stage ({runs} fresh processes; warm-up: the other dev and interview articles "
          f"and {WARM_RAW} raw ones)")
    for label, first, rep, pool in (("seed page", "seed_first", "seed_rep", statistics.median),
                                    (f"raw mean of {TIMED_RAW} unseen", "raw_first", "raw_rep", statistics.median)):
        cells = []
        for i, stage in enumerate(STAGES):
            f = pool(r[first][i] for r in rows)
            r = pool(r[rep][i] for r in rows)
            cells.append(f"{stage} {f:.3f} (repeated {r:.3f})")
        print(f"  {label}: " + ", ".join(cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="corpus folder with dev/irna_85414319.txt and raw/*.txt")
    ap.add_argument("--first-sight", type=int, nargs="?", const=7, metavar="N",
                    help="per-stage first-sight figures over N fresh processes (default 7)")
    ap.add_argument("--first-sight-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    corpus = find_corpus(args.corpus)
    if corpus is None:
        looked = [args.corpus] if args.corpus is not None else list(DEFAULT_CORPORA)
        print("facts_speed: no corpus (a folder with " + str(SEED) + " and raw/) at "
              + ", ".join(str(c) for c in looked) + "; give --corpus DIR", file=sys.stderr)
        return 2
    if args.first_sight_child:
        print(json.dumps(first_sight_child(corpus)))
        return 0
    print(f"corpus: {corpus}")
    if args.first_sight:
        first_sight(corpus, args.first_sight)
        return 0
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
    grows, cyclic = gc_pressure(lambda: [extract_facts(d) for d in docs[:200]])
    print(f"GC: {grows / 200:.1f} net new objects the collector counts per article (its results dropped), "
          f"{cyclic / 200:.1f} left in reference cycles")
    return 0


def gc_pressure(fn) -> tuple[int, int]:
    """How much of the cyclic GC's work ``fn()`` makes: the growth of the generation-0 count (a collection runs
    each 700; one that lands in a timed call at first sight costs ~0.25 ms, the fresh document being young),
    and the objects it left in reference cycles (freed only by a collection; a closure that calls itself holds
    one). Run after a warm-up, so that caches do not grow."""
    fn()
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        before = gc.get_count()[0]
        fn()
        grows = gc.get_count()[0] - before
        return grows, gc.collect()
    finally:
        if enabled:
            gc.enable()


if __name__ == "__main__":
    raise SystemExit(main())
