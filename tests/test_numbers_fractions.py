"""Decimal fractions written as a whole number before دهم / صدم (۶ دهم درصد = 0.6 %, ۲۹ صدم درصد = 0.29 %).

They were read as a number and an ordinal, which gave false quantities (``۲۹ صدم`` = 29 of a noun صدم). Real
lines: ``fixtures/numbers/fars_13990723000517.txt`` and ``fixtures/numbers/decimal_fractions.json`` (Arabic yeh
and kaf as in the source; see SOURCES.md).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from khabar_extract.normalize import normalize
from khabar_extract.numbers import find_numbers

FIX = Path(__file__).parent / "fixtures" / "numbers"
ARTICLE = (FIX / "fars_13990723000517.txt").read_text(encoding="utf-8")
(ARABIC_LETTERS_LINE,) = [e["text"] for e in json.loads((FIX / "decimal_fractions.json").read_text(encoding="utf-8"))]


def _read(line: str) -> list[tuple[str, object, str]]:
    doc = normalize(line)
    return [(line[slice(*doc.to_original(m.start, m.end))], m.value, m.shape) for m in find_numbers(doc.text)]


@pytest.mark.parametrize(
    ("needle", "text", "value"),
    [("6 دهم", "6 دهم", Decimal("0.6")), ("29 صدم", "29 صدم", Decimal("0.29"))],
)
def test_numbers_fractions_digits_before_tenths_and_hundredths_real_lines(needle, text, value):
    (line,) = [x for x in ARTICLE.splitlines() if needle in x]
    assert (text, value, "fraction") in _read(line)


def test_numbers_fractions_real_line_with_arabic_letters():
    assert ("8 صدم", Decimal("0.08"), "fraction") in _read(ARABIC_LETTERS_LINE)
    # The same line as it is found without normalising (the tolerant patterns).
    found = [(m.text, m.value, m.shape) for m in find_numbers(ARABIC_LETTERS_LINE)]
    assert ("8 صدم", Decimal("0.08"), "fraction") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("یک صدم ثانیه", [(Decimal("0.01"), "fraction")]),  # a hundredth, not the 100th
        ("یک صدمین سالگرد", [(100, "ordinal")]),
        ("یک صد نفر", [(100, "int")]),
        ("بیست و پنج صدم", [(Decimal("0.25"), "fraction")]),
        ("شهرستان سنندج با ۱/۳ دهم درصد", [(Decimal("0.13"), "fraction")]),  # fars_8508250101: a decimal alone
        ("۱۲.۵ دهم", [(Decimal("12.5"), "decimal")]),  # not below the denominator
        ("دو و نیم دهم", [(Decimal("2.5"), "decimal")]),
        ("سه دهم درصد", [(Decimal("0.3"), "fraction")]),
        ("دو سوم مردم", [(Decimal(2) / Decimal(3), "fraction")]),
        ("سیصد و پنج صدم", [(305, "int"), (100, "ordinal")]),  # not below a hundred: not a fraction
        ("سال ۹۸ دهم", [(98, "int")]),
        ("۲ دومین", [(2, "int"), (2, "ordinal")]),  # an -ین form is an ordinal
        ("منفی سه هزارم", [(-3000, "ordinal")]),  # هزارم stays an ordinal (words_to_int.tsv)
        ("دولت نهم و دهم", [(9, "ordinal")]),
    ],
)
def test_numbers_fractions_shapes(text, expected):
    assert [(m.value, m.shape) for m in find_numbers(normalize(text).text)] == expected
