"""The whole-text scan for atoms (``token_re``) writes the first letters of the number-word trie as alternatives
of the same alternation as the digits, and the words' boundary after it behind a test of the digits' group
(speed). It must find exactly what the plain form finds, the words' trie in a group of its own with its
boundary right after it: same matches, same groups, on real articles and on random mixes of number words,
digits, separators and line breaks, for both the plain and the tolerant (Arabic yeh/kaf) patterns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar_extract.normalize import normalize
from khabar_extract.numbers import _lexicon

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = sorted([*(FIXTURES / "numbers").glob("*.txt"), *(FIXTURES / "articles").glob("*.txt")])
ZWNJ = "\N{ZERO WIDTH NON-JOINER}"


def _nested(pattern: str) -> str:
    """The plain form of a token pattern: ``…(?P<ds>…)?|(?:words)boundary)``."""
    head, tail = pattern.rsplit(")(?(d)|", 1)
    cut = head.index(")?|", head.index("(?P<ds>")) + 2  # the "|" before the words' first letters
    return head[:cut] + "|(?:" + head[cut + 1:] + ")" + tail


def _pairs() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    lex = _lexicon()
    return [(p, re.compile(_nested(p.pattern))) for p in (lex.token_re, lex.tolerant()[0])]


def _scan(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.lastindex, m.groups()) for m in pattern.finditer(text)]


def _assert_same(text: str) -> None:
    for flat, nested in _pairs():
        assert _scan(flat, text) == _scan(nested, text)


def test_numbers_scan_nested_form_is_rebuilt():
    for flat, nested in _pairs():
        assert nested.pattern != flat.pattern and "(?(d)|" not in nested.pattern
        assert len(nested.pattern) == len(flat.pattern) + len("(?:)") - len("(?(d)|)")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_numbers_scan_flat_equals_nested_on_real_articles(path):
    raw = path.read_text(encoding="utf-8")
    _assert_same(raw)
    _assert_same(normalize(raw).text)


_WORDS = sorted(w for w in _lexicon().words if " " not in w)
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(lambda w: "و" + w),
    st.sampled_from(["۵", "۱۲", "۲۰۲۱", "۱٬۲۰۰", "۱,۵۰۰", "۲/۵", "۲٫۵", "۷:۵۷", "۱۰-۱۲", "۰۲۱", "5", "١٢"]),
    st.sampled_from([" ", " ", " ", "\N{NO-BREAK SPACE}", ZWNJ, "\n", ".", ".\n", "٫\n", "،", "-", "(", "«", "/", ":"]),
    st.sampled_from(["و", "ها", "ی", "ام", "امین", "مین", "ساله", "دولت", "میان", "نفر", "تومانی", "ي", "ك", "A"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_numbers_scan_flat_equals_nested_on_random_mixes(text):
    _assert_same(text)
