"""An ordinal, the word روز and a month name make a day of that month (``چهاردهمین روز بهمن``)."""

from __future__ import annotations

import khabar_extract as kx

# Sentences of raw/irnasrc_tabnak_data_379.txt and raw/fars_13950404000302.txt (tests/fixtures/SOURCES.md).
TABNAK = "چهاردهمین روز بهمن با وجود افت قیمت دلار و اونس طلا، قیمت سکه و طلا در بازار آزاد تهران افزایش یافت"
FARS = "تا اینکه اجل فرا رسید و در یازدهمین روز شوال المکرّم سال 1392 هجری قمری و در سن 92 سالگی"


def _dates(text: str) -> list[tuple[str, str, int | None, int | None]]:
    return [(f["text"], f["calendar"], f["month"], f["day"]) for f in kx.extract(text).to_dict()["facts"]
            if f["kind"] == "date"]


def test_facts_ordinal_day_of_a_jalali_month() -> None:
    assert _dates(TABNAK) == [("چهاردهمین روز بهمن", "jalali", 11, 14)]


def test_facts_ordinal_day_of_a_hijri_month() -> None:
    assert ("یازدهمین روز شوال", "hijri", 10, 11) in _dates(FARS)


def test_facts_ordinal_day_needs_a_month_name() -> None:
    facts = kx.extract("نمایش در دومین روز از آغاز جشنواره اجرا شد").to_dict()["facts"]
    assert [(f["kind"], f["value"]) for f in facts] == [("ordinal", 2)]
