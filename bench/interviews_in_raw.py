"""List the raw articles that the article stage classifies as interviews (no gold: look at each one).

Usage: .venv/bin/python bench/interviews_in_raw.py [FOLDER] [-v]   (default: ../shared/corpus/raw)
Prints each article classified as an interview with its mode, number of turns, interviewee and the first
question, then the count. With -v, every question.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from khabar_extract.article import read_article


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("-")]
    verbose = "-v" in argv
    folder = Path(args[0] if args else Path(__file__).resolve().parents[1] / "../shared/corpus/raw")
    paths = sorted(folder.glob("*.txt"))
    found = 0
    elapsed = 0.0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        art = read_article(text)
        elapsed += time.perf_counter() - t0
        if art.interview is None:
            continue
        found += 1
        turns = art.interview["turns"]
        who = art.interview["interviewee"]
        print(f"{path.name}: {len(turns)} turns, interviewee {who['name']!r} ({who['title']!r}, {who['role']!r}), "
              f"interviewer {art.interview['interviewer']!r}")
        for t in turns if verbose else turns[:1]:
            print(f"    Q: {t['question'][:100]!r}")
    print(f"\n{found} of {len(paths)} articles classified as interviews; "
          f"read_article: {elapsed / max(len(paths), 1) * 1000:.3f} ms/article on average")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
