"""The number reader on real articles: span invariants, the seed article, the dev gold, random input."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar_extract.normalize import normalize
from khabar_extract.numbers import NumberMatch, find_numbers, parse_digits, parse_number_words

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = sorted((FIXTURES / "numbers").glob("*.txt"))
GOLD_DIR = FIXTURES / "gold" / "dev"


def _check_invariants(text: str, found: list[NumberMatch]) -> None:
    last_end = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end, "matches overlap or are not sorted"
        last_end = m.end
        for v in (m.value, m.amount):
            assert isinstance(v, (int, Decimal)) and not isinstance(v, bool)
        assert m.form in ("digits", "words", "mixed")
        assert m.shape in ("int", "decimal", "ordinal", "fraction", "date", "time", "ratio", "range", "code")
        if m.shape in ("int", "decimal", "ordinal"):
            assert m.value == m.amount * m.scale
        assert (m.scale == 1) == (m.scale_text == "")
        assert m.text == m.text.strip()


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_numbers_real_article_span_invariants(path):
    doc = normalize(path.read_text(encoding="utf-8"))
    found = find_numbers(doc.text)
    assert found
    _check_invariants(doc.text, found)
    for m in found:  # spans map back to the untouched original
        s, e = doc.to_original(m.start, m.end)
        assert normalize(doc.original[s:e]).text == m.text


def test_numbers_seed_article_numbers():
    doc = normalize((FIXTURES / "numbers" / "irna_85414319.txt").read_text(encoding="utf-8"))
    got = [(m.text, m.value, m.shape) for m in find_numbers(doc.text)]
    for expected in [
        ("۲۱", 21, "int"),
        ("۱۴۰۲", 1402, "int"),
        ("۷:۵۷", 7, "time"),
        ("چهار", 4, "int"),
        ("۵۷", 57, "int"),
        ("۱۵۷", 157, "int"),
        ("۹۰", 90, "int"),
        ("۱۰۰", 100, "int"),
        ("۶۴۰", 640, "int"),
        ("۱۳۹۷", 1397, "int"),
        ("۲۵۰ میلیارد", 250_000_000_000, "int"),
        ("دو", 2, "int"),
    ]:
        assert expected in got
    assert got.count(("هزار و ۳۹۰", 1390, "int")) == 2
    assert not any(m[1] < 0 for m in got), "the dateline dash is not a minus"
    # "یک یا چند نفر" and "بسیج" give nothing.
    text = doc.text
    start = text.index("یک یا چند نفر")
    assert not [m for m in find_numbers(text) if start <= m.start < start + 13]


# Gold facts whose number takes its scale or currency from a neighbour: the facts stage shares them.
SHARED_WITH_NEIGHBOUR = {"50", "۱۲", "۴۸", "۱۲۰"}


def _gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.gold.json")) if GOLD_DIR.is_dir() else []


@pytest.mark.skipif(not _gold_files(), reason="dev gold fixtures not present")
def test_numbers_read_every_dev_gold_amount():
    """Each money/percent/quantity gold fact contains a number with its value (or value / 10 for toman)."""
    misses = []
    checked = 0
    for gold_path in _gold_files():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        original = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        doc = normalize(original)
        spans = [(doc.to_original(m.start, m.end), m) for m in find_numbers(doc.text)]
        for fact in gold["facts"]:
            if fact["kind"] not in ("money", "percent", "quantity") or fact["surface"] in SHARED_WITH_NEIGHBOUR:
                continue
            pos = -1
            for _ in range(fact.get("occurrence", 1)):
                pos = original.find(fact["surface"], pos + 1)
            inside = [m.value for (s, e), m in spans if pos <= s and e <= pos + len(fact["surface"])]
            want = Decimal(str(fact["value"]))
            ok = any(Decimal(v) == want for v in inside)
            if fact["kind"] == "money":
                ok = ok or fact.get("currency") != "IRR" or any(Decimal(v) * 10 == want for v in inside)
            checked += 1
            if not ok:
                misses.append((gold_path.name, fact["surface"], fact["value"], inside))
    assert checked > 150
    assert misses == []


ALPHABET = [
    "یک", "دو", "سه", "نه", "ده", "صد", "یکصد", "هزار", "میلیون", "میلیارد", "و", "نیم", "منفی", "دوم", "سومین",
    "۱۲", "۲.۵", "۱۲٬۵۰۰", "۱۴۰۲/۱۲/۲۱", "۷:۵۷", "-", "٫", "/", "،", ".", "شنبه", "تنها", "ها", "ام",
    "بسیج", "شده", "نفر", "ریال", "\N{ZERO WIDTH NON-JOINER}", "\n", "0", "9", "ي", "ك",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ALPHABET), st.sampled_from(["", " ", "  ", " و "])), max_size=14))
def test_numbers_random_input_keeps_invariants(pieces):
    text = "".join(a + b for a, b in pieces)
    _check_invariants(text, find_numbers(text))


# --- round trip: integers spelled out the standard way read back exactly ----------------------

_UNITS = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
_TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
_TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
_HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]
_SCALES = [(10**12, "تریلیون"), (10**9, "میلیارد"), (10**6, "میلیون"), (10**3, "هزار")]


def _below_thousand(n: int) -> list[str]:
    parts = []
    h, rest = divmod(n, 100)
    if h:
        parts.append(_HUNDREDS[h])
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        t, u = divmod(rest, 10)
        if t:
            parts.append(_TENS[t])
        if u:
            parts.append(_UNITS[u])
    return parts


def _spell(n: int, digits: bool = False) -> str:
    """Standard Persian spelling of ``n``; with ``digits``, each group below a thousand in Persian digits."""

    def group(q: int) -> str:
        return str(q).translate(_FA) if digits else " و ".join(_below_thousand(q))

    if n == 0:
        return "صفر"
    groups = []
    for value, word in _SCALES:
        q, n = divmod(n, value)
        if q:
            groups.append(group(q) + " " + word)
    if n:
        groups.append(group(n))
    return " و ".join(groups)


_FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_numbers_spelled_integers_read_back(n):
    phrase = _spell(n)
    assert parse_number_words(phrase) == n, phrase
    found = find_numbers(f"مبلغ {phrase} ریال")
    assert [m.value for m in found] == [n], phrase


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**15 - 1))
def test_numbers_digit_groups_with_scale_words_read_back(n):
    phrase = _spell(n, digits=True)  # ۲۵ میلیارد و ۴۶۵ میلیون و ۳۳۷ هزار و ۴۰۰
    assert [m.value for m in find_numbers(f"مبلغ {phrase} ریال")] == [n], phrase


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**18), st.sampled_from(["\N{ARABIC THOUSANDS SEPARATOR}", ","]))
def test_numbers_grouped_digits_read_back(n, sep):
    written = f"{n:,}".replace(",", sep).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert parse_digits(written) == n
    assert [m.value for m in find_numbers(f"رقم {written} ریال")] == [n]
