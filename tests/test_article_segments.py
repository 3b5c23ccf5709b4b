"""Segmentation of plain articles: titles, datelines, leads, sentence-per-line bodies, coverage, input forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar_extract.article import read_article
from khabar_extract.normalize import normalize

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
ALL = sorted(FIXTURES.glob("*.txt"))


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _top(article):
    return sorted((s for s in article.segments if "parent" not in s), key=lambda s: s["span"][0])


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_article_segments_cover_every_non_blank_character_once(path):
    text = path.read_text(encoding="utf-8")
    article = read_article(text)
    covered = bytearray(len(text))
    prev = 0
    for s in _top(article):
        a, b = s["span"]
        assert prev <= a < b <= len(text)
        prev = b
        covered[a:b] = b"\x01" * (b - a)
        assert not text[a].isspace() and not text[b - 1].isspace()
    assert [i for i, c in enumerate(text) if not c.isspace() and not covered[i]] == []
    # sentences lie inside their paragraph and are numbered in order
    sentences = [s for s in article.segments if s["kind"] == "sentence"]
    assert [s["index"] for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        pa, pb = article.paragraphs[s["paragraph"]]
        assert pa <= s["span"][0] < s["span"][1] <= pb


def test_article_segments_fars_title_dateline_lead():
    text = _read("fars_8406280268.txt")
    article = read_article(text)
    assert article.layout == "fars"
    assert article.meta["title"] == text.split("\n")[0]
    assert article.meta["dateline"] == {"city": None, "agency": "فارس"}
    assert article.meta["lead"].startswith("خبرگزاري فارس: يك عضو هيات علمي")
    dl = next(s for s in article.segments if s["kind"] == "dateline")
    assert text[dl["span"][0]:dl["span"][1]] == "خبرگزاري فارس:"
    assert article.interview is None
    assert article.meta["published"] is None and article.reference_date is None and article.meta["url"] is None


def test_article_segments_dateline_alone_on_its_line_or_block():
    for name in ("fars_8201230068.txt", "fars_8803230471.txt"):
        text = _read(name)
        article = read_article(text)
        dl = next(s for s in article.segments if s["kind"] == "dateline")
        assert "parent" not in dl  # a top-level segment of its own
        assert text[dl["span"][0]:dl["span"][1]] in ("خبرگزراي فارس:", "خبرگزاري فارس:")
        lead = next(s for s in article.segments if s["kind"] == "lead")
        assert lead["span"][0] > dl["span"][1]  # the lead is the next paragraph
        assert article.meta["dateline"]["agency"] == "فارس"
    assert read_article(_read("fars_8201230068.txt")).meta["lead"].startswith("نيروهاي امريكايي امروز")
    # fars_8803230471 repeats the dateline at the head of the lead: nested there too
    article = read_article(_read("fars_8803230471.txt"))
    nested = [s for s in article.segments if s["kind"] == "dateline" and "parent" in s]
    assert len(nested) == 1 and article.segments[nested[0]["parent"]]["kind"] == "lead"
    crossheads = [s for s in read_article(_read("fars_8803230471.txt")).segments if s["kind"] == "crosshead"]
    assert len(crossheads) >= 5


def test_article_segments_sentence_per_line_body():
    text = _read("irnasrc_asriran_2_data_163.txt")
    article = read_article(text)
    lines = [ln.strip().strip("\N{ZERO WIDTH SPACE}") for ln in text.split("\n") if ln.strip()]
    assert article.meta["title"] == lines[0]
    assert article.meta["lead"] == lines[1]  # the first line of the body block, not the whole block
    paras = [text[a:b] for a, b in article.paragraphs]
    assert len(paras) == len(lines)
    assert [text[a:b] for a, b in article.sentences] == lines


def test_article_segments_not_interviews():
    for name in ("fars_13920114000511.txt", "varzesh3_1412843.txt", "fars_8803230471.txt", "fars_8406280268.txt"):
        assert read_article(_read(name)).interview is None, name


def test_article_segments_take_str_in_any_input_form():
    text = _read("irna_85414319.txt")
    base = read_article(text)
    # CRLF line ends and a BOM left by a decoder: same structure, spans still exact
    crlf = "\ufeff" + text.replace("\n", "\r\n")
    other = read_article(crlf)
    assert other.meta == base.meta
    assert [t["question"] for t in other.interview["turns"]] == [t["question"] for t in base.interview["turns"]]
    for t in other.interview["turns"]:
        assert crlf[t["question_span"][0]:t["question_span"][1]] == t["question"]
    # the normaliser's view may be passed along; spans stay in the original
    assert read_article(text, normalize(text)).segments == base.segments
    # Arabic ي/ك and Arabic-Indic digits read like their Persian forms
    arabic = text.replace("ی", "ي").replace("ک", "ك").replace("۲۱ اسفند ۱۴۰۲", "٢١ اسفند ١٤٠٢")
    assert read_article(arabic).meta["published"] == "2024-03-11T07:57:00+03:30"
    assert len(read_article(arabic).interview["turns"]) == 5
    with pytest.raises(TypeError, match="decode"):
        read_article(text.encode("utf-8"))


@pytest.mark.parametrize("text", ["", "   \n\n  ", "فقط یک خط", "عنوان\n\nمتن کوتاه."])
def test_article_segments_tiny_inputs_never_raise(text):
    article = read_article(text)
    assert article.interview is None
    assert article.locate(0, 1) is not None


def test_article_segments_first_line_ending_in_full_stop_is_a_lead_not_a_title():
    # The source stored this article without its title: its first line is the lead sentence.
    text = _read("irnasrc_sobhane2_25_head.txt")
    article = read_article(text)
    assert article.meta["title"] is None
    assert article.meta["lead"].startswith("دستگیری سارقان سرقت نافرجام")
    assert [s["kind"] for s in _top(article)][0] == "lead"


def test_article_segments_a_body_on_one_line_has_no_title():
    # A scraped record whose text is one paragraph (a JSON Lines body): the dateline opens the lead.
    text = "زنجان - ایرنا - هزار و ۳۹۰ گروه جهادی در ۵۷ روستای استان زنجان فعالیت می‌کنند"
    article = read_article(text)
    assert article.meta["title"] is None
    assert article.meta["dateline"] == {"city": "زنجان", "agency": "ایرنا"}


def test_article_segments_title_that_opens_with_a_dateline_is_the_lead():
    text = "زنجان - ایرنا - هزار و ۳۹۰ گروه جهادی در روستاها فعالند\n\nبسیج سازندگی امسال ۵۷ روستا را پوشش داد."
    article = read_article(text)
    assert article.meta["title"] is None
    assert article.meta["dateline"]["city"] == "زنجان"
