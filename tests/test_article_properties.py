"""Properties of read_article on arbitrary cuts of real articles: it never raises, top-level segments tile the
non-space text, nested segments stay inside their parent, locate agrees with the segments."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar_extract.article import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]


@st.composite
def cuts(draw):
    text = draw(st.sampled_from(TEXTS))
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(a, min(len(text), a + 3000)))
    piece = text[a:b]
    if draw(st.booleans()):
        piece = piece.replace("\n\n", "\n")  # lose the blank lines
    if draw(st.booleans()):
        piece = piece.replace("\n", "\r\n")
    return piece


@settings(max_examples=60, deadline=None)
@given(cuts())
def test_article_properties_on_cuts_of_real_text(text):
    article = read_article(text)
    top = sorted((s for s in article.segments if "parent" not in s), key=lambda s: s["span"][0])
    covered = bytearray(len(text))
    prev = 0
    for s in top:
        a, b = s["span"]
        assert prev <= a < b <= len(text)
        prev = b
        covered[a:b] = b"\x01" * (b - a)
    assert all(covered[i] or c.isspace() for i, c in enumerate(text))
    for s in article.segments:
        if "parent" in s:
            pa, pb = article.segments[s["parent"]]["span"]
            assert pa <= s["span"][0] < s["span"][1] <= pb
        if s["kind"] == "sentence":
            where = article.locate(s["span"][0], s["span"][1])
            assert where["sentence"] == s["index"] and where["paragraph"] == s["paragraph"]
    if article.interview:
        for k, t in enumerate(article.interview["turns"]):
            qs, qe = t["question_span"]
            assert text[qs:qe] == t["question"]
            assert article.locate(qs, qe)["turn"] == k
