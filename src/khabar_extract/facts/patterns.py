"""Compiled patterns of the facts stage, built once from the lexicon (named pieces, as in Recognizers-Text).

All patterns run on the *normalised* text (Persian digits, ی/ک folded) and are *anchored*: they are matched
at a number's end (``pattern.match(text, pos)``), never scanned over the whole article, which keeps the
stage fast. ``GAP`` is what may stand between a number and the word it measures: spaces, tabs, no-break
spaces or a ZWNJ, never a line break.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lazy_pattern import LazyPattern
from .lexicon import lexicon, phrase_pattern, squash_entry

__all__ = ["Patterns", "patterns", "GAP", "SP", "ZWNJ"]

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
        month_after=_lazy(month_after),
        clock_rest=_lazy(clock_rest),
        relative=_lazy(relative),
        relative_other=_lazy(f"{WSTART}(?:{phrase_pattern(lx.relative_other_phrases)}){WEND}"),
        percent_after=_lazy(percent_after),
        money_after=_lazy(money_after),
        duration_after=_lazy(duration_after),
        daypart_after=_lazy(daypart_after),
        era_after=_lazy(era_after),
        ordinal_suffix=_lazy(ordinal_suffix),
        tokens_after=_lazy(tokens_after),
        connector=_lazy(connector),
        comma=_lazy(f"{GAP}[،,]{GAP}"),
        adversarial=_lazy(adversarial),
        sentence_end=_lazy(r"(?<![۰-۹])[.!?؟](?![۰-۹])|\n|(?<=[۰-۹])\.(?=\s)"),
        housing_context=_lazy(
            f"{WSTART}(?:مسکن|مسکونی|خانه|آپارتمان|منازل|منزل)(?:{ZWNJ}?ها|{ZWNJ}?های)?{WEND}"
        ),
        person_after_ton=_lazy(f"{GAP}(?:از|کشته|زخمی|مجروح|مصدوم|جان|نفر|عضو|دیگر){WEND}"),
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
