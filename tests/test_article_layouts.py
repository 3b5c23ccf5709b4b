"""Layout profiles are data: every shipped one validates, bad ones fail with a clear message, and a new
agency's chrome works by writing a profile, without touching code."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from khabar_extract.article import read_article
from khabar_extract.article.layouts import LayoutError, load_layouts, parse_layout


def _shipped() -> dict[str, dict]:
    folder = resources.files("khabar_extract").joinpath("data", "layouts")
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.name.endswith(".json")}


def test_article_layouts_shipped_profiles_validate():
    layouts = load_layouts()
    names = [lay.name for lay in layouts]
    assert {"irna_page", "fars", "plain"} <= set(names)
    assert names[-1] == "plain"  # the fallback is tried last
    for name, data in _shipped().items():
        assert data["description"].strip(), name
        assert parse_layout(data, name).name == name[: -len(".json")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("chrome"), "missing field 'chrome'"),
        (lambda d: d.update(chrome=["^(unclosed$"]), "bad regex"),
        (lambda d: d.update(colour="red"), "unknown field"),
        (lambda d: d.update(priority="high"), "wrong type"),
        (lambda d: d.update(datelines=["^(?P<city>\\S+) - "]), "named groups"),
        (lambda d: d["header"].update(news_id="^کد خبر: \\d+$"), "named groups"),
        (lambda d: d["header"].update(weather="^هوا$"), "unknown header field"),
        (lambda d: d.update(url_template="https://example.invalid/"), "{news_id}"),
    ],
)
def test_article_layouts_bad_profile_is_rejected_with_a_clear_message(change, message):
    data = copy.deepcopy(_shipped()["irna_page.json"])
    change(data)
    with pytest.raises(LayoutError, match="bad.json") as info:
        parse_layout(data, "bad.json")
    assert message in str(info.value)


def test_article_layouts_new_agency_chrome_is_a_data_change():
    # An ISNA-style page: the same article text with another agency's furniture around it.
    text = (
        "کد خبر: 1402122115\n"
        "۲۱ اسفند ۱۴۰۲ - ۰۷:۵۷\n"
        "اشتراک گذاری\n\n"
        "گروههای جهادی، بازوی فعال محرومیت زدایی در استان زنجان\n\n"
        "زنجان - ایسنا - هزار و ۳۹۰ گروه جهادی در استان زنجان فعالیت دارند.\n\n"
        "امسال در هفته بسیج ۱۰۰ واحد از این مسکن ها را در استان افتتاح کردیم.\n\n"
        "انتهای پیام\n"
        "دیدگاه تازه\n"
    )
    data = copy.deepcopy(_shipped()["irna_page.json"])
    data.update(
        name="isna_page",
        agency="ایسنا",
        url_template="https://www.isna.ir/news/{news_id}",
        detect=["^کد خبر\\s*:\\s*\\d+$"],
        chrome=["^اشتراک گذاری$", "^انتهای پیام$", "^دیدگاه تازه$"],
        footer_start=["^انتهای پیام$"],
        datelines=["^(?P<city>[^-]+?)\\s*-\\s*(?P<agency>ایسنا)\\s*-\\s*"],
    )
    data["header"]["published"] = (
        "^(?P<day>\\d{1,2})\\s+(?P<month>{MONTH})\\s+(?P<year>\\d{4})\\s*-\\s*(?P<hour>\\d{1,2}):(?P<minute>\\d{2})$"
    )
    article = read_article(text, layout=parse_layout(data, "isna_page.json"))
    assert article.meta["url"] == "https://www.isna.ir/news/1402122115"
    assert article.meta["published"] == "2024-03-11T07:57:00+03:30"
    assert article.meta["dateline"] == {"city": "زنجان", "agency": "ایسنا"}
    chrome = [text[s["span"][0]:s["span"][1]] for s in article.segments if s["kind"] == "chrome"]
    assert chrome == ["اشتراک گذاری", "انتهای پیام", "دیدگاه تازه"]


def test_article_layouts_detected_from_the_text():
    assert read_article("کد خبر: 85414319\nعنوان\n\nمتن.").layout == "irna_page"
    assert read_article("عنوان\n\nخبرگزاري فارس: متن خبر.\n").layout == "fars"
    assert read_article("عنوان\n\nمتن خبر.\n").layout == "plain"


def test_article_layouts_plain_page_with_a_date_line():
    article = read_article("۲۱ اسفند ۱۴۰۲، ۷:۵۷\n\nعنوان خبر\n\nتهران- ایرنا- متن لید.")
    assert article.layout == "plain"
    assert article.meta["title"] == "عنوان خبر"
    assert article.meta["published"] == "2024-03-11T07:57:00+03:30"
    assert article.meta["dateline"] == {"city": "تهران", "agency": "ایرنا"}
    assert article.meta["url"] is None  # no news code, no url


def test_article_layouts_footer_with_or_without_a_chrome_pattern_of_its_own():
    text = (
        "کد خبر: 1402122115\n"
        "گروههای جهادی، بازوی فعال محرومیت زدایی در استان زنجان\n\n"
        "زنجان - ایسنا - هزار و ۳۹۰ گروه جهادی در استان زنجان فعالیت دارند.\n\n"
        "اخبار مرتبط\n"
        "امسال در هفته بسیج ۱۰۰ واحد از این مسکن ها را در استان افتتاح کردیم.\n"
    )
    data = copy.deepcopy(_shipped()["irna_page.json"])
    data.update(name="footer_test", chrome=["^کپی شد$"], footer_start=["^اخبار مرتبط$"])
    alone = parse_layout(data, "footer_test.json")
    data["chrome"].append("^اخبار مرتبط$")
    also_chrome = parse_layout(data, "footer_test.json")
    assert (alone.footer_in_chrome, also_chrome.footer_in_chrome) == (False, True)
    for layout in (alone, also_chrome):
        kinds = [s["kind"] for s in read_article(text, layout=layout).segments if "parent" not in s]
        assert kinds == ["header", "title", "lead", "chrome", "chrome"]
    # a header line (matched before chrome) that is also a footer line still starts the footer
    data["footer_start"] = data["chrome"] = ["^کد خبر\\s*:\\s*\\d+$"]
    article = read_article("عنوان\n\nکد خبر: 1402122115\nمتن خبر.\n", layout=parse_layout(data, "footer_test.json"))
    assert [s["kind"] for s in article.segments if "parent" not in s] == ["title", "chrome", "chrome"]
