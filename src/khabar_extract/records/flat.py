"""Flat rows of a record, shared by the SQLite registry and the CSV export (one column list each)."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["ARTICLE_COLUMNS", "FACT_COLUMNS", "TURN_COLUMNS", "ERROR_COLUMNS", "NULL", "flatten", "is_null", "sql_value"]

#: A missing value in rows bound to SQLite (``flatten(..., null=NULL)``): SQLite stores a NaN as NULL, and
#: ``sqlite3`` binds a float as it is, while every ``None`` goes through its adapter look-up (on Python 3.11
#: about 1 us per value: most of the cost of storing a fact row, whose 25 columns are mostly empty).
#: Never a real value: records are serialised with ``allow_nan=False``.
NULL = float("nan")

#: Per article (plus ``record`` and ``text``, kept in SQLite only).
ARTICLE_COLUMNS = (
    "source_key", "path", "line", "sha256", "format", "encoding", "source_id", "source_url",
    "title", "published", "published_jalali", "news_id", "reporter_code", "url",
    "dateline_city", "dateline_agency", "lead", "is_interview", "n_facts", "n_turns", "warnings",
    "extractor_version", "schema_version", "record_sha1",
)  # fmt: skip

#: Per fact; ``extra`` holds any other keys of the fact as a JSON object.
FACT_COLUMNS = (
    "fact_id", "kind", "value", "value_str", "text", "span_start", "span_end",
    "currency", "amount", "unit", "noun", "noun_phrase", "category", "qualifier",
    "calendar", "year", "month", "day", "iso", "relative",
    "paragraph", "sentence", "turn", "extra",
)  # fmt: skip

TURN_COLUMNS = ("turn", "question", "answer", "question_start", "question_end", "answer_start", "answer_end")

ERROR_COLUMNS = ("source_key", "path", "line", "sha256", "code", "message")

_FACT_KEYS = frozenset(FACT_COLUMNS) | {"id", "span"}
#: Fact columns copied as they are (after the seven leading ones, before ``extra``).
_PLAIN = FACT_COLUMNS[7:-1]
_SIMPLE = (str, int, float)
_INT64 = 2**63 - 1


def sql_value(value: Any) -> Any:
    """A fact value as SQLite stores it without loss: integers beyond 64 bits and anything that is
    not a scalar become text (JSON for lists and objects)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and abs(value) > _INT64:
        return str(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return int(value) if isinstance(value, bool) else value


def _span(value: Any) -> tuple[Any, Any]:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return value[0], value[1]
    return None, None


def flatten(
    record: dict[str, Any], key: str, record_sha1: str, *, null: Any = None
) -> tuple[dict, list[tuple], list[tuple]]:
    """(article row as a dict, fact rows, turn rows) of one record, in the column orders above. A missing
    value in a fact or turn row is ``null`` (:data:`NULL` for rows bound to SQLite)."""
    source = record.get("source") or {}
    meta = record.get("article") or {}
    dateline = meta.get("dateline") or {}
    interview = record.get("interview") or None
    turns = (interview or {}).get("turns") or []
    facts = record.get("facts") or []
    article = {
        "source_key": key,
        "path": source.get("path"),
        "line": source.get("line"),
        "sha256": source.get("sha256"),
        "format": source.get("format"),
        "encoding": source.get("encoding"),
        "source_id": source.get("id"),
        "source_url": source.get("url"),
        "title": meta.get("title"),
        "published": meta.get("published"),
        "published_jalali": meta.get("published_jalali"),
        "news_id": _scalar(meta.get("news_id")),
        "reporter_code": _scalar(meta.get("reporter_code")),
        "url": meta.get("url"),
        "dateline_city": dateline.get("city") if isinstance(dateline, dict) else None,
        "dateline_agency": dateline.get("agency") if isinstance(dateline, dict) else None,
        "lead": meta.get("lead"),
        "is_interview": int(interview is not None),
        "n_facts": len(facts),
        "n_turns": len(turns),
        "warnings": json.dumps(record.get("warnings") or [], ensure_ascii=False),
        "extractor_version": record.get("extractor_version"),
        "schema_version": record.get("schema_version"),
        "record_sha1": record_sha1,
    }
    fact_rows = []
    for f in facts:
        start, end = _span(f.get("span"))
        extra = {k: v for k, v in f.items() if k not in _FACT_KEYS}
        row = [f.get("id"), f.get("kind"), sql_value(f.get("value")), f.get("value_str"), f.get("text"), start, end]
        for name in _PLAIN:
            v = f.get(name)
            row.append(v if v is None or type(v) in _SIMPLE else _scalar(v))
        row.append(json.dumps(extra, ensure_ascii=False) if extra else None)
        fact_rows.append(_row(row, null))
    turn_rows = []
    for i, t in enumerate(turns):
        qs, qe = _span(t.get("question_span"))
        as_, ae = _span(t.get("answer_span"))
        turn_rows.append(_row([i, t.get("question"), t.get("answer"), qs, qe, as_, ae], null))
    return article, fact_rows, turn_rows


def _row(values: list[Any], null: Any) -> tuple:
    if null is None:
        return tuple(values)
    return tuple([null if v is None else v for v in values])


def is_null(value: Any) -> bool:
    """Whether a row value stands for a missing one (``None``, or :data:`NULL`)."""
    return value is None or (type(value) is float and value != value)
