"""The rows a batch worker builds for the registry (NULL for a missing value, the record and the text as
UTF-8 bytes) are stored exactly as the plain rows (None, str) are: same values, same SQLite types."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import khabar_extract as kx
from khabar_extract.records.flat import NULL, flatten, is_null
from khabar_extract.records.registry import Registry
from khabar_extract.records.writers import CsvWriter

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
INTERVIEW = sorted((INPUTS.parent / "gold" / "interviews").glob("*.txt"))[0].read_text(encoding="utf-8")
SEED = (INPUTS / "irna_85414319.txt").read_text(encoding="utf-8")


def _rows(key: str, text: str, null: object) -> tuple:
    record = kx.extract(text, source={"path": key, "format": "text", "encoding": "utf-8"}).to_dict()
    line = json.dumps(record, ensure_ascii=False)
    article, facts, turns = flatten(record, key, hashlib.sha1(line.encode()).hexdigest(), null=null)
    return article, facts, turns, line, text


def _as_bytes(rows: tuple) -> tuple:
    article, facts, turns, line, text = rows
    return article, facts, turns, line.encode(), text.encode()


def _typed(reg: Registry) -> list:
    reg.commit()
    out = []
    for table, order in (("articles", "id"), ("facts", "rowid"), ("turns", "article_id, turn")):
        cols = [r[1] for r in reg.conn.execute(f"PRAGMA table_info({table})") if r[1] != "stored_at"]
        typed = ", ".join(f'"{c}", typeof("{c}")' for c in cols)
        out.append(reg.conn.execute(f"SELECT {order}, {typed} FROM {table} ORDER BY {order}").fetchall())
    return out


def test_records_registry_binding_null_rows_and_bytes_store_the_same(tmp_path):
    keys = {"/abs/interview.txt": INTERVIEW, "/abs/seed.txt": SEED}
    plain = [_rows(k, t, None) for k, t in keys.items()]
    bound = [_as_bytes(_rows(k, t, NULL)) for k, t in keys.items()]
    assert any(v is NULL for _a, facts, _t, _l, _x in bound for row in facts for v in row)
    assert any(turns for _a, _f, turns, _l, _x in bound)
    with Registry(str(tmp_path / "plain.sqlite")) as one, Registry(str(tmp_path / "bound.sqlite")) as two:
        assert one.store_articles(plain) == two.store_articles(bound) == ["new", "new"]
        tables = _typed(one)
        assert tables == _typed(two)
        facts = tables[1]
        assert any(None in row for row in facts)  # missing values are SQL NULL, typeof 'null'
        assert {row[-3] for row in tables[0]} == {row[-1] for row in tables[0]} == {"text"}  # record, text
        assert json.loads(two.record_json("/abs/seed.txt"))["source"]["path"] == "/abs/seed.txt"
        # the same rows again (bytes against str): unchanged, nothing written
        assert two.store_articles([_as_bytes(r) for r in plain]) == ["unchanged", "unchanged"]


def test_records_registry_binding_csv_writes_null_as_empty(tmp_path):
    article, facts, _turns, _line, _text = _rows("/abs/seed.txt", SEED, NULL)
    writer = CsvWriter(str(tmp_path))
    writer.write_article(article, facts)
    writer.close()
    plain = _rows("/abs/seed.txt", SEED, None)[1]
    with open(tmp_path / "facts.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert [row[3:] for row in rows] == [["" if v is None else str(v) for v in row] for row in plain]
    assert is_null(NULL) and is_null(None) and not is_null(0.0) and not is_null("")
