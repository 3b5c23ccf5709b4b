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


def test_interview_shapes_rhetorical_question_inside_an_answer_is_not_a_turn():
    text, gold = _load("varzesh3_1725317")  # unmarked, one paragraph per answer
    paragraphs = _paragraphs(text)
    i = gold["questions"][1]["paragraph"] + 1  # the second answer
    first, rest = re.split(r"(?<=\.)\s", paragraphs[i], maxsplit=1)
    # a real rhetorical question (raw fars_13920229000830) between two paragraphs of the answer
    paragraphs[i:i + 1] = [first, "مگر مردم بحرین چه می‌خواهند؟", rest]
    shifted = {"questions": [
        {"surface": q["surface"], "paragraph": q["paragraph"] + (2 if q["paragraph"] > i else 0)}
        for q in gold["questions"]
    ]}
    article = read_article("\n\n".join(paragraphs) + "\n")
    assert score_questions(article, shifted) == (5, 0, 0)
    assert "مگر مردم بحرین" in article.interview["turns"][1]["answer"]


def test_interview_shapes_question_put_as_a_statement_without_question_mark():
    text, gold = _load("varzesh3_1528056")  # unmarked, questions addressed with تو
    q = "این موضوع را تایید می کنی؟"
    assert q in text
    article = read_article(text.replace(q, "این موضوع را تایید می کنی."))
    assert score_questions(article, gold) == (5, 0, 0)
    assert article.interview["turns"][3]["question"].endswith("این موضوع را تایید می کنی.")


def _one_sentence_per_line(text: str) -> str:
    head, _, body = text.partition("\n\n")
    body = re.sub(r"\n\s*\n", "\n", body.strip())
    return head + "\n\n" + re.sub(r"\.[ \t]*(?=\S)", ".\n", body) + "\n"


def test_interview_shapes_two_question_unmarked_interview():
    # the real interview cut after its second answer: two questions addressed with تو, "در گفت و گو با ورزش سه"
    text, gold = _load("varzesh3_1528056")
    paragraphs = _paragraphs(text)
    cut = gold["questions"][2]["paragraph"]
    short = "\n\n".join(paragraphs[:cut]) + "\n"
    assert score_questions(read_article(short), {"questions": gold["questions"][:2]}) == (2, 0, 0)


def test_interview_shapes_report_with_two_question_lines_is_not_an_interview():
    text = (FIXTURES / "fars_8601260534.txt").read_text(encoding="utf-8")  # "عليخاني كيست؟", "آيا ... آقاي ...؟"
    assert read_article(text).interview is None
    assert read_article(_one_sentence_per_line(text)).interview is None


def test_interview_shapes_bold_questions():
    # questions kept in bold markup by a scraper ("**...؟**"), including the one ending in an imperative full stop
    text, gold = _load("irna_85414319")
    bold = re.sub(r"(?m)^ایرنا\. (.*)$", r"**\1**", text)
    assert bold.count("**") == 10
    assert score_questions(read_article(bold), gold) == (5, 0, 0)


def test_interview_shapes_noun_phrase_headings_with_question_marks_are_not_questions():
    # a press review: "* همشهري", "* جمهوري اسلامي" head each section; written "* همشهري؟" they are still headings
    text = (FIXTURES / "fars_8212230014.txt").read_text(encoding="utf-8")
    assert read_article(text).interview is None
    asked = re.sub(r"(?m)^(\* [^\n.:]{2,40})$", r"\1؟", text)
    assert asked.count("؟") >= 3
    assert read_article(asked).interview is None


def test_interview_shapes_verbless_alternative_question_counts():
    # "-قهرمانی در لالیگا یا چمپیونزلیگ؟" (varzesh3_1739450) has no verb; "X یا Y" makes it a question
    text, gold = _load("varzesh3_1739450")
    assert "-قهرمانی در لالیگا یا چمپیونزلیگ؟" in text
    unmarked = re.sub(r"(?m)^-", "", text)
    assert score_questions(read_article(unmarked), gold) == (20, 0, 0)


def test_interview_shapes_statement_question_in_a_body_without_blank_lines():
    # one paragraph per line and no blank lines (not one sentence per line): a question put as a statement still counts
    text, gold = _load("varzesh3_1528056")
    head, _, body = text.partition("\n\n")
    packed = head + "\n\n" + re.sub(r"\n\s*\n", "\n", body.strip()) + "\n"
    packed = packed.replace("این موضوع را تایید می کنی؟", "این موضوع را تایید می کنی.")
    gold = {"questions": [{"surface": q["surface"], "paragraph": None} for q in gold["questions"]]}
    assert score_questions(read_article(packed), gold) == (5, 0, 0)
