"""Golden cases of the resolvers alone: a candidate in, a value (or a rejection) out."""

from __future__ import annotations

from decimal import Decimal

import jdatetime
import pytest

from khabar_extract.facts import finders as F
from khabar_extract.facts import resolvers as R
from khabar_extract.normalize import normalize


def cand(text: str, which: int = 0) -> tuple[str, F.Candidate]:
    t = normalize(text).text
    c = F.classify_number(t, F.find_numbers(t)[which])
    assert c is not None
    return t, c


@pytest.mark.parametrize(
    "v,expected", [(5, 5), (Decimal("2.50"), 2.5), (Decimal("3.0"), 3), (10**18, 10**18), (Decimal("1E+18"), 10**18)]
)
def test_facts_json_number(v, expected):
    out = R.json_number(v)
    assert out == expected and type(out) is type(expected)


@pytest.mark.parametrize(
    "yy,ref,expected",
    [(99, None, 1399), (81, None, 1381), (2, None, 1402), (96, 1397, 1396), (20, 1381, 1320), (2, 1402, 1402),
     (99, 1402, 1399)],
)
def test_facts_full_year(yy, ref, expected):
    ctx = R.Context(ref_year=ref)
    assert R.full_year(yy, ctx) == expected


@pytest.mark.parametrize(
    "text,value,currency,amount,unit",
    [
        ("۲۵۰ میلیارد ریال", 250_000_000_000, "IRR", 250, "میلیارد ریال"),
        ("۲/۵ میلیارد تومان", 25_000_000_000, "IRR", 2.5, "میلیارد تومان"),
        ("۳۵ هزارتومانی", 350_000, "IRR", 35, "هزار تومانی"),
        ("۵ همت", 5 * 10**13, "IRR", 5, "همت"),
        ("$۵۰۰", 500, "USD", 500, "$"),
        ("۱۲ میلیون دلار آمریکا", 12_000_000, "USD", 12, "میلیون دلار"),
    ],
)
def test_facts_resolve_money(text, value, currency, amount, unit):
    _, c = cand(text)
    v, attrs = R.resolve_money(c)
    assert v == value and attrs["currency"] == currency and attrs["amount"] == amount
    assert attrs["unit"].replace("\N{ZERO WIDTH NON-JOINER}", " ") == unit


@pytest.mark.parametrize(
    "text,key",
    [
        ("۲۱ اسفند ۱۴۰۲", ("jalali", 1402, 12, 21)),
        ("۳۰ اسفند ۱۴۰۲", ("jalali", 1402, 12, 30)),
        ("سال ۹۶", ("jalali", 1396, None, None)),
        ("۲۰۱۶ میلادی", ("gregorian", 2016, None, None)),
        ("۱۴۴۵ هجری قمری", ("hijri", 1445, None, None)),
        ("۵ ژانویه ۲۰۲۰", ("gregorian", 2020, 1, 5)),
    ],
)
def test_facts_resolve_date(text, key):
    _, c = cand(text)
    _, attrs = R.resolve_date(c, R.Context())
    assert (attrs["calendar"], attrs["year"], attrs["month"], attrs["day"]) == key


@pytest.mark.parametrize("text", ["۳۲ اسفند", "۳۱ مهر", "۱۵ می", "۲۰ صفر", "۱۴۰۲/۱۳/۰۱", "۳۱/۰۲/۲۰۲۰"])
def test_facts_resolve_date_rejects_impossible_or_ambiguous(text):
    t = normalize(text).text
    for n in F.find_numbers(t):
        c = F.classify_number(t, n)
        assert c is None or c.kind != "date" or R.resolve_date(c, R.Context()) is None


def test_facts_resolve_date_iso_is_gregorian():
    _, c = cand("۱ فروردین ۱۴۰۳")
    value, attrs = R.resolve_date(c, R.Context())
    assert value == "1403-01-01" and attrs["iso"] == "2024-03-20"


def test_facts_context_from_reference_dates():
    assert R.Context.from_reference(jdatetime.date(1402, 12, 21)).ref_year == 1402
    import datetime

    assert R.Context.from_reference(datetime.date(2024, 3, 11)).ref_year == 1402
    with pytest.raises(TypeError):
        R.Context.from_reference("1402")


@pytest.mark.parametrize(
    "text,category",
    [("۱۰۰ واحد از این مسکن ها", "housing_unit"), ("۹۷۲ واحد پستی", None), ("۵ تن از مسئولان", "person"),
     ("۱۲ هزار تن کالا", "weight"), ("۳۰ خانوار", "household"),
     ("تاکنون ۱۷۰ تن پس از ابتلا به ویروس جان خود را از دست داده اند", "person"), ("۲۲ تن برنج کشف شد", "weight"),
     ("با ظرفيت 800 هزار تن از سوي بخش خصوصی", "weight"), ("۳۶ خانه بهداشت", None), ("ساخت ۲۰ خانه", "housing_unit")],
)
def test_facts_resolve_quantity_category(text, category):
    t, c = cand(text)
    _, attrs = R.resolve_quantity(c, t)
    assert attrs["category"] == category


@pytest.mark.parametrize("text", ["۰ نفر", "یک نفر"])
def test_facts_resolve_quantity_rejects_zero_and_indefinite_one(text):
    t, c = cand(text)
    assert R.resolve_quantity(c, t) is None


def test_facts_resolve_duration_and_time():
    _, c = cand("۶ ماه")
    assert R.resolve_duration(c) == (6, {"unit": "month", "unit_text": "ماه"})
    _, c = cand("ساعت ۱۹ و ۳۰ دقیقه")
    assert R.resolve_time(c) == ("19:30", {"hour": 19, "minute": 30})
    _, c = cand("ساعت دوازده و نیم")
    assert R.resolve_time(c)[0] == "12:30"
    c = F.Candidate("time", 0, 2, {"hour": 25, "minute": 0})
    assert R.resolve_time(c) is None


def test_facts_jalali_to_gregorian_equals_jdatetime():
    # the fast path (jdatetime's arithmetic without building a jdatetime.date) gives what jdatetime.date gives,
    # and raises where it raises, over a whole 33-year leap cycle, every month and day edge, and the year range
    import jdatetime

    from khabar_extract.facts.resolvers import jalali_to_gregorian

    years = [*range(1370, 1404), 1, 2, jdatetime.MAXYEAR - 1, jdatetime.MAXYEAR, jdatetime.MAXYEAR + 1, 0]
    checked = 0
    for y in years:
        for m in range(0, 14):
            for d in range(0, 33):
                try:
                    want = jdatetime.date(y, m, d).togregorian()
                except ValueError:
                    with pytest.raises(ValueError):
                        jalali_to_gregorian(y, m, d)
                    continue
                assert jalali_to_gregorian(y, m, d) == want
                checked += 1
    assert checked > 12_000
    assert jalali_to_gregorian(1402, 12, 21).isoformat() == "2024-03-11"
    assert jalali_to_gregorian(1399, 12, 30).isoformat() == "2021-03-20"  # Esfand 30 of a leap year


def test_facts_jalali_to_gregorian_fast_years_every_day():
    # the years converted by ordinal arithmetic (1300-1499): every day of them, and the day before and after,
    # gives the date jdatetime's own conversion gives
    import datetime

    import jdatetime

    from khabar_extract.facts import resolvers as R

    assert datetime.date(1600, 1, 1).toordinal() == R._ORDINAL_1600_01_01
    lo, hi = R._FAST_YEARS
    checked = 0
    for y in range(lo - 1, hi + 2):
        for m in range(1, 13):
            for d in range(1, R._JALALI_COMMON_DAYS[m - 1] + 1):
                want = datetime.date(*jdatetime.JalaliToGregorian(y, m, d).getGregorianList())
                assert R.jalali_to_gregorian(y, m, d) == want, (y, m, d)
                checked += 1
    assert checked == 365 * (hi - lo + 3)


def test_facts_day_context_equals_the_dataclass():
    from khabar_extract.facts import resolvers as R

    got = R._day_context.__wrapped__(1402, 12, 21)
    want = R.Context(ref_year=1402, ref_gregorian_year=2024, ref_date=R.JalaliDay(1402, 12, 21))
    assert got == want and hash(got) == hash(want) and vars(got) == vars(want)
    assert list(vars(got)) == ["ref_year", "ref_gregorian_year", "ref_date"]


def test_facts_gregorian_year_equals_the_conversion():
    # Context.from_reference reads only the Gregorian year: outside 10-13 Dey (where January 1 falls) it is
    # the Jalali year + 621 or + 622 without a conversion; the same year, and the same errors, as the conversion
    import datetime

    import jdatetime

    from khabar_extract.facts.resolvers import gregorian_year, jalali_to_gregorian

    # January 1 of every Gregorian year jdatetime reaches falls on 10-13 Dey
    for gy in range(623, 10_000, 1):
        j = jdatetime.date.fromgregorian(date=datetime.date(gy, 1, 1))
        assert (j.year, j.month) == (gy - 622, 10) and 10 <= j.day <= 13
    days = [(1, 1), (9, 30), (10, 1), *((10, d) for d in range(8, 16)), (10, 30), (11, 1), (12, 29), (12, 30)]
    for y in [*range(1, jdatetime.MAXYEAR + 1, 7), jdatetime.MAXYEAR]:
        for m, d in days:
            try:
                want = jalali_to_gregorian(y, m, d).year
            except ValueError:
                with pytest.raises(ValueError):
                    gregorian_year(y, m, d)
                continue
            assert gregorian_year(y, m, d) == want, (y, m, d)
    for bad in [(1402, 13, 1), (1402, 0, 5), (1402, 1, 32), (0, 1, 1), (jdatetime.MAXYEAR + 1, 1, 1)]:
        with pytest.raises(ValueError):
            gregorian_year(*bad)


def test_facts_shift_jalali_equals_jdatetime_arithmetic():
    # a relative day is the article's date plus an offset: the same day jdatetime's own "+ timedelta" gives,
    # across month, year and leap-year (Esfand 30) edges
    import datetime

    import jdatetime

    for y, m, d in [(1399, 12, 30), (1400, 1, 1), (1402, 12, 29), (1403, 12, 30), (1402, 6, 31), (1402, 7, 1)]:
        ref = jdatetime.date(y, m, d)
        for offset in (-400, -31, -2, -1, 0, 1, 2, 31, 366):
            want = ref + datetime.timedelta(days=offset)
            assert R._shift_jalali(y, m, d, offset) == (want.year, want.month, want.day)


def test_facts_relative_day_resolves_against_the_article_date():
    import jdatetime

    from khabar_extract.facts import extract_facts

    doc = normalize("دیروز و فردا")
    facts = [f.to_dict() for f in extract_facts(doc, reference_date=jdatetime.date(1403, 1, 1))]
    assert [(f["value"], f["iso"]) for f in facts] == [("1402-12-29", "2024-03-19"), ("1403-01-02", "2024-03-21")]


def test_facts_reference_date_as_jalali_tuple_equals_jdatetime():
    # the pipeline passes Article.reference_jalali, a plain (year, month, day): same facts as with the jdatetime.date
    from khabar_extract.facts import extract_facts

    assert R.Context.from_reference((1402, 12, 21)).ref_year == 1402
    assert R.Context.from_reference((1402, 12, 21)).ref_gregorian_year == 2024
    with pytest.raises(TypeError):
        R.Context.from_reference((1402, 12))
    doc = normalize("امسال و سال ۹۹ و دیروز و ماه آینده، ۲۱ اسفند و تیر ۰۱")
    for ref in [(1402, 12, 21), (1403, 1, 1), (1399, 12, 30)]:
        want = [f.to_dict() for f in extract_facts(doc, reference_date=jdatetime.date(*ref))]
        assert [f.to_dict() for f in extract_facts(doc, reference_date=ref)] == want
