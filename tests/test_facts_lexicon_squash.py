"""squash() gives the lookup key of a word or phrase: its text without spaces, ZWNJ or soft hyphens, ۀ read as ه."""

from __future__ import annotations

import importlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar_extract.facts.lexicon import squash
from khabar_extract.normalize import normalize

_LEX = importlib.import_module("khabar_extract.facts.lexicon")
_ZWNJ, _SHY, _HEH_YEH = "\N{ZERO WIDTH NON-JOINER}", "\N{SOFT HYPHEN}", "\N{ARABIC LETTER HEH WITH YEH ABOVE}"


def _plain(s: str) -> str:
    return s.translate(_LEX._SQUASH)


def test_facts_lexicon_squash_words_of_a_real_article() -> None:
    raw = (Path(__file__).parent / "fixtures" / "facts" / "irna_85414319.txt").read_text(encoding="utf-8")
    words = normalize(raw).text.split()
    assert len(words) > 300
    for w in words + [f"{a}{_ZWNJ}{b}" for a, b in zip(words, words[1:], strict=False)] + ["تفاهم نامه", "خانه" + _HEH_YEH]:
        assert squash(w) == _plain(w)
    assert squash("تفاهم\N{ZERO WIDTH NON-JOINER}نامه") == "تفاهمنامه"
    assert squash("دور" + _SHY + "ه") == "دوره"
    assert squash("خانۀ") == "خانه"  # a letter word, but ۀ is folded: not its own key


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(["ا", "ب", "ۀ", "ه", " ", _ZWNJ, _SHY, "۲", ":", "a", "\u064e"]), max_size=8))
def test_facts_lexicon_squash_equals_the_translation(s: str) -> None:
    assert squash(s) == _plain(s)
    assert squash(s) == _plain(s)  # again, from the cache where there is one
    assert _LEX._squash_new(s) == _plain(s)
