"""The facts stage's vocabularies, loaded once from ``khabar_extract/data/facts/`` and validated.

Every entry is normalised with the same :func:`khabar_extract.normalize.normalize` as the text it is matched
against (so an entry written with Arabic ي/ك still matches). Multi-word entries match with or without the
space or ZWNJ between their parts: the lookup key of a phrase is its letters with every space and ZWNJ removed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import regex

from ..normalize import normalize

__all__ = ["Lexicon", "LexiconError", "lexicon", "squash", "squash_entry", "CATEGORIES", "phrase_pattern"]

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"

#: The category vocabulary of counted quantities (docs/facts.md).
CATEGORIES = frozenset(
    {"village", "housing_unit", "person", "household", "group", "job", "project", "school", "fund",
     "area", "length", "weight", "power", "volume"}
)

#: Runs of spaces and ZWNJ between the words of a phrase (compiled once: the module-level regex functions
#: pay a cache look-up per call, ~3,000 calls at start-up).
_GAPS = regex.compile(f"[ {ZWNJ}]+")
_SQUASH = str.maketrans({" ": None, ZWNJ: None, "\N{SOFT HYPHEN}": None, "\N{ARABIC LETTER HEH WITH YEH ABOVE}": "ه"})


class LexiconError(ValueError):
    """A data file under ``data/facts`` is malformed; the message names the file and the entry."""


_SQUASHED: dict[str, str] = {}
_SHY, _HEH_YEH = "\N{SOFT HYPHEN}", "\N{ARABIC LETTER HEH WITH YEH ABOVE}"
# squash() removes or replaces each character that _SQUASH maps, one str.replace each (see _squash_new)
assert {chr(c): v for c, v in _SQUASH.items()} == {" ": None, ZWNJ: None, _SHY: None, _HEH_YEH: "ه"}


def squash(s: str) -> str:
    """The lookup key of a word or phrase of *normalised* text: without spaces, ZWNJ or soft hyphens, ۀ read as
    ه (``s.translate(_SQUASH)``; cached)."""
    if s.isalpha() and _HEH_YEH not in s:
        # speed: a word of letters alone holds no space, ZWNJ or soft hyphen (none is a letter), so it is its own
        # key: no look-up in the cache (at an article's first sight, a probe of a big cold table costs more)
        return s
    k = _SQUASHED.get(s)
    if k is None:
        if len(_SQUASHED) > 100_000:
            _SQUASHED.clear()
        k = _SQUASHED[s] = _squash_new(s)
    return k


def _squash_new(s: str) -> str:
    """``s.translate(_SQUASH)`` by one ``str.replace`` per character of _SQUASH that ``s`` holds (speed: a C scan
    each, where ``translate`` with a dict table looks up every character, ~1.5 us a phrase; most phrases that
    reach it are an article's new ones, at its first sight)."""
    if " " in s:
        s = s.replace(" ", "")
    if ZWNJ in s:
        s = s.replace(ZWNJ, "")
    if _SHY in s:
        s = s.replace(_SHY, "")
    if _HEH_YEH in s:
        s = s.replace(_HEH_YEH, "ه")
    return s


def squash_entry(s: str) -> str:
    """The lookup key of a lexicon entry (normalised first, so ي/ك entries match)."""
    return _norm(s).translate(_SQUASH)


#: Normalised text of the entries seen so far (entry -> ``normalize(entry).text``).
_NORMED: dict[str, str] = {}
#: What separates entries normalised together: a paragraph break, which no pass reads across.
_SEP = "\n\n"
_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def _norm(s: str) -> str:
    t = _NORMED.get(s)
    if t is None:
        t = _NORMED[s] = normalize(s).text
    return t


def _bulk_safe(s: str) -> bool:
    return bool(s) and s == s.strip() and not _BREAKS.intersection(s)


def prime(entries: Iterable[str]) -> int:
    """Normalise many entries in ONE :func:`normalize` call (start-up: one call over ~3,000 short entries
    instead of one each), the entries joined by a paragraph break and split back.  An entry that holds a
    line break or edge spaces, or a batch whose pieces do not come back one for one, is left to
    :func:`_norm` (one call per entry).  tests/test_facts_lexicon_prime.py checks that every bundled
    entry gets exactly what its own ``normalize()`` call gives.  Returns how many entries were primed."""
    todo = [s for s in dict.fromkeys(entries) if s not in _NORMED and _bulk_safe(s)]
    if not todo:
        return 0
    out = normalize(_SEP.join(todo)).text.split(_SEP)
    if len(out) != len(todo):
        return 0
    _NORMED.update(zip(todo, out, strict=True))
    return len(todo)


def _strings(data: Any) -> Iterator[str]:
    """Every string of a JSON document (keys and values), the candidates for :func:`prime`."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield k
            yield from _strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v)


def phrase_pattern(phrases: list[str]) -> str:
    """A regex of ``phrases`` as a trie (fast; longer alternatives first), where a space or ZWNJ inside a
    phrase may be written as a space, a ZWNJ or nothing."""
    trie: dict[str, Any] = {}
    for p in {_norm(p).strip() for p in phrases if p.strip()}:
        node = trie
        for ch in _GAPS.sub(" ", p):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for ch, child in sorted(node.items(), key=lambda kv: kv[0]):
            if not ch:
                continue
            piece = f"[ {ZWNJ}]?" if ch == " " else regex.escape(ch)
            alts.append(piece + emit(child))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(trie)


@cache
def _read(name: str) -> Any:
    """The text of ``data/facts/<name>``, parsed when JSON; read once (:func:`_prime_all` and :func:`lexicon`
    both need every file; nothing mutates the result)."""
    ref = resources.files("khabar_extract").joinpath("data", "facts", name)
    try:
        raw = ref.read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise LexiconError(f"data/facts/{name} is missing from the package") from exc
    if name.endswith(".json"):
        try:
            return json.loads(raw)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"data/facts/{name}: invalid JSON ({exc})") from exc
    return raw


def _need(cond: bool, where: str, msg: str) -> None:
    if not cond:
        raise LexiconError(f"data/facts/{where}: {msg}")


def _string_list(data: dict[str, Any], key: str, where: str) -> list[str]:
    """``data[key]`` (absent: empty), checked to be a list of non-empty strings."""
    value = data.get(key, [])
    _need(isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value), where,
          f"'{key}' must be a list of non-empty strings")
    return value


@dataclass(frozen=True)
class Currency:
    word: str
    iso: str
    factor: int | Decimal  # a Decimal for a subunit (سنت = 0.01 USD)


@dataclass(frozen=True)
class Lexicon:
    nouns: dict[str, str | None]  # squashed phrase -> category
    noun_max_words: int
    multi_first: frozenset[str]  # squashed first words of multi-word noun phrases
    currencies: dict[str, Currency]  # squashed word -> currency
    currency_words: list[str]
    currency_follow: list[str]
    signs_before: dict[str, str]
    signs_after: dict[str, str]
    scales: dict[str, int]  # normalised word -> power of ten
    months: dict[str, list[list[str]]]  # calendar -> 12 lists of names
    month_index: dict[str, tuple[str, int]]  # squashed name -> (calendar, month)
    ambiguous_months: frozenset[str]  # squashed
    month_word: str
    year_words: list[str]
    era_markers: dict[str, list[str]]
    weekdays: list[str]
    duration_units: dict[str, str]  # squashed word -> unit
    duration_words: list[str]
    day_parts: list[str]
    relative_years: dict[str, int]  # squashed phrase -> offset in years
    relative_phrases: list[str]
    relative_other: dict[str, tuple[str, int]]  # squashed phrase -> (unit day/week/month, offset)
    relative_other_phrases: list[str]
    qualifiers: list[str]
    labels: frozenset[str]
    weak_labels: frozenset[str]
    name_heads: frozenset[str]
    not_nouns: frozenset[str]
    never_nouns: frozenset[str]  # squashed words that only look like an inflected listed noun ("تنها")
    compound_verb_nouns: frozenset[str]  # squashed nouns that make a verb with a light verb ("خبر داد")
    light_verbs: frozenset[str]  # squashed light-verb forms
    counters_after_year: frozenset[str]  # squashed nouns that keep "سال ۱۲ بار" a count, not a year
    year_cues: frozenset[str]  # squashed words that keep a bare four-digit number inside a name a year
    work_title_nouns: tuple[str, ...]  # normalised nouns naming a work whose «title» follows ("نمایش", "فیلم")
    weak_number_words: frozenset[str]
    adversarial: list[dict[str, Any]]
    adversarial_prefix: frozenset[str]  # squashed phrases that make the next number an identifier
    two_word_tails: frozenset[str]  # squashed last words of two-word prefixes and labels (when key(2) matters)
    qualifier_keys: frozenset[str]
    qualifier_tails: frozenset[str]  # squashed last words of the qualifiers
    period_words: frozenset[str]  # "دهه سوم خرداد": an ordinal after these is a part of a month, not a day
    year_word_keys: frozenset[str]
    weekday_keys: frozenset[str]


def _load_nouns() -> tuple[dict[str, str | None], int, frozenset[str]]:
    nouns: dict[str, str | None] = {}
    multi_first: set[str] = set()
    longest = 1
    for i, line in enumerate(_read("nouns.tsv").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        # the checks are written out (not _need) so that a good line builds no error message (~1,000 lines)
        cols = line.split("\t")
        if len(cols) != 2:
            _need(False, f"nouns.tsv line {i}", f"expected 'phrase<TAB>category', got {line!r}")
        phrase, cat = cols[0].strip(), cols[1].strip()
        if not phrase:
            _need(False, f"nouns.tsv line {i}", "empty phrase")
        if cat != "-" and cat not in CATEGORIES:
            _need(False, f"nouns.tsv line {i}", f"unknown category {cat!r}")
        key = squash_entry(phrase)
        if key in nouns:
            _need(False, f"nouns.tsv line {i}", f"duplicate phrase {phrase!r}")
        nouns[key] = None if cat == "-" else cat
        words = _GAPS.split(_norm(phrase))
        if len(words) > 1:
            multi_first.add(squash(words[0]))
        longest = max(longest, len(words))
    return nouns, longest, frozenset(multi_first)


_DATA_FILES = ("currencies.json", "months.json", "time_words.json", "relative_dates.json", "context.json",
               "adversarial.json", "scales.json")


def _prime_all() -> None:
    """Normalise every string of the data files up front in two :func:`prime` calls: the entries, then
    their normalised forms and words (patterns and finders normalise those again)."""
    entries = [ln.split("\t", 1)[0].strip() for ln in _read("nouns.tsv").splitlines() if ln and ln[0] != "#"]
    for name in _DATA_FILES:
        try:
            entries.extend(_strings(_read(name)))
        except LexiconError:
            pass  # reported with its file and entry by lexicon() itself
    prime(entries)
    again = {t for s in entries if (t := _NORMED.get(s)) is not None}
    again.update(w for t in list(again) for w in t.split())
    prime(again)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load (once) and validate every vocabulary of the facts stage."""
    _prime_all()
    nouns, longest, multi_first = _load_nouns()

    cur = _read("currencies.json")
    currencies: dict[str, Currency] = {}
    for e in cur["currencies"]:
        _need({"word", "iso", "factor"} <= set(e), "currencies.json", f"entry needs word/iso/factor: {e}")
        _need(regex.fullmatch("[A-Z]{3}", e["iso"]) is not None, "currencies.json", f"bad ISO code {e['iso']!r}")
        factor = e["factor"]
        if isinstance(factor, str):  # a subunit: "0.01"
            try:
                factor = Decimal(factor)
            except ArithmeticError:
                factor = None
        _need(isinstance(factor, (int, Decimal)) and not isinstance(factor, bool) and factor > 0,
              "currencies.json", f"bad factor in {e}")
        currencies[squash_entry(e["word"])] = Currency(_norm(e["word"]), e["iso"], factor)

    sc = _read("scales.json")["scales"]
    for w, p in sc.items():
        _need(isinstance(p, int) and 0 < p <= 15, "scales.json", f"bad power {p!r} for {w!r}")

    mo = _read("months.json")
    month_index: dict[str, tuple[str, int]] = {}
    for cal in ("jalali", "gregorian", "hijri"):
        _need(len(mo[cal]) == 12, "months.json", f"{cal} needs 12 months")
        for m, names in enumerate(mo[cal], 1):
            for n in names:
                month_index.setdefault(squash_entry(n), (cal, m))

    tw = _read("time_words.json")
    rel_all = _read("relative_dates.json")
    rel = rel_all["years"]
    rel_other: dict[str, tuple[str, int]] = {}
    for unit in ("day", "week", "month"):
        for k, v in rel_all.get(unit + "s", {}).items():
            _need(isinstance(v, int), "relative_dates.json", f"offset of {k!r} must be an integer")
            rel_other[squash_entry(k)] = (unit, v)
    ctx = _read("context.json")
    adv = _read("adversarial.json")["phrases"]
    for e in adv:
        _need(bool(e.get("phrase")) and bool(e.get("why")), "adversarial.json", f"entry needs phrase and why: {e}")

    return Lexicon(
        nouns=nouns,
        noun_max_words=longest,
        multi_first=multi_first,
        currencies=currencies,
        currency_words=[c.word for c in currencies.values()],
        currency_follow=[_norm(w) for w in cur.get("follow", [])],
        signs_before=dict(cur.get("signs_before", {})),
        signs_after=dict(cur.get("signs_after", {})),
        scales={_norm(w): p for w, p in sc.items()},
        months={cal: [[_norm(n) for n in names] for names in mo[cal]] for cal in ("jalali", "gregorian", "hijri")},
        month_index=month_index,
        ambiguous_months=frozenset(squash_entry(w) for w in mo.get("ambiguous", [])),
        month_word=_norm(mo["month_word"]),
        year_words=[_norm(w) for w in mo["year_word"]],
        era_markers={k: [_norm(w) for w in v] for k, v in mo["era_markers"].items()},
        weekdays=[_norm(w) for w in mo["weekdays"]],
        duration_units={squash_entry(w): u for w, u in tw["duration_units"].items()},
        duration_words=[_norm(w) for w in tw["duration_units"]],
        day_parts=[_norm(w) for w in tw["day_parts"]],
        relative_years={squash_entry(k): int(v) for k, v in rel.items()},
        relative_phrases=[_norm(k) for k in rel],
        relative_other=rel_other,
        relative_other_phrases=[_norm(k) for u in ("days", "weeks", "months") for k in rel_all.get(u, {})],
        qualifiers=[_norm(w) for w in ctx["qualifiers"]],
        labels=frozenset(squash_entry(w) for w in ctx["labels"]),
        weak_labels=frozenset(squash_entry(w) for w in ctx["weak_labels"]),
        name_heads=frozenset(squash_entry(w) for w in ctx["name_heads"]),
        not_nouns=frozenset(squash_entry(w) for w in ctx["not_nouns"]),
        never_nouns=frozenset(squash_entry(w) for w in ctx.get("never_nouns", [])),
        compound_verb_nouns=frozenset(squash_entry(w) for w in ctx.get("compound_verb_nouns", [])),
        light_verbs=frozenset(squash_entry(w) for w in ctx.get("light_verbs", [])),
        counters_after_year=frozenset(squash_entry(w) for w in ctx.get("counters_after_year", [])),
        year_cues=frozenset(squash_entry(w) for w in ctx.get("year_cues", [])),
        work_title_nouns=tuple(_norm(w) for w in _string_list(ctx, "work_title_nouns", "context.json")),
        weak_number_words=frozenset(_norm(w) for w in ctx["weak_number_words"]),
        adversarial=[{**e, "phrase": _norm(e["phrase"])} for e in adv if not e.get("prefix")],
        adversarial_prefix=frozenset(squash_entry(e["phrase"]) for e in adv if e.get("prefix")),
        two_word_tails=frozenset(
            squash_entry(_norm(w).split()[-1])
            for w in [e["phrase"] for e in adv if e.get("prefix")] + ctx["labels"] + ctx["weak_labels"]
            if len(_norm(w).split()) > 1
        ),
        qualifier_keys=frozenset(squash_entry(w) for w in ctx["qualifiers"]),
        qualifier_tails=frozenset(squash_entry(_norm(w).split()[-1]) for w in ctx["qualifiers"]),
        period_words=frozenset(squash_entry(w) for w in ctx["period_words"]),
        year_word_keys=frozenset(squash_entry(w) for w in mo["year_word"]),
        weekday_keys=frozenset(squash_entry(w) for w in mo["weekdays"]),
    )
