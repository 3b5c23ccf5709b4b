"""End-to-end golden cases of the facts stage: a real Persian phrase in, the facts out.

Phrases come from the shared corpus (dev and raw articles) or the issue text; each row says which facts
(kind, value and the kind's key fields) must come out.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import jdatetime
import pytest

import khabar_extract.facts as _facts_module
from khabar_extract.facts import Fact, extract_facts
from khabar_extract.normalize import normalize

_facts_module.STRICT = True  # surface any reading error instead of skipping the number

FIXTURES = Path(__file__).parent / "fixtures" / "facts"


def facts(text: str, **kw) -> list[dict]:
    doc = normalize(text)
    out = [f.to_dict() for f in extract_facts(doc, **kw)]
    for f in out:
        assert text[f["span"][0] : f["span"][1]] == f["text"]
    return out


def scored(text: str, **kw) -> list[tuple]:
    """The facts as the gold scores them: kind + value (+ currency / calendar, year, month, day)."""
    rows = []
    for f in facts(text, **kw):
        if f["kind"] == "money":
            rows.append(("money", f["value"], f["currency"]))
        elif f["kind"] == "date":
            rows.append(("date", f["calendar"], f["year"], f["month"], f["day"]))
        else:
            rows.append((f["kind"], f["value"]))
    return rows


MONEY = [
    ("اعتبار این صندوق ها در استان بالغ بر ۲۵۰ میلیارد ریال است", [("money", 250_000_000_000, "IRR")]),
    ("بودجه ۲/۵ میلیارد تومان است", [("money", 25_000_000_000, "IRR")]),
    ("وام ۲.۵ میلیون تومانی", [("money", 25_000_000, "IRR")]),
    ("وام ۲۰ میلیون تومانی پرداخت شد", [("money", 200_000_000, "IRR")]),
    ("۲ هزار و ۵۰۰ میلیارد ریال", [("money", 2_500_000_000_000, "IRR")]),
    ("۲۵ هزار و ۷۲۹ میلیون و ۸۰۰ هزار ریال", [("money", 25_729_800_000, "IRR")]),
    ("307 میلیارد و 468 میلیون ریال", [("money", 307_468_000_000, "IRR")]),
    ("هزار میلیارد ریال", [("money", 1_000_000_000_000, "IRR")]),
    ("۱۰ هزار میلیارد ریال بدهی", [("money", 10_000_000_000_000, "IRR")]),
    ("بودجه ۵۰ همت است", [("money", 500_000_000_000_000, "IRR")]),
    ("۸۷ میلیارد دلار", [("money", 87_000_000_000, "USD")]),
    ("۳۰۱ دلار", [("money", 301, "USD")]),
    ("۱۲ میلیون یورو", [("money", 12_000_000, "EUR")]),
    ("۵۰۰ درهم", [("money", 500, "AED")]),
    ("۲۰ هزار پوند", [("money", 20_000, "GBP")]),
    ("۳ میلیارد یوان", [("money", 3_000_000_000, "CNY")]),
    ("۱۰۰ روبل", [("money", 100, "RUB")]),
    ("۵۰ لیر", [("money", 50, "TRY")]),
    ("تسهیلات بین ۴۸ تا ۱۲۰ میلیون تومان", [("money", 480_000_000, "IRR"), ("money", 1_200_000_000, "IRR")]),
    ("بین ۲ تا ۳ میلیون تومان", [("money", 20_000_000, "IRR"), ("money", 30_000_000, "IRR")]),
    ("قیمت‌های 50 و 35 هزارتومانی میوه‌ها", [("money", 500_000, "IRR"), ("money", 350_000, "IRR")]),
    (
        "سال گذشته ۹۶ هزار میلیارد ریال هزینه‌ها بود که امسال به ۱۲۰ هزار میلیارد رسید",
        [("money", 96_000_000_000_000, "IRR"), ("money", 120_000_000_000_000, "IRR")],
    ),
    ("۹۶۴ هزار و ۸۵ دلار", [("money", 964_085, "USD")]),
    ("برچسب ۲۰۰ میلیون یورویی او", [("money", 200_000_000, "EUR")]),
    ("۱۲ میلیون دلاری", [("money", 12_000_000, "USD")]),
    ("قیمت ۵۰۰$ است", [("money", 500, "USD")]),
    ("با افت ۱۰ دلاری، یک هزار و۵۷۶ دلار معامله شد", [("money", 10, "USD"), ("money", 1576, "USD")]),
    ("بین ۱۰ تا ۲۰ € است", [("money", 10, "EUR"), ("money", 20, "EUR")]),
]


@pytest.mark.parametrize("text,expected", MONEY)
def test_facts_money(text, expected):
    got = [r for r in scored(text) if r[0] == "money"]
    assert got == expected


def test_facts_money_amount_and_unit_as_written():
    (f,) = facts("بودجه ۲.۵ میلیارد تومان است")
    assert (f["amount"], f["unit"], f["currency"], f["value"]) == (2.5, "میلیارد تومان", "IRR", 25_000_000_000)
    (f,) = facts("۲ هزار و ۵۰۰ میلیارد ریال")
    assert (f["amount"], f["unit"]) == (2500, "میلیارد ریال")


def test_facts_money_is_exact_up_to_10_to_18():
    (f,) = facts("۹۹۹ هزار و ۹۹۹ میلیارد و ۹۹۹ میلیون و ۹۹۹ هزار و ۹۹۹ همت")
    assert f["value"] == 999_999_999_999_999 * 10**13
    assert isinstance(f["value"], int)
    (f,) = facts("۹۹۹٬۹۹۹٬۹۹۹٬۹۹۹٬۹۹۹٬۹۹۹ ریال")
    assert f["value"] == 999_999_999_999_999_999


PERCENT = [
    ("۲۰ درصد", 20),
    ("بیست درصد", 20),
    ("نرخ ۱۲.۵ درصدی", 12.5),
    ("٪۲۰ رشد", 20),
    ("64/64 درصد آرا", 64.64),
    ("80 درصد از ضعف‌های اخلاقی", 80),
    ("رشد ۲۰ در صد", 20),
    ("منفی ۳ درصد", -3),
]


@pytest.mark.parametrize("text,value", PERCENT)
def test_facts_percent(text, value):
    assert scored(text) == [("percent", value)]


def test_facts_percent_range_gives_two_facts():
    assert scored("۱۰ تا ۱۵ درصد") == [("percent", 10), ("percent", 15)]
    assert scored("۱۰-۱۵ درصد") == [("percent", 10), ("percent", 15)]


QUANTITY = [
    ("زنجان - ایرنا - هزار و ۳۹۰ گروه جهادی در استان", 1390, "گروه", "group"),
    ("ما چهار قرارگاه داریم", 4, "قرارگاه", None),
    ("آبرسانی به ۵۷ روستا را انجام دادیم", 57, "روستا", "village"),
    ("عملیات آبرسانی به ۱۵۷ روستای دیگر", 157, "روستا", "village"),
    ("امسال در هفته بسیج ۱۰۰ واحد از این مسکن ها را در استان افتتاح کردیم", 100, "واحد", "housing_unit"),
    ("ساخت ۵۰۰ واحد مسکونی", 500, "واحد", "housing_unit"),
    ("ایجاد ۶۴۰ صندوق قرض الحسنه", 640, "صندوق", "fund"),
    ("دو تفاهم نامه بین بسیج سازندگی", 2, "تفاهم", None),
    ("یک هزار و 842 نفر", 1842, "نفر", "person"),
    ("2600 فرصت شغلی", 2600, "فرصت", "job"),
    ("887 شغل", 887, "شغل", "job"),
    ("873 طرح", 873, "طرح", "project"),
    ("79 پروژه", 79, "پروژه", "project"),
    ("هزار و 855 خانوار", 1855, "خانوار", "household"),
    ("۳۰۰ خانواده", 300, "خانواده", "household"),
    ("170 دانشجو", 170, "دانشجو", "person"),
    ("۵۴۹ راننده", 549, "راننده", "person"),
    ("سه ضامن", 3, "ضامن", "person"),
    ("۱۲ مدرسه", 12, "مدرسه", "school"),
    ("۳۰۰ هکتار", 300, "هکتار", "area"),
    ("8 هزار و 850 مترمربع", 8850, "مترمربع", "area"),
    ("۴۵ کیلومتر", 45, "کیلومتر", "length"),
    ("در ۹۰ کیلومتری مرکز استان", 90, "کیلومتر", "length"),
    ("انباشت ۵۰ سانتی‌متری برف", 50, "سانتی\N{ZERO WIDTH NON-JOINER}متر", "length"),
    ("۱۲ هزار تن کالا", 12000, "تن", "weight"),
    ("۵ تن از مسئولان", 5, "تن", "person"),
    ("۲۰۰ کیلوگرم", 200, "کیلوگرم", "weight"),
    ("۵۰ مگاوات", 50, "مگاوات", "power"),
    ("۳۱ هزار لیتر نفت سفید", 31000, "لیتر", "volume"),
    ("۱۵ میلیون متر مکعب", 15_000_000, "متر", "volume"),
    ("کمیسیون هفت‌نفره", 7, "نفر", "person"),
    ("هم اینک ۷گروه راهداری", 7, "گروه", "group"),
    ("22.8 مرسوله", 22.8, "مرسوله", None),
    ("بيش از 12هزار و514 تن كالا", 12514, "تن", "weight"),
    ("بارش نیم متر برف", 0.5, "متر", "length"),
    ("سه هزار و ۵۶۱ هزار راننده", 3_561_000, "راننده", "person"),
    ("137 هزار  و 9 صندوق", 137_009, "صندوق", "fund"),
    ("۲۴۳ دستگاه اتوبوس", 243, "دستگاه", None),
    ("پنج میلیون نفری استان", 5_000_000, "نفر", "person"),
    ("۳ اخطاره بودن", 3, "اخطار", None),
    ("۵۰ نونهال باستانی‌کار", 50, "نونهال", "person"),
    ("بیمارستان 162 تختخوابی از پیشرفت", 162, "تختخواب", None),
    ("از دقیقه 80، 10 نفره به بازی پرداخت", 10, "نفر", "person"),
    ("قرار بوده با ساخت این بیمارستان 320 نفر در آن مشغول به کار شوند", 320, "نفر", "person"),
    ("در این منطقه ۵۰ خانوار زندگی می‌کنند", 50, "خانوار", "household"),
]


@pytest.mark.parametrize("text,value,noun,category", QUANTITY)
def test_facts_quantity(text, value, noun, category):
    qs = [f for f in facts(text) if f["kind"] == "quantity"]
    assert len(qs) == 1, qs
    (q,) = qs
    assert (q["value"], q["noun"], q["category"]) == (value, noun, category)


def test_facts_quantity_shared_noun():
    assert scored("ظرفیت‌های 94 و 67 تن تولید") == [("quantity", 94), ("quantity", 67)]


def test_facts_quantity_noun_phrase_and_qualifier():
    (q,) = facts("حدود ۵۰ گروه جهادی فعال هستند")
    assert q["noun_phrase"] == "گروه جهادی" and q["qualifier"] == "حدود"
    (q,) = facts("بیش از ۱۰۰ روستای این شهرستان")
    assert q["qualifier"] == "بیش از" and q["noun"] == "روستا"
    (q,) = facts("کمتر از ۲۰ نفر")
    assert q["qualifier"] == "کمتر از"


def test_facts_quantity_housing_unit_needs_dwelling_context():
    assert facts("۹۷۲ واحد پستی")[0]["category"] is None
    assert facts("دو واحد گلخانه هیدروپونیک")[0]["category"] is None


DATES = [
    ("۲۱ اسفند ۱۴۰۲، ۷:۵۷", ("jalali", 1402, 12, 21), "2024-03-11"),
    ("بیست و یکم اسفند ماه ۱۴۰۲", ("jalali", 1402, 12, 21), "2024-03-11"),
    ("این طرح از سال ۱۳۹۷ آغاز شده", ("jalali", 1397, None, None), None),
    ("۱۴۰۲/۱۲/۲۱", ("jalali", 1402, 12, 21), "2024-03-11"),
    ("يكشنبه 24/10/1385", ("jalali", 1385, 10, 24), "2007-01-14"),
    ("شنبه شانزدهم آذرماه", ("jalali", None, 9, 16), None),
    ("از اول آبان ماه", ("jalali", None, 8, 1), None),
    ("۱۴ فروردین", ("jalali", None, 1, 14), None),
    ("20 فروردین‌ماه", ("jalali", None, 1, 20), None),
    ("اواخر شهریور ۱۳۹۸", ("jalali", 1398, 6, None), None),
    ("فروردین‌ماه سال 96", ("jalali", 1396, 1, None), None),
    ("متولد ۱۳۴۰ هجری شمسی", ("jalali", 1340, None, None), None),
    ("در سال ۹۹", ("jalali", 1399, None, None), None),
    ("سال 81", ("jalali", 1381, None, None), None),
    ("آذر ۹۹", ("jalali", 1399, 9, None), None),
    ("سال ۲۰۱۹", ("gregorian", 2019, None, None), None),
    ("۲۰۱۹ میلادی", ("gregorian", 2019, None, None), None),
    ("المپیک 2016 برزیل", ("gregorian", 2016, None, None), None),
    ("۲۹ نوامبر ۲۰۱۸", ("gregorian", 2018, 11, 29), "2018-11-29"),
    ("۱۰ محرم ۱۴۴۵", ("hijri", 1445, 1, 10), "2023-07-28"),
    ("۱۵ رمضان", ("hijri", None, 9, 15), None),
    ("هفت مهر", ("jalali", None, 7, 7), None),
    ("۹/۱۱/۱۳۵۸", ("jalali", 1358, 11, 9), "1980-01-29"),
    ("از ماه مارس (اسفند ۹۸) آغاز شد", ("jalali", 1398, 12, None), None),
    ("۱۴۴۵ ه.ق", ("hijri", 1445, None, None), None),
    ("۲۱ ماه مبارک رمضان", ("hijri", None, 9, 21), None),
    ("بخشنامه مورخ ۹۹/۱۰/۲۴ ابلاغ شد", ("jalali", 1399, 10, 24), "2021-01-13"),
    ("2020-03-11", ("gregorian", 2020, 3, 11), "2020-03-11"),
]


@pytest.mark.parametrize("text,key,iso", DATES)
def test_facts_date(text, key, iso):
    ds = [f for f in facts(text) if f["kind"] == "date"]
    assert len(ds) == 1, ds
    (d,) = ds
    assert (d["calendar"], d["year"], d["month"], d["day"]) == key
    assert d["iso"] == iso
    assert d["relative"] is False


def test_facts_comma_lists_share_the_last_unit():
    assert scored("در روزهاي 21، 23 و 25 فروردين") == [("date", "jalali", None, 1, d) for d in (21, 23, 25)]
    assert scored("۱۰، ۲۰ و ۳۰ درصد") == [("percent", 10), ("percent", 20), ("percent", 30)]
    assert scored("در سال ۹۵، ۱۲ نفر") == [("date", "jalali", 1395, None, None), ("quantity", 12)]


def test_facts_date_pair_shares_month():
    assert scored("(٢٢و٢٣ خرداد) شروع می‌شود") == [("date", "jalali", None, 3, 22), ("date", "jalali", None, 3, 23)]
    assert scored("از ۲۰ تا ۲۵ اسفند ۱۴۰۲") == [("date", "jalali", 1402, 12, 20), ("date", "jalali", 1402, 12, 25)]


def test_facts_date_two_digit_year_follows_the_article_era():
    ref = jdatetime.date(1381, 5, 1)
    assert scored("سال ۲۰", reference_date=ref) == [("date", "jalali", 1320, None, None)]
    assert scored("سال ۸۰", reference_date=ref) == [("date", "jalali", 1380, None, None)]
    assert scored("سال ۰۲", reference_date=jdatetime.date(1402, 1, 1)) == [("date", "jalali", 1402, None, None)]


@pytest.mark.parametrize(
    "text,offset", [("امسال", 0), ("سال آینده", 1), ("سال گذشته", -1), ("پارسال", -1), ("سال جاری", 0)]
)
def test_facts_relative_dates(text, offset):
    (d,) = facts(f"در {text} کار تمام شد")
    assert d["relative"] is True and d["offset"] == offset and d["year"] is None
    (d,) = facts(f"در {text} کار تمام شد", reference_date=jdatetime.date(1402, 12, 21))
    assert d["year"] == 1402 + offset
    (d,) = facts(f"در {text} کار تمام شد", reference_date=datetime.date(2024, 3, 11))
    assert d["year"] == 1402 + offset


OTHER_KINDS = [
    ("بعد از ۱۰ سال", "duration", 10),
    ("۶ ماه", "duration", 6),
    ("مرد ۳۵ ساله", "duration", 35),
    ("زیر 23 سال", "duration", 23),
    ("ساعت ۱۹", "time", "19:00"),
    ("ساعت ۱۹ و ۳۰ دقیقه", "time", "19:30"),
    ("۷:۵۷", "time", "07:57"),
    ("ساعت ۸ صبح", "time", "08:00"),
    ("دومین مورد", "ordinal", 2),
    ("هفته بیست و هفتم", "ordinal", 27),
    ("دهه سوم خرداد", "ordinal", 3),
]


@pytest.mark.parametrize("text,kind,value", OTHER_KINDS)
def test_facts_other_kinds_are_never_quantities_or_dates(text, kind, value):
    got = facts(text)
    assert [(f["kind"], f["value"]) for f in got] == [(kind, value)]


def test_facts_seed_article_yields_the_issue_facts():
    text = (FIXTURES / "irna_85414319.txt").read_text(encoding="utf-8")
    got = facts(text)
    q = [(f["value"], f["noun"], f["category"]) for f in got if f["kind"] == "quantity"]
    assert q.count((1390, "گروه", "group")) == 2
    for row in [(4, "قرارگاه", None), (57, "روستا", "village"), (157, "روستا", "village"), (90, "روستا", "village"),
                (100, "واحد", "housing_unit"), (640, "صندوق", "fund"), (2, "تفاهم", None)]:
        assert row in q
    assert ("money", 250_000_000_000, "IRR") in scored(text)
    dates = [f for f in got if f["kind"] == "date" and not f["relative"]]
    assert [(d["year"], d["month"], d["day"], d["iso"]) for d in dates] == [(1402, 12, 21, "2024-03-11"), (1397, None, None, None)]
    # page chrome and codes are not facts
    assert not any(f["value"] in (0, 939, 85414319) for f in got)


def test_facts_table_rows_give_no_facts():
    text = (FIXTURES / "fars_8510240500.txt").read_text(encoding="utf-8")
    assert [f for f in scored(text) if f[0] != "date"] == []


def test_facts_extract_facts_rejects_a_plain_string():
    with pytest.raises(TypeError, match="normalize"):
        extract_facts("۲۰ درصد")  # type: ignore[arg-type]


def test_facts_fact_to_dict_is_json_ready():
    import json

    (f,) = extract_facts(normalize("۲.۵ میلیون تومان"))
    assert isinstance(f, Fact)
    d = f.to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert d["span"] == [0, 16] and d["value"] == 25_000_000
