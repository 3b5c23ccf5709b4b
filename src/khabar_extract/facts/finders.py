"""Finders: candidate spans on the normalised text, with the raw pieces a resolver needs.

Each finder is a plain function and can be tested alone. A finder never decides a value: it says *what* it
saw (which number, which unit word, which month name); the resolvers in :mod:`.resolvers` turn that into a
value or reject it. Spans are ``[start, end)`` on the normalised text.

Everything starts from the numbers that :func:`khabar_extract.numbers.find_numbers` reads (digits, number
words, ordinals, numeric dates and clock times); :func:`classify_number` looks at the words on both sides
of each. Only relative years (``امسال``) and table rows are found without a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Generic, NamedTuple, TypeVar
from unicodedata import category as _category

from ..numbers import NumberMatch, find_numbers, parse_ordinal_words
from .lexicon import Lexicon, lexicon, squash
from .patterns import GAP, OUTSIDE_BLOCKS, SP, TWIN_BLOCKS, WSTART, ZWNJ, block_letters, class_of, patterns

__all__ = [
    "Candidate",
    "NumberMatch",
    "find_numbers",
    "parse_ordinal_words",
    "find_half_words",
    "find_glued_percents",
    "find_relative_dates",
    "find_relative_days",
    "find_table_rows",
    "is_adversarial",
    "digit_adversarial_heads",
    "classify_number",
    "LeftContext",
    "left_context",
    "NounMatch",
    "match_noun",
    "approximate_ranges",
]

_SUFFIXES = ("های", f"{ZWNJ}های", "هایی", f"{ZWNJ}هایی", "ها", f"{ZWNJ}ها", "ی", f"{ZWNJ}ای", "ای", "ه", "ان")


@dataclass(slots=True)
class Candidate:
    """One thing a finder saw: ``kind`` is what it looks like, ``parts`` the raw pieces for the resolver.
    (Slots: one object per number instead of an object and its attribute dict.)"""

    kind: str
    start: int
    end: int
    parts: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- speed twins of patterns


_ADV_HEAD = "(?<![\\p{L}۰-۹])(?:"
_ADV_TAIL = ")(?![\\p{L}۰-۹])"
_REGEX_ONLY = re.compile(r"\\[pPXNGKLmM]|\(\?[VwfrebeE]|\(\?\||\(\?\(|\[\[|[*+?}][+]")


@dataclass
class _Speed:
    """Derived, exactly equivalent matchers for the hot per-number patterns (built once per ``patterns()``).

    The regex module costs 2-4 us per call even when a match fails at the first character; the stdlib
    engine runs the same plain patterns (literal tries, classes, no Unicode properties) several times
    faster. A pattern that uses anything regex-only keeps the regex module.
    """

    owner: Any
    trigger_match: Any
    adversarial_literal: re.Pattern[str] | None
    tokens_gap: bool  # tokens_after is GAP then a run of letters, marks and ZWNJ (match_noun's pre-check)
    relative_other_literal: re.Pattern[str] | None = None
    relative_other_reach: tuple[int, int] | None = None  # see _relative_other_reach
    relative_literal: re.Pattern[str] | None = None  # the stdlib core of ``relative`` (a pre-check)
    tokens_twin: Any = None  # see _tokens_twin: built at the first match_noun; False when there is none
    trigger_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    adversarial_width: int = 0  # the longest match of adversarial_literal (0: not known); see adversarial_in


_SPEED: list[_Speed] = []
_GAP_SRC = f"[ \\t\\u00a0{ZWNJ}]*"
_GAP_CHARS = f" \t\u00a0{ZWNJ}"
_TOKENS_HEAD = f"{_GAP_SRC}(?P<t1>[\\p{{L}}\\p{{M}}{ZWNJ}]+)"


_WORD_HEAD = "(?<!\\p{L})(?:"
_WORD_TAIL = ")(?!\\p{L})"


def _literal_core(src: str) -> re.Pattern[str] | None:
    """The stdlib twin of ``(?<!\\p{L})(?:TRIE)(?!\\p{L})`` without its lookarounds (None for other shapes)."""
    if src.startswith(_WORD_HEAD) and src.endswith(_WORD_TAIL):
        return _stdlib(src[len(_WORD_HEAD) - 3 : len(src) - len(_WORD_TAIL) + 1])
    return None


def _finditer(rx: Any, lit: re.Pattern[str] | None, text: str, pos: int = 0, endpos: int | None = None) -> Any:
    """The matches of ``rx.finditer(text, pos, endpos)``, trying ``rx`` only where ``lit`` (its core without
    lookarounds, a necessary condition) matches: same matches, same order, far fewer regex-module calls."""
    if endpos is None:
        endpos = len(text)
    if lit is None:
        yield from rx.finditer(text, pos, endpos)
        return
    while pos < endpos:
        c = lit.search(text, pos, endpos)
        if c is None:
            return
        q = c.start()
        m = rx.match(text, q, endpos)
        if m is None:
            pos = q + 1
            continue
        yield m
        pos = m.end() if m.end() > q else q + 1


#: Every relative day/week/month phrase holds one of these words (checked when the matcher is built; when a
#: phrase holds none, the whole-text search is used instead, which costs ~10x more: شب came with دیشب/امشب).
_DAY_WORDS = ("روز", "ماه", "هفته", "فردا", "شب")


def _relative_other_reach(p: Any) -> tuple[int, int] | None:
    """``(back, longest)``: how far before an occurrence of a _DAY_WORDS word a relative_other match can start,
    and how long a match of its phrase trie can be; None when the pattern is not the phrase trie of
    ``lexicon().relative_other_phrases`` or a phrase holds none of them."""
    from .lexicon import _norm
    from .lexicon import phrase_pattern as trie_of
    from .patterns import WEND, WSTART

    phrases = lexicon().relative_other_phrases
    if p.relative_other.pattern != f"{WSTART}(?:{trie_of(phrases)}){WEND}":
        return None
    back = longest = 0
    for ph in {_norm(x).strip() for x in phrases if x.strip()}:
        collapsed = re.sub(f"[ {ZWNJ}]+", " ", ph)  # as in the trie: a space there matches one character or none
        at = [collapsed.find(w) for w in _DAY_WORDS if w in collapsed]
        if not at:
            return None
        back = max(back, min(at))
        longest = max(longest, len(collapsed))
    return back, longest


def _match(rx: Any, lit: re.Pattern[str] | None, text: str, pos: int) -> Any:
    """``rx.match(text, pos)``, the regex module tried only where ``lit`` (its core without lookarounds, a
    necessary condition) matches."""
    if lit is not None and lit.match(text, pos) is None:
        return None
    return rx.match(text, pos)


def _finditer_anchored(rx: Any, lit: re.Pattern[str] | None, text: str, reach: tuple[int, int]) -> Any:
    """``rx.finditer(text)`` for a pattern whose every match holds a _DAY_WORDS word starting at most ``back``
    characters after the match start (``reach`` is ``(back, longest)``, see :func:`_relative_other_reach`):
    only those few places are tried (str.find, then the stdlib twin)."""
    back, longest = reach
    anchors = []
    for w in _DAY_WORDS:
        i = text.find(w)
        while i >= 0:
            anchors.append(i)
            i = text.find(w, i + 1)
    anchors.sort()
    pos = 0
    for i in anchors:
        q = i - back if i - back > pos else pos
        while q <= i:
            if lit is not None:
                # the first place from q on where the twin matches, in one call; a match starting by i ends by
                # i + longest, so the bounded search sees every match that starts in [q, i] whole
                c = lit.search(text, q, i + longest)
                if c is None or c.start() > i:
                    break
                q = c.start()
            m = rx.match(text, q)
            if m is None:
                q += 1
                continue
            yield m
            pos = q = m.end() if m.end() > q else q + 1
        if pos <= i:
            pos = i + 1


def _stdlib(pattern: str) -> re.Pattern[str] | None:
    if _REGEX_ONLY.search(pattern):
        return None
    try:
        return re.compile(pattern)
    except re.error:
        return None


def _max_width(rx: re.Pattern[str]) -> int:
    """The longest match a stdlib pattern can make (0 when it has look-arounds or no bound)."""
    from re import _parser  # type: ignore[attr-defined]

    if "(?=" in rx.pattern or "(?!" in rx.pattern or "(?<" in rx.pattern:
        return 0
    hi = _parser.parse(rx.pattern, rx.flags).getwidth()[1]
    return hi if hi < 1000 else 0


def _speed(p: Any) -> _Speed:
    if _SPEED and _SPEED[0].owner is p:
        return _SPEED[0]
    trig = _stdlib(p.trigger.pattern)
    src = p.adversarial.pattern
    lit = None
    if src.startswith(_ADV_HEAD) and src.endswith(_ADV_TAIL):
        lit = _stdlib(src[len(_ADV_HEAD) - 3 : len(src) - len(_ADV_TAIL) + 1])
    tokens_gap = GAP == _GAP_SRC and p.tokens_after.pattern.startswith(_TOKENS_HEAD)
    sp = _Speed(p, (trig or p.trigger).match, lit, tokens_gap, _literal_core(p.relative_other.pattern),
                _relative_other_reach(p), _literal_core(p.relative.pattern))
    if lit is not None:
        sp.adversarial_width = _max_width(lit)
    _SPEED[:] = [sp]
    return sp


# --------------------------------------------------------------------------- finders without a number


def find_relative_dates(text: str) -> list[Candidate]:
    """``امسال``, ``سال آینده``, ``سال گذشته``, ``پارسال`` ... (resolved against the article's date)."""
    lx = lexicon()
    p = patterns()
    rel, lit = p.relative, _speed(p).relative_literal
    lm = lit.match if lit is not None else None
    out = []
    pos = text.find("سال")
    while pos >= 0:
        # _match(rel, lit, text, q) at pos - 3, pos - 2 and pos, in place (three calls less per "سال")
        q = pos - 3 if pos > 3 else 0
        m = rel.match(text, q) if lm is None or lm(text, q) is not None else None
        if m is None and pos >= 2:
            m = rel.match(text, pos - 2) if lm is None or lm(text, pos - 2) is not None else None
        if m is None:
            m = rel.match(text, pos) if lm is None or lm(text, pos) is not None else None
        if m is not None and m.start() <= pos < m.end():
            offset = lx.relative_years.get(squash(m.group()))
            if offset is not None:
                out.append(Candidate("date", m.start(), m.end(), {"form": "relative", "offset": offset}))
            pos = text.find("سال", m.end())
        else:
            pos = text.find("سال", pos + 3)
    return out


def find_relative_days(text: str) -> list[Candidate]:
    """``امروز``, ``دیروز``, ``روز گذشته``, ``هفته آینده``, ``ماه گذشته`` ... (resolved against the article's
    date when it is known)."""
    other = lexicon().relative_other
    out = []
    p = patterns()
    sp = _speed(p)
    if sp.relative_other_reach is not None:
        found = _finditer_anchored(p.relative_other, sp.relative_other_literal, text, sp.relative_other_reach)
    else:
        found = _finditer(p.relative_other, sp.relative_other_literal, text)
    for m in found:
        hit = other.get(squash(m.group()))
        if hit is not None and hit[0] == "month" and _month_name_before(text, m.start()):
            continue  # "اسفند ماه گذشته" is last Esfand, found with its month name, not "last month"
        if text[m.end() : m.end() + 5].lstrip(" " + ZWNJ).startswith("نامه"):
            continue  # "این هفته‌نامه": a weekly paper
        if hit is not None:
            out.append(Candidate("date", m.start(), m.end(), {"form": "relative", "unit": hit[0], "offset": hit[1]}))
    return out


def _month_name_before(text: str, pos: int) -> bool:
    words = text[max(0, pos - 16) : pos].split()
    return bool(words) and squash(words[-1]) in lexicon().month_index


_GAPS = re.compile(r"\S(?: {4,}|\t+)(?=\S)")


def find_table_rows(text: str) -> list[tuple[int, int]]:
    """Lines laid out as table columns: two or more runs of 4+ spaces or tabs between words, or one such run
    followed by a short last column (``یک دلار آمریکا        9228``).

    Their numbers lost their unit to a column header (an exchange-rate table), so they give no facts.
    """
    if "    " not in text and "\t" not in text:
        return []
    rows: dict[int, list[int]] = {}
    for m in _GAPS.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        rows.setdefault(ls, []).append(m.end())
    out = []
    for ls, hits in rows.items():
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        if len(hits) >= 2 or le - hits[-1] < 24:
            out.append((ls, le))
    return out


@lru_cache(maxsize=1)
def digit_adversarial_heads() -> tuple[str, ...]:
    """First words of the adversarial phrases that contain digits ("گروه" of "گروه ۲۰")."""
    heads = []
    for e in lexicon().adversarial:
        ph = e["phrase"]
        if any("۰" <= ch <= "۹" for ch in ph):
            head = ph.split()[0]
            if not any("۰" <= ch <= "۹" for ch in head):
                heads.append(head)
    return tuple(sorted(set(heads)))


@lru_cache(maxsize=1)
def digit_adversarial_head_search() -> Callable[..., Any] | None:
    """``search(text, pos, endpos)`` for any of :func:`digit_adversarial_heads` (one stdlib call where a
    ``str.find`` per head cost twice as much), or None when there is none."""
    heads = digit_adversarial_heads()
    return re.compile("|".join(map(re.escape, heads))).search if heads else None


def is_adversarial(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside an adversarial phrase (``یک یا چند``, ``نه تنها``, ``چهارمحال``)."""
    p = patterns()
    sp = _speed(p)
    return adversarial_in(text, start, end, p.adversarial, sp.adversarial_literal, sp.adversarial_width)


def adversarial_in(text: str, start: int, end: int, rx: Any, lit: re.Pattern[str] | None, width: int = 0) -> bool:
    """:func:`is_adversarial` with ``patterns().adversarial`` and its stdlib twin given (one look-up per
    article, not per number); ``width``: the longest match of the twin, when known (``_Speed.adversarial_width``)."""
    pos, hi = max(0, start - 24), min(len(text), end + 24)
    if lit is None:
        for m in rx.finditer(text, pos, hi):
            if m.start() >= end:
                return False  # later matches start later still
            if start < m.end():
                return True
        return False
    # speed: the regex module is tried only where the stdlib twin of the phrase trie matches (as _finditer does,
    # without its generator), and no further than the number's end
    # speed: a twin match that starts before ``end`` ends by ``end - 1 + width``, so the search needs no more text
    # (the twin has no look-arounds: it finds the same first start); the regex module still reads up to ``hi``
    reach = end - 1 + width if 0 < width and end - 1 + width < hi else hi
    if 0 < width and start - width + 1 > pos:
        # speed: a match that covers part of the number starts after ``start - width``; when no phrase matches
        # there at all, nothing covers the number. A phrase that matches sends us to the loop below, from the
        # window's start (an earlier phrase may take the text of a later one)
        q = start - width + 1
        while True:
            c = lit.search(text, q, reach)
            if c is None or c.start() >= end:
                return False
            q = c.start()
            if rx.match(text, q, hi) is not None:
                break
            q += 1
    while pos < hi:
        c = lit.search(text, pos, reach)
        if c is None or c.start() >= end:
            return False
        q = c.start()
        m = rx.match(text, q, hi)
        if m is None:
            pos = q + 1
            continue
        if start < m.end():
            return True
        pos = m.end() if m.end() > q else q + 1
    return False


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def find_glued_percents(text: str) -> list[Candidate]:
    """A number word glued to درصد (``صددرصد``, ``چهاردرصد``), which the number reader leaves as one word."""
    pos = text.find("درصد")
    if pos < 0:
        return []
    from ..numbers import parse_number_words

    weak = lexicon().weak_number_words
    out = []
    while pos >= 0:
        end = pos + 4
        if text[end : end + 1] == "ی":
            end += 1
        if pos > 1 and _is_letter(text[pos - 1]) and not (end < len(text) and _is_letter(text[end])):
            s = pos
            while s > 0 and pos - s < 12 and _is_letter(text[s - 1]):
                s -= 1
            word = text[s:pos]
            if len(word) >= 2 and not (s > 0 and _is_letter(text[s - 1])) and (word not in weak or word == "صد"):
                v = parse_number_words(word)  # "ده" alone is also "village"; صد is the common "صددرصد"
                if v is not None and v > 0:
                    n = NumberMatch(s, pos, word, v, v, 1, "", "words", False, "int")
                    out.append(Candidate("percent", s, end, {"number": n, "qualifier": None}))
        pos = text.find("درصد", pos + 4)
    return out


_HALF_SRC = f"{WSTART}نیم(?={SP}\\p{{L}})"
_HALF_NEXT = frozenset(" \t\u00a0")  # what SP starts with


_P_L: dict[str, bool] = {}  # character -> whether the regex module's \p{L} matches it (see _is_p_l)


def _is_p_l(ch: str) -> bool:
    """Whether the regex module's ``\\p{L}`` matches the character ``ch`` (as it classifies it, which str.isalpha
    does not quite do), remembered per character: a letter before a match start fails a ``(?<!\\p{L})``."""
    hit = _P_L.get(ch)
    if hit is None:
        import regex

        if len(_P_L) > 10_000:
            _P_L.clear()
        hit = _P_L[ch] = regex.match(r"\p{L}", ch) is not None
    return hit


def find_half_words(text: str) -> list[NumberMatch]:
    """A lone ``نیم`` before a word ("نیم متر" = 0.5 m), which the number reader leaves alone.

    It is a weak number word: :func:`classify_number` keeps it only before a listed noun or unit.
    """
    out = []
    p = patterns()
    half = p.half_word
    # speed: the pattern wants a space or tab right after نیم, which most نیم (inside نیمه, کنیم) lack
    gate = _HALF_NEXT if half.pattern == _HALF_SRC else None
    # and a letter before نیم fails its look-behind: "کنیم " (the regex module costs ~3 us a call)
    pos = text.find("نیم")
    while pos >= 0:
        if gate is None:
            m = half.match(text, pos)
        elif text[pos + 3 : pos + 4] in gate and (pos == 0 or not _is_p_l(text[pos - 1])):
            m = half.match(text, pos)
        else:
            m = None
        if m is not None:
            out.append(NumberMatch(pos, pos + 3, "نیم", Decimal("0.5"), Decimal("0.5"), 1, "", "words", True, "decimal"))
        pos = text.find("نیم", pos + 3)
    return out


# --------------------------------------------------------------------------- nouns


# --------------------------------------------------------------------------- approximate ranges

_JUXTA_GAPS = frozenset({" ", "\N{NO-BREAK SPACE}", ZWNJ})


def _juxtaposed(text: str, a: NumberMatch, b: NumberMatch) -> bool:
    """Two whole numbers in words side by side, one space apart (``ده پانزده``, ``هفت هشت هزار``)."""
    return (
        a.form == "words"  # the cheap tests first: most numbers are digits
        and b.form == "words"
        and text[a.end : b.start] in _JUXTA_GAPS
        and a.shape == "int"
        and b.shape == "int"
        and not a.is_decimal
        and not b.is_decimal
    )


def approximate_ranges(text: str, numbers: list[NumberMatch]) -> dict[int, int]:
    """Approximate ranges written as two number words side by side: ``ده پانزده نفر`` (10 to 15 persons),
    ``دو سه سال``, ``هفت هشت هزار نفری`` (7,000 to 8,000: the scale is shared), ``بیست و شش هفت سانتی‌متر``
    (26 to 27: the second word replaces the units of the first).

    Returns ``{i: amount}`` for each pair ``numbers[i], numbers[i + 1]`` that is such a range, with the amount
    (before its scale words) that the second number stands for. A range is ascending and narrow: the first
    has no scale, and the second is above it and at most twice it (``دو سه``, ``سی چهل``, ``صد دویست``), or,
    after a compound ending in units, is the next unit (``بیست و شش هفت``). Digits never take part (``سی ۱۳۰``
    is the C-130, ``دو ۶۰ متر`` a race), nor do three or more numbers in a row (counting ``یک دو سه``).
    """
    out: dict[int, int] = {}
    n = len(numbers)
    for i in range(n - 1):
        a, b = numbers[i], numbers[i + 1]
        if a.scale != 1 or a.form != "words" or b.form != "words" or not _juxtaposed(text, a, b):
            continue  # (the form tests of _juxtaposed first, in place: most numbers are digits)
        if (i > 0 and _juxtaposed(text, numbers[i - 1], a)) or (i + 2 < n and _juxtaposed(text, b, numbers[i + 2])):
            continue
        lo, hi = a.value, b.amount
        if not isinstance(hi, int):
            continue
        if 0 < lo < hi <= 2 * lo:
            out[i] = hi
        elif lo > 20 and 1 <= lo % 10 <= 8 and hi == lo % 10 + 1:
            out[i] = lo - lo % 10 + hi
    return out


class NounMatch(NamedTuple):
    """The counted thing after a number: ``noun`` (first word, no plural suffix), the phrase, its category.

    Immutable; a named tuple rather than a frozen dataclass because one is built for most numbers and a
    frozen dataclass pays an ``object.__setattr__`` call per field."""

    noun: str
    phrase: str
    category: str | None
    known: bool
    end: int  # end of the matched words in the text
    next_pos: int  # where the text after the noun phrase starts
    start: int = -1  # start of the first word
    first_end: int = -1  # end of the first word


#: ``_TUPLE_NEW(NounMatch, (eight fields))`` builds a NounMatch without the named tuple's Python-level ``__new__``
_TUPLE_NEW = tuple.__new__
assert len(NounMatch._fields) == 8

_A = TypeVar("_A")
_R = TypeVar("_R")


class _PerWord(Generic[_A, _R]):
    """``fn(word, arg)`` remembered per word, for lexicon questions a news text asks again and again (its
    nouns repeat, and each answer costs a dozen suffix and set look-ups). The argument is always the one
    process-wide lexicon (or a part of it), so the word alone is the key. Bounded: emptied when it passes
    ``limit`` words, so a long batch does not grow it without end."""

    __slots__ = ("_fn", "hits", "_limit")

    def __init__(self, fn: Callable[[str, _A], _R], limit: int = 50_000) -> None:
        self._fn = fn
        self.hits: dict[str, _R] = {}  # read in place by a hot caller (``hits.get(word) or cached(word, arg)``)
        self._limit = limit

    def __call__(self, word: str, arg: _A) -> _R:
        hit = self.hits.get(word)
        if hit is None:
            if len(self.hits) > self._limit:
                self.hits.clear()
            hit = self.hits[word] = self._fn(word, arg)
        return hit


def _strip_suffix_uncached(word: str, known: dict[str, str | None]) -> tuple[str, bool]:
    """The word without a plural/ezafe/adjectival suffix, and whether that base is a listed noun."""
    key = squash(word)
    if key in known:
        return word, True
    if not word.endswith(_SUFFIXES):  # speed (a word the cache has not seen): one C call for all the suffixes
        return word, False  # (and no plural suffix either: every one of them is in _SUFFIXES)
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            base = word[: -len(suf)]
            if squash(base) in known:
                return base, True
            if not base.endswith(_SUFFIXES):
                continue
            for suf2 in _SUFFIXES:  # two suffixes: "نفره‌ای", "روستاهایی"
                if base.endswith(suf2) and len(base) - len(suf2) >= 2 and squash(base[: -len(suf2)]) in known:
                    return base[: -len(suf2)], True
    # unknown word: drop only a plural suffix
    for suf in _PLURALS:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            return word[: -len(suf)].rstrip(ZWNJ), False
    return word, False


_PLURALS = ("های", f"{ZWNJ}های", f"{ZWNJ}هایی", f"{ZWNJ}ها")
assert set(_PLURALS) <= set(_SUFFIXES)


_strip_suffix = _PerWord(_strip_suffix_uncached)


#: The blocks whose characters the stdlib twin of ``tokens_after`` classifies exactly as the regex module does
#: (see :func:`_tokens_twin`; the same blocks as the twins of :class:`~.patterns.WordPattern`).
_TWIN_BLOCKS = TWIN_BLOCKS
assert _TWIN_BLOCKS[0] == (0x0000, 0x06FF)  # _tokens_after tests this block in place


def _tokens_twin(p: Any) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A stdlib twin of ``tokens_after`` (a gap, then up to three words of letters, marks and ZWNJ) whose word
    class holds the letters and marks of _TWIN_BLOCKS as the regex module itself classifies them, and a search
    for any character outside those blocks; None when ``tokens_after`` is not that pattern.

    The regex module costs ~3 us per call here, the twin under 1 us; where every character the twin read lies in
    the blocks, both engines read the same classes and match alike (see :func:`_tokens_after`)."""
    word = f"[\\p{{L}}\\p{{M}}{ZWNJ}]+"
    if p.tokens_after.pattern != f"{GAP}(?P<t1>{word})(?:{SP}(?P<t2>{word}))?(?:{SP}(?P<t3>{word}))?":
        return None
    twin_word = f"[{class_of(set(block_letters(marks=True)) | {ZWNJ})}]+"
    twin = re.compile(f"{GAP}(?P<t1>{twin_word})(?:{SP}(?P<t2>{twin_word}))?(?:{SP}(?P<t3>{twin_word}))?")
    return twin, OUTSIDE_BLOCKS


def _tokens_after(text: str, pos: int, p: Any, sp: _Speed) -> Any:
    """``p.tokens_after.match(text, pos)`` (``p`` is ``patterns()``, ``sp`` its ``_speed``), or the same match
    from its stdlib twin.

    The twin's match stands when every character it read lies in _TWIN_BLOCKS: its own characters, then the
    run of gap characters after it and the one after that run (where the next optional word was tried; with no
    match, the gap and the first character of the missing word). Otherwise the regex module reads it."""
    twin = sp.tokens_twin
    if twin is None:
        twin = sp.tokens_twin = _tokens_twin(p) or False
    if twin:
        rx, outside = twin
        m = rx.match(text, pos)
        j, n = (m.end() if m is not None else pos), len(text)
        while j < n and text[j] in _GAP_CHARS:
            j += 1
        # what the twin and the gap loop read before j lies in _TWIN_BLOCKS (their classes hold nothing else): only
        # the character at j is left to test (U+0000-U+06FF, the first block, in place)
        if j >= n or text[j] < "\u0700" or outside.match(text, j) is None:
            return m
    elif sp.tokens_gap:
        # no word after the gap (punctuation, digits, line end) -> no noun, without the regex call
        i, n = pos, len(text)
        while i < n and text[i] in _GAP_CHARS:
            i += 1
        if (i >= n or _category(text[i])[0] in "NPSZ" or text[i] in "\n\r") and ZWNJ not in text[pos:i]:
            return None
    return p.tokens_after.match(text, pos)


def match_noun(text: str, pos: int) -> NounMatch | None:
    """Read the counted noun starting at ``pos`` (just after a number), longest lexicon phrase first.

    Returns None when the next word cannot be a counted thing (a preposition, verb, adverb ... listed in
    ``context.json`` ``not_nouns``) or there is no word at all (punctuation, line end).
    """
    p = patterns()
    return _match_noun(text, pos, lexicon(), p, _speed(p))


def _match_noun(text: str, pos: int, lx: Lexicon, p: Any, sp: _Speed) -> NounMatch | None:
    """:func:`match_noun` with the lexicon, the patterns and their speed twins given (classify_number has them)."""
    m = _tokens_after(text, pos, p, sp)
    if not m:
        return None
    # the words t1, t2, t3 (a later one only after an earlier one); word k is group k
    w, t2, t3 = toks = m.groups()
    if t2 is None:
        toks = (w,)
    elif t3 is None:
        toks = (w, t2)
    start, first_end = m.span(1)
    nouns = lx.nouns
    # longest multi-word lexicon phrase first ("واحد مسکونی", "متر مربع", "تفاهم نامه")
    multi = t2 is not None and squash(w) in lx.multi_first
    for n in range(min(len(toks), lx.noun_max_words) if multi else 1, 1, -1):
        words = toks[:n]
        key = squash("".join(words))
        if key not in nouns:
            last, _ = _strip_suffix(words[-1], nouns)
            key = squash("".join(words[:-1]) + last)
        if key in nouns:
            first = _strip_suffix(w, nouns)[0]
            end = m.end(n)
            return _TUPLE_NEW(NounMatch, (_first_word(first), text[start:end], nouns[key], True, end, end, start, first_end))
    info = _word_info.hits.get(w) or _word_info(w, lx)  # the cache read in place (a named tuple is never false)
    if info.rejected:
        return None
    if info.verb_noun and t2 is not None and squash(t2) in lx.light_verbs:
        return None  # "نوروز ۸۶ خبر داد": the noun and the light verb are one verb ("announced")
    phrase_end = first_end
    # an adjective or two after the noun ("گروه جهادی", "واحد پستی") joins the phrase; speed: _is_adjective's
    # own first test in place (most words after a noun do not end in ی)
    for k in range(1, len(toks)):
        tk = toks[k]
        if tk[-1] == "ی" and _is_adjective(tk, lx):
            phrase_end = m.end(k + 1)
        else:
            break
    # NounMatch(...) without the named tuple's Python-level __new__ (all eight fields given)
    return _TUPLE_NEW(NounMatch, (info.noun, text[start:phrase_end], info.category, info.known, first_end, phrase_end,
                                  start, first_end))


class _WordInfo(NamedTuple):
    """What :func:`match_noun` reads about one word from the lexicon alone (see :func:`_word_info`)."""

    rejected: bool  # alone after a number, never the counted thing
    noun: str  # the noun as reported: the first word of the base (without plural or ezafe suffix)
    known: bool  # the base is a listed noun
    category: str | None  # its category, when known
    verb_noun: bool  # a noun that makes a verb with a light verb after it ("خبر" of "خبر داد")
    adjective: bool  # after a noun, it joins the phrase as an adjective (:func:`_is_adjective`)


def _word_info_uncached(w: str, lx: Lexicon) -> _WordInfo:
    """The lexicon facts about the word ``w``."""
    nouns = lx.nouns
    base, known = _strip_suffix(w, nouns)
    key = squash(base)
    rejected = (
        squash(w) in lx.never_nouns  # "سال ۹۰ تنها ...": تنها is "only", not تن + ها
        or not known and (
            key in lx.month_index  # "۳۲ اسفند": a month name is never a counted thing
            or key in lx.not_nouns or squash(w) in lx.not_nouns or squash(w.split(ZWNJ)[0]) in lx.not_nouns
            or not _noun_like(w)
        )
    )
    return _WordInfo(rejected, _first_word(base), known, nouns.get(key) if known else None,
                     key in lx.compound_verb_nouns, _is_adjective(w, lx))


_word_info = _PerWord(_word_info_uncached)


def _is_adjective(w: str, lx: Lexicon) -> bool:
    """After a noun, ``w`` joins the phrase as an adjective ("جهادی" of "گروه جهادی"). Speed: :func:`match_noun`
    asks this alone of the words after the noun, so that they cost no suffix search (most end in no ی)."""
    if not w.endswith("ی") or w.startswith("می"):
        return False
    key = squash(w)
    return key not in lx.not_nouns and key not in lx.nouns


def _first_word(s: str) -> str:
    return s.split(" ")[0]


_VERB_ENDINGS = ("ند", "ید", "یم", "ست", "شد", "کرد", "گفت", "داد")


def _noun_like(word: str) -> bool:
    """A cheap guard for the open class: Persian letters, not a verb form."""
    if len(word) < 2 or not ("\u0600" <= word[0] <= "\u06ff") or len(word.replace("\u0640", "")) < 2:
        return False  # also "۲ــ" (list numbering with kashida)
    if word.endswith("ترین") and len(word) > 5:
        return False  # a superlative adjective ("۲۰۱۴ بدترین سال")
    if word.startswith(("می" + ZWNJ, "نمی", "بی" + ZWNJ)) or word.startswith("می") and ZWNJ in word[:4]:
        return False
    if word.endswith(_VERB_ENDINGS) and len(word) > 4:
        return False
    return True


# --------------------------------------------------------------------------- numbers in context

#: Number shapes that are never an amount (codes, ratios); dates and times are handled first.
_NOT_AMOUNTS = frozenset({"ratio", "code", "fraction"})
_TRAILING_PUNCT = "،,.;؛!?؟()«»\"'[]{}"
_OPENING = "(«[{\"'"


class LeftContext(NamedTuple):
    """The (up to three) words just before a number on the same line, nearest last, stopping at punctuation
    (a colon may close the last one: ``کد خبر: ۹۳۹``), and the character right before the number.

    A named tuple (built by :func:`left_context` with ``tuple.__new__``: one is built for most numbers, and a
    class instance pays a Python-level ``__init__``)."""

    words: list[str]
    char: str
    k1: str  # key(1), read for every number
    raw: list[str]  # the words as written (before a colon or an opening bracket was cut off)
    seg: str  # the text the words were read from ...
    lo: int  # ... and where it starts

    def key(self, n: int) -> str:
        """The squashed last ``n`` words joined (``"بیش از"`` -> ``"بیشاز"``), or "" when there are fewer."""
        if n == 1:
            return self.k1
        words = self.words
        if n > len(words) or n <= 0:
            return ""
        return squash("".join(words[-n:]))  # squash caches its results: no per-context cache needed

    def start_of(self, n: int) -> int:
        """Start (in the text) of the ``n``-th word from the end."""
        pos = len(self.seg)
        for w in self.raw[-n:][::-1]:
            pos = self.seg.rfind(w, 0, pos)
        return self.lo + pos


def left_context(text: str, start: int) -> LeftContext:
    lo = start - 40 if start > 40 else 0
    nl = text.rfind("\n", lo, start)
    if nl >= 0:
        lo = nl + 1
        cut_first = False
    else:
        cut_first = lo > 0
    seg = text[lo:start]
    raw = seg.rsplit(None, 3)  # speed: at most the last three words are read below
    # raw[0] holds whatever comes before the last three (also the word cut by the window), or is a cut word
    if len(raw) == 4 or (cut_first and raw and not seg[0].isspace()):
        del raw[0]
    for w in raw:
        if w[0] in _TRAILING_PUNCT or w[-1] in _TRAILING_PUNCT:
            break
    else:
        if not raw or raw[-1][-1] != ":":
            # speed: no word starts or ends with punctuation (most contexts): the loop below would keep every word
            return _TUPLE_NEW(LeftContext, (raw, text[start - 1] if start else "", squash(raw[-1]) if raw else "", raw,
                                            seg, lo))
    words: list[str] = []
    kept: list[str] = []
    for w in reversed(raw):  # at most three; every pass that does not break keeps one word
        core = w[:-1] if (not words and w[-1] == ":") else w
        if not core or core[-1] in _TRAILING_PUNCT:
            break
        if core[0] in _OPENING:  # "(اسفند ۹۸)": the word opens a bracket; nothing before it belongs here
            core = core.lstrip(_OPENING)
            if core and core[-1] not in _TRAILING_PUNCT:
                words.append(core)
                kept.append(w.lstrip(_OPENING))
            break
        if core[0] in _TRAILING_PUNCT:
            break
        words.append(core)
        kept.append(w)
    words.reverse()
    kept.reverse()
    return _TUPLE_NEW(LeftContext, (words, text[start - 1] if start else "", squash(words[-1]) if words else "", kept,
                                    seg, lo))


def _month_tails(lx: Lexicon) -> frozenset[str]:
    """Every ending of a month key, with and without ``ماه`` after it (and ""): the last word before a year
    that follows a month name (``اسفند``, ``اسفندماه``, ``الاول`` of ``ربیع الاول``) squashes to one of them."""
    return frozenset(k[i:] for m in lx.month_index for k in (m, m + "ماه") for i in range(len(k) + 1))


_MONTH_TAILS: list[tuple[Lexicon, frozenset[str]]] = []


def _month_before(lc: LeftContext) -> tuple[int, str] | None:
    """A month name just before a year: ``شهریور ۱۳۹۸``, ``فروردین‌ماه سال 96``, ``ربیع الاول ۱۴۴۵``."""
    lx = lexicon()
    if not _MONTH_TAILS or _MONTH_TAILS[0][0] is not lx:
        _MONTH_TAILS[:] = [(lx, _month_tails(lx))]
    k1 = lc.k1
    if k1 not in _MONTH_TAILS[0][1] and k1 != "سال" and k1 != lx.month_word:
        # speed: every key read below (without "سال" or the month word after it) ends with the last word
        return None
    skip = 0
    if lc.key(1) in ("سال", lx.month_word):
        skip = 1
        if lc.key(2)[: -len(lc.key(1))] == lx.month_word:
            skip = 2
    for n in (2, 1):
        if len(lc.words) >= n + skip:
            key = lc.key(n + skip)[: len(lc.key(n + skip)) - len(lc.key(skip))] if skip else lc.key(n)
            if key.endswith("ماه") and key[:-3] in lx.month_index:
                key = key[:-3]
            if key in lx.month_index:
                return lc.start_of(n + skip), key
    return None


_CITE_AFTER = re.compile(r"[ \t]*(?::[ \t]*(?:[۰-۹]|[صجح][ \t.۰-۹])|[،,][ \t]*(?:ص|صص|ج|چ)(?:[ \t.]|[۰-۹])|[.)]?[ \t]*(?:\n|$))")
_LIST_ITEM = re.compile(r"[ \t]*[۰-۹]+[.\-)]")


def _citation_year(text: str, start: int, end: int) -> bool:
    """A year in a reference or citation: ``(مجلسی، 1403: 6 / 215)`` (a page after a colon), ``1377، ص 425``,
    a comma before it and the end of a reference after it (``قم: جامعه مدرسین، 1392.``), or a comma on both
    sides in a numbered reference list (``5. تویسرکانی، محمد، 1372، لئالی الاخبار``)."""
    after = _CITE_AFTER.match(text, end)
    if after is not None and after.group().lstrip(" \t").startswith(":"):
        return True
    before = text[max(0, start - 3) : start].rstrip(" \t")
    if not before or before[-1] not in "،,":
        return False
    if after is not None:
        return True
    if text[end : end + 2].lstrip(" \t")[:1] in ("،", ","):
        line = text.rfind("\n", 0, start) + 1
        return _LIST_ITEM.match(text, line) is not None
    return False


def _counted_after_year(noun: NounMatch | None) -> bool:
    """After ``سال``/``نوروز``/a month name, whether the noun after a two-digit number makes it a count
    (a measure unit or a listed counter: ``سال ۱۲ بار``, ``سال ۱۰ کیلومتر``) rather than a year
    (``از سال ۹۱ سازمان بهزیستی``: the year, then the next phrase)."""
    if noun is None or not noun.known:
        return False
    return noun.category in _MEASURE_CATEGORIES or squash(noun.noun) in lexicon().counters_after_year


_MEASURE_CATEGORIES = frozenset({"area", "length", "weight", "power", "volume"})


def _weekday_before(lc: LeftContext) -> int | None:
    weekdays = lexicon().weekday_keys
    for n in (2, 1):
        k = lc.key(n)
        if k and k in weekdays:
            return lc.start_of(n)
    return None


_NO_TRIGGER: frozenset[str] = frozenset()


_DAY_WORD = re.compile("[ \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}]+روز(?=[ \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}])")


def _triggers(text: str, end: int, p: Any, sp: _Speed, m: Any = None) -> frozenset[str]:
    """Which right-context patterns can match after ``end`` (one trie match instead of seven regexes); ``p`` is
    ``patterns()``, ``sp`` its ``_speed``; ``m``: the trigger's match there, when the caller has it."""
    if m is None:
        m = sp.trigger_match(text, end)
    if m is None:
        return _NO_TRIGGER
    t = m.group("t")
    hit = sp.trigger_kinds.get(t)
    if hit is not None:
        return hit
    t = squash(t)
    kinds = p.trigger_kinds
    out: set[str] = set()
    for i in range(1, len(t) + 1):
        k = kinds.get(t[:i])
        if k:
            out |= k
    hit = frozenset(out)
    if len(sp.trigger_kinds) < 10_000:
        sp.trigger_kinds[m.group("t")] = hit
    return hit


_SCORE_WORDS = frozenset({"صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده"})


def _is_score_number(word: str) -> bool:
    return word.isdigit() or word in _SCORE_WORDS


def classify_number(text: str, n: NumberMatch) -> Candidate | None:
    """Look around one number and say what it is: date, time, percent, money, duration, ordinal,
    quantity, ``identifier`` (``ماده ۱۲``, ``گروه ۲۰``, ``کد خبر: ۹۳۹``) or ``bare`` (nothing measurable
    after it; it may still share the unit of a neighbour). Returns None for numbers that are no fact at all.
    """
    p = patterns()
    return classify_with(text, n, p, lexicon(), _speed(p))


def classify_with(text: str, n: NumberMatch, p: Any, lx: Lexicon, sp: _Speed) -> Candidate | None:
    """:func:`classify_number` with the patterns ``p``, the lexicon and the speed twins ``sp`` (``_speed(p)``)
    given: extract_facts fetches them once per article, not once per number."""
    start, end = n.start, n.end
    parts: dict[str, Any] = {"number": n}
    shape = n.shape
    if shape == "date":
        lc = left_context(text, start)
        if lc.key(1) in lx.labels or lc.key(1) in lx.adversarial_prefix:
            return Candidate("identifier", start, end, parts)  # "به شماره 93/3/0014": a letter number
        return Candidate("date", start, end, {"form": "numeric", "numbers": n.parts})
    if shape == "time":
        return Candidate("time", start, end, {"hour": n.parts[0], "minute": n.parts[1] if len(n.parts) > 1 else 0})
    if shape in _NOT_AMOUNTS:
        if shape == "fraction" and n.value > 0:  # "۶ دهم درصد" = 0.6 percent, "۲۹ صدم درصد" = 0.29
            m = p.percent_after.match(text, end)
            if m is not None:
                return Candidate("percent", start, m.end(), {**parts, "qualifier": None})
        return None

    lc = left_context(text, start)
    k1 = lc.k1
    k2 = lc.key(2) if k1 in lx.two_word_tails else ""
    if k1 in lx.adversarial_prefix or k2 in lx.adversarial_prefix:
        return Candidate("identifier", start, end, parts)
    char = lc.char  # speed: most numbers follow a space, on which the character tests below fail at once
    if char != " " and (char.isascii() and char.isalpha() or (char in "-_" and start >= 2 and text[start - 2].isalpha())
                        or (char == "/" and start >= 2 and text[start - 2].isascii() and text[start - 2].isalpha())):
        return Candidate("identifier", start, end, parts)  # "F-14", "CoV-2", "A320": part of a name or code
    parts["qualifier"] = None
    if k1 in lx.qualifier_tails:
        for k in (3, 2, 1):
            q = lc.key(k)
            if q and q in lx.qualifier_keys:
                parts["qualifier"] = " ".join(lc.words[-k:])
                break

    if char == " ":
        ch = text[start - 2] if start >= 2 and text[start - 2] in "$€£﷼٪%" else ""
    else:
        ch = char if char.strip() else (text[start - 2] if start >= 2 and text[start - 2] in "$€£﷼٪%" else "")
    if ch:
        if ch in "٪%":
            return Candidate("percent", start - (1 if char == ch else 2), end, parts)
        if ch in lx.signs_before:
            parts["currency_sign"] = ch
            return Candidate("money", start - (1 if char == ch else 2), end, parts)

    integral = not n.is_decimal and shape in ("int", "ordinal")
    # _triggers(text, end, p, sp), its common no-match case in place
    trig = _NO_TRIGGER if (tm := sp.trigger_match(text, end)) is None else _triggers(text, end, p, sp, tm)
    # a day before a month name: "۲۱ اسفند ۱۴۰۲", "بیست و یکم اسفند ماه", "اول آبان", "هفت مهر"
    if integral and 1 <= n.value <= 31 and "month" in trig:
        m = p.month_after.match(text, end)
        if m is not None:
            if k1 in lx.name_heads:
                return Candidate("identifier", start, m.end(), parts)  # "خیابان ۱۷ شهریور", "بیمارستان ۲۲ بهمن"
            if not (shape == "ordinal" and k1 in lx.period_words):
                wd = _weekday_before(lc)
                return Candidate(
                    "date", wd if wd is not None else start, m.end(),
                    {"form": "dmy", "day": int(n.value), "month": m.group("month"), "year": m.group("year"),
                     "era": m.group("era"), "number": n},
                )
    if shape == "ordinal":
        # "چهاردهمین روز بهمن": an ordinal day of a named month, the word روز between them
        d = _DAY_WORD.match(text, end) if integral and 1 <= n.value <= 31 and k1 not in lx.period_words else None
        m = p.month_after.match(text, d.end()) if d is not None else None
        if m is not None:
            return Candidate(
                "date", start, m.end(),
                {"form": "dmy", "day": int(n.value), "month": m.group("month"), "year": m.group("year"),
                 "era": m.group("era"), "number": n},
            )
        return Candidate("ordinal", start, end, parts)

    # right context -----------------------------------------------------------
    m = p.percent_after.match(text, end) if "percent" in trig else None
    if m:
        return Candidate("percent", start, m.end(), parts)
    m = p.money_after.match(text, end) if "money" in trig else None
    if m:
        parts["money"] = m
        return Candidate("money", start, m.end(), parts)
    after = text[end : end + 2]
    if after and (after[0] in lx.signs_after or after[-1] in lx.signs_after):
        sign = after[0] if after[0] in lx.signs_after else (after[-1] if after[0] in " \t" else "")
        if sign:
            parts["currency_sign"] = sign
            return Candidate("money", start, end + after.index(sign) + 1, parts)
    if n.form == "digits" and "ordinal" in trig:
        m = p.ordinal_suffix.match(text, end)
        if m:
            return Candidate("ordinal", start, m.end(), parts)
    last = k1
    if last == "ساعت" and 0 <= n.value <= 24 and (integral or n.value * 2 == int(n.value * 2)):
        m = p.clock_rest.match(text, end)
        if m:
            half = 30 if n.value != int(n.value) else None  # "ساعت دوازده و نیم"
            minute = m.group("m") or m.group("m2") or half
            return Candidate("time", lc.start_of(1), m.end(),
                             {"hour": int(n.value), "minute": minute, "part": m.group("part")})
    year_like = integral and n.form == "digits" and len(n.text) in (2, 4)
    m = p.era_after.match(text, end) if "era" in trig else None
    if m and integral:
        return Candidate("date", start, m.end(), {**parts, "form": "year", "era": m.group("era")})
    if year_like:
        mb = _month_before(lc)
        if mb is not None:
            noun = _match_noun(text, end, lx, p, sp) if len(n.text) == 2 else None
            if not _counted_after_year(noun):  # "تیر ماه 93 صندوق رفاه ...": the year, then the next phrase
                return Candidate("date", mb[0], end, {"form": "my", "month": mb[1], "year": n.text, "era": None,
                                                      "number": n})
        plausible = len(n.text) == 2 or last != "نوروز" or 1300 <= n.value <= 1499 or 1900 <= n.value <= 2100
        if last in lx.year_word_keys and plausible:  # "سال ۹۹", "نوروز ۹۹", not "نوروز 3500 بازرس"
            noun = _match_noun(text, end, lx, p, sp)
            if not _counted_after_year(noun) or len(n.text) == 4:
                return Candidate("date", lc.start_of(1), end, {**parts, "form": "year"})
    m = p.duration_after.match(text, end) if "duration" in trig else None
    if m:
        parts["unit"] = m.group("unit")
        return Candidate("duration", start, m.end(), parts)
    m = p.daypart_after.match(text, end) if "daypart" in trig else None
    if m and integral and n.form == "digits" and n.value <= 24:
        return Candidate("time", start, m.end(), {"hour": int(n.value), "minute": None, "part": m.group("part")})
    if last in lx.labels or k2 in lx.labels:
        return Candidate("identifier", start, end, parts)
    if last == "بر" and len(lc.words) >= 2 and n.scale == 1 and n.value < 1000 and _is_score_number(lc.words[-2]):
        return Candidate("identifier", start, end, parts)  # a score or ratio: "۹۱ بر ۳۶ شکست دهند"
    noun = _match_noun(text, end, lx, p, sp)
    if year_like and len(n.text) == 4 and (1300 <= n.value <= 1499 or 1900 <= n.value <= 2100):
        if noun is None or not noun.known:  # a year, also inside a name ("المپیک ۲۰۱۶", "جشنواره ۲۰۱۹")
            if _citation_year(text, start, end):
                return Candidate("identifier", start, end, parts)  # "(طوسی، 1383: 4 / 394)", "قم، 1392."
            if noun is not None and k1 and k1.isalpha() and k1 not in lx.year_cues and k1 not in lx.not_nouns \
                    and k1 not in lx.qualifier_keys and k1 not in lx.year_word_keys and not _month_before(lc):
                return Candidate("identifier", start, end, parts)  # a model name: "کیا سراتو ۲۰۰۰ اتوماتیک"
            return Candidate("date", start, end, {**parts, "form": "year"})
    if (last in lx.weak_labels or k2 in lx.weak_labels) and (noun is None or not noun.known):
        return Candidate("identifier", start, end, parts)  # "گروه ۲۰", but "این بیمارستان ۳۲۰ نفر"
    if noun is None:
        return Candidate("bare", start, end, parts)
    if n.form == "words" and n.text in lx.weak_number_words and not noun.known:
        return None
    if n.form == "digits" and len(n.text) > 1 and n.text[0] == "۰" and not n.is_decimal:
        return None  # "۰۹۱۲ ..." is a phone number or a code, not an amount
    parts["noun"] = noun
    return Candidate("quantity", start, noun.end, parts)
