"""CI quality gate: extraction on the bundled gold must not fall under the pinned floors.

The gold under ``tests/fixtures/gold/`` is a copy of the shared dev corpus (facts) and interviews
(question turns). Floors live in ``tests/eval_floors.json``: raise them when the scores rise; lowering
one needs a reason in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar_extract.evaluation import evaluate, format_table

HERE = Path(__file__).resolve().parent
GOLD = HERE / "fixtures" / "gold"
FLOORS = json.loads((HERE / "eval_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD)


def _measured(report) -> dict[str, float]:
    facts = report.fact_scores()
    cats = report.category_scores()
    questions = report.question_scores()
    out = {f"facts_f1.{kind}": s["f1"] for kind, s in facts.items()}
    out["facts_precision_overall"] = facts["overall"]["precision"]
    out["facts_recall_overall"] = facts["overall"]["recall"]
    out["category_accuracy_overall"] = cats["overall"]["accuracy"] or 0.0
    out["category_accuracy_tracked"] = cats["tracked"]["accuracy"] or 0.0
    out["questions_f1"] = questions["f1"]
    out["questions_exact_count_rate"] = questions["exact_count_rate"]
    return out


def _floors() -> dict[str, float]:
    out = {}
    for key, value in FLOORS.items():
        if key.startswith("_"):
            continue
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            out[key] = value
    return out


def test_eval_gate_gold_covers_both_kinds(report):
    assert len(report.fact_articles) == 21
    assert len(report.qa_articles) == 9
    assert not [a.article.name for a in report.articles if a.error], "the extractor raised on a gold article"


@pytest.mark.parametrize("name", sorted(_floors()))
def test_eval_gate_score_not_under_floor(report, name):
    measured = _measured(report)
    floor = _floors()[name]
    assert measured[name] >= floor, (
        f"{name} fell to {measured[name]:.4f}, under its floor {floor} (tests/eval_floors.json)\n"
        + format_table(report)
    )
