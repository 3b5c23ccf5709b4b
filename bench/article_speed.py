"""Speed of read_article and of the pipeline glue (CPU time per article) on the seed irna page, an interview
and the raw corpus.

Usage: .venv/bin/python bench/article_speed.py [--repeats N] [--corpus DIR]

Every figure is the best of N timed passes (CPU time, so that other processes on a shared machine count
less); to compare two versions, run this alternately on each and compare best figures. "glue" is what the
pipeline spends outside its three stages: the chrome filter inside ``extract`` (in bench/run.py's "full
pipeline" figure), and ``Record.to_dict`` (fact ids, ``Article.locate`` per fact, the text's sha256 when no
source hash is given; not in that figure). "fixed cost" is the time of a one-word text (``سلام``): what every
call pays whatever the article.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from khabar_extract.article import read_article
from khabar_extract.facts import extract_facts
from khabar_extract.normalize import normalize
from khabar_extract.pipeline import Record, _outside_chrome, extract
from khabar_extract.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[1] / "../shared/corpus"


def best_ms(fn: Callable[[Any], Any], args: Sequence[Any], repeats: int, inner: int = 1) -> float:
    """Best over ``repeats`` passes of the mean CPU time of ``fn(arg)`` over ``args`` (each ``inner`` times), in ms."""
    for a in args[:20]:
        fn(a)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        for _ in range(inner):
            for a in args:
                fn(a)
        best = min(best, (time.process_time() - t0) / (inner * len(args)))
    return best * 1000


def _chrome_filter(pair: tuple[list[Any], list[dict[str, Any]]]) -> Any:
    return _outside_chrome(*pair)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5, help="timed passes per figure (the best is kept)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the shared corpus (default: ../shared/corpus)")
    args = ap.parse_args(argv)
    corpus = args.corpus
    # Calibration: design-notes.md measured a plain str.translate fold of a 6 KB article at 0.21 ms on its
    # reference machine; the same operation here tells how much slower this machine is right now.
    fold_table = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", **{chr(0x660 + i): chr(0x6F0 + i) for i in range(10)},
                                **{chr(0x30 + i): chr(0x6F0 + i) for i in range(10)}})
    interview = (corpus / "interviews/fars_13911115001115.txt").read_text(encoding="utf-8")
    sample = interview[:6000]
    translate = best_ms(sample.translate, [fold_table], args.repeats, 300)
    scale = 0.21 / translate
    print(f"calibration: str.translate over 6 KB = {translate:.3f} ms here (0.21 ms on the design-notes machine); "
          f"figures in [] are scaled to that machine")
    texts = {
        "seed dev/irna_85414319.txt": [(corpus / "dev/irna_85414319.txt").read_text(encoding="utf-8")],
        "interview interviews/fars_13911115001115.txt": [interview],
        "raw/ (mean per article)": [p.read_text(encoding="utf-8") for p in sorted((corpus / "raw").glob("*.txt"))],
    }
    for label, items in texts.items():
        inner = 200 if len(items) == 1 else 1
        ra = best_ms(read_article, items, args.repeats, inner)
        ss = best_ms(split_sentences, items, args.repeats, inner)
        docs = [normalize(t) for t in items]
        arts = [read_article(t, d) for t, d in zip(items, docs, strict=True)]
        facts = [extract_facts(d, reference_date=a.reference_jalali) for d, a in zip(docs, arts, strict=True)]
        records = [Record(d, a, f) for d, a, f in zip(docs, arts, facts, strict=True)]
        pairs = [(f, a) for f, a in zip(facts, arts, strict=True)]
        chrome = best_ms(_chrome_filter, pairs, args.repeats, inner)
        to_dict = best_ms(Record.to_dict, records, args.repeats, inner)
        n_facts = sum(map(len, facts)) / len(facts)
        print(f"{label}: {sum(map(len, items)) / len(items):.0f} chars, read_article {ra:.3f} ms [{ra * scale:.3f}] "
              f"(sentences alone {ss:.3f} ms); glue: chrome filter {chrome:.3f} ms, Record.to_dict {to_dict:.3f} ms "
              f"({n_facts:.1f} facts) CPU per article")
    word = ["سلام"]
    print(f"fixed cost (one word): read_article {best_ms(read_article, word, args.repeats, 2000):.3f} ms, "
          f"extract {best_ms(extract, word, args.repeats, 2000):.3f} ms CPU per call")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
