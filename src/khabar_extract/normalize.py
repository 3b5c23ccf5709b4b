"""Offset-keeping Persian normaliser (first cut: one-to-one folds and invisible marks).

``normalize(text)`` returns a :class:`Normalized` holding the untouched original, the
normalised text, a map between the two and the list of fixes applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .offsets import ChainMap, Edit, EditMap, apply_edits

__all__ = ["Normalized", "normalize"]

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"

# One-to-one folds: they keep length, so they need no offset bookkeeping.
_FOLD = str.maketrans(
    {
        "\N{ARABIC LETTER YEH}": "\N{ARABIC LETTER FARSI YEH}",
        "\N{ARABIC LETTER ALEF MAKSURA}": "\N{ARABIC LETTER FARSI YEH}",
        "\N{ARABIC LETTER KAF}": "\N{ARABIC LETTER KEHEH}",
        **{chr(0x0660 + i): chr(0x06F0 + i) for i in range(10)},
        **{chr(0x0030 + i): chr(0x06F0 + i) for i in range(10)},
    }
)

_DELETE = regex.compile(
    "[\N{ARABIC TATWEEL}\N{ZERO WIDTH SPACE}\N{ZERO WIDTH NO-BREAK SPACE}\N{LEFT-TO-RIGHT MARK}"
    "\N{RIGHT-TO-LEFT MARK}\u202a-\u202e\u2066-\u2069]+"
)


@dataclass(frozen=True)
class Normalized:
    """The result of :func:`normalize`."""

    original: str
    text: str
    fixes: tuple[tuple[str, int], ...] = ()
    _map: ChainMap = field(default_factory=lambda: ChainMap([]), repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the normalised text to ``[start, end)`` of the original."""
        return self._map.to_input(start, end)

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the original to ``[start, end)`` of the normalised text."""
        return self._map.to_output(start, end)


def normalize(text: str) -> Normalized:
    """Normalise Persian ``text``; the original is kept and every span maps back to it."""
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes str, not {type(text).__name__}; decode bytes first")
    fixes: list[tuple[str, int]] = []
    stages: list[EditMap] = []
    out = text.translate(_FOLD)
    edits = [Edit(m.start(), m.end(), "") for m in _DELETE.finditer(out)]
    if edits:
        out, emap = apply_edits(out, edits)
        stages.append(emap)
        fixes.append(("remove_invisible", len(edits)))
    return Normalized(text, out, tuple(fixes), ChainMap(stages))
