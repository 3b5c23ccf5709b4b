"""Old Fars texts (Arabic ي/ك, ASCII digits) write a two-part slash decimal in visual order: ``5/2`` is 2.5.

By default numbers are read as written (the gold convention), and the record carries a warning; the library
reads them swapped with ``extract_facts(..., visual_decimals=True)``. Spans, surfaces and the normalised text
stay as written. Real sentences in ``fixtures/facts/visual_decimals.json`` (see SOURCES.md); docs/numbers.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import khabar_extract as kx
from khabar_extract.facts import Fact, extract_facts
from khabar_extract.normalize import normalize
from khabar_extract.numbers import find_numbers, visual_decimal_order
from khabar_extract.pipeline import VISUAL_DECIMALS_WARNING

SENTENCES = json.loads(
    (Path(__file__).parent / "fixtures" / "facts" / "visual_decimals.json").read_text(encoding="utf-8")
)
CASES = [(s["text"], f) for s in SENTENCES for f in s["facts"]]


def _fact(facts: list[Fact], surface: str) -> Fact:
    (fact,) = [f for f in facts if f.text.startswith(surface)]
    return fact


@pytest.mark.parametrize(("text", "want"), CASES, ids=[f["surface"] for _t, f in CASES])
def test_facts_visual_decimals_real_sentences_read_swapped_on_request(text, want):
    fact = _fact(extract_facts(normalize(text), visual_decimals=True), want["surface"])
    assert fact.kind == want["kind"]
    assert fact.value == want["value"]
    # the span and the surface are the original's, unchanged
    assert text[fact.span[0] : fact.span[1]] == fact.text


@pytest.mark.parametrize(("text", "want"), CASES, ids=[f["surface"] for _t, f in CASES])
def test_facts_visual_decimals_are_read_as_written_by_default_with_a_warning(text, want):
    record = kx.extract(text)
    assert record.warnings == [VISUAL_DECIMALS_WARNING]
    written = _fact(record.facts, want["surface"])
    # read as written: the same value as the swapped reading of the text with the two parts exchanged
    whole, frac = re.match(r"([0-9]+)/([0-9]+)", want["surface"]).groups()
    mirrored = text.replace(want["surface"], f"{frac}/{whole}", 1)
    assert written.value == _fact(extract_facts(normalize(mirrored), visual_decimals=True), f"{frac}/{whole}").value
    if whole != frac:
        assert written.value != want["value"]


def test_facts_visual_decimals_keep_the_normalised_text():
    text = SENTENCES[0]["text"]
    assert visual_decimal_order(text)
    assert "\N{EXTENDED ARABIC-INDIC DIGIT NINE}\N{EXTENDED ARABIC-INDIC DIGIT FOUR}/" in normalize(text).text
    # find_numbers reads as written unless told otherwise
    values = [m.amount for m in find_numbers(normalize(text).text)]
    assert any(str(v) == "94.871" for v in values)


def test_facts_visual_decimals_leave_dates_and_integers_alone():
    text = "اين قانون در تاريخ 24/10/1385 تصويب شد و 1400 نفر در 12 استان از آن سود بردند ."
    facts = extract_facts(normalize(text), visual_decimals=True)
    date = next(f for f in facts if f.kind == "date")
    assert (date.attrs["year"], date.attrs["month"], date.attrs["day"]) == (1385, 10, 24)
    assert [f.value for f in facts if f.kind == "quantity"] == [1400, 12]
    assert kx.extract(text).warnings == []  # an old text without slash decimals needs no warning


@pytest.mark.parametrize(
    "text",
    [
        "ذخایر ارزی این کشور به ۲/۵ میلیارد دلار رسید .",  # modern: Persian letters and digits
        "ذخایر ارزی این کشور به 2/5 میلیارد دلار رسید .",  # ASCII digits, Persian ی/ک
        "ذخاير ارزي این کشور به 2/5 ميليارد دلار رسيد .",  # mixed letters: not the old encoding
        "ذخاير ارزي اين كشور به ۲/۵ ميليارد دلار رسيد .",  # old letters but Persian digits
    ],
)
def test_facts_visual_decimals_modern_text_is_read_forward_without_warning(text):
    assert not visual_decimal_order(text)
    record = kx.extract(text)
    (money,) = [f for f in record.facts if f.kind == "money"]
    assert money.value == 2_500_000_000
    assert record.warnings == []
