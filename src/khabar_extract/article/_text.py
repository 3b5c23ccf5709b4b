"""Small text helpers for the article stage: a length-keeping fold, line spans, lexicon patterns."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..numbers import decimal_line_break

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"

# One-to-one folds only, so that a position in the folded text is the same position in the original:
# every span found on the folded text is already a span of the original.
_FOLD_PAIRS = (
    ("\N{ARABIC LETTER YEH}", "\N{ARABIC LETTER FARSI YEH}"),
    ("\N{ARABIC LETTER ALEF MAKSURA}", "\N{ARABIC LETTER FARSI YEH}"),
    ("\N{ARABIC LETTER KAF}", "\N{ARABIC LETTER KEHEH}"),
    ("\N{ARABIC LETTER TEH MARBUTA}", "\N{ARABIC LETTER HEH}"),
    ("\N{ARABIC LETTER HEH WITH YEH ABOVE}", "\N{ARABIC LETTER HEH}"),
    *((chr(0x0660 + i), chr(0x06F0 + i)) for i in range(10)),
)
_NEEDS_FOLD = re.compile("[" + "".join(a for a, _ in _FOLD_PAIRS) + "]")
_SHORT = 200
#: Dropped from comparison keys besides white space: ZWSP, ZWNJ, ZWJ, LRM, RLM and the BOM.
_KEY_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\ufeff"

# Characters that carry no visible content: trimmed from line spans together with white space.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE_SET = frozenset(_INVISIBLE)


def fold(text: str) -> str:
    """Fold Arabic ي ى ك ة and Arabic-Indic digits to their Persian forms; the length never changes."""
    # a whole article: one fast ``in`` scan per character beats one regex search (~3x); a phrase: the reverse
    if len(text) < _SHORT and not _NEEDS_FOLD.search(text):
        return text
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


#: What key() has to fold or drop besides white space (a phrase that has none of it only loses its spaces).
_KEY_WORK = re.compile("[" + "".join(a for a, _ in _FOLD_PAIRS) + _KEY_INVISIBLE + "]")


def key(text: str) -> str:
    """A comparison key: folded, without white space, ZWNJ or invisible marks."""
    # str.split() splits on exactly the characters regex \s matches; removing each mark with str.replace
    # is several times faster than one regex substitution per run of them
    if len(text) < _SHORT and _KEY_WORK.search(text) is None:  # a word or a phrase: one regex test
        return "".join(text.split())
    out = "".join(fold(text).split())
    for mark in _KEY_INVISIBLE:
        if mark in out:
            out = out.replace(mark, "")
    return out


_WS = " \t\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_WS_INVISIBLE = _WS + _INVISIBLE
#: Every character ``str.isspace()`` accepts, which is what regex ``\s`` matches in a str pattern.
SPACES = _WS + "\n"


class EndsWith:
    """What the regex ``[marks][tail]*$`` finds with ``search``, read from the end instead of scanning.

    ``search(p)`` is true when the last character of ``p`` that is neither white space nor in ``tail`` is one of
    ``marks`` (``marks`` and ``tail`` share no character, so that is the only place a match can start).
    A paragraph of 300 characters costs a ``str.rstrip`` instead of a regex search along it.
    """

    __slots__ = ("marks", "_strip")

    def __init__(self, marks: str, tail: str) -> None:
        if set(marks) & set(tail + SPACES):
            raise ValueError("EndsWith: marks and tail must not share a character")
        self.marks = marks
        self._strip = tail + SPACES

    def search(self, p: str) -> bool:
        q = p.rstrip(self._strip)
        return q != "" and q[-1] in self.marks


#: One line with visible content, as :func:`line_spans` gives it: ``(start, end, block, outer_start, outer_end)``.
Line = tuple[int, int, int, int, int]


def line_spans(text: str) -> tuple[list[Line], list[tuple[int, int]]]:
    """Lines with visible content, and the lines holding nothing but invisible marks.

    Returns ``(lines, marks)``: ``lines`` holds ``(start, end, block, outer_start, outer_end)`` of every line with
    visible content: ``[start, end)`` is the line trimmed of white space and invisible marks (ZWSP, BOM, bidi
    controls), for matching; ``[outer_start, outer_end)`` is the line trimmed of white space only (what a segment
    covers, so that no non-space character is left out); ``block`` numbers the groups of consecutive non-blank
    lines. ``marks`` holds the spans (trimmed of white space) of the lines holding nothing but invisible marks,
    which count as blank lines between blocks.
    """
    out: list[Line] = []
    marks: list[tuple[int, int]] = []
    block = 0
    prev_blank = True
    pos = 0
    for line in text.split("\n"):
        # str.strip() without arguments strips exactly _WS here (str.isspace, and no line break is left)
        stripped = line.strip()
        if not stripped:
            prev_blank = True
            pos += len(line) + 1
            continue
        if stripped is line:  # nothing stripped (str.strip returns the string itself)
            os_ = pos
            oe = pos + len(line)
        else:
            os_ = pos if stripped[0] == line[0] else pos + len(line) - len(line.lstrip())
            oe = os_ + len(stripped)
        s, e = os_, oe
        if stripped[0] in _INVISIBLE_SET or stripped[-1] in _INVISIBLE_SET:
            inner = stripped.strip(_WS_INVISIBLE)
            if not inner:
                marks.append((os_, oe))
                prev_blank = True
                pos += len(line) + 1
                continue
            s = os_ + len(stripped) - len(stripped.lstrip(_WS_INVISIBLE))
            e = s + len(inner)
        if prev_blank:
            if out:
                block += 1
        elif text[pos - 2] in ".\N{ARABIC DECIMAL SEPARATOR}" and decimal_line_break(text, pos - 1):
            # A decimal the source split at its point (۲۶.⏎۸): one line, so that its
            # paragraph and sentence hold the whole number.
            ps, _pe, pb, pos_, _poe = out.pop()
            s, os_, block = ps, pos_, pb
        out.append((s, e, block, os_, oe))
        prev_blank = False
        pos += len(line) + 1
    return out, marks


def _phrase_parts(phrase: str) -> list[str]:
    """The words of a lexicon phrase, folded: what its pattern matches, with spaces and ZWNJ in between."""
    return [p for p in re.split(r"[\s\u200c]+", fold(phrase).strip()) if p]


def phrase_pattern(phrase: str) -> str:
    """Regex source for a lexicon phrase: folded, a space or ZWNJ in it matches any run of them or none."""
    return r"[\s\u200c]*".join(re.escape(p) for p in _phrase_parts(phrase))


def phrase_heads(phrases: list[str] | tuple[str, ...]) -> frozenset[str]:
    """The characters a match of ``alternation(phrases)`` starts with: a cheap test before an anchored match."""
    return frozenset(parts[0][0] for parts in map(_phrase_parts, phrases) if parts)


def alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """One regex alternation for a list of phrases, longest first, grouped by first character.

    ``(?:ای(?:رنا|سنا)|فارس|...)`` instead of ``(?:ایرنا|ایسنا|فارس|...)``: alternatives that start with
    different characters never match at the same place, and the order within a group is the order of the
    flat list, so the regex finds exactly the same matches; the engine tests one character per group instead
    of trying every phrase (the agency list has dozens) at every position.
    """
    pats = sorted({phrase_pattern(p) for p in phrases if p.strip()}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for pat in pats:
        head = pat[:2] if pat.startswith("\\") else pat[:1]  # an escaped character is one unit
        groups.setdefault(head, []).append(pat[len(head):])
    alts = [head + rests[0] if len(rests) == 1 else head + "(?:" + "|".join(rests) + ")" for head, rests in groups.items()]
    return "(?:" + "|".join(alts) + ")"


@cache
def load_data(name: str) -> dict[str, Any]:
    """Read ``khabar_extract/data/<name>`` (JSON object); a clear error names the file."""
    path = resources.files("khabar_extract").joinpath("data", name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RuntimeError(f"khabar_extract/data/{name} is missing from the installed package") from None
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"khabar_extract/data/{name}: not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise RuntimeError(f"khabar_extract/data/{name}: expected a JSON object at the top level")
    return data


def string_list(data: dict[str, Any], field: str, source: str) -> list[str]:
    value = data.get(field)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuntimeError(f"khabar_extract/data/{source}: '{field}' must be a list of non-empty strings")
    return value


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Map from the key of every known spelling to the agency's canonical short name."""
    data = load_data("agencies.json")
    table = data.get("agencies")
    if not isinstance(table, dict) or not table:
        raise RuntimeError("khabar_extract/data/agencies.json: 'agencies' must be a non-empty object")
    out: dict[str, str] = {}
    for name, spellings in table.items():
        if not isinstance(spellings, list) or not all(isinstance(s, str) and s.strip() for s in spellings):
            raise RuntimeError(f"khabar_extract/data/agencies.json: agencies[{name!r}] must be a list of strings")
        for s in [name, *spellings]:
            out[key(s)] = name
    return out


@lru_cache(maxsize=4096)
def canonical_agency(surface: str | None) -> str | None:
    """The canonical short name of an agency spelling (a string result: cached, the surfaces repeat)."""
    if not surface:
        return None
    return agencies().get(key(surface), surface.strip())
