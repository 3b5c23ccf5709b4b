"""Property tests of the normaliser over arbitrary strings and over real article text.

Never raises; idempotent; the offset map is monotone and in range; every character of the
normalised text maps back to an original slice that is its source.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar_extract.normalize import FIXES, apply_fixes, fold_chars, normalize

FIXTURES = Path(__file__).parent / "fixtures" / "normalize"
ARTICLES = {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))}
ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
# Spaces and invisible marks: what an inserted or replaced space/ZWNJ may come from.
_GONE = " \t\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000" + (
    "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u2060\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)

# Characters the normaliser treats specially, mixed with Persian letters, digits and punctuation.
_SPECIAL = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئءةۀيىكھ"
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
    "،؛؟!.:«»()[]٬٫/,-ـ\u064b\u064e\u064f\u0650\u0651\u0652\u0654\u0670"
    " \n\t\u00a0\u2009\u200b\u200c\u200d\u200e\u200f\u202a\u202c\u2066\u2069\ufeff\u00ad"
    "\ufefb\ufef5\ufe8e\ufeea\ufbfd\ufdfc\ufdf2\ufc5e\ufe70\ufe7c"
)
_WORDS = [
    "می",
    "نمی",
    "ها",
    "های",
    "هایی",
    "گروه",
    "کند",
    "شود",
    "بندر",
    "و",
    "ای",
    "ترین",
    "یک",
    "میلیارد",
    "خدمات",
    "رسانی",
    "شده",
    "اند",
    "آن",
    "برنامه",
    "ریزی",
    "هم",
    "میان",
    "۱۲٬۵۰۰",
    "۷:۵۷",
]
persianish = st.lists(st.one_of(st.sampled_from(list(_SPECIAL)), st.sampled_from(_WORDS)), max_size=40).map(
    "".join
)
anything = st.text(max_size=60)
texts = st.one_of(persianish, anything)

# ... plus what the mark pass deletes next to them (kashida, vowel marks).
_DELETABLE = _GONE + "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"


def _vanishes(s: str) -> bool:
    """Whether every character of ``s`` is one the normaliser may delete (or turn into a space/ZWNJ)."""
    return all(c in _DELETABLE or not normalize(c).text for c in s)


def _article_slices() -> st.SearchStrategy[str]:
    names = sorted(ARTICLES)
    return st.tuples(st.sampled_from(names), st.integers(0, 10_000), st.integers(1, 600)).map(
        lambda t: ARTICLES[t[0]][t[1] % max(1, len(ARTICLES[t[0]])) :][: t[2]]
    )


def _fold_key(s: str) -> str:
    """What a piece of original text looks like once folded and stripped of what the normaliser deletes."""
    s = (
        unicodedata.normalize("NFKC", fold_chars(s))
        if any(0xFB50 <= ord(c) <= 0xFEFF for c in s)
        else fold_chars(s)
    )
    return "".join(c for c in fold_chars(s) if c.isalnum() or c in "،؛؟!.:«»()[]٬٫/,-")


def check_doc(original: str) -> None:
    doc = normalize(original)
    out = doc.text
    # idempotent
    again = normalize(out)
    assert again.text == out
    assert again.fixes == ()
    # replay
    assert apply_fixes(original, doc.fixes, doc.options) == out
    assert all(f.name in FIXES and f.count > 0 for f in doc.fixes)
    # newlines kept exactly
    assert out.count("\n") == original.count("\n")
    n, m = len(out), len(original)
    s0, e0 = doc.to_original(0, n)
    assert 0 <= s0 <= e0 <= m
    if n:  # what lies outside the whole text's span was deleted entirely
        assert _vanishes(original[:s0]) and _vanishes(original[e0:])
    assert doc.to_normalized(0, m) == (0, n)
    prev_s = prev_e = 0
    for i in range(n):
        s, e = doc.to_original(i, i + 1)
        # in range and monotone
        assert 0 <= s <= e <= m
        assert s >= prev_s and e >= prev_e
        prev_s, prev_e = s, e
        ch = out[i]
        src = original[s:e]
        # the source of each output character: the same character, its fold, or the piece it replaced
        if ch in src or ch in fold_chars(src) or ch in _fold_key(src):
            continue
        if s == e:  # an insertion: only spaces, tabs and ZWNJ are ever inserted
            assert ch in f" \t{ZWNJ}", (i, ch)
            continue
        assert ch in f" \t{ZWNJ}" and _vanishes(src), (i, ch, src)
    # every span maps back to a slice whose folded letters are the span's letters
    for i in range(0, n, max(1, n // 25)):
        j = min(n, i + 7)
        s, e = doc.to_original(i, j)
        assert _letters(out[i:j]) in _letters(normalize(original[s:e]).text) or _letters(out[i:j]) == ""
        # and forward again lands on a span holding it (inserted ZWNJ/spaces at its edges aside)
        fs, fe = doc.to_normalized(s, e)
        assert out[i:j].strip(_GONE) in out[fs:fe]


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalnum())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_normalize_properties_on_arbitrary_strings(text: str) -> None:
    check_doc(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_article_slices())
def test_normalize_properties_on_article_slices(text: str) -> None:
    check_doc(text)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_normalize_properties_on_whole_articles(name: str) -> None:
    check_doc(ARTICLES[name])


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_normalize_properties_with_zwnj_removed(name: str) -> None:
    """The benchmark's corruption (every ZWNJ deleted, alternately glued and spaced) on real text."""
    parts = ARTICLES[name].split(ZWNJ)
    text = "".join(p + ("" if k % 2 == 0 else " ") for k, p in enumerate(parts[:-1])) + parts[-1]
    check_doc(text)
