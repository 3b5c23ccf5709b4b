"""The pipeline: normalise -> read the article -> extract facts -> one record."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .article import Article, read_article
from .facts import Fact, extract_facts
from .normalize import Normalized, normalize
from .numbers import visual_decimal_order

__all__ = ["Record", "extract", "SCHEMA_ID", "SCHEMA_VERSION"]

SCHEMA_ID = "https://khabar-extract.invalid/schema/record"
SCHEMA_VERSION = "0.2.0"

#: Largest integer a JavaScript (IEEE double) consumer reads exactly.
MAX_SAFE_INTEGER = 2**53 - 1


def fact_id(sha256: str, kind: str, span: tuple[int, int] | list[int]) -> str:
    """Deterministic fact id: the first 20 hex digits of sha1("<source sha256>:<kind>:<start>:<end>").

    Same input bytes, same kind and span -> same id, so re-importing a record is an upsert."""
    return hashlib.sha1(f"{sha256}:{kind}:{span[0]}:{span[1]}".encode("ascii")).hexdigest()[:20]


def value_str(value: Any) -> str | None:
    """The exact decimal string of a numeric value (money always carries it; see docs/record-schema.md)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None if value is None else str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


@dataclass
class Record:
    """Everything khabar_extract knows about one article."""

    normalized: Normalized
    article: Article
    facts: list[Fact]
    source: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.normalized.original

    def to_dict(self) -> dict[str, Any]:
        source = dict(self.source)
        if not source.get("sha256"):  # library call without a file: hash the text as UTF-8
            source["sha256"] = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        facts = []
        for f in self.facts:
            d = {"id": fact_id(source["sha256"], f.kind, f.span), **f.to_dict()}
            value = d.get("value")
            if f.kind == "money" or (isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER):
                d["value_str"] = value_str(value)
            d.update(self.article.locate(*f.span))
            facts.append(d)
        return {
            "schema": SCHEMA_ID,
            "schema_version": SCHEMA_VERSION,
            "extractor_version": __version__,
            "source": source,
            "article": dict(self.article.meta),
            "segments": list(self.article.segments),
            "interview": self.article.interview,
            "facts": facts,
            "warnings": list(self.warnings),
        }


def extract(text: str, *, source: dict[str, Any] | None = None) -> Record:
    """Run the whole pipeline on one article's text."""
    if not isinstance(text, str):
        raise TypeError(f"extract() takes str, not {type(text).__name__}; decode bytes first")
    doc = normalize(text)
    article = read_article(text, doc)
    # the plain Jalali date: Article.reference_date would build a jdatetime.date, which reads the process locale
    facts = _outside_chrome(extract_facts(doc, reference_date=article.reference_jalali), article)
    return Record(doc, article, facts, source=dict(source or {}), warnings=_decimal_warnings(text, facts))


#: The warning of a record whose facts hold slash decimals of the old Fars encoding (docs/numbers.md).
VISUAL_DECIMALS_WARNING = (
    "old Fars encoding (Arabic ي/ك, ASCII digits): its slash decimals are often stored in visual order "
    "(5/30 for 30.5); they are read as written (extract_facts(..., visual_decimals=True) reads them swapped)"
)
_SLASH_DECIMAL = re.compile(r"(?<![0-9/])[0-9]+/[0-9]+(?![0-9/])")


def _decimal_warnings(text: str, facts: list[Fact]) -> list[str]:
    """Warn when a fact other than a date holds an ASCII two-part slash decimal in an old-encoding text, whose
    value may be the parts swapped: the gold convention reads numbers as written, so the value is not changed."""
    # the encoding test first: two character scans of the text, cheaper than a regex search per fact
    if visual_decimal_order(text) and any(f.kind != "date" and _SLASH_DECIMAL.search(f.text) for f in facts):
        return [VISUAL_DECIMALS_WARNING]
    return []


def _outside_chrome(facts: list[Fact], article: Article) -> list[Fact]:
    """Drop facts inside page chrome (``بازگشت به صفحه نخست``, comment counters): page furniture is no fact
    (GUIDE). Header segments (the publication date) are not chrome and keep their facts."""
    starts, ends = article.chrome_spans()
    if not starts:
        return facts
    # chrome segments are top-level, so they do not overlap: a fact inside one is inside the last that starts
    # at or before it
    kept = []
    for f in facts:
        i = bisect_right(starts, f.span[0]) - 1
        if i < 0 or f.span[1] > ends[i]:
            kept.append(f)
    return kept
