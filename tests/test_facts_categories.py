"""Categories of counted nouns on real sentences (nouns.tsv): people counted by what they are or do."""

from __future__ import annotations

import pytest

import khabar_extract as kx

# Real sentences from raw/irnasrc_asriran_1_data_941.txt and raw/fars_14000316000019.txt (tests/fixtures/SOURCES.md).
CASES = [
    (
        "اس تئودور روزولت حدود پنج هزار خدمه دارد به مدت ۴۰ روز است که هیچ\N{ZERO WIDTH NON-JOINER}یک از خدمه آن"
        " به خشکی پا نگذاشته و هیچ فرد دیگری وارد این ناوهواپیمابر نشده است.",
        5000,
        "person",
    ),
    (
        "آمریکا نیز با بیش از ۵۸۷ هزار مبتلا و با ۲۳ هزار و ۶۴۴ جان باخته در صدر سایر کشورهای جهان قرار دارد.",
        23644,
        "person",
    ),
    (
        "با اشاره به اینکه حدود ۵۰۰ ناجی غریق، قایق\N{ZERO WIDTH NON-JOINER}ران و جت\N{ZERO WIDTH NON-JOINER}ران"
        " از روز ۱۳ خرداد در طول نوار ساحلی مازندران مستقر شدند",
        500,
        "person",
    ),
]


@pytest.mark.parametrize(("sentence", "value", "category"), CASES)
def test_facts_categories_people_by_role(sentence: str, value: int, category: str) -> None:
    quantities = [f for f in kx.extract(sentence).to_dict()["facts"] if f["kind"] == "quantity"]
    assert (value, category) in [(f["value"], f["category"]) for f in quantities]


def test_facts_categories_non_person_noun_stays_uncategorised() -> None:
    facts = kx.extract("این ناو ۹۰ هواپیما دارد.").to_dict()["facts"]
    assert [(f["value"], f["category"]) for f in facts if f["kind"] == "quantity"] == [(90, None)]


# "تن" is a person or a tonne: sentences of raw/irnasrc_asriran_1_data_202.txt, raw/fars_13990125000435.txt and
# raw/fars_13970419000195.txt (tests/fixtures/SOURCES.md)
TON_CASES = [
    (
        "شمار افرادی که تاکنون در چین بر اثر ابتلا به ویروس کرونا جان خود را از دست داده اند، به ۱۷۰ تن رسیده است.",
        170,
        "person",
    ),
    (
        "با افزایش شمار مبتلایان ویروس کرونا در آمریکا به ۵۶۰۴۳۳ نفر و تعداد جان باختگان به ۲۲۱۱۵ تن، رسانه‌های"
        " این کشور درباره وضعیت هشدار دادند.",
        22115,
        "person",
    ),
    (
        "اشتغال‌زایی مستقیم 150 نفر، ظرفیت تولید کلاف نورد گرم، ورق های فولادی و ورق آجدار از 750 هزار به یک میلیون"
        " و 600 هزار تن افزایش می‌یابد.",
        1600000,
        "weight",
    ),
    ("صادرات گندم به ۸۰۰ هزار تن رسید.", 800000, "weight"),
]


@pytest.mark.parametrize(("sentence", "value", "category"), TON_CASES)
def test_facts_categories_ton_is_people_or_weight_by_its_clause(sentence: str, value: int, category: str) -> None:
    quantities = [f for f in kx.extract(sentence).to_dict()["facts"] if f["kind"] == "quantity"]
    assert (value, category) in [(f["value"], f["category"]) for f in quantities]
