"""A number inside the date or clock time just before it is read only when needed, with the same facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import khabar_extract.facts as FA
from khabar_extract.facts import extract_facts
from khabar_extract.normalize import normalize

_FIXTURES = Path(__file__).parent / "fixtures"

#: Real lines (the corpus's raw and dev articles), each with a number inside the date or time before it.
_LINES = [
    "۲۱ اسفند ۱۴۰۲، ۷:۵۷\nکد خبرنگار: ۹۳۹",  # the dateline of irna_85414319
    "نمایش حکایت مروارید از ساعت ۱۸ و ۳۰ دقیقه امروز به نویسندگی مجید اوجی",
    "این خبر اظهار کرد: ساعت ۱۹ و ۳۰ دقیقه جمعه خبر فوت مجید اوجی",
    "تاریخ پنجم مرداد ۱۳۹۰ زده شد تا خوابگاه تربیت بدنی",
    "از هشتم بهمن الی ۳۰ فروردین ۹۱ ادامه خواهد داشت.",
    "تا پایان سوم فروردین ۹۵، ۲ میلیون و ۶۱ هزار و ۹۶۵ نفر",
]
#: The same shapes where the date claims nothing (Esfand 1402 has 29 days), the next number may share with the
#: year, or a large bare amount looks for a currency to borrow.
_MADE = [
    "۳۱ اسفند ۱۴۰۲، ۷:۵۷",
    "۳۱ اسفند ۱۴۰۲ و ۱۴۰۳ میلیون تومان",
    "پنج شنبه ۲۱ اسفند ۱۴۰۲ و ۴۰ درصد",
    "۲۱ اسفند ۱۴۰۲ تا ۱۴۰۳ و ۲۰ نفر",
    "بودجه ۲۱ اسفند ۱۴۰۲ به ۱۲۰ هزار میلیارد رسید و ۵۰ میلیون تومان",  # a large bare amount borrows a currency
]


def _texts() -> list[str]:
    files = sorted((_FIXTURES / "facts").glob("*.txt")) + sorted((_FIXTURES / "articles").glob("*.txt"))
    cases = json.loads((_FIXTURES / "facts" / "real_sentences.json").read_text(encoding="utf-8"))["cases"]
    return [p.read_text(encoding="utf-8") for p in files] + [c["text"] for c in cases.values()] + _LINES + _MADE


def _facts(raw: str) -> list[dict]:
    return [f.to_dict() for f in extract_facts(normalize(raw), reference_date=(1402, 12, 21))]


def test_facts_later_numbers_give_what_reading_every_number_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    later = []
    real_later = FA._later

    def counting(prev, n):  # noqa: ANN001, ANN202
        hit = real_later(prev, n)
        later.append(hit)
        return hit

    monkeypatch.setattr(FA, "_later", counting)
    fast = [_facts(t) for t in texts]
    assert sum(later) >= 10  # the path is taken (datelines, clock times)
    monkeypatch.setattr(FA, "_later", lambda prev, n: False)
    assert fast == [_facts(t) for t in texts]


def test_facts_later_numbers_dateline_year_stays_inside_the_date() -> None:
    facts = _facts("۲۱ اسفند ۱۴۰۲، ۷:۵۷")
    assert [(f["kind"], f["text"]) for f in facts] == [("date", "۲۱ اسفند ۱۴۰۲"), ("time", "۷:۵۷")]


def test_facts_later_numbers_read_when_the_date_claims_nothing() -> None:
    # no 31 Esfand in 1402: the year is read on its own, a month and year
    facts = _facts("۳۱ اسفند ۱۴۰۲، ۷:۵۷")
    assert [(f["kind"], f["text"], f["value"]) for f in facts] == [
        ("date", "اسفند ۱۴۰۲", "1402-12"), ("time", "۷:۵۷", "07:57")]
