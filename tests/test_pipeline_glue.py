"""The pipeline's glue around the three stages: fact ids, location of facts, chrome filtering (seed page)."""

from __future__ import annotations

from pathlib import Path

from khabar_extract.article import Article, read_article
from khabar_extract.facts import Fact
from khabar_extract.pipeline import _outside_chrome, extract, fact_id

SEED = Path(__file__).parent / "fixtures" / "articles" / "irna_85414319.txt"


def test_pipeline_glue_record_ids_are_fact_id_of_each_fact():
    text = SEED.read_text(encoding="utf-8")
    record = extract(text)
    rec = record.to_dict()
    sha = rec["source"]["sha256"]
    assert len(record.facts) >= 5
    expected = [fact_id(sha, f.kind, f.span) for f in record.facts]
    assert expected == [d["id"] for d in rec["facts"]]
    assert len(set(expected)) == len(expected)  # kind and span differ, so do the ids


def test_pipeline_glue_facts_located_and_outside_chrome():
    text = SEED.read_text(encoding="utf-8")
    rec = extract(text).to_dict()
    chrome = [s["span"] for s in rec["segments"] if s["kind"] == "chrome"]
    assert chrome
    for d in rec["facts"]:
        assert text[d["span"][0]:d["span"][1]] == d["text"]
        assert not any(a <= d["span"][0] and d["span"][1] <= b for a, b in chrome)
        if d["paragraph"] is not None:
            para = next(s for s in rec["segments"] if s.get("paragraph") == d["paragraph"] and "parent" not in s)
            assert para["span"][0] <= d["span"][0] < para["span"][1]


def test_pipeline_glue_outside_chrome_drops_only_facts_inside_a_chrome_segment():
    text = SEED.read_text(encoding="utf-8")
    article = read_article(text)
    chrome = [s["span"] for s in article.segments if s["kind"] == "chrome"]
    assert len(chrome) >= 3
    (a, b), (c, d) = chrome[0], chrome[-1]
    para = next(s["span"] for s in article.segments if s["kind"] == "paragraph")

    def fact(s: int, e: int) -> Fact:
        return Fact("quantity", 1, (s, e), text[s:e], {})

    inside_first, inside_last = fact(a, b), fact(c, d - 1)
    straddling = fact(b - 1, b + 1)  # from the end of a chrome segment into the next character
    in_body = fact(para[0], para[0] + 5)
    kept = _outside_chrome([inside_first, straddling, in_body, inside_last], article)
    assert kept == [straddling, in_body]
    # an Article built by hand (no chrome spans collected) finds them in its segments
    by_hand = Article(meta=article.meta, segments=article.segments, text=text)
    assert by_hand.chrome_spans() == article.chrome_spans() == ([a for a, _ in chrome], [b for _, b in chrome])
    assert _outside_chrome([inside_first, straddling, in_body, inside_last], by_hand) == kept
