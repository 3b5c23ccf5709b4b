"""Registry.store_articles (several articles per savepoint, used by the batch command) writes exactly the
rows that store_article writes one article at a time, with the same statuses."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import khabar_extract as kx
from khabar_extract.records.flat import flatten
from khabar_extract.records.registry import Registry

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SEED = (INPUTS / "irna_85414319.txt").read_text(encoding="utf-8")
OTHER = (
    "تهران - ایرنا - اعتبار طرح ۲.۵ میلیارد تومان است و ۲۰ درصد آن در ۱۲ روستا هزینه می‌شود.\n\n"
    "این طرح از ۲۱ اسفند ۱۴۰۲ آغاز شد."
)


def _row(key: str, text: str) -> tuple:
    record = kx.extract(text, source={"path": key, "format": "text", "encoding": "utf-8"}).to_dict()
    line = json.dumps(record, ensure_ascii=False)
    article, facts, turns = flatten(record, key, hashlib.sha1(line.encode()).hexdigest())
    article["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    return article, facts, turns, line, text


def _tables(reg: Registry) -> list:
    reg.commit()
    out = []
    for table, order in (("articles", "id"), ("facts", "rowid"), ("turns", "article_id, turn"), ("errors", "id")):
        cols = [r[1] for r in reg.conn.execute(f"PRAGMA table_info({table})") if r[1] not in ("stored_at", "seen_at")]
        quoted = ", ".join(f'"{c}"' for c in cols)
        out.append((table, reg.conn.execute(f"SELECT {order}, {quoted} FROM {table} ORDER BY {order}").fetchall()))
    return out


def test_records_store_articles_same_rows_as_one_by_one(tmp_path):
    a, b, b2, c = _row("/abs/a.txt", SEED), _row("/abs/b.txt", OTHER), _row("/abs/b.txt", SEED), _row("/abs/c.txt", OTHER)
    batches = [[a, b], [a, b2, c], [c, _row("/abs/c.txt", SEED), b]]  # new; unchanged/replaced/new; a key twice
    with Registry(str(tmp_path / "one.sqlite")) as one, Registry(str(tmp_path / "many.sqlite")) as many:
        for reg in (one, many):
            reg.store_error("/abs/c.txt", {"path": "c.txt"}, "empty", "no text")  # cleared when c is stored
        got_one = [[one.store_article(*x) for x in batch] for batch in batches]
        got_many = [many.store_articles(batch) for batch in batches]
        assert got_one == got_many == [["new", "new"], ["unchanged", "replaced", "new"], ["unchanged", "replaced", "replaced"]]
        assert _tables(one) == _tables(many)
        assert many.counts()["errors"] == 0 and many.counts()["articles"] == 3
