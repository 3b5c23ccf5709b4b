"""The interviewee from real introduction paragraphs (verbatim from the raw corpus, tests/fixtures/SOURCES.md):
name, honorific and role when the paragraph says them; None rather than a wrong name when it does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar_extract.article import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
INTROS = json.loads((FIXTURES / "interview_intros.json").read_text(encoding="utf-8"))


def _interview_with_intro(intro: str) -> dict:
    seed = (FIXTURES / "irna_85414319.txt").read_text(encoding="utf-8")
    body = seed[seed.index("ایرنا. چند گروه"):seed.index("اخبار مرتبط")]
    text = f"عنوان خبر\n\nزنجان - ایرنا - متن لید خبر است.\n\n{intro}\n\n{body}"
    interview = read_article(text).interview
    assert len(interview["turns"]) == 5
    return interview["interviewee"]


@pytest.mark.parametrize("case", INTROS, ids=[c["source"] for c in INTROS])
def test_interview_people_from_real_introductions(case):
    who = _interview_with_intro(case["paragraph"])
    for field, value in case["expected"].items():
        assert who[field] == value, (field, who)


@pytest.mark.parametrize(
    ("intro", "expected"),
    [
        # shapes of the seed's own introduction (irna_85414319), rephrased the ways other agencies write them
        ("در گفت‌وگو با سرهنگ پاسدار اقبال جهانبخشی، مسئول بسیج سازندگی سپاه انصارالمهدی (ع) استان زنجان، "
         "از فعالیت گروه‌ها پرسیدیم.",
         {"name": "اقبال جهانبخشی", "title": "سرهنگ پاسدار",
          "role": "مسئول بسیج سازندگی سپاه انصارالمهدی (ع) استان زنجان"}),
        ("سرهنگ پاسدار اقبال جهانبخشی، مسئول بسیج سازندگی سپاه انصارالمهدی (ع) استان زنجان در گفت و گویی با "
         "ایرنا از فعالیت گروه‌ها گفت.",
         {"name": "اقبال جهانبخشی", "title": "سرهنگ پاسدار",
          "role": "مسئول بسیج سازندگی سپاه انصارالمهدی (ع) استان زنجان"}),
        ("گفت‌وگوی خبرنگار ایرنا با سرهنگ پاسدار اقبال جهانبخشی (مسئول بسیج سازندگی سپاه استان زنجان) را "
         "می‌خوانید.",
         {"name": "اقبال جهانبخشی", "title": "سرهنگ پاسدار", "role": "مسئول بسیج سازندگی سپاه استان زنجان"}),
        ("مسئول بسیج سازندگی سپاه انصارالمهدی (ع) استان زنجان در گفت و گو با ایرنا از فعالیت گروه‌ها گفت.",
         {"name": None, "title": None, "role": "مسئول بسیج سازندگی سپاه انصارالمهدی (ع) استان زنجان"}),
        ("خبرنگار ایرنا با سرهنگ پاسدار اقبال جهانبخشی، مسئول بسیج سازندگی سپاه در استان زنجان، گفت و گو کرده است.",
         {"name": "اقبال جهانبخشی", "title": "سرهنگ پاسدار", "role": "مسئول بسیج سازندگی سپاه در استان زنجان"}),
        ("خبرنگار ایرنا با سرهنگ پاسدار اقبال جهانبخشی، مسئول بسیج سازندگی سپاه استان در مورد گروه‌ها گفت و گو کرد.",
         {"name": "اقبال جهانبخشی", "title": "سرهنگ پاسدار", "role": "مسئول بسیج سازندگی سپاه استان"}),
        ("ایرنا در گفت‌وگویی با این مسئول، فعالیت گروه‌های جهادی را بررسی کرده است.",
         {"name": None, "title": None, "role": None}),
    ],
)
def test_interview_people_introduction_shapes(intro, expected):
    assert _interview_with_intro(intro) == expected
