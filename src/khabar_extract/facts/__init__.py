"""Fact extraction (numbers, money, percentages, dates, counted quantities).

PLACEHOLDER until the facts stage lands (issue 3): returns no facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..normalize import Normalized

__all__ = ["Fact", "extract_facts"]


@dataclass(frozen=True)
class Fact:
    kind: str
    value: Any
    span: tuple[int, int]
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value, "span": list(self.span), "text": self.text, **self.attrs}


def extract_facts(doc: Normalized, *, reference_date: Any = None) -> list[Fact]:
    return []
