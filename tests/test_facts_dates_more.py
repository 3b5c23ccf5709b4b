"""Dates on real text: two-digit years after نوروز, a year followed by the next phrase, day ranges written with
ordinal words, day/month/two-digit-year numeric dates, Hijri ISO by the tabular calendar, relative days, weeks
and months; each rule with an adversarial case.

Real lines come from ``tests/fixtures/facts/real_sentences.json`` (verbatim from raw articles, sources there).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jdatetime
import pytest

import khabar_extract.facts as _facts_module
from khabar_extract.facts import extract_facts
from khabar_extract.facts.resolvers import hijri_to_gregorian
from khabar_extract.normalize import normalize

_facts_module.STRICT = True

CASES = json.loads((Path(__file__).parent / "fixtures" / "facts" / "real_sentences.json").read_text("utf-8"))["cases"]


def facts(text: str, **kw) -> list[dict]:
    out = [f.to_dict() for f in extract_facts(normalize(text), **kw)]
    for f in out:
        assert text[f["span"][0] : f["span"][1]] == f["text"]
    return out


def dates(text: str, **kw) -> list[tuple]:
    return [(f["text"], f["calendar"], f["year"], f["month"], f["day"])
            for f in facts(text, **kw) if f["kind"] == "date" and not f["relative"]]


def kinds_of(text: str, surface: str) -> list[str]:
    return [f["kind"] for f in facts(text) if f["text"] == surface]


def test_facts_dates_two_digit_year_after_nowruz():
    assert ("نوروز ۹۹", "jalali", 1399, None, None) in dates(CASES["nowruz_2digit"]["text"])
    got = dates(CASES["announced"]["text"])
    assert ("نوروز 86", "jalali", 1386, None, None) in got


def test_facts_dates_nowruz_before_a_count_is_no_year():
    # adversarial: "در ایام نوروز 3500 بازرس": 3500 is no year, the inspectors are counted
    t = CASES["nowruz_not_year"]["text"]
    assert dates(t) == []
    assert kinds_of(t, "3500 بازرس") == ["quantity"]


@pytest.mark.parametrize(
    "case,surface,year",
    [("year_then_phrase", "سال 91", 1391), ("year_then_phrase2", "سال 83", 1383)],
)
def test_facts_dates_two_digit_year_before_the_next_phrase(case, surface, year):
    # "از سال 91 سازمان بهزیستی ...": the year, then a new noun phrase (not 91 organisations)
    got = dates(CASES[case]["text"])
    assert (surface, "jalali", year, None, None) in got


@pytest.mark.parametrize(
    "case,surface", [("count_after_year", "12 بار"), ("length_after_year", "۱۰ کیلومتر")]
)
def test_facts_dates_counter_after_year_word_stays_a_quantity(case, surface):
    # adversarial: "در طول سال 12 بار", "تا پایان سال ۱۰ کیلومتر": a counter or a unit keeps the count
    assert kinds_of(CASES[case]["text"], surface) == ["quantity"]


def test_facts_dates_month_year_then_phrase():
    assert ("تیر ماه 93", "jalali", 1393, 4, None) in dates(CASES["month_year_then_phrase"]["text"])


def test_facts_dates_historic_year_after_sal_stays():
    assert ("سال 1287", "jalali", 1287, None, None) in dates(CASES["historic_year"]["text"])


def test_facts_dates_day_range_in_ordinal_words_gives_two_dates():
    got = dates(CASES["day_range_words"]["text"])
    assert ("چهاردهم", "jalali", None, 1, 14) in got and ("هفدهم فروردین", "jalali", None, 1, 17) in got
    got = dates("جشنواره فروش غذاهاي ايراني نيز يكم تا سيزدهم فروردين آينده برگزار مي‌شود")
    assert [g[3:] for g in got] == [(1, 1), (1, 13)]


@pytest.mark.parametrize("text", ["دهه اول و دهه دوم فروردین", "اولین و دومین روز اسفند"])
def test_facts_dates_ordinal_range_adversarial(text):
    # a part of a period or a superlative before تا/و is no day
    assert all(g[0] not in ("اول", "اولین") for g in dates(text))


def test_facts_dates_numeric_day_month_two_digit_year():
    assert ("20/2/92", "jalali", 1392, 2, 20) in dates(CASES["numeric_dmy"]["text"])


def test_facts_dates_letter_number_is_no_date():
    # adversarial: "به شماره 93/3/0014 مورخ 1393/4/16": the number is an identifier, the date after it stays
    got = dates(CASES["letter_number"]["text"])
    assert all(g[0] != "93/3/0014" for g in got)
    assert ("1393/4/16", "jalali", 1393, 4, 16) in got


@pytest.mark.parametrize(
    "ymd,iso",
    [((1400, 1, 1), "1979-11-21"), ((1445, 9, 1), "2024-03-11"), ((1, 1, 1), "0622-07-19"), ((1445, 1, 10), "2023-07-28")],
)
def test_facts_dates_hijri_tabular_conversion(ymd, iso):
    assert hijri_to_gregorian(*ymd).isoformat() == iso


def test_facts_dates_hijri_iso_when_complete():
    (f,) = facts("۱ رمضان ۱۴۴۵ قمری")
    assert (f["calendar"], f["year"], f["month"], f["day"], f["iso"]) == ("hijri", 1445, 9, 1, "2024-03-11")
    (f,) = facts("۱۲ ربیع‌الاول")  # no year: no ISO
    assert f["calendar"] == "hijri" and f["iso"] is None
    with pytest.raises(ValueError):
        hijri_to_gregorian(1445, 2, 30)  # an even month has 29 days


def test_facts_dates_relative_day_on_real_text():
    t = CASES["yesterday"]["text"]
    (f,) = [f for f in facts(t, reference_date=jdatetime.date(1382, 5, 10)) if f.get("relative")]
    assert (f["text"], f["unit"], f["offset"], f["value"]) == ("ديروز", "day", -1, "1382-05-09")
    assert f["iso"] == jdatetime.date(1382, 5, 9).togregorian().isoformat()
    (f,) = [f for f in facts(t) if f.get("relative")]
    assert f["value"] is None and f["year"] is None  # no article date: unresolved


@pytest.mark.parametrize(
    "text,unit,offset,value",
    [
        ("هفته آینده برگزار می‌شود", "week", 1, None),
        ("ماه گذشته تصویب شد", "month", -1, "1402-11"),
        ("فردا افتتاح می‌شود", "day", 1, "1402-12-02"),
        ("این حادثه شب گذشته رخ داد", "day", -1, "1402-11-30"),  # last night: the day before
        ("دیشب بازداشت شد", "day", -1, "1402-11-30"),
    ],
)
def test_facts_dates_relative_units(text, unit, offset, value):
    (f,) = facts(text, reference_date=datetime.date(2024, 2, 20))  # 1402-12-01
    assert (f["unit"], f["offset"], f["value"], f["relative"]) == (unit, offset, value, True)


@pytest.mark.parametrize(
    "text", ["در ۳ روز گذشته", "طی ۶ ماه گذشته", "اسفند ماه گذشته", "طی ۳ شب گذشته"]
)
def test_facts_dates_relative_adversarial(text):
    # a number before the unit makes a duration; a month name before "ماه گذشته" is that month, not "last month"
    assert not [f for f in facts(text) if f.get("relative")]


def test_facts_dates_weekly_paper_is_no_week():
    assert not [f for f in facts(CASES["weekly_paper"]["text"]) if f.get("relative")]


@pytest.mark.parametrize(
    "case,surface",
    [
        ("citation_page", "1383"),  # "(طوسی، 1383: 4 / 394)": a citation, the page after the colon
        ("reference_list", "1372"),  # "5. تویسرکانی، محمد نبی بن احمد، 1372، لئالی الاخبار، قم، علامه."
        ("reference_end", "1379"),  # "... قم: نشر اسراء، چ2، 1379."
        ("reference_latin", "1997"),  # "prantice Hall,1997"
        ("model_year", "۲۰۰۰"),  # "کیا سراتو ۲۰۰۰ اتوماتیک": part of a model name
    ],
)
def test_facts_dates_reference_and_model_numbers_are_no_year(case, surface):
    assert all(g[0] != surface for g in dates(CASES[case]["text"]))


@pytest.mark.parametrize(
    "case,surface,year",
    [
        ("olympic_year", "2016", 2016),  # a year inside an event name stays (GUIDE)
        ("born_year", "1347", 1347),
        ("years_list", "2008", 2008),  # a list of years after سال‌های, joined by commas
        ("years_list", "2011", 2011),
        ("range_year", "2013", 2013),  # "سال 14-2013"
    ],
)
def test_facts_dates_bare_years_adversarial(case, surface, year):
    assert any(g[0] == surface and g[2] == year for g in dates(CASES[case]["text"]))


def test_facts_dates_in_a_table_row_stand_on_their_own():
    # a fixture list laid out in columns: the numbers there give no facts, a day and month name still does
    got = dates(CASES["table_date"]["text"])
    assert [(g[3], g[4]) for g in got] == [(6, 1)]


def test_facts_dates_exchange_table_still_gives_no_amounts():
    # adversarial: "یک دلار آمریکا        9228" in a table row is no money and no quantity
    text = "نوع ارز                 نرخ\nیک دلار آمریکا                    ۹۲۲۸\nیک یورو                    ۱۱۹۳۵"
    assert [f for f in facts(text) if f["kind"] in ("money", "quantity", "date")] == []


def test_facts_dates_three_digit_year_with_an_era():
    assert ("454 هـ.ق", "hijri", 454, None, None) in dates(CASES["hijri_3digit"]["text"])
    assert dates("در دهه هشتاد میلادی") == []  # adversarial: a decade, not the year 80


def test_facts_named_is_no_count():
    # "چندرایان ۱ نام داشت": نام داشت is "was named"; "۱۰ نام در فهرست" still counts names
    assert [f for f in facts(CASES["named"]["text"]) if f["kind"] == "quantity"] == []
    assert [f["value"] for f in facts("۱۰ نام در فهرست آمده است") if f["kind"] == "quantity"] == [10]


def test_facts_dates_year_glued_to_the_month():
    assert ("11تيرماه1379", "jalali", 1379, 4, 11) in dates(CASES["glued_year"]["text"])
    # adversarial: a glued two-digit number is not taken as the year
    assert dates("۲۱ اسفند۹۸") == [("۲۱ اسفند", "jalali", None, 12, 21)]
