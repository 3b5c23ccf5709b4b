"""The fast paths of the facts finders stay switched on and give exactly what the plain searches give."""

from __future__ import annotations

from pathlib import Path

from khabar_extract.facts import finders as F
from khabar_extract.facts.patterns import patterns
from khabar_extract.normalize import normalize

_TEXT = (
    "دیشب و امشب دو جلسه برگزار شد. پریشب نیز شب گذشته هفته آینده ماه گذشته روز گذشته فردا "
    "این هفته‌نامه در اسفند ماه گذشته و دوشنبه شب و شبکه خبر از امروز و دیروز گفت."
)


def test_facts_relative_days_anchor_words_cover_every_phrase() -> None:
    # every relative day phrase holds an anchor word, so the anchored search is used (adding a phrase
    # without one silently fell back to a whole-text search, ~10x slower)
    p = patterns()
    assert F._relative_other_back(p) is not None


def test_facts_relative_days_anchored_equals_plain_search() -> None:
    p = patterns()
    sp = F._speed(p)
    back = F._relative_other_back(p)
    articles = sorted((Path(__file__).parent / "fixtures" / "facts").glob("*.txt"))
    assert articles
    total = 0
    for raw in [_TEXT] + [a.read_text(encoding="utf-8") for a in articles]:
        text = normalize(raw).text
        anchored = [(m.start(), m.end())
                    for m in F._finditer_anchored(p.relative_other, sp.relative_other_literal, text, back)]
        plain = [(m.start(), m.end()) for m in p.relative_other.finditer(text)]
        assert anchored == plain
        total += len(plain)
    assert total >= 8
