"""Sentence splitting for Persian news text, with spans over the original string.

``split_sentences(text, start, end)`` returns half-open ``[s, e)`` spans (code points of ``text``),
trimmed of surrounding whitespace, that tile the non-blank content of ``text[start:end]``.

Rules (each one exercised by ``tests/test_sentences*.py``):

* A line break always ends a sentence (bodies stored one sentence per line are common), except inside a
  decimal number that such a source split at its decimal point (``۲۶.⏎۸ میلیارد دلار``: digits, ``.`` or
  ``٫``, one newline, digits; ``numbers.decimal_line_break``).
* ``.`` ``!`` ``?`` ``؟`` (and runs such as ``؟!``) end a sentence, together with any closing quotes or
  brackets that follow (``«...چرا؟»``), when followed by white space or the end of the line, or by a
  Persian letter with no space in between (``کنند.اعتبار``: a missing space after a full stop).
* A full stop never ends a sentence inside a number (``۲.۵``, ``12.5``), after a single-letter
  abbreviation or a listed one (``ه.ق``, ``ج.ا.ا``, ``Dr.``: ``data/sentences.json``), between two Latin
  letters (``irna.ir``), after a bare list number at the start of a sentence (``1. ...``), or as part of an
  ellipsis (``و... ``). ``/`` and ``:`` never end a sentence, so ``۱۴۰۲/۱۲/۲۱`` and ``۷:۵۷`` stay whole.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .numbers import decimal_line_break

__all__ = ["split_sentences", "sentence_texts"]

_TERMINAL_CHARS = ".!?؟…"
_CLOSERS = "»\"”’')]}"
_SPACE = re.compile(r"\s+")
#: A line's content: from its first to its last non-space character (no line break inside).
_CONTENT_LINE = re.compile(r"\S(?:[^\n]*\S)?")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    path = resources.files("khabar_extract").joinpath("data/sentences.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:  # pragma: no cover - packaging error
        raise RuntimeError(f"khabar_extract/data/sentences.json is unreadable: {exc}") from None
    abbrs = data.get("abbreviations") if isinstance(data, dict) else None
    if not isinstance(abbrs, list) or not all(isinstance(a, str) and a.strip() for a in abbrs):
        raise RuntimeError("khabar_extract/data/sentences.json: 'abbreviations' must be a list of non-empty strings")
    return frozenset(a.casefold() for a in abbrs)


def _is_persian_letter(c: str) -> bool:
    return ("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff") and c.isalpha()


def _is_latin_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


_PERSIAN3 = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]{3}")
_MAX_ABBR = 8  # longer tokens are never abbreviations: stop scanning back


def _token_before(line: str, pos: int, floor: int) -> str:
    """The run of letters, digits and inner dots ending just before ``pos`` (at most ``_MAX_ABBR`` + 1)."""
    i = pos
    stop = max(floor, pos - _MAX_ABBR - 1)
    while i > stop and (line[i - 1].isalnum() or line[i - 1] in ".\N{ZERO WIDTH NON-JOINER}"):
        i -= 1
    return line[i:pos]


@lru_cache(maxsize=1)
def _long_persian_abbreviations() -> bool:
    """Whether any listed abbreviation ends in three or more Persian letters (disables a fast path)."""
    return any(
        len(core) >= 3 and all(_is_persian_letter(c) for c in core)
        for core in (a.rsplit(".", 1)[-1] for a in _abbreviations())
    )


def _is_boundary(text: str, s: int, e: int, sent_start: int, line_end: int) -> int:
    """End of the sentence if the terminal run ``text[s:e]`` ends one, else -1."""
    before = text[s - 1] if s > sent_start else ""
    if before == "(":  # "(!)", "(؟)": an aside, not an end
        return -1
    only_dots = text.count(".", s, e) == e - s
    if only_dots and e - s > 1 and e < line_end:
        return -1  # ellipsis inside a line: "و... "
    # absorb closing quotes and brackets
    end = e
    while end < line_end and text[end] in _CLOSERS:
        end += 1
    after = text[end] if end < line_end else ""
    if only_dots and e - s == 1 and not (
        # fast path: a Persian word of three letters or more before the stop is no abbreviation
        s - 3 >= sent_start and _PERSIAN3.match(text, s - 3, s) and not _long_persian_abbreviations()
    ):
        if before.isdigit() and (after.isdigit() or after == "\n" and decimal_line_break(text, end)):
            return -1  # decimal: ۲.۵, or ۲۶.⏎۸ split across a line break by the source
        if end == e and _is_latin_letter(before) and _is_latin_letter(after):
            return -1  # irna.ir, e.g
        token = _token_before(text, s, sent_start)
        if token and len(token) <= _MAX_ABBR:
            core = token.rsplit(".", 1)[-1]
            abbrs = _abbreviations()
            if core and (len(core) == 1 and core.isalpha() or token.casefold() in abbrs or core.casefold() in abbrs):
                return -1  # ه.ق / Dr. / ج.ا.ا
            if token.isdigit() and len(token) <= 3 and s - len(token) == sent_start:
                return -1  # list numbering "1. ..."
    if not after or after.isspace():
        return end
    if _is_persian_letter(after) or after == "«":
        # missing space after the stop: "کنند.اعتبار", "بود؟چرا"
        if before and (before.isalpha() or before in _CLOSERS or before.isdigit() and not only_dots):
            return end
    return -1


def _terminal_marks(text: str, start: int, end: int) -> list[int]:
    """The positions of the sentence-final marks in ``text[start:end]``, in order (str.find is fast)."""
    pos: list[int] = []
    for ch in _TERMINAL_CHARS:
        p = text.find(ch, start, end)
        while p >= 0:
            pos.append(p)
            p = text.find(ch, p + 1, end)
    pos.sort()
    return pos


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``[s, e)`` of the sentences of ``text[start:end]``, in order, whitespace-trimmed."""
    if not isinstance(text, str):
        raise TypeError(f"split_sentences() takes str, not {type(text).__name__}")
    if end is None or end > len(text):
        end = len(text)
    return split_lines(text, content_lines(text, max(0, start), end))


def content_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``text[start:end]`` with content, trimmed of white space; a decimal that the source wrote
    across a line break (``۲۶.⏎۸``, ``numbers.decimal_line_break``) joins its two lines into one."""
    out: list[tuple[int, int]] = []
    for m in _CONTENT_LINE.finditer(text, start, end):
        ls, le = m.span()
        if out:
            ps, pe = out[-1]
            if (ls == pe + 1 and text[pe - 1] in ".\N{ARABIC DECIMAL SEPARATOR}" and text[pe] == "\n"
                    and decimal_line_break(text, pe)):
                out[-1] = (ps, le)
                continue
        out.append((ls, le))
    return out


def split_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of the given lines of ``text``, in order: ``lines`` are ``content_lines`` of it, all of
    them or some (a line is always a sentence boundary, so each line's sentences depend on that line alone;
    the article stage passes the lines of its paragraphs, which ``line_spans`` found the same way)."""
    if not lines:
        return []
    out: list[tuple[int, int]] = []
    marks = _terminal_marks(text, lines[0][0], lines[-1][1])
    marks.append(len(text) + 1)  # a sentinel: after every line
    fast_words = not _long_persian_abbreviations()
    k = 0  # the next mark
    for ls, le in lines:
        sent_start = ls
        while marks[k] < le:
            # the run of consecutive marks [rs, re_)
            rs = marks[k]
            re_ = rs + 1
            k += 1
            while marks[k] == re_:
                re_ += 1
                k += 1
            if re_ == le:
                # the run ends the line (most lines end so): boundary or not, the sentence runs to the line's end
                break
            if rs < sent_start:
                continue  # a run in a line that was left out, or inside the sentence just ended
            # the common cases, as _is_boundary decides them, for one mark followed by white space or the line's
            # end: "...کرد. " (a word of three Persian letters, then a full stop) and "...دارند؟" (not a full stop,
            # not an aside "(!)")
            if re_ == rs + 1 and (re_ == le or text[re_].isspace()) and (
                (text[rs] == "." and rs - 3 >= sent_start and fast_words and _PERSIAN3.match(text, rs - 3, rs))
                or (text[rs] != "." and (rs == sent_start or text[rs - 1] != "("))
            ):
                stop = re_
            else:
                stop = _is_boundary(text, rs, min(re_, le), sent_start, le)
                if stop < 0:
                    continue
            out.append((sent_start, stop))
            while stop < le and text[stop].isspace():
                stop += 1
            sent_start = stop
        if sent_start < le:
            out.append((sent_start, le))
    return out


def sentence_texts(text: str) -> list[str]:
    """The sentences of ``text`` as strings (convenience for tests and quick looks)."""
    return [text[s:e] for s, e in split_sentences(text)]
