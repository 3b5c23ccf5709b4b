"""The word patterns write each word boundary once (not at every trie terminal) and must still pick, at each
place, the longest word whose own boundary holds. Checked against the plain construction (each boundary
inlined at its terminal) on small word sets with prefix and suffix conflicts between boundaries, and on the
real conflicts of the lexicon (دهم/ده, هزارم/هزار, glued و)."""

from __future__ import annotations

import re

import pytest

from khabar_extract.numbers import _end_layers, _suffix_classes, _trie_bounded, _trie_regex, find_numbers


def _inline(ends: dict[str, str | None], common: str) -> str:
    """Reference: one trie with each word's full boundary at its terminal (the construction it replaces)."""
    trie: dict = {}
    for w, end in ends.items():
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = common if end is None else f"(?:{common}|{end})"

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


_END = r"(?!\w)"
# X: the word then c or x; Y: the word then d or y; None: only the common boundary (end of a word). Words
# continue with c and d, so a shorter word's boundary often holds where a longer word's does too.
X, Y = "(?=[cx])", "(?=[dy])"
_CASES = {
    "prefix conflict": {"ab": X, "abc": Y, "abcd": None, "q": None},
    "suffix conflict": {"ab": X, "cab": Y, "b": None, "cabd": X},
    "cycle": {"a": X, "ab": Y, "abc": X, "b": None, "ba": X, "abcd": Y},
    "no suffix conflict": {"a": X, "ab": Y, "abc": X, "b": Y, "ba": X},
    "one boundary": {"ab": X, "abc": X},
}
_TEXTS = [s + t for s in ("a", "ab", "abc", "abcd", "cab", "cabd", "b", "ba", "q", "bq", "bc")
          for t in ("", " ", "x", "y", "z", "c", "d", "cd", "dc", "xq")]


@pytest.mark.parametrize("name", list(_CASES))
def test_numbers_patterns_grouped_boundaries_match_inline(name):
    ends = _CASES[name]
    grouped = re.compile(_trie_bounded(ends, False, _END))
    inline = re.compile(_inline(ends, _END))
    for t in _TEXTS:
        for pos in range(len(t)):
            g, i = grouped.match(t, pos), inline.match(t, pos)
            assert (g and g.span()) == (i and i.span()), (name, t, pos)


def test_numbers_patterns_shared_alternatives_match_inline():
    """Boundaries given as tuples of look-aheads, one of them shared by words of different boundaries (as
    the glued و of number and scale words): written once, they match as each word's whole boundary would."""
    shared = "(?=[xy]q)"
    for name in ("no suffix conflict", "one boundary", "prefix conflict"):
        ends = {w: None if e is None else (e, shared) if e == X else (shared, e, "(?=z)") for w, e in _CASES[name].items()}
        inline = {w: None if e is None else "|".join(e) for w, e in ends.items()}
        grouped = _trie_bounded(ends, False, _END)
        assert grouped.count(shared) == 1, name
        grouped_re, inline_re = re.compile(grouped), re.compile(_inline(inline, _END))
        for t in _TEXTS + [s + "xq" for s in ("ab", "abc", "b", "ba")]:
            for pos in range(len(t)):
                g, i = grouped_re.match(t, pos), inline_re.match(t, pos)
                assert (g and g.span()) == (i and i.span()), (name, t, pos)


def test_numbers_patterns_conflicts_are_computed():
    assert _suffix_classes({"ab": "x", "abc": "y"})  # a prefix conflict alone keeps one trie
    assert not _suffix_classes({"ab": "x", "cab": "y"})
    assert not _suffix_classes(_CASES["cycle"]) and not _suffix_classes(_CASES["suffix conflict"])
    groups = _end_layers({"ab": "x", "abc": "y", "abcd": "x"})  # x must come both before and after y
    order = [w for _end, ws in groups for w in ws]
    assert order.index("abcd") < order.index("abc") < order.index("ab")


def test_numbers_patterns_trie_regex_prefers_longer_words():
    assert re.match(_trie_regex(["ده", "دهم", "دهمین"], False), "دهمین").group() == "دهمین"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("روز دهم فروردین", [(10, "ordinal")]),  # دهم (ordinal, plain end) before ده (cardinal)
        ("ده هزار نفر", [(10000, "int")]),
        ("هزارمین سالگرد", [(1000, "ordinal")]),  # هزارم before هزار (scale)
        ("هزارتومانی", [(1000, "int")]),  # a scale glued to a currency
        ("هزارو ۴۰۰ نفر", [(1400, "int")]),  # و glued after a scale
        ("صدو هفتاد نفر", [(170, "int")]),
        ("بیستوچهار نفر", [(24, "int")]),
        ("دومیلیون نفر", [(2000000, "int")]),  # a cardinal glued to a scale
        ("دوست و صدور", []),  # number words running on into other words
        ("هزار وپانصد نفر", [(1500, "int")]),  # و glued to the next number word
    ],
)
def test_numbers_patterns_real_conflicts(text, expected):
    assert [(m.value, m.shape) for m in find_numbers(text)] == expected
