"""The per-word memo of the facts stage answers exactly as the uncached lexicon look-ups, and stays bounded."""

from __future__ import annotations

from khabar_extract.facts import finders
from khabar_extract.facts.lexicon import lexicon

# Words around the counted numbers of the seed page (dev/irna_85414319) and of Fars articles.
WORDS = ["روستاهای", "گروه‌های", "واحد", "نفره‌ای", "خانوار", "جهادی", "میلیارد", "کتابها", "ایرنا", "می‌شود"]


def test_facts_per_word_cache_same_answers_as_uncached() -> None:
    lx = lexicon()
    for w in WORDS:
        assert finders._strip_suffix(w, lx.nouns) == finders._strip_suffix_uncached(w, lx.nouns)
        assert finders._word_info(w, lx) == finders._word_info_uncached(w, lx)
    assert finders._strip_suffix("روستاهای", lx.nouns) == ("روستا", True)


def test_facts_per_word_cache_is_bounded() -> None:
    calls: list[str] = []

    def fn(word: str, arg: int) -> str:
        calls.append(word)
        return word * arg

    memo = finders._PerWord(fn, limit=3)
    assert [memo(w, 2) for w in ["آب", "نان", "آب"]] == ["آبآب", "ناننان", "آبآب"]
    assert calls == ["آب", "نان"]  # the second "آب" came from the memo
    for w in ["یک", "دو", "سه", "چهار"]:
        memo(w, 1)
    assert len(memo.hits) <= 4  # emptied once it passed the limit
    memo("آب", 2)
    assert calls[-1] == "آب"  # forgotten after the clear, computed again
