"""Golden cases of the finders alone: what each one sees, before any value is resolved."""

from __future__ import annotations

import pytest

from khabar_extract.facts import finders as F
from khabar_extract.normalize import normalize


def norm(s: str) -> str:
    return normalize(s).text


def classify(text: str, which: int = 0) -> F.Candidate | None:
    t = norm(text)
    nums = F.find_numbers(t)
    return F.classify_number(t, nums[which])


@pytest.mark.parametrize(
    "text,kind",
    [
        ("۲۵۰ میلیارد ریال", "money"),
        ("۳۵ هزارتومانی", "money"),
        ("$۵۰۰", "money"),
        ("۲۰ درصد", "percent"),
        ("٪۲۰", "percent"),
        ("۵۷ روستا", "quantity"),
        ("۱۰ سال", "duration"),
        ("۳۵ ساله", "duration"),
        ("ساعت ۱۹", "time"),
        ("۷:۵۷", "time"),
        ("۸ صبح", "time"),
        ("سال ۱۳۹۷", "date"),
        ("۲۱ اسفند", "date"),
        ("۱۴۰۲/۱۲/۲۱", "date"),
        ("۲۰۱۹ میلادی", "date"),
        ("دومین", "ordinal"),
        ("۱۰مین", "ordinal"),
        ("ماده ۱۲ قانون", "identifier"),
        ("کد خبر: ۸۵۴۱۴۳۱۹", "identifier"),
        ("گروه ۲۰ در ژاپن", "identifier"),
        ("۱۲ تا ۴۸", "bare"),
        ("به ۵۰ افزایش یافت", "bare"),
    ],
)
def test_facts_classify_number_kind(text, kind):
    c = classify(text)
    assert c is not None and c.kind == kind


@pytest.mark.parametrize("text", ["۰۲۱-۸۸۱۲۳۴۵۶", "نه اینکه کار کند", "۰۹۱۲ تماس"])
def test_facts_classify_number_rejects(text):
    t = norm(text)
    nums = F.find_numbers(t)
    assert all(F.classify_number(t, n) is None or F.classify_number(t, n).kind == "bare" for n in nums)


@pytest.mark.parametrize(
    "text,noun,phrase,category,known",
    [
        (" گروه جهادی در استان", "گروه", "گروه جهادی", "group", True),
        (" واحد مسکونی ساخته شد", "واحد", "واحد مسکونی", "housing_unit", True),
        (" روستای دیگر", "روستا", "روستای", "village", True),
        (" واحدهای تولیدی", "واحد", "واحدهای تولیدی", None, True),
        (" صندوق قرض الحسنه در", "صندوق", "صندوق قرض الحسنه", "fund", True),
        (" فرصت شغلی ایجاد شد", "فرصت", "فرصت شغلی", "job", True),
        (" مترمربع زمین", "مترمربع", "مترمربع", "area", True),
        (" متر مربع زمین", "متر", "متر مربع", "area", True),
        (" مرسوله پستی", "مرسوله", "مرسوله پستی", None, True),
        (" شناور در مسیر", "شناور", "شناور", None, False),
    ],
)
def test_facts_match_noun(text, noun, phrase, category, known):
    t = norm(text)
    m = F.match_noun(t, 0)
    assert m is not None
    as_spaces = m.phrase.replace("\N{ZERO WIDTH NON-JOINER}", " ")  # the normaliser may repair ZWNJ
    assert (m.noun, m.category, m.known) == (noun, category, known)
    assert as_spaces == phrase.replace("\N{ZERO WIDTH NON-JOINER}", " ")


@pytest.mark.parametrize("text", [" در استان", " افزایش یافت", " می‌شود", "، و", "\nگروه", " برابر شد", " تا ۳۰"])
def test_facts_match_noun_rejects_non_nouns(text):
    assert F.match_noun(norm(text), 0) is None


def test_facts_left_context_words_and_positions():
    t = norm("اعتبار بالغ بر ۲۵۰ میلیارد ریال")
    start = t.index("۲۵۰")
    lc = F.left_context(t, start)
    assert lc.words == ["اعتبار", "بالغ", "بر"]
    assert lc.key(2) == "بالغبر"
    assert t[lc.start_of(2) : start].strip() == "بالغ بر"


def test_facts_left_context_stops_at_punctuation_and_lines():
    t = norm("گفت: ۵۰ نفر")
    assert F.left_context(t, t.index("۵۰")).words == ["گفت"]
    t = norm("جلسه، ۵۰ نفر")
    assert F.left_context(t, t.index("۵۰")).words == []
    t = norm("ماده\n۵۰ نفر")
    assert F.left_context(t, t.index("۵۰")).words == []


@pytest.mark.parametrize(
    "text,found",
    [
        ("امسال ۱۰۰ واحد", ["امسال"]),
        ("در سال آینده پروژه", ["سال آینده"]),
        ("سال گذشته و سال جاری", ["سال گذشته", "سال جاری"]),
        ("پارسال", ["پارسال"]),
        ("سال ۱۳۹۷", []),
        ("سالن اجتماعات", []),
    ],
)
def test_facts_find_relative_dates(text, found):
    t = norm(text)
    assert [t[c.start : c.end] for c in F.find_relative_dates(t)] == found


def test_facts_find_table_rows():
    t = norm("نوع ارز                 نرخ\nیک یورو                    ۱۱۹۳۵\nاین متن عادی است  و دو فاصله دارد.")
    rows = F.find_table_rows(t)
    assert [t[s:e] for s, e in rows] == t.split("\n")[:2]


@pytest.mark.parametrize(
    "text,needle,expected",
    [
        ("یک یا چند نفر", "یک", True),
        ("نه تنها این", "نه", True),
        ("چهارمحال و بختیاری", "چهار", True),
        ("چهار نفر", "چهار", False),
    ],
)
def test_facts_is_adversarial(text, needle, expected):
    t = norm(text)
    s = t.index(needle)
    assert F.is_adversarial(t, s, s + len(needle)) is expected


def test_facts_find_half_words():
    t = norm("بارش نیم متر برف و نیم‌نگاهی")
    assert [(h.start, h.value) for h in F.find_half_words(t)] == [(5, __import__("decimal").Decimal("0.5"))]


@pytest.mark.parametrize(
    "word, rejected, noun, known, category, verb_noun, adjective",
    [
        ("روستاهای", False, "روستا", True, "village", False, True),  # plural + ezafe of a listed noun
        ("کارشناسان", False, "کارشناس", True, "person", False, False),
        ("تنها", True, "تن", True, "weight", False, False),  # "only", never تن + ها
        ("اسفند", True, "اسفند", False, None, False, False),  # a month name is never counted
        ("می‌شود", True, "می‌شود", False, None, False, False),  # a verb
        ("خبر", False, "خبر", False, None, True, False),  # "خبر داد" is a verb
        ("جهادی", False, "جهادی", False, None, False, True),  # joins "گروه جهادی"
    ],
)
def test_facts_word_info_reads_the_lexicon(word, rejected, noun, known, category, verb_noun, adjective):
    # match_noun's per-word cache: each field as the uncached reading gives it, and the cache gives the same
    from khabar_extract.facts.lexicon import lexicon

    w = norm(word)
    info = F._word_info_uncached(w, lexicon())
    assert tuple(info) == (rejected, norm(noun), known, category, verb_noun, adjective)
    assert F._word_info(w, lexicon()) == info


def test_facts_left_context_keys_and_starts():
    t = norm("گزارش شد.\nبه گفته وی بیش از ۵۷ روستا")
    lc = F.left_context(t, t.index("۵۷"))
    assert lc.words == ["گفته", "وی", "بیش", "از"][-3:]
    assert (lc.k1, lc.key(1), lc.key(2), lc.key(3), lc.key(4), lc.key(0)) == ("از", "از", "بیشاز", "ویبیشاز", "", "")
    assert t[lc.start_of(2) :].startswith("بیش از")
    t = norm("کد خبر: ۹۳۹")
    lc = F.left_context(t, t.index("۹۳۹"))
    assert (lc.words, lc.key(2), lc.char) == (["کد", "خبر"], "کدخبر", " ")
    assert F.left_context(t, 0).words == [] and F.left_context(t, 0).key(1) == ""
