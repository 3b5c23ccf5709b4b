"""Speed of read_article (CPU time per article) on the seed irna page, an interview and the raw corpus.

Usage: .venv/bin/python bench/article_speed.py
"""

from __future__ import annotations

import time
from pathlib import Path

from khabar_extract.article import read_article
from khabar_extract.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[1] / "../shared/corpus"


def per_call(fn, arg, n: int) -> float:
    fn(arg)
    t0 = time.process_time()
    for _ in range(n):
        fn(arg)
    return (time.process_time() - t0) / n * 1000


def main() -> int:
    # Calibration: design-notes.md measured a plain str.translate fold of a 6 KB article at 0.21 ms on its
    # reference machine; the same operation here tells how much slower this machine is right now.
    fold_table = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", **{chr(0x660 + i): chr(0x6F0 + i) for i in range(10)},
                                **{chr(0x30 + i): chr(0x6F0 + i) for i in range(10)}})
    sample = (CORPUS / "interviews/fars_13911115001115.txt").read_text(encoding="utf-8")[:6000]
    translate = per_call(sample.translate, fold_table, 300)
    scale = 0.21 / translate
    print(f"calibration: str.translate over 6 KB = {translate:.3f} ms here (0.21 ms on the design-notes machine); "
          f"figures in [] are scaled to that machine")
    for rel in ("dev/irna_85414319.txt", "interviews/fars_13911115001115.txt"):
        text = (CORPUS / rel).read_text(encoding="utf-8")
        ra = per_call(read_article, text, 300)
        print(f"{rel}: {len(text)} chars, read_article {ra:.3f} ms [{ra * scale:.3f}] "
              f"(sentences alone {per_call(split_sentences, text, 300):.3f} ms) CPU per call")
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "raw").glob("*.txt"))]
    t0 = time.process_time()
    for t in texts:
        read_article(t)
    dt = time.process_time() - t0
    chars = sum(map(len, texts))
    per6k = dt / chars * 6000 * 1000
    print(f"raw: {len(texts)} articles, {chars / len(texts):.0f} chars on average, "
          f"{dt / len(texts) * 1000:.3f} ms/article, {per6k:.3f} ms per 6 KB [{per6k * scale:.3f}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
