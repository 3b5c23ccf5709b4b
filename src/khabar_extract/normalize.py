"""Offset-keeping Persian normaliser.

``normalize(text)`` returns a :class:`Normalized` holding the untouched original, the normalised
text, a map between the two and the list of fixes applied (with counts).  The fixes run as a short,
fixed sequence of passes; each pass is one of

* a one-to-one character fold (same length, no offset bookkeeping): Arabic letters to Persian,
  presentation forms to letters, digits to one script;
* a set of edits found by one regular expression and applied with :func:`offsets.apply_edits`,
  so every length-changing fix keeps an exact map back to the original.

``Normalized.explain()`` lists the fixes in the order they ran, and
``apply_fixes(original, doc.fixes, doc.options)`` replays exactly those fixes and gives the same
text (the ftfy idea: the explanation is executable).  See ``docs/normalization.md``.
"""

from __future__ import annotations

import json
import re
import sys
import types
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress, groupby, repeat
from pathlib import Path
from typing import Any, NamedTuple

from .offsets import ChainMap, EditMap, apply_spans

__all__ = [
    "Normalized",
    "NormalizeOptions",
    "Fix",
    "FIXES",
    "normalize",
    "apply_fixes",
    "fold_chars",
    "ZwnjLexicon",
    "LexiconError",
    "load_lexicon",
]

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
LRM = "\N{LEFT-TO-RIGHT MARK}"
RLM = "\N{RIGHT-TO-LEFT MARK}"

# ---------------------------------------------------------------------------------------------------
# Character classes (as regex class bodies)
# ---------------------------------------------------------------------------------------------------

#: Arabic-script letters used in Persian text (after folding), plus the combining hamza above/below.
LETTER = (
    "\u0621-\u063a\u0641-\u064a\u0654\u0655\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
)
#: Vowel marks (harakat), tanvin, shadda, sukun, superscript alef.
DIACRITIC = "\u064b-\u0652\u0670"
#: Characters that belong to a word piece: letters and marks.
PIECE = LETTER + DIACRITIC
DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
#: Letters that never join to the following letter (a ZWNJ after them is invisible and pointless).
NON_JOINING = frozenset(
    "\u0621\u0622\u0623\u0624\u0625\u0627\u0629\u062f\u0630\u0631\u0632\u0698\u0648\u06c0\u06d5\u0671"
    "\u0688\u0689\u068a\u068b\u068c\u068d\u068e\u068f\u0690\u0691\u0692\u0693\u0694\u0695\u0696\u0697"
    "\u0699\u06c4\u06c5\u06c6\u06c7\u06c8\u06c9\u06ca\u06cb\u06cf\u06d2\u06d3"
)
#: Invisible format characters that are deleted (ZWNJ, LRM and RLM are judged by context).
INVISIBLE_CHARS = "\u00ad\u061c\u200b\u200d\u2060\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
INVISIBLE = INVISIBLE_CHARS

_PIECE_RUN = re.compile(f"[{PIECE}]+")
_PIECE_CHARS = frozenset(filter(re.compile(f"[{PIECE}]").fullmatch, map(chr, range(0x0600, 0x0700))))
_LETTER_CHARS = frozenset(filter(re.compile(f"[{LETTER}]").fullmatch, _PIECE_CHARS))
_DIACRITICS = frozenset(map(chr, [*range(0x064B, 0x0653), 0x0670]))
_WORD_CHARS = (
    _PIECE_CHARS
    | frozenset("0123456789")
    | frozenset(map(chr, range(0x0660, 0x066A)))
    | frozenset(map(chr, range(0x06F0, 0x06FA)))
)
# Word characters that no pass deletes (a ZWNJ between two of them is well placed).
_SOLID_CHARS = _WORD_CHARS - _DIACRITICS
_KASHIDA = "\N{ARABIC TATWEEL}"
#: What the marks pass looks at.
_MARK_CHARS = frozenset(_KASHIDA + INVISIBLE_CHARS + LRM + RLM + ZWNJ) | _DIACRITICS


# ---------------------------------------------------------------------------------------------------
# Options and results
# ---------------------------------------------------------------------------------------------------

_DIGIT_SCRIPTS = {"fa": 0x06F0, "ar": 0x0660, "latin": 0x0030, "keep": None}


@dataclass(frozen=True)
class NormalizeOptions:
    """What :func:`normalize` does.  Immutable; the defaults are what the pipeline uses.

    ``digits``: ``"fa"`` (Persian ۰-۹, default), ``"ar"`` (Arabic-Indic ٠-٩), ``"latin"`` (0-9) or
    ``"keep"``.  ``diacritics``: remove vowel marks (default True).  ``zwnj``: repair missing ZWNJ.
    ``spacing``: collapse spaces and fix spacing around Persian punctuation.  ``lexicon``: a
    :class:`ZwnjLexicon` (or a folder holding one) instead of the bundled one.
    ``zwnj_author_style``: off by default (every place is repaired, as a careful editor would, so the
    same word reads the same in every article); True weighs each class of ZWNJ repair against the
    document's own spelling and leaves the spelling the author plainly chose (``می شود`` written apart
    many times and glued almost never) (docs/normalization.md, "Following the author").
    """

    digits: str = "fa"
    diacritics: bool = True
    zwnj: bool = True
    spacing: bool = True
    lexicon: Any = field(default=None, compare=False, hash=False)
    zwnj_author_style: bool = False

    def __post_init__(self) -> None:
        if self.digits not in _DIGIT_SCRIPTS:
            raise ValueError(f"digits must be one of {sorted(_DIGIT_SCRIPTS)}, not {self.digits!r}")
        if self.lexicon is not None and not isinstance(self.lexicon, (ZwnjLexicon, str, Path)):
            raise TypeError("lexicon must be a ZwnjLexicon or the folder of one")


DEFAULT_OPTIONS = NormalizeOptions()


class Fix(NamedTuple):
    """One fix that changed the text, and how many places it changed."""

    name: str
    count: int


@dataclass(frozen=True)
class Normalized:
    """The result of :func:`normalize`."""

    original: str
    text: str
    fixes: tuple[Fix, ...] = ()
    _map: ChainMap = field(default_factory=lambda: ChainMap([]), repr=False, compare=False)
    options: NormalizeOptions = field(default=DEFAULT_OPTIONS, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the normalised text to ``[start, end)`` of the original."""
        return self._map.to_input(start, end)

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the original to ``[start, end)`` of the normalised text."""
        return self._map.to_output(start, end)

    def explain(self) -> list[str]:
        """One line per fix applied, in order: name, count and what it does.

        ``apply_fixes(self.original, self.fixes, self.options)`` replays them to ``self.text``.
        """
        return [f"{f.name} x{f.count}: {FIXES[f.name]}" for f in self.fixes]


#: Every fix, in the order the passes run, with a one-line description (docs/normalization.md).
FIXES: dict[str, str] = {
    "fold_arabic_letters": "Arabic ي ى ك (and ڪ ھ ہ, ة outside Arabic phrases) written as Persian ی ک ه",
    "fold_presentation_forms": "presentation forms (U+FB50-FDFF, U+FE70-FEFF) to the letters they show",
    "fold_digits": "Persian, Arabic-Indic and ASCII digits to one script (separators untouched)",
    "expand_ligatures": "ligature presentation forms (ﻻ) to their letters (لا); word ligatures such as ﷼ kept",
    "remove_kashida": "kashida (ـ) inside words deleted",
    "remove_diacritics": "vowel marks ( َ ُ ِ ً ٌ ٍ ّ ْ ٰ) deleted",
    "remove_invisible": "ZWSP, ZWJ, BOM, soft hyphen, bidi controls deleted; stray or doubled ZWNJ removed",
    "lrm_as_zwnj": "LRM/RLM used between letters where a ZWNJ belongs, turned into a ZWNJ (or a space)",
    "collapse_spaces": "runs of spaces to one (a column gap of 4+ to a tab), spaces at line edges removed, NBSP and other spaces to a space (not between digits)",
    "space_punctuation": "no space before ، ؛ ؟ ! » ) and after « (, one space after ، ؛ ؟ and around «» ()",
    "zwnj_glued": "ZWNJ inserted inside glued words (گروههای → گروه‌های, میکند → می‌کند)",
    "zwnj_spaced": "space replaced by ZWNJ in split words (گروه های → گروه‌های, می کنند → می‌کنند)",
}


Counts = dict[str, int]
#: An edit of a pass: replace ``text[start:end]`` with ``replacement`` (``offsets.apply_spans``).
Span = tuple[int, int, str]
EditPass = Callable[[str, NormalizeOptions, frozenset[str]], tuple[list[Span], Counts]]

# ---------------------------------------------------------------------------------------------------
# Pass 1: one-to-one folds.  One scan finds the few characters that need folding; each run is
# translated and counted by fix.  Same length, so no offset bookkeeping.
# ---------------------------------------------------------------------------------------------------

_LETTER_FOLD = {
    "\N{ARABIC LETTER YEH}": "\N{ARABIC LETTER FARSI YEH}",
    "\N{ARABIC LETTER ALEF MAKSURA}": "\N{ARABIC LETTER FARSI YEH}",
    "\N{ARABIC LETTER KAF}": "\N{ARABIC LETTER KEHEH}",
    "\N{ARABIC LETTER SWASH KAF}": "\N{ARABIC LETTER KEHEH}",
    "\N{ARABIC LETTER HEH DOACHASHMEE}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER HEH GOAL}": "\N{ARABIC LETTER HEH}",
}
_LETTER_FOLD_TABLE = str.maketrans(_LETTER_FOLD)
_TEH_MARBUTA = "\N{ARABIC LETTER TEH MARBUTA}"
# Word ligatures (U+FDF0-FDFF: ﷲ ﷺ ﷼ ﷽ ...) are symbols in their own right: kept.
_KEEP_FORMS = range(0xFDF0, 0xFE00)
#: Spaces other than U+0020 that are folded to it (except one standing between two digits).
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


def _presentation_tables() -> tuple[dict[str, str], dict[str, str]]:
    """One-to-one and one-to-many maps of the presentation forms, built from Unicode decompositions."""
    one: dict[str, str] = {}
    many: dict[str, str] = {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        if cp in _KEEP_FORMS:
            continue
        ch = chr(cp)
        dec = unicodedata.decomposition(ch)
        if not dec.startswith("<"):
            continue
        tag, _, rest = dec.partition(" ")
        if tag not in {"<isolated>", "<final>", "<initial>", "<medial>"}:
            continue
        chars = "".join(map(chr, map(int, rest.split(), repeat(16))))
        if (
            len(chars) >= 2
            and chars[0] in " \u0640"
            and all(unicodedata.category(c) == "Mn" for c in chars[1:])
        ):
            chars = chars[1:]  # isolated or medial vowel marks (U+FE70-FE7F, U+FC5E-FC63): the marks alone
        chars = chars.translate(_LETTER_FOLD_TABLE)
        if chars == _TEH_MARBUTA:
            chars = "\N{ARABIC LETTER HEH}"
        (one if len(chars) == 1 else many)[ch] = chars
    return one, many


_FORM_ONE, _FORM_MANY = _presentation_tables()
_DIGIT_CHARS = (
    "0123456789" + "".join(chr(0x0660 + i) for i in range(10)) + "".join(chr(0x06F0 + i) for i in range(10))
)
_DIGITS = frozenset(_DIGIT_CHARS)


def _class(chars: Iterable[str]) -> str:
    """A regex class body for ``chars``, consecutive code points written as ranges (quicker to compile)."""
    points = sorted(set(map(ord, chars)))
    # runs of consecutive code points: the code point minus its rank is the same along a run
    runs = [[chr(c) for _, c in run] for _, run in groupby(enumerate(points), lambda ic: ic[1] - ic[0])]
    return "".join(re.escape(r[0]) + (f"-{re.escape(r[-1])}" if len(r) > 1 else "") for r in runs)


#: Folds that depend on the neighbours (ة before ال, an odd space between digits): looked at one by one.
_CONDITIONAL_FOLDS = frozenset(_TEH_MARBUTA + _ODD_SPACES)


class _FoldTable(NamedTuple):
    #: char -> (replacement, fix name) for every one-to-one fold.
    folds: dict[str, tuple[str, str]]
    #: One capturing scan for the folded characters and for those the later passes look for (ligatures
    #: and marks), so that the fold also tells which passes have work (:func:`_run`).
    scan: re.Pattern[str]
    #: Every character the scan finds -> its fold (itself when it is not folded).
    replace: dict[str, str]


@lru_cache(maxsize=8)
def _fold_table(digits: str) -> _FoldTable:
    table: dict[str, tuple[str, str]] = {}
    for k, v in _LETTER_FOLD.items():
        table[k] = (v, "fold_arabic_letters")
    table[_TEH_MARBUTA] = ("\N{ARABIC LETTER HEH}", "fold_arabic_letters")
    for k, v in _FORM_ONE.items():
        table[k] = (v, "fold_presentation_forms")
    base = _DIGIT_SCRIPTS[digits]
    if base is not None:
        for d in _DIGIT_CHARS:
            target = chr(base + int(unicodedata.digit(d)))
            if target != d:
                table[d] = (target, "fold_digits")
    for sp in _ODD_SPACES:
        table[sp] = (" ", "collapse_spaces")
    if any(rep in table for rep, _ in table.values()):
        raise AssertionError("a fold's result is folded again: the folds would not be one pass")
    found = set(table) | set(_FORM_MANY) | (_MARK_CHARS - {ZWNJ})  # (ZWNJ: _may_have_marks)
    replace = {c: table[c][0] if c in table else c for c in found}
    return _FoldTable(table, re.compile(f"([{_class(found)}])"), replace)


def _fold(text: str, digits: str, enabled: frozenset[str]) -> tuple[str, Counts, Set[str]]:
    """The one-to-one folds of ``text``, their counts, and the characters of ``_fold_table``'s scan seen."""
    folds, scan, replace = _fold_table(digits)
    parts = scan.split(text)
    if len(parts) == 1:
        return text, {}, frozenset()
    chars = parts[1::2]
    seen = Counter(chars)
    counts: Counts = {}
    for ch, k in seen.items():
        got = folds.get(ch)
        if got is not None:
            if got[1] not in enabled:
                return (*_fold_each(text, folds, scan, enabled), seen.keys())
            counts[got[1]] = counts.get(got[1], 0) + k
    parts[1::2] = map(replace.__getitem__, chars)
    if not _CONDITIONAL_FOLDS.isdisjoint(seen):
        ends = list(accumulate(map(len, parts)))  # ends[2 * k + 1]: just after the k-th character found
        for k in compress(range(len(chars)), map(_CONDITIONAL_FOLDS.__contains__, chars)):
            if _fold_kept(text, ends[2 * k + 1] - 1):
                parts[2 * k + 1] = chars[k]
                counts[folds[chars[k]][1]] -= 1
        counts = {name: k for name, k in counts.items() if k}
    return "".join(parts), counts, seen.keys()


def _fold_kept(text: str, i: int) -> bool:
    """Whether the foldable ``text[i]`` stays as written here (``_CONDITIONAL_FOLDS``)."""
    if text[i] == _TEH_MARBUTA:
        # Kept in an Arabic genitive phrase (دائرة المعارف): ة + optional space/ZWNJ + ال.
        j = i + 1
        if j < len(text) and text[j] in " \N{ZERO WIDTH NON-JOINER}":
            j += 1
        return text.startswith("\u0627\u0644", j)
    # an odd space between two digits is a thousands separator (۱۲ ۵۰۰): one token, left alone
    return 0 < i < len(text) - 1 and text[i - 1] in _DIGITS and text[i + 1] in _DIGITS


def _fold_each(
    text: str, folds: dict[str, tuple[str, str]], scan: re.Pattern[str], enabled: frozenset[str]
) -> tuple[str, Counts]:
    """:func:`_fold` one character at a time, for ``apply_fixes`` with some folds disabled."""
    counts: Counts = {}
    parts: list[str] = []
    last = 0
    for m in scan.finditer(text):
        i = m.start()
        got = folds.get(text[i])
        if got is None or got[1] not in enabled or (text[i] in _CONDITIONAL_FOLDS and _fold_kept(text, i)):
            continue
        rep, name = got
        parts.append(text[last:i])
        parts.append(rep)
        last = i + 1
        counts[name] = counts.get(name, 0) + 1
    if not parts:
        return text, counts
    parts.append(text[last:])
    return "".join(parts), counts


def fold_chars(text: str, digits: str = "fa") -> str:
    """The one-to-one folds alone (letters, presentation forms, digits, odd spaces): same length.

    >>> fold_chars("كتاب ١٢ ي")
    'کتاب ۱۲ ی'
    """
    return _fold(text, digits, _ALL)[0]


# ---------------------------------------------------------------------------------------------------
# Edit passes: each returns edits (sorted, non-overlapping) and counts per fix name.  Every scan
# starts with one literal or character class (no leading lookbehind), so the regex engine skips
# quickly to the few places that need a decision, which is then taken in Python.
# ---------------------------------------------------------------------------------------------------

_LIGATURE_RE = re.compile(f"[{_class(_FORM_MANY)}]")


def _pass_ligatures(text: str, opts: NormalizeOptions, enabled: frozenset[str]) -> tuple[list[Span], Counts]:
    if "expand_ligatures" not in enabled or text.isascii():
        return [], {}
    edits = [(m.start(), m.end(), _FORM_MANY[m.group()]) for m in _LIGATURE_RE.finditer(text)]
    return edits, ({"expand_ligatures": len(edits)} if edits else {})


# A ZWNJ between two word characters that no pass deletes is well placed (the common case, about 20 in
# a Fars article): the scan skips it.  Any other ZWNJ, and every other mark, is looked at.
# (One leading character class, so that the regex engine skips quickly to the marks.)
_MARKS_RE = re.compile(
    f"[{_KASHIDA}{DIACRITIC}{INVISIBLE}{LRM}{RLM}{ZWNJ}]"
    f"(?:(?<!{ZWNJ})|(?![{_class(_SOLID_CHARS)}])|(?<![{_class(_SOLID_CHARS)}]{ZWNJ}))"
)
_INVISIBLES = frozenset(INVISIBLE_CHARS + LRM + RLM + ZWNJ)
_KASHIDA_SKIP = _INVISIBLES | {_KASHIDA}


def _neighbours(text: str, s: int, e: int, skip: frozenset[str]) -> tuple[str, int, str, int]:
    """The characters left of ``s`` and right of ``e``, skipping ``skip`` (marks deleted anyway)."""
    i = s - 1
    while i >= 0 and text[i] in skip:
        i -= 1
    j = e
    n = len(text)
    while j < n and text[j] in skip:
        j += 1
    return (text[i] if i >= 0 else ""), i, (text[j] if j < n else ""), j


def _pass_marks(text: str, opts: NormalizeOptions, enabled: frozenset[str]) -> tuple[list[Span], Counts]:
    edits: list[Span] = []
    counts: Counts = {}
    strip_marks = opts.diacritics and "remove_diacritics" in enabled
    skip = (_DIACRITICS | {_KASHIDA}) if strip_marks else frozenset({_KASHIDA})
    n = len(text)
    pos = 0
    while True:
        m = _MARKS_RE.search(text, pos)
        if m is None:
            break
        s = m.start()
        first = text[s]
        # The run of the same kind of mark.
        group = {_KASHIDA} if first == _KASHIDA else (_DIACRITICS if first in _DIACRITICS else _INVISIBLES)
        e = s + 1
        while e < n and text[e] in group:
            e += 1
        pos = e
        rep = ""
        if first == _KASHIDA:
            # (past other kashida too: ـ‍ـی is one decoration, whichever run is looked at first)
            left, _, right, _ = _neighbours(text, s, e, _KASHIDA_SKIP)
            if left not in _PIECE_CHARS and right not in _PIECE_CHARS:
                continue  # a lone kashida used as a dash
            name = "remove_kashida"
        elif first in _DIACRITICS:
            if not strip_marks:
                continue
            name = "remove_diacritics"
        else:
            if (
                e == s + 1
                and first == ZWNJ
                and 0 < s
                and e < n
                and text[s - 1] in _SOLID_CHARS
                and text[e] in _SOLID_CHARS
            ):
                continue  # a well-placed ZWNJ (the common case)
            run = text[s:e]
            left, li, right, rj = _neighbours(text, s, e, skip)
            inside = left in _WORD_CHARS and right in _WORD_CHARS
            if run == ZWNJ and inside:
                continue  # a well-placed ZWNJ
            name = "remove_invisible"
            if (LRM in run or RLM in run) and left in _PIECE_CHARS and right in _PIECE_CHARS:
                name = "lrm_as_zwnj"
                if left not in NON_JOINING:
                    lw = _PIECE_RUN.findall(text, max(0, li - 12), li + 1)
                    rm = _PIECE_RUN.match(text, rj)
                    numbers = _rules()["number_words"]
                    a = lw[-1] if lw else ""
                    b = rm.group() if rm else ""
                    rep = " " if (a in numbers or b in numbers) else ZWNJ
            elif ZWNJ in run and inside:
                rep = ZWNJ
        if name not in enabled:
            continue
        edits.append((s, e, rep))
        counts[name] = counts.get(name, 0) + 1
    return edits, counts


# Spacing.  Literal-led scans: a space that may be wrong (before another space, a line end or closing
# punctuation), a line that starts with a space, and each punctuation mark (the regex engine skips quickly to a
# given character, while it tests a character class at every character of the text).
_CLOSE = "،؛؟!»)]"
# (searched in the text + "\n", so that a space at the very end is found without a slower "|$"; only where a
# match starts is used, and the character after the space is matched rather than looked ahead at: quicker)
_SPACE_RE = re.compile(f" [ \\n{re.escape(_CLOSE)}.:]")
_LEAD_RE = re.compile("\n ")
#: Opening marks, and the closing ones where a letter or number follows without a space: (mark, its scan).
_PUNCT_RES = tuple(
    (ch, re.compile(re.escape(ch) + follow))
    for marks, follow in (("«([", ""), ("،؛؟!", f"(?=[{LETTER}])"), (")»", f"(?=[{PIECE}{DIGIT}])"))
    for ch in marks
)


def _pass_spacing(text: str, opts: NormalizeOptions, enabled: frozenset[str]) -> tuple[list[Span], Counts]:
    if not opts.spacing or not text:
        return [], {}
    do_sp = "collapse_spaces" in enabled
    do_p = "space_punctuation" in enabled
    if not (do_sp or do_p):
        return [], {}
    n = len(text)
    found: list[tuple[int, int, str, str]] = []  # start, end, replacement, fix name
    # Spaces.
    pos = 0
    if text[0] == " ":
        e = 1
        while e < n and text[e] == " ":
            e += 1
        if e < n and text[e] != "\n":
            found.append((0, e, "", "collapse_spaces"))
        pos = e
    for m in _LEAD_RE.finditer(text):
        s = m.start() + 1
        e = s + 1
        while e < n and text[e] == " ":
            e += 1
        if e < n and text[e] != "\n":
            found.append((s, e, "", "collapse_spaces"))
    padded = text + "\n"
    while True:
        m = _SPACE_RE.search(padded, pos)
        if m is None:
            break
        s = m.start()
        e = s + 1
        while e < n and text[e] == " ":
            e += 1
        pos = e
        prev = text[s - 1] if s > 0 else "\n"
        nxt = text[e] if e < n else ""
        if prev == "\n" or prev in "«([":
            continue  # leading spaces of a line, spaces after an opening mark: handled elsewhere
        if nxt in ("", "\n"):
            found.append((s, e, "", "collapse_spaces"))
            continue
        if nxt in ".:":
            after = text[e + 1] if e + 1 < n else ""
            if (prev in _LETTER_CHARS or prev in ")»") and (after == "" or after.isspace()):
                found.append((s, e, "", "space_punctuation"))
                continue
        elif nxt in _CLOSE and (prev in _WORD_CHARS or prev in ")»]"):
            found.append((s, e, "", "space_punctuation"))
            continue
        if e - s >= 4 and prev not in " \t" and nxt not in " \t":
            found.append((s, e, "\t", "collapse_spaces"))
        elif e - s >= 2:
            found.append((s, e, " ", "collapse_spaces"))
    # Punctuation (mark by mark: the edits are sorted below).
    for ch, scan in _PUNCT_RES:
        if ch not in text:
            continue
        for m in scan.finditer(text):
            s = m.start()
            if ch in "«([":
                prev = text[s - 1] if s > 0 else "\n"
                if (ch == "«" and prev in _WORD_CHARS) or (ch == "(" and prev in _LETTER_CHARS):
                    found.append((s, s, " ", "space_punctuation"))
                if s + 1 < n and text[s + 1] == " ":
                    e = s + 1
                    while e < n and text[e] == " ":
                        e += 1
                    if e < n and text[e] != "\n":
                        found.append((s + 1, e, "", "space_punctuation"))
            else:  # (a letter or number follows, as its scan requires)
                found.append((s + 1, s + 1, " ", "space_punctuation"))
    found.sort(key=lambda f: (f[0], f[1]))
    edits: list[Span] = []
    counts: Counts = {}
    cursor = 0
    for s, e, rep, name in found:
        if s < cursor or name not in enabled:
            continue
        edits.append((s, e, rep))
        counts[name] = counts.get(name, 0) + 1
        cursor = e
    return edits, counts


# ---------------------------------------------------------------------------------------------------
# ZWNJ repair
# ---------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return _load_rules(resources.files("khabar_extract") / "data" / "normalize" / "rules.json")


class LexiconError(ValueError):
    """A data file under ``data/normalize`` is malformed; the message names the file and the entry."""


_UNSEEN_VERB_ENDINGS = ("ند", "ید", "یم")


def _load_rules(path: Any) -> dict[str, Any]:
    name = getattr(path, "name", str(path))
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"{name}: cannot read: {exc}") from exc
    need = {
        "plural_suffixes": list,
        "comparative_suffixes": list,
        "perfect_endings": list,
        "verb_prefixes": list,
        "verb_endings": list,
        "never_join": list,
        "never_split": list,
        "number_words": list,
        "compounds": list,
    }
    out: dict[str, Any] = {}
    for key, typ in need.items():
        if not isinstance(raw.get(key), typ):
            raise LexiconError(f"{name}: '{key}' must be a {typ.__name__}")
        for item in raw[key]:
            if not isinstance(item, str) or not item or item != item.strip():
                raise LexiconError(f"{name}: '{key}' has a bad entry {item!r}")
            if ZWNJ in item and key != "compounds":
                raise LexiconError(f"{name}: '{key}' entry {item!r} holds a ZWNJ")
        out[key] = frozenset(fold_chars(x) for x in raw[key])
    for c in out["compounds"]:
        if c.count(ZWNJ) != 1:
            raise LexiconError(f"{name}: compound {c!r} must be two parts joined by one ZWNJ")
    return out


class TokenEdges(NamedTuple):
    """What the ZWNJ pass needs of a space-separated token (:meth:`ZwnjLexicon.token_flags`)."""

    #: The piece (run of letters) the token starts with ('' if it starts otherwise), and its first part
    #: when the glued piece is split.
    lead: str
    lead_part: str
    #: The piece the token ends with (''), and its last part when it is split (None when it is not).
    trail: str
    trail_part: str | None
    #: Where ZWNJ go inside the token's glued pieces: (offset in the token, repair class).
    cuts: tuple[tuple[int, int], ...]


#: TokenEdges(*fields) without the Python-level __new__ of a NamedTuple (half the cost, on the first-sight path):
#: ``_edges(TokenEdges, (lead, lead_part, trail, trail_part, cuts))``.
_edges = tuple.__new__

# What a token brings to the ZWNJ pass (bits of ZwnjLexicon.token_flags): a glued piece to split inside
# it; a first or last piece that is split, a verb prefix, the first part of a learned pair, or a second
# part (suffix, perfect ending, bound part) that a space next to it may be written as a ZWNJ.  A last piece
# that is split is flagged only when its last part is a verb prefix or the first part of a learned pair:
# otherwise only a second part after the space can join it (ZwnjLexicon.join), and a token starting with
# one is flagged itself (its lead space is the same candidate).
_TOKEN_GLUED = 1
_TOKEN_SPLIT_LEAD = 2
_TOKEN_SECOND_LEAD = 4
_TOKEN_SPLIT_TRAIL = 8
_TOKEN_PREFIX_TRAIL = 16
_TOKEN_PAIR_TRAIL = 32
#: The flags that a token's first piece brings (the others come from its last piece).
_TOKEN_LEAD_FLAGS = _TOKEN_GLUED | _TOKEN_SPLIT_LEAD | _TOKEN_SECOND_LEAD
#: The flags that a token's last piece brings (a glued piece to split brings its cuts wherever it stands).
_TOKEN_TRAIL_FLAGS = _TOKEN_GLUED | _TOKEN_SPLIT_TRAIL | _TOKEN_PREFIX_TRAIL | _TOKEN_PAIR_TRAIL
#: Where the ZWNJ pass separates tokens besides spaces: line breaks, and the punctuation a word is most often written
#: against (محروم، «ایرنا» ایرنا. خبر: دارند؟), so that such a word is looked up as the word itself, cached since
#: earlier texts, instead of being a new token, described at its first sight (in the raw corpus, about 7 of the ~30
#: new tokens an article brings; punctuation between two letters splits a token's runs of letters, which were
#: looked at one by one already).  Every one is a single character standing for a separator of the same length, so
#: token positions are unchanged; only a space is ever a candidate (each is read in the text), so nothing is
#: joined across them.  (A mark costs a str.replace per call: marks that frame few new words are left out.)
_TOKEN_BREAKS = (
    "\n\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}.:"
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
)
#: Punctuation and digits that often stand before or after a word in a token (محروم، «ایرنا ۱۲۰۰ها): no letter
#: or mark, so a token is the word between them framed (ZwnjLexicon._describe_framed).
_FRAME_CHARS = "".join(
    sorted(set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~«»،؛؟٪٫٬…–—' + _DIGIT_CHARS + ZWNJ) - _PIECE_CHARS)
)


class DerivedTables(NamedTuple):
    """The tables :class:`ZwnjLexicon` learns from the counts and rules (``ZwnjLexicon._derive``)."""

    #: What follows می‌/نمی‌ in the junctions (verb rests), and their stems without person endings.
    verb_rests: frozenset[str]
    verb_stems: frozenset[str]
    #: A glued word -> the two parts it is written as; a spaced pair -> ZWNJ when it is written joined.
    split_words: dict[str, tuple[str, str]]
    join_pairs: dict[tuple[str, str], str]
    #: Bound second parts (and the strongly bound among them), bound first parts.
    bound_seconds: frozenset[str]
    strong_seconds: frozenset[str]
    bound_firsts: frozenset[str]


class PreparedAnswers(NamedTuple):
    """Answers of the bundled lexicon worked out when it was built (:data:`DERIVED_FILE`), so that a text seen
    for the first time does not work them out again (they are what the methods named give, tested by
    tests/test_normalize_lexicon_derived.py).  A lexicon read from its TSVs has none: it works everything out."""

    #: :meth:`ZwnjLexicon.join_decision` of every junction pair (looked up before the join cache).
    joins: dict[tuple[str, str], tuple[str | None, int]]
    #: :meth:`ZwnjLexicon.split` of every learned split word (looked up before the split cache).
    splits: dict[str, tuple[str, ...] | None]
    #: For every known piece that brings something to the ZWNJ pass (``pure_pieces & maybe_hot``), as a token:
    #: its ``_TOKEN_*`` flags and its cuts (``TokenEdges.cuts``).
    tokens: dict[str, tuple[int, tuple[tuple[int, int], ...]]]


_NO_ANSWERS = PreparedAnswers({}, {}, {})
#: join_decision answers as letters in DERIVED_FILE (one per junction pair, quick to read): the letter
#: ``5 * (None, ZWNJ, '').index(replacement) + repair class`` places after 'a'.
_JOIN_ANSWERS = {chr(ord("a") + 5 * i + k): (rep, k) for i, rep in enumerate((None, ZWNJ, "")) for k in range(5)}
_JOIN_LETTERS = {answer: letter for letter, answer in _JOIN_ANSWERS.items()}


class _Affixes:
    """Strings that may end (or start) a piece, tested on many pieces: the piece's last (first) ``k`` letters,
    ``k`` the shortest string's length, are looked up in a set first, which rejects most pieces without
    ``str.endswith`` over the whole tuple (a C loop of one comparison per string, 118 bound second parts)."""

    __slots__ = ("words", "k", "keys", "at_end", "lengths")

    def __init__(self, words: Iterable[str], *, at_end: bool):
        self.words = tuple(words)
        self.k = min(map(len, self.words), default=1)
        self.keys = frozenset(w[-self.k :] if at_end else w[: self.k] for w in self.words)
        self.at_end = at_end
        # key -> the lengths of the words with that key, shortest first (read by ZwnjLexicon._split)
        by_key: dict[str, set[int]] = {}
        for w in self.words:
            by_key.setdefault(w[-self.k :] if at_end else w[: self.k], set()).add(len(w))
        self.lengths = {key: tuple(sorted(n)) for key, n in by_key.items()}

    def found_in(self, piece: str) -> bool:
        if self.at_end:
            return piece[-self.k :] in self.keys and piece.endswith(self.words)
        return piece[: self.k] in self.keys and piece.startswith(self.words)


#: ZwnjLexicon._affixes of a piece: the lengths of the suffixes, bound second parts and bound first parts that may
#: end or start it (None: none), and whether a verb prefix starts it.
_AffixLengths = tuple[tuple[int, ...] | None, tuple[int, ...] | None, tuple[int, ...] | None, bool]


class _TokenFlags(dict[str, int]):
    """A lexicon's cache of token flags (``ZwnjLexicon.token_flags``): a token not in it yet is described and
    stored when it is looked up with ``[]``, so that one ``map`` over an article's tokens reads the flags of the
    known ones and works out those of the new ones (no second pass to find them).  (It holds its lexicon's
    describing method, and the lexicon holds it: a cycle for the lexicon's lifetime, not one per call.)"""

    __slots__ = ("describe", "edges")

    def __init__(self, lex: ZwnjLexicon) -> None:
        super().__init__()
        self.describe = lex._describe_token
        self.edges: dict[str, TokenEdges] = {}

    def with_edges(self) -> tuple[_TokenFlags, dict[str, TokenEdges]]:
        """The cache and the dict where it stores the edges of the flagged tokens it describes."""
        return self, self.edges

    def __missing__(self, token: str) -> int:
        return self.describe(token, self, self.edges)


class ZwnjLexicon:
    """What the ZWNJ repair knows: hand-written rules plus word counts learned from Fars text.

    ``pieces``: how often each word piece (a run of letters between spaces, ZWNJ or punctuation)
    occurs; ``junctions``: for a pair of pieces ``(a, b)``, how often they are written ``a‌b`` (ZWNJ)
    and ``a b`` (space).  Rebuilt by ``scripts/build_zwnj_lexicon.py``.
    """

    #: Tokens whose flags and edges are kept (the 1,379 raw articles bring about 45,000, about 8 MB).
    TOKEN_CACHE_SIZE = 50_000

    def __init__(
        self,
        rules: dict[str, Any],
        pieces: dict[str, int],
        junctions: dict[tuple[str, str], tuple[int, int]],
        initial: dict[str, int] | None = None,
        final: dict[str, int] | None = None,
        *,
        derived: DerivedTables | None = None,
        prepared: PreparedAnswers | None = None,
    ):
        self.rules = rules
        self.pieces = pieces
        # How often a piece starts a word (no ZWNJ before it) and ends one (no ZWNJ after it).
        self.initial = initial if initial is not None else dict(pieces)
        self.final = final if final is not None else dict(pieces)
        self.junctions = junctions
        self.number_words: frozenset[str] = rules["number_words"]
        self.never_join: frozenset[str] = rules["never_join"] | rules["number_words"]
        self.never_split: frozenset[str] = rules["never_split"]
        self.plural: frozenset[str] = rules["plural_suffixes"]
        self.comparative: frozenset[str] = rules["comparative_suffixes"]
        self.perfect: frozenset[str] = rules["perfect_endings"]
        self.verb_prefixes: frozenset[str] = rules["verb_prefixes"]
        self.verb_endings = tuple(sorted(rules["verb_endings"], key=len, reverse=True))
        self.suffixes = self.plural | self.comparative
        # The tables learned from the counts (the slow part: the bundled lexicon ships them, DERIVED_FILE).
        (
            self.verb_rests,
            self.verb_stems,
            self.split_words,
            self.join_pairs,
            self.bound_seconds,
            self.strong_seconds,
            self.bound_firsts,
        ) = derived if derived is not None else self._derive()
        self._prepared = prepared or _NO_ANSWERS
        self._finish()

    def _derive(self) -> DerivedTables:
        """The tables learned from the counts, given the rules (``__init__`` sets both first)."""
        pieces, junctions = self.pieces, self.junctions
        # Learned: what follows می‌/نمی‌ (verb rests), and their stems without person endings.
        rests = {b for (a, b) in junctions if a in self.verb_prefixes and len(b) >= 2}
        stems = set()
        for r in rests:
            for end in self.verb_endings:
                if r.endswith(end) and len(r) - len(end) >= 2:
                    stems.add(r[: -len(end)])
        # Learned joins of spaced pairs and splits of glued words.
        join_pairs: dict[tuple[str, str], str] = {}
        split_words: dict[str, tuple[str, str]] = {}
        for c in self.rules["compounds"]:
            a, b = c.split(ZWNJ)
            join_pairs[(a, b)] = ZWNJ
            split_words[a + b] = (a, b)
        for (a, b), (j, s) in junctions.items():
            if a in self.never_join or b in self.never_join or a[-1] in NON_JOINING:
                continue
            if a + b in self.never_split:
                continue
            glued = pieces.get(a + b, 0)
            if j > glued or (j == glued and b in self.plural):
                best = split_words.get(a + b)
                if best is None or junctions.get(best, (0, 0))[0] < j:
                    split_words[a + b] = (a, b)
            if j >= 2 and j > s and j > glued:
                join_pairs[(a, b)] = ZWNJ
        # Productive parts: written joined to at least 3 different words, and bound (more often
        # joined by ZWNJ than standing alone): رسانی، ریزی، سازی ... as second parts, بی ... as first.
        seconds: dict[str, list[int]] = {}
        firsts: dict[str, list[int]] = {}
        grammatical = self.plural | self.comparative | self.perfect | {"ای"}
        for (a, b), (j, _s) in junctions.items():
            if a in self.verb_prefixes or a.endswith("می") or b in grammatical:
                continue
            sb = seconds.setdefault(b, [0, 0])
            sb[0] += 1
            sb[1] += j
            fa = firsts.setdefault(a, [0, 0])
            fa[0] += 1
            fa[1] += j
        bound_seconds = frozenset(
            b
            for b, (n, j) in seconds.items()
            if n >= 2 and len(b) >= 3 and self.initial.get(b, 0) < j and b not in self.never_join
        )
        # Strongly bound: almost never written alone (پور، زاده، آبادی، رسانی): any word may precede.
        strong_seconds = frozenset(
            b for b in bound_seconds if 5 * self.initial.get(b, 0) <= seconds[b][1] and len(b) >= 3
        )
        bound_firsts = frozenset(
            a
            for a, (n, j) in firsts.items()
            if n >= 3
            and len(a) >= 2
            and self.final.get(a, 0) < j
            and a not in self.never_join
            and a[-1] not in NON_JOINING
        )
        return DerivedTables(
            frozenset(rests), frozenset(stems), split_words, join_pairs, bound_seconds, strong_seconds, bound_firsts
        )

    def _finish(self) -> None:
        """The look-up sets and caches built from the tables (quick: set operations)."""
        pieces = self.pieces
        self.piece_set = frozenset(pieces)
        # Pieces that are one run of letters (all of them, in a learned lexicon: checked in one match).
        self.pure_pieces = (
            self.piece_set
            if _PIECE_RUN.fullmatch("".join(pieces) or "-")
            else frozenset(p for p in pieces if _PIECE_RUN.fullmatch(p))
        )
        self.split_set = frozenset(self.split_words)
        # The same sets as affix tests: a piece ending in no suffix and no bound second part, and starting with
        # no bound first part, is rejected by _split with a few set look-ups.
        self.verb_prefix_starts = tuple(self.verb_prefixes)
        self.suffix_ends = _Affixes(self.suffixes, at_end=True)
        self.bound_ends = _Affixes(self.bound_seconds, at_end=True)
        self.bound_starts = _Affixes(self.bound_firsts, at_end=False)
        # What this process works out, cached beside the prepared answers, which stay in dicts of their own that
        # nothing writes to: CPython stops tracking a dict of atomic keys and values at a full collection and
        # tracks it again, in the youngest generation, when a new tuple is stored in it, so that the next young
        # collection would walk all of its entries (0.2 ms for the ~10,000 prepared ones, in the first call after
        # a gc.collect()).
        self._split_prepared = self._prepared.splits
        self._split_cache: dict[str, tuple[str, ...] | None] = {}
        self.join_prepared = self._prepared.joins
        self.join_cache: dict[tuple[str, str], tuple[str | None, int]] = {}
        self.cuts_cache: dict[str, tuple[tuple[int, int], ...]] = {}
        # Per space-separated token: its flags (_TOKEN_* bits) and its edges (TokenEdges), both cached;
        # the two dicts are replaced by empty ones, never emptied, when they grow past TOKEN_CACHE_SIZE.
        self._tokens: tuple[_TokenFlags, dict[str, TokenEdges]] = _TokenFlags(self).with_edges()
        # Second parts a space before which is worth a look (the scan of _pass_zwnj).
        self.spaced_seconds = frozenset(self.suffixes | self.perfect | self.bound_seconds | {"ای"})
        # Learned pairs whose space neither of those scans (second part, verb prefix) finds.
        self.other_pairs: dict[str, frozenset[str]] = {}
        for a, b in self.join_pairs:
            if b not in self.spaced_seconds and a not in self.verb_prefixes:
                self.other_pairs[a] = self.other_pairs.get(a, frozenset()) | {b}
        self.other_pair_firsts = frozenset(self.other_pairs)
        # (the same as tuples: a token after the space that starts with none of them is not looked at)
        self.other_pair_starts = {a: tuple(bs) for a, bs in self.other_pairs.items()}
        # The last piece of a token is worth a look when a space after it may be joined.
        self.trail_firsts = self.verb_prefixes | self.other_pair_firsts
        # A known piece outside these brings nothing to the ZWNJ pass (no _TOKEN_* flag).
        self.maybe_hot = self.spaced_seconds | self.trail_firsts | self.split_set

    # -- decisions -------------------------------------------------------------------------------
    def known(self, piece: str) -> bool:
        return self.pieces.get(piece, 0) >= 1

    def is_verb_rest(self, rest: str) -> bool:
        if rest in self.verb_rests:
            return True
        if (
            len(rest) >= 5
            and rest.endswith(_UNSEEN_VERB_ENDINGS)
            and self.pieces.get(rest, 0) == 0
            and not rest.startswith(self.verb_prefix_starts)
        ):
            return True  # an unseen verb: می + a stem + a plural person ending
        for end in self.verb_endings:
            if rest.endswith(end) and rest[: -len(end)] in self.verb_stems:
                return True
        return rest in self.verb_stems

    def split(self, piece: str) -> tuple[str, ...] | None:
        """The parts a glued piece should be written as (joined by ZWNJ), or None to leave it."""
        cached = self._split_prepared.get(piece, False)
        if cached is False:
            cached = self._split_cache.get(piece, False)
            if cached is False:
                return self._split_new(piece)
        return cached  # type: ignore[return-value]

    def _split_new(self, piece: str, affixes: _AffixLengths | None = None) -> tuple[str, ...] | None:
        """:meth:`split` of a piece neither prepared nor in its cache yet (then stored there); ``affixes``: its
        :meth:`_affixes`, when the caller has them."""
        out = self._split(piece, 0, affixes)
        if len(self._split_cache) > 50000:
            self._split_cache.clear()
        self._split_cache[piece] = out
        return out

    def split_of(self, piece: str) -> tuple[str, ...] | None:
        """:meth:`split` of a piece of a text, when it writes the piece as two parts or more (only a piece
        learned as a split or never seen is looked at: a known piece is a word in its own right)."""
        if piece in self.split_set or piece not in self.piece_set:
            parts = self._split_prepared.get(piece, False)
            if parts is False:
                parts = self._split_cache.get(piece, False)
                if parts is False:
                    parts = self._split_new(piece)
            if parts and len(parts) > 1:
                return parts
        return None

    def token_flags(self, tokens: list[str]) -> tuple[list[int], dict[str, TokenEdges]]:
        """The ``_TOKEN_*`` flags of each token (``text.split(" ")``), and the dict of edges to pass to
        :meth:`token_edges` for them (it already holds those of the flagged tokens)."""
        if len(self._tokens[0]) > self.TOKEN_CACHE_SIZE:
            self._tokens = _TokenFlags(self).with_edges()
        flag_cache, edge_cache = self._tokens  # (the same two dicts throughout, whatever another thread does)
        # one pass: a token not seen before is described where it is looked up (_TokenFlags.__missing__)
        return list(map(flag_cache.__getitem__, tokens)), edge_cache

    def token_edges(self, token: str, edge_cache: dict[str, TokenEdges]) -> TokenEdges:
        """The edges of a token given to :meth:`token_flags`, from (or stored in) the dict it returned.

        A flagged token's edges are there already; the others' are read from their runs of letters alone:
        a token without flags has no cuts, and neither its lead nor its trail is split."""
        got = edge_cache.get(token)
        if got is None:
            if token in self.pure_pieces:  # (a known word is its own lead and trail)
                got = _edges(TokenEdges, (token, token, token, None, ()))
            else:
                lead, trail = self._lead_and_trail(token, _PIECE_RUN.findall(token))
                got = _edges(TokenEdges, (lead, lead, trail, None, ()))
            edge_cache[token] = got
        return got

    @staticmethod
    def _lead_and_trail(token: str, runs: list[str]) -> tuple[str, str]:
        """The runs of letters that start and end the token ('' when it starts or ends otherwise): the
        first (last) run when the token starts (ends) with it, as a run starts (ends) with a letter."""
        if not runs:
            return "", ""
        return (runs[0] if token.startswith(runs[0]) else ""), (runs[-1] if token.endswith(runs[-1]) else "")

    def _describe(self, new: Iterable[str], flag_cache: dict[str, int], edge_cache: dict[str, TokenEdges]) -> None:
        """:meth:`_describe_token` of each token of ``new``."""
        for token in new:
            self._describe_token(token, flag_cache, edge_cache)

    def _describe_token(self, token: str, flag_cache: dict[str, int], edge_cache: dict[str, TokenEdges]) -> int:
        """Compute, store and return the flags of a token seen for the first time (and store its edges, when
        flagged: the others' are computed if a flagged neighbour needs them).

        Most new tokens bring nothing (no flag) and are told apart by set look-ups alone: a known word that no
        rule looks at, or a token with punctuation, a ZWNJ or a line break whose first run of letters is no
        second part, whose last is no verb prefix or first part of a learned pair, and none of whose runs is
        split (a superset of what :meth:`_flags_and_edges` flags, which decides the rest)."""
        if token in self.pure_pieces:
            if token not in self.maybe_hot:
                flags = 0
            else:
                got = self._prepared.tokens.get(token)
                if got is None:
                    flags = self._describe_flagged(token, [token], edge_cache)
                else:
                    flags, cuts = got
                    if flags:
                        # (a known piece is its own lead and trail; its parts, when it is split, are read off
                        # the cuts)
                        edge_cache[token] = _edges(
                            TokenEdges,
                            (token, token[: cuts[0][0]], token, token[cuts[-1][0] :], cuts)
                            if cuts
                            else (token, token, token, None, ()),
                        )
            flag_cache[token] = flags
            return flags
        if not token.isalpha():  # (a word of letters alone has no frame: no _FRAME_CHARS is a letter)
            head = token.lstrip(_FRAME_CHARS)
            if not head:  # punctuation and digits alone: no letter, no flag
                flag_cache[token] = 0
                return 0
            word = head.rstrip(_FRAME_CHARS)
            if len(word) < len(token):  # a word framed by punctuation or digits
                start, framed_after = len(token) - len(head), len(word) < len(head)
                flags = self._describe_framed(token, word, start, framed_after, flag_cache, edge_cache)
                flag_cache[token] = flags
                return flags
        runs = _PIECE_RUN.findall(token)
        if not runs:
            flag_cache[token] = 0
            return 0
        if runs[0] == token:  # one run of letters that is no known piece: an unknown word, or a learned split
            # (quiet: neither a learned split nor a hot piece, so neither prepared nor learned; with no affix, _split
            # has nothing to try)
            if token in self.split_set or token in self.spaced_seconds or token in self.trail_firsts:
                flags = self._describe_flagged(token, runs, edge_cache)
            else:
                affixes = self._affixes(token)
                flags = self._describe_flagged(token, runs, edge_cache) if any(affixes) and self._split_new(token, affixes) else 0
            flag_cache[token] = flags
            return flags
        quiet = runs[0] not in self.spaced_seconds and runs[-1] not in self.trail_firsts and self.split_set.isdisjoint(runs)
        if quiet and self.pure_pieces.issuperset(runs):
            flags = 0
        elif quiet and not any(map(self.split_of, runs)):
            flags = 0
        else:
            flags = self._describe_flagged(token, runs, edge_cache)
        flag_cache[token] = flags
        return flags

    def _describe_framed(
        self, token: str, word: str, start: int, framed_after: bool, flag_cache: dict[str, int],
        edge_cache: dict[str, TokenEdges],
    ) -> int:
        """The flags of a token that is ``word`` between punctuation or digits (``_FRAME_CHARS``: ``start`` of them
        before it, some after it when ``framed_after``), storing its edges: the word's own (described as a token
        when it is new), less what its first piece brings when the token starts otherwise and what its last piece
        brings when it ends otherwise, its cuts moved by ``start``: what :meth:`_flags_and_edges` gives, as the
        token's runs of letters are the word's."""
        flags = flag_cache.get(word)
        if flags is None:
            flags = self._describe_token(word, flag_cache, edge_cache)
        if start:
            flags &= _TOKEN_TRAIL_FLAGS
        if framed_after:
            flags &= _TOKEN_LEAD_FLAGS
        if flags:
            lead, lead_part, trail, trail_part, cuts = edge_cache[word]
            if start:
                lead = lead_part = ""
                cuts = tuple([(c + start, k) for c, k in cuts])
            if framed_after:
                trail, trail_part = "", None
            edge_cache[token] = _edges(TokenEdges, (lead, lead_part, trail, trail_part, cuts))
        return flags

    def _describe_flagged(self, token: str, runs: list[str], edge_cache: dict[str, TokenEdges]) -> int:
        """:meth:`_flags_and_edges` of a token, its edges stored when it has flags."""
        flags, edges = self._flags_and_edges(token, runs)
        if flags:
            edge_cache[token] = edges
        return flags

    def _flags_and_edges(self, token: str, runs: list[str]) -> tuple[int, TokenEdges]:
        """The flags and edges of a token, from its runs of letters (``_PIECE_RUN.findall(token)``)."""
        if runs[0] == token:  # one run of letters: its own lead and trail (most flagged tokens)
            lead = trail = token
            lead_parts = trail_parts = self.split_of(token)
            cuts = self.split_cuts(token, lead_parts) if lead_parts else ()
        else:
            splits = list(map(self.split_of, runs))
            lead, trail = self._lead_and_trail(token, runs)
            lead_parts = splits[0] if lead else None
            trail_parts = splits[-1] if trail else None
            cuts = self._token_cuts(token, runs, splits) if any(splits) else ()
        flags = (
            (_TOKEN_GLUED if cuts else 0)
            | (_TOKEN_SPLIT_LEAD if lead_parts else 0)
            | (_TOKEN_SECOND_LEAD if lead in self.spaced_seconds else 0)
            | (_TOKEN_SPLIT_TRAIL if trail_parts and trail_parts[-1] in self.trail_firsts else 0)
            | (_TOKEN_PREFIX_TRAIL if trail in self.verb_prefixes else 0)
            | (_TOKEN_PAIR_TRAIL if trail in self.other_pair_firsts else 0)
        )
        edges = _edges(
            TokenEdges, (lead, lead_parts[0] if lead_parts else lead, trail, trail_parts[-1] if trail_parts else None, cuts)
        )
        return flags, edges

    def _token_cuts(
        self, token: str, runs: list[str], splits: list[tuple[str, ...] | None]
    ) -> tuple[tuple[int, int], ...]:
        """Where ZWNJ go inside a token whose runs of letters split into ``splits`` (None: not split)."""
        cuts: list[tuple[int, int]] = []
        start = 0
        for run, parts in zip(runs, splits, strict=True):
            start = token.find(run, start)  # (nothing but non-letters lies between two runs)
            if parts:
                cuts.extend((start + c, k) for c, k in self.split_cuts(run, parts))
            start += len(run)
        return tuple(cuts)

    def _split(self, piece: str, depth: int, affixes: _AffixLengths | None = None) -> tuple[str, ...] | None:
        if depth > 3 or len(piece) < 4 or piece in self.never_split or piece in self.number_words:
            return None
        learned = self.split_words.get(piece)
        if learned is not None:
            a, b = learned
            return (*(self._split(a, depth + 1) or (a,)), *(self._split(b, depth + 1) or (b,)))
        if self.pieces.get(piece, 0) > 0:
            return None  # a word in its own right
        # The lengths of the suffixes and bound parts that may end (start) the piece, by its last (first) letters
        # (None: none): with none, and no verb prefix starting it, no rule below has anything to try.
        by_suffix, by_second, by_first, prefixed = affixes or self._affixes(piece)
        if not (by_suffix or by_second or by_first or prefixed):
            return None  # (most unknown words)
        # Suffix: stem + plural / comparative suffix, the stem a known word ending in a joining letter.  The cut
        # moves left from len - 2 to 2; only where a suffix may end the piece (by its length) is looked at.
        n = len(piece)
        for m in by_suffix or ():
            if not 2 <= m <= n - 2:
                continue
            a, b = piece[: n - m], piece[n - m :]
            if b in self.suffixes and a[-1] not in NON_JOINING and a not in self.never_join:
                if self.known(a) or self.split_words.get(a) is not None or self._prefixed(a):
                    head = self._split(a, depth + 1) or (a,)
                    return (*head, b)
        # Prefix: می / نمی + a verb form.
        for p in self.verb_prefixes if prefixed else ():
            if piece.startswith(p) and len(piece) - len(p) >= 2:
                rest = piece[len(p) :]
                if self.is_verb_rest(rest):
                    return (p, *(self._split(rest, depth + 1) or (rest,)))
        # A known word + a bound second part (خدمات + رسانی), or a bound first part + a known word.  The cut
        # moves right from 2 to len - 3; only where a bound part may end or start the piece is looked at.
        if by_second and by_first:
            cuts = sorted({*map(n.__sub__, by_second), *by_first})
        else:  # (the lengths are in increasing order, so the cuts before bound second parts are in decreasing order)
            cuts = map(n.__sub__, reversed(by_second)) if by_second else by_first or ()
        for i in cuts:
            if not 2 <= i < n - 2 or piece[i - 1] in NON_JOINING:
                continue
            a, b = piece[:i], piece[i:]
            if a in self.never_join:
                continue
            # Each side is split again, as the suffix and prefix cases do: a piece glued three times
            # (ریزیهایریزی) is written with both ZWNJ at once, so a second pass has nothing left to do.
            if b in self.bound_seconds and (
                self.known(a) or (b in self.strong_seconds and self.pieces.get(a, 0) >= 1)
            ):
                return (*(self._split(a, depth + 1) or (a,)), b)
            if a in self.bound_firsts and self.pieces.get(b, 0) >= 3:
                return (a, *(self._split(b, depth + 1) or (b,)))
        return None

    def _affixes(self, piece: str) -> _AffixLengths:
        """The lengths of the suffixes, bound second parts and bound first parts that may end or start ``piece``
        (None: none), and whether a verb prefix starts it (:meth:`_split` has nothing to try when all are false)."""
        suffixes, seconds, firsts = self.suffix_ends, self.bound_ends, self.bound_starts
        return (
            suffixes.lengths.get(piece[-suffixes.k :]),
            seconds.lengths.get(piece[-seconds.k :]),
            firsts.lengths.get(piece[: firsts.k]),
            piece.startswith(self.verb_prefix_starts),
        )

    def _prefixed(self, a: str) -> bool:
        for p in self.verb_prefixes:
            if a.startswith(p) and self.is_verb_rest(a[len(p) :]):
                return True
        return False

    def split_cuts(self, piece: str, parts: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
        """Where ZWNJ go inside ``piece`` split into ``parts``, with the repair class of each cut."""
        cuts = self.cuts_cache.get(piece)
        if cuts is None:
            if len(parts) == 2:  # (most splits: read without the loop)
                a, b = parts
                cuts = ((len(a), self.repair_class(a, b)),)
            else:
                out = []
                k = 0
                for a, b in zip(parts, parts[1:], strict=False):
                    k += len(a)
                    out.append((k, self.repair_class(a, b)))
                cuts = tuple(out)
            self.cuts_cache[piece] = cuts
        return cuts

    def join_decision(self, a: str, b: str) -> tuple[str | None, int]:
        """:meth:`join` and :meth:`repair_class` of the pair, cached (the class is COMPOUND, unused, when
        the space is left as it is)."""
        key = (a, b)
        got = self.join_prepared.get(key) or self.join_cache.get(key)
        return got if got is not None else self.join_new(a, b)

    def join_new(self, a: str, b: str) -> tuple[str | None, int]:
        """:meth:`join_decision` of a pair not in its cache yet (then stored there)."""
        if len(self.join_cache) > 100000:
            self.join_cache.clear()
        rep = self.join(a, b)
        got = self.join_cache[(a, b)] = (rep, COMPOUND if rep is None else self.repair_class(a, b))
        return got

    def repair_class(self, a: str, b: str) -> int:
        """The class of a ZWNJ between pieces ``a`` and ``b``, for ``zwnj_author_style``."""
        if b in self.plural:
            return PLURAL
        if a in self.verb_prefixes:
            return VERB
        if b in self.comparative:
            return COMPARATIVE
        if b in self.perfect:
            return PERFECT
        return COMPOUND

    def join(self, a: str, b: str) -> str | None:
        """How the space between pieces ``a`` and ``b`` should be written: ZWNJ, '' (glued) or None."""
        if a in self.verb_prefixes:
            # before the never-join list: شد is never joined on its own, but می شد is one verb
            return ZWNJ if b not in self.number_words and self.is_verb_rest(b) else None
        if b not in self.spaced_seconds and (a, b) not in self.join_pairs:
            return None  # no rule below joins a second part that is no suffix, ending or bound part (quick)
        if a in self.never_join or b in self.never_join:
            return None
        pair = (a, b)
        j, s = self.junctions.get(pair, (0, 0))
        plural = b in self.plural
        # a free word far more often than the first part of this compound (هم گروه); (counts are never
        # negative: j or 1 == max(j, 1)).  Tested first (it is quick) unless b is the plural suffix.
        free = self.final.get(a, 0) > 100 * (j or 1)
        if free and not plural:
            return None
        glue = "" if a[-1] in NON_JOINING else ZWNJ
        if glue == "" and self.split(a + b):
            return None  # glued, it would read as another split word (دور های -> دوره‌ای)
        if plural:
            return glue  # the plural suffix is never a word of its own
        if pair in self.join_pairs:
            return glue
        if s > j:
            return None  # written apart on purpose more often than not
        if b in self.comparative and (self.pieces.get(a, 0) >= 1 or len(a) >= 3):
            return glue
        if b in self.perfect and len(a) >= 3 and a.endswith(("ده", "ته")):
            return ZWNJ
        if b == "ای" and len(a) >= 3 and a[-1] == "ه":
            return ZWNJ
        if glue and b in self.bound_seconds:  # (s <= j here)
            if self.pieces.get(a, 0) >= 1:  # a known word (also all that a strongly bound part asks)
                return ZWNJ
        return None


def load_lexicon(folder: str | Path | None = None) -> ZwnjLexicon:
    """Load the ZWNJ lexicon from ``folder`` (default: the bundled ``data/normalize``)."""
    if folder is None:
        return _bundled_lexicon()
    return _read_lexicon(Path(folder), _rules())


#: Line breaks of str.splitlines() other than "\n": a file holding one is read line by line.
_ODD_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _tsv_columns(text: str, width: int, first_num: int) -> list[list[str]] | None:
    """The columns of a well-formed lexicon TSV (comment and empty lines skipped), split in bulk: one
    ``str.split`` over the whole file instead of one per line (21,000 lines at start-up).  None when
    anything is unusual (another line break, a row of another width, an empty column, a count that is
    not ASCII digits): the caller then reads line by line, which gives the same data or names the bad line."""
    if any(map(text.__contains__, _ODD_BREAKS)):
        return None
    lines = [ln for ln in text.split("\n") if ln and ln[0] != "#"]
    if not lines:
        return [[] for _ in range(width)]
    if set(map(str.count, lines, ["\t"] * len(lines))) != {width - 1}:
        return None
    flat = "\t".join(lines).split("\t")
    if "" in flat:
        return None
    cols = [flat[i::width] for i in range(width)]
    for col in cols[first_num:]:
        digits = "".join(col)
        if not (digits.isascii() and digits.isdigit()):
            return None
    return cols


def _read_lexicon(folder: Any, rules: dict[str, Any]) -> ZwnjLexicon:
    pieces: dict[str, int] = {}
    initial: dict[str, int] = {}
    final: dict[str, int] = {}
    junctions: dict[tuple[str, str], tuple[int, int]] = {}
    for fname, width in (("pieces.tsv", 4), ("junctions.tsv", 4)):
        path = folder / fname
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(f"{path}: cannot read: {exc}") from exc
        cols = _tsv_columns(text, width, 1 if fname == "pieces.tsv" else 2)
        if cols is not None:
            if fname == "pieces.tsv":
                pieces.update(zip(cols[0], map(int, cols[1]), strict=True))
                initial.update(zip(cols[0], map(int, cols[2]), strict=True))
                final.update(zip(cols[0], map(int, cols[3]), strict=True))
            else:
                junctions.update(
                    zip(zip(cols[0], cols[1], strict=True), zip(map(int, cols[2]), map(int, cols[3]), strict=True),
                        strict=True)
                )
            continue
        for no, line in enumerate(text.splitlines(), 1):
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            nums = cols[1:] if fname == "pieces.tsv" else cols[2:]
            if len(cols) != width or not all(cols) or not all(c.isdigit() for c in nums):
                raise LexiconError(f"{fname}:{no}: expected {width} tab-separated columns, got {line!r}")
            if fname == "pieces.tsv":
                pieces[cols[0]] = int(cols[1])
                initial[cols[0]] = int(cols[2])
                final[cols[0]] = int(cols[3])
            else:
                junctions[(cols[0], cols[1])] = (int(cols[2]), int(cols[3]))
    return ZwnjLexicon(rules, pieces, junctions, initial, final)


#: The bundled lexicon as loaded: its counts and the tables derived from them and the rules, in one JSON file
#: written by ``scripts/build_zwnj_lexicon.py`` from the TSVs and rules.json beside it.  Reading it skips
#: parsing 26,000 TSV rows and ``ZwnjLexicon._derive`` (start-up); tests/test_normalize_lexicon_derived.py
#: fails when it no longer matches what the TSVs, the rules and the derivation give.
DERIVED_FILE = "lexicon.json"
DERIVED_FORMAT = 2
_REBUILD = "rebuild it: python scripts/build_zwnj_lexicon.py --derived"


def prepared_answers(lex: ZwnjLexicon) -> PreparedAnswers:
    """The answers of ``lex`` that :data:`DERIVED_FILE` ships (:class:`PreparedAnswers`), worked out."""
    joins = {pair: lex.join_decision(*pair) for pair in lex.junctions}
    splits = {word: lex.split(word) for word in lex.split_words}
    tokens: dict[str, tuple[int, tuple[tuple[int, int], ...]]] = {}
    for piece in sorted(lex.pure_pieces & lex.maybe_hot):
        flags, edges = lex._flags_and_edges(piece, [piece])
        tokens[piece] = (flags, edges.cuts)
    return PreparedAnswers(joins, splits, tokens)


def derived_json(lex: ZwnjLexicon) -> str:
    """The text of :data:`DERIVED_FILE` for ``lex``: one line per field, sets sorted (the same lexicon always
    gives the same text).  ``initial`` and ``final`` hold only the counts that differ from ``pieces``; the
    prepared splits only those that differ from the learned pair."""
    if any(v != ZWNJ for v in lex.join_pairs.values()):
        raise ValueError("join_pairs values other than ZWNJ cannot be written")
    junctions, splits = lex.junctions, lex.split_words
    answers = prepared_answers(lex)
    other_splits = [w for w in splits if answers.splits[w] != splits[w]]
    fields: dict[str, Any] = {
        "format": DERIVED_FORMAT,
        "pieces": [list(lex.pieces), list(lex.pieces.values())],
        "initial": {p: n for p, n in lex.initial.items() if lex.pieces.get(p) != n},
        "final": {p: n for p, n in lex.final.items() if lex.pieces.get(p) != n},
        "junctions": [[a for a, _ in junctions], [b for _, b in junctions],
                      [j for j, _ in junctions.values()], [s for _, s in junctions.values()]],
        "verb_rests": sorted(lex.verb_rests),
        "verb_stems": sorted(lex.verb_stems),
        "split_words": [list(splits), [a for a, _ in splits.values()], [b for _, b in splits.values()]],
        "join_pairs": [[a for a, _ in lex.join_pairs], [b for _, b in lex.join_pairs]],
        "bound_seconds": sorted(lex.bound_seconds),
        "strong_seconds": sorted(lex.strong_seconds),
        "bound_firsts": sorted(lex.bound_firsts),
        "prepared_joins": "".join(_JOIN_LETTERS[answers.joins[pair]] for pair in junctions),
        "prepared_splits": [other_splits, [answers.splits[w] for w in other_splits]],
        # (cuts as text, offset and class of each cut separated by spaces: a few distinct texts, quick to read)
        "prepared_tokens": [list(answers.tokens), [f for f, _ in answers.tokens.values()],
                            [" ".join(f"{c} {k}" for c, k in cuts) for _, cuts in answers.tokens.values()]],
    }
    lines = (f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}" for k, v in fields.items())
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _read_cuts(text: str) -> tuple[tuple[int, int], ...]:
    """Cuts written as text in :data:`DERIVED_FILE` ("4 0 7 0": offset and class of each)."""
    flat = list(map(int, text.split()))
    if len(flat) % 2:
        raise ValueError(f"cuts {text!r} are not pairs")
    return tuple(zip(flat[::2], flat[1::2], strict=True))


def _read_derived(path: Any, rules: dict[str, Any]) -> ZwnjLexicon:
    """The lexicon of a :data:`DERIVED_FILE`, its shape checked (the staleness of its content is the tests' job)."""
    name = getattr(path, "name", str(path))
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"{name}: cannot read: {exc}; {_REBUILD}") from exc
    if not isinstance(raw, dict) or raw.get("format") != DERIVED_FORMAT:
        raise LexiconError(f"{name}: not a derived lexicon of format {DERIVED_FORMAT}; {_REBUILD}")
    try:
        words, counts = raw["pieces"]
        first, second, zwnj, space = raw["junctions"]
        glued, glued_a, glued_b = raw["split_words"]
        joined_a, joined_b = raw["join_pairs"]
        # (str.join and sum raise TypeError on a piece that is not a string, a count that is not a number)
        "".join([*words, *first, *second])
        sum([*counts, *zwnj, *space, *raw["initial"].values(), *raw["final"].values()])
        pieces = dict(zip(words, counts, strict=True))
        initial = dict(pieces)
        initial.update(raw["initial"])
        final = dict(pieces)
        final.update(raw["final"])
        pairs = list(zip(first, second, strict=True))
        junctions = dict(zip(pairs, zip(zwnj, space, strict=True), strict=True))
        split_words = dict(zip(glued, zip(glued_a, glued_b, strict=True), strict=True))
        splits = dict(split_words)
        other_splits, their_parts = raw["prepared_splits"]
        splits.update(zip(other_splits, [None if p is None else tuple(p) for p in their_parts], strict=True))
        tokens, token_flags, token_cuts = raw["prepared_tokens"]
        cuts_of = {text: _read_cuts(text) for text in set(token_cuts)}
        prepared = PreparedAnswers(
            dict(zip(pairs, map(_JOIN_ANSWERS.__getitem__, raw["prepared_joins"]), strict=True)),  # (a str)
            splits,
            dict(zip(tokens, zip(token_flags, map(cuts_of.__getitem__, token_cuts), strict=True), strict=True)),
        )
        derived = DerivedTables(
            frozenset(raw["verb_rests"]),
            frozenset(raw["verb_stems"]),
            split_words,
            dict.fromkeys(zip(joined_a, joined_b, strict=True), ZWNJ),
            frozenset(raw["bound_seconds"]),
            frozenset(raw["strong_seconds"]),
            frozenset(raw["bound_firsts"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise LexiconError(f"{name}: malformed ({exc}); {_REBUILD}") from exc
    return ZwnjLexicon(rules, pieces, junctions, initial, final, derived=derived, prepared=prepared)


@lru_cache(maxsize=1)
def _bundled_lexicon() -> ZwnjLexicon:
    return _read_derived(resources.files("khabar_extract") / "data" / "normalize" / DERIVED_FILE, _rules())


def _lexicon_for(opts: NormalizeOptions) -> ZwnjLexicon:
    lex = opts.lexicon
    if lex is None:
        return _bundled_lexicon()
    if isinstance(lex, ZwnjLexicon):
        return lex
    return _cached_folder_lexicon(str(lex))


@lru_cache(maxsize=4)
def _cached_folder_lexicon(folder: str) -> ZwnjLexicon:
    return load_lexicon(folder)


def _pass_zwnj(text: str, opts: NormalizeOptions, enabled: frozenset[str]) -> tuple[list[Span], Counts]:
    """ZWNJ repair: glued words split (insertions) and split words joined (a space replaced)."""
    glued_on = "zwnj_glued" in enabled
    spaced_on = "zwnj_spaced" in enabled and " " in text
    if not opts.zwnj or not (glued_on or spaced_on):
        return [], {}
    lex = _lexicon_for(opts)
    # The text as space-separated tokens: each token's flags and edges are cached per lexicon, so only
    # the tokens flagged (a glued word to split, or a piece that a neighbouring space may join) are
    # visited.  A candidate space has a letter on both sides; its pieces are the tokens' edges.  Line
    # breaks and the commonest punctuation (_TOKEN_BREAKS) separate tokens too (so that the words around a
    # paragraph break or before a comma are cached words, not a new token in each article), but only a space is
    # ever a candidate: a pair across a line break is never joined, and what lies between two line breaks brings
    # only its glued words.
    separated = text
    for mark in _TOKEN_BREAKS:
        separated = separated.replace(mark, " ")
    tokens = separated.split(" ")
    flags, edges = lex.token_flags(tokens)
    token_edges = lex.token_edges  # (called only for a token whose edges are not in `edges` yet)
    # (an unflagged known word is its own lead and trail, neither split: read without its edges, speed: a new
    # neighbour at first sight costs no token_edges call)
    pure_pieces = lex.pure_pieces
    other_pairs, other_pair_starts = lex.other_pairs, lex.other_pair_starts
    # a space is looked at before a second part and after a verb prefix, and (with the glued repair)
    # next to a word being split: its parts may start or end a learned pair (no space at all without the
    # spaced repair)
    glued_bits = _TOKEN_GLUED if glued_on else 0
    lead_bits = (_TOKEN_SECOND_LEAD | (_TOKEN_SPLIT_LEAD if glued_on else 0)) if spaced_on else 0
    trail_bits = (_TOKEN_PREFIX_TRAIL | (_TOKEN_SPLIT_TRAIL if glued_on else 0)) if spaced_on else 0
    trail_or_pair_bits = (trail_bits | _TOKEN_PAIR_TRAIL) if spaced_on else 0
    last = len(tokens) - 1
    # The ZWNJ repairs inside glued words and at spaces, each list in the order of the text, and the repair
    # class of each (for zwnj_author_style).
    glued: list[Span] = []
    glued_classes: list[int] = []
    spaced: list[Span] = []
    spaced_classes: list[int] = []
    # Candidate spaces, in the order of the text: (position, piece before, its last part when it is split
    # (else None), piece after or its first part when it is split).
    spaces: list[tuple[int, str, str | None, str]] = []
    ends = list(accumulate(map(len, tokens)))  # + i: where token i ends in the text
    for i in compress(range(len(tokens)), flags):
        f = flags[i]
        token = tokens[i]
        end = ends[i] + i
        _, lead_part, trail, trail_part, cuts = edges[token]
        if f & glued_bits:
            start = end - len(token)
            for c, k in cuts:
                glued.append((start + c, start + c, ZWNJ))
                glued_classes.append(k)
        if f & lead_bits and i:
            space = end - len(token) - 1
            if text[space] == " " and not (spaces and spaces[-1][0] == space):  # (the previous token's trail space)
                before, before_part = tokens[i - 1], None
                if flags[i - 1] or before not in pure_pieces:
                    _, _, before, before_part, _ = edges.get(before) or token_edges(before, edges)
                if before:
                    spaces.append((space, before, before_part, lead_part))
        if (
            f & trail_or_pair_bits
            and i < last
            and text[end] == " "
            and (f & trail_bits or tokens[i + 1].startswith(other_pair_starts[trail]))  # (its lead starts it)
        ):
            after = after_part = tokens[i + 1]
            if flags[i + 1] or after not in pure_pieces:
                after, after_part, _, _, _ = edges.get(after) or token_edges(after, edges)
            if after and (f & trail_bits or after in other_pairs[trail]):
                spaces.append((end, trail, trail_part, after_part))
    if spaces:
        prepared, cache = lex.join_prepared, lex.join_cache
        decide = lex.join_new
        # left to right: a space removed outright (after a non-joining letter) merges its two pieces, and the
        # next decision must see the merged word ("ا ها ترین" -> "اهاترین" in one pass, so it is idempotent)
        merged_at, merged = -1, ""
        for s, a, a_part, b in spaces:
            if a_part is not None:
                a = a_part
            elif merged_at + 1 == s - len(a):
                a = merged + a
            key = (a, b)
            rep, k = prepared.get(key) or cache.get(key) or decide(a, b)
            if rep is not None:
                spaced.append((s, s + 1, rep))
                spaced_classes.append(k)
                if rep == "":
                    merged_at, merged = s, a
    if opts.zwnj_author_style:
        glued, spaced = _follow_author(glued, glued_classes, spaced, spaced_classes)
    counts: Counts = {}
    if glued:
        counts["zwnj_glued"] = len(glued)
    if spaced:
        counts["zwnj_spaced"] = len(spaced)
    if not (glued and spaced):
        return glued or spaced, counts
    edits = glued + spaced
    edits.sort()  # (by start: no two repairs start at the same place)
    return edits, counts


#: Classes of ZWNJ repair (``ZwnjLexicon.repair_class``) whose spelling an author keeps consistent.
PLURAL, VERB, PERFECT, COMPARATIVE, COMPOUND = range(5)
#: Evidence rule of ``zwnj_author_style`` (learned on the train split, docs/normalization.md): a repair of
#: one form (glued / spaced) is made when (repairs of the other form + PRIOR) / (repairs of this form +
#: PRIOR) >= MIN_RATIO, counted per class in the document.
AUTHOR_PRIOR = 2.0
AUTHOR_MIN_RATIO = 0.3


def _follow_author(
    glued: list[Span], glued_classes: list[int], spaced: list[Span], spaced_classes: list[int]
) -> tuple[list[Span], list[Span]]:
    """Drop the ZWNJ repairs of a class and form that the document writes far more often than the
    other form: glued ``میشود`` and spaced ``می شود`` both lose a ZWNJ equally often when software
    strips it, so many spaced and almost no glued ones mean the author wrote them apart.  (Each form's
    repairs come with their classes; a space removed outright is no ZWNJ repair: neither counted nor dropped.)"""
    from_glued = Counter(glued_classes)  # (a glued word is always split by a ZWNJ)
    from_spaced = Counter(k for (_, _, rep), k in zip(spaced, spaced_classes, strict=True) if rep)
    drop_glued, drop_spaced = set(), set()
    for k in range(5):
        g = from_glued[k] + AUTHOR_PRIOR
        s = from_spaced[k] + AUTHOR_PRIOR
        if s / g < AUTHOR_MIN_RATIO:
            drop_glued.add(k)
        elif g / s < AUTHOR_MIN_RATIO:
            drop_spaced.add(k)
    return (
        [e for e, k in zip(glued, glued_classes, strict=True) if k not in drop_glued],
        [e for e, k in zip(spaced, spaced_classes, strict=True) if not e[2] or k not in drop_spaced],
    )


# ---------------------------------------------------------------------------------------------------
# The pipeline
# ---------------------------------------------------------------------------------------------------

_LIGATURES = frozenset(_FORM_MANY)


def _may_have_ligatures(text: str, seen: Set[str]) -> bool:
    return not _LIGATURES.isdisjoint(seen)  # (a frozenset's isdisjoint loops over the few characters seen)


#: Characters of the fold scan that leave the marks pass nothing to do (not the presentation forms: they
#: may fold to vowel marks).  The scan does not look for ZWNJ: _may_have_marks does.
_MARKLESS = frozenset(_LETTER_FOLD) | {_TEH_MARBUTA} | _DIGITS | frozenset(_ODD_SPACES)


def _may_have_marks(text: str, seen: Set[str]) -> bool:
    """Whether the marks pass may change ``text`` (False: no mark, and every ZWNJ between two
    characters that no pass deletes, which ``_MARKS_RE`` would skip)."""
    if not seen <= _MARKLESS:
        return True
    solid = _SOLID_CHARS
    last = len(text) - 1
    i = text.find(ZWNJ)
    while i >= 0:
        if not (0 < i < last and text[i - 1] in solid and text[i + 1] in solid):
            return True
        i = text.find(ZWNJ, i + 1)
    return False


#: The edit passes in order, each with the test that it may have work, given the text and the characters
#: the fold scan saw in the original (None: always run).
_EDIT_PASSES: tuple[tuple[EditPass, Callable[[str, Set[str]], bool] | None], ...] = (
    (_pass_ligatures, _may_have_ligatures),
    (_pass_marks, _may_have_marks),
    (_pass_spacing, None),
    (_pass_zwnj, None),
)
_ALL = frozenset(FIXES)


def _run(text: str, opts: NormalizeOptions, enabled: frozenset[str]) -> Normalized:
    stages: list[EditMap] = []
    out, counts, seen = _fold(text, opts.digits, enabled)
    for p, may_change in _EDIT_PASSES:
        if may_change is not None and not may_change(out, seen):
            continue
        edits, c = p(out, opts, enabled)
        if not edits:
            continue
        out, emap = apply_spans(out, edits)
        stages.append(emap)
        for k, v in c.items():
            counts[k] = counts.get(k, 0) + v
    # (Fix(name, count) without the NamedTuple's Python-level __new__, as _edges builds TokenEdges)
    fixes = tuple([tuple.__new__(Fix, (name, counts[name])) for name in FIXES if counts.get(name)])
    return Normalized(text, out, fixes, ChainMap(stages), opts)


def normalize(text: str, options: NormalizeOptions | None = None, **kwargs: Any) -> Normalized:
    """Normalise Persian ``text``; the original is kept and every span maps back to it.

    Keyword arguments are :class:`NormalizeOptions` fields (``digits="fa"``, ``diacritics=True``,
    ``zwnj=True``, ``spacing=True``, ``lexicon=None``).

    >>> normalize("گروههای ٢.٥ ميليون").text == "گروه\\N{ZERO WIDTH NON-JOINER}های ۲.۵ میلیون"
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes str, not {type(text).__name__}; decode bytes first")
    if kwargs:
        base = options or DEFAULT_OPTIONS
        options = NormalizeOptions(**{**base.__dict__, **kwargs})
    elif options is not None and not isinstance(options, NormalizeOptions):
        raise TypeError("options must be a NormalizeOptions")
    return _run(text, options or DEFAULT_OPTIONS, _ALL)


def apply_fixes(
    text: str, fixes: Sequence[Fix | str | tuple[str, int]], options: NormalizeOptions | None = None
) -> str:
    """Apply only the named fixes, in the normaliser's order, to ``text``.

    Replaying ``doc.fixes`` on ``doc.original`` (with ``doc.options``) gives ``doc.text``.
    """
    names = set()
    for f in fixes:
        name = f if isinstance(f, str) else f[0]
        if name not in FIXES:
            raise ValueError(f"unknown fix {name!r}; known fixes: {', '.join(FIXES)}")
        names.add(name)
    return _run(text, options or DEFAULT_OPTIONS, frozenset(names)).text


class _CallableModule(types.ModuleType):
    """Once this submodule is imported, ``khabar_extract.normalize`` names the module rather than the
    function (the import system sets the package attribute); calling it still normalises."""

    def __call__(self, text: str, options: NormalizeOptions | None = None, **kwargs: Any) -> Normalized:
        return normalize(text, options, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
