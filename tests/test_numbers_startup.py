"""Start-up of the number lexicon: the look-behind pattern of the adversarial phrases that end with a number
word is compiled at its first use, and the phrase patterns write their characters as themselves."""

from __future__ import annotations

import importlib
import re
import unicodedata

from khabar_extract.lazy_pattern import LazyPattern
from khabar_extract.numbers import find_numbers

nm = importlib.import_module("khabar_extract.numbers")


def test_numbers_backward_adversarial_pattern_is_lazy_and_matches_as_compiled():
    back = nm._lexicon().adversarial_back_re
    assert isinstance(back, LazyPattern)
    plain = re.compile(back.pattern)
    for text in ("این شرکت زیان ده", "گزارش بی\N{ZERO WIDTH NON-JOINER}بی سی", "بیش از ده"):
        found, expected = back.search(text), plain.search(text)
        assert (found and found.span()) == (expected and expected.span())
    assert [m.value for m in find_numbers("این شرکت زیان ده است و بی بی سی گزارش داد ده نفر")] == [10]


def test_numbers_phrase_regex_equals_the_named_escape_form():
    """The regex of every phrase is the one written with \\N{...} escapes, the names resolved."""
    named = (
        r"[ \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}\N{SOFT HYPHEN}\N{LEFT-TO-RIGHT MARK}\N{RIGHT-TO-LEFT MARK}]*"
    )
    resolved = re.sub(r"\\N\{([^}]+)\}", lambda m: unicodedata.lookup(m[1]), named)
    assert nm._PHRASE_GAP == resolved
    for entry in nm._lexicon().adversarial:
        assert re.compile(nm._phrase_regex(entry["text"])).match(entry["text"]) is not None
