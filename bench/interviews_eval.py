"""Question-turn scores of the article stage on a folder of interviews (NAME.txt + NAME.qa.json).

Usage: .venv/bin/python bench/interviews_eval.py [FOLDER]   (default: ../shared/corpus/interviews)
Prints per file: gold / predicted / tp, exact count, interviewee found vs gold; then micro P/R/F1 and the
share of interviews with the exact number of questions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from khabar_extract.article import _text, read_article, score_questions


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parents[1] / "../shared/corpus/interviews")
    tp = fp = fn = exact = total = 0
    names_ok = names = 0
    for qa_path in sorted(folder.glob("*.qa.json")):
        gold = json.loads(qa_path.read_text(encoding="utf-8"))
        text = qa_path.with_name(qa_path.name[: -len(".qa.json")] + ".txt").read_text(encoding="utf-8")
        art = read_article(text)
        t, f, n = score_questions(art, gold)
        tp, fp, fn = tp + t, fp + f, fn + n
        total += 1
        n_gold = len(gold["questions"])
        n_pred = len((art.interview or {}).get("turns", []))
        exact += n_gold == n_pred
        who = (art.interview or {}).get("interviewee", {}).get("name") if art.interview else None
        if gold.get("interviewee"):
            names += 1
            names_ok += bool(who) and _text.key(who) == _text.key(gold["interviewee"])
        print(f"{qa_path.name:32s} gold={n_gold:2d} pred={n_pred:2d} tp={t:2d} fp={f:2d} fn={n:2d} "
              f"{'exact' if n_gold == n_pred else 'COUNT'}  interviewee={who!r} (gold {gold.get('interviewee')!r})")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"\nquestion turns: P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn}); "
          f"exact count {exact}/{total} = {exact / max(total, 1):.0%}; interviewee names {names_ok}/{names}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
