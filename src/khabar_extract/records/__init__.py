"""Records: the JSON Schema of khabar_extract output, error records, and the writers (JSON Lines, CSV,
SQLite registry). The record itself is built by :meth:`khabar_extract.pipeline.Record.to_dict`.

Floors: this package imports the pipeline, never the CLI; ``sqlite3`` and ``csv`` are imported only by
the writer modules that need them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import __version__

#: Kept equal to ``khabar_extract.pipeline.SCHEMA_ID`` / ``SCHEMA_VERSION`` (a test checks it); defined
#: here too so that reading a schema does not import the pipeline.
SCHEMA_ID = "https://khabar-extract.invalid/schema/record"
SCHEMA_VERSION = "0.2.0"
SCHEMA_RESOURCE = "data/schema/record.schema.json"

__all__ = ["SCHEMA_ID", "SCHEMA_VERSION", "load_schema", "error_record", "ERROR_CODES"]

ERROR_CODES = (
    "not_found",
    "unreadable",
    "empty",
    "binary",
    "undecodable",
    "too_large",
    "bad_json",
    "bad_record",
    "extract_failed",
)


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The record JSON Schema shipped in the package (draft 2020-12)."""
    text = resources.files("khabar_extract").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema = json.loads(text)
    if schema.get("$id") != SCHEMA_ID:
        raise RuntimeError(f"{SCHEMA_RESOURCE}: $id {schema.get('$id')!r} is not {SCHEMA_ID!r}")
    return schema


def error_record(source: dict[str, Any], code: str, message: str) -> dict[str, Any]:
    """The record written in place of an article that could not be read or extracted."""
    if code not in ERROR_CODES:
        raise ValueError(f"unknown error code {code!r}; expected one of {', '.join(ERROR_CODES)}")
    keep = ("path", "line", "sha256", "format", "encoding", "id", "url")
    return {
        "schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "extractor_version": __version__,
        "source": {k: source[k] for k in keep if source.get(k) is not None},
        "error": {"code": code, "message": message},
    }
