"""Interview markers: the same real interviews re-marked in each style seen in agency copy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from khabar_extract.article import read_article, score_questions

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _load(name: str):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{name}.qa.json").read_text(encoding="utf-8"))
    return text, gold


def _exact(text: str, gold) -> None:
    article = read_article(text)
    assert score_questions(article, gold) == (len(gold["questions"]), 0, 0)


@pytest.mark.parametrize(
    "marker",
    ["فارس:", "فارس:\N{ZERO WIDTH NON-JOINER}", "ایرنا:", "ایرنا.", "سؤال:", "سوال:", "سئوال :", "س:", "پرسش:",
     "خبرنگار:", "خبرنگار فارس:", "*", "-", ""],
)
def test_interview_markers_each_question_style(marker):
    text, gold = _load("fars_13990625001148")  # questions marked "فارس:", answers "واحدی:", "*" crossheads
    remarked = re.sub(r"(?m)^فارس: ", marker + " " if marker else "", text)
    _exact(remarked, gold)


def test_interview_markers_answer_labels_and_unmarked_long_questions():
    text, gold = _load("fars_8705180199")  # "سؤال:" questions up to 470 characters, "مشايي:" answers
    _exact(text.replace("سؤال:", "س:").replace("مشايي:", "ج:"), gold)
    unmarked = text.replace("سؤال: ", "").replace("مشايي: ", "")
    _exact(unmarked, gold)
    who = read_article(unmarked).interview["interviewee"]
    assert who["name"] == "اسفنديار رحيم مشايي"
    assert who["role"].startswith("معاون رئيس جمهور")


def test_interview_markers_star_and_dash_can_be_dropped():
    text, gold = _load("fars_13911115001115")
    _exact(re.sub(r"(?m)^\*", "", text), gold)
    text, gold = _load("varzesh3_1739450")
    _exact(re.sub(r"(?m)^-", "", text), gold)
    text, gold = _load("irna_85414319")
    _exact(text.replace("ایرنا. ", ""), gold)


def test_interview_markers_dateline_lead_is_not_a_question():
    text, _ = _load("fars_13911115001115")
    article = read_article(text)
    lead = next(s for s in article.segments if s["kind"] == "lead")
    assert text[lead["span"][0]:].startswith("خبرگزاری فارس:")
    assert all(t["question_span"][0] > lead["span"][1] for t in article.interview["turns"])


def test_interview_markers_crossheads_ending_in_question_marks_are_not_questions():
    text, gold = _load("varzesh3_1412843")  # "تیم؛ ...؟" section heads
    assert gold["questions"] == []
    assert read_article(text).interview is None
    # a "*" bullet list of facts is not an interview either
    bullets = (FIXTURES / "fars_13920114000511.txt").read_text(encoding="utf-8")
    assert read_article(bullets).interview is None


@pytest.mark.parametrize(
    ("intro", "expected"),
    [
        ("خبرنگار ایرنا در گفت‌وگو با دکتر علی محمدی، رئیس دانشگاه علوم پزشکی زنجان، به بررسی این موضوع پرداخته است.",
         {"name": "علی محمدی", "title": "دکتر", "role": "رئیس دانشگاه علوم پزشکی زنجان"}),
        ("به همین مناسبت با حجت الاسلام محمد حسینی امام جمعه زنجان گفت‌وگو کردیم که در ادامه می‌خوانید.",
         {"name": "محمد حسینی", "title": "حجت الاسلام", "role": "امام جمعه زنجان"}),
        ("ایرنا با مهدی تاج، رئیس فدراسیون فوتبال گفت‌وگویی انجام داده است.",
         {"name": "مهدی تاج", "title": None, "role": "رئیس فدراسیون فوتبال"}),
        ("در ادامه گفت‌وگوی خبرنگار ایرنا با سردار حسین سلامی فرمانده کل سپاه را می‌خوانید.",
         {"name": "حسین سلامی", "title": "سردار", "role": "فرمانده کل سپاه"}),
        ("کارلوس کی‌روش در گفت‌و‌گو با سایت فیفا از برنامه‌هایش گفت.",
         {"name": "کارلوس کی‌روش", "title": None, "role": None}),
        ("با این مسئول گفت و گو کرده‌ایم.", {"name": None, "title": None, "role": None}),
    ],
)
def test_interview_markers_interviewee_from_introduction_phrasings(intro, expected):
    seed, _ = _load("irna_85414319")
    body = seed[seed.index("ایرنا. چند گروه"):seed.index("اخبار مرتبط")]
    text = f"عنوان خبر\n\nزنجان - ایرنا - متن لید خبر است.\n\n{intro}\n\n{body}"
    interview = read_article(text).interview
    assert len(interview["turns"]) == 5
    assert interview["interviewee"] == expected


def test_interview_markers_questions_followed_by_reported_speech_are_crossheads():
    text, gold = _load("varzesh3_1725317")  # unmarked interview: first-person answers
    assert len(read_article(text).interview["turns"]) == 5
    # the same page rewritten as a report: every answer opens with "وی افزود:"
    paragraphs = text.split("\n\n")
    for i in range(4, len(paragraphs), 2):
        paragraphs[i] = "وی افزود: " + paragraphs[i]
    assert read_article("\n\n".join(paragraphs)).interview is None
