#!/usr/bin/env python3
"""ZWNJ restoration on real Fars text, and normaliser speed: khabar_extract vs hazm and parsivar.

    .venv/bin/python bench/zwnj.py                 # khabar_extract alone
    /work/bench-venv/bin/python bench/zwnj.py      # with hazm and parsivar, when installed there
    .venv/bin/python bench/zwnj.py --startup 9     # only the normaliser's start-up, 9 fresh processes
    .venv/bin/python bench/zwnj.py --first-sight 5 [--against OTHER/src]
                                                   # only the cost of a text seen for the first time

Protocol (docs/normalization.md): take the Fars articles of ``../shared/corpus/raw`` that contain ZWNJ;
delete every ZWNJ, alternately glued (``گروههای``) and replaced by a space (``گروه های``); normalise;
compare the words that carry a ZWNJ with the source, per article as multisets, micro-averaged.
Before comparing, both sides are folded the same way: ي/ك to ی/ک, digits to Persian, vowel marks and
kashida removed, ZWNJ at a word's edge dropped, punctuation around a word stripped.  A word counts as
ZWNJ-bearing when a ZWNJ sits between two of its letters.

Learning is measured honestly: the bundled lexicon was learned from all Fars articles, so the script
also rebuilds the lexicon from the *train* split only (``scripts/build_zwnj_lexicon.py``) and measures it
on the *test* split it never saw.  ``measure(texts)`` is the importable entry point.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from khabar_extract.normalize import PIECE, ZWNJ, fold_chars, normalize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_STRIP = re.compile(f"^[^{PIECE}0-9\u06f0-\u06f9A-Za-z]+|[^{PIECE}0-9\u06f0-\u06f9A-Za-z]+$")
_INNER = re.compile(f"[{PIECE}]{ZWNJ}+[{PIECE}]")


def corrupt(text: str) -> str:
    """Delete every ZWNJ, alternately glued and replaced by a space."""
    out = []
    k = 0
    for ch in text:
        if ch == ZWNJ:
            out.append("" if k % 2 == 0 else " ")
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def zwnj_words(text: str) -> Counter[str]:
    """The ZWNJ-bearing words of ``text``, folded for comparison."""
    text = _MARKS.sub("", fold_chars(text))
    out: Counter[str] = Counter()
    for tok in text.split():
        tok = _STRIP.sub("", tok).strip(ZWNJ)
        if _INNER.search(tok):
            out[re.sub(f"{ZWNJ}+", ZWNJ, tok)] += 1
    return out


def score(pairs: list[tuple[Counter[str], Counter[str]]]) -> dict[str, float]:
    tp = gold = pred = 0
    for g, p in pairs:
        tp += sum((g & p).values())
        gold += sum(g.values())
        pred += sum(p.values())
    prec = tp / pred if pred else 0.0
    rec = tp / gold if gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "gold": gold,
        "pred": pred,
        "tp": tp,
    }


def measure_one(texts: list[str], fn: Callable[[str], str]) -> dict[str, Any]:
    """Strict figures (as specified), plus ``excluding_source_gaps``: the same with the predictions
    removed that the system also makes on the *uncorrupted* source (words the author wrote without
    a ZWNJ that the system joins anyway; they count against every system under the strict rule)."""
    pairs = []
    adjusted = []
    for t in texts:
        if ZWNJ not in t:
            continue
        gold = zwnj_words(t)
        pred = zwnj_words(fn(corrupt(t)))
        pairs.append((gold, pred))
        own = zwnj_words(fn(t)) - gold
        adjusted.append((gold, pred - own))
    out: dict[str, Any] = score(pairs)
    out["excluding_source_gaps"] = score(adjusted)
    return out


def optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except Exception:  # noqa: BLE001 - any import failure means "not installed here"
        return None


def systems(lexicon: Any = None) -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {"khabar_extract": lambda t: normalize(t, lexicon=lexicon).text}
    hazm = optional("hazm")
    if hazm is not None:
        out["hazm"] = hazm.Normalizer().normalize
    parsivar = optional("parsivar")
    if parsivar is not None:
        out["parsivar"] = parsivar.Normalizer().normalize
    return out


def measure(texts: list[str]) -> dict[str, Any]:
    """ZWNJ restoration figures on ``texts`` for khabar_extract (bundled lexicon) and, when importable,
    hazm and parsivar; plus mean normalisation time per article."""
    result: dict[str, Any] = {}
    for name, fn in systems().items():
        fig = measure_one(texts, fn)
        fig["ms_per_article"] = round(per_article_ms(fn, texts[:100]), 3)
        result[name] = fig
    return result


def per_article_ms(fn: Callable[[str], Any], texts: list[str], rounds: int = 3) -> float:
    if not texts:
        return 0.0
    for t in texts[:5]:
        fn(t)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best / len(texts) * 1000


def article_6kb(paths: list[Path]) -> str:
    """The raw article whose UTF-8 size is closest to 6 KB."""
    return min((p.read_text(encoding="utf-8") for p in paths), key=lambda t: abs(len(t.encode()) - 6000))


# Start-up, timed in a fresh interpreter (CPU seconds, printed on one line): import and the first call, then
# in another process the bundled lexicon alone (lexicon.json) and the same lexicon from its TSVs and rules.
_STARTUP = {
    "import + first normalize()": "t = cpu(); from khabar_extract.normalize import normalize; normalize(TEXT)",
    "bundled lexicon (lexicon.json)": "import khabar_extract.normalize as nz; nz._rules(); t = cpu(); nz.load_lexicon()",
    "lexicon from its TSVs (derived)": (
        "import khabar_extract.normalize as nz; nz._rules(); folder = str(nz.resources.files('khabar_extract')"
        " / 'data' / 'normalize'); t = cpu(); nz.load_lexicon(folder)"
    ),
}


def startup(runs: int) -> dict[str, list[float]]:
    """CPU ms of each ``_STARTUP`` step in ``runs`` fresh processes each (the package byte-compiled first, as
    pip install does; this machine sets PYTHONDONTWRITEBYTECODE), the steps taking turns."""
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    out: dict[str, list[float]] = {name: [] for name in _STARTUP}
    for _ in range(runs):
        for name, step in _STARTUP.items():
            code = (
                f"import sys, time; sys.path.insert(0, {str(ROOT / 'src')!r}); cpu = time.process_time; "
                f"TEXT = 'گروه های'; {step}; print((cpu() - t) * 1000)"
            )
            got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            out[name].append(float(got.stdout.split()[-1]))
    return out


# First sight, timed in a fresh interpreter (CPU ms, printed on one line): warmed on the dev and interview
# articles (not the seed page's namesake in interviews/) and the first 200 raw ones, then the next 300 raw
# articles once each (mean) and the seed page once; then the same texts repeated (seed: best of 30 calls,
# raw: best of 3 passes).
_FIRST_SIGHT = """
import sys, time
sys.path.insert(0, SRC)
from pathlib import Path
from khabar_extract.normalize import normalize
cpu = time.process_time
corpus = Path(CORPUS)
seed_path = corpus / "dev" / SEED
seed = seed_path.read_text(encoding="utf-8")
warm = [p for sub in ("dev", "interviews") for p in sorted((corpus / sub).glob("*.txt")) if p.name != SEED]
raw = [p.read_text(encoding="utf-8") for p in sorted((corpus / "raw").glob("*.txt"))]
for text in [p.read_text(encoding="utf-8") for p in warm] + raw[:200]:
    normalize(text)
new = raw[200:500]
t = cpu()
for text in new:
    normalize(text)
raw_first = (cpu() - t) / len(new)
t = cpu()
normalize(seed)
seed_first = cpu() - t
seed_again = raw_again = 1e9
for _ in range(30):
    t = cpu()
    normalize(seed)
    seed_again = min(seed_again, cpu() - t)
for _ in range(3):
    t = cpu()
    for text in new:
        normalize(text)
    raw_again = min(raw_again, (cpu() - t) / len(new))
print(*(f"{x * 1000:.4f}" for x in (seed_first, raw_first, seed_again, raw_again)))
"""
FIRST_SIGHT_ROWS = ("seed page, first sight", "raw, first sight (mean of 300)", "seed page, repeated", "raw, repeated")


def first_sight(rounds: int, trees: dict[str, Path], corpus: Path) -> dict[str, list[list[float]]]:
    """CPU ms of the ``_FIRST_SIGHT`` figures in ``rounds`` fresh processes per source tree (each tree's
    ``src`` byte-compiled first), the trees taking turns."""
    for src in trees.values():
        compileall.compile_dir(str(src), quiet=1)
    out: dict[str, list[list[float]]] = {name: [] for name in trees}
    for _ in range(rounds):
        for name, src in trees.items():
            code = f"SRC = {str(src)!r}; CORPUS = {str(corpus)!r}; SEED = 'irna_85414319.txt'" + _FIRST_SIGHT
            got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            out[name].append([float(x) for x in got.stdout.split()])
    return out


def main(argv: list[str] | None = None) -> int:
    from build_zwnj_lexicon import fars_files, learn, split_of, write

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--startup", type=int, metavar="N", help="only time the start-up, in N fresh processes")
    ap.add_argument("--first-sight", type=int, metavar="N", help="only time texts seen for the first time, N rounds")
    ap.add_argument("--against", type=Path, metavar="SRC", help="with --first-sight: another tree's src, in turns")
    args = ap.parse_args(argv)
    if args.first_sight:
        trees = {"this tree": ROOT / "src", **({str(args.against): args.against} if args.against else {})}
        print(f"# Normaliser at first sight: CPU ms in {args.first_sight} fresh processes per tree (median, best)")
        for name, runs in first_sight(args.first_sight, trees, args.corpus.parent).items():
            print(name)
            for row, col in zip(FIRST_SIGHT_ROWS, zip(*runs, strict=True), strict=True):
                print(f"  {row:<34}{statistics.median(col):8.3f}{min(col):8.3f}")
        return 0
    if args.startup:
        print(f"# Normaliser start-up: CPU ms in {args.startup} fresh processes (best, median)")
        for name, ts in startup(args.startup).items():
            print(f"{name:<36}{min(ts):8.1f}{statistics.median(ts):8.1f}")
        return 0
    files = fars_files(args.corpus)
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    with_zwnj = {k: v for k, v in texts.items() if ZWNJ in v}
    test = [v for k, v in with_zwnj.items() if split_of(k) == "test"]
    train_all = [v for k, v in texts.items() if split_of(k) == "train"]
    print(f"# ZWNJ restoration: {len(with_zwnj)} Fars articles with ZWNJ ({len(test)} in the test split)\n")

    with tempfile.TemporaryDirectory() as tmp:
        pieces, junctions = learn(train_all)
        write(Path(tmp), pieces, junctions, "train split")
        from khabar_extract.normalize import load_lexicon

        train_lex = load_lexicon(tmp)
        rows: list[tuple[str, dict[str, float]]] = []
        rows.append(
            (
                "khabar_extract, lexicon learned on train, measured on test (held out)",
                measure_one(test, lambda t: normalize(t, lexicon=train_lex).text),
            )
        )
        rows.append(
            (
                "  same, zwnj_author_style=True (held out)",
                measure_one(test, lambda t: normalize(t, lexicon=train_lex, zwnj_author_style=True).text),
            )
        )
        empty = Path(tmp) / "empty"
        empty.mkdir()
        (empty / "pieces.tsv").write_text("", encoding="utf-8")
        (empty / "junctions.tsv").write_text("", encoding="utf-8")
        rules_lex = load_lexicon(empty)
        rows.append(
            (
                "khabar_extract, rules only (no learned lists), test split",
                measure_one(test, lambda t: normalize(t, lexicon=rules_lex).text),
            )
        )
    rows.append(
        (
            "khabar_extract, bundled lexicon (learned on all), test split",
            measure_one(test, lambda t: normalize(t).text),
        )
    )
    rows.append(
        (
            "khabar_extract, bundled lexicon, all articles (in-sample)",
            measure_one(list(with_zwnj.values()), lambda t: normalize(t).text),
        )
    )
    rows.append(
        (
            "  same, zwnj_author_style=True (in-sample)",
            measure_one(list(with_zwnj.values()), lambda t: normalize(t, zwnj_author_style=True).text),
        )
    )
    others = systems()
    for name in ("hazm", "parsivar"):
        if name in others:
            rows.append((f"{name}, test split", measure_one(test, others[name])))
            rows.append((f"{name}, all articles", measure_one(list(with_zwnj.values()), others[name])))
        else:
            print(f"[{name} not importable in this interpreter: skipped]")
    print(f"{'':<72}{'strict (as specified)':^34}   excluding source gaps")
    print(f"{'system':<72}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>6}   {'P':>5} {'R':>5} {'F1':>5}")
    for label, fig in rows:
        a = fig["excluding_source_gaps"]
        print(
            f"{label:<72}{fig['precision']:7.3f}{fig['recall']:7.3f}{fig['f1']:7.3f}{fig['gold']:7d}{fig['pred']:6d}"
            f"   {a['precision']:.3f} {a['recall']:.3f} {a['f1']:.3f}"
        )
    print(
        "\nstrict: every ZWNJ word of the output not in the source counts as wrong, including the words the"
        "\nauthor wrote without ZWNJ (می شود, سلاح های) that a normaliser should fix; 'excluding source gaps'"
        "\ndrops from each system's output the ZWNJ words it also adds to the uncorrupted source."
        "\nzwnj_author_style=True (off by default) leaves a class of repair (plural, می verb, ...) that a"
        "\ndocument writes in one form far more often than the other as the author wrote it."
    )

    print("\n# Normalisation time (one process, best of 3)")
    six = article_6kb(files)
    sample = list(texts.values())[:200]
    for name, fn in others.items():
        one = statistics.median(per_article_ms(fn, [six], rounds=1) for _ in range(50)) if six else 0.0
        print(
            f"{name:<16} 6 KB article ({len(six.encode())} bytes): {one:6.3f} ms   "
            f"mean over {len(sample)} raw articles: {per_article_ms(fn, sample):6.3f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
