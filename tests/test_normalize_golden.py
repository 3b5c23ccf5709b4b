"""Golden cases of the normaliser: each fix on a short phrase, and text that must not change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar_extract.normalize import apply_fixes, normalize

GOLDEN = json.loads(
    (Path(__file__).parent / "fixtures" / "normalize" / "golden.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda c: c["input"])
def test_normalize_golden_case(case: dict) -> None:
    doc = normalize(case["input"])
    assert doc.text == case["expected"]
    assert [f.name for f in doc.fixes] == case["fixes"]
    assert apply_fixes(doc.original, doc.fixes, doc.options) == doc.text


@pytest.mark.parametrize("text", GOLDEN["unchanged"])
def test_normalize_golden_unchanged(text: str) -> None:
    doc = normalize(text)
    assert doc.text == text
    assert doc.fixes == ()


@pytest.mark.parametrize("case", GOLDEN["options"], ids=lambda c: f"{c['input']}-{c['options']}")
def test_normalize_golden_options(case: dict) -> None:
    assert normalize(case["input"], **case["options"]).text == case["expected"]


@pytest.mark.parametrize(
    "text",
    ["۱۲٬۵۰۰", "12,500", "۲.۵", "۲٫۵", "۲/۵", "۱۴۰۲/۱۲/۲۱", "۷:۵۷", "4.2 میلیارد", "٢٫٥ درصد"],
)
def test_normalize_numbers_stay_one_token(text: str) -> None:
    """Digits are folded but separators are never spaced out or changed: the number stays one token."""
    out = normalize(f"در سال {text} بود").text
    number = out.split()[2]
    assert len(number) == len(text.split()[0])
    assert [c for c in number if not c.isdigit()] == [c for c in text.split()[0] if not c.isdigit()]


def test_normalize_presentation_forms_one_by_one() -> None:
    """Every letter presentation form folds to one letter or a ligature's letters; word ligatures stay."""
    import unicodedata

    forms = [
        chr(c) for c in [*range(0xFB50, 0xFDF0), *range(0xFE70, 0xFEFF)] if unicodedata.decomposition(chr(c))
    ]
    out = normalize(" ".join(forms)).text
    assert not any(0xFB50 <= ord(c) <= 0xFDEF or 0xFE70 <= ord(c) <= 0xFEFE for c in out)
    for keep in "\ufdfc\ufdf2\ufdfa\ufdfd":
        assert normalize(keep).text == keep


def test_normalize_never_adds_zwnj_after_non_joining_letter() -> None:
    zwnj = "\N{ZERO WIDTH NON-JOINER}"
    for text in ("بندرها", "بندر ها", "نیرو ها", "کشور های", "مدارها", "دیوار های"):
        out = normalize(text).text
        for i, ch in enumerate(out):
            if ch == zwnj:
                assert out[i - 1] not in "ادذرزژوآ", (text, out)


def test_normalize_never_glues_va_onto_a_verb() -> None:
    zwnj = "\N{ZERO WIDTH NON-JOINER}"
    for text in ("آغاز شده و ادامه دارد", "گفت و گفتند", "می رود و می آید"):
        out = normalize(text).text
        assert f"{zwnj}و" not in out and f"و{zwnj}" not in out, out
        assert " و " in out


def test_normalize_keeps_newlines_exactly() -> None:
    text = "عنوان\n\nبند اول  است .\n\n\nبند دوم\r\nپایان\n"
    out = normalize(text).text
    assert out.count("\n") == text.count("\n")
    assert [len(p) > 0 for p in out.split("\n")] == [len(p.strip()) > 0 for p in text.split("\n")]


def test_normalize_never_breaks_number_words() -> None:
    """No ZWNJ is ever put inside a number word of the 231 number phrases (numbers fixture, read-only)."""
    import csv

    path = Path(__file__).parent / "fixtures" / "numbers" / "words_to_int.tsv"
    zwnj = "\N{ZERO WIDTH NON-JOINER}"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) > 200
    for row in rows:
        phrase = row["text"]
        out = normalize(phrase).text
        added = out.count(zwnj) - phrase.count(zwnj)
        assert added <= 0, (phrase, out)


@pytest.mark.parametrize("glued", ["ریزیهایریزی", "برنامه ریزیهای", "خدمات رسانیهای"])
def test_normalize_piece_glued_more_than_once_is_split_in_one_pass(glued: str) -> None:
    # A bound second part after a plural (found by the hypothesis property on arbitrary strings): both
    # ZWNJ are written at once, so normalising the result again changes nothing.
    once = normalize(glued).text
    assert once.count("\N{ZERO WIDTH NON-JOINER}") == 2
    assert normalize(once).text == once


@pytest.mark.parametrize("spaced", ["ا\N{NO-BREAK SPACE}ها\N{NO-BREAK SPACE}ترین", "ا ها ترین"])
def test_normalize_spaces_removed_in_a_row_see_the_merged_word(spaced: str) -> None:
    # Found by the hypothesis property: after "ا ها" is glued (a non-joining letter), the next decision is
    # about "اها ترین", not "ها ترین", so one pass gives what a second pass would.
    once = normalize(spaced).text
    assert once == "اهاترین"
    assert normalize(once).text == once
