"""Approximate ranges written as two number words side by side (``ده پانزده نفر``, ``هفت هشت هزار نفری``).

The GUIDE reads a range as two facts, each with its full value (``بین ۲ تا ۳ میلیون تومان`` = 2,000,000 and
3,000,000 toman); two juxtaposed number words are read the same way: the first shares the noun, unit and scale
of the second. Real sentences in ``fixtures/facts/approximate_ranges.json`` (see SOURCES.md): every such pair of
the raw corpus, and the juxtaposed numbers there that are no range.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar_extract.facts import extract_facts
from khabar_extract.normalize import normalize

SENTENCES = json.loads(
    (Path(__file__).parent / "fixtures" / "facts" / "approximate_ranges.json").read_text(encoding="utf-8")
)


def _sentence(needle: str) -> str:
    (text,) = [x["text"] for x in SENTENCES if needle in x["text"]]
    return text


def _facts(text: str) -> list[tuple[str, object, str]]:
    return [(f.kind, f.value, f.text) for f in extract_facts(normalize(text))]


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("ده پانزده نفر", [("quantity", 10, "ده"), ("quantity", 15, "پانزده نفر")]),
        ("دو سه نفر", [("quantity", 2, "دو"), ("quantity", 3, "سه نفر")]),
        ("دو سه منبع", [("quantity", 2, "دو"), ("quantity", 3, "سه منبع")]),
        ("سی چهل سال", [("duration", 30, "سی"), ("duration", 40, "چهل سال")]),
        ("سه چهار هفته", [("duration", 3, "سه"), ("duration", 4, "چهار هفته")]),
        # the scale is shared: a 7,000 to 8,000 seat stadium
        ("هفت هشت هزار نفری", [("quantity", 7000, "هفت"), ("quantity", 8000, "هشت هزار نفری")]),
        ("هفتاد هشتاد نفری", [("quantity", 70, "هفتاد"), ("quantity", 80, "هشتاد نفری")]),
        # the second word replaces the units of the first: 26 to 27 cm (was read as 7 cm)
        ("بیست و شش هفت", [("quantity", 26, "بیست و شش"), ("quantity", 27, "هفت سانتی\N{ZERO WIDTH NON-JOINER}متر")]),
    ],
)
def test_facts_ranges_juxtaposed_number_words_real_sentences(needle, expected):
    got = _facts(_sentence(needle))
    assert [f for f in got if f[0] in ("quantity", "duration")] == expected


def test_facts_ranges_juxtaposed_shares_noun_and_unit():
    facts = extract_facts(normalize(_sentence("دو سه متری")))
    (first, second) = [f for f in facts if f.kind == "quantity" and f.attrs["noun"] == "متر"]
    assert (first.text, first.value, first.attrs["noun"], first.attrs["category"]) == ("دو", 2, "متر", "length")
    assert (second.text, second.value, second.attrs["noun"]) == ("سه متری", 3, "متر")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وام دو سه میلیون تومانی", [("money", 20_000_000, "دو"), ("money", 30_000_000, "سه میلیون تومانی")]),
        ("رشد پنج شش درصدی", [("percent", 5, "پنج"), ("percent", 6, "شش درصدی")]),
        ("بیست و شش هفت هزار تومان", [("money", 260_000, "بیست و شش"), ("money", 270_000, "هفت هزار تومان")]),
    ],
)
def test_facts_ranges_juxtaposed_money_and_percent(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("سي 130", []),  # the C-130 aircraft: digits never join a range
        ("دو 60 متر", [("quantity", 60, "60 متر")]),  # the 60 m race (دو = running), not 2 to 60
        ("یک نیم ساعتی", [("duration", 0.5, "نیم ساعتی")]),  # "a half hour", not 1 to 0.5
        ("يك نيم طبقه", []),  # a mezzanine (a half storey)
        ("یک 100 سال", [("duration", 100, "100 سال")]),  # "some 100 years": یک is the article
    ],
)
def test_facts_ranges_not_ranges_real_sentences(needle, expected):
    got = _facts(_sentence(needle))
    at = _sentence(needle).index(needle)
    near = [f for f in got if f[2] and f[2] in _sentence(needle)[at : at + len(needle) + 12]]
    assert near == expected


@pytest.mark.parametrize(
    "text",
    [
        "سه هفت نفر آمدند",  # not narrow: 7 is more than twice 3
        "شمردیم یک دو سه چهار نفر",  # a row of numbers is counting, not a range
        "چهل سی نفر آمدند",  # descending
    ],
)
def test_facts_ranges_negatives(text):
    assert len([f for f in extract_facts(normalize(text)) if f.kind == "quantity"]) == 1
