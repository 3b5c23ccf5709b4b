"""Compiled patterns of the facts stage, built once from the lexicon (named pieces, as in Recognizers-Text).

All patterns run on the *normalised* text (Persian digits, ی/ک folded) and are *anchored*: they are matched
at a number's end (``pattern.match(text, pos)``), never scanned over the whole article, which keeps the
stage fast. ``GAP`` is what may stand between a number and the word it measures: spaces, tabs, no-break
spaces or a ZWNJ, never a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..lazy_pattern import LazyPattern
from .lexicon import lexicon, phrase_pattern, squash_entry

__all__ = ["Patterns", "patterns", "WordPattern", "GAP", "SP", "ZWNJ"]

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
GAP = f"[ \\t\\u00a0{ZWNJ}]*"
SP = "[ \\t\\u00a0]+"
#: Not followed by a letter (a word ends here; a ZWNJ may still carry a suffix).
WEND = r"(?!\p{L})"
WSTART = r"(?<!\p{L})"
D = "[۰-۹]"


def _lazy(source: str) -> LazyPattern:
    """A regex-module pattern compiled on first use (start-up: the regex module compiles in Python, ~70 ms for
    all the patterns below, and a short text needs few of them; the stdlib twins built in finders.py read
    only ``.pattern``, so e.g. the regex-module trigger is never compiled)."""
    return LazyPattern(source, regex.compile)


#: The blocks whose characters the stdlib twins classify exactly as the regex module does (Latin to Arabic,
#: general punctuation with ZWNJ, Arabic presentation forms): see :class:`WordPattern` and finders._tokens_twin.
TWIN_BLOCKS = ((0x0000, 0x06FF), (0x2000, 0x206F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
#: Any character outside TWIN_BLOCKS.
OUTSIDE_BLOCKS = re.compile("[^" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in TWIN_BLOCKS) + "]")


def class_of(chars: set[str]) -> str:
    """A regex character-class body holding exactly ``chars`` (as ``\\uXXXX`` ranges)."""
    codes = sorted(ord(c) for c in chars)
    out: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(f"\\u{codes[i]:04x}" if i == j else f"\\u{codes[i]:04x}-\\u{codes[j]:04x}")
        i = j + 1
    return "".join(out)


@lru_cache(maxsize=2)
def block_letters(marks: bool = False) -> frozenset[str]:
    """The characters of TWIN_BLOCKS that the regex module's ``\\p{L}`` (with ``marks``, ``[\\p{L}\\p{M}]``)
    matches, as it classifies them."""
    chars = "".join(chr(c) for a, b in TWIN_BLOCKS for c in range(a, b + 1))
    return frozenset(regex.findall(r"[\p{L}\p{M}]" if marks else r"\p{L}", chars))


#: What a stdlib twin must not hold: syntax of the regex module alone, or classes and anchors that the two
#: engines may read differently (\s, \w, \d, \b, ^, $ ...).
_NOT_TWINNABLE = re.compile(r"\\[pPXNGKLmMsSwWdDbBAZ]|\(\?[VwfrebeE]|\(\?\||\(\?\(|\[\[|[*+?}][+]|[$^]")


class WordPattern:
    """A regex-module pattern (compiled on first use) whose only syntax of the regex module alone is the word
    boundaries ``(?!\\p{L})`` (WEND) and ``(?<!\\p{L})`` (WSTART), matched by a stdlib twin where the two surely
    agree: the regex module costs 3-9 us a call here, the twin about 1 us.

    The twin is the same pattern with ``\\p{L}`` read as the letters of TWIN_BLOCKS (as the regex module classifies
    them). Its boundaries pass wherever the pattern's pass, so where the twin finds no match there is none. A twin
    match stands when no character from just before its start to just after its end lies outside the blocks:
    there the two classes agree at every boundary the match tested, and every path tried before it failed in both
    engines alike (a twin boundary fails only at a letter). Otherwise the regex module reads it. ``.pattern`` is
    the regex-module source; any other attribute (``finditer``, ...) is the regex-module pattern's."""

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._regex = LazyPattern(source, regex.compile)
        self._twin: Any = None  # built at the first match or search: the stdlib twin, or False (none)

    def _build_twin(self) -> Any:
        letters = "[" + class_of(set(block_letters())) + "]"
        src = self.pattern.replace(WEND, f"(?!{letters})").replace(WSTART, f"(?<!{letters})")
        twin: Any = False
        if not _NOT_TWINNABLE.search(src):
            try:
                twin = re.compile(src)
            except re.error:
                pass
        self._twin = twin
        return twin

    def match(self, text: str, pos: int = 0) -> Any:
        twin = self._twin if self._twin is not None else self._build_twin()
        if twin is False:
            return self._regex.match(text, pos)
        m = twin.match(text, pos)
        if m is None or OUTSIDE_BLOCKS.search(text, pos - 1 if pos else 0, m.end() + 1) is None:
            return m
        return self._regex.match(text, pos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        twin = self._twin if self._twin is not None else self._build_twin()
        end = len(text) if endpos is None else endpos
        if twin is False:
            return self._regex.search(text, pos, end)
        m = twin.search(text, pos, end)
        if m is None or OUTSIDE_BLOCKS.search(text, m.start() - 1 if m.start() else 0, m.end() + 1) is None:
            return m
        return self._regex.search(text, pos, end)

    def __getattr__(self, name: str) -> Any:  # only called for what is not set here
        if name.startswith("__") or name in ("_regex", "_twin"):
            raise AttributeError(name)
        return getattr(self._regex, name)

    def __repr__(self) -> str:
        return f"WordPattern({self.pattern!r})"


@dataclass(frozen=True)
class Patterns:
    month_after: regex.Pattern  # a month name after a day, with optional "ماه", year and era
    clock_rest: regex.Pattern  # the minutes and day part after "ساعت N"
    relative: regex.Pattern
    relative_other: regex.Pattern  # relative days, weeks, months ("دیروز", "هفته آینده"), scanned
    percent_after: regex.Pattern
    money_after: regex.Pattern
    duration_after: regex.Pattern
    daypart_after: regex.Pattern
    era_after: regex.Pattern
    ordinal_suffix: regex.Pattern
    tokens_after: regex.Pattern
    connector: regex.Pattern
    comma: regex.Pattern
    adversarial: regex.Pattern
    sentence_end: regex.Pattern
    housing_context: regex.Pattern
    person_after_ton: regex.Pattern
    person_context: regex.Pattern
    ton_neutral_after: regex.Pattern  # after "N تن": a verb, link or punctuation, no commodity named
    ton_people_before: regex.Pattern  # people words in the clause before "N تن" ("شمار مبتلایان به ... تن")
    half_word: regex.Pattern
    trigger: regex.Pattern  # one look at the word after a number: which of the patterns above can match
    trigger_kinds: dict  # squashed trigger word -> frozenset of kinds


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lx = lexicon()
    months_all = [n for cal in lx.months.values() for names in cal for n in names]
    era_words = [w for ws in lx.era_markers.values() for w in ws]
    era = f"(?P<era>{phrase_pattern(era_words)}){WEND}"
    year = f"(?P<year>{D}{{4}}|{D}{{2}})(?![۰-۹]|[.٫/٬,]{D})"
    month_after = (
        f"{GAP}(?:{regex.escape(lx.month_word)}{SP}(?:مبارک{SP})?)?(?P<month>{phrase_pattern(months_all)})"
        f"(?:{GAP}{regex.escape(lx.month_word)})?{WEND}"
        f"(?:(?:{SP}(?:(?:سال|ماه){SP})?|(?={D}{{4}}(?![۰-۹])))"  # "۱۱تیرماه۱۳۷۹": a glued 4-digit year
        f"{year})?(?:{GAP}{era})?"
    )
    clock_rest = (
        f"(?:{GAP}[:٫.]{GAP}(?P<m>{D}{{1,2}})(?![۰-۹])|{SP}و{SP}(?P<m2>{D}{{1,2}}){SP}دقیقه{WEND})?"
        f"(?:{SP}(?P<part>{phrase_pattern(lx.day_parts)}){WEND})?"
    )
    relative = f"{WSTART}(?:{phrase_pattern(lx.relative_phrases)}){WEND}"
    # "۲۵درصدارزش" (a missing space) still reads as a percent; "درصدد" ("intending") does not
    percent_after = f"(?:{GAP}(?P<word>درصد(?!د)|در{SP}صد{WEND})(?P<adj>ی{WEND}|{ZWNJ}?ای{WEND})?|[ \\t]?(?P<sign>[٪%]))"
    scale_alt = phrase_pattern(list(lx.scales))
    money_after = (
        f"{GAP}(?P<scales>(?:(?:{scale_alt}){GAP})*)(?P<cur>{phrase_pattern(lx.currency_words)})"
        f"(?P<adj>یی|ی|{ZWNJ}?ای)?{WEND}(?:{SP}(?P<follow>{phrase_pattern(lx.currency_follow)}){WEND})?"
    )
    duration_after = f"{GAP}(?P<unit>{phrase_pattern(lx.duration_words)}){WEND}"
    daypart_after = f"{GAP}(?P<part>{phrase_pattern(lx.day_parts)}){WEND}"
    era_after = f"{GAP}{era}"
    ordinal_suffix = f"{ZWNJ}?(?P<suf>امین|مین|ام|م){WEND}"
    word = f"[\\p{{L}}\\p{{M}}{ZWNJ}]+"
    tokens_after = f"{GAP}(?P<t1>{word})(?:{SP}(?P<t2>{word}))?(?:{SP}(?P<t3>{word}))?"
    connector = f"{GAP}(?:و|تا|یا|الی|و{SP}یا|-|–){GAP}"
    adversarial = f"(?<![\\p{{L}}۰-۹])(?:{phrase_pattern([e['phrase'] for e in lx.adversarial])})(?![\\p{{L}}۰-۹])"
    kinds: dict[str, set[str]] = {}

    def add(words: list[str], kind: str) -> None:
        for w in words:
            kinds.setdefault(squash_entry(w), set()).add(kind)

    add(months_all + [lx.month_word], "month")  # "۱۵ ماه رمضان"
    add(list(lx.scales) + lx.currency_words, "money")
    add(["درصد", "در صد", "٪", "%"], "percent")
    add(lx.duration_words, "duration")
    add(lx.day_parts, "daypart")
    add(era_words, "era")
    add(["امین", "مین", "ام", "م"], "ordinal")
    trigger = f"{GAP}(?P<t>{phrase_pattern(list(kinds_source(months_all, lx, era_words)))})"
    return Patterns(
        trigger=_lazy(trigger),
        trigger_kinds={k: frozenset(v) for k, v in kinds.items()},
        month_after=WordPattern(month_after),
        clock_rest=WordPattern(clock_rest),
        relative=WordPattern(relative),
        relative_other=WordPattern(f"{WSTART}(?:{phrase_pattern(lx.relative_other_phrases)}){WEND}"),
        percent_after=WordPattern(percent_after),
        money_after=WordPattern(money_after),
        duration_after=WordPattern(duration_after),
        daypart_after=WordPattern(daypart_after),
        era_after=WordPattern(era_after),
        ordinal_suffix=WordPattern(ordinal_suffix),
        tokens_after=_lazy(tokens_after),
        connector=_lazy(connector),
        comma=_lazy(f"{GAP}[،,]{GAP}"),
        adversarial=_lazy(adversarial),
        sentence_end=_lazy(r"(?<![۰-۹])[.!?؟](?![۰-۹])|\n|(?<=[۰-۹])\.(?=\s)"),
        housing_context=WordPattern(
            f"{WSTART}(?:مسکن|مسکونی|خانه|آپارتمان|منازل|منزل)(?:{ZWNJ}?ها|{ZWNJ}?های)?{WEND}"
        ),
        person_after_ton=WordPattern(f"{GAP}(?:از|کشته|زخمی|مجروح|مصدوم|جان|نفر|عضو|دیگر){WEND}"),
        person_context=_lazy(
            "کشته|جان باخت|جان خود|جان سپرد|زخمی|مجروح|مصدوم|بازداشت|دستگیر|فوت|شهید|اعدام|مبتلا|ابتلا|بستری"
            "|ربوده|گروگان|سرنشین|قربانی|محکوم|متهم|زندانی|مفقود|ناپدید|نجات یافت|غرق"
        ),
        ton_neutral_after=_lazy(
            f"{GAP}(?:رسید|رسیده|می{ZWNJ}?رسد|رسد|افزایش|کاهش|بالغ|تجاوز|و|در|به|بوده|بود|است|اعلام|ثبت|گزارش)"
            f"(?:{WEND}|{ZWNJ})|{GAP}[،,.؛:)]|\\s*$"
        ),
        ton_people_before=_lazy(
            # strong cues only: "نفر" or "جمعیت" may belong to another clause ("اشتغال ۱۵۰ نفر، ظرفیت ... ۶۰۰ هزار تن")
            f"مبتلا|ابتلا|جان[ {ZWNJ}]?باخت|جان{SP}خود|فوت|کشته|قربانی|زخمی|مجروح|مصدوم|بستری|بهبود|درگذشت|شهید"
            f"|اسیر|بازداشت|دستگیر|زندانی|سرنشین|افراد"
        ),
        half_word=_lazy(f"{WSTART}نیم(?={SP}\\p{{L}})"),
    )


def kinds_source(months_all: list[str], lx, era_words: list[str]) -> list[str]:
    """Every word that can start a month, money, percent, duration, day part, era or ordinal suffix."""
    return (months_all + list(lx.scales) + lx.currency_words + ["درصد", "در صد", "٪", "%"] + lx.duration_words
            + lx.day_parts + era_words + ["امین", "مین", "ام", "م"])
