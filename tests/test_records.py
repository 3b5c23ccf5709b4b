"""The record contract: schema, deterministic ids, exact big money, flat rows and the SQLite registry."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import jsonschema
import pytest

import khabar_extract as kx
from khabar_extract import pipeline
from khabar_extract.facts import Fact
from khabar_extract.normalize import normalize
from khabar_extract.records import SCHEMA_ID, SCHEMA_VERSION, error_record, load_schema
from khabar_extract.records.flat import FACT_COLUMNS, flatten, sql_value
from khabar_extract.records.registry import Registry
from khabar_extract.records.writers import CSV_FACT_COLUMNS, CsvWriter

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SEED = (INPUTS / "irna_85414319.txt").read_text(encoding="utf-8")
VALIDATOR = jsonschema.Draft202012Validator(load_schema())


def _seed_record(**source) -> dict:
    return kx.extract(SEED, source={"path": "irna_85414319.txt", "format": "text", "encoding": "utf-8", **source}).to_dict()


def test_records_schema_constants_agree_with_the_pipeline():
    jsonschema.Draft202012Validator.check_schema(load_schema())
    assert load_schema()["$id"] == SCHEMA_ID == pipeline.SCHEMA_ID
    assert SCHEMA_VERSION == pipeline.SCHEMA_VERSION


def test_records_seed_record_is_valid_and_spans_are_exact():
    record = _seed_record()
    VALIDATOR.validate(record)
    assert record["source"]["sha256"] == pipeline.hashlib.sha256(SEED.encode()).hexdigest()
    for fact in record["facts"]:
        start, end = fact["span"]
        assert SEED[start:end] == fact["text"]
    for segment in record["segments"]:
        start, end = segment["span"]
        assert 0 <= start <= end <= len(SEED)
    for turn in (record["interview"] or {}).get("turns", []):
        start, end = turn["question_span"]
        assert SEED[start:end] == turn["question"]


def test_records_fact_ids_are_deterministic_and_unique():
    first, second = _seed_record(), _seed_record()
    ids = [f["id"] for f in first["facts"]]
    assert ids == [f["id"] for f in second["facts"]]
    assert len(set(ids)) == len(ids)
    for fact in first["facts"]:
        assert fact["id"] == pipeline.fact_id(first["source"]["sha256"], fact["kind"], fact["span"])


def test_records_fact_id_depends_on_input_kind_and_span():
    a = pipeline.fact_id("0" * 64, "money", (3, 9))
    assert a == pipeline.fact_id("0" * 64, "money", [3, 9])
    assert len({a, pipeline.fact_id("1" * 64, "money", (3, 9)), pipeline.fact_id("0" * 64, "date", (3, 9)),
                pipeline.fact_id("0" * 64, "money", (3, 10))}) == 4  # fmt: skip


def _big_money_record(value: int) -> dict:
    text = "بودجه ۵۰ هزار همت است"
    span = (text.index("۵۰"), text.index(" است"))
    fact = Fact("money", value, span, text[span[0] : span[1]], {"currency": "IRR", "amount": 50, "unit": "هزار همت"})
    doc = normalize(text)
    from khabar_extract.article import read_article

    return pipeline.Record(doc, read_article(text, doc), [fact]).to_dict()


def test_records_money_above_2_53_keeps_an_exact_string():
    value = 5 * 10**17 + 3  # beyond 2**53: a JavaScript number would round it
    record = _big_money_record(value)
    VALIDATOR.validate(record)
    (fact,) = record["facts"]
    assert fact["value"] == value and fact["value_str"] == "500000000000000003"
    assert int(float(fact["value"])) != value  # what a double-based consumer would read
    line = json.dumps(record, ensure_ascii=False)
    assert '"value":500000000000000003' in line.replace(" ", "")  # the number itself stays exact in JSON
    assert json.loads(line)["facts"][0]["value_str"] == str(value)


def test_records_every_money_fact_has_value_str():
    record = _seed_record()
    for fact in record["facts"]:
        if fact["kind"] == "money":
            assert fact["value_str"] == pipeline.value_str(fact["value"])


@pytest.mark.parametrize(
    "value, expected", [(250_000_000_000, "250000000000"), (2.5, "2.5"), (1e16, "10000000000000000"), (None, None)]
)
def test_records_value_str(value, expected):
    assert pipeline.value_str(value) == expected


def test_records_error_record_is_valid():
    rec = error_record({"path": "x.jsonl", "line": 3, "format": "jsonl"}, "bad_json", "malformed JSON: ...")
    VALIDATOR.validate(rec)
    assert rec["error"]["code"] == "bad_json" and "facts" not in rec
    with pytest.raises(ValueError, match="unknown error code"):
        error_record({"path": "x"}, "oops", "no")


def test_records_schema_rejects_a_fact_without_span_or_a_money_fact_without_value_str():
    record = _big_money_record(10)
    del record["facts"][0]["value_str"]
    assert not VALIDATOR.is_valid(record)
    record = _seed_record()
    record["facts"].append({"id": "0" * 20, "kind": "quantity", "value": 3, "text": "۳ روستا"})
    assert not VALIDATOR.is_valid(record)


def test_records_flatten_rows_match_columns():
    record = _seed_record()
    article, facts, turns = flatten(record, "/abs/irna_85414319.txt", "0" * 40)
    assert article["n_facts"] == len(facts) == len(record["facts"])
    assert all(len(row) == len(FACT_COLUMNS) for row in facts)
    assert article["is_interview"] == int(record["interview"] is not None)
    for row, fact in zip(facts, record["facts"], strict=True):
        assert row[0] == fact["id"] and (row[5], row[6]) == tuple(fact["span"])


def test_records_sql_value_keeps_huge_integers_exact():
    assert sql_value(10**18) == 10**18
    assert sql_value(10**20) == "100000000000000000000"
    assert sql_value(True) == 1 and sql_value([1, 2]) == "[1, 2]"


def _store(reg: Registry, record: dict, key: str = "/abs/a.txt") -> str:
    line = json.dumps(record, ensure_ascii=False)
    article, facts, turns = flatten(record, key, pipeline.hashlib.sha1(line.encode()).hexdigest())
    return reg.store_article(article, facts, turns, line, SEED)


def test_records_registry_upserts_and_replaces(tmp_path):
    db = tmp_path / "r.sqlite"
    record = _seed_record()
    with Registry(str(db)) as reg:
        assert _store(reg, record) == "new"
        assert _store(reg, record) == "unchanged"
        n = reg.counts()["facts"]
        assert n == len(record["facts"])
        changed = _big_money_record(5 * 10**17 + 3)
        assert _store(reg, changed) == "replaced"
        assert reg.counts()["facts"] == 1 and reg.counts()["articles"] == 1
        value, value_str = reg.conn.execute("SELECT value, value_str FROM facts").fetchone()
        assert value == 5 * 10**17 + 3 and value_str == "500000000000000003"  # SQLite integers are 64-bit
        reg.store_error("/abs/b.txt", {"path": "b.txt"}, "empty", "no text")
        reg.store_error("/abs/b.txt", {"path": "b.txt"}, "binary", "NUL bytes")
        assert reg.conn.execute("SELECT code FROM errors").fetchall() == [("binary",)]
        assert _store(reg, record, "/abs/b.txt") == "new"
        assert reg.counts()["errors"] == 0  # a later success clears the error row
    conn = sqlite3.connect(db)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"facts_kind", "facts_category", "facts_date", "articles_published"} <= indexes
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_records_csv_writer(tmp_path):
    record = _big_money_record(5 * 10**17 + 3)
    article, facts, _ = flatten(record, "/abs/a.txt", "0" * 40)
    writer = CsvWriter(str(tmp_path))
    writer.write_article(article, facts)
    writer.write_error({"path": "b.txt"}, "empty", "no text")
    writer.close()
    with open(tmp_path / "facts.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(CSV_FACT_COLUMNS)
    assert rows[0]["value"] == "500000000000000003" and rows[0]["text"] == "۵۰ هزار همت"
    assert (tmp_path / "errors.csv").read_text(encoding="utf-8").splitlines()[1] == "b.txt,,,empty,no text"


DOC = Path(__file__).resolve().parent.parent / "docs" / "record-schema.md"


def test_records_documented_example_is_valid_and_exact():
    import re

    doc = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- example:start -->\n```json\n(.*?)\n```\n<!-- example:end -->", doc, re.S)
    assert block, "docs/record-schema.md lost its example block (regenerate with docs/gen_record_example.py)"
    record = json.loads(block.group(1))
    VALIDATOR.validate(record)
    assert record["source"]["sha256"] == pipeline.hashlib.sha256(SEED.encode()).hexdigest()
    for fact in record["facts"]:
        assert SEED[fact["span"][0] : fact["span"][1]] == fact["text"]


def test_records_every_schema_field_is_documented():
    doc = DOC.read_text(encoding="utf-8")
    defs = load_schema()["$defs"]
    for name in ("source", "fact", "article", "turn", "interview", "record"):
        for field in defs[name].get("properties", {}):
            assert f"`{field}`" in doc, f"{name}.{field} is not documented in docs/record-schema.md"
    for code in defs["error_record"]["properties"]["error"]["properties"]["code"]["enum"]:
        assert f"`{code}`" in doc
