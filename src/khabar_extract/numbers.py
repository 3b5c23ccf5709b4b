"""Read Persian numbers: digits in three scripts, number words, scale words and their mixes.

Find, then resolve: one precompiled regex finds the atoms (digit clusters, number words, scale
words, ``منفی``, ``نیم``, a spaced ordinal suffix), a small state machine in Python joins atoms
linked by spaces, ZWNJ or ``و`` into numbers and computes exact values (``int`` or ``Decimal``,
never ``float``).

Works on normalised text (``normalize(text).text``) but tolerates ASCII and Arabic-Indic digits,
Arabic yeh/kaf and ZWNJ/space variants. See ``docs/numbers.md`` for the rules and the choices.

>>> [m.value for m in find_numbers("هزار و ۳۹۰ گروه جهادی")]
[1390]
>>> m = find_numbers("۲ هزار و ۵۰۰ میلیارد ریال")[0]
>>> m.value, m.amount, m.scale_text
(2500000000000, 2500, 'میلیارد')
>>> parse_number_words("یک میلیون و دویست هزار")
1200000
>>> parse_digits("۲/۵")
Decimal('2.5')
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from functools import lru_cache
from importlib import resources
from typing import Any

from .lazy_pattern import LazyPattern

__all__ = [
    "NumberMatch",
    "find_numbers",
    "parse_number_words",
    "parse_ordinal_words",
    "parse_digits",
    "classify_digits",
    "adversarial_phrases",
    "decimal_line_break",
    "visual_decimal_order",
]

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
_DIGITS = "0-9\N{EXTENDED ARABIC-INDIC DIGIT ZERO}-\N{EXTENDED ARABIC-INDIC DIGIT NINE}\u0660-\u0669"
_TO_ASCII = str.maketrans(
    {**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}}
)
# Same-length folds so that lexicon look-ups work on un-normalised text too.
_FOLD_LETTERS = str.maketrans(
    {
        "\N{ARABIC LETTER YEH}": "\N{ARABIC LETTER FARSI YEH}",
        "\N{ARABIC LETTER ALEF MAKSURA}": "\N{ARABIC LETTER FARSI YEH}",
        "\N{ARABIC LETTER KAF}": "\N{ARABIC LETTER KEHEH}",
    }
)
_SEP_CHARS = " \N{NO-BREAK SPACE}" + ZWNJ
# End of a word: not followed by a letter, digit or Arabic diacritic (صدّام, سیّد are not numbers).
_END = r"(?![\w\u064B-\u065F\u0670])"
# Characters after which a number word may start (regex character-class body).
_LEAD_SEPS = (
    r" \t\n\r\N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}\N{LEFT-TO-RIGHT MARK}\N{RIGHT-TO-LEFT MARK}"
    r"(\[{«\"'*#/:.!?\-\N{EN DASH}\N{EM DASH}\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}"
    r"\N{HORIZONTAL ELLIPSIS}\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
)
_NUM_SEPS = r"\N{ARABIC THOUSANDS SEPARATOR},\N{ARABIC DECIMAL SEPARATOR}./:\-\N{MINUS SIGN}"
_YEHS = "\N{ARABIC LETTER FARSI YEH}\N{ARABIC LETTER YEH}\N{ARABIC LETTER ALEF MAKSURA}"
_ARABIC_LETTERS = ("\N{ARABIC LETTER YEH}", "\N{ARABIC LETTER ALEF MAKSURA}", "\N{ARABIC LETTER KAF}")
_THOUSANDS = {"\N{ARABIC THOUSANDS SEPARATOR}", ","}
_DECIMAL = {"\N{ARABIC DECIMAL SEPARATOR}", ".", "/"}
_MINUS = {"-", "\N{MINUS SIGN}"}
_ZEROS = {"0", "\N{EXTENDED ARABIC-INDIC DIGIT ZERO}", "\u0660"}

# A decimal split by a line break (``۲۶.⏎۸`` = 26.8): the irnasrc sources were cut into one sentence per line at
# every ".", decimal points included. Digits, "." or "٫", exactly one newline, digits, and then nothing that a
# numbered list item or a date would continue with (``۲-``, ``۲)``, ``۲.متن``, ``۲/``).
_NL_DECIMAL_TAIL = (
    rf"(?:[.\N{{ARABIC DECIMAL SEPARATOR}}]\n[{_DIGITS}]+"
    rf"(?![{_DIGITS}\-)/:\N{{MINUS SIGN}}]|\.(?!\n|\Z)))?"
)
_NL_DECIMAL_RE = re.compile(rf"[{_DIGITS}]+(?:[,\N{{ARABIC THOUSANDS SEPARATOR}}][{_DIGITS}]{{3}})*{_NL_DECIMAL_TAIL}")
_NL_INT_RE = re.compile(rf"[{_DIGITS}]{{1,3}}(?:[,\N{{ARABIC THOUSANDS SEPARATOR}}][{_DIGITS}]{{3}})+|[{_DIGITS}]+")
_CLUSTER_CHARS = frozenset(
    "0123456789\N{ARABIC THOUSANDS SEPARATOR},\N{ARABIC DECIMAL SEPARATOR}./:-\N{MINUS SIGN}"
    + "".join(chr(0x06F0 + i) + chr(0x0660 + i) for i in range(10))
)
_YEAR_CENTURIES = frozenset({"13", "14", "19", "20"})


def decimal_line_break(text: str, nl: int) -> bool:
    """Is the line break ``text[nl]`` inside a decimal number written across it (``۲۶.⏎۸``, ``۱.⏎۵``)?

    True for digits (optionally grouped by thousands), ``.`` or ``٫``, this one newline, digits, with no
    list-item or date continuation after them, unless the digits before are a year (``سال ۱۳۹۸.⏎۱۲ نفر``
    is a sentence ending with a year, then another one). Shared with the sentence splitter, so that a
    number and its sentence agree.
    """
    if not (2 <= nl < len(text) - 1 and text[nl] == "\n" and text[nl - 1] in ".\N{ARABIC DECIMAL SEPARATOR}"):
        return False
    j = nl - 1
    while j > 0 and text[j - 1] in _CLUSTER_CHARS:
        j -= 1
    whole = text[j:nl - 1]
    if not whole or not _NL_INT_RE.fullmatch(whole):
        return False  # nothing before, or a date/time/code (۱۴۰۲/۱۲/۲۱.)
    if len(whole) == 4 and whole.translate(_TO_ASCII)[:2] in _YEAR_CENTURIES:
        return False
    m = _NL_DECIMAL_RE.match(text, j)
    return m is not None and m.end() > nl + 1

SHAPES = ("int", "decimal", "ordinal", "fraction", "date", "time", "ratio", "range", "code")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number found in a text.

    ``value`` is the full value including trailing scale words; ``amount`` the number before the
    trailing scale words (``value == amount * scale``); ``shape`` says what kind of numeric
    expression it is: ``int``, ``decimal``, ``ordinal``, ``fraction`` (value = numerator/denominator,
    parts = (numerator, denominator)), or, for digit clusters that are not plain numbers,
    ``date`` (``۱۴۰۲/۱۲/۲۱``), ``time`` (``۷:۵۷``), ``ratio`` (``۲:۱``), ``range`` (``۱۰-۱۲``) and
    ``code`` (``۰۲۱-۸۸۱۲۳۴۵۶``). For those, ``parts`` holds the integers as written, in order, and
    ``value``/``amount`` are ``parts[0]`` (times ``scale`` for a range), except ``code`` whose value is
    all its digits read as one integer.
    """

    start: int
    end: int
    text: str
    value: int | Decimal
    amount: int | Decimal
    scale: int
    scale_text: str
    form: str
    is_decimal: bool
    shape: str = "int"
    parts: tuple[int | Decimal, ...] = ()

    @property
    def is_ordinal(self) -> bool:
        return self.shape == "ordinal"


class _MutableMatch:
    """Same slot layout as NumberMatch, not frozen: filled by plain attribute stores, then given NumberMatch as
    its class (allowed because the layouts are identical), which makes it an ordinary frozen NumberMatch."""

    __slots__ = NumberMatch.__slots__


def _mk(start: int, end: int, text: str, value: int | Decimal, amount: int | Decimal, scale: int, scale_text: str,
        form: str, is_decimal: bool, shape: str = "int", parts: tuple[int, ...] = ()) -> NumberMatch:
    """Build a NumberMatch about four times faster than the frozen dataclass ``__init__`` (hot path)."""
    m = _MutableMatch()
    m.start = start
    m.end = end
    m.text = text
    m.value = value
    m.amount = amount
    m.scale = scale
    m.scale_text = scale_text
    m.form = form
    m.is_decimal = is_decimal
    m.shape = shape
    m.parts = parts
    m.__class__ = NumberMatch  # type: ignore[assignment]
    return m  # type: ignore[return-value]


# --------------------------------------------------------------------------- lexicon


class LexiconError(ValueError):
    """The number lexicon data file is malformed."""


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[str, Any, str]]  # folded word -> (kind, value, class)
    adversarial: tuple[dict[str, str], ...]
    adversarial_re: Any
    adversarial_back_re: Any
    adversarial_back_words: frozenset[str]
    adversarial_fwd_words: frozenset[str]
    token_re: Any
    word_at: Any
    tolerant: Any  # () -> (token_re, word_at) for text with Arabic yeh/kaf, compiled at its first use
    vague_quantifiers: frozenset[str]
    vague_suffix_re: Any
    negation_followers: frozenset[str]
    negation_preceders: frozenset[str]
    acronym_letters: frozenset[str]
    acronym_number_words: frozenset[str]
    ambiguous_ordinals: frozenset[str]
    ordinal_after: frozenset[str]
    ordinal_before: frozenset[str]


def _cls(value: int) -> str:
    if value == 0:
        return "Z"
    if value < 10:
        return "U"
    if value < 20:
        return "TEEN"
    if value < 100:
        return "T"
    if value < 1000:
        return "H"
    return "S"


def _char_class(ch: str, tolerant: bool = True) -> str:
    """``ch`` as a regex, with its Arabic twins when ``tolerant``. Characters are written as themselves, not as
    ``\\N{...}`` escapes: the stdlib parser resolves each escape by name, hundreds of times at start-up."""
    if not tolerant:
        return re.escape(ch)
    if ch == "\N{ARABIC LETTER FARSI YEH}":
        return "[\N{ARABIC LETTER FARSI YEH}\N{ARABIC LETTER YEH}\N{ARABIC LETTER ALEF MAKSURA}]"
    if ch == "\N{ARABIC LETTER KEHEH}":
        return "[\N{ARABIC LETTER KEHEH}\N{ARABIC LETTER KAF}]"
    return re.escape(ch)


def _trie_regex(words: list[str], tolerant: bool = True, bare: bool = False) -> str:
    """A regex alternation of ``words`` as a trie (fast, longest alternatives tried first). ``bare``: its
    top-level alternatives joined by ``|``, not grouped (for a caller that adds alternatives of its own)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        alts = [_char_class(ch, tolerant) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return body + "?" if len(alts) == 1 and len(body) == 1 else "(?:" + body + ")?"
        return body

    if bare:
        return "|".join(_char_class(ch, tolerant) + emit(child) for ch, child in sorted(trie.items()) if ch)
    return emit(trie)


def _end_layers(ends: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Split ``ends`` (word -> its boundary regex) into an ordered list of ``(boundary, words)`` groups such
    that trying the groups in order, each as one trie followed once by its boundary, gives the same match as
    one trie with each word's boundary at its terminal: the longest word whose boundary holds.

    Words that can match at the same place form a prefix chain, tried longest first; so a word that has a
    shorter word with another boundary as a prefix (``دهم`` and ``ده``, ``هزارم`` and ``هزار``) must come in
    an earlier group. The conflicts are computed from the words. When the boundaries can be ordered (no
    boundary must come both before and after another), there is one group per boundary; otherwise each word
    gets a layer (no earlier than the longer words it is a prefix of, strictly later when their boundary
    differs) and there is one group per boundary and layer.
    """
    order = list(dict.fromkeys(ends.values()))
    before: dict[str, set[str]] = {e: set() for e in order}  # boundary -> boundaries that must come earlier
    for b, eb in ends.items():
        for i in range(1, len(b)):
            ea = ends.get(b[:i])
            if ea is not None and ea != eb:
                before[ea].add(eb)
    ranked: list[str] = []
    while len(ranked) < len(order):
        ready = [e for e in order if e not in ranked and before[e] <= set(ranked)]
        if not ready:
            break  # a cycle: fall back to layers
        ranked.append(ready[0])
    if len(ranked) == len(order):
        return [(e, [w for w, we in ends.items() if we == e]) for e in ranked]
    layer = dict.fromkeys(ends, 0)
    for b in sorted(ends, key=len, reverse=True):  # a longer word is final before its prefixes are raised
        lb, eb = layer[b], ends[b]
        for i in range(1, len(b)):
            a = b[:i]
            if a in layer:
                need = lb + (ends[a] != eb)
                if need > layer[a]:
                    layer[a] = need
    out: list[tuple[str, list[str]]] = []
    for k in range(max(layer.values(), default=-1) + 1):
        groups: dict[str, list[str]] = {}
        for w, end in ends.items():
            if layer[w] == k:
                groups.setdefault(end, []).append(w)
        out.extend(groups.items())
    return out


def _suffix_classes(ends: dict[str, Any]) -> bool:
    """Does no word end with a word that has another boundary? Then the text just before the end of a match
    tells which boundary applies (see :func:`_trie_bounded`)."""
    return all(ends.get(w[i:], e) == e for w, e in ends.items() for i in range(1, len(w)))


def _lookbehind(words: list[str], tolerant: bool) -> str:
    """A zero-width test that the text just before this point ends with one of ``words``."""
    keep = set(words)
    keep = [w for w in words if not any(w[i:] in keep for i in range(1, len(w)))]  # a suffix covers it
    by_len: dict[int, list[str]] = {}
    for w in keep:
        by_len.setdefault(len(w), []).append(w)
    alts = [f"(?<={_trie_regex(ws, tolerant)})" for _n, ws in sorted(by_len.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _alternatives(end: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """A word's boundary as a tuple of alternatives (a string is one alternative; None, none)."""
    if end is None:
        return ()
    return (end,) if isinstance(end, str) else end


def _trie_bounded(
    ends: dict[str, str | tuple[str, ...] | None], tolerant: bool, common: str = "", gate: str = ""
) -> str:
    """The words of ``ends``, each followed by its boundary (see :func:`_trie_bounded_parts`)."""
    alternatives, tail = _trie_bounded_parts(ends, tolerant, common, gate)
    return "(?:" + alternatives + ")" + tail


def _trie_bounded_parts(
    ends: dict[str, str | tuple[str, ...] | None], tolerant: bool, common: str = "", gate: str = ""
) -> tuple[str, str]:
    """An alternation of the words of ``ends`` where each word must be followed by its boundary, the longest
    such word winning, as in one trie with each word's boundary at its terminal. The boundary of ``w`` is
    ``(?:common|ends[w])``, or ``common`` alone when ``ends[w]`` is None (``common`` "" means none); a tuple
    ``ends[w]`` is a choice of zero-width alternatives (look-aheads), which words of different boundaries
    may share. Returned as ``(alternatives, tail)``, the pattern being ``(?:alternatives)tail``: the top-level
    alternatives (``|``-joined, not grouped) and the boundary that follows whichever of them matched ("" when
    each alternative holds its own).

    The boundaries hold tries themselves (a glued و before a number word), so writing one at each of the
    hundreds of terminals made the patterns 200 K characters long and their compilation cost seconds at the
    first call. Instead each boundary is written once. When no word ends with a word that has another
    boundary (checked here), one trie of all the words is followed by a single tail: ``common``, else each
    alternative behind a look-behind at the words that have it (written once, however many boundaries
    share it: the tail only tests, so which alternative holds does not matter); if it fails, the engine
    backs off to the next shorter word exactly as before. Otherwise the words are split into ordered groups
    (:func:`_end_layers`). ``gate``, if given, is a look-ahead that every ``ends[w]`` implies, tested once
    before the look-behinds.
    """
    if _suffix_classes(ends):
        holders: dict[str, list[str]] = {}  # alternative -> the words that have it
        for w, end in ends.items():
            for alt in _alternatives(end):
                holders.setdefault(alt, []).append(w)
        shared: dict[tuple[str, ...], list[str]] = {}  # words -> their common alternatives
        for alt, words in holders.items():
            shared.setdefault(tuple(words), []).append(alt)
        tail = "|".join(
            _lookbehind(list(words), tolerant) + "(?:" + "|".join(alts) + ")" for words, alts in shared.items()
        )
        if tail:
            tail = gate + ("(?:" + tail + ")" if len(shared) > 1 else tail)
        alts = [x for x in (common, tail) if x]
        return _trie_regex(list(ends), tolerant, bare=True), ("(?:" + "|".join(alts) + ")" if alts else "")

    def full(end: str | tuple[str, ...] | None) -> str:
        own = "|".join(_alternatives(end))
        return common if end is None else (own if not common else f"(?:{common}|{own})")

    alts = [
        _trie_regex(group, tolerant) + ("" if end == "" else "(?:" + end + ")")
        for end, group in _end_layers({w: full(e) for w, e in ends.items()})
    ]
    return "|".join(alts), ""


_SPLIT_RE = re.compile(r"[ \N{ZERO WIDTH NON-JOINER}]+")
#: What may stand between the words of a phrase (the characters themselves, see :func:`_char_class`).
_PHRASE_GAP = "[ \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}\N{SOFT HYPHEN}\N{LEFT-TO-RIGHT MARK}\N{RIGHT-TO-LEFT MARK}]*"


def _phrase_regex(phrase: str) -> str:
    """A phrase as a regex tolerant of space/ZWNJ/soft-hyphen variants between its words."""
    parts = _SPLIT_RE.split(phrase.strip())
    return _PHRASE_GAP.join("".join(_char_class(c) for c in p) for p in parts)


def _require(cond: bool, msg: str) -> None:
    if not cond:
        raise LexiconError(f"data/numbers.json: {msg}")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("khabar_extract").joinpath("data/numbers.json").read_text("utf-8"))
    for key in ("cardinals", "scales", "ordinals"):
        _require(isinstance(raw.get(key), dict) and raw[key], f"'{key}' must be a non-empty object")
        for w, v in raw[key].items():
            _require(isinstance(w, str) and w.strip() == w and w, f"bad word {w!r} in {key}")
            _require(isinstance(v, int) and not isinstance(v, bool) and v >= 0, f"bad value for {w!r}")
    for w, v in raw["cardinals"].items():
        _require(v < 1000, f"cardinal {w!r} >= 1000 belongs in 'scales'")
    for w, v in raw["scales"].items():
        _require(v >= 1000 and str(v).rstrip("0") == "1", f"scale {w!r} must be a power of ten >= 1000")
    for key in ("ordinal_suffix_words", "negative_words", "positive_words", "half_words", "scale_glued_suffixes",
                "vague_plural_suffixes", "vague_quantifiers", "negation_followers", "negation_preceders",
                "acronym_letters", "acronym_number_words", "ambiguous_ordinals",
                "ordinal_context_after", "ordinal_context_before", "ordinal_standalone"):
        _require(isinstance(raw.get(key), list) and all(isinstance(x, str) and x for x in raw[key]),
                 f"'{key}' must be a list of non-empty strings")
    _require(isinstance(raw.get("adversarial"), list), "'adversarial' must be a list")
    for entry in raw["adversarial"]:
        _require(isinstance(entry, dict) and {"text", "how", "example"} <= set(entry),
                 f"adversarial entry needs text, how, example: {entry!r}")
        _require(entry["how"] in {"phrase", "boundary", "vague", "negation", "context"},
                 f"unknown adversarial 'how' {entry['how']!r}")
        _require(entry["text"] in entry["example"], f"adversarial example must contain its text: {entry!r}")

    words: dict[str, tuple[str, Any]] = {}
    for w, v in raw["cardinals"].items():
        words[w] = ("W", v)
    for w, v in raw["scales"].items():
        words[w] = ("S", v)
    standalone = set(raw["ordinal_standalone"])
    for w, v in raw["ordinals"].items():
        for form in (w, w + "ین"):
            words[form] = ("O1" if w in standalone else "O", v)
    for w in raw["negative_words"]:
        words[w] = ("N", None)
    for w in raw["positive_words"]:
        words[w] = ("P", None)
    for w in raw["half_words"]:
        words[w] = ("HF", None)
    suffix_words = raw["ordinal_suffix_words"]
    for w in suffix_words:
        words[w] = ("A", None)

    # The hot pattern uses the stdlib ``re`` engine (about three times faster than ``regex`` here). It
    # starts with one character class (a separator or a digit), which lets the engine skip quickly to
    # candidate positions; the separator before a word is consumed but is not part of the atom. The start
    # of the text and words glued to digits (۲۰هزار) go through the anchored ``word_at``. The plain
    # variant is used on normalised text; the tolerant one (Arabic yeh/kaf) when the text has them, compiled
    # only then (normalised text never has them).
    @lru_cache(maxsize=2)
    def boundaries(tol: bool) -> tuple[dict[str, tuple[str, ...] | None], str]:
        """Each word's boundary and the gate before the look-behinds: the same for both word patterns of
        one ``tol`` (built once: the tries of the cardinals and number words cost ~1 ms each)."""
        scales = _trie_regex(list(raw["scales"]), tol)
        glued = _trie_regex(raw["scale_glued_suffixes"], tol)
        cardinals = _trie_regex([w for w, (k, _v) in words.items() if k == "W"], tol)
        # A و glued to the word before another number (هزارو ۴۰۰, صدو هفتاد) or to both words (بیستوچهار):
        # the word ends before the و, which then joins the two as usual.
        numwords = _trie_regex([w for w, (k, _v) in words.items() if k in ("W", "O")], tol)
        glued_va = (
            rf"(?=و(?:[ \N{{NO-BREAK SPACE}}]*[{_DIGITS}]|[ \N{{NO-BREAK SPACE}}]+{cardinals})"  # هزارو۵۱۴
            rf"|\N{{ZERO WIDTH NON-JOINER}}?و{numwords}{_END})"  # بیستوچهار, هفتادوچهارمین
        )
        # Each word must be followed by _END or, for number and scale words, by what its kind allows: a choice
        # of look-aheads, glued_va shared by both kinds (written once in the pattern, see _trie_bounded).
        cardinal_end = (rf"(?={scales})", glued_va)  # دو میلیون, glued دومیلیون, صدو هفتاد
        # هزارتومانی, هزارو ۴۰۰, and a glued scale that ends there: هزارمیلیارد (not هزارمیلیاردها)
        scale_end = (rf"(?={glued}{_END})", rf"(?=(?:{scales})(?:{glued})?{_END})", glued_va)
        ends = {w: cardinal_end if kind == "W" else scale_end if kind == "S" else None for w, (kind, _v) in words.items()}
        # Every boundary beyond _END starts with a look-ahead at one of these characters.
        nexts = {w[0] for w in (*raw["scales"], *raw["scale_glued_suffixes"])} | {"و", ZWNJ}
        gate = rf"(?=[{''.join(sorted(_char_class(c, tol).strip('[]') for c in nexts))}])"
        return ends, gate

    def word_parts(tol: bool, va: bool = False) -> tuple[str, str]:
        ends, gate = boundaries(tol)
        if va:
            # و glued to the next word after a space (هزار وپانصد): the same words behind a و, in the same
            # trie (no number word starts with و); the reader keeps them only right after a number.
            ends = {**ends, **{"و" + w: ends[w] for w, (kind, _v) in words.items() if kind in _VA_GLUED_KINDS}}
        return _trie_bounded_parts(ends, tol, _END, gate)

    def word_at(tol: bool) -> str:
        alternatives, tail = word_parts(tol)
        return rf"(?P<w>(?:{alternatives}){tail})"

    def token(tol: bool) -> str:
        # The word has no group of its own (a match without a group is a word; its atom starts one character
        # after the separator). Speed: the trie's first letters are alternatives of the same alternation as the
        # digits (the engine tests each against the next character without entering it), and the words'
        # boundary follows unless the digits matched (a test of group d): one level of alternation less at
        # each separator, ~7 % of the scan.
        alternatives, tail = word_parts(tol, va=True)
        return (
            rf"[{_LEAD_SEPS}{_DIGITS}](?:(?<=[{_DIGITS}])"
            rf"(?P<d>[{_DIGITS}]*(?:[{_NUM_SEPS}][{_DIGITS}]+)*{_NL_DECIMAL_TAIL})"
            rf"(?P<ds>\N{{ZERO WIDTH NON-JOINER}}?(?:امین|مین|ام){_END})?"
            rf"|{alternatives})" + (f"(?(d)|{tail})" if tail else "")
        )

    # Adversarial phrases are checked only around number-word atoms: those starting with a number word
    # are matched forward from the atom, the others (زیان ده, بی بی سی) must end with a number word
    # and are matched backward from the atom's end.
    adv_fwd, adv_back, adv_back_heads, adv_fwd_heads = [], [], set(), set()
    for e in raw["adversarial"]:
        if e["how"] != "phrase":
            continue
        ws = [w for w in _SPLIT_RE.split(e["text"]) if w]
        if ws[0] in words:
            adv_fwd.append(_phrase_regex(e["text"]))
            adv_fwd_heads.add(ws[0])
        else:
            _require(ws[-1] in words, f"adversarial phrase {e['text']!r} must start or end with a number word")
            adv_back.append(_phrase_regex(e["text"]))
            adv_back_heads.add(ws[-1])
    # Spellings that differ only by a space or ZWNJ (یک شنبه, یک‌شنبه) give the same regex: written once (a
    # repeated alternative never matches where its first copy failed), as each phrase costs ~0.3 ms to compile.
    adv_fwd, adv_back = list(dict.fromkeys(adv_fwd)), list(dict.fromkeys(adv_back))
    adv_re = re.compile("(?:" + "|".join(adv_fwd) + ")" + _END) if adv_fwd else None
    # compiled at its first use: one article in sixteen has a word that ends such a phrase
    adv_back_re = LazyPattern(r"(?<!\w)(?:" + "|".join(adv_back) + r")\Z", re.compile) if adv_back else None
    vague_suffix = re.compile(
        rf"[ \N{{ZERO WIDTH NON-JOINER}}\N{{LEFT-TO-RIGHT MARK}}\N{{RIGHT-TO-LEFT MARK}}]*(?:{_trie_regex(raw['vague_plural_suffixes'])}){_END}"
    )
    return _Lexicon(
        words={w: (k, v, _cls(v) if k in ("W", "O", "O1") else ("S" if k == "S" else k)) for w, (k, v) in words.items()},
        adversarial=tuple(raw["adversarial"]),
        adversarial_re=adv_re,
        adversarial_back_re=adv_back_re,
        adversarial_back_words=frozenset(adv_back_heads),
        adversarial_fwd_words=frozenset(adv_fwd_heads),
        token_re=re.compile(token(False)),
        word_at=re.compile(word_at(False)),
        tolerant=lru_cache(maxsize=1)(lambda: (re.compile(token(True)), re.compile(word_at(True)))),
        vague_quantifiers=frozenset(raw["vague_quantifiers"]),
        vague_suffix_re=vague_suffix,
        negation_followers=frozenset(raw["negation_followers"]),
        negation_preceders=frozenset(raw["negation_preceders"]),
        acronym_letters=frozenset(raw["acronym_letters"]),
        acronym_number_words=frozenset(raw["acronym_number_words"]),
        ambiguous_ordinals=frozenset(raw["ambiguous_ordinals"]),
        ordinal_after=frozenset(raw["ordinal_context_after"]),
        ordinal_before=frozenset(raw["ordinal_context_before"]),
    )


def adversarial_phrases() -> tuple[dict[str, str], ...]:
    """The documented not-a-number phrases of the data file (for tests and docs)."""
    return _lexicon().adversarial


# --------------------------------------------------------------------------- digits


def _dec(s: str) -> Decimal:
    return Decimal(s)


def _plausible_date(groups: list[str]) -> bool:
    a, b, c = (int(g) for g in groups)
    if len(groups[0]) == 4:
        return 1 <= b <= 12 and 1 <= c <= 31
    if len(groups[2]) == 4:
        return 1 <= b <= 12 and 1 <= a <= 31
    return all(len(g) <= 2 for g in groups) and (1 <= b <= 12)


_NONDIGIT_RE = re.compile(r"[^0-9]")
_DASH_RE = re.compile(r"[\-\N{MINUS SIGN}]")
_CLUSTER_RE = re.compile(rf"[{_DIGITS}]+(?:[{_NUM_SEPS}][{_DIGITS}]+)*")


_THOUSANDS_OR_DECIMAL = _THOUSANDS | _DECIMAL
_DROP_ASCII_DIGITS = str.maketrans("", "", "0123456789")


def _thousands_ok(gs: list[str]) -> bool:
    """Digit groups of a number grouped by thousands: one to three digits, then groups of three."""
    return 1 <= len(gs[0]) <= 3 and all(len(g) == 3 for g in gs[1:])


def classify_digits(
    s: str, visual: bool = False
) -> list[tuple[int, int, str, int | Decimal, tuple[int | Decimal, ...]]]:
    """Read one glued digit cluster (``۱۲٬۵۰۰``, ``۲/۵``, ``۱۴۰۲/۱۲/۲۱``, ``۷:۵۷``).

    Returns ``[(start, end, shape, value, parts)]`` relative to ``s``; usually one item, several
    when the cluster is really a list (``۱۲,۱۳``). Digits may be Persian, Arabic-Indic or ASCII.
    ``visual``: a two-part slash decimal is in visual order, its parts swapped (``5/2`` = 2.5; old Fars texts,
    see docs/numbers.md).
    """
    a = s.translate(_TO_ASCII)
    groups = _NONDIGIT_RE.split(a)
    # the separators in order; an ASCII string has no other digits than 0-9, so translate drops them all
    seps = list(a.translate(_DROP_ASCII_DIGITS)) if a.isascii() else [ch for ch in a if not ch.isdigit()]
    n = len(a)
    if not seps:
        if len(a) >= 4 and a[0] == "0":
            return [(0, n, "code", int(a), ())]
        return [(0, n, "int", int(a), ())]
    kinds = set(seps)
    first = groups[0]

    # Thousands separators, optionally followed by one decimal separator.
    if kinds <= _THOUSANDS_OR_DECIMAL and seps[-1] in _DECIMAL and all(x in _THOUSANDS for x in seps[:-1]):
        if len(seps) == 1:
            sep = seps[0]
            if sep == "/":
                g1 = groups[1]
                if len(first) == 4 and len(g1) <= 2 and 1 <= int(g1) <= 12 and int(first[:2]) in (13, 14, 19, 20):
                    return [(0, n, "date", int(first), (int(first), int(g1)))]
                if len(g1) == 4 and len(first) <= 2 and 1 <= int(first) <= 12 and int(g1[:2]) in (13, 14, 19, 20):
                    return [(0, n, "date", int(first), (int(first), int(g1)))]
            whole, frac = (groups[1], first) if visual and sep == "/" else (first, groups[1])
            return [(0, n, "decimal", _dec(whole + "." + frac), ())]
        if _thousands_ok(groups[:-1]):
            return [(0, n, "decimal", _dec("".join(groups[:-1]) + "." + groups[-1]), ())]
    if (kinds <= _THOUSANDS or (kinds == {"."} and len(seps) >= 2)) and _thousands_ok(groups):
        return [(0, n, "int", int("".join(groups)), ())]
    if kinds == {"\N{ARABIC THOUSANDS SEPARATOR}"} and len(seps) == 1:
        # A lone Arabic thousands separator before a non-3-digit group: read as a decimal mark.
        return [(0, n, "decimal", _dec(first + "." + groups[1]), ())]
    if len(kinds) == 1:
        sep = seps[0]
        parts = tuple(map(int, groups))
        if sep in ("/", ".", "-", "\N{MINUS SIGN}") and len(groups) == 3 and _plausible_date(groups):
            return [(0, n, "date", parts[0], parts)]
        if sep == ":" and len(groups) in (2, 3) and all(len(g) == 2 for g in groups[1:]):
            if parts[0] <= 24 and all(p < 60 for p in parts[1:]):
                return [(0, n, "time", parts[0], parts)]
        if sep == ":" and len(groups) == 2:
            return [(0, n, "ratio", parts[0], parts)]
        if sep in _MINUS and len(groups) == 2 and all(len(g) <= 4 and not (len(g) > 1 and g[0] == "0") for g in groups):
            return [(0, n, "range", parts[0], parts)]
        if sep == ",":
            out = []
            pos = 0
            for g in groups:
                out.append((pos, pos + len(g), "int", int(g), ()))
                pos += len(g) + 1
            return out
    if "-" in kinds or "\N{MINUS SIGN}" in kinds:
        # A range of grouped or decimal numbers: ۱۲٬۵۰۰-۱۵٬۰۰۰, ۲٫۵-۳.
        pieces = _DASH_RE.split(a)
        if len(pieces) == 2 and all(pieces) and not any(
            p.isdigit() and (len(p) > 4 or (len(p) > 1 and p[0] == "0")) for p in pieces
        ):  # not a phone number or code (۰۲۱-۸۸۱۲۳۴۵۶)
            sub = [classify_digits(p) for p in pieces]
            if all(len(x) == 1 and x[0][2] in ("int", "decimal") for x in sub):
                lo, hi = sub[0][0][3], sub[1][0][3]
                return [(0, n, "range", lo, (lo, hi))]
    return [(0, n, "code", int("".join(groups)), tuple(int(g) for g in groups))]


def parse_digits(s: str) -> int | Decimal | None:
    """``"۱۲٬۵۰۰"`` -> 12500, ``"۲/۵"`` -> Decimal("2.5"); None for dates, times, codes, non-digits."""
    if not isinstance(s, str):
        raise TypeError(f"parse_digits() takes str, not {type(s).__name__}")
    s = s.strip()
    neg = False
    if s[:1] in _MINUS:
        neg, s = True, s[1:]
    if not s or not _CLUSTER_RE.fullmatch(s):
        return None
    items = classify_digits(s)
    if len(items) != 1 or items[0][2] not in ("int", "decimal"):
        return None
    v = items[0][3]
    return -v if neg else v


# --------------------------------------------------------------------------- atoms and parsing


@dataclass(slots=True)
class _Atom:
    kind: str  # D (digits number), X (special digits), R (range), W, S, O, O1, A, N, HF
    start: int
    end: int
    value: Any = None
    cls: str = ""
    word: str = ""
    is_decimal: bool = False
    parts: tuple[int, ...] = ()
    shape: str = ""


def _word_atom(m: re.Match[str], words: dict[str, tuple[str, Any, str]], text: str, fold: bool) -> _Atom | None:
    s, e = m.span("w")
    w = text[s:e]
    if fold:
        w = w.translate(_FOLD_LETTERS)
    kind, payload, cls = words[w]
    if kind == "A" and (s == 0 or text[s - 1] not in _SEP_CHARS):
        return None  # a spaced ordinal suffix (سی ام) needs the space
    return _Atom(kind, s, e, payload, cls, w)


def _digit_atoms(text: str, s: int, e: int, ds_end: int, out: list[_Atom], token_re: re.Pattern[str], visual: bool,
                 glued_word: Callable[[int], None]) -> None:
    """Append to ``out`` the atoms of the digit cluster ``text[s:e]`` (``ds_end``: end of a glued ordinal suffix,
    or -1); ``glued_word(e)`` reads a number word glued after them. A module function, not a closure of _atoms:
    it calls itself, and a closure that does holds a reference cycle (the function, its cells, ``out`` and
    every atom) that only the cyclic GC would free, once per article."""
    d = text[s:e]
    if text.startswith("ها", e) or text.startswith(ZWNJ + "ها", e):
        return  # ۱۰ها ('tens of'): vague
    if d.isdigit():
        if ds_end >= 0:
            out.append(_Atom("OD", s, ds_end, int(d), "D"))
        elif len(d) >= 4 and d[0] in _ZEROS:
            out.append(_Atom("X", s, e, int(d), "X", shape="code"))
        else:
            out.append(_Atom("D", s, e, int(d), "D"))
        glued_word(e)
        return
    if "\n" in d:
        nl = s + d.index("\n")
        if not decimal_line_break(text, nl):
            # Two numbers after all (a year closing a sentence, a date): read each side on its own.
            _digit_atoms(text, s, nl - 1, -1, out, token_re, visual, glued_word)
            m2 = token_re.match(text, nl + 1)
            _digit_atoms(text, nl + 1, m2.end("d"), m2.end() if m2.group("ds") is not None else -1, out, token_re,
                         visual, glued_word)
            return
        _rs, _re, shape, value, parts = classify_digits(d.replace("\n", ""), visual)[0]
        items = [(0, len(d), shape, value, parts)]
    else:
        items = classify_digits(d, visual)
    if ds_end >= 0 and len(items) == 1 and items[0][2] == "int":
        out.append(_Atom("OD", s, ds_end, items[0][3], "D"))
        return
    for rs, re_, shape, value, parts in items:
        if shape in ("int", "decimal"):
            out.append(_Atom("D", s + rs, s + re_, value, "D", is_decimal=shape == "decimal"))
        elif shape == "range":
            out.append(_Atom("R", s + rs, s + re_, value, "R", parts=parts, shape=shape))
        else:
            out.append(_Atom("X", s + rs, s + re_, value, "X", parts=parts, shape=shape))
    glued_word(e)



def _atoms(text: str, lex: _Lexicon, visual: bool = False) -> list[_Atom]:
    out: list[_Atom] = []
    words = lex.words
    fold = _ARABIC_LETTERS[0] in text or _ARABIC_LETTERS[1] in text or _ARABIC_LETTERS[2] in text
    if fold:
        token_re, word_at = lex.tolerant()
    else:
        token_re, word_at = lex.token_re, lex.word_at
    n = len(text)

    def glued_after(atom: _Atom) -> None:
        """Number words glued to ``atom``: a scale (یکصدهزار, هزارمیلیارد) or و + a number word (بیستوچهار)."""
        e = atom.end
        if text[e] == "و" or (text[e] == ZWNJ and text[e + 1:e + 2] == "و"):
            mg = word_at.match(text, e + 1 if text[e] == "و" else e + 2)
            if mg is not None and (ga := _word_atom(mg, words, text, fold)) is not None and ga.kind in ("W", "O"):
                out.append(ga)
        elif atom.kind in ("W", "S") and text[e].isalpha():
            mg = word_at.match(text, e)
            if mg is not None and (ga := _word_atom(mg, words, text, fold)) is not None and ga.kind == "S":
                out.append(ga)

    def glued_word(e: int) -> None:
        if e < n and text[e].isalpha():
            mg = word_at.match(text, e)  # a word glued to the digits: ۲۰هزار
            if mg is not None and (ga := _word_atom(mg, words, text, fold)) is not None:
                out.append(ga)

    if text[:1].isalpha():
        m0 = word_at.match(text)
        if m0 is not None:
            a0 = _word_atom(m0, words, text, fold)
            if a0 is not None:
                out.append(a0)
                if a0.end < n and (text[a0.end].isalpha() or text[a0.end] == ZWNJ):
                    glued_after(a0)
    sep_chars = _SEP_CHARS
    for m in token_re.finditer(text):
        if m.lastindex is None:  # a number word; the separator before it is not part of it
            s = m.start() + 1
            e = m.end()
            w = text[s:e]
            if w[0] == "و":  # "و" + a number word (هزار وپانصد): only right after a number
                s += 1
                w = w[1:]
                if not out or not _VA_RE.fullmatch(text, out[-1].end, s):
                    continue
            if fold:
                w = w.translate(_FOLD_LETTERS)
            kind, value, cls = words[w]
            lead = text[s - 1]
            if kind == "A" and lead not in sep_chars:
                continue  # a spaced ordinal suffix (سی ام) needs the space
            if out and s < out[-1].end:
                continue
            if lead == ZWNJ and s > 1 and text[s - 2].isalpha() and not (out and out[-1].end == s - 1):
                continue  # the tail of a ZWNJ-joined word: السی, جادهای
            atom = _Atom(kind, s, e, value, cls, w)
            out.append(atom)
            if e < n and (text[e].isalpha() or text[e] == ZWNJ):
                glued_after(atom)
            continue
        s = m.start()
        e = m.end(1)
        if e == m.end() and (e == n or not (text[e].isalpha() or text[e] == ZWNJ)):
            d = text[s:e]
            if d.isdigit():  # fast path: plain digits with nothing glued after them
                if len(d) >= 4 and d[0] in _ZEROS:
                    out.append(_Atom("X", s, e, int(d), "X", shape="code"))
                else:
                    out.append(_Atom("D", s, e, int(d), "D"))
                continue
        _digit_atoms(text, s, e, m.end() if m.group("ds") is not None else -1, out, token_re, visual, glued_word)
    return out


# A numeric date written with a space after or around its slashes (``۴/ ۱۲/ ۱۳۹۲``, ``۱۳۹۲ /۱۲ /۴``): at most one
# space on each side of a slash, a four-digit year first or last, and no other slash group glued on either side.
# Two spaced groups are never joined (in the raw corpus they are all volume / page citations: ``۱۴۰۳: ۶ / ۲۱۴``).
_SP1 = "[ \N{NO-BREAK SPACE}]"
_SLASH_GAP = _SP1 + "?/" + _SP1 + "?"
# Speed: the pattern starts with its first digit, so the engine skips straight to digits (a leading look-behind
# made it try every position of the text); the look-behinds after that digit test the same characters before it.
_SP1_CHARS = frozenset(" \N{NO-BREAK SPACE}")  # the characters of _SP1


def _spaced_slash(text: str) -> bool:
    """Is there a slash with a space or no-break space beside it? (str.find from slash to slash: a regex for
    this stops at every space of the text)"""
    i = text.find("/")
    while i >= 0:
        if (i > 0 and text[i - 1] in _SP1_CHARS) or text[i + 1 : i + 2] in _SP1_CHARS:
            return True
        i = text.find("/", i + 1)
    return False


_SPACED_DATE_RE = re.compile(
    rf"[{_DIGITS}](?<![{_DIGITS}/].)(?<![{_DIGITS}/]{_SP1}.)"
    rf"(?:[{_DIGITS}]?{_SLASH_GAP}[{_DIGITS}]{{1,2}}{_SLASH_GAP}[{_DIGITS}]{{4}}"
    rf"|[{_DIGITS}]{{3}}{_SLASH_GAP}[{_DIGITS}]{{1,2}}{_SLASH_GAP}[{_DIGITS}]{{1,2}})"
    rf"(?![{_DIGITS}])(?!{_SLASH_GAP}[{_DIGITS}])"
)


def _spaced_dates(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Replace the atoms of each spaced numeric date (``۴/ ۱۲/ ۱۳۹۲`` = 1392-12-04) by one ``date`` atom."""
    for m in _SPACED_DATE_RE.finditer(text):
        s, e = m.span()
        d = m.group()
        if " " not in d and "\N{NO-BREAK SPACE}" not in d:
            continue  # glued: classify_digits has read it already
        groups = [g.strip(" \N{NO-BREAK SPACE}") for g in d.translate(_TO_ASCII).split("/")]
        year = groups[0] if len(groups[0]) == 4 else groups[2]
        if year[:2] not in _YEAR_CENTURIES or not _plausible_date(groups):
            continue
        inside = [i for i, a in enumerate(atoms) if a.start < e and a.end > s]
        if not inside or atoms[inside[0]].start != s or atoms[inside[-1]].end != e:
            continue  # an atom reaching out of the date (a glued word, a range): leave it as it was read
        parts = tuple(int(g) for g in groups)
        atoms[inside[0]:inside[-1] + 1] = [_Atom("X", s, e, parts[0], "X", parts=parts, shape="date")]
    return atoms


_VA_GLUED_KINDS = frozenset({"W", "S", "O", "HF"})
_GAP = r"[ \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}\N{LEFT-TO-RIGHT MARK}\N{RIGHT-TO-LEFT MARK}]"
_ADJ_RE = re.compile(_GAP + "*")
_VA_RE = re.compile(_GAP + "*و" + _GAP + "*")  # "و" alone only between glued words (بیستوچهار)


def _conn(text: str, a: _Atom, b: _Atom) -> str | None:
    """How two atoms are linked: "adj" (spaces/ZWNJ only), "va" (و), or None (not linked)."""
    if b.start - a.end > 12:
        return None
    gap = text[a.end:b.start]
    if gap == " " or gap == "" or _ADJ_RE.fullmatch(gap):
        return "adj"
    if gap == " و " or _VA_RE.fullmatch(gap):
        return "va"
    return None


_CTX = Context(prec=120)
_NO_CTX = nullcontext()


def _norm_value(v: int | Decimal) -> int | Decimal:
    if isinstance(v, Decimal):
        if v == v.to_integral_value():
            return int(v)
        return v.normalize() if v.as_tuple().exponent < 0 else v
    return v


class _Number:
    """Mutable state while reading one number."""

    __slots__ = ("total", "cur", "group", "group_len", "max_scale", "last_scale", "ordinal", "is_decimal",
                 "has_d", "has_w", "first", "last", "closed", "half_end", "last_value")

    def __init__(self, first: int) -> None:
        self.total: int | Decimal = 0
        self.cur: int | Decimal = 0
        self.group: str | None = None  # class of the last atom of the current group, None after a scale
        self.group_len = 0
        self.max_scale = 0
        self.last_scale: int | None = None  # index of the atom of the last applied scale
        self.ordinal = False
        self.is_decimal = False
        self.has_d = False
        self.has_w = False
        self.first = first
        self.last = first
        self.closed = False  # nothing may follow
        self.half_end = False
        self.last_value = 0  # value of the last applied scale

    def apply_scale(self, s: int, idx: int) -> None:
        if self.group is None and self.last_scale is None:
            self.cur = 1  # a bare scale word: هزار = 1000
        if s >= self.max_scale or s == self.last_value:
            # A scale at least as large as all before multiplies everything read so far; so does the same scale
            # as the group before, which cannot start a lower group (۹۳۳ هزار و ۲۳ هزار ریال: the amount is
            # in thousands of rials; سه هزار و ۵۶۱ هزار = 3,561,000).
            self.total = (self.total + self.cur) * s
            self.max_scale = max(s, self.max_scale)
        else:
            self.total += self.cur * s
        self.cur = 0
        self.group = None
        self.group_len = 0
        self.last_scale = idx
        self.last_value = s


_GROUP_NEXT = {"H": {"T", "TEEN", "U"}, "T": {"U"}}


def _accept(st: _Number, a: _Atom, conn: str | None, idx: int, atoms: list[_Atom]) -> bool:
    """Try to extend the number ``st`` with atom ``a``; mutate and return True if it fits."""
    if st.closed or conn is None:
        return False
    k = a.kind
    after_scale = st.group is None and st.last_scale is not None
    if k == "S" or (k == "O" and a.cls == "S"):
        if conn != "adj" or st.group is None:
            return False
        p = a.parts
        if p and p[0] < st.max_scale and a.value // p[0] >= st.max_scale:
            # Adjacent scales after a larger one (۵ میلیون و ۹۰۴ هزار میلیارد): the first closes the group
            # (۹۰۴ هزار joins ۵ میلیون), the others multiply the whole number: (5,000,000 + 904,000) × 10^9.
            st.apply_scale(p[0], idx)
            st.apply_scale(a.value // p[0], idx)
        else:
            st.apply_scale(a.value, idx)
        st.has_w = True
        if k == "O":
            st.ordinal = st.closed = True
        return True
    if k == "D":
        if isinstance(a.value, Decimal) or st.group == "HALF":
            return False
        if after_scale and conn == "va":
            st.cur, st.group = a.value, "D"
        elif (after_scale and conn == "adj" and a.end - a.start <= 3
              and not (idx + 1 < len(atoms) and atoms[idx + 1].kind == "S" and atoms[idx + 1].start - a.end <= 3
                       and atoms[idx + 1].value >= atoms[st.last_scale].value)):
            # A group of 1-3 digits right after a scale with no و (۲ هزار ۶۰۰ نفر = 2600, یک هزار ۵۶۰ تومانی,
            # ۲ میلیون ۳۰۰ هزار), as number words already join (دوازده هزار بیست دو); not before a scale as large
            # as the one before it, which starts another number (۳۰ هزار ۴۰ هزار).
            st.cur, st.group = a.value, "D"
        elif st.group == "H" and conn == "va" and a.value < 100:
            st.cur += a.value
            st.group = "D"
        else:
            return False
        st.has_d = True
        st.group_len += 1
        return True
    if k in ("W", "O"):
        c = a.cls
        if after_scale:
            st.cur, st.group, st.group_len = a.value, c, 1
        elif st.group in _GROUP_NEXT and c in _GROUP_NEXT[st.group]:
            st.cur += a.value
            st.group = c
            st.group_len += 1
        elif (st.group == "U" and st.group_len == 1 and a.word in ("صد", "صدمین") and conn == "adj"):
            # یک صد = 100, یک صدمین = 100th; but یک صدم is a hundredth (a fraction, below)
            st.cur = st.cur * 100
            st.group = "H"
        else:
            return False
        st.has_w = True
        if k == "O":
            st.ordinal = st.closed = True
        return True
    if k == "HF":
        if conn != "va":
            return False
        if after_scale:
            prev = atoms[st.last_scale]
            st.total += Decimal(prev.value) / 2
            st.closed = st.half_end = True
        elif st.group in ("D", "U", "T", "TEEN", "H") and not isinstance(st.cur, Decimal):
            st.cur = st.cur + Decimal("0.5")
            st.group = "HALF"
        else:
            return False
        st.is_decimal = True
        return True
    if k == "A":
        prev = atoms[idx - 1]
        if conn != "adj" or prev.kind not in ("W", "S", "D"):
            return False
        st.ordinal = st.closed = True
        return True
    return False


def _start(st: _Number, a: _Atom) -> bool:
    k = a.kind
    if k == "D":
        st.cur, st.group, st.has_d, st.group_len = a.value, "D", True, 1
        st.is_decimal = a.is_decimal
        return True
    if k == "W":
        st.cur, st.group, st.has_w, st.group_len = a.value, a.cls, True, 1
        return True
    if k == "S":
        st.has_w = True
        st.apply_scale(a.value, st.first)
        return True
    if k in ("O", "O1"):
        st.has_w = True
        st.ordinal = st.closed = True
        if a.cls == "S":
            st.apply_scale(a.value, st.first)
        else:
            st.cur, st.group = a.value, a.cls
        return True
    if k == "OD":
        st.cur, st.group, st.has_d = a.value, "D", True
        st.ordinal = st.closed = True
        return True
    if k == "HF":
        st.cur, st.group, st.is_decimal = Decimal("0.5"), "HALF", True
        return True
    return False


def _finish(
    text: str, atoms: list[_Atom], st: _Number, neg_start: int | None, sign_start: int | None = None
) -> NumberMatch | None:
    first, last = atoms[st.first], atoms[st.last]
    with localcontext(_CTX) if st.is_decimal else _NO_CTX:
        value = st.total + st.cur
        scale, scale_text = 1, ""
        ls = st.last_scale
        if ls is not None and not st.ordinal and (ls == st.last or (st.half_end and ls == st.last - 1)):
            scale = atoms[ls].value
            scale_text = text[atoms[ls].start:atoms[ls].end]
        if scale != 1:
            if isinstance(value, int) and value % scale == 0:
                amount: int | Decimal = value // scale
            else:
                amount = Decimal(value) / Decimal(scale)
        else:
            amount = value
        if neg_start is not None:
            value, amount = -value, -amount
        value, amount = _norm_value(value), _norm_value(amount)
    start = first.start if neg_start is None and sign_start is None else (neg_start if neg_start is not None else sign_start)
    form = "mixed" if (st.has_d and st.has_w) or (start != first.start and st.has_d and text[start] not in _MINUS) \
        else ("digits" if st.has_d else "words")
    if st.ordinal:
        shape = "ordinal"
    elif st.is_decimal:
        shape = "decimal"
    else:
        shape = "int"
    return _mk(start, last.end, text[start:last.end], value, amount, scale, scale_text, form, st.is_decimal, shape)


def _special(text: str, a: _Atom, scale_atom: _Atom | None, neg_start: int | None) -> NumberMatch:
    end = a.end if scale_atom is None else scale_atom.end
    scale = 1 if scale_atom is None else scale_atom.value
    scale_text = "" if scale_atom is None else text[scale_atom.start:scale_atom.end]
    form = "digits" if scale_atom is None else "mixed"
    is_dec = any(isinstance(p, Decimal) for p in a.parts)
    value = _norm_value(a.value * scale) if is_dec else a.value * scale
    return _mk(a.start, end, text[a.start:end], value, a.value, scale, scale_text, form, is_dec, a.shape, a.parts)


def _neg_prefix(text: str, a: _Atom) -> int | None:
    """Start of a glued minus sign before digits (``-۵``), never a dateline dash (``ایرنا - ۱۲``)."""
    s = a.start
    if s >= 1 and text[s - 1] in _MINUS and (s == 1 or text[s - 2] in " \t\n(\N{NO-BREAK SPACE}"):
        j = s - 2
        while j >= 0 and text[j] in " \t\N{NO-BREAK SPACE}":
            j -= 1
        if j < 0 or not (text[j].isdigit() or text[j] in "-−"):
            return s - 1
    return None


_SPACES = " \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}"


def _word_after(text: str, pos: int) -> str:
    """The word after ``pos`` across spaces/ZWNJ ("" if punctuation or the end comes first)."""
    n = len(text)
    j = pos
    while j < n and text[j] in _SPACES:
        j += 1
    if j == pos:
        return ""
    k = j
    while k < n and (text[k].isalpha() or text[k] == ZWNJ or unicodedata.category(text[k]) == "Mn"):
        k += 1
    return text[j:k].rstrip(ZWNJ).translate(_FOLD_LETTERS)


def _word_before(text: str, pos: int) -> str:
    """The word (letters, digits, ZWNJ) before ``pos`` across spaces/ZWNJ ("" if there is none)."""
    j = pos - 1
    while j >= 0 and text[j] in _SPACES:
        j -= 1
    if j == pos - 1:
        return ""
    k = j
    while k >= 0 and (text[k].isalnum() or text[k] == ZWNJ):
        k -= 1
    return text[k + 1:j + 1].lstrip(ZWNJ).translate(_FOLD_LETTERS)


def _vague_before(text: str, pos: int, lex: _Lexicon) -> bool:
    """Is the word before ``pos`` a vague quantifier (چند, صدها, هزاران, ۱۰ها ...)?"""
    w = _word_before(text, pos)
    return bool(w) and (w in lex.vague_quantifiers or (w.endswith("ها") and w[0].isdigit()))


_CLAUSE_END = frozenset(".!?\n\N{ARABIC QUESTION MARK}\N{ARABIC SEMICOLON}")
_NA_RE = re.compile(r"(?<!\w)نه(?!\w)")


def _is_negation(text: str, start: int, end: int, lex: _Lexicon) -> bool:
    """Is a lone نه the negation 'no / neither' rather than 9?"""
    nxt = _word_after(text, end)
    if not nxt or nxt in lex.negation_followers:
        return True
    j = start - 1
    while j >= 0 and text[j] in _SEP_CHARS:
        j -= 1
    if j >= 0 and text[j] in "\N{ARABIC COMMA}\N{ARABIC SEMICOLON},;:«(\"":
        return True
    if _word_before(text, start) in lex.negation_preceders:
        return True
    # Correlative نه ... نه ... within the same clause.
    before = text[max(0, start - 80):start]
    after = text[end:end + 80]
    cut = max(before.rfind(c) for c in _CLAUSE_END)
    if cut >= 0:
        before = before[cut + 1:]
    for c in _CLAUSE_END:
        k = after.find(c)
        if k >= 0:
            after = after[:k]
    return bool(_NA_RE.search(before) or _NA_RE.search(after))


_ACRO_SEP = " \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}.-"
_ACRO_PREV_RE = re.compile(r"(?<!\w)(\w+)[ \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}.\-]$")
_ACRO_NEXT_RE = re.compile(r"[ \N{NO-BREAK SPACE}\N{ZERO WIDTH NON-JOINER}.\-](\w+)(?!\w)")


def _in_acronym(text: str, start: int, end: int, lex: _Lexicon) -> bool:
    """Is سی the Latin letter C of a spelled-out acronym (سی ان ان, بی.بی.سی, آی سی یو, دی سی)?"""
    mp = _ACRO_PREV_RE.search(text, max(0, start - 8), start)
    if mp is not None and mp.group(1).translate(_FOLD_LETTERS) in lex.acronym_letters:
        return True
    mn = _ACRO_NEXT_RE.match(text, end)
    return mn is not None and mn.group(1).translate(_FOLD_LETTERS) in lex.acronym_letters


def _is_safar_month(text: str, start: int, atoms: list[_Atom], i: int) -> bool:
    """صفر right after a day number (۲۸ صفر) or after ماه is the Hijri month, not zero."""
    if i > 0 and atoms[i - 1].kind in ("D", "W", "O", "O1") and _conn(text, atoms[i - 1], atoms[i]) == "adj":
        return True
    return _word_before(text, start) == "ماه"


def _keep(text: str, m: NumberMatch, atoms: list[_Atom], i0: int, i1: int, lex: _Lexicon, strict: bool) -> bool:
    """Context filters: vague plurals, نه meaning 'no', دهم as a verb."""
    if lex.vague_suffix_re.match(text, m.end) and atoms[i1].kind in ("W", "S"):
        return False
    head = atoms[i0]
    if head.kind in ("S", "W") and (head.kind == "S" or head.value in (10, 100)) and _vague_before(
        text, head.start, lex
    ):
        return False
    if not strict:
        return True
    if i0 == i1 and head.kind == "S" and m.end < len(text) and text[m.end] in _YEHS \
            and not text[m.end + 1:m.end + 2].isalpha():
        # A bare scale adjective: تظاهرات میلیونی (but ۲۰ میلیونی and هزارتومانی are read). A bare scale phrase
        # at the very end of the text is a number, as before punctuation (هزار میلیارد).
        return False
    if i0 == i1 and head.kind == "W":
        if head.word in lex.acronym_number_words and _in_acronym(text, m.start, m.end, lex):
            return False
        if head.word == "نه" and _is_negation(text, m.start, m.end, lex):
            return False
        if head.word == "صفر" and _is_safar_month(text, m.start, atoms, i0):
            return False
    if i0 == i1 and head.kind == "HF":
        # A lone نیم is 0.5 before a counted word (نیم متر), not in compounds (نیمکره, نیمنگاه).
        if text[m.end:m.end + 1] != " " or not _word_after(text, m.end):
            return False
    if i0 == i1 and head.kind == "O" and head.word in lex.ambiguous_ordinals:
        if _word_after(text, m.end) not in lex.ordinal_after and _word_before(text, m.start) not in lex.ordinal_before:
            return False
    return True


def _year_before_scale(text: str, a: _Atom) -> bool:
    """Is the digit atom ``a`` a year (four digits, 13xx/14xx/19xx/20xx) right after the word سال?"""
    v = a.value
    return (a.end - a.start == 4 and not a.is_decimal and (1300 <= v < 1500 or 1900 <= v < 2100)
            and _word_before(text, a.start) == "سال")


_NEGATABLE = frozenset({"D", "W", "S", "O", "OD", "HF"})
_WORDISH = frozenset({"W", "O", "O1", "S"})
_CONTEXT_WORDS = frozenset({"نه", "صفر", "سی"})  # lone words that need the context rules of _keep


def _find(text: str, strict: bool = True, visual: bool = False) -> list[NumberMatch]:
    lex = _lexicon()
    atoms = _atoms(text, lex, visual)
    if not atoms:
        return []
    if _spaced_slash(text):
        atoms = _spaced_dates(text, atoms)
    # One pass: drop atoms inside adversarial phrases, merge adjacent growing scales (هزار میلیارد = 10**12).
    adv, adv_back = lex.adversarial_re, lex.adversarial_back_re
    fwd_words, back_words = lex.adversarial_fwd_words, lex.adversarial_back_words
    blocked_until = -1
    kept: list[_Atom] = []
    for a in atoms:
        if a.start < blocked_until:
            continue
        k = a.kind
        if k in _WORDISH:
            w = a.word
            if w in fwd_words and (bm := adv.match(text, a.start)) is not None:
                blocked_until = bm.end()
                continue
            if w in back_words and adv_back.search(text, max(0, a.start - 24), a.end) is not None:
                continue
            if k == "S" and kept:
                prev = kept[-1]
                if prev.kind == "S" and a.value > prev.value and _conn(text, prev, a) == "adj":
                    kept[-1] = _Atom("S", prev.start, a.end, prev.value * a.value, "S", prev.word + " " + w,
                                     parts=(prev.parts or (prev.value,)) + (a.value,))
                    continue
        kept.append(a)
    atoms = kept
    out: list[NumberMatch] = []
    n = len(atoms)
    i = 0
    while i < n:
        a = atoms[i]
        neg_start = sign_start = None
        j = i
        if a.kind in ("N", "P"):
            if i + 1 < n and _conn(text, a, atoms[i + 1]) == "adj" and atoms[i + 1].kind in _NEGATABLE:
                sign_start = a.start
                neg_start = a.start if a.kind == "N" else None
                j = i + 1
            else:
                i += 1
                continue
        b = atoms[j]
        lone = i + 1 == n or atoms[i + 1].start - b.end > 12 or _conn(text, b, atoms[i + 1]) is None
        if not lone and j == i and b.kind == "D" and atoms[i + 1].kind == "S" and _year_before_scale(text, b):
            lone = True  # سال ۱۳۹۸ هزار نفر: the year does not take the scale of the count after it
        if b.kind == "D" and j == i and lone and (
            b.start == 0 or text[b.start - 1] not in _MINUS
        ):
            # Fast path: a lone digit number (most numbers in news).
            v = _norm_value(b.value) if b.is_decimal else b.value
            out.append(_mk(b.start, b.end, text[b.start:b.end], v, v, 1, "", "digits", b.is_decimal,
                           "decimal" if b.is_decimal else "int"))
            i += 1
            continue
        if (b.kind == "W" and j == i and b.word not in _CONTEXT_WORDS
                and lone):
            # Fast path: a lone number word (یک, دو, سه ...).
            if not lex.vague_suffix_re.match(text, b.end) and not (
                b.value in (10, 100) and _vague_before(text, b.start, lex)
            ):
                v = b.value
                out.append(_mk(b.start, b.end, text[b.start:b.end], v, v, 1, "", "words", False))
            i += 1
            continue
        if (b.kind == "O1" or (b.kind == "O" and b.cls != "S" and b.word not in lex.ambiguous_ordinals)) and j == i:
            # Fast path: an ordinal word (دوم, سومین, اول) ends its number; a fraction needs a cardinal before it.
            v = b.value
            out.append(_mk(b.start, b.end, text[b.start:b.end], v, v, 1, "", "words", False, "ordinal"))
            i += 1
            continue
        if b.kind in ("D", "X", "R") and neg_start is None:
            neg_start = _neg_prefix(text, b)
        if b.kind == "X":
            out.append(_special(text, b, None, None))
            i = j + 1
            continue
        if b.kind == "R":
            sc = atoms[j + 1] if j + 1 < n and atoms[j + 1].kind == "S" and _conn(text, b, atoms[j + 1]) == "adj" else None
            out.append(_special(text, b, sc, None))
            i = j + 2 if sc is not None else j + 1
            continue
        st = _Number(j)
        if not _start(st, b):
            i = j + 1
            continue
        k = j + 1
        while k < n and not st.closed:
            if not _accept(st, atoms[k], _conn(text, atoms[k - 1], atoms[k]), k, atoms):
                break
            st.last = k
            k += 1
        # A fraction: a cardinal then an ordinal denominator: a small cardinal word (دو سوم = 2/3), or any whole
        # number below ten or a hundred, in digits or words, or a decimal in digits, before دهم / صدم (۶ دهم درصد =
        # 0.6, ۲۹ صدم = 0.29, بیست و پنج صدم = 0.25). Not before an -ین form (دومین), which is an ordinal.
        if (not st.ordinal and k < n and atoms[k].kind == "O" and atoms[k].word[-2:] != "ین"
                and _conn(text, atoms[st.last], atoms[k]) == "adj"):
            den = atoms[k].value
            num = st.total + st.cur
            if st.first == st.last and atoms[st.first].kind == "W":
                ok = 2 <= den <= 100 and num < den
            else:
                ok = (den in (10, 100) and st.last_scale is None and 0 < num < den
                      and (isinstance(num, int) or st.first == st.last)  # a decimal alone: ۱/۳ دهم = 0.13
                      and all(atoms[x].kind in ("D", "W") for x in range(st.first, st.last + 1)))
            if ok:
                with localcontext() as ctx:
                    ctx.prec = 28
                    val = _norm_value(Decimal(num) / Decimal(den))
                s0, e0 = atoms[st.first].start, atoms[k].end
                form = "mixed" if st.has_d else "words"
                out.append(_mk(s0, e0, text[s0:e0], val, val, 1, "", form, True, "fraction", (num, den)))
                i = k + 1
                continue
        m = _finish(text, atoms, st, neg_start, sign_start)
        if m is not None and _keep(text, m, atoms, st.first, st.last, lex, strict):
            out.append(m)
        i = st.last + 1
    return out


def find_numbers(text: str, *, visual_decimals: bool = False) -> list[NumberMatch]:
    """Every number in ``text``: sorted, non-overlapping, maximal; spans are ``[start, end)`` in ``text``.
    ``visual_decimals``: read two-part slash decimals with their parts swapped (``۵/۲`` = 2.5), for a text
    whose original is in the old visual order (see :func:`visual_decimal_order`)."""
    if not isinstance(text, str):
        raise TypeError(f"find_numbers() takes str, not {type(text).__name__}; decode bytes first")
    return _find(text, visual=visual_decimals)


_MODERN_MARKS_RE = re.compile("[\N{ARABIC LETTER FARSI YEH}\N{ARABIC LETTER KEHEH}\u0660-\u0669\u06f0-\u06f9]")


def visual_decimal_order(original: str) -> bool:
    """Is ``original`` (a whole document, before normalisation) in the old encoding whose slash decimals are in
    visual order: Arabic ي or ك, no Persian ی or ک, and no Persian or Arabic-Indic digit (so digits are ASCII)."""
    return (_ARABIC_LETTERS[0] in original or _ARABIC_LETTERS[2] in original) and not _MODERN_MARKS_RE.search(
        original
    )


def _whole(s: str, shape_ok: tuple[str, ...]) -> int | Decimal | None:
    if not isinstance(s, str):
        raise TypeError(f"expected str, not {type(s).__name__}")
    t = " ".join(s.split())
    if not t:
        return None
    found = _find(t, strict=False)
    if len(found) != 1:
        return None
    m = found[0]
    if m.start != 0 or m.end != len(t) or m.shape not in shape_ok:
        return None
    return m.value


def parse_number_words(s: str) -> int | Decimal | None:
    """A whole cardinal phrase (words, digits or both) -> exact value; None if it is not exactly one number.

    >>> parse_number_words("صد و بیست و سه میلیارد")
    123000000000
    >>> parse_number_words("نه تنها") is None
    True
    """
    return _whole(s, ("int", "decimal"))


def parse_ordinal_words(s: str) -> int | None:
    """A whole ordinal phrase -> its number: ``"بیست و یکم"`` -> 21, ``"سومین"`` -> 3; else None."""
    v = _whole(s, ("ordinal",))
    return v if v is None else int(v)
