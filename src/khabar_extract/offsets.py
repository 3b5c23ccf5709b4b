"""Sparse offset maps between an input string and a rewritten output string.

Every length-changing rewrite in khabar_extract goes through :func:`apply_edits`, which
returns the new text and an :class:`EditMap`.  Untouched stretches of text are implicit
(identity with a constant shift); only the replaced pieces are stored, so the cost is
proportional to the number of edits, not to the length of the article.

Spans are half-open ``[start, end)`` in code points everywhere.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Edit", "EditMap", "apply_edits", "apply_spans", "ChainMap"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` with ``replacement`` (an insertion when start == end)."""

    start: int
    end: int
    replacement: str


class EditMap:
    """Maps positions of an output string back to its input (and forward).

    Internally: for each edit, the output range ``[out_start, out_end)`` replaced the input
    range ``[in_start, in_end)``.  Between edits the two strings are identical, shifted.
    """

    __slots__ = ("_in_starts", "_in_ends", "_out_starts", "_out_ends", "in_len", "out_len")

    def __init__(
        self,
        in_starts: list[int],
        in_ends: list[int],
        out_starts: list[int],
        out_ends: list[int],
        in_len: int,
        out_len: int,
    ) -> None:
        self._in_starts = in_starts
        self._in_ends = in_ends
        self._out_starts = out_starts
        self._out_ends = out_ends
        self.in_len = in_len
        self.out_len = out_len

    @classmethod
    def identity(cls, length: int) -> EditMap:
        return cls([], [], [], [], length, length)

    def __len__(self) -> int:
        return len(self._in_starts)

    # -- output -> input -------------------------------------------------
    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Map an output span back to the input span it came from."""
        return self.to_input_many([(start, end)])[0]

    def to_input_many(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Map every output span in ``spans`` back to the input span it came from, in one loop (the facts stage
        maps all its spans back at once). A span's start inside a replacement widens to the whole input piece;
        at a deletion, a start goes after it and an end before it."""
        outs, out_ends, in_starts, in_ends = self._out_starts, self._out_ends, self._in_starts, self._in_ends
        out_len = self.out_len
        nouts = len(outs)
        result: list[tuple[int, int]] = []
        append = result.append
        for start, end in spans:
            if not 0 <= start <= end <= out_len:
                raise ValueError(f"span [{start}, {end}) out of range 0..{out_len}")
            # i: the last edit whose output starts at or before the position
            i = bisect_right(outs, start) - 1
            if i < 0:
                s = start
            elif start < (oe := out_ends[i]):  # at the start of a replacement or inside it
                s = in_starts[i]
            else:  # after the edit (or at a deletion: after it too)
                s = start - oe + in_ends[i]
            if end == start:
                append((s, s))
                continue
            if i + 1 < nouts and outs[i + 1] <= end:
                i = bisect_right(outs, end, i + 1) - 1
            if i < 0:
                e = end
            elif end > (oe := out_ends[i]):  # after the edit
                e = end - oe + in_ends[i]
            elif end == outs[i]:  # at the start of the edit (a deletion's too: before it)
                e = in_starts[i]
            else:  # inside a replacement or at its end
                e = in_ends[i]
            append((s, e if e > s else s))
        return result

    # -- input -> output -------------------------------------------------
    def _fwd(self, pos: int, *, is_end: bool) -> int:
        ins = self._in_starts
        i = bisect_right(ins, pos) - 1
        if i < 0:
            return pos
        is_, ie = ins[i], self._in_ends[i]
        os_, oe = self._out_starts[i], self._out_ends[i]
        if pos == is_:
            if is_ == ie:  # an insertion here: spans of the input never take inserted text in
                return oe if not is_end else os_
            return os_
        if pos < ie:
            return oe if is_end else os_
        return pos - ie + oe

    def to_output(self, start: int, end: int) -> tuple[int, int]:
        """Map an input span forward to the output span that now holds it."""
        if not 0 <= start <= end <= self.in_len:
            raise ValueError(f"span [{start}, {end}) out of range 0..{self.in_len}")
        s = self._fwd(start, is_end=False)
        if end == start:
            return s, s
        e = self._fwd(end, is_end=True)
        return s, max(s, e)


def apply_edits(source: str, edits: Iterable[Edit]) -> tuple[str, EditMap]:
    """Apply non-overlapping edits (sorted by start) to ``source``.

    Returns the rewritten text and the map between the two.  Edits that change nothing
    are dropped, so the map stays as small as possible.
    """
    return apply_spans(source, [(ed.start, ed.end, ed.replacement) for ed in edits])


def apply_spans(source: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, EditMap]:
    """:func:`apply_edits` for edits given as plain ``(start, end, replacement)`` tuples (cheaper to
    build than :class:`Edit` objects where a pass makes many)."""
    parts: list[str] = []
    in_starts: list[int] = []
    in_ends: list[int] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    cursor = 0
    out_len = 0
    for start, end, rep in edits:
        if start < cursor or end < start:
            raise ValueError(f"edits overlap or are unsorted at {start}")
        if source[start:end] == rep:
            continue
        if start == cursor and in_ends:  # (the cursor is where the last edit kept ends)
            # Adjacent to the previous edit: merge, so that positions never fall between two
            # edits that share a boundary (keeps both directions monotone and unambiguous).
            parts.append(rep)
            out_len += len(rep)
            in_ends[-1] = end
            out_ends[-1] = out_len
            cursor = end
            continue
        keep = source[cursor:start]
        parts.append(keep)
        out_len += len(keep)
        in_starts.append(start)
        in_ends.append(end)
        out_starts.append(out_len)
        parts.append(rep)
        out_len += len(rep)
        out_ends.append(out_len)
        cursor = end
    tail = source[cursor:]
    parts.append(tail)
    out_len += len(tail)
    return "".join(parts), EditMap(in_starts, in_ends, out_starts, out_ends, len(source), out_len)


class ChainMap:
    """Composition of several :class:`EditMap` stages (first stage applied first)."""

    __slots__ = ("stages", "_reversed")

    def __init__(self, stages: Sequence[EditMap]) -> None:
        self.stages = [s for s in stages if len(s)]
        self._reversed = self.stages[::-1]

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        for stage in self._reversed:
            start, end = stage.to_input(start, end)
        return start, end

    def to_input_many(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """:meth:`to_input` of every span in ``spans`` (same results; one pass over the spans per stage)."""
        spans = list(spans)
        for stage in self._reversed:
            spans = stage.to_input_many(spans)
        return spans

    def to_output(self, start: int, end: int) -> tuple[int, int]:
        for stage in self.stages:
            start, end = stage.to_output(start, end)
        return start, end
