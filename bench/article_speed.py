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
    for rel in ("dev/irna_85414319.txt", "interviews/fars_13911115001115.txt"):
        text = (CORPUS / rel).read_text(encoding="utf-8")
        print(f"{rel}: {len(text)} chars, read_article {per_call(read_article, text, 300):.3f} ms "
              f"(sentences alone {per_call(split_sentences, text, 300):.3f} ms) CPU per call")
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "raw").glob("*.txt"))]
    t0 = time.process_time()
    for t in texts:
        read_article(t)
    dt = time.process_time() - t0
    chars = sum(map(len, texts))
    print(f"raw: {len(texts)} articles, {chars / len(texts):.0f} chars on average, "
          f"{dt / len(texts) * 1000:.3f} ms/article, {dt / chars * 6000 * 1000:.3f} ms per 6 KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
