#!/usr/bin/env python3
"""Rebuild the learned word lists of the ZWNJ repair from Fars articles that write ZWNJ correctly.

    python scripts/build_zwnj_lexicon.py                      # all Fars articles -> the package data
    python scripts/build_zwnj_lexicon.py --split train --out /tmp/lex   # the learning half of the split
    python scripts/build_zwnj_lexicon.py --derived            # only lexicon.json, from the TSVs in --out

Reads ``fars_*.txt`` under ``--corpus`` (default ``../shared/corpus/raw`` beside the repository), folds
them with the normaliser itself (ZWNJ repair off) and writes three files into ``--out``:

``pieces.tsv``     piece<TAB>count<TAB>initial<TAB>final: every run of letters between spaces, ZWNJ or
                   punctuation, and how often no ZWNJ precedes / follows it;
``junctions.tsv``  a<TAB>b<TAB>zwnj<TAB>space: pairs written ``a‌b`` at least once, with how often
                   they are written with a ZWNJ and with a space;
``lexicon.json``   the two counts again and the tables the ZWNJ repair derives from them and ``rules.json``
                   (``normalize.DERIVED_FILE``), which the bundled lexicon loads instead of both TSVs: rebuild
                   it with ``--derived`` after editing a TSV, rules.json or ``ZwnjLexicon._derive``
                   (tests/test_normalize_lexicon_derived.py fails until then).

The split is fixed by a hash of the file name (:func:`split_of`), so ``bench/zwnj.py`` can measure on
the articles the learning never saw.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from khabar_extract.normalize import DERIVED_FILE, PIECE, ZWNJ, derived_json, load_lexicon, normalize  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
DEFAULT_OUT = ROOT / "src" / "khabar_extract" / "data" / "normalize"
# A piece, and what separates it from the next one.
_TOKEN = re.compile(f"([{PIECE}]+)(?=([{ZWNJ} ]?)([{PIECE}]*))")


def split_of(name: str) -> str:
    """'test' for one article in five (by a hash of its file name), else 'train'."""
    return "test" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 5 == 0 else "train"


def fars_files(corpus: Path, split: str = "all") -> list[Path]:
    files = sorted(corpus.glob("fars_*.txt"))
    return [f for f in files if split == "all" or split_of(f.name) == split]


def learn(texts: list[str]) -> tuple[dict[str, list[int]], dict[tuple[str, str], list[int]]]:
    """Piece counts ``[all, starting a word, ending a word]`` (no ZWNJ before / after it) and junction
    counts ``[zwnj, space]``."""
    pieces: dict[str, list[int]] = {}
    zw: Counter[tuple[str, str]] = Counter()
    pairs_space: list[tuple[str, str]] = []
    for raw in texts:
        text = normalize(raw, zwnj=False).text
        for m in _TOKEN.finditer(text):
            a, sep, b = m.group(1), m.group(2), m.group(3)
            s = m.start()
            c = pieces.get(a)
            if c is None:
                c = pieces[a] = [0, 0, 0]
            c[0] += 1
            if s == 0 or text[s - 1] != ZWNJ:
                c[1] += 1
            if sep != ZWNJ:
                c[2] += 1
            if b and sep == ZWNJ:
                zw[(a, b)] += 1
            elif b and sep == " ":
                pairs_space.append((a, b))
    junctions = {k: [v, 0] for k, v in zw.items()}
    for p in pairs_space:
        j = junctions.get(p)
        if j is not None:
            j[1] += 1
    return pieces, junctions


def write(
    out: Path, pieces: dict[str, list[int]], junctions: dict[tuple[str, str], list[int]], source: str
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    head = f"# learned by scripts/build_zwnj_lexicon.py from {source}\n"
    with open(out / "pieces.tsv", "w", encoding="utf-8") as f:
        f.write(head + "# piece\tcount\tcount with no ZWNJ before it\tcount with no ZWNJ after it\n")
        for w, (n, first, last) in sorted(pieces.items(), key=lambda kv: (-kv[1][0], kv[0])):
            f.write(f"{w}\t{n}\t{first}\t{last}\n")
    with open(out / "junctions.tsv", "w", encoding="utf-8") as f:
        f.write(head + "# a\tb\tcount written a<ZWNJ>b\tcount written 'a b'\n")
        for (a, b), (j, sp) in sorted(junctions.items(), key=lambda kv: (-kv[1][0], kv[0])):
            f.write(f"{a}\t{b}\t{j}\t{sp}\n")


def write_derived(out: Path) -> None:
    """``lexicon.json`` from the TSVs in ``out`` and the bundled rules."""
    (out / DERIVED_FILE).write_text(derived_json(load_lexicon(out)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding fars_*.txt")
    ap.add_argument("--split", choices=("all", "train", "test"), default="all")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--derived", action="store_true", help=f"only rebuild {DERIVED_FILE} from the TSVs in --out")
    args = ap.parse_args(argv)
    if args.derived:
        write_derived(args.out)
        print(f"{args.out / DERIVED_FILE} rebuilt from the TSVs beside it")
        return 0
    files = fars_files(args.corpus, args.split)
    if not files:
        print(f"no fars_*.txt under {args.corpus}", file=sys.stderr)
        return 1
    pieces, junctions = learn([f.read_text(encoding="utf-8") for f in files])
    write(args.out, pieces, junctions, f"{len(files)} Fars articles ({args.split})")
    write_derived(args.out)
    print(f"{len(files)} articles: {len(pieces)} pieces, {len(junctions)} junctions -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
