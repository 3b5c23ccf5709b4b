"""Compiled patterns of the facts stage, built once from the lexicon (named pieces, as in Recognizers-Text).

All patterns run on the *normalised* text (Persian digits, ی/ک folded). ``GAP`` is what may stand between a
number and the word it measures: spaces, tabs, no-break spaces or a ZWNJ, never a line break.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import lexicon, phrase_pattern

__all__ = ["Patterns", "patterns", "ORDINAL_DAYS", "GAP", "ZWNJ"]

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
GAP = f"[ \\t\\u00a0{ZWNJ}]*"
SP = "[ \\t\\u00a0]+"
#: Not followed by a letter (a word ends here; a ZWNJ may still carry a suffix).
WEND = r"(?!\p{L})"
WSTART = r"(?<!\p{L})"
D = "[۰-۹]"

_CARD_1_9 = ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
_ORD_1_9 = ["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"]
_ORD_TEENS = ["دهم", "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم", "هفدهم", "هجدهم", "نوزدهم"]


def _ordinal_days() -> dict[str, int]:
    days: dict[str, int] = {"اول": 1, "نخست": 1, "هیجدهم": 18}
    for i, w in enumerate(_ORD_1_9, 1):
        days[w] = i
    for i, w in enumerate(_ORD_TEENS, 10):
        days[w] = i
    days["بیستم"] = 20
    for i, w in enumerate(_ORD_1_9, 1):
        days[f"بیست و {w}"] = 20 + i
    days["سی‌ام"] = days["سی ام"] = days["سیام"] = days["سی‌اُم"] = 30
    days["سی و یکم"] = 31
    return days


#: Ordinal stems (1..9, tens, hundreds, thousands); "سهم" (share) is not one, the ordinal of سه is سوم.
ORDINAL_STEMS = (
    _ORD_1_9 + _ORD_TEENS[1:] + ["اول", "دهم", "بیستم", f"سی{ZWNJ}ام", "سی ام", "چهلم", "پنجاهم", "شصتم",
    "هفتادم", "هشتادم", "نودم", "صدم", "یکصدم", "دویستم", "سیصدم", "چهارصدم", "پانصدم", "ششصدم", "هفتصدم",
    "هشتصدم", "نهصدم", "هزارم", "میلیونم"]
)
#: Bare ordinal words that are also verbs ("انجام دهم", "قرار نهم") and count only with -ین or in a compound.
AMBIGUOUS_ORDINALS = frozenset({"دهم", "نهم", "اول", "صدم"})

#: Ordinal words that can be the day of a date ("بیست و یکم اسفند", "اول آبان"), by value.
ORDINAL_DAYS = _ordinal_days()


def _ordinal_day_pattern() -> str:
    alts = []
    for w in sorted(ORDINAL_DAYS, key=len, reverse=True):
        parts = regex.split(f"[ {ZWNJ}]+", w)
        piece = ""
        for i, p in enumerate(parts):
            if i:
                piece += f"[ {ZWNJ}]*" if p == "و" or parts[i - 1] == "و" else f"[ {ZWNJ}]?"
            piece += regex.escape(p)
        alts.append(piece)
    return "|".join(alts)


@dataclass(frozen=True)
class Patterns:
    month: regex.Pattern  # a month name (any calendar), optional "ماه"
    dmy: regex.Pattern  # day(s) + month + optional year + era
    my: regex.Pattern  # month + year (no day)
    numeric_date: regex.Pattern
    clock: regex.Pattern
    clock_word: regex.Pattern
    relative: regex.Pattern
    percent_after: regex.Pattern
    money_after: regex.Pattern
    duration_after: regex.Pattern
    daypart_after: regex.Pattern
    era_after: regex.Pattern
    ordinal_suffix: regex.Pattern
    ordinal_words: regex.Pattern
    tokens_after: regex.Pattern
    word: regex.Pattern
    qualifier_before: regex.Pattern
    year_before: regex.Pattern
    hour_before: regex.Pattern
    label_before: regex.Pattern
    sign_before: regex.Pattern
    connector: regex.Pattern
    adversarial: regex.Pattern
    adversarial_prefix: regex.Pattern
    sentence_end: regex.Pattern
    housing_context: regex.Pattern
    period_before: regex.Pattern
    half_word: regex.Pattern
    table_line: regex.Pattern
    person_after_ton: regex.Pattern


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lx = lexicon()
    months_all = [n for cal in lx.months.values() for names in cal for n in names]
    month_alt = phrase_pattern(months_all)
    month = f"(?P<month>{month_alt})(?:{GAP}{regex.escape(lx.month_word)})?{WEND}"
    weekday = phrase_pattern(lx.weekdays)
    era_words = [w for ws in lx.era_markers.values() for w in ws]
    era = f"(?P<era>{phrase_pattern(era_words)}){WEND}"
    year = f"(?P<year>{D}{{4}}|{D}{{2}})(?![۰-۹]|[.٫/٬,]{D})"
    day_one = f"(?:{D}{{1,2}}(?![۰-۹]|[.٫/٬,:]{D})|(?:{_ordinal_day_pattern()}){WEND})"
    conn = f"{GAP}(?:و|تا|الی|،|-|–){GAP}"
    dmy = (
        f"{WSTART}(?:(?P<weekday>{weekday}){WEND}[ \\t\\u00a0،,]*)?"
        f"(?P<days>{day_one}(?:{conn}{day_one})*){GAP}{month}"
        f"(?:{SP}(?:(?:سال|ماه){SP})?{year})?(?:{GAP}{era})?"
    )
    my = f"{WSTART}{month}{SP}(?:سال{SP})?{year}(?:{GAP}{era})?"
    numeric_date = (
        f"(?<![۰-۹/.\\-٫])(?:(?P<y1>{D}{{4}})(?P<s1>[/\\-.])(?P<m1>{D}{{1,2}})(?P=s1)(?P<d1>{D}{{1,2}})"
        f"|(?P<d2>{D}{{1,2}})(?P<s2>[/\\-.])(?P<m2>{D}{{1,2}})(?P=s2)(?P<y2>{D}{{4}}))(?![۰-۹/٫]|[.\\-]{D})"
    )
    clock = f"(?<![۰-۹:/.٫])(?P<h>{D}{{1,2}}):(?P<m>{D}{{2}})(?::(?P<s>{D}{{2}}))?(?![۰-۹:])"
    clock_word = (
        f"{WSTART}ساعت{SP}(?P<h>{D}{{1,2}})(?:(?:{GAP}[:٫.]{GAP}(?P<m>{D}{{1,2}}))|(?:{SP}و{SP}(?P<m2>{D}{{1,2}}){SP}دقیقه))?"
        f"(?![۰-۹])(?:{SP}(?P<part>{phrase_pattern(lx.day_parts)}){WEND})?"
    )
    relative = f"{WSTART}(?:{phrase_pattern(list(lx.relative_years))}){WEND}"
    percent_after = f"(?:{GAP}(?P<word>درصد|در{SP}صد)(?P<adj>ی|{ZWNJ}?ای)?{WEND}|[ \\t]?(?P<sign>[٪%]))"
    scale_alt = phrase_pattern(list(lx.scales))
    money_after = (
        f"{GAP}(?P<scales>(?:(?:{scale_alt}){GAP})*)(?P<cur>{phrase_pattern(lx.currency_words)})"
        f"(?P<adj>ی|{ZWNJ}?ای)?{WEND}(?:{SP}(?P<follow>{phrase_pattern(lx.currency_follow)}){WEND})?"
    )
    dur_words = sorted(lx.duration_units, key=len, reverse=True)
    duration_after = f"{GAP}(?P<unit>{'|'.join(regex.escape(w) for w in dur_words)}){WEND}"
    daypart_after = f"{GAP}(?P<part>{phrase_pattern(lx.day_parts)}){WEND}"
    era_after = f"{GAP}{era}"
    ordinal_suffix = f"{ZWNJ}?(?P<suf>امین|مین|ام|م){WEND}"
    card = "|".join(
        sorted(
            ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "سیزده", "چهارده",
             "پانزده", "شانزده", "هفده", "هجده", "نوزده", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود",
             "صد", "یکصد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد", "هزار", "میلیون"],
            key=len, reverse=True,
        )
    )
    stems = "|".join(sorted(ORDINAL_STEMS, key=len, reverse=True))
    ordinal_words = (
        f"{WSTART}(?P<body>(?:(?:{card})(?:{GAP}و{GAP}|{SP}))*(?:{stems})(?P<in>ین)?){WEND}"
    )
    word = f"[\\p{{L}}\\p{{M}}{ZWNJ}]+"
    tokens_after = f"{GAP}(?P<t1>{word})(?:{SP}(?P<t2>{word}))?(?:{SP}(?P<t3>{word}))?"
    qualifier_before = f"{WSTART}(?P<q>{phrase_pattern(lx.qualifiers)}){SP}$"
    year_before = f"{WSTART}(?:سال|سال{ZWNJ}?های|سالهای|سال{ZWNJ}?ها|سالها){SP}$"
    hour_before = f"{WSTART}ساعت{SP}$"
    label_before = f"{WSTART}(?P<label>{word})[ \\t\\u00a0:]*(?:{ZWNJ})?$"
    sign_before = "(?P<sign>[$€£﷼٪%])[ \\t]?$"
    connector = f"{GAP}(?:و|تا|یا|الی|و{SP}یا|یا{SP}|-|–){GAP}"
    adv_lone = [e["phrase"] for e in lx.adversarial if not e.get("prefix")]
    adv_prefix = [e["phrase"] for e in lx.adversarial if e.get("prefix")]
    adversarial = f"(?<![\\p{{L}}۰-۹])(?:{phrase_pattern(adv_lone)})(?![\\p{{L}}۰-۹])"
    adversarial_prefix = f"{WSTART}(?:{phrase_pattern(adv_prefix)})[ \\t\\u00a0:]*$"
    flags = regex.V0
    return Patterns(
        month=regex.compile(month, flags),
        dmy=regex.compile(dmy, flags),
        my=regex.compile(my, flags),
        numeric_date=regex.compile(numeric_date, flags),
        clock=regex.compile(clock, flags),
        clock_word=regex.compile(clock_word, flags),
        relative=regex.compile(relative, flags),
        percent_after=regex.compile(percent_after, flags),
        money_after=regex.compile(money_after, flags),
        duration_after=regex.compile(duration_after, flags),
        daypart_after=regex.compile(daypart_after, flags),
        era_after=regex.compile(era_after, flags),
        ordinal_suffix=regex.compile(ordinal_suffix, flags),
        ordinal_words=regex.compile(ordinal_words, flags),
        tokens_after=regex.compile(tokens_after, flags),
        word=regex.compile(word, flags),
        qualifier_before=regex.compile(qualifier_before, flags),
        year_before=regex.compile(year_before, flags),
        hour_before=regex.compile(hour_before, flags),
        label_before=regex.compile(label_before, flags),
        sign_before=regex.compile(sign_before, flags),
        connector=regex.compile(connector, flags),
        adversarial=regex.compile(adversarial, flags),
        adversarial_prefix=regex.compile(adversarial_prefix, flags),
        sentence_end=regex.compile(r"(?<![۰-۹])[.!?؟](?![۰-۹])|\n|(?<=[۰-۹])\.(?=\s)"),
        housing_context=regex.compile(
            f"{WSTART}(?:مسکن|مسکونی|خانه|آپارتمان|منازل|منزل)(?:{ZWNJ}?ها|{ZWNJ}?های)?{WEND}"
        ),
        half_word=regex.compile(f"{WSTART}نیم(?={SP}\\p{{L}})"),
        period_before=regex.compile(f"{WSTART}(?:دهه|هفته|نیمه|فصل|ماه|روز{ZWNJ}?های|سه{ZWNJ}?ماهه){SP}$"),
        table_line=regex.compile(r"^[^\n]*\S(?: {4,}|\t)[^\n]*$", regex.M),
        person_after_ton=regex.compile(f"{GAP}(?:از|کشته|زخمی|مجروح|مصدوم|جان|نفر|عضو|دیگر){WEND}"),
    )
