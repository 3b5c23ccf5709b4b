"""``khabar-extract facts``: show facts stored in a registry written by ``batch``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "facts",
        help="query facts stored in a batch registry",
        description="List facts from an SQLite registry written by `khabar-extract batch`, newest articles last.",
    )
    p.add_argument("--db", default="khabar.sqlite", help="registry file (default %(default)s)")
    p.add_argument("--kind", help="money, quantity, percent, date, ...")
    p.add_argument("--category", help="quantity category (village, person, housing_unit, ...)")
    p.add_argument("--currency", help="money currency (IRR, USD, ...)")
    p.add_argument("--year", type=int, help="date facts of this year")
    p.add_argument("--path", help="only articles whose path contains this text")
    p.add_argument("--limit", type=int, default=20, help="at most this many rows (default %(default)s; 0 = all)")
    p.add_argument("--json", action="store_true", help="one JSON object per fact instead of a table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json
    import os
    import sqlite3

    if not os.path.exists(args.db):
        print(f"khabar-extract facts: error: no registry at {args.db} (run `khabar-extract batch` first)", file=sys.stderr)
        return 2
    where, params = [], []
    for column, value in (("kind", args.kind), ("category", args.category), ("currency", args.currency)):
        if value is not None:
            where.append(f"f.{column} = ?")
            params.append(value)
    if args.year is not None:
        where.append("f.year = ?")
        params.append(args.year)
    if args.path:
        where.append("instr(a.path, ?) > 0")
        params.append(args.path)
    sql = (
        "SELECT a.path, a.line, a.title, f.fact_id, f.kind, f.value, f.value_str, f.text, f.span_start, f.span_end, "
        "f.category, f.currency, f.noun, f.iso, f.paragraph, f.sentence, f.turn "
        "FROM facts f JOIN articles a ON a.id = f.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.id, f.span_start"
        + (" LIMIT ?" if args.limit else "")
    )
    if args.limit:
        params.append(args.limit)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        print(f"khabar-extract facts: error: {args.db}: {exc}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    if args.json:
        for row in rows:
            print(json.dumps({k: row[k] for k in row.keys()}, ensure_ascii=False))
        return 0
    for row in rows:
        where_ = os.path.basename(row["path"] or "") + (f":{row['line']}" if row["line"] else "")
        detail = row["category"] or row["currency"] or row["iso"] or ""
        value = row["value_str"] or row["value"]
        value = "-" if value is None else value
        print(f"{where_}\t{row['kind']}\t{value}\t{detail}\t{row['text']}")
    if not rows:
        print("no facts match", file=sys.stderr)
    return 0
