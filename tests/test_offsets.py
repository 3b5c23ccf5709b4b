"""The sparse edit map: deletions, insertions, replacements, adjacent edits, composition."""

from __future__ import annotations

from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar_extract.offsets import ChainMap, Edit, EditMap, apply_edits


def test_offsets_identity_map() -> None:
    m = EditMap.identity(5)
    assert m.to_input(1, 3) == (1, 3)
    assert m.to_output(0, 5) == (0, 5)
    assert len(m) == 0


def test_offsets_deletion() -> None:
    out, m = apply_edits("ab--cd", [Edit(2, 4, "")])
    assert out == "abcd"
    assert m.to_input(0, 4) == (0, 6)
    assert m.to_input(2, 4) == (4, 6)  # a start at a deletion goes after it
    assert m.to_input(0, 2) == (0, 2)  # an end at a deletion stays before it
    assert m.to_output(2, 4) == (2, 2)  # the deleted text maps to an empty span
    assert m.to_output(1, 5) == (1, 3)


def test_offsets_insertion() -> None:
    out, m = apply_edits("abcd", [Edit(2, 2, "\N{ZERO WIDTH NON-JOINER}")])
    assert out == "ab\N{ZERO WIDTH NON-JOINER}cd"
    assert m.to_input(2, 3) == (2, 2)  # inserted text comes from nowhere
    assert m.to_input(0, 5) == (0, 4)
    assert m.to_input(3, 5) == (2, 4)
    assert m.to_output(2, 4) == (3, 5)  # input spans never take inserted text in
    assert m.to_output(0, 2) == (0, 2)


def test_offsets_replacement_widens_inside() -> None:
    out, m = apply_edits("xﻻy", [Edit(1, 2, "لا")])
    assert out == "xلاy"
    assert m.to_input(1, 2) == (1, 2)  # half of the expansion maps to the whole source character
    assert m.to_input(2, 3) == (1, 2)
    assert m.to_input(3, 4) == (2, 3)
    assert m.to_output(1, 2) == (1, 3)


def test_offsets_adjacent_edits_merge() -> None:
    out, m = apply_edits("a  ,b", [Edit(1, 2, ""), Edit(2, 3, ""), Edit(4, 4, " ")])
    assert out == "a, b"
    assert len(m) == 2  # the two touching deletions became one
    assert m.to_input(1, 2) == (3, 4)
    assert m.to_input(0, 4) == (0, 5)


def test_offsets_insertion_right_after_a_deletion() -> None:
    out, m = apply_edits("ab c", [Edit(2, 3, ""), Edit(3, 3, "-")])
    assert out == "ab-c"
    assert m.to_input(2, 3) == (2, 3)
    assert m.to_input(3, 4) == (3, 4)


def test_offsets_noop_edits_dropped() -> None:
    out, m = apply_edits("abc", [Edit(1, 2, "b"), Edit(3, 3, "")])
    assert out == "abc" and len(m) == 0


def test_offsets_edits_at_both_ends() -> None:
    out, m = apply_edits("\ufeffabc ", [Edit(0, 1, ""), Edit(4, 5, "")])
    assert out == "abc"
    assert m.to_input(0, 3) == (1, 4)
    assert m.to_output(0, 5) == (0, 3)


@pytest.mark.parametrize(
    "edits",
    [[Edit(2, 3, ""), Edit(1, 2, "")], [Edit(1, 3, ""), Edit(2, 4, "")], [Edit(3, 2, "")]],
)
def test_offsets_rejects_overlapping_or_unsorted(edits: list[Edit]) -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", edits)


def test_offsets_rejects_out_of_range_spans() -> None:
    _, m = apply_edits("abc", [Edit(1, 2, "")])
    with pytest.raises(ValueError):
        m.to_input(0, 3)
    with pytest.raises(ValueError):
        m.to_output(2, 1)


def test_offsets_chain_composes() -> None:
    a, m1 = apply_edits("a  b", [Edit(1, 3, " ")])
    b, m2 = apply_edits(a, [Edit(2, 2, "\N{ZERO WIDTH NON-JOINER}")])
    chain = ChainMap([m1, m2])
    assert b == "a \N{ZERO WIDTH NON-JOINER}b"
    assert chain.to_input(3, 4) == (3, 4)
    assert chain.to_input(0, 4) == (0, 4)
    assert chain.to_output(3, 4) == (3, 4)


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    src = draw(st.text(alphabet="abc \u200c", max_size=30))
    edits = []
    pos = 0
    while pos <= len(src) and draw(st.booleans()):
        start = draw(st.integers(pos, len(src)))
        end = draw(st.integers(start, min(len(src), start + 3)))
        edits.append(Edit(start, end, draw(st.text(alphabet="xy\u200c", max_size=3))))
        pos = end + (1 if start == end else 0)
    return src, edits


@settings(max_examples=300, deadline=None)
@given(_edited())
def test_offsets_properties(case: tuple[str, list[Edit]]) -> None:
    src, edits = case
    out, m = apply_edits(src, edits)
    assert m.in_len == len(src) and m.out_len == len(out)
    prev = (0, 0)
    for i in range(len(out)):
        s, e = m.to_input(i, i + 1)
        assert 0 <= s <= e <= len(src)
        assert s >= prev[0] and e >= prev[1]  # monotone
        prev = (s, e)
        if s == e:
            continue  # inserted text
        # an untouched character maps to itself; an edited one to the (merged) piece it replaced
        in_edit = any(ed.start <= s <= ed.end for ed in edits) and any(
            ed.start <= e <= ed.end for ed in edits
        )
        assert out[i] == src[s] and e == s + 1 or in_edit
    prev = (0, 0)
    for i in range(len(src)):
        s, e = m.to_output(i, i + 1)
        assert 0 <= s <= e <= len(out)
        assert s >= prev[0] and e >= prev[1]
        prev = (s, e)


def _back_reference(m: EditMap, pos: int, *, is_end: bool) -> int:
    """One position mapped back as the first EditMap did it (the rules written out case by case)."""
    outs = m._out_starts
    i = bisect_right(outs, pos) - 1
    if i < 0:
        return pos
    os_, oe = outs[i], m._out_ends[i]
    is_, ie = m._in_starts[i], m._in_ends[i]
    if pos == os_:
        if os_ == oe:  # a deletion here: starts go after it, ends before it
            return is_ if is_end else ie
        return is_  # the boundary just before a replacement
    if pos < oe:  # strictly inside a replacement: widen to the whole input piece
        return ie if is_end else is_
    return pos - oe + ie


def _to_input_reference(m: EditMap, start: int, end: int) -> tuple[int, int]:
    s = _back_reference(m, start, is_end=False)
    return (s, s) if end == start else (s, max(s, _back_reference(m, end, is_end=True)))


@settings(max_examples=200, deadline=None)
@given(_edited(), _edited())
def test_offsets_to_input_many_equals_to_input(case1: tuple[str, list[Edit]], case2: tuple[str, list[Edit]]) -> None:
    """The batch mapping (the facts stage maps all its spans at once) gives exactly the one-by-one results."""
    src, edits = case1
    mid, m1 = apply_edits(src, edits)
    m2 = apply_edits(mid, [ed for ed in case2[1] if ed.end <= len(mid)])[1] if case2[1] else EditMap.identity(len(mid))
    spans = [(s, e) for s in range(m2.out_len + 1) for e in range(s, m2.out_len + 1)]
    for m in (m1, m2):
        own = [(s, e) for s, e in spans if e <= m.out_len]
        assert m.to_input_many(own) == [m.to_input(s, e) for s, e in own]
        assert m.to_input_many(own) == [_to_input_reference(m, s, e) for s, e in own]
    chain = ChainMap([m1, m2])
    assert chain.to_input_many(spans) == [chain.to_input(s, e) for s, e in spans]
    if chain.stages:  # out of range: both refuse (a chain without edits maps every span to itself)
        with pytest.raises(ValueError):
            chain.to_input(0, m2.out_len + 1)
        with pytest.raises(ValueError):
            chain.to_input_many([(0, m2.out_len + 1)])


def test_offsets_to_input_many_on_real_text() -> None:
    from khabar_extract.normalize import normalize

    doc = normalize("كل اعتبار  ۱۲٬۵۰۰ ميليارد ريال  و گروه هاي جهادي ۲٫۵ درصد")
    n = len(doc.text)
    spans = [(s, e) for s in range(n + 1) for e in range(s, n + 1)]
    assert doc._map.to_input_many(spans) == [doc.to_original(s, e) for s, e in spans]
