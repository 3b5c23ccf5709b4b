"""An Arabic comma glued between digit groups (``۶۱،۸۲``) separates a list; it is never a thousands separator.

The whole corpus (raw, dev, interviews) has two such clusters, both lists with two-digit groups: goal minutes
(``سانچس 61،82 گلزنی کردند``) and an approximate count (``کلا 13،14 بازیکن``); no ``۱۲،۵۰۰``-like thousands
grouping. Real sentences in ``fixtures/numbers/arabic_comma.json`` (see SOURCES.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar_extract.normalize import normalize
from khabar_extract.numbers import find_numbers, parse_digits

SENTENCES = json.loads(
    (Path(__file__).parent / "fixtures" / "numbers" / "arabic_comma.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(("needle", "values"), [("61،82", [61, 82]), ("13،14", [13, 14])])
def test_numbers_arabic_comma_real_lists(needle, values):
    (text,) = [x["text"] for x in SENTENCES if needle in x["text"]]
    doc = normalize(text)
    at = doc.text.index(normalize(needle).text)
    got = [m.value for m in find_numbers(doc.text) if at <= m.start < at + len(needle)]
    assert got == values


def test_numbers_arabic_comma_is_not_a_thousands_separator():
    # documented reading: a list of two numbers, unlike the Arabic thousands separator ٬ (U+066C)
    assert [m.value for m in find_numbers(normalize("قیمت ۱۲،۵۰۰ تومان").text)] == [12, 500]
    assert [m.value for m in find_numbers(normalize("قیمت ۱۲٬۵۰۰ تومان").text)] == [12500]
    assert parse_digits("۱۲،۵۰۰") is None
