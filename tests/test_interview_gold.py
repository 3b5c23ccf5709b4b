"""Every interview fixture against its gold question turns (NAME.qa.json) and interviewee."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar_extract.article import read_article, score_questions
from khabar_extract.article._text import key

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
QA = sorted(FIXTURES.glob("*.qa.json"))


def _load(qa_path: Path):
    gold = json.loads(qa_path.read_text(encoding="utf-8"))
    text = (FIXTURES / gold["file"]).read_text(encoding="utf-8")
    return gold, text


@pytest.mark.parametrize("qa_path", QA, ids=[p.name[: -len(".qa.json")] for p in QA])
def test_interview_gold_questions_found_exactly(qa_path):
    gold, text = _load(qa_path)
    article = read_article(text)
    tp, fp, fn = score_questions(article, gold)
    assert (tp, fp, fn) == (len(gold["questions"]), 0, 0)
    if not gold["questions"]:
        assert article.interview is None
        return
    turns = article.interview["turns"]
    assert len(turns) == len(gold["questions"])
    for turn, q in zip(turns, gold["questions"], strict=True):
        qs, qe = turn["question_span"]
        assert text[qs:qe] == turn["question"]
        assert turn["question"].startswith(q["surface"])  # the marker is not part of the question
        if turn["answer_span"] is not None:
            a_s, a_e = turn["answer_span"]
            assert text[a_s:a_e] == turn["answer"] and a_s >= qe


@pytest.mark.parametrize("qa_path", QA, ids=[p.name[: -len(".qa.json")] for p in QA])
def test_interview_gold_interviewee_name(qa_path):
    gold, text = _load(qa_path)
    article = read_article(text)
    if gold["interviewee"] is None:
        assert article.interview is None
    else:
        assert key(article.interview["interviewee"]["name"]) == key(gold["interviewee"])


def test_interview_gold_micro_f1_and_exact_counts():
    tp = fp = fn = exact = 0
    for qa_path in QA:
        gold, text = _load(qa_path)
        article = read_article(text)
        t, f, n = score_questions(article, gold)
        tp, fp, fn = tp + t, fp + f, fn + n
        exact += len((article.interview or {}).get("turns", [])) == len(gold["questions"])
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95
    assert exact >= 0.9 * len(QA)


def test_interview_roles_and_titles_from_the_introduction():
    texts = {p.name: p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.txt")}
    mendy = read_article(texts["varzesh3_1739450.txt"]).interview["interviewee"]
    assert mendy["role"] == "مدافع رئال مادرید"
    vahedi = read_article(texts["fars_13990625001148.txt"]).interview
    assert vahedi["interviewer"] == "فارس"
    mashaei = read_article(texts["fars_8705180199.txt"]).interview["interviewee"]
    assert mashaei["role"].startswith("معاون رئيس جمهور")


def test_interview_speaker_labels_left_out_of_answers():
    text = (FIXTURES / "fars_13990625001148.txt").read_text(encoding="utf-8")
    article = read_article(text)
    for turn in article.interview["turns"]:
        assert not turn["answer"].startswith("واحدی:")
    speakers = [s for s in article.segments if s["kind"] == "speaker"]
    assert len(speakers) == 9 and all(text[s["span"][0]:s["span"][1]] == "واحدی:" for s in speakers)
    crossheads = [s for s in article.segments if s["kind"] == "crosshead"]
    assert [text[s["span"][0]:s["span"][1]][:2] for s in crossheads] == ["* "] * 4
