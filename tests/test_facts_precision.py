"""Quantity precision on real text: numbers that count nothing (model types, grades, scores, list numbering,
compound verbs) give no quantity, each rule with an adversarial case where the same words still count.

Real sentences come from ``tests/fixtures/facts/real_sentences.json`` (verbatim from raw articles, sources there).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import khabar_extract.facts as _facts_module
from khabar_extract.facts import extract_facts
from khabar_extract.normalize import normalize

_facts_module.STRICT = True

CASES = json.loads((Path(__file__).parent / "fixtures" / "facts" / "real_sentences.json").read_text("utf-8"))["cases"]


def facts(text: str) -> list[dict]:
    out = [f.to_dict() for f in extract_facts(normalize(text))]
    for f in out:
        assert text[f["span"][0] : f["span"][1]] == f["text"]
    return out


def quantity_texts(text: str) -> list[str]:
    return [f["text"] for f in facts(text) if f["kind"] == "quantity"]


# case name -> quantity texts that must NOT come out (each is a real error the rule removes)
NOT_QUANTITIES = [
    ("type_label", ["۲ ساده", "۲ فول", "۵ ساده"]),  # "پژو ۲۰۶ تیپ ۲ ساده": تیپ (type) labels the number
    ("gold_purity_half_coin", ["۱۸ عیار"]),  # a purity grade, not a count
    ("half_coin", ["نیم سکه"]),  # a kind of coin; half of a count is no count
    ("announced", ["86 خبر"]),  # "... نوروز 86 خبر داد": خبر داد is the verb "announced"
    ("score_digits", ["36 شکست"]),  # "91 بر 36": a score
    ("score_words", ["سه آفتاب", "سه حريف", "چهار حريف"]),
    ("kashida_list", ["2ــ"]),  # list numbering with kashida
    ("only_not_ton", ["90 تنها"]),  # تنها "only", not تن + ها
    ("one_of", ["2500 يكي"]),  # "یکی از": a pronoun
    ("emergency_code", ["۱۱۰ مبنی"]),  # the emergency number; مبنی بر "saying that"
]


@pytest.mark.parametrize("case,absent", NOT_QUANTITIES, ids=[c for c, _ in NOT_QUANTITIES])
def test_facts_precision_no_quantity_on_real_text(case, absent):
    got = quantity_texts(CASES[case]["text"])
    for a in absent:
        assert a not in got


def test_facts_precision_real_text_keeps_its_real_facts():
    money = [f["value"] for f in facts(CASES["type_label"]["text"]) if f["kind"] == "money"]
    assert 960_000_000 in money and 1_000_000_000 in money  # the prices stay
    assert [f["value"] for f in facts(CASES["gold_purity_half_coin"]["text"]) if f["kind"] == "money"][:1] == [5_080_000]
    dates = [(f["calendar"], f["year"]) for f in facts(CASES["only_not_ton"]["text"]) if f["kind"] == "date"]
    assert ("jalali", 1390) in dates  # "سال 90 تنها": the year, no more a quantity


# adversarial: the same words still count where they do count
STILL_QUANTITIES = [
    ("ارتش سه تیپ زرهی را اعزام کرد", 3, "تیپ"),  # a number BEFORE تیپ counts brigades
    ("۱۸ گرم طلا فروخته شد", 18, "گرم"),
    ("دیوار نیم متر بالا رفت", 0.5, "متر"),  # a half of a measure is a measure
    ("۸۶ خبر منتشر شد", 86, "خبر"),  # خبر without a light verb is counted news items
    ("افزون بر ۵۰ نفر در این مراسم حضور داشتند", 50, "نفر"),  # بر after a word, not a score
    ("این کشتی با ۲ تن بار حرکت کرد", 2, "تن"),
    ("تیم ما سه گل زد", 3, "گل"),  # گل زد is no listed compound verb: goals are counted
]


@pytest.mark.parametrize("text,value,noun", STILL_QUANTITIES)
def test_facts_precision_adversarial_still_counted(text, value, noun):
    got = [(f["value"], f["noun"]) for f in facts(text) if f["kind"] == "quantity"]
    assert (value, noun) in got


def scored_on(case: str) -> list[tuple]:
    return [(f["kind"], f["value"], f["text"]) for f in facts(CASES[case]["text"])
            if f["kind"] in ("money", "percent", "quantity")]


@pytest.mark.parametrize(
    "case,fact",
    [
        ("glued_percent_100", ("percent", 100, "صددرصد")),  # a number word glued to درصد
        ("glued_percent_4", ("percent", 4, "چهاردرصد")),
        ("title_slash", ("money", 1_000_000_000, "یک میلیارد دلار")),  # "/" between two title clauses
        ("title_slash2", ("quantity", 2, "۲ نفر")),
        ("one_or_two", ("quantity", 2, "دو خصلت")),  # "یک یا دو خصلت": 2 (the 1 is not annotated)
        ("three_sides", ("quantity", 3, "سه \N{RIGHT-TO-LEFT MARK}طرف")),  # طرف after a number counts sides
    ],
)
def test_facts_recall_on_real_text(case, fact):
    assert fact in scored_on(case)


@pytest.mark.parametrize(
    "text", ["این نهاد درصدد است", "بالادرصد", "کووید-۱۹ شایع شد", "پژو-۲۰۶"]
)
def test_facts_recall_adversarial(text):
    # درصدد ("intending") is no percent; a non-number word glued to درصد is none; a Persian word + "-" + digits stays a name
    assert [f for f in facts(text) if f["kind"] in ("percent", "quantity", "money")] == []


def test_facts_money_cents_and_fraction_percents_on_real_text():
    got = scored_on("cents")
    assert ("money", 0.54, "54 سنت") in got and ("money", 53.83, "53.83 دلار") in got
    assert all(k != "quantity" for k, _, _ in got)
    assert ("percent", 0.29, "29 صدم درصد") in scored_on("fraction_percent")


def test_facts_money_a_tradition_is_no_cent():
    # adversarial: "به عنوان یک سنت ویژه": یک + سنت is "a tradition"
    assert [f for f in scored_on("a_tradition") if "سنت" in f[2]] == []


@pytest.mark.parametrize(
    "text,value,iso",
    [("۱۰۰ ریال قطر", 100, "QAR"), ("۵ میلیون وون", 5_000_000, "KRW"), ("۲۰ روپیه پاکستان", 20, "PKR"),
     ("۳ کرون سوئد", 3, "SEK"), ("۲۰ روپیه", 20, "INR")],
)
def test_facts_money_more_currencies(text, value, iso):
    (f,) = facts(text)
    assert (f["kind"], f["value"], f["currency"]) == ("money", value, iso)


def test_facts_fraction_without_percent_is_no_fact():
    # adversarial: "دو سوم مردم" is a fraction of people, no percent and no count
    assert facts("دو سوم مردم در انتخابات شرکت کردند") == []


def test_facts_precision_rate_denominator_is_no_score():
    # adversarial for the score rule: "۱۰ بر ۱۰۰ هزار نفر" is a rate, its scaled denominator still counts people
    got = [(f["value"], f["noun"]) for f in facts("نرخ ابتلا ۱۰ بر ۱۰۰ هزار نفر است") if f["kind"] == "quantity"]
    assert got == [(100_000, "نفر")]


@pytest.mark.parametrize(
    "text,value,noun",
    [
        ("در اين درگيري 16 پليس و 6 تظاهركننده زخمي شدند", 16, "پليس"),  # fars_8512180061 (raw)
        ("دو تفنگدار آمريكايي در غرب بغداد كشته شدند", 2, "تفنگدار"),  # fars raw headline
        ("روز گذشته دست كم 70 شبه نظامي كشته شدند", 70, "شبه"),  # fars_8705160378 (raw)
        ("تمام اين 7 هزار يتيم داراي حامي هستند", 7000, "يتيم"),
    ],
)
def test_facts_person_category_for_counted_people(text, value, noun):
    got = [(f["value"], f["noun"], f["category"]) for f in facts(text) if f["kind"] == "quantity"]
    assert (value, noun, "person") in got
