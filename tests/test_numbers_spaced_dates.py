"""Numeric dates written with spaces after or around their slashes (``مصوب ۴/ ۱۲/ ۱۳۹۲`` = 1392-12-04).

Real lines in ``fixtures/numbers/spaced_slash_dates.json`` (see SOURCES.md): the one spaced date of the raw
corpus, and the other spaced slash groups there, which are no dates (volume / page citations, a Hijri year
beside a glued date).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar_extract import extract
from khabar_extract.normalize import normalize
from khabar_extract.numbers import find_numbers

LINES = json.loads(
    (Path(__file__).parent / "fixtures" / "numbers" / "spaced_slash_dates.json").read_text(encoding="utf-8")
)


def _line(needle: str) -> str:
    (line,) = [x["text"] for x in LINES if needle in x["text"]]
    return line


def test_numbers_spaced_dates_real_line_is_one_date():
    line = _line("۴/ ۱۲/ ۱۳۹۲")
    doc = normalize(line)
    (m,) = [m for m in find_numbers(doc.text) if "۱۳۹۲" in m.text]
    assert (m.text, m.shape, m.parts) == ("۴/ ۱۲/ ۱۳۹۲", "date", (4, 12, 1392))
    dates = [f for f in extract(line).to_dict()["facts"] if f["kind"] == "date"]
    assert [(f["text"], f["year"], f["month"], f["day"], f["iso"]) for f in dates] == [
        ("۴/ ۱۲/ ۱۳۹۲", 1392, 12, 4, "2014-02-23")
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("قانون مصوب ۱۳۹۲ /۱۲ /۴ است", (1392, 12, 4)),
        ("قانون مصوب ۴ / ۱۲ / ۱۳۹۲ است", (4, 12, 1392)),
        ("قانون مصوب ۴/۱۲/ ۱۳۹۲ است", (4, 12, 1392)),  # was 4.12 and 1392
        ("قرارداد مورخ 15/ 3/ 2019 امضا شد", (15, 3, 2019)),
    ],
)
def test_numbers_spaced_dates_shapes(text, parts):
    (m,) = find_numbers(normalize(text).text)
    assert (m.shape, m.parts) == ("date", parts)


@pytest.mark.parametrize(
    "needle",
    ["1383: 4 / 394", "6 / 214 و 218"],  # (طوسی، 1383: 4 / 394): year of the edition, volume / page
)
def test_numbers_spaced_dates_citations_are_not_dates(needle):
    line = _line(needle)
    doc = normalize(line)
    assert not [m for m in find_numbers(doc.text) if m.shape == "date"]
    assert not [f for f in extract(line).to_dict()["facts"] if f["kind"] == "date" and "/" in f["text"]]


def test_numbers_spaced_dates_hijri_year_beside_a_glued_date_is_not_joined():
    line = _line("408 / 29/4/67")  # پنجم ذيحجه 408 / 29/4/67: a Hijri year, then the Jalali date
    got = [(m.text, m.shape, m.parts) for m in find_numbers(normalize(line).text) if m.shape != "ordinal"]
    assert got == [("۴۰۸", "int", ()), ("۲۹/۴/۶۷", "date", (29, 4, 67))]


@pytest.mark.parametrize(
    "text",
    [
        "رشد ۲/ ۵ درصد بود",  # two spaced groups: never joined
        "مصوب ۴/ ۱۴/ ۱۳۹۲ است",  # no month 14
        "مصوب ۴/ ۱۲/ ۱۰۹۲ است",  # not a 13xx/14xx/19xx/20xx year
        "بند ۵/ ۴/ ۱۲/ ۱۳۹۲ است",  # a longer slash chain (a code)
        "بند ۴/ ۱۲/ ۱۳۹۲/ ۵ است",
    ],
)
def test_numbers_spaced_dates_negatives(text):
    assert not [m for m in find_numbers(normalize(text).text) if m.shape == "date"]


def test_numbers_spaced_dates_digit_first_pattern_equals_the_lookbehind_form():
    """The spaced-date pattern starts with its first digit (speed); it finds exactly what the plain form, with
    the look-behinds first, finds: on the real lines and at the edges (text start, a digit, a slash or a
    spaced slash just before)."""
    import re

    from khabar_extract import numbers as N

    d, sp, gap = N._DIGITS, N._SP1, N._SLASH_GAP
    plain = re.compile(
        rf"(?<![{d}/])(?<![{d}/]{sp})"
        rf"(?:[{d}]{{1,2}}{gap}[{d}]{{1,2}}{gap}[{d}]{{4}}|[{d}]{{4}}{gap}[{d}]{{1,2}}{gap}[{d}]{{1,2}})"
        rf"(?![{d}])(?!{gap}[{d}])"
    )
    edges = ["۴/ ۱۲/ ۱۳۹۲", "۱۴/ ۱۲/ ۱۳۹۲ و ۱۳۹۲ /۱۲ /۴", "۵۴/ ۱۲/ ۱۳۹۲", "۵/۴/ ۱۲/ ۱۳۹۲", "۵/ ۴/ ۱۲/ ۱۳۹۲",
             "۵ ۴/ ۱۲/ ۱۳۹۲", "x۱۳۹۲ / ۱۲ / ۴", "مصوب\N{NO-BREAK SPACE}۲۳/ ۱/ ۱۴۰۲."]
    texts = [normalize(x["text"]).text for x in LINES] + edges
    assert sum(len(plain.findall(t)) for t in texts) >= 4
    for t in texts:
        assert [m.span() for m in N._SPACED_DATE_RE.finditer(t)] == [m.span() for m in plain.finditer(t)]


def test_numbers_spaced_slash_check_equals_the_regex():
    """The check that gates the spaced-date search (a slash with a space or no-break space beside it)."""
    import re

    from khabar_extract import numbers as N

    plain = re.compile("[ \N{NO-BREAK SPACE}]/|/[ \N{NO-BREAK SPACE}]")
    texts = [normalize(x["text"]).text for x in LINES] + [
        "/", " /", "/ ", "۱۲/۳", "/\N{NO-BREAK SPACE}۴", "۴/", "", "۱۲/ ۳", "a/b/ c", "۲/۵ و ۳ /۴"]
    assert any(N._spaced_slash(t) for t in texts) and not all(N._spaced_slash(t) for t in texts)
    for t in texts:
        assert N._spaced_slash(t) == (plain.search(t) is not None), t
