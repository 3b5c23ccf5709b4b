"""zwnj_author_style: a class of ZWNJ repair is weighed against the document's own spelling."""

from __future__ import annotations

from pathlib import Path

from khabar_extract.normalize import ZWNJ, normalize

FIXTURES = Path(__file__).parent / "fixtures"


def test_normalize_author_style_keeps_the_issue_examples() -> None:
    """Every example of the issue is repaired, by default and, in isolation (no evidence of the
    author's style), with zwnj_author_style=True too."""
    for src, want in [
        ("گروههای", f"گروه{ZWNJ}های"),
        ("گروه های", f"گروه{ZWNJ}های"),
        ("میکند", f"می{ZWNJ}کند"),
        ("می کنند", f"می{ZWNJ}کنند"),
        ("فعالیتهای", f"فعالیت{ZWNJ}های"),
        ("برچسبها", f"برچسب{ZWNJ}ها"),
        ("پایگاه های", f"پایگاه{ZWNJ}های"),
        ("خدمات رسانی", f"خدمات{ZWNJ}رسانی"),
    ]:
        assert normalize(src).text == want
        assert normalize(src, zwnj_author_style=True).text == want


def test_normalize_author_style_keeps_verbs_written_apart_throughout() -> None:
    """varzesh3_1739450 writes می apart from its verb everywhere and never with a ZWNJ or glued:
    that is the author's spelling, kept with zwnj_author_style=True and repaired by default."""
    text = (FIXTURES / "articles" / "varzesh3_1739450.txt").read_text(encoding="utf-8")
    kept = normalize(text, zwnj_author_style=True)
    full = normalize(text)
    assert "می دهد" in kept.text and f"می{ZWNJ}دهد" not in kept.text
    assert f"می{ZWNJ}دهد" in full.text and "می دهد" not in full.text
    assert normalize(kept.text, zwnj_author_style=True).text == kept.text
    assert normalize(full.text).text == full.text


def test_normalize_author_style_off_by_default_repairs_a_consistently_spaced_text() -> None:
    """By default a text that writes every می verb and plural apart is canonicalised, as an editor would."""
    text = "او می شود. ما می رویم. آنها می کنند. شما می دانید. من می خواهم. گروه های جهادی کار می کنند."
    out = normalize(text).text
    assert " می " not in out and "گروه های" not in out
    assert out.count(f"می{ZWNJ}") == 6 and f"گروه{ZWNJ}های" in out


def test_normalize_author_style_repairs_a_mixed_document() -> None:
    """A document that glues some می verbs lost its ZWNJ there: the spaced ones are repaired too."""
    text = "او می گوید که ما میخواهیم و آنها میروند؛ این کار را می کنند."
    out = normalize(text, zwnj_author_style=True).text
    assert out == f"او می{ZWNJ}گوید که ما می{ZWNJ}خواهیم و آنها می{ZWNJ}روند؛ این کار را می{ZWNJ}کنند."


def test_normalize_author_style_many_spaced_few_glued() -> None:
    """Eight spaced plurals against no glued one: the author writes ها apart; one glued is not enough
    evidence to overrule a dozen."""
    phrase = "کتاب ها و دفتر ها و برگه ها و نامه ها و سند ها و عکس ها و فیلم ها و خبر ها "
    out = normalize(phrase * 2, zwnj_author_style=True).text
    assert "کتاب ها" in out
    assert f"کتاب{ZWNJ}ها" in normalize(phrase * 2).text
