"""The seed irna.ir page: metadata, chrome, captions, interview turns, coverage and locate."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar_extract.article import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEED = (FIXTURES / "irna_85414319.txt").read_text(encoding="utf-8")
TITLE = "گروههای جهادی، بازوی فعال محرومیت زدایی در استان زنجان"
CHROME = ["T T", "۰ نفر", "برچسبها", "اخبار مرتبط", "نظر شما", "شما در حال پاسخ به نظر «» هستید.", "captcha"]
BODY_KINDS = {"lead", "paragraph", "question", "answer", "crosshead"}


@pytest.fixture(scope="module")
def seed():
    return read_article(SEED)


def test_article_seed_metadata_exact(seed):
    lead = next(p for p in SEED.split("\n\n") if p.startswith("زنجان - ایرنا -"))
    assert seed.meta == {
        "title": TITLE,
        "published": "2024-03-11T07:57:00+03:30",
        "published_jalali": "1402-12-21T07:57",
        "news_id": "85414319",
        "reporter_code": "939",
        "url": "https://www.irna.ir/news/85414319",
        "dateline": {"city": "زنجان", "agency": "ایرنا"},
        "lead": lead,
    }
    assert seed.layout == "irna_page"
    assert (seed.reference_date.year, seed.reference_date.month, seed.reference_date.day) == (1402, 12, 21)


def test_article_seed_five_turns_are_the_irna_paragraphs(seed):
    paragraphs = [p for p in SEED.split("\n\n") if p.startswith("ایرنا. ")]
    assert len(paragraphs) == 5
    turns = seed.interview["turns"]
    assert [t["question"] for t in turns] == [p[len("ایرنا. "):] for p in paragraphs]
    for t in turns:
        qs, qe = t["question_span"]
        assert SEED[qs:qe] == t["question"]
        a_s, a_e = t["answer_span"]
        assert SEED[a_s:a_e] == t["answer"]
        assert "ایرنا." not in t["answer"] and TITLE not in t["answer"].split("\n")[0]
    assert turns[0]["answer"].startswith("هزار و ۳۹۰ گروه جهادی در استان فعال هستند.")
    assert turns[-1]["answer"].endswith("جلوگیری از قطعی برق در زمان بحران است.")
    assert seed.interview["interviewer"] == "ایرنا"
    assert seed.interview["interviewee"] == {
        "name": "اقبال جهانبخشی",
        "title": "سرهنگ پاسدار",
        "role": "مسئول بسیج سازندگی سپاه انصارالمهدی (ع) استان زنجان",
    }


def test_article_seed_chrome_and_captions_kept_out_of_the_body(seed):
    top = [s for s in seed.segments if "parent" not in s]
    body_text = [SEED[s["span"][0]:s["span"][1]] for s in top if s["kind"] in BODY_KINDS]
    for chrome in CHROME:
        assert all(chrome not in b for b in body_text), chrome
        assert any(s["kind"] == "chrome" and SEED[s["span"][0]:s["span"][1]] == chrome for s in top), chrome
    assert all(b != TITLE for b in body_text)
    captions = [s for s in top if s["kind"] == "caption"]
    assert len(captions) == 3 and all(SEED[s["span"][0]:s["span"][1]] == TITLE for s in captions)
    headers = {s["field"]: SEED[s["span"][0]:s["span"][1]] for s in top if s["kind"] == "header"}
    assert headers == {"published": "۲۱ اسفند ۱۴۰۲، ۷:۵۷", "reporter_code": "کد خبرنگار: 939",
                       "news_id": "کد خبر: 85414319"}
    dateline = next(s for s in seed.segments if s["kind"] == "dateline")
    assert SEED[dateline["span"][0]:dateline["span"][1]] == "زنجان - ایرنا -"


def test_article_seed_top_level_segments_tile_the_text(seed):
    top = sorted((s for s in seed.segments if "parent" not in s), key=lambda s: s["span"][0])
    covered = [False] * len(SEED)
    prev_end = 0
    for s in top:
        a, b = s["span"]
        assert prev_end <= a < b, s  # disjoint, in order
        prev_end = b
        for i in range(a, b):
            covered[i] = True
    missing = [i for i, c in enumerate(SEED) if not c.isspace() and not covered[i]]
    assert missing == []
    for s in seed.segments:
        if "parent" in s:
            pa, pb = seed.segments[s["parent"]]["span"]
            assert pa <= s["span"][0] < s["span"][1] <= pb


def test_article_seed_locate_links_a_fact_to_paragraph_sentence_and_turn(seed):
    start = SEED.index("۲۵۰ میلیارد ریال")
    where = seed.locate(start, start + len("۲۵۰ میلیارد ریال"))
    assert where["turn"] == 3
    para = seed.paragraphs[where["paragraph"]]
    assert SEED[para[0]:para[1]].startswith("این طرح از سال ۱۳۹۷ آغاز شده")
    sent = seed.sentences[where["sentence"]]
    assert SEED[sent[0]:sent[1]] == "این طرح از سال ۱۳۹۷ آغاز شده و اکنون اعتبار این صندوق ها در استان بالغ بر ۲۵۰ میلیارد ریال است."
    head = seed.locate(0, 5)  # the header date: no paragraph, no turn
    assert head == {"paragraph": None, "sentence": None, "turn": None}
    lead = SEED.index("هزار و ۳۹۰ گروه جهادی در استان زنجان")
    assert seed.locate(lead, lead + 5) == {"paragraph": 1, "sentence": 1, "turn": None}
    assert seed.locate(len(SEED) - 3, len(SEED)) == {"paragraph": None, "sentence": None, "turn": None}


def test_article_seed_pipeline_links_every_fact():
    from khabar_extract import extract

    record = extract(SEED).to_dict()
    money = next(f for f in record["facts"] if f["kind"] == "money")
    assert (money["paragraph"] is not None, money["sentence"] is not None, money["turn"]) == (True, True, 3)
    assert record["article"]["news_id"] == "85414319"
    assert len(record["interview"]["turns"]) == 5
    for f in record["facts"]:
        assert {"paragraph", "sentence", "turn"} <= set(f)
