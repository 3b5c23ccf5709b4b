"""Numbers written across a line break or glued to scale words and و, on real sentences.

Fixtures (verbatim lines of ``../shared/corpus/raw/``, see ``tests/fixtures/SOURCES.md``):
``line_break_decimals.json`` holds every line pair of the raw corpus where an irnasrc source, cut into one
sentence per line at every ".", split a decimal number at its point (``۲۶.⏎۸ میلیارد دلار``);
``glued_scales.json`` holds older Fars/IRNA lines with digits glued to scale words and to و.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from khabar_extract.normalize import normalize
from khabar_extract.numbers import decimal_line_break, find_numbers
from khabar_extract.sentences import split_sentences

FIX = Path(__file__).parent / "fixtures" / "numbers"
BREAKS = json.loads((FIX / "line_break_decimals.json").read_text(encoding="utf-8"))
GLUED = json.loads((FIX / "glued_scales.json").read_text(encoding="utf-8"))
_TO_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def _numbers(text: str):
    doc = normalize(text)
    return doc, find_numbers(doc.text)


def test_numbers_layout_fixture_covers_the_corpus_cases():
    assert len(BREAKS) == 47
    assert all(e["text"].count("\n") == 1 for e in BREAKS)


@pytest.mark.parametrize("entry", BREAKS, ids=lambda e: e["source"])
def test_numbers_layout_decimal_across_line_break_is_one_number(entry):
    text = entry["text"]
    nl = text.index("\n")
    doc, found = _numbers(text)
    hits = [m for m in found if "\n" in m.text]
    assert len(hits) == 1, [m.text for m in found]
    m = hits[0]
    # The integer part is the digit run before ".⏎", the fraction the digit run after it.
    i = nl - 1
    while text[i - 1].isdigit():
        i -= 1
    j = nl + 1
    while text[j].isdigit():
        j += 1
    expected = Decimal(f"{text[i:nl - 1]}.{text[nl + 1:j]}".translate(_TO_ASCII))
    assert m.amount == expected
    assert m.value == expected * m.scale
    assert m.is_decimal and m.shape == "decimal"
    s, e = doc.to_original(m.start, m.end)
    assert s == i and e >= j and text[s:e].startswith(text[i:j])
    assert decimal_line_break(text, nl)


@pytest.mark.parametrize("entry", BREAKS, ids=lambda e: e["source"])
def test_numbers_layout_sentence_splitter_keeps_split_decimal(entry):
    text = entry["text"]
    spans = split_sentences(text)
    nl = text.index("\n")
    assert any(s < nl < e for s, e in spans), spans


def _one(text: str):
    """(text as written in the original, value) of every number found."""
    doc, found = _numbers(text)
    return [(text[slice(*doc.to_original(m.start, m.end))], m.value) for m in found]


def test_numbers_layout_named_examples():
    by_text = {e["text"]: e for e in BREAKS}
    line = next(t for t in by_text if "۲۶.\n۸ میلیارد دلار" in t)
    m = next(m for m in find_numbers(normalize(line).text) if "\n" in m.text)
    assert (m.text, m.value, m.amount, m.scale) == ("۲۶.\n۸ میلیارد", 26_800_000_000, Decimal("26.8"), 10**9)
    line = next(t for t in by_text if "۳۳۵.\n۴۷ دلار" in t)
    assert ("۳۳۵.\n۴۷", Decimal("335.47")) in _one(line)
    line = next(t for t in by_text if "تسهیلات ۱.\n۵ تا" in t)
    found = _one(line)
    k = found.index(("۱.\n۵", Decimal("1.5")))
    assert found[k + 1] == ("۲ میلیون", 2_000_000)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("رشد اقتصادی ۲۶.\n\n۸ درصد بود", [("۲۶", 26), ("۸", 8)]),  # a blank line: two paragraphs
        ("رشد اقتصادی ۲۶. ۸ نفر آمدند", [("۲۶", 26), ("۸", 8)]),  # a space, not a newline
        ("این طرح در سال ۱۳۹۸.\n۱۲ نفر در آن شرکت کردند", [("۱۳۹۸", 1398), ("۱۲", 12)]),  # a year ends the sentence
        ("مصوبه ۱۴۰۲/۱۲/۲۱.\n۵ نفر آمدند", [("۱۴۰۲/۱۲/۲۱", 1402), ("۵", 5)]),  # a date ends the sentence
        ("موارد زیر تصویب شد: بند ۱.\n۲- بند بعدی", [("۱", 1), ("۲", 2)]),  # a numbered list
        ("موارد زیر تصویب شد: بند ۱.\n۲.۳ بند بعدی", [("۱", 1), ("۲.۳", Decimal("2.3"))]),
    ],
)
def test_numbers_layout_line_break_that_is_not_a_decimal(text, expected):
    assert _one(text) == expected


def test_numbers_layout_sentences_split_after_a_year_line():
    text = "این طرح در سال ۱۳۹۸.\n۱۲ نفر در آن شرکت کردند."
    assert [text[s:e] for s, e in split_sentences(text)] == ["این طرح در سال ۱۳۹۸.", "۱۲ نفر در آن شرکت کردند."]


def test_numbers_layout_article_facts_stay_inside_their_sentence():
    from khabar_extract.pipeline import extract

    text = (FIX / "irnasrc_tabnak_data_357.txt").read_text(encoding="utf-8")
    record = extract(text).to_dict()
    sentences = {g["index"]: g["span"] for g in record["segments"] if g["kind"] == "sentence"}
    split = [f for f in record["facts"] if "\n" in f["text"]]
    assert [(f["kind"], f["value"]) for f in split][:3] == [("percent", 1.5), ("percent", 2.68), ("percent", 3.17)]
    assert len(split) == 9
    breaks = sum(1 for k in range(1, len(text) - 2) if text[k - 1].isdigit() and text.startswith(".\n", k)
                 and text[k + 2].isdigit())
    assert breaks == 9 and sum("\n" in m.text for m in _numbers(text)[1]) == breaks
    for f in record["facts"]:
        s, e = f["span"]
        ss, se = sentences[f["sentence"]]
        assert ss <= s and e <= se, f


@pytest.mark.parametrize("entry", GLUED, ids=lambda e: e["number"])
def test_numbers_layout_digits_glued_to_scale_and_va(entry):
    assert (entry["number"], entry["value"]) in _one(entry["text"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("از ۱۲ هزارو۵۱۴ تن کالا", [("۱۲ هزارو۵۱۴", 12514)]),
        ("۱۲هزارو۵۱۴ تن کالا", [("۱۲هزارو۵۱۴", 12514)]),
        ("هزار وپانصد نفر", [("هزار وپانصد", 1500)]),
        ("دو هزار وپانصد نفر", [("دو هزار وپانصد", 2500)]),
        ("صد وبیست نفر", [("صد وبیست", 120)]),
        ("۵هزار و۵۰۰ نفر", [("۵هزار و۵۰۰", 5500)]),
        ("۲میلیون نفر", [("۲میلیون", 2_000_000)]),
        ("بیست ویکم اسفند", [("بیست ویکم", 21)]),
        # و glued to a word that only looks like a number word, or after something that is not a number
        ("سه وسیع", [("سه", 3)]),
        ("این کار ودو نفر دیگر", []),
    ],
)
def test_numbers_layout_va_glued_to_the_next_word(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("در سال ۱۳۹۸ هزار نفر در این طرح شرکت کردند", [("۱۳۹۸", 1398), ("هزار", 1000)]),
        ("در سال 2019 میلیون نفر سفر کردند", [("2019", 2019), ("میلیون", 1_000_000)]),
        ("۱۳۹۸ هزار نفر", [("۱۳۹۸ هزار", 1_398_000)]),  # no سال: read as written
        ("سال ۱۲۰ هزار نفر", [("۱۲۰ هزار", 120_000)]),  # not a year
    ],
)
def test_numbers_layout_year_does_not_take_the_next_scale(text, expected):
    assert _one(text) == expected
