"""The scorer itself, on small hand-made gold (sentences from tests/fixtures/gold/dev)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar_extract.cli import main
from khabar_extract.evaluation import (
    GoldError,
    evaluate,
    fact_key,
    format_table,
    match_facts,
    match_questions,
    paragraph_spans,
)

# From fars_13910716000788 (tests/fixtures/gold/dev): the same surface twice.
TEXT_74 = "در این زمینه 74 نفر جذب شدند و 74 نفر نیز منتقل شدند."


def q(value, category=None, span=None, **kw):
    d = {"kind": "quantity", "value": value, "category": category, **kw}
    if span:
        d["span"] = list(span)
    return d


def money(value, currency="IRR", **kw):
    return {"kind": "money", "value": value, "currency": currency, **kw}


def date(year, month=None, day=None, calendar="jalali", **kw):
    return {"kind": "date", "value": None, "calendar": calendar, "year": year, "month": month, "day": day, **kw}


def test_evaluation_multiset_counts_repeated_facts():
    m = match_facts([q(74), q(74)], [q(74)])
    assert len(m.pairs) == 1 and len(m.missed) == 1 and not m.false
    m = match_facts([q(74)], [q(74), q(74), q(20)])
    assert len(m.pairs) == 1 and len(m.false) == 2 and not m.missed


def test_evaluation_money_matches_on_currency_too():
    m = match_facts([money(20_000_000_000)], [money(20_000_000_000, "USD")])
    assert not m.pairs and len(m.missed) == 1 and len(m.false) == 1
    assert len(match_facts([money(20_000_000_000)], [money(20_000_000_000)]).pairs) == 1


def test_evaluation_money_does_not_match_same_value_of_other_kind():
    m = match_facts([money(250)], [{"kind": "percent", "value": 250}])
    assert not m.pairs


@pytest.mark.parametrize(
    "gold, pred, matches",
    [
        (date(1402, 12, 21), date(1402, 12, 21), True),
        (date(1402, 12, 21), date(1402, 12, 20), False),
        (date(1397), date(1397, 1), False),
        (date(2019, calendar="gregorian"), date(2019), False),
        (date(1397), date(1397.0), True),
    ],
)
def test_evaluation_dates_match_on_calendar_year_month_day(gold, pred, matches):
    assert bool(match_facts([gold], [pred]).pairs) is matches


def test_evaluation_date_value_and_iso_are_ignored():
    pred = date(1402, 12, 21, iso="2024-03-11")
    pred["value"] = "2024-03-11"
    assert match_facts([date(1402, 12, 21)], [pred]).pairs


def test_evaluation_value_one_quantities_are_not_scored_on_either_side():
    assert fact_key(q(1)) is None and fact_key(q(1.0)) is None
    m = match_facts([q(1), q(5)], [q(1), q(1), q(5)])
    assert len(m.pairs) == 1 and not m.missed and not m.false
    # money and percent of value 1 are still scored
    assert fact_key(money(1)) is not None and fact_key({"kind": "percent", "value": 1}) is not None


def test_evaluation_relative_dates_are_not_scored_on_either_side():
    m = match_facts([date(1402, relative=True)], [date(1403, relative=True)])
    assert not m.pairs and not m.missed and not m.false


@pytest.mark.parametrize("kind", ["duration", "time", "ordinal", "number"])
def test_evaluation_other_kinds_are_not_scored(kind):
    m = match_facts([{"kind": kind, "value": 10}], [{"kind": kind, "value": 11}])
    assert not m.pairs and not m.missed and not m.false


@pytest.mark.parametrize(
    "gold, pred",
    [(2, 2.0), (2.5, 2.50), (25_000_000_000, 2.5e10), (12.5, "12.5"), (1_000_000_000_000_000_001, 1_000_000_000_000_000_001)],
)
def test_evaluation_values_compare_numerically(gold, pred):
    assert match_facts([money(gold)], [money(pred)]).pairs


def test_evaluation_values_compare_exactly():
    # 10^18 + 1 rials is not 10^18 rials, and a float rounding error is not the value
    assert not match_facts([money(10**18 + 1)], [money(10**18)]).pairs
    assert not match_facts([{"kind": "percent", "value": 0.3}], [{"kind": "percent", "value": 0.1 + 0.2}]).pairs


def test_evaluation_pairs_by_span_overlap_for_categories():
    # two "5" quantities: the prediction listed first overlaps the second gold fact
    gold = [q(5, "village", span=(0, 7)), q(5, "person", span=(20, 26))]
    pred = [q(5, "person", span=(20, 25)), q(5, None, span=(0, 7))]
    m = match_facts(gold, pred)
    assert [(g["category"], p["category"]) for g, p in m.pairs] == [("village", None), ("person", "person")]


def _write_article(folder: Path, name: str, text: str, facts=None, questions=None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    if facts is not None:
        (folder / f"{name}.gold.json").write_text(
            json.dumps({"file": f"{name}.txt", "facts": facts}, ensure_ascii=False), encoding="utf-8"
        )
    if questions is not None:
        (folder / f"{name}.qa.json").write_text(
            json.dumps({"file": f"{name}.txt", "questions": questions}, ensure_ascii=False), encoding="utf-8"
        )


def test_evaluation_gold_occurrence_gives_the_span(tmp_path):
    facts = [
        {"kind": "quantity", "value": 74, "noun": "نفر", "category": "person", "surface": "74 نفر", "occurrence": 2}
    ]
    _write_article(tmp_path, "a", TEXT_74, facts)

    def fake(text):
        return {"facts": [q(74, "person", span=(31, 37), text=text[31:37])]}

    report = evaluate(tmp_path, extract=fake)
    (pair,) = report.articles[0].facts.pairs
    assert pair[0]["span"] == [31, 37] and TEXT_74[31:37] == "74 نفر"
    assert report.fact_scores()["overall"]["f1"] == 1.0
    assert report.category_scores()["person"] == {"matched": 1, "correct": 1, "accuracy": 1.0, "predicted": 1}


def test_evaluation_micro_averages_over_articles(tmp_path):
    f74 = {"kind": "quantity", "value": 74, "noun": "نفر", "category": "person", "surface": "74 نفر", "occurrence": 1}
    _write_article(tmp_path, "a", TEXT_74, [f74, {**f74, "occurrence": 2}])
    _write_article(tmp_path, "b", "۸۰ درصد شهر گرگان موقوفه است", [{"kind": "percent", "value": 80, "surface": "۸۰ درصد"}])

    def fake(text):
        return {"facts": [q(74)] if "74" in text else [{"kind": "percent", "value": 80}, {"kind": "percent", "value": 8}]}

    s = evaluate(tmp_path, extract=fake).fact_scores()
    assert (s["overall"]["gold"], s["overall"]["predicted"], s["overall"]["tp"]) == (3, 3, 2)
    assert s["quantity"]["recall"] == 0.5 and s["percent"]["precision"] == 0.5


INTERVIEW = (
    "\n\nگفت‌وگو با مسئول بسیج سازندگی\n\n"
    "ایرنا. چند گروه جهادی در استان داریم؟\n\n"
    "هزار و ۳۹۰ گروه جهادی داریم.\n  \n"
    "ایرنا. در حوزه مسکن چه برنامه ای دارید؟\n\n"
    "۱۰۰ واحد مسکونی ساخته می‌شود.\n"
)


def test_evaluation_paragraphs_split_the_stripped_text_on_blank_lines():
    paras = [INTERVIEW[a:b] for a, b in paragraph_spans(INTERVIEW)]
    assert paras[0] == "گفت‌وگو با مسئول بسیج سازندگی"
    assert paras[3].startswith("ایرنا. در حوزه مسکن")
    assert len(paras) == 5


def test_evaluation_questions_found_when_turn_covers_gold_start():
    gold = [{"surface": "چند گروه جهادی", "paragraph": 1}, {"surface": "در حوزه مسکن", "paragraph": 3}]
    q1 = INTERVIEW.index("ایرنا. چند")
    q2 = INTERVIEW.index("ایرنا. در")
    turns = [{"question_span": [q1, q1 + 30]}, {"question_span": [q2, q2 + 5]}]  # second ends before the gold start
    s = match_questions(INTERVIEW, gold, turns)
    assert (s["gold"], s["predicted"], s["tp"], s["exact_count"]) == (2, 2, 1, True)
    assert [m.surface for m in s["missed"]] == ["در حوزه مسکن"]
    # one turn covering both questions finds only one of them
    s = match_questions(INTERVIEW, gold, [{"question_span": [q1, len(INTERVIEW)]}])
    assert (s["tp"], s["exact_count"]) == (1, False)
    assert match_questions(INTERVIEW, gold, None)["tp"] == 0


def test_evaluation_question_scores_in_report(tmp_path):
    gold = [{"surface": "چند گروه جهادی", "paragraph": 1}, {"surface": "در حوزه مسکن", "paragraph": 3}]
    _write_article(tmp_path, "i", INTERVIEW, questions=gold)
    starts = [INTERVIEW.index("ایرنا. چند"), INTERVIEW.index("ایرنا. در"), INTERVIEW.index("۱۰۰")]
    turns = [{"question_span": [s, s + 20], "answer_span": None} for s in starts]
    qs = evaluate(tmp_path, extract=lambda t: {"facts": [], "interview": {"turns": turns}}).question_scores()
    assert (qs["tp"], qs["gold"], qs["predicted"]) == (2, 2, 3)
    assert qs["precision"] == pytest.approx(2 / 3) and qs["recall"] == 1.0 and qs["exact_count_rate"] == 0.0


def test_evaluation_errors_name_the_file(tmp_path):
    with pytest.raises(GoldError, match="no such directory"):
        evaluate(tmp_path / "missing")
    with pytest.raises(GoldError, match="no gold files"):
        evaluate(tmp_path)
    (tmp_path / "bad.txt").write_text(TEXT_74, encoding="utf-8")
    (tmp_path / "bad.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.gold\.json: not valid JSON"):
        evaluate(tmp_path)
    _write_article(tmp_path, "bad", TEXT_74, [{"kind": "quantity", "value": 75, "surface": "75 نفر"}])
    with pytest.raises(GoldError, match=r"bad\.gold\.json: facts\[0\]: surface '75 نفر'"):
        evaluate(tmp_path)
    _write_article(tmp_path, "bad", TEXT_74, [{"kind": "money", "value": "lots", "surface": "74 نفر"}])
    with pytest.raises(GoldError, match=r"bad\.gold\.json: facts\[0\]: money needs a numeric 'value'"):
        evaluate(tmp_path)
    (tmp_path / "bad.txt").unlink()
    with pytest.raises(GoldError, match=r"bad\.gold\.json: its text bad\.txt is missing"):
        evaluate(tmp_path)


def test_evaluation_extractor_failure_is_reported_not_raised(tmp_path):
    _write_article(tmp_path, "a", TEXT_74, [{"kind": "quantity", "value": 74, "surface": "74 نفر"}])

    def broken(text):
        raise RuntimeError("boom")

    report = evaluate(tmp_path, extract=broken)
    assert report.articles[0].error == "RuntimeError: boom"
    assert report.fact_scores()["overall"]["recall"] == 0.0
    assert "extractor raised on 1 article" in format_table(report)


def test_evaluation_cli_table_is_last_and_json_is_one_object(tmp_path, capsys):
    # a gold value no extractor should give for this surface, so there is always a miss to list
    _write_article(tmp_path, "a", TEXT_74, [{"kind": "quantity", "value": 7400, "surface": "74 نفر"}])
    assert main(["eval", str(tmp_path), "--show-errors"]) == 0
    out = capsys.readouterr().out.splitlines()
    tail = out[-12:]  # the before-stop hook shows `| tail -n 12`: the whole summary must be there
    firsts = [line.split()[0] for line in tail if line.strip()]
    assert [w for w in firsts if w in ("kind", "money", "date", "overall")] == ["kind", "money", "date", "overall"]
    assert tail[-1].startswith("questions")
    assert any(line.strip().startswith(("MISS", "FALSE")) for line in out)
    assert main(["eval", str(tmp_path), "--json", "--show-errors"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["facts"]["quantity"]["gold"] == 1 and data["fact_articles"] == 1
    assert data["errors"][0]["article"] == "a"


def test_evaluation_cli_reports_missing_dir(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nope")]) == 2
    assert "no such directory" in capsys.readouterr().err
