"""Resolvers: turn a :class:`~.finders.Candidate` into ``(value, attrs)`` or reject it (``None``).

Each ``resolve_*`` function is pure and testable alone. Values are exact: integers stay ``int``, decimals are
read as :class:`~decimal.Decimal` and only turned into ``float`` at the JSON boundary when not integral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from .finders import Candidate, parse_ordinal_words
from .lexicon import lexicon, squash
from .patterns import patterns

__all__ = [
    "Context",
    "json_number",
    "digits_to_int",
    "full_year",
    "resolve_date",
    "resolve_money",
    "resolve_percent",
    "resolve_quantity",
    "resolve_duration",
    "resolve_time",
    "resolve_ordinal",
    "hijri_to_gregorian",
    "jalali_to_gregorian",
]

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
_JALALI_MONTH_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30)
_GREGORIAN_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

Resolved = tuple[Any, dict[str, Any]]

#: Categories measured in units (a half makes sense: "نیم متر", "نیم تن"); other counted things are whole.
_MEASURES = frozenset({"area", "length", "weight", "power", "volume"})


class JalaliDay(NamedTuple):
    """A Jalali date as plain numbers (a reference date given as a tuple)."""

    year: int
    month: int
    day: int


@dataclass(frozen=True)
class Context:
    """What resolvers may know about the article: its Jalali year (for relative dates and two-digit years)."""

    ref_year: int | None = None
    ref_gregorian_year: int | None = None
    ref_date: Any = None  # the article's Jalali date: .year, .month, .day (relative days, weeks, months)

    @classmethod
    def from_reference(cls, reference_date: Any) -> Context:
        """From a ``jdatetime.date``, a ``datetime.date`` or a Jalali ``(year, month, day)`` tuple of ints (what
        ``Article.reference_jalali`` holds: the pipeline passes it, so that no jdatetime.date is built)."""
        if reference_date is None:
            return _NO_DATE if cls is Context else cls()  # (an article without a date: one shared frozen object)
        r = reference_date
        if isinstance(r, tuple) and len(r) == 3 and type(r[0]) is int and type(r[1]) is int and type(r[2]) is int:
            if cls is Context:
                return _day_context(*r)  # remembered: a day's news shares its date (~4 us a call otherwise)
            j: Any = JalaliDay(*r)
        else:
            import jdatetime

            if isinstance(r, jdatetime.date):
                j = r
            elif hasattr(r, "year") and hasattr(r, "month"):
                j = jdatetime.date.fromgregorian(year=r.year, month=r.month, day=getattr(r, "day", 1))
            else:
                raise TypeError(
                    "reference_date must be a jdatetime.date, a datetime.date or a Jalali (year, month, day) tuple, "
                    f"not {type(r).__name__}"
                )
        return cls(ref_year=j.year, ref_gregorian_year=gregorian_year(j.year, j.month, j.day), ref_date=j)


_NO_DATE = Context()


@lru_cache(maxsize=4096)
def _day_context(y: int, m: int, d: int) -> Context:
    """``Context.from_reference((y, m, d))``, remembered (a Context is frozen, and its JalaliDay a tuple)."""
    # speed (an article's new date at first sight): the frozen dataclass's fields set in its instance dict, in
    # their order, without its __init__ (an object.__setattr__ call per field)
    c = object.__new__(Context)
    f = c.__dict__
    f["ref_year"] = y
    f["ref_gregorian_year"] = gregorian_year(y, m, d)
    f["ref_date"] = JalaliDay(y, m, d)
    return c


def json_number(v: int | Decimal | float) -> int | float:
    """An exact number for JSON: ``int`` when integral, else ``float``."""
    if isinstance(v, int):
        return v
    d = Decimal(v)
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def digits_to_int(s: str) -> int:
    return int(s.translate(_DIGITS))


def full_year(two_digits: int, ctx: Context) -> int:
    """A two-digit Jalali year in the article's era: ``۹۹`` -> 1399, ``۰۲`` -> 1402 (the latest not after the
    article's year + 1; with no article date, 1400-1410 for 00-10, else 13xx)."""
    if ctx.ref_year:
        for century in (1400, 1300):
            y = century + two_digits
            if y <= ctx.ref_year + 1:
                return y
        return 1300 + two_digits
    return 1400 + two_digits if two_digits <= 10 else 1300 + two_digits


def _calendar_for_year(y: int) -> str | None:
    if 1000 <= y <= 1499:
        return "jalali"
    if 1500 <= y <= 2100:
        return "gregorian"
    return None


@lru_cache(maxsize=256)
def _era_calendar(era: str | None) -> str | None:
    """The calendar an era marker names (``میلادی`` gregorian); cached, as the lexicon is loaded once."""
    if not era:
        return None
    key = squash(era)
    for cal, words in lexicon().era_markers.items():
        if key in {squash(w) for w in words}:
            return cal
    return None


def _valid_day(cal: str, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    if cal == "jalali":
        return day <= _JALALI_MONTH_DAYS[month - 1]
    if cal == "gregorian":
        return day <= _GREGORIAN_MONTH_DAYS[month - 1]
    return day <= 30


@lru_cache(maxsize=4096)  # the same days recur within an article and across a day's news (a conversion ~6 us)
def _iso(cal: str, y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None or m is None or d is None:
        return None
    try:
        if cal == "jalali":
            return jalali_to_gregorian(y, m, d).isoformat()
        if cal == "gregorian":
            import datetime

            return datetime.date(y, m, d).isoformat()
        if cal == "hijri":
            return hijri_to_gregorian(y, m, d).isoformat()
    except ValueError:
        return None
    return None


#: Days of the Jalali months in a common year (Esfand has 30 in a leap year).
_JALALI_COMMON_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29)


def jalali_to_gregorian(y: int, m: int, d: int) -> Any:
    """``jdatetime.date(y, m, d).togregorian()``, a ``datetime.date`` (ValueError for a date jdatetime rejects).

    Speed: a date that jdatetime surely accepts (its year range, a day within the month of a common year) is
    converted by jdatetime's own arithmetic (``JalaliToGregorian``) without building the ``jdatetime.date``,
    whose constructor reads the process locale (~15 us); any other date (Esfand 30, a bad day) goes through
    ``jdatetime.date`` itself."""
    import datetime

    import jdatetime  # (imported at the first conversion, as before the fast path below: never inside a later call)

    if _FAST_YEARS[0] <= y <= _FAST_YEARS[1] and 1 <= m <= 12 and 1 <= d <= _JALALI_COMMON_DAYS[m - 1]:
        # speed (a new date at an article's first sight): JalaliToGregorian's own count of days since 1 January 1600,
        # turned into a date by datetime's ordinals instead of its Python loop over years and months (~3.5 -> ~1 us;
        # tests compare every day of these years with jdatetime)
        jy = y - 979
        days = 365 * jy + (jy // 33) * 8 + (jy % 33 + 3) // 4 + _JALALI_DAYS_BEFORE[m - 1] + d + 78
        return datetime.date.fromordinal(_ORDINAL_1600_01_01 + days)
    if jdatetime.MINYEAR <= y <= jdatetime.MAXYEAR and 1 <= m <= 12 and 1 <= d <= _JALALI_COMMON_DAYS[m - 1]:
        return datetime.date(*jdatetime.JalaliToGregorian(y, m, d).getGregorianList())
    return jdatetime.date(y, m, d).togregorian()


#: The Jalali years converted by jalali_to_gregorian's own arithmetic (Gregorian 1921-2121).
_FAST_YEARS = (1300, 1499)
#: Days of the Jalali year before each month (the first six have 31 days, the next five 30).
_JALALI_DAYS_BEFORE = (0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)
#: ``datetime.date(1600, 1, 1).toordinal()``, the day JalaliToGregorian counts from.
_ORDINAL_1600_01_01 = 584023


def gregorian_year(y: int, m: int, d: int) -> int:
    """``jalali_to_gregorian(y, m, d).year`` (the same ValueError for a bad date). Speed (once per article, ~5 us
    saved): January 1 falls on 10, 11, 12 or 13 Dey in every year jdatetime handles (tests check the whole
    range), so a date that jdatetime surely accepts and lies outside those four days needs no conversion."""
    import jdatetime

    if jdatetime.MINYEAR <= y <= jdatetime.MAXYEAR and 1 <= m <= 12 and 1 <= d <= _JALALI_COMMON_DAYS[m - 1]:
        if m < 10 or (m == 10 and d < 10):
            return y + 621
        if m > 10 or d > 13:
            return y + 622
    return jalali_to_gregorian(y, m, d).year


def _shift_jalali(y: int, m: int, d: int, days: int) -> tuple[int, int, int]:
    """``jdatetime.date(y, m, d) + timedelta(days=days)`` as ``(year, month, day)``, by the same arithmetic
    (jdatetime adds in the Gregorian calendar and converts back) without building ``jdatetime.date`` objects,
    whose constructor reads the process locale (speed: ~9 us instead of ~27 us)."""
    import datetime

    import jdatetime

    g = datetime.date(*jdatetime.JalaliToGregorian(y, m, d).getGregorianList()) + datetime.timedelta(days=days)
    jy, jm, jd = jdatetime.GregorianToJalali(g.year, g.month, g.day).getJalaliList()
    return jy, jm, jd


#: Day 1 of the tabular Islamic calendar (1 Muharram AH 1 = Friday 16 July 622 Julian = 19 July 622 Gregorian),
#: as a proleptic Gregorian ordinal.
_HIJRI_EPOCH = 227015


def hijri_to_gregorian(y: int, m: int, d: int) -> Any:
    """A Hijri-lunar date by the arithmetic (tabular) Islamic calendar, civil epoch, leap years 2, 5, 7, 10,
    13, 16, 18, 21, 24, 26, 29 of each 30-year cycle: months alternate 30/29 days, the 12th has 30 in a leap year.

    Not the observed or Umm al-Qura calendar that Iran and Saudi Arabia use: the result is usually the same day
    or one day off (rarely two), so ``iso`` of a Hijri date is an estimate to ±1 day (docs/facts.md).
    """
    import datetime

    if not (1 <= m <= 12 and 1 <= d <= 30 and y >= 1):
        raise ValueError(f"bad Hijri date {y}-{m}-{d}")
    if d == 30 and m % 2 == 0 and not (m == 12 and (14 + 11 * y) % 30 < 11):
        raise ValueError(f"Hijri month {m} of {y} has 29 days")
    days = (y - 1) * 354 + (3 + 11 * y) // 30 + (59 * (m - 1) + 1) // 2 + d - 1
    return datetime.date.fromordinal(_HIJRI_EPOCH + days)


def _date_value(y: int | None, m: int | None, d: int | None) -> str:
    """``1402-12-21``, ``1397``, ``1398-06``, ``--03-22`` (ISO 8601 style, in the fact's own calendar)."""
    if y is None:
        return f"--{m:02d}-{d:02d}" if d is not None else f"--{m:02d}"
    s = f"{y:04d}"
    if m is not None:
        s += f"-{m:02d}"
        if d is not None:
            s += f"-{d:02d}"
    return s


def _date(cal: str, y: int | None, m: int | None, d: int | None, **extra: Any) -> Resolved:
    attrs = {"calendar": cal, "year": y, "month": m, "day": d, "iso": _iso(cal, y, m, d), "relative": False}
    attrs.update(extra)
    return _date_value(y, m, d), attrs


def resolve_date(c: Candidate, ctx: Context) -> Resolved | None:
    """Dates: numeric, day-month(-year), month-year, ``سال N`` / ``N میلادی`` / bare years, relative years."""
    p = c.parts
    form = p.get("form")
    lx = lexicon()
    if form == "relative" and p.get("unit"):
        return _relative_other(p["unit"], p["offset"], ctx)
    if form == "relative":
        y = ctx.ref_year + p["offset"] if ctx.ref_year else None
        return (str(y) if y else None), {"calendar": "jalali", "year": y, "month": None, "day": None, "iso": None,
                                          "relative": True, "offset": p["offset"]}
    if form == "numeric":
        nums = tuple(p["numbers"])
        if len(nums) == 2:  # "۱۴۰۲/۱۲", "12/1402": a year and a month
            y, m = (nums[0], nums[1]) if nums[0] >= 1000 else (nums[1], nums[0])
            cal = _calendar_for_year(y)
            if cal is None or not 1 <= m <= 12:
                return None
            return _date(cal, y, m, None)
        if len(nums) < 3:
            return None
        a, b, d3 = nums[:3]
        if a >= 1000:
            y, m, d = a, b, d3
        elif d3 >= 1000:
            y, m, d = d3, b, a
        elif 13 <= a <= 99 and 1 <= d3 <= 31:
            y, m, d = full_year(a, ctx), b, d3  # "۹۹/۱۰/۲۴": a two-digit Jalali year first
        elif 1 <= a <= 31 and 32 <= d3 <= 99:
            y, m, d = full_year(d3, ctx), b, a  # "20/2/92": day/month/two-digit year (only when unambiguous)
        else:
            return None
        cal = _calendar_for_year(y)
        if cal is None or not _valid_day(cal, m, d):
            return None
        return _date(cal, y, m, d)
    if form in ("dmy", "my"):
        key = squash(p["month"])
        if key not in lx.month_index and key.endswith("ماه"):
            key = key[:-3]
        cal, month = lx.month_index[key]
        ytext = p.get("year")
        if key in lx.ambiguous_months and not (ytext and len(ytext) == 4):
            return None
        y = None
        if ytext:
            if len(ytext) == 2 and cal != "jalali":
                return None
            yv = digits_to_int(ytext)
            y = full_year(yv, ctx) if len(ytext) == 2 else yv
        era_cal = _era_calendar(p.get("era"))
        if era_cal and era_cal != cal:
            return None
        d = p.get("day")
        if d is not None and not _valid_day(cal, month, d):
            return None
        return _date(cal, y, month, d)
    if form == "year":
        n = p["number"]
        if n.is_decimal:
            return None
        v = int(n.value)
        era_cal = _era_calendar(p.get("era"))
        if n.form == "digits" and len(n.text) == 2:
            if era_cal not in (None, "jalali"):
                return None
            return _date("jalali", full_year(v, ctx), None, None)
        cal = era_cal or _calendar_for_year(v)
        if cal is None or v < (100 if era_cal else 1000):
            return None  # "دهه هشتاد میلادی" is a decade, not the year 80; "سال 454 هـ.ق" is a year
        return _date(cal, v, None, None)
    return None


def _relative_other(unit: str, offset: int, ctx: Context) -> Resolved:
    """A relative day (``دیروز``), week (``هفته آینده``) or month (``ماه گذشته``): with the article's date, a day
    resolves to a full Jalali date and its ISO, a month to year and month; a week keeps only its offset."""
    attrs: dict[str, Any] = {"calendar": "jalali", "year": None, "month": None, "day": None, "iso": None,
                             "relative": True, "offset": offset, "unit": unit}
    ref = ctx.ref_date
    value = None
    if ref is not None and unit == "day":
        y, m, d = _shift_jalali(ref.year, ref.month, ref.day, offset)
        attrs.update(year=y, month=m, day=d, iso=jalali_to_gregorian(y, m, d).isoformat())
        value = _date_value(y, m, d)
    elif ref is not None and unit == "month":
        k = ref.year * 12 + ref.month - 1 + offset
        attrs.update(year=k // 12, month=k % 12 + 1)
        value = _date_value(k // 12, k % 12 + 1, None)
    return value, attrs


def _scale_power(scales_text: str) -> int:
    """The power of ten of glued or loose scale words (``هزار`` 3, ``میلیارد`` 9, ``هزار میلیارد`` 12)."""
    lx = lexicon()
    power = 0
    for w in scales_text.replace("\N{ZERO WIDTH NON-JOINER}", " ").split():
        power += lx.scales.get(w, 0)
    return power


#: Below this, the Decimal product of whole numbers in resolve_money is exact (28 digits: the default precision).
_EXACT = 10**28


def resolve_money(c: Candidate, *, borrowed: dict[str, Any] | None = None) -> Resolved | None:
    """Money: value in the currency's unit (rials for ریال/تومان/همت), ``amount`` and ``unit`` as written.

    ``borrowed`` (from a neighbour sharing the currency, e.g. ``بین ۲ تا ۳ میلیون تومان``) carries
    ``iso``, ``factor``, ``unit`` and ``power`` (the scale to apply when this number has none of its own).
    """
    p = c.parts
    n = p["number"]
    lx = lexicon()
    power = 0
    if borrowed is not None:
        iso, factor, cur_word = borrowed["iso"], borrowed["factor"], borrowed["currency_word"]
        power = borrowed.get("power", 0)
        scale_words = borrowed.get("scale_words", "")
    elif "money" in p:
        m = p["money"]
        cur = lx.currencies[squash(m.group("cur"))]
        iso, factor, cur_word = cur.iso, cur.factor, m.group("cur") + (m.group("adj") or "")
        scale_words = m.group("scales").strip(" \t\u00a0\N{ZERO WIDTH NON-JOINER}")
        power = _scale_power(scale_words)
    elif "currency_sign" in p:
        sign = p["currency_sign"]
        iso = lx.signs_before.get(sign) or lx.signs_after[sign]
        factor, cur_word, scale_words = 1, sign, ""
    else:
        return None
    if isinstance(factor, Decimal) and factor < 1 and n.form == "words" and n.value == 1 and power == 0:
        return None  # "یک سنت علمی" is "a tradition"; a lone یک before a subunit is the indefinite article
    value = n.value * 10**power * factor if type(n.value) is int and type(factor) is int else None
    if value is None or not -_EXACT < value < _EXACT:  # speed: whole numbers of up to 28 digits need no Decimal
        value = Decimal(n.value) * (10**power) * factor  # (which rounds only a product of more digits)
    if value <= 0:
        return None
    amount = n.amount if power == 0 else n.value
    unit_parts = [n.scale_text] if power == 0 and n.scale_text else []
    if power:
        unit_parts = [n.scale_text, scale_words] if n.scale_text else [scale_words]
    unit = " ".join(x for x in [*unit_parts, cur_word] if x)
    attrs = {"currency": iso, "amount": json_number(amount), "unit": unit}
    if p.get("qualifier"):
        attrs["qualifier"] = p["qualifier"]
    return json_number(value), attrs


def resolve_percent(c: Candidate) -> Resolved | None:
    n = c.parts["number"]
    return json_number(n.value), ({"qualifier": c.parts["qualifier"]} if c.parts.get("qualifier") else {})


#: The marks that end the clause after "N واحد" (where a housing word makes the units homes).
_CLAUSE_STOP = re.compile("[،.؛\n]").search


def resolve_quantity(c: Candidate, text: str) -> Resolved | None:
    """Quantities: value, noun, noun_phrase, category (by noun class, a few by context), qualifier."""
    p = c.parts
    n = p["number"]
    noun = p["noun"]
    v = n.value
    if v <= 0:
        return None  # "۰ نفر" is page furniture, never a count
    if n.form == "words" and v == 1 and n.scale == 1:
        return None  # یک: the indefinite article
    category = noun.category
    if n.text == "نیم" and category not in _MEASURES:
        return None  # "نیم سکه" is a kind of coin, "نیم طبقه" a mezzanine: half of a count is no count
    key = squash(noun.noun)
    if key == "تن":
        # "۵ تن از مسئولان", "۳ تن کشته" are people; "۸۰۰ هزار تن از سوی بخش خصوصی" is still a weight
        small = n.scale == 1 and v < 1000
        people = (small and _ton_is_people(text, noun.next_pos)) or _ton_people_before(text, n.start, noun.next_pos)
        category = "person" if people else "weight"
    elif key == "واحد" and category is None and squash(noun.phrase) == "واحد":
        window = text[noun.next_pos : noun.next_pos + 40]
        stop = _CLAUSE_STOP(window)  # the window ends at the first of these marks
        if stop is not None:
            window = window[: stop.start()]
        if patterns_housing().search(window):
            category = "housing_unit"
    attrs = {"noun": noun.noun, "noun_phrase": noun.phrase, "category": category, "qualifier": p.get("qualifier")}
    if noun.start >= 0:  # lets extract_facts report noun and phrase as written in the original
        attrs["_noun"] = noun  # (its start, first_end and next_pos)
    return (v if isinstance(v, int) else json_number(v)), attrs  # json_number(v), its int case in place


def patterns_housing():
    return patterns().housing_context


def _ton_is_people(text: str, pos: int) -> bool:
    """``تن`` counts people when a person word follows it or stands in the rest of its clause
    ("۵ تن از مسئولان", "۱۷۰ تن پس از ابتلا ... جان خود را از دست داده‌اند"), else it is a weight."""
    p = patterns()
    if p.person_after_ton.match(text, pos) is not None:
        return True
    clause = text[pos : pos + 80]
    stop = p.sentence_end.search(clause)
    if stop:
        clause = clause[: stop.start()]
    return p.person_context.search(clause) is not None


def _ton_people_before(text: str, start: int, pos: int) -> bool:
    """``تن`` counts people, whatever the number, when nothing after it names a commodity (a verb, a link or
    punctuation follows) and its clause so far speaks of people ("شمار مبتلایان ... به ۸۰ هزار و ۸۸۱ تن رسید",
    "جان باختگان ... به سه هزار و ۳۸۸ تن رسیده است"); "صادرات گندم به ۸۰۰ هزار تن رسید" stays a weight."""
    p = patterns()
    if p.ton_neutral_after.match(text, pos) is None:
        return False
    left = text[max(0, start - 100) : start]
    ends = list(p.sentence_end.finditer(left))
    if ends:
        left = left[ends[-1].end() :]
    return p.ton_people_before.search(left) is not None


def resolve_duration(c: Candidate) -> Resolved | None:
    n = c.parts["number"]
    unit_word = c.parts["unit"]
    unit = lexicon().duration_units.get(squash(unit_word))
    if n.value <= 0:
        return None
    return json_number(n.value), {"unit": unit, "unit_text": unit_word}


def resolve_time(c: Candidate) -> Resolved | None:
    """Clock times: ``۷:۵۷``, ``ساعت ۱۹``, ``ساعت ۱۹ و ۳۰ دقیقه``, ``۸ صبح``; value ``HH:MM``."""
    p = c.parts
    h = int(p["hour"])
    mi = p.get("minute")
    mi = digits_to_int(mi) if isinstance(mi, str) else int(mi or 0)
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    attrs: dict[str, Any] = {"hour": h, "minute": mi}
    if p.get("part"):
        attrs["day_part"] = p["part"]
    return f"{h:02d}:{mi:02d}", attrs


def resolve_ordinal(c: Candidate) -> Resolved | None:
    p = c.parts
    if "number" in p:
        n = p["number"]
        return (json_number(n.value), {}) if not n.is_decimal and n.value > 0 else None
    value = parse_ordinal_words(p["words"])
    if value is None:
        return None
    return value, {"superlative": p.get("superlative", False)}
