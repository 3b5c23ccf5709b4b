"""Fact extraction: money, percentages, counted quantities, dates, durations, clock times and ordinals.

``extract_facts(doc)`` runs on a :class:`~khabar_extract.normalize.Normalized` document. It works in two
steps (as Microsoft Recognizers-Text does): the *finders* (:mod:`.finders`) return candidate spans on the
normalised text, the *resolvers* (:mod:`.resolvers`) turn each candidate into a value or reject it. Spans
are then mapped back to the untouched original, so ``fact.text == doc.original[start:end]`` always holds.

The order of the passes decides who owns a stretch of text: numeric and month-name dates first, then clock
times, then every remaining number in its context (money, percent, duration, year, quantity), then ordinal
words and relative dates. See ``docs/facts.md`` for the kinds, fields, vocabularies and rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Any

from ..normalize import Normalized
from . import finders as F
from . import resolvers as R
from .lexicon import lexicon
from .patterns import patterns

__all__ = ["Fact", "extract_facts", "KINDS", "STRICT"]

#: When False (the default), a number whose reading raises an unexpected error is skipped, so one odd
#: number never costs a whole article its facts; the tests set it to True so that such errors surface.
STRICT = False

#: Every kind a fact can have; only the first four are scored against the corpus gold.
KINDS = ("money", "percent", "quantity", "date", "duration", "time", "ordinal")


@dataclass(frozen=True)
class Fact:
    """One fact: ``span`` is ``[start, end)`` in the original text and ``text`` is exactly that slice."""

    kind: str
    value: Any
    span: tuple[int, int]
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value, "span": list(self.span), "text": self.text, **self.attrs}


# Claims: which characters of the normalised text already belong to a fact (or are blocked), one byte each in a
# bytearray of len(text) + 1 (a plain bytearray, not an object around one: the cyclic GC does not count it).


def _free(claims: bytearray, s: int, e: int) -> bool:
    return claims.find(1, s, e if e > s else s + 1) == -1


def _take(claims: bytearray, s: int, e: int) -> None:
    claims[s:e] = b"\x01" * (e - s)


def extract_facts(doc: Normalized, *, reference_date: Any = None, visual_decimals: bool = False) -> list[Fact]:
    """Every fact in ``doc``, in text order. ``reference_date`` (the article's date, a ``jdatetime.date``, a
    ``datetime.date`` or a Jalali ``(year, month, day)`` tuple) resolves relative years (``امسال``) and days and
    the century of two-digit years. ``visual_decimals=True`` reads two-part slash decimals with their parts
    swapped (``5/2`` = 2.5), as old Fars texts store them; off by default, where numbers are read as written
    (docs/numbers.md, "Slash decimals in visual order")."""
    if not isinstance(doc, Normalized):
        raise TypeError(f"extract_facts() takes a Normalized document (normalize(text)), not {type(doc).__name__}")
    text = doc.text
    # 1. table rows: their numbers lost their unit to a column header; only a date written with its month
    # name or as a numeric date stands on its own there ("شنبه یکم شهریور ماه: پارس جنوبی    منطقه آزاد")
    rows = F.find_table_rows(text)
    # 2. every number, in its context (dates, times, money, percent, durations, quantities ...), then resolved
    cands = _number_candidates(text, visual_decimals)
    ctx = R.Context.from_reference(reference_date)
    claims = bytearray(len(text) + 1)
    found: list[tuple[int, int, str, Any, dict[str, Any]]] = []
    _resolve_numbers(text, ctx, cands, rows, claims, found)
    for s, e in rows:
        _take(claims, s, e)

    for c in F.find_glued_percents(text):  # "صددرصد": a number word glued to درصد
        if _free(claims, c.start, c.end):
            _accept(found, claims, c, R.resolve_percent(c))

    # 3. relative years where nothing else stands
    for c in F.find_relative_dates(text) + F.find_relative_days(text):
        if _free(claims, c.start, c.end):
            _accept(found, claims, c, R.resolve_date(c, ctx))

    found.sort(key=itemgetter(0, 1))  # by span
    original = doc.original
    mapped = iter(_map_back(doc, found))
    out = []
    for _s, _e, kind, value, attrs in found:
        span = next(mapped)
        if "_noun" in attrs:
            noun = attrs["_noun"]
            noun_span = next(mapped)
            phrase_span = next(mapped) if noun.next_pos != noun.first_end else noun_span
            attrs = _noun_as_written(original, attrs, noun_span, phrase_span)
        out.append(_new_fact(kind, value, span, original[span[0] : span[1]], attrs))
    return out


def _accept(found: list[tuple[int, int, str, Any, dict[str, Any]]], claims: bytearray, c: F.Candidate,
            resolved: tuple[Any, dict[str, Any]] | None) -> None:
    """Claim the span of a resolved candidate and add it to ``found`` (nothing when ``resolved`` is None)."""
    if resolved is not None:
        _take(claims, c.start, c.end)
        found.append((c.start, c.end, c.kind, resolved[0], resolved[1]))


def _number_candidates(text: str, visual_decimals: bool) -> list[F.Candidate | None]:
    """Step 2 of :func:`extract_facts`, reading: every number and what its context makes of it, one candidate (or
    None) each. The candidates hold the numbers they read; the list of numbers is freed on return.

    Speed: the objects read here (about four a number: the number, its candidate with its parts, a noun) are
    the most alive at once in the facts stage; anything built before them (the article's date context, the claims,
    the facts found) is built after them instead, so that fewer objects are alive at once and the cyclic GC's
    young collection (every ~700 objects alive) comes less often."""
    numbers = _join_glued_and(text, _split_ranges(F.find_numbers(text, visual_decimals=visual_decimals)))
    numbers = _with_half_words(text, numbers)
    # adversarial phrases hold number words ("یک یا چند", "سه‌شنبه"); the few with digits ("گروه ۲۰", "۵+۱")
    # are only tried when their first word stands just before the number (nothing is claimed yet)
    numbers = _drop_adversarial(text, numbers)
    cands = _classify_all(text, numbers)
    _share_units(text, numbers, cands)
    _borrow_currency(text, cands)
    return cands


def _resolve_numbers(
    text: str, ctx: R.Context, cands: list[F.Candidate | None], rows: list[tuple[int, int]], claims: bytearray,
    found: list[tuple[int, int, str, Any, dict[str, Any]]],
) -> None:
    """Step 2 of :func:`extract_facts`, resolving: each candidate of :func:`_number_candidates` that is a fact,
    claimed and appended to ``found``. ``cands`` is emptied, each candidate freed once read (fewer objects alive
    at once)."""
    table = None
    if rows:
        table = bytearray(len(text) + 1)
        for s, e in rows:
            _take(table, s, e)
    titles = _work_titles(text) if "«" in text else ()
    cands.reverse()
    while cands:
        c = cands.pop()
        if c is None or c.kind in ("bare", "identifier") or claims.find(1, c.start, c.end if c.end > c.start else c.start + 1) >= 0:
            continue
        if c.kind == LATER:  # a number left unread, and nothing claimed over it: read it now
            c = _read_later(text, c)
            if c is None or c.kind in ("bare", "identifier") or claims.find(1, c.start, c.end) >= 0:
                continue
        if titles and c.kind != "date" and any(s <= c.start and c.end <= e for s, e in titles):
            continue  # a count inside the title of a work is part of its name ("نمایش «... هفت کوتوله»")
        if table is not None and not _free(table, c.start, c.end) and not _self_contained_date(c):
            continue
        try:  # as _guarded, without its call per candidate
            resolved = _resolve(c, text, ctx)
        except Exception:
            if STRICT:
                raise
            continue
        if resolved is not None:  # _accept(), inline
            claims[c.start : c.end] = b"\x01" * (c.end - c.start)
            found.append((c.start, c.end, c.kind, resolved[0], resolved[1]))


def _with_half_words(text: str, numbers: list[Any]) -> list[Any]:
    """``numbers`` and each lone ``نیم`` of :func:`~.finders.find_half_words` that none of them starts at, in text
    order."""
    halves = F.find_half_words(text)
    if not halves:
        return numbers
    taken = {n.start for n in numbers}
    return sorted(numbers + [h for h in halves if h.start not in taken], key=lambda n: n.start)


def _map_back(doc: Normalized, found: list[tuple[int, int, str, Any, dict[str, Any]]]) -> list[tuple[int, int]]:
    """Every span of ``found`` (the fact's, and for a counted noun its noun and noun phrase) mapped back to the
    original in one call, in that order; the mapped tuples become the facts' spans (none is built again)."""
    spans: list[tuple[int, int]] = []
    for s, e, _kind, _value, attrs in found:
        spans.append((s, e))
        if "_noun" in attrs:
            noun = attrs["_noun"]
            spans.append((noun.start, noun.first_end))
            if noun.next_pos != noun.first_end:  # the phrase is mostly the noun alone: that span is mapped once
                spans.append((noun.start, noun.next_pos))
    many = getattr(doc._map, "to_input_many", None)
    return many(spans) if many is not None else [doc.to_original(s, e) for s, e in spans]


def _new_fact(kind: str, value: Any, span: tuple[int, int], text: str, attrs: dict[str, Any]) -> Fact:
    """``Fact(kind, value, span, text, attrs)``, built without the frozen dataclass's ``__init__`` (which pays an
    ``object.__setattr__`` call per field, ~1 us a fact): the same fields in the same instance dict, in the same
    order (speed: set one by one, where ``update(kind=...)`` first built a dict of its keywords, ~0.4 us a fact)."""
    f = _NEW(Fact)
    d = f.__dict__
    d["kind"] = kind
    d["value"] = value
    d["span"] = span
    d["text"] = text
    d["attrs"] = attrs
    return f


_NEW = object.__new__


_TITLE_MAX = 80  # characters inside «» for a work title (longer quotes are speech)


def _work_titles(text: str) -> list[tuple[int, int]]:
    """Spans inside «» that name a work: the quote follows a work noun (``نمایش «...»``, ``فیلم «...»``), or repeats
    the words of such a quote elsewhere in the text (a headline that names the play alone)."""
    nouns = lexicon().work_title_nouns
    quotes: list[tuple[int, int]] = []
    pos = text.find("«")
    while pos != -1:
        end = text.find("»", pos + 1, pos + 2 + _TITLE_MAX)
        if end != -1 and "\n" not in text[pos:end]:
            quotes.append((pos + 1, end))
        pos = text.find("«", pos + 1)
    named = set()
    for s, e in quotes:
        before = text[max(0, s - 40) : s - 1].rstrip()
        if before.endswith(nouns) and any(  # speed: one endswith over all the nouns first
            before.endswith(n) and (len(before) == len(n) or not before[-len(n) - 1].isalpha()) for n in nouns
        ):
            named.add(_quote_head(text, s, e))
    if not named:
        return []  # speed: most quotes are speech, and no quote's head is read
    return [q for q in quotes if _quote_head(text, *q) in named]


def _quote_head(text: str, start: int, end: int) -> str:
    """The first (up to four) words of a quote, which name a work."""
    return " ".join(text[start:end].split()[:4])


def _self_contained_date(c: F.Candidate) -> bool:
    return c.kind == "date" and c.parts.get("form") in ("dmy", "my", "numeric") and not c.parts.get("shared")


def _noun_as_written(
    original: str, attrs: dict[str, Any], noun_span: tuple[int, int], phrase_span: tuple[int, int]
) -> dict[str, Any]:
    """``noun`` and ``noun_phrase`` in the original's letters and spacing (the GUIDE's "as written in the
    file"): ``تفاهم نامه`` gives ``تفاهم`` even when the normaliser joined it into ``تفاهم‌نامه``, and Arabic
    ي stays ي."""
    del attrs["_noun"]  # in place: resolve_quantity built the dict for this fact alone
    os_, oe = noun_span  # the original span of the noun ...
    words = original[os_:oe].split()
    if words:
        first = words[0]
        noun = attrs["noun"]
        attrs["noun"] = first[: len(noun)] if len(first) >= len(noun) else first
    ps, pe2 = phrase_span  # ... and of the noun phrase
    phrase = original[ps:pe2].strip()
    if phrase:
        attrs["noun_phrase"] = phrase
    return attrs


def _drop_adversarial(text: str, numbers: list[Any]) -> list[Any]:
    """``numbers`` without those inside an adversarial phrase. A number in digits is tried only when the first
    word of a phrase with digits (``گروه`` of ``گروه ۲۰``) stands just before it or a ``+`` is near. ``+`` is
    looked for in the whole text once (one character: a fast scan); the words only in the few characters
    before each number in digits (a whole-text scan for a short word costs more than all those looks)."""
    heads = F.digit_adversarial_heads()
    head_in = F.digit_adversarial_head_search()
    plus = "+" in text
    p = patterns()
    sp = F._speed(p)
    rx, lit, width = p.adversarial, sp.adversarial_literal, sp.adversarial_width
    reject = lit is not None and width > 0
    out = []
    for n in numbers:
        if n.form == "digits":
            if not heads and not plus:
                out.append(n)
                continue
            # a head in the 8 characters before, a "+" in the 3 before or after (searched in place: no slices)
            start = n.start
            lo = start - 8 if start > 8 else 0
            if head_in is None or head_in(text, lo, start) is None:
                if not (plus and (text.find("+", n.end, n.end + 3) >= 0 or text.find("+", max(lo, start - 3), start) >= 0)):
                    out.append(n)
                    continue
        # speed: adversarial_in's first test in place (most numbers pass it): a phrase that covers part of the number
        # starts after ``start - width`` (the longest match of the twin) and before its end; no twin match there, none
        if reject and ((c := lit.search(text, n.start - width + 1 if n.start >= width else 0, n.end - 1 + width)) is None
                       or c.start() >= n.end):
            out.append(n)
        elif not F.adversarial_in(text, n.start, n.end, rx, lit, width):
            out.append(n)
    return out


def _classify_all(text: str, numbers: list[Any]) -> list[F.Candidate | None]:
    """:func:`~.finders.classify_number` of each number; a number whose reading raises gets None (see STRICT).
    Speed: one try around the whole list, and the per-number guard only when something raised.

    Speed: a number inside the span of the date or clock time just before it (the year of ``۲۱ اسفند ۱۴۰۲``,
    the minutes of ``ساعت ۱۹ و ۳۰ دقیقه``; most articles open with such a dateline) is left unread: it gets a
    ``LATER`` candidate, read by :func:`_resolve_numbers` only when that date or time claimed nothing (see
    :func:`_later`)."""
    p = patterns()
    lx, sp, classify = lexicon(), F._speed(p), F.classify_with
    cands: list[F.Candidate | None] = []
    later: list[int] = []
    try:
        prev = None
        for n in numbers:
            if prev is not None and prev.kind in _COVERING and n.end <= prev.end and _later(prev, n):
                later.append(len(cands))
                prev = F.Candidate(LATER, n.start, n.end, {"number": n})
            else:
                prev = classify(text, n, p, lx, sp)
            cands.append(prev)
    except Exception:
        return [_guarded(classify, text, n, p, lx, sp) for n in numbers]
    for i in later:  # the number after it may share with it (_share_units): read it now
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and nxt.kind not in _NO_SHARING and (
            nxt.kind in ("percent", "money") or _linkable(text, numbers[i], numbers[i + 1])
        ):
            cands[i] = _read_later(text, cands[i])
    return cands


#: The kind of a candidate left unread by :func:`_classify_all` (its only part is its number).
LATER = "later"
#: The kinds of a candidate that can cover the next number (neither changes in _share_units or _borrow_currency).
_COVERING = frozenset({"date", "time"})
#: The kinds of a next candidate that nothing is shared with, in either direction (see _share_units); with any
#: other kind but percent and money ("NAME با N، NAME با N درصد", _parallel_with), a number shares with the next
#: one only across a connector or a comma (see _linkable).
_NO_SHARING = frozenset({"time", "identifier", "ordinal"})


def _later(prev: F.Candidate, n: Any) -> bool:
    """Whether the number ``n``, inside the span of the candidate ``prev`` of the number just before it, can be
    left unread: ``prev`` is a day-month date or a clock time (their spans take a year or minutes in digits), and
    ``n`` is an unscaled number in digits. Such a number takes part in nothing but its own fact: ``prev`` neither
    passes its reading on nor takes one (_share_units), and a number in digits forms no approximate range. Its
    own fact is read only when ``prev`` claims nothing (an invalid day, an earlier fact over it): whatever
    it is, its span holds the number's, so a claim over the number rejects it unread."""
    return (prev.kind == "time" or prev.parts.get("form") == "dmy") and n.form == "digits" and n.scale == 1


def _read_later(text: str, c: F.Candidate) -> F.Candidate | None:
    """The candidate of a number that :func:`_classify_all` left unread (None when its reading raises)."""
    p = patterns()
    return _guarded(F.classify_with, text, c.parts["number"], p, lexicon(), F._speed(p))


def _join_glued_and(text: str, numbers: list[Any]) -> list[Any]:
    """``12هزار و514`` / ``یک هزار و۵۷۶``: a ``و`` glued to one side keeps the reader from joining a scaled
    number and the smaller number after it; join them here (12,514), as the reader does with spaces."""
    out: list[Any] = []
    for n in numbers:
        if out:
            a = out[-1]
            if a.scale < 1000:  # only a scaled number takes a glued و (tested before slicing the text)
                out.append(n)
                continue
            between = text[a.end : n.start]
            if (
                between.strip(" \t\u00a0") == "و"
                and between not in (" و ", "\u00a0و\u00a0")
                and n.scale == 1
                and not n.is_decimal
                and a.shape == "int"
                and n.shape == "int"
                and 0 < n.value < a.scale
            ):
                v = a.value + n.value
                out[-1] = replace(a, end=n.end, text=text[a.start : n.end], value=v, amount=v, scale=1,
                                  scale_text="", form="mixed" if a.form != n.form else a.form)
                continue
        out.append(n)
    return out


def _split_ranges(numbers: list[Any]) -> list[Any]:
    """``۱۰-۱۲ درصد`` (one number of shape ``range``) becomes two numbers joined by the dash."""
    out = []
    for n in numbers:
        if n.shape != "range" or len(n.parts) != 2:
            out.append(n)
            continue
        i = max(n.text.find("-"), n.text.find("\N{EN DASH}"))
        if i <= 0:
            continue
        a, b = n.parts
        first = n.text[:i].rstrip()
        out.append(replace(n, end=n.start + len(first), text=first, value=a, amount=a, scale=1, scale_text="",
                           shape="int", parts=()))
        rest = n.text[i + 1 :]
        lead = len(rest) - len(rest.lstrip())
        out.append(replace(n, start=n.start + i + 1 + lead, text=rest.lstrip(), value=b * n.scale, amount=b,
                           shape="int", parts=()))
    return out


def _guarded(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except Exception:
        if STRICT:
            raise
        return None


def _resolve(c: F.Candidate, text: str, ctx: R.Context) -> tuple[Any, dict[str, Any]] | None:
    kind = c.kind
    if kind == "money":
        return R.resolve_money(c, borrowed=c.parts.get("borrowed"))
    if kind == "percent":
        return R.resolve_percent(c)
    if kind == "quantity":
        return R.resolve_quantity(c, text)
    if kind == "date":
        return R.resolve_date(c, ctx)
    if kind == "duration":
        return R.resolve_duration(c)
    if kind == "time":
        return R.resolve_time(c)
    if kind == "ordinal":
        return R.resolve_ordinal(c)
    return None


def _power(n: Any) -> int:
    return len(str(n.scale)) - 1 if n.scale > 1 else 0


def _money_power(c: F.Candidate) -> int:
    """Scale of a money candidate beyond its number: glued scale words (``هزارتومانی``) or borrowed."""
    if "borrowed" in c.parts:
        return c.parts["borrowed"].get("power", 0)
    m = c.parts.get("money")
    return R._scale_power(m.group("scales")) if m is not None else 0


_GAP_SRC = "[ \\t\\u00a0\N{ZERO WIDTH NON-JOINER}]*"
#: The connector and comma patterns the shortcut in _share_units was written for, and every character they match.
_LINK_PATTERNS = (f"{_GAP_SRC}(?:و|تا|یا|الی|و[ \\t\\u00a0]+یا|-|–){_GAP_SRC}", f"{_GAP_SRC}[،,]{_GAP_SRC}")
_LINK_CHARS = " \t\u00a0\N{ZERO WIDTH NON-JOINER}وتایل-–،,"


def _linkable(text: str, na: Any, nb: Any) -> bool:
    """Whether a connector or a comma of _share_units may join the numbers ``na`` and ``nb`` (False only when
    surely not: a character between them lies outside both patterns' alphabets)."""
    p = patterns()
    if (p.connector.pattern, p.comma.pattern) != _LINK_PATTERNS:
        return True
    return nb.start <= na.end or not text[na.end : nb.start].strip(_LINK_CHARS)


def _share_units(text: str, numbers: list[Any], cands: list[F.Candidate | None]) -> None:
    """Numbers joined by و / تا / یا share the unit, noun and scale of the last one: ``بین ۲ تا ۳ میلیون
    تومان`` -> 2,000,000 and 3,000,000 toman; ``۹۴ و ۶۷ تن``; ``سال‌های ۹۰ تا ۹۵`` (forward, for years)."""
    conn = patterns().connector
    # speed: a connector or a comma that ends where the next number starts covers all the text between the two
    # numbers, so a character outside both patterns' alphabets there means no link (without two regex calls)
    alphabet = _LINK_CHARS if (conn.pattern, patterns().comma.pattern) == _LINK_PATTERNS else None
    # forward: an identifier or a year passes its reading on ("مواد ۵۲ و ۶۱ قانون", "سال‌های ۹۰ تا ۹۵")
    for i in range(len(numbers) - 1):
        a = cands[i]
        if a is None or a.kind != "identifier" and not (a.kind == "date" and a.parts.get("form") == "year"):
            continue  # nothing to pass on (tested first: most numbers are neither)
        b = cands[i + 1]
        if b is None or b.kind not in ("bare", "quantity"):
            continue
        na, nb = numbers[i], numbers[i + 1]
        if alphabet is not None and (nb.start <= na.end or text[na.end : nb.start].strip(alphabet)):
            continue
        m = conn.match(text, na.end)
        if not m and a.kind == "identifier" and (b.kind == "bare" or not b.parts["noun"].known):
            m = patterns().comma.match(text, na.end)  # "مواد ۵۲، ۶۱ و ۶۵", not "دقیقه ۸۰، ۱۰ نفره"
        if not m or m.end() != nb.start:
            continue
        if a.kind == "identifier":
            cands[i + 1] = F.Candidate("identifier", nb.start, nb.end, {"number": nb})
        elif a.kind == "date" and a.parts.get("form") == "year":
            if nb.form == "digits" and len(nb.text) == len(na.text) and nb.text.isdigit():
                cands[i + 1] = F.Candidate("date", nb.start, nb.end, {"number": nb, "form": "year"})
    # backward: numbers without a unit share the unit, noun and scale of the next one; a comma links only
    # into a chain that already shares ("۲۱، ۲۳ و ۲۵ فروردین")
    comma = patterns().comma
    # approximate ranges of two number words side by side share too: "ده پانزده نفر", "هفت هشت هزار نفری" (read at
    # the first bare number that needs them, before any number is changed below)
    ranges: dict[int, int] | None = None
    # speed: only a bare number or a day ordinal takes from the next, and step i changes no candidate before i, so
    # the kinds read before the loop pick its steps (most numbers are neither: no step for them)
    takers = [i for i in range(len(numbers) - 1) if (c := cands[i]) is not None and c.kind in ("bare", "ordinal")]
    for i in reversed(takers):
        a, b = cands[i], cands[i + 1]
        if b is None:
            continue
        if a.kind != "bare" and not (b.kind == "date" and b.parts.get("form") == "dmy"):
            continue  # (a day ordinal before a day-month date; tested before reading the text)
        na, nb = numbers[i], numbers[i + 1]
        # "کره جنوبی با 2/4، انگلستان با 4/3 ... و اسپانیا با 4/2 درصد": items of one shape "NAME با N"
        parallel = a.kind == "bare" and b.kind in ("percent", "money") and _parallel_with(text, na, nb)
        if not parallel and alphabet is not None and (nb.start <= na.end or text[na.end : nb.start].strip(alphabet)):
            continue
        m = conn.match(text, na.end)
        if not m and b.parts.get("shared"):
            m = comma.match(text, na.end)
        if not parallel and (not m or m.end() != nb.start):
            if a.kind != "bare":
                continue
            if ranges is None:
                ranges = F.approximate_ranges(text, numbers)
            if i not in ranges:
                continue
            if ranges[i] != nb.amount:  # "بیست و شش هفت سانتی‌متر": the second end is 27
                nb = numbers[i + 1] = _completed(nb, ranges[i])
                b = cands[i + 1] = F.Candidate(b.kind, b.start, b.end, {**b.parts, "number": nb})
        if a.kind == "bare" and b.kind in ("money", "percent", "quantity", "duration"):
            own = _power(na)
            lend = _power(nb) + (_money_power(b) if b.kind == "money" else 0)
            power = lend if own == 0 and na.value < 10**lend else 0
            parts = {"number": na, "qualifier": a.parts.get("qualifier"), "shared_with": nb.start, "shared": True}
            if b.kind == "money":
                parts["borrowed"] = _lender_currency(b, power)
            elif b.kind == "quantity":
                parts["noun"] = b.parts["noun"]
                if power:
                    parts["number"] = _scaled(na, power)
            elif b.kind == "duration":
                parts["unit"] = b.parts["unit"]
            elif power:
                parts["number"] = _scaled(na, power)
            cands[i] = F.Candidate(b.kind, na.start, na.end, parts)
        elif b.kind == "date" and b.parts.get("form") == "dmy" and (a.kind == "bare" or _day_ordinal(text, a, na)):
            # "٢٢و٢٣ خرداد", "یکم تا سیزدهم فروردین": the first day shares the month (and year) of the second
            if not na.is_decimal and na.shape in ("int", "ordinal") and 1 <= na.value <= 31:
                cands[i] = F.Candidate("date", na.start, na.end,
                                       {**b.parts, "day": int(na.value), "number": na, "shared": True})


_WITH_BEFORE = re.compile(r"(?:^|[\s،,])با[ \t\u00a0]*$")
_WITH_GAP = re.compile(
    r"[ \t\u00a0]*(?:[،,]|و)[ \t\u00a0]*(?:[^\s\d\u06f0-\u06f9\u0660-\u0669،,.؛:()«»]+[ \t\u00a0\N{ZERO WIDTH NON-JOINER}]+){1,4}"
    r"با[ \t\u00a0]*"
)


def _parallel_with(text: str, na: Any, nb: Any) -> bool:
    """``na`` and ``nb`` are items of a list "NAME با N، NAME با N و NAME با N UNIT": each number right after
    ``با``, the items separated by a comma or ``و`` and one to four words (no digits or other punctuation)."""
    if not _WITH_BEFORE.search(text, max(0, na.start - 6), na.start):
        return False
    m = _WITH_GAP.fullmatch(text, na.end, nb.start)
    return m is not None


def _day_ordinal(text: str, a: F.Candidate, na: Any) -> bool:
    """An ordinal word that can be a day before ``تا``/``و`` and a day-month date (``یکم تا سیزدهم فروردین``):
    not a superlative (``اولین``) and not a part of a period (``دهه اول و دوم فروردین``)."""
    if a.kind != "ordinal" or na.shape != "ordinal" or na.text.endswith("ین"):
        return False
    return F.left_context(text, na.start).key(1) not in lexicon().period_words


def _completed(n: Any, amount: int) -> Any:
    """The second end of an approximate range that replaces the units of the first (``بیست و شش هفت``: 27)."""
    return replace(n, value=amount * n.scale, amount=amount)


def _scaled(n: Any, power: int) -> Any:
    return replace(n, value=n.value * 10**power, scale=10**power)


def _lender_currency(b: F.Candidate, power: int) -> dict[str, Any]:
    from .lexicon import squash

    lx = lexicon()
    if "borrowed" in b.parts:
        return {**b.parts["borrowed"], "power": power or 0}
    if "money" in b.parts:
        m = b.parts["money"]
        cur = lx.currencies[squash(m.group("cur"))]
        nb = b.parts["number"]
        scale_words = " ".join(x for x in (nb.scale_text, m.group("scales").strip()) if x)
        return {"iso": cur.iso, "factor": cur.factor, "currency_word": m.group("cur") + (m.group("adj") or ""),
                "power": power, "scale_words": scale_words if power else ""}
    sign = b.parts["currency_sign"]
    return {"iso": lx.signs_before.get(sign) or lx.signs_after[sign], "factor": 1, "currency_word": sign, "power": power, "scale_words": ""}


def _borrow_currency(text: str, cands: list[F.Candidate | None]) -> None:
    """A large bare amount (``۱۲۰ هزار میلیارد``) takes the currency of a money amount in the same sentence."""
    bare = [i for i, c in enumerate(cands) if c is not None and c.kind == "bare" and c.parts["number"].scale >= 10**6]
    if not bare:
        return
    for i, c in enumerate(cands):  # a number left unread may be a money amount that lends its currency
        if c is not None and c.kind == LATER:
            cands[i] = _read_later(text, c)
    money = [c for c in cands if c is not None and c.kind == "money" and "borrowed" not in c.parts]
    if not money:
        return
    ends = [m.end() for m in patterns().sentence_end.finditer(text)]
    for i in bare:
        c = cands[i]
        assert c is not None
        sid = bisect_right(ends, c.start)
        same = [m for m in money if bisect_right(ends, m.start) == sid]
        if not same:
            continue
        lender = min(same, key=lambda m: abs(m.start - c.start))
        parts = dict(c.parts)
        parts["borrowed"] = _lender_currency(lender, 0)
        cands[i] = F.Candidate("money", c.start, c.end, parts)
