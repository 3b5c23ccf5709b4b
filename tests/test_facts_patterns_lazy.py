"""Start-up: the facts patterns are compiled on first use; each one must compile and behave as its source."""

import importlib

import regex

from khabar_extract.normalize import normalize

ptmod = importlib.import_module("khabar_extract.facts.patterns")


def test_facts_patterns_lazy_matches_like_the_compiled_pattern():
    text = normalize("قیمت ۱۲ میلیارد ریال و ۲۰ درصد رشد در ۲۱ اسفند ۱۴۰۲ ساعت ۷ صبح").text
    lazy = ptmod._lazy(ptmod.patterns().money_after.pattern)
    plain = regex.compile(lazy.pattern)
    at = text.index("۱۲") + 2
    assert lazy.match(text, at).group() == plain.match(text, at).group() == " میلیارد ریال"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.search(text).span() == plain.search(text).span()
    assert lazy.search(text, at + 5).span() == plain.search(text, at + 5).span()
