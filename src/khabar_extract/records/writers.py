"""Streaming exports: JSON Lines (one record or error record per line) and CSV (facts, articles, errors)."""

from __future__ import annotations

import csv
import os
from typing import IO, Any

from .flat import ARTICLE_COLUMNS, ERROR_COLUMNS, FACT_COLUMNS, is_null

__all__ = ["JsonlWriter", "CsvWriter", "CSV_FACT_COLUMNS", "CSV_ARTICLE_COLUMNS"]

#: facts.csv: where the fact is (article path, line, sha256), then the fact's flat columns.
CSV_FACT_COLUMNS = ("path", "line", "sha256", *FACT_COLUMNS)
CSV_ARTICLE_COLUMNS = tuple(c for c in ARTICLE_COLUMNS if c != "source_key")


class JsonlWriter:
    """Writes already serialised records, one per line, flushing each line (a killed run leaves at most
    one partial last line; the SQLite registry is the store that is never half-written)."""

    def __init__(self, target: str | IO[str]) -> None:
        if isinstance(target, str):
            self._fh: IO[str] = open(target, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            self._own = True
        else:
            self._fh, self._own = target, False

    def write(self, record_json: str | bytes) -> None:
        self._fh.write(record_json if isinstance(record_json, str) else record_json.decode())
        self._fh.write("\n")
        self._fh.flush()

    def close(self) -> None:
        if self._own:
            self._fh.close()
        else:
            self._fh.flush()


class CsvWriter:
    """``DIR/facts.csv`` (one flat row per fact), ``DIR/articles.csv`` (one row per article) and
    ``DIR/errors.csv`` (one row per failed input); UTF-8 without BOM, RFC 4180 quoting."""

    def __init__(self, folder: str) -> None:
        os.makedirs(folder, exist_ok=True)
        self._files = []
        self.facts = self._open(os.path.join(folder, "facts.csv"), CSV_FACT_COLUMNS)
        self.articles = self._open(os.path.join(folder, "articles.csv"), CSV_ARTICLE_COLUMNS)
        self.errors = self._open(os.path.join(folder, "errors.csv"), ERROR_COLUMNS[1:])

    def _open(self, path: str, header: tuple[str, ...]) -> Any:
        fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._files.append(fh)
        writer = csv.writer(fh)
        writer.writerow(header)
        return writer

    def write_article(self, article: dict[str, Any], fact_rows: list[tuple]) -> None:
        self.articles.writerow([article[c] for c in CSV_ARTICLE_COLUMNS])
        where = (article["path"], article["line"], article["sha256"])
        self.facts.writerows([(*where, *(None if is_null(v) else v for v in row)) for row in fact_rows])

    def write_error(self, source: dict[str, Any], code: str, message: str) -> None:
        self.errors.writerow([source.get("path"), source.get("line"), source.get("sha256"), code, message])

    def close(self) -> None:
        for fh in self._files:
            fh.close()
