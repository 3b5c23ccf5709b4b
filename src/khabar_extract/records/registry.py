"""The SQLite registry fed by ``khabar-extract batch`` (tables, keys and guarantees: docs/cli.md).

* ``articles``: one row per input article, keyed by ``source_key`` (real absolute path, plus ``:line`` for a
  JSON Lines record, or ``stdin:<sha256>``); ``sha256`` of the input bytes says whether it changed.
* ``facts`` (unique ``article_id, fact_id``), ``turns`` (primary key ``article_id, turn``): replaced together
  with their article.
* ``errors``: one row per input that failed in its latest run, same key; removed when it later succeeds.
* ``runs``: one row per batch run (``finished`` stays NULL when a run was killed).

Every article (or small batch of whole articles, :meth:`Registry.store_articles`) is written inside its own
savepoint, and articles are committed in small groups (at most
``group`` articles or ``group_seconds`` seconds per transaction, WAL journal): an interrupted run never leaves
half an article behind (Ctrl-C commits the finished articles, ``kill -9`` loses at most the last open group),
and a re-run over the same inputs changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .. import __version__
from .flat import ARTICLE_COLUMNS, FACT_COLUMNS, TURN_COLUMNS

__all__ = ["Registry", "REGISTRY_VERSION"]

#: Layout version of the database (``meta`` table); bump with a migration when tables change.
REGISTRY_VERSION = "1"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    {", ".join(c + (" TEXT NOT NULL UNIQUE" if c == "source_key" else "") for c in ARTICLE_COLUMNS)},
    record TEXT NOT NULL,
    text TEXT,
    stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    {", ".join('"' + c + '"' for c in FACT_COLUMNS)},
    UNIQUE (article_id, fact_id)
);
CREATE TABLE IF NOT EXISTS turns (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    {", ".join(TURN_COLUMNS)},
    PRIMARY KEY (article_id, turn)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    source_key TEXT NOT NULL UNIQUE,
    path TEXT, line INTEGER, sha256 TEXT,
    code TEXT NOT NULL, message TEXT NOT NULL,
    extractor_version TEXT, seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL, finished TEXT, argv TEXT, extractor_version TEXT,
    inputs INTEGER, stored INTEGER, failed INTEGER, status TEXT
);
CREATE INDEX IF NOT EXISTS facts_kind ON facts(kind, category);
CREATE INDEX IF NOT EXISTS facts_category ON facts(category);
CREATE INDEX IF NOT EXISTS facts_date ON facts(year, month, day);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_sha256 ON articles(sha256);
CREATE VIEW IF NOT EXISTS fact_rows AS
    SELECT a.path, a.line, a.title, a.published, a.news_id, f.*
    FROM facts f JOIN articles a ON a.id = f.article_id;
"""

#: ``record`` and ``text`` come as str or as UTF-8 bytes (the batch's workers send bytes, so the parent never
#: decodes them): ``CAST(? AS TEXT)`` stores either as the same text.
_AS_TEXT = "CAST(? AS TEXT)"
_ARTICLE_INSERT = (
    f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, record, text, stored_at) "
    f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}, {_AS_TEXT}, {_AS_TEXT}, ?)"
)
_ARTICLE_INSERT_ID = (
    f"INSERT INTO articles (id, {', '.join(ARTICLE_COLUMNS)}, record, text, stored_at) "
    f"VALUES (?, {', '.join('?' * len(ARTICLE_COLUMNS))}, {_AS_TEXT}, {_AS_TEXT}, ?)"
)
_ARTICLE_UPDATE = (
    f"UPDATE articles SET {', '.join(c + ' = ?' for c in ARTICLE_COLUMNS)}, record = {_AS_TEXT}, "
    f"text = {_AS_TEXT}, stored_at = ? WHERE id = ?"
)
_FACT_INSERT = (
    f"INSERT OR REPLACE INTO facts (article_id, {', '.join(chr(34) + c + chr(34) for c in FACT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(FACT_COLUMNS) + 1))})"
)
_TURN_INSERT = f"INSERT OR REPLACE INTO turns (article_id, {', '.join(TURN_COLUMNS)}) VALUES ({', '.join('?' * (len(TURN_COLUMNS) + 1))})"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


class Registry:
    """An open registry database. Use as a context manager (or call :meth:`close`, which commits the
    finished articles of the open group)."""

    def __init__(self, path: str, *, timeout: float = 30.0, group: int = 64, group_seconds: float = 1.0) -> None:
        self.path = path
        self.group, self.group_seconds = group, group_seconds
        self._group_n = 0
        self._group_start = 0.0
        self._half = False  # inside an article's savepoint
        self.conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across process crashes
        self.conn.execute("PRAGMA busy_timeout=30000")
        with self.transaction():
            for statement in _SCHEMA.split(";\n"):
                if statement.strip():
                    self.conn.execute(statement)
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'registry_version'").fetchone()
            if row is None:
                self.conn.executemany(
                    "INSERT INTO meta (key, value) VALUES (?, ?)",
                    [("registry_version", REGISTRY_VERSION), ("created", _now())],
                )
            elif row[0] != REGISTRY_VERSION:
                raise RuntimeError(
                    f"{path}: registry layout version {row[0]}, this khabar-extract writes {REGISTRY_VERSION}; "
                    "use a new --db file"
                )

    # -- transactions ------------------------------------------------------------------------------
    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    @contextmanager
    def _unit(self, articles: int = 1) -> Iterator[None]:
        """One article (or error row, or ``articles`` whole articles): a savepoint inside the open group
        transaction."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self._group_n, self._group_start = 0, time.monotonic()
        self.conn.execute("SAVEPOINT unit")
        self._half = True
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO unit")
            self.conn.execute("RELEASE unit")
            self._half = False
            raise
        self.conn.execute("RELEASE unit")
        self._half = False
        self._group_n += articles
        if self._group_n >= self.group or time.monotonic() - self._group_start >= self.group_seconds:
            self.commit()

    def commit(self) -> None:
        """Commit the open group (never in the middle of an article)."""
        if self.conn.in_transaction and not self._half:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        if self.conn.in_transaction:
            if self._half:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute("COMMIT")
        self.conn.close()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- reads -------------------------------------------------------------------------------------
    def record_json(self, key: str) -> str | None:
        row = self.conn.execute("SELECT record FROM articles WHERE source_key = ?", (key,)).fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, Any]:
        self.commit()
        c = self.conn
        return {
            "articles": c.execute("SELECT count(*) FROM articles").fetchone()[0],
            "facts": c.execute("SELECT count(*) FROM facts").fetchone()[0],
            "turns": c.execute("SELECT count(*) FROM turns").fetchone()[0],
            "errors": c.execute("SELECT count(*) FROM errors").fetchone()[0],
            "facts_by_kind": dict(c.execute("SELECT kind, count(*) FROM facts GROUP BY kind ORDER BY count(*) DESC")),
        }

    # -- writes ------------------------------------------------------------------------------------
    def store_article(
        self,
        article: dict[str, Any],
        fact_rows: list[tuple],
        turn_rows: list[tuple],
        record_json: str | bytes,
        text: str | bytes | None,
    ) -> str:
        """Insert or replace one article with its facts and turns: ``new``, ``replaced`` or ``unchanged``."""
        key = article["source_key"]
        with self._unit():
            row = self.conn.execute(
                "SELECT id, sha256, record_sha1 FROM articles WHERE source_key = ?", (key,)
            ).fetchone()
            self.conn.execute("DELETE FROM errors WHERE source_key = ?", (key,))
            if row is not None and row[1] == article["sha256"] and row[2] == article["record_sha1"]:
                return "unchanged"
            values = [article[c] for c in ARTICLE_COLUMNS] + [record_json, text, _now()]
            if row is None:
                article_id = self.conn.execute(_ARTICLE_INSERT, values).lastrowid
                status = "new"
            else:
                article_id = row[0]
                self.conn.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
                self.conn.execute("DELETE FROM turns WHERE article_id = ?", (article_id,))
                self.conn.execute(_ARTICLE_UPDATE, [*values, article_id])
                status = "replaced"
            if fact_rows:
                self.conn.executemany(_FACT_INSERT, [(article_id, *r) for r in fact_rows])
            if turn_rows:
                self.conn.executemany(_TURN_INSERT, [(article_id, *r) for r in turn_rows])
            return status

    def store_articles(
        self, batch: list[tuple[dict[str, Any], list[tuple], list[tuple], str | bytes, str | bytes | None]]
    ) -> list[str]:
        """:meth:`store_article` for several articles at once (``(article, fact_rows, turn_rows, record_json,
        text)`` each, keys distinct), in one savepoint: the same rows in the same order, a few statements per
        batch instead of seven per article. Statuses in batch order."""
        if not batch:
            return []
        keys = [b[0]["source_key"] for b in batch]
        if len(set(keys)) != len(keys):  # the same input twice: one at a time, in order
            return [self.store_article(*b) for b in batch]
        with self._unit(len(batch)):
            c = self.conn
            found: dict[str, tuple] = {}
            for i in range(0, len(keys), 500):
                part = keys[i : i + 500]
                found.update(
                    (r[0], r[1:])
                    for r in c.execute(
                        "SELECT source_key, id, sha256, record_sha1 FROM articles WHERE source_key IN "
                        f"({', '.join('?' * len(part))})",
                        part,
                    )
                )
            if c.execute("SELECT 1 FROM errors LIMIT 1").fetchone() is not None:
                c.executemany("DELETE FROM errors WHERE source_key = ?", [(k,) for k in keys])
            now = _now()
            statuses: list[str] = []
            facts: list[tuple] = []
            turns: list[tuple] = []
            inserts: list[list[Any]] = []
            next_id = None
            for (article, fact_rows, turn_rows, record_json, text), key in zip(batch, keys, strict=True):
                row = found.get(key)
                if row is not None and row[1] == article["sha256"] and row[2] == article["record_sha1"]:
                    statuses.append("unchanged")
                    continue
                values = [article[col] for col in ARTICLE_COLUMNS] + [record_json, text, now]
                if row is None:
                    if next_id is None:  # what SQLite itself picks for a new row: the largest id + 1
                        next_id = (c.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
                    article_id = next_id
                    next_id += 1
                    inserts.append([article_id, *values])
                    statuses.append("new")
                else:
                    article_id = row[0]
                    c.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
                    c.execute("DELETE FROM turns WHERE article_id = ?", (article_id,))
                    c.execute(_ARTICLE_UPDATE, [*values, article_id])
                    statuses.append("replaced")
                facts.extend([(article_id, *r) for r in fact_rows])
                turns.extend([(article_id, *r) for r in turn_rows])
            if inserts:
                c.executemany(_ARTICLE_INSERT_ID, inserts)
            if facts:
                c.executemany(_FACT_INSERT, facts)
            if turns:
                c.executemany(_TURN_INSERT, turns)
        return statuses

    def store_error(
        self, key: str, source: dict[str, Any], code: str, message: str, version: str = __version__
    ) -> None:
        """Record that an input failed (earlier rows stored for the same input are left as they were)."""
        with self._unit():
            self.conn.execute(
                "INSERT INTO errors (source_key, path, line, sha256, code, message, extractor_version, seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_key) DO UPDATE SET path = excluded.path, "
                "line = excluded.line, sha256 = excluded.sha256, code = excluded.code, message = excluded.message, "
                "extractor_version = excluded.extractor_version, seen_at = excluded.seen_at",
                (key, source.get("path"), source.get("line"), source.get("sha256"), code, message, version, _now()),
            )

    def start_run(self, argv: list[str], version: str) -> int:
        self.commit()
        with self.transaction():
            return self.conn.execute(
                "INSERT INTO runs (started, argv, extractor_version, status) VALUES (?, ?, ?, 'running')",
                (_now(), json.dumps(argv, ensure_ascii=False), version),
            ).lastrowid

    def finish_run(self, run_id: int, inputs: int, stored: int, failed: int, status: str) -> None:
        self.commit()
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished = ?, inputs = ?, stored = ?, failed = ?, status = ? WHERE id = ?",
                (_now(), inputs, stored, failed, status, run_id),
            )


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
