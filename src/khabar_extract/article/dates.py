"""Publication dates: Jalali header fields to ISO 8601 with the Tehran UTC offset.

Tehran is UTC+03:30. Iran kept daylight saving time (UTC+04:30) from 2 Farvardin 00:00 to the end of
30 Shahrivar in the Jalali years 1371-1384 and 1387-1401 (and from 13 Ordibehesht in 1370); it observed
none in 1385-1386 and abolished it from 1402 (2023) on. The table below follows the IANA tz database
(``Asia/Tehran``), which ``tests/test_article_dates.py`` checks it against when zoneinfo data is present.
Times in the repeated hour at the end of 30 Shahrivar are read as daylight time (the first occurrence).
"""

from __future__ import annotations

import locale
import os
from functools import lru_cache
from typing import Any

# Jalali years with summer time, and the (month, day) it started when not 2 Farvardin.
_DST_YEARS = {1358: (3, 6), 1359: (1, 1), 1370: (2, 13)}
_DST_YEARS.update({y: (1, 2) for y in range(1371, 1385)})
_DST_YEARS.update({y: (1, 2) for y in range(1387, 1402)})
_DST_END = {1358: (6, 27), 1359: (6, 31)}  # last day with summer time; default 30 Shahrivar


def tehran_offset(year: int, month: int, day: int) -> str:
    """The UTC offset of Tehran local time on a Jalali date: ``+03:30`` or ``+04:30``."""
    start = _DST_YEARS.get(year)
    if start is None:
        return "+03:30"
    end = _DST_END.get(year, (6, 30))
    return "+04:30" if start <= (month, day) <= end else "+03:30"


@lru_cache(maxsize=4096)
def _jalali(year: int, month: int, day: int, _locale: str | None) -> tuple[Any, Any]:
    """``(jdatetime.date, datetime.date)`` of a Jalali date, cached (a batch meets the same dates again).
    Keyed on jdatetime's current locale too, so a changed locale gets new dates."""
    jdate = new_jdate(year, month, day)
    return jdate, jdate.togregorian() if not 1 <= year <= _LAST_CHECKED_YEAR else gregorian(year, month, day)


#: Days of the Jalali year before the first of each month.
_DAYS_BEFORE = (0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)
#: :func:`gregorian` was checked against jdatetime for every valid date of the years 1 to this one.
_LAST_CHECKED_YEAR = 3177


#: The proleptic Gregorian ordinal of 1 January 1600, the day jdatetime's conversion counts from.
_ORDINAL_1600 = 584_023


def _nowruz_ordinal(year: int) -> int:
    """The proleptic Gregorian ordinal of 1 Farvardin of ``year``: jdatetime's own day count
    (``JalaliToGregorian``: days since 1 January 1600) without building its objects (~20 us for each new year,
    as the first article of a year in a batch met it). Equal to jdatetime's conversion for every year from 1 to
    ``_LAST_CHECKED_YEAR`` (``tests/test_article_dates.py``)."""
    jy = year - 979
    return _ORDINAL_1600 + 365 * jy + (jy // 33) * 8 + (jy % 33 + 3) // 4 + 79


def gregorian(year: int, month: int, day: int) -> Any:
    """``jdatetime.date(year, month, day).togregorian()`` of a valid date of the years 1 to 3177, counted from
    the year's 1 Farvardin (converted once per year: a batch meets few years, but a new date in each article).
    Checked to give jdatetime's result for every valid date of those years."""
    import datetime

    return datetime.date.fromordinal(_nowruz_ordinal(year) + _DAYS_BEFORE[month - 1] + day - 1)


#: Days of the Jalali months in a common year (Esfand has 30 in a leap year).
_COMMON_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29)
#: The environment variables ``locale.getdefaultlocale`` reads (jdatetime's locale test may consult it).
_LOCALE_ENV = ("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")
#: The date fields of a ``jdatetime.date`` (name-mangled attributes of its class ``date``).
_FIELDS = _YEAR, _MONTH, _DAY = ("_date__year", "_date__month", "_date__day")
#: One ``jdatetime.date`` built by its constructor for each locale setting (see :func:`new_jdate`).
_PROTOTYPES: dict[tuple[str | None, ...], Any] = {}


@lru_cache(maxsize=16)
def _reads_environment(ctype: str) -> bool:
    """Whether jdatetime's locale test reads the locale environment while ``LC_CTYPE`` is ``ctype`` (the current
    setting, which ``locale.getlocale`` reads): it does when ``getlocale`` leaves a part unknown."""
    return None in locale.getlocale()


def new_jdate(year: int, month: int, day: int) -> Any:
    """``jdatetime.date(year, month, day)``, built without its constructor when the date is surely valid.

    The constructor reads the process locale (``locale.getlocale``, and the locale environment when that is
    unset) to choose Persian or English month and weekday names: ~10 us, and ~50 us on the cold cache of a
    batch, where every article brings a new date. Here the object is a copy of a date the constructor built
    under the same setting (jdatetime's own locale, the C library's ``LC_CTYPE`` and the locale environment:
    everything that choice reads), with the year, month and day replaced, so its state is what the constructor
    would give. Dates that may be invalid (beyond the 29th of Esfand, out of jdatetime's years) and any
    jdatetime whose objects do not hold the expected fields go through the constructor itself."""
    import jdatetime

    if not (jdatetime.MINYEAR <= year <= jdatetime.MAXYEAR and 1 <= month <= 12 and 1 <= day <= _COMMON_DAYS[month - 1]):
        return jdatetime.date(year, month, day)
    try:
        ctype = locale.setlocale(locale.LC_CTYPE)  # a query: changes nothing
        setting: tuple[str | None, ...] = (jdatetime.get_locale(), ctype)
        if _reads_environment(ctype):
            setting += tuple(map(os.environ.get, _LOCALE_ENV))
    except (ValueError, locale.Error):
        return jdatetime.date(year, month, day)  # a locale getlocale cannot read: as the constructor does
    proto = _PROTOTYPES.get(setting)
    if proto is None:
        proto = jdatetime.date(year, month, day)
        if type(proto) is not jdatetime.date or not all(f in vars(proto) for f in _FIELDS):
            return proto  # not the jdatetime this was written for: always the constructor
        _PROTOTYPES[setting] = proto
        return proto
    jdate = object.__new__(jdatetime.date)
    jdate.__dict__ = {**proto.__dict__, _YEAR: year, _MONTH: month, _DAY: day}
    return jdate


def published_fields(
    year: int, month: int, day: int, hour: int | None = None, minute: int | None = None
) -> tuple[str, str] | None:
    """``(published, published_jalali)`` for a Jalali date (and time): ISO 8601 in the Gregorian calendar with the
    Tehran offset, and the Jalali date as ``1402-12-21T07:57``; None for a date jdatetime rejects or a bad time.
    Builds no ``jdatetime.date`` (see :func:`jalali_date`)."""
    fields = _day_fields(year, month, day)
    if fields is None:
        return None
    iso, jalali, offset = fields
    if hour is None:
        return iso, jalali
    if not (0 <= hour <= 23 and 0 <= (minute or 0) <= 59):
        return None
    hh_mm = f"{hour:02d}:{minute or 0:02d}"
    return f"{iso}T{hh_mm}:00{offset}", f"{jalali}T{hh_mm}"


@lru_cache(maxsize=4096)
def _day_fields(year: int, month: int, day: int) -> tuple[str, str, str] | None:
    """The Gregorian ISO date, the Jalali date (``1402-12-21``) and the Tehran offset of a Jalali date, or None
    for a date jdatetime rejects; remembered, as a batch of a day's news meets the same dates again."""
    gdate = _gregorian_or_none(year, month, day)
    if gdate is None:
        return None
    return gdate.isoformat(), f"{year:04d}-{month:02d}-{day:02d}", tehran_offset(year, month, day)


def publication(
    year: int, month: int, day: int, hour: int | None = None, minute: int | None = None
) -> dict[str, Any] | None:
    """``{"published", "published_jalali", "reference_date"}`` for a Jalali date (and time), or None."""
    fields = published_fields(year, month, day, hour, minute)
    if fields is None:
        return None
    return {"published": fields[0], "published_jalali": fields[1], "reference_date": jalali_date(year, month, day)}


def jalali_date(year: int, month: int, day: int) -> Any:
    """The ``jdatetime.date`` of a valid Jalali date (cached per date and jdatetime locale). Building one reads
    the process locale the first time (~0.1 ms in a fresh process, ~50 us for each new date on the cold cache
    of a batch), so the article stage keeps the plain date and builds this only when asked."""
    import jdatetime

    return _jalali(year, month, day, jdatetime.get_locale())[0]


def _gregorian_or_none(year: int, month: int, day: int) -> Any:
    """The Gregorian date of a Jalali date, or None when jdatetime rejects the date (as ``jdatetime.date(...)``
    would raise); a surely valid date of the years :func:`gregorian` was checked for needs no jdatetime.date."""
    try:
        if 1 <= year <= _LAST_CHECKED_YEAR and 1 <= month <= 12 and 1 <= day <= _COMMON_DAYS[month - 1]:
            return gregorian(year, month, day)
        import jdatetime

        return _jalali(year, month, day, jdatetime.get_locale())[1]
    except (ValueError, TypeError):
        return None
