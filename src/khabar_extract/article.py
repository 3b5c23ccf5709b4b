"""Article reading and segmentation.

PLACEHOLDER until the article stage lands (issue 4): the whole text is one body segment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .normalize import Normalized, normalize

__all__ = ["Article", "read_article"]


@dataclass
class Article:
    meta: dict[str, Any]
    segments: list[dict[str, Any]] = field(default_factory=list)
    interview: dict[str, Any] | None = None
    reference_date: Any = None  # jdatetime.date of publication, when known

    def locate(self, start: int, end: int) -> dict[str, Any]:
        """Where a span of the original sits: paragraph / sentence / turn indexes."""
        return {}


def read_article(text: str, normalized: Normalized | None = None) -> Article:
    doc = normalized or normalize(text)
    return Article(meta={}, segments=[{"kind": "body", "span": [0, len(doc.original)]}])
