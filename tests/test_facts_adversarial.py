"""Negative cases: phrases that look like facts and are not. One test per adversarial lexicon entry, plus the
issue's list (vague amounts, weekday names, codes, law articles, page chrome, a number after its noun)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import khabar_extract.facts as _facts_module
from khabar_extract.facts import extract_facts
from khabar_extract.normalize import normalize

_facts_module.STRICT = True  # surface any reading error instead of skipping the number

SCORED = ("money", "percent", "quantity", "date")


def scored_facts(text: str) -> list[dict]:
    out = []
    for f in extract_facts(normalize(text)):
        d = f.to_dict()
        if d["kind"] in SCORED and not d.get("relative") and not (d["kind"] == "quantity" and d["value"] == 1):
            out.append(d)
    return out


def _adversarial_entries() -> list[dict]:
    raw = resources.files("khabar_extract").joinpath("data", "facts", "adversarial.json").read_text("utf-8")
    return json.loads(raw)["phrases"]


# A sentence per entry: the phrase in a natural context, followed by a counted noun where that makes the trap.
_CONTEXT = {
    "prefix": "طبق {p} ۱۲ قانون کار ۵۰ نفر",  # the 50 people are a fact; the article number 12 is not
}


@pytest.mark.parametrize("entry", _adversarial_entries(), ids=lambda e: e["phrase"])
def test_facts_adversarial_lexicon_entry_gives_no_fact(entry):
    phrase = entry["phrase"]
    if entry.get("prefix"):
        text = f"طبق {phrase}: ۱۲ این طرح اجرا شد"
        assert scored_facts(text) == []
        return
    text = f"در این گزارش {phrase} نفر از مسئولان حضور داشتند"
    got = [f for f in scored_facts(text) if f["text"] and phrase in normalize(text).text]
    assert got == [], (phrase, got)


NOT_FACTS = [
    "یعنی یک یا چند نفر با محوریت این نهادها",
    "این طرح نه تنها به سود مردم است",
    "روز سه‌شنبه جلسه برگزار شد",
    "در پایگاه های بسیج و بسیج دانشجویی",
    "این کار انجام شده است",
    "هزاران نفر در راهپیمایی شرکت کردند",
    "صدها روستا بی‌آب هستند",
    "ده‌ها خانوار آسیب دیدند",
    "چند نفر زخمی شدند",
    "طی چند سال اخیر",
    "کد خبر: 85414319",
    "کد خبرنگار: 939",
    "طبق ماده ۱۲ قانون",
    "اصل ۴۴ قانون اساسی",
    "تبصره ۲ این ماده",
    "مواد ۵۲ و ۶۱ و ۶۵ قانون کار",
    "شماره تماس ۰۲۱۸۸۱۲۳۴۵۶ است",
    "با شماره ۰۲۱-۸۸۱۲۳۴۵۶ تماس بگیرید",
    "نشست گروه ۲۰ در ژاپن",
    "T T\n۰ نفر\n\nبرچسبها",
    "گروه‌های 10گانه مرحله مقدماتی",
    "بارش برف در کوهرنگ چهارمحال و بختیاری",
    "نیم نگاهی به تاریخ",
    "به ۱.۵ برابر رسید",
    "به صفر رسید",
    "در حال و هوای نه چندان خوب اقتصادی",
    "نمایش دست هزار غریب",
    "یکی از مسئولان گفت",
    "دهه هشتاد میلادی",
    "لایحه سه جانبه‌گرایی آماده شد",
    "این شاخص به ۵۰ افزایش یافت",
    "آیات ۹۹ و ۱۰۰ سوره مؤمنون",
    "در دقایق 4 و 11 و 53 گل زد",
    "ویروس SARS-CoV-2 ممکن است",
    "میدان ۵۳ نارمک",
    "سه چهارم مدت محکومیت",
    "سیزده بدر روز طبیعت است",
    "همکاری‌های دو جانبه",
    "مناظره دو طرفه",
    "بیمارستان ۲۲ شهریور شهرستان",
    "شهرداری منطقه ۲۰ تهران",
    "پلاک ۱۲ واحد ۵",
    "خودروی پژو ۲۰۰۸ اتوماتیک",
    "جشنواره 30 پرده عشق",
]


@pytest.mark.parametrize("text", NOT_FACTS)
def test_facts_not_a_fact(text):
    assert scored_facts(text) == []


def test_facts_weekday_inside_a_date_is_kept_in_the_span_only():
    (d,) = scored_facts("شنبه شانزدهم آذرماه برف بارید")
    assert d["text"] == "شنبه شانزدهم آذرماه" and d["day"] == 16
