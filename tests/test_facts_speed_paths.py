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
    assert F._relative_other_reach(p) is not None


def test_facts_relative_days_anchored_equals_plain_search() -> None:
    p = patterns()
    sp = F._speed(p)
    reach = F._relative_other_reach(p)
    articles = sorted((Path(__file__).parent / "fixtures" / "facts").glob("*.txt"))
    assert articles
    total = 0
    for raw in [_TEXT] + [a.read_text(encoding="utf-8") for a in articles]:
        text = normalize(raw).text
        anchored = [(m.start(), m.end())
                    for m in F._finditer_anchored(p.relative_other, sp.relative_other_literal, text, reach)]
        plain = [(m.start(), m.end()) for m in p.relative_other.finditer(text)]
        assert anchored == plain
        total += len(plain)
    assert total >= 8


def _fixture_texts() -> list[str]:
    articles = sorted((Path(__file__).parent / "fixtures" / "facts").glob("*.txt"))
    return [normalize(raw).text for raw in [_TEXT] + [a.read_text(encoding="utf-8") for a in articles]]


def test_facts_relative_years_precheck_equals_the_regex_everywhere() -> None:
    # find_relative_dates tries the regex module only where the stdlib core of the phrase trie matches
    p = patterns()
    lit = F._speed(p).relative_literal
    assert lit is not None
    hits = 0
    for text in _fixture_texts() + ["امسال و سال آینده و پارسال و سال گذشته، نه سالانه"]:
        for q in range(len(text)):
            want = p.relative.match(text, q)
            got = F._match(p.relative, lit, text, q)
            assert (got and got.span()) == (want and want.span())
            hits += want is not None
    assert hits >= 4


def test_facts_half_word_gate_equals_the_regex() -> None:
    # find_half_words tries the pattern only where a space or tab follows نیم
    p = patterns()
    assert p.half_word.pattern == F._HALF_SRC
    text = "نیم متر و نیمه شب و می‌کنیم کار، نیم\N{NO-BREAK SPACE}ساعت و نیم\tکیلو، پایان نیم"
    want = [m.start() for m in p.half_word.finditer(text)]
    assert want == [n.start for n in F.find_half_words(text)] == [0, 33, 44]
    for t in _fixture_texts():
        assert [m.start() for m in p.half_word.finditer(t)] == [n.start for n in F.find_half_words(t)]


def test_facts_tokens_twin_equals_the_regex_module() -> None:
    # match_noun reads the words after a number with a stdlib twin of tokens_after where every character it
    # read lies in the twin's blocks, else with the regex module: both must give the same match everywhere
    p = patterns()
    sp = F._speed(p)
    assert F._tokens_twin(p) is not None

    def read(m):  # noqa: ANN001, ANN202
        return m and (m.span(), m.groups())

    # every character of the blocks, and a few outside them (a CJK letter, a Devanagari letter and vowel sign,
    # an emoji, a mathematical letter), in each place the twin reads: a word, its end, after a gap, after ZWNJ
    probes = [chr(c) for a, b in F._TWIN_BLOCKS for c in range(a, b + 1)] + ["中", "क", "\u093f", "😀", "𝐀"]
    for c in probes:
        for text in (f"۵ {c}ب", f"۵ ب{c}ت", f"۵ ب {c}", f"۵ ب ت {c}", f"۵ ب\N{ZERO WIDTH NON-JOINER}{c}", f"۵{c}"):
            assert read(F._tokens_after(text, 1, p, sp)) == read(p.tokens_after.match(text, 1)), (hex(ord(c)), text)
    for t in _fixture_texts():
        for pos in range(len(t)):
            assert read(F._tokens_after(t, pos, p, sp)) == read(p.tokens_after.match(t, pos))


def test_facts_new_fact_equals_the_dataclass() -> None:
    # extract_facts builds its facts without the frozen dataclass's __init__: same fields, equal, still frozen
    import dataclasses

    import pytest

    from khabar_extract.facts import Fact, _new_fact

    args = ("money", 250, (3, 19), "۲۵۰ میلیارد ریال", {"currency": "IRR"})
    got, want = _new_fact(*args), Fact(*args)
    assert type(got) is Fact and got == want and vars(got) == vars(want) and got.to_dict() == want.to_dict()
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.kind = "percent"  # type: ignore[misc]


def test_facts_is_adversarial_equals_the_plain_search() -> None:
    # is_adversarial tries the regex module only where the stdlib twin matches, and stops at the number's end
    p = patterns()
    articles = sorted((Path(__file__).parent / "fixtures" / "facts").glob("*.txt"))
    checked = 0
    for path in articles:
        text = normalize(path.read_text(encoding="utf-8")).text
        for n in F.find_numbers(text):
            lo, hi = max(0, n.start - 24), min(len(text), n.end + 24)
            want = False
            for m in p.adversarial.finditer(text, lo, hi):
                if m.start() >= n.end:
                    break
                if n.start < m.end():
                    want = True
                    break
            assert F.is_adversarial(text, n.start, n.end) == want
            checked += 1
    assert checked > 100


def test_facts_adversarial_narrow_search_equals_the_window_search() -> None:
    # adversarial_in, given the longest match of the stdlib twin, searches only where a phrase covering the number
    # can start and end (and goes back to the whole window when a phrase matches): same answer as the window search
    p = patterns()
    sp = F._speed(p)
    rx, lit, width = p.adversarial, sp.adversarial_literal, sp.adversarial_width
    assert lit is not None and 0 < width < 24
    texts = _fixture_texts() + [
        "یک یا چند نفر، نه تنها سه‌شنبه بلکه سه شنبه و دو شنبه؛ صد البته سی و سه پل و جی ۲۰ و گروه ۲۰ نفر",
        "دوچرخه دو قلو سه قلو سیزده بدر میلیاردها تومان و ده‌ها نفر، صدها نفر",
    ]
    covered = 0
    for text in texts:
        spans = [(n.start, n.end) for n in F.find_numbers(text)]
        pos = 0
        for word in text.split():  # every word, too
            s = text.index(word, pos)
            pos = s + len(word)
            spans.append((s, pos))
        for s, e in spans:
            want = F.adversarial_in(text, s, e, rx, lit)
            assert F.adversarial_in(text, s, e, rx, lit, width) is want, (text[s:e], s)
            covered += want
    assert covered >= 10


def test_facts_context_of_a_day_is_remembered_and_equal() -> None:
    from khabar_extract.facts import resolvers as R

    a = R.Context.from_reference((1402, 12, 21))
    assert a is R.Context.from_reference((1402, 12, 21))
    assert a == R.Context(ref_year=1402, ref_gregorian_year=2024, ref_date=R.JalaliDay(1402, 12, 21))


def test_facts_letter_test_is_the_regex_modules_own() -> None:
    # find_half_words skips the regex module where a letter stands before نیم, by the regex module's own \p{L}
    import regex

    chars = [chr(c) for c in (*range(0x0800), *range(0x2000, 0x2070), *range(0xFB50, 0xFB60), 0x1D400, 0x10FFFF)]
    assert [F._is_p_l(c) for c in chars] == [regex.match(r"\p{L}", c) is not None for c in chars]
    assert F._is_p_l("ک") and not F._is_p_l(" ") and not F._is_p_l("\N{ZERO WIDTH NON-JOINER}")


def test_facts_context_without_a_date_is_shared_and_empty() -> None:
    from khabar_extract.facts import resolvers as R

    assert R.Context.from_reference(None) is R.Context.from_reference(None)
    assert R.Context.from_reference(None) == R.Context()


def test_facts_word_patterns_equal_the_regex_module() -> None:
    # the patterns with word boundaries (WEND, WSTART) run as stdlib twins where every character from just before
    # a match to just after it lies in the twins' blocks: they give what the regex module gives, at every position
    # of real text and beside letters and marks outside the blocks
    import regex

    from khabar_extract.facts.patterns import WordPattern

    p = patterns()
    words = {name: getattr(p, name) for name in p.__dataclass_fields__ if isinstance(getattr(p, name), WordPattern)}
    assert {"month_after", "money_after", "percent_after", "relative", "relative_other", "housing_context"} <= set(words)

    def read(m):  # noqa: ANN001, ANN202
        return m and (m.span(), m.groups())

    # a Devanagari letter and vowel sign, a CJK letter, an emoji, a mathematical letter, a Syriac letter; and inside
    outside = ["क", "\u093f", "中", "😀", "𝐀", "\u0710", "", " ", "ب", "۰"]
    probes = ["۲۱ اسفند{c} ۱۴۰۲", "۲۱ اسفند ماه{c}", "۲۱ اسفند ۱۴۰۲ میلادی{c}", "۲۵۰ میلیارد ریال{c} و", "۲۵۰ هزار تومانی{c}",
              "۱۰ درصد{c}", "۱۰ درصدی{c}", "{c}امسال{c}", "سال گذشته{c}", "۳ روز{c}", "۴ ساعت و ۳۰ دقیقه{c} صبح{c}",
              "۸ صبح{c}", "{c}دیروز{c} و هفته آینده{c}", "۲۰ام{c}", "واحد مسکونی{c}", "۵ تن از{c}"]
    texts = _fixture_texts() + [t.format(c=c) for t in probes for c in outside]
    for name, wp in words.items():
        rx = regex.compile(wp.pattern)
        assert wp._build_twin() is not False, name
        assert wp._twin.groupindex == rx.groupindex and wp._twin.groups == rx.groups, name
        for t in texts:
            for pos in range(len(t)):
                assert read(wp.match(t, pos)) == read(rx.match(t, pos)), (name, t, pos)
            assert read(wp.search(t)) == read(rx.search(t)), (name, t)


def test_facts_drop_adversarial_keeps_what_adversarial_in_keeps() -> None:
    # _drop_adversarial hands a number in words to adversarial_in only when the twin finds a phrase start near it, and
    # one in digits only after the first word of a phrase with digits ("گروه ۲۰") or near a "+" ("۵+۱")
    import khabar_extract.facts as FA

    p = patterns()
    sp = F._speed(p)
    texts = _fixture_texts() + [
        "یک یا چند نفر، نه تنها سه‌شنبه بلکه سه شنبه و دو شنبه؛ صد البته سی و سه پل و جی ۲۰ و گروه ۲۰ نفر",
        "دوچرخه دو قلو سه قلو سیزده بدر میلیاردها تومان و ده‌ها نفر، صدها نفر، یکی دو روز و چهار راه",
        "مذاکرات ۵+۱ و گروه ۷ و گروه ۸ در ۱ + ۵ روز",
    ]
    words = dropped = 0
    for text in texts:
        numbers = F.find_numbers(text)
        kept = {(n.start, n.end) for n in FA._drop_adversarial(text, numbers)}
        for n in numbers:  # (a number in digits is searched only after a head or near a "+": the same answer)
            want = not F.adversarial_in(text, n.start, n.end, p.adversarial, sp.adversarial_literal)
            assert ((n.start, n.end) in kept) is want, n.text
            words += n.form != "digits"
            dropped += not want
    assert words >= 20 and dropped >= 3

