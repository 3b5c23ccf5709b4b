"""Page chrome gives no facts (GUIDE: page furniture is not a fact); the header's publication date does."""

from __future__ import annotations

from pathlib import Path

from khabar_extract.pipeline import extract

FIXTURES = Path(__file__).parent / "fixtures" / "facts"


def test_facts_chrome_ordinal_in_back_to_front_page_is_dropped():
    text = (FIXTURES / "fars_13940726000590.txt").read_text(encoding="utf-8")
    rec = extract(text)
    chrome = [s["span"] for s in rec.article.segments if s["kind"] == "chrome"]
    assert any("بازگشت به صفحه نخست" in text[a:b] for a, b in chrome)
    assert not [f for f in rec.facts if any(a <= f.span[0] < b for a, b in chrome)]
    assert "نخست" not in [f.text for f in rec.facts]


def test_facts_chrome_header_date_is_kept():
    text = (FIXTURES / "irna_85414319.txt").read_text(encoding="utf-8")
    rec = extract(text)
    dates = [f for f in rec.facts if f.kind == "date" and f.span[0] == 0]
    assert [(f.text, f.attrs["iso"]) for f in dates] == [("۲۱ اسفند ۱۴۰۲", "2024-03-11")]
    assert "۰ نفر" not in [f.text for f in rec.facts]


def test_facts_chrome_same_words_in_body_still_count():
    # adversarial: "نخست" in a body sentence is an ordinal, chrome filtering is by segment, not by words
    rec = extract("وزیر نخست به صفحه نخست روزنامه نگاه کرد و ۵۷ روستا را نام برد.")
    assert "۵۷ روستا" in [f.text for f in rec.facts]
