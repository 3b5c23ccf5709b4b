"""Publication dates: Jalali header to ISO 8601 with the right Tehran offset (DST until 1401)."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest

from khabar_extract.article import read_article
from khabar_extract.article.dates import publication, tehran_offset


@pytest.mark.parametrize(
    ("header", "iso", "jalali"),
    [
        ("۲۱ اسفند ۱۴۰۲، ۷:۵۷", "2024-03-11T07:57:00+03:30", "1402-12-21T07:57"),
        ("۱ تیر ۱۴۰۱، ۱۰:۰۵", "2022-06-22T10:05:00+04:30", "1401-04-01T10:05"),  # DST, last summer with it
        ("۱ تیر ۱۴۰۲، ۱۰:۰۵", "2023-06-22T10:05:00+03:30", "1402-04-01T10:05"),  # abolished
        ("۱۵ مرداد ۱۳۸۵، ۲۰:۰۰", "2006-08-06T20:00:00+03:30", "1385-05-15T20:00"),  # no DST in 1385-1386
        ("۳۰ شهریور ۱۳۹۹، ۲۳:۱۰", "2020-09-20T23:10:00+04:30", "1399-06-30T23:10"),  # last DST day
        ("۳۱ شهریور ۱۳۹۹، ۰۰:۱۰", "2020-09-21T00:10:00+03:30", "1399-06-31T00:10"),
        ("1 فروردین 1399، 12:00", "2020-03-20T12:00:00+03:30", "1399-01-01T12:00"),  # DST began on the 2nd
    ],
)
def test_article_dates_header_to_iso(header, iso, jalali):
    article = read_article(f"{header}\nکد خبر: 1\n\nعنوان\n\nمتن.")
    assert article.meta["published"] == iso
    assert article.meta["published_jalali"] == jalali
    assert isinstance(article.reference_date, jdatetime.date)


def test_article_dates_invalid_date_is_left_empty():
    article = read_article("۳۱ اسفند ۱۴۰۲، ۷:۵۷\nکد خبر: 1\n\nعنوان\n\nمتن.")  # 1402 is not a leap year
    assert article.meta["published"] is None and article.reference_date is None
    assert publication(1402, 12, 21) == {
        "published": "2024-03-11", "published_jalali": "1402-12-21", "reference_date": jdatetime.date(1402, 12, 21),
    }


def test_article_dates_offset_table_matches_the_tz_database():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        tz = zoneinfo.ZoneInfo("Asia/Tehran")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no tz database on this machine")
    day = jdatetime.date(1365, 1, 1)
    end = jdatetime.date(1405, 1, 1)
    while day < end:
        g = day.togregorian()
        off = dt.datetime(g.year, g.month, g.day, 12, tzinfo=tz).utcoffset()
        expected = "+04:30" if off == dt.timedelta(hours=4, minutes=30) else "+03:30"
        assert tehran_offset(day.year, day.month, day.day) == expected, day
        day += jdatetime.timedelta(days=1)


def test_article_dates_new_jdate_is_what_the_constructor_builds():
    # new_jdate copies a constructed date under the same locale setting: same type, same state, same behaviour;
    # a date that may be invalid goes to the constructor, which raises
    from khabar_extract.article.dates import new_jdate

    checked = 0
    for y in (1, 1375, 1399, 1402, 1403, 1404, jdatetime.MAXYEAR):
        for m in range(1, 13):
            for d in (1, 15, 29, 30, 31, 32):
                try:
                    want = jdatetime.date(y, m, d)
                except ValueError:
                    with pytest.raises(ValueError):
                        new_jdate(y, m, d)
                    continue
                got = new_jdate(y, m, d)
                assert type(got) is jdatetime.date and vars(got) == vars(want) and got == want
                assert got.strftime("%A %d %B %Y") == want.strftime("%A %d %B %Y")
                checked += 1
    assert checked > 300


def test_article_dates_new_jdate_follows_jdatetime_locale():
    from khabar_extract.article.dates import new_jdate

    before = jdatetime.set_locale("fa_IR")
    try:
        assert new_jdate(1402, 5, 10).strftime("%B") == jdatetime.date(1402, 5, 10).strftime("%B") == "مرداد"
        assert vars(new_jdate(1402, 5, 11)) == vars(jdatetime.date(1402, 5, 11))
    finally:
        jdatetime.set_locale(before)
    assert vars(new_jdate(1402, 5, 12)) == vars(jdatetime.date(1402, 5, 12))


def test_article_dates_gregorian_equals_jdatetime():
    # counted from each year's 1 Farvardin; checked for every valid date of the years 1-3177 when written,
    # here for a whole 33-year leap cycle and the edges of that range
    from khabar_extract.article.dates import gregorian

    checked = 0
    for y in [*range(1370, 1404), 1, 2, 3176, 3177]:
        for m in range(1, 13):
            for d in range(1, 32):
                try:
                    want = jdatetime.date(y, m, d).togregorian()
                except ValueError:
                    continue
                assert gregorian(y, m, d) == want
                checked += 1
    assert checked > 13_000


def test_article_dates_nowruz_ordinal_equals_jdatetime_for_every_checked_year():
    from khabar_extract.article.dates import _LAST_CHECKED_YEAR, _nowruz_ordinal

    for y in range(1, _LAST_CHECKED_YEAR + 1):
        want = dt.date(*jdatetime.JalaliToGregorian(y, 1, 1).getGregorianList()).toordinal()
        assert _nowruz_ordinal(y) == want, y


def test_article_dates_reference_is_kept_plain_and_built_on_demand():
    # the article keeps the Jalali date as numbers; reference_date builds the jdatetime.date when asked
    article = read_article("۲۱ اسفند ۱۴۰۲، ۷:۵۷\nکد خبر: 1\n\nعنوان\n\nمتن.")
    assert article.reference_jalali == (1402, 12, 21)
    assert article.reference_date == jdatetime.date(1402, 12, 21)
    assert vars(article.reference_date) == vars(jdatetime.date(1402, 12, 21))


def test_article_dates_published_fields_are_publication_without_the_object():
    from khabar_extract.article.dates import published_fields

    for args in [(1402, 12, 21, 7, 57), (1399, 12, 30, None, None), (1401, 4, 1, 10, 5), (1402, 12, 30, None, None),
                 (1402, 13, 1, None, None), (1402, 1, 1, 24, 0), (9377, 12, 29, None, None), (0, 1, 1, None, None)]:
        pub = publication(*args)
        want = None if pub is None else (pub["published"], pub["published_jalali"])
        assert published_fields(*args) == want, args
