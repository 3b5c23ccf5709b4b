"""Publication dates: Jalali header fields to ISO 8601 with the Tehran UTC offset.

Tehran is UTC+03:30. Iran kept daylight saving time (UTC+04:30) from 2 Farvardin 00:00 to the end of
30 Shahrivar in the Jalali years 1371-1384 and 1387-1401 (and from 13 Ordibehesht in 1370); it observed
none in 1385-1386 and abolished it from 1402 (2023) on. The table below follows the IANA tz database
(``Asia/Tehran``), which ``tests/test_article_dates.py`` checks it against when zoneinfo data is present.
Times in the repeated hour at the end of 30 Shahrivar are read as daylight time (the first occurrence).
"""

from __future__ import annotations

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
    """``(jdatetime.date, datetime.date)`` of a Jalali date, cached: building a jdatetime.date looks up the
    locale each time (~10 us). Keyed on jdatetime's current locale too, so a changed locale gets new dates."""
    import jdatetime

    jdate = jdatetime.date(year, month, day)
    return jdate, jdate.togregorian()


def publication(
    year: int, month: int, day: int, hour: int | None = None, minute: int | None = None
) -> dict[str, Any] | None:
    """``{"published", "published_jalali", "reference_date"}`` for a Jalali date (and time), or None."""
    import jdatetime

    try:
        jdate, gdate = _jalali(year, month, day, jdatetime.get_locale())
    except (ValueError, TypeError):
        return None
    jalali = f"{year:04d}-{month:02d}-{day:02d}"  # formatted once (format specs cost ~1 us each here)
    if hour is None:
        return {"published": gdate.isoformat(), "published_jalali": jalali, "reference_date": jdate}
    if not (0 <= hour <= 23 and 0 <= (minute or 0) <= 59):
        return None
    hh_mm = f"{hour:02d}:{minute or 0:02d}"
    return {
        "published": f"{gdate.isoformat()}T{hh_mm}:00{tehran_offset(year, month, day)}",
        "published_jalali": f"{jalali}T{hh_mm}",
        "reference_date": jdate,
    }
