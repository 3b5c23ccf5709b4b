"""A count inside the «title» of a work is part of its name; counts in quoted speech stay facts."""

from __future__ import annotations

import khabar_extract as kx

# The title line and lead of raw/fars_13901113000596.txt (tests/fixtures/SOURCES.md).
PLAY = (
    "«سفید برفی و هفت کوتوله» بار دیگر در تئاتر شهر اجرا می‌شوند\n\n"
    "خبرگزاری فارس: نمایش «سفید برفی و هفت کوتوله والت دیزنی  1937» کاری از نصیر ملکی جو در نهمین روز"
    " سی‌امین جشنواره تئاتر فجر در تالار قشقایی به روی صحنه می‌رود."
)


def _facts(text: str) -> list[tuple[str, object, str]]:
    return [(f["kind"], f["value"], f["text"]) for f in kx.extract(text).to_dict()["facts"]]


def test_facts_titles_count_inside_a_play_title_is_no_quantity() -> None:
    facts = _facts(PLAY)
    assert [f for f in facts if f[0] == "quantity"] == []
    # the headline repeats the title without the word نمایش: it is recognised by its words
    assert not any("کوتوله" in f[2] for f in facts)
    # a year inside the title stays a date (as المپیک 2016 in the dev gold)
    assert ("date", "1937", "1937") in facts


def test_facts_titles_quoted_speech_and_plan_names_keep_their_counts() -> None:
    assert ("quantity", 50, "۵۰ روستا") in _facts("او گفت: «ما ۵۰ روستا را پوشش دادیم»")
    assert ("quantity", 100, "۱۰۰ روستا") in _facts("طرح «۱۰۰ روستا» اجرا شد")
    assert ("quantity", 20000, "۲۰ هزار تماشاگر") in _facts("فیلم «سه مرد و یک گهواره» با ۲۰ هزار تماشاگر")
