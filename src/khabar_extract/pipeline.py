"""The pipeline: normalise -> read the article -> extract facts -> one record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .article import Article, read_article
from .facts import Fact, extract_facts
from .normalize import Normalized, normalize

__all__ = ["Record", "extract", "SCHEMA_ID", "SCHEMA_VERSION"]

SCHEMA_ID = "https://khabar-extract.invalid/schema/record"
SCHEMA_VERSION = "0.1.0"


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
        facts = []
        for f in self.facts:
            d = f.to_dict()
            d.update(self.article.locate(*f.span))
            facts.append(d)
        return {
            "schema": SCHEMA_ID,
            "schema_version": SCHEMA_VERSION,
            "extractor_version": __version__,
            "source": dict(self.source),
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
    facts = extract_facts(doc, reference_date=article.reference_date)
    return Record(doc, article, facts, source=dict(source or {}))
