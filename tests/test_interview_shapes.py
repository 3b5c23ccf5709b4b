"""Interview shapes another editor would produce from the same real interviews: one-line answers, questions that
open with a statement, rhetorical questions inside answers, questions without a question mark."""

from __future__ import annotations

import json
import re
from pathlib import Path

from khabar_extract.article import read_article, score_questions

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _load(name: str):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{name}.qa.json").read_text(encoding="utf-8"))
    return text, gold


def _paragraphs(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


def _answers(gold) -> set[int]:
    """Indexes of the first answer paragraph after each gold question (blank-line paragraphs)."""
    return {q["paragraph"] + 1 for q in gold["questions"]}


def test_interview_shapes_one_sentence_answers_in_an_unmarked_interview():
    text, gold = _load("varzesh3_1528056")  # unmarked: questions addressed with تو, "در ادامه ... می خوانید:"
    paragraphs = _paragraphs(text)
    for i in _answers(gold):
        paragraphs[i] = re.split(r"(?<=\.)\s", paragraphs[i])[0]  # keep the answer's first sentence only
    short = "\n\n".join(paragraphs) + "\n"
    assert score_questions(read_article(short), gold) == (5, 0, 0)


def test_interview_shapes_short_question_paragraphs_without_interview_signs_stay_a_report():
    # the same shortened page without its interview introduction and with questions not addressed to anyone
    text, gold = _load("varzesh3_1528056")
    paragraphs = _paragraphs(text)
    for i in _answers(gold):
        paragraphs[i] = re.split(r"(?<=\.)\s", paragraphs[i])[0]
    paragraphs[2] = "محمد دانشگر یکی از بازیکنانی است که در نقل و انتقالات به استقلال آمد."
    for q in gold["questions"]:
        paragraphs[q["paragraph"]] = "چرا این اتفاق در زمان سرمربیگری منصوریان نیفتاد؟"
    assert read_article("\n\n".join(paragraphs) + "\n").interview is None
