"""Compound scales: a lower scale group joined by و before a trailing run of scale words.

``۵ میلیون و ۹۰۴ هزار میلیارد تومان`` is (5,000,000 + 904,000) × 10^9 toman: the first of the adjacent scales
(هزار) closes the group (۹۰۴ هزار joins ۵ میلیون) and the rest (میلیارد) multiplies the whole number. It was read
as (5,000,000 + 904) × 10^12. Real lines from ``fixtures/numbers/fars_13990723000517.txt`` (see SOURCES.md).
Also: a bare scale phrase is a number; 1-3 digits right after a scale with no و join it (``۲ هزار ۶۰۰`` = 2600;
real lines in ``fixtures/numbers/scale_then_digits.json``).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from khabar_extract import extract
from khabar_extract.normalize import normalize
from khabar_extract.numbers import find_numbers

ARTICLE = (Path(__file__).parent / "fixtures" / "numbers" / "fars_13990723000517.txt").read_text(encoding="utf-8")


def _line(needle: str) -> str:
    (line,) = [x for x in ARTICLE.splitlines() if needle in x]
    return line


@pytest.mark.parametrize(
    ("needle", "value", "text"),
    [
        ("904 هزار میلیارد", 5_904_000_000_000_000, "5 میلیون و 904 هزار میلیارد"),
        ("211 هزار میلیارد", 1_211_000_000_000_000, "یک میلیون و 211 هزار میلیارد"),
    ],
)
def test_numbers_scales_lower_group_before_trailing_scales_real_lines(needle, value, text):
    line = _line(needle)
    doc = normalize(line)
    (m,) = [m for m in find_numbers(doc.text) if m.value >= 10**15]
    s, e = doc.to_original(m.start, m.end)
    assert (line[s:e], m.value) == (text, value)
    # The money fact is in rials: toman × 10.
    money = [f for f in extract(line).to_dict()["facts"] if f["kind"] == "money" and f["text"].startswith(text)]
    assert [f["value"] for f in money] == [value * 10]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("۵ میلیون و ۹۰۴ هزار میلیارد تومان", 5_904_000_000_000_000),
        ("یک میلیون و ۲۰۰ هزار میلیارد", 1_200_000_000_000_000),
        ("یک میلیون و ۲۰۰ هزار میلیارد و ۵۰۰ میلیون", 1_200_000_500_000_000),
        ("۲۵ هزار و ۷۲۹ میلیون و ۸۰۰ هزار ریال", 25_729_800_000),
        ("هزار و ۵۰۰ میلیارد", 1_500_000_000_000),
        ("۳ هزار و ۲۰۰ میلیارد", 3_200_000_000_000),
        ("۲ هزار و ۵۰۰ میلیارد ریال", 2_500_000_000_000),
        ("۹۰۴ هزار میلیارد", 904_000_000_000_000),  # no larger scale before: both readings agree
        ("۱۲.۶ هزار میلیارد تومان", 12_600_000_000_000),
        ("دو میلیون و سیصد هزار و پانصد میلیارد", 2_300_500_000_000_000),
        ("۵ میلیون و ۹۰۴ هزار و ۳۰۰ میلیارد", 5_904_300_000_000_000),
        ("یک میلیون و دویست هزار", 1_200_000),
    ],
)
def test_numbers_scales_compound_shapes(text, value):
    assert [m.value for m in find_numbers(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("هزار میلیارد", 10**12),  # at the very end of the text, as before punctuation
        ("هزار میلیارد.", 10**12),
        ("رقم این طرح هزار میلیارد", 10**12),
        ("هزار", 1000),
        ("میلیون؟", 10**6),
        ("هزار میلیون", 10**9),
    ],
)
def test_numbers_scales_bare_scale_phrase_is_a_number(text, value):
    assert [m.value for m in find_numbers(text)] == [value]


@pytest.mark.parametrize(
    "text",
    ["هزاران", "هزاران نفر", "میلیون\N{ZERO WIDTH NON-JOINER}ها", "میلیاردها", "صدها", "ده\N{ZERO WIDTH NON-JOINER}ها",
     "صدها هزار", "هزاران میلیارد", "چند هزار", "تظاهرات میلیونی", "میلیونی", "یک یا چند", "نه تنها"],
)
def test_numbers_scales_vague_and_adjectival_scales_are_not_numbers(text):
    assert find_numbers(text) == []


SPACED = json.loads((Path(__file__).parent / "fixtures" / "numbers" / "scale_then_digits.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("source", "text", "value"),
    [
        ("fars_13910527000759.txt", "2 هزار 600", 2600),
        ("fars_13970504000459.txt", "یک هزار 560", 1560),
        ("irnasrc_asriran_1_data_909.txt", "۹ هزار ۱۴۱", 9141),
    ],
)
def test_numbers_scales_digits_after_a_scale_without_va_real_lines(source, text, value):
    (line,) = [e["text"] for e in SPACED if e["source"] == source]
    doc = normalize(line)
    found = [(line[slice(*doc.to_original(m.start, m.end))], m.value) for m in find_numbers(doc.text)]
    assert (text, value) in found


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("۲ میلیون ۳۰۰ هزار نفر", [2_300_000]),
        ("۵ میلیارد ۲۰۰ میلیون تومان", [5_200_000_000]),
        ("۳۰ هزار ۴۰ هزار نفر", [30_000, 40_000]),  # a scale as large as the one before starts another number
        ("۲ هزار ۶۰۰۰ نفر", [2000, 6000]),  # not a group of 1-3 digits
        ("۵ میلیون ۲.۵ درصد", [5_000_000, Decimal("2.5")]),
    ],
)
def test_numbers_scales_digits_after_a_scale_without_va(text, values):
    assert [m.value for m in find_numbers(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("دولت ۱۰۰ هزارمیلیارد تومان اوراق فروخت", [100 * 10**12]),  # two scale words glued together
        ("۵ میلیون و ۹۰۴ هزارمیلیارد تومان", [5_904_000_000_000_000]),
        ("هزارمیلیون", [10**9]),
        ("۳ هزارمیلیاردتومان", [3 * 10**12]),
        ("هزارمیلیاردها", []),  # the glued scale is a vague plural: nothing
        ("هزارمین سالگرد", [1000]),
        ("در یک واحد ۳۰ هزارتایی پرورش", [1, 30_000]),  # fars_13970504000459: a scale glued to تایی
        ("ورزشگاه ۱۰۰ هزارنفره", [100_000]),
    ],
)
def test_numbers_scales_glued_scale_words(text, values):
    assert [m.value for m in find_numbers(normalize(text).text)] == values


REPEATED = [e["text"] for e in json.loads((Path(__file__).parent / "fixtures" / "numbers" / "repeated_scale.json")
                                          .read_text(encoding="utf-8"))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("یک‌میلیارد و 74 میلیون و 933 هزار و 23 هزار", 1_074_933_023_000),
        ("537 میلیون و 631 هزار و 925 هزار", 537_631_925_000),
        ("357 میلیون و 839 هزار و  740 هزار", 357_839_740_000),  # two spaces after و in the source
    ],
)
def test_numbers_scales_repeated_scale_multiplies_the_whole_real_lines(text, value):
    """The same scale as the group before (۹۳۳ هزار و ۲۳ هزار ریال) cannot start a lower group: the amount is in
    thousands of rials, as ``سه هزار و ۵۶۱ هزار`` is 3,561,000 in the GUIDE."""
    found = []
    for line in REPEATED:
        doc = normalize(line)
        found += [(line[slice(*doc.to_original(m.start, m.end))], m.value) for m in find_numbers(doc.text)]
    assert (text, value) in found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("سه هزار و ۵۶۱ هزار راننده", 3_561_000),
        ("۲۵ هزار و ۷۲۹ میلیون و ۸۰۰ هزار ریال", 25_729_800_000),  # a lower scale after a larger one: a group
        ("یک میلیارد و ۳۰۰ میلیون و ۴۵۰ هزار", 1_300_450_000),
        ("۲ میلیون و ۵ هزار و ۱۰ هزار", 2_005_010_000),
    ],
)
def test_numbers_scales_repeated_scale_shapes(text, value):
    assert [m.value for m in find_numbers(text)] == [value]
