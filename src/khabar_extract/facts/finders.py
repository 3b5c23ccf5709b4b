"""Finders: candidate spans on the normalised text, with the raw pieces a resolver needs.

Each finder is a plain function ``find_*(text, ...) -> list[Candidate]`` and can be tested alone. A finder
never decides a value: it says *what* it saw (which number, which unit word, which month name); the resolvers
in :mod:`.resolvers` turn that into a value or reject it. Spans are ``[start, end)`` on the normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..numbers import NumberMatch, find_numbers, parse_ordinal_words
from .lexicon import lexicon, squash
from .patterns import AMBIGUOUS_ORDINALS, ORDINAL_DAYS, ZWNJ, patterns

__all__ = [
    "Candidate",
    "NumberMatch",
    "find_numbers",
    "parse_ordinal_words",
    "find_adversarial",
    "find_half_words",
    "find_numeric_dates",
    "find_month_dates",
    "find_clock_times",
    "find_relative_dates",
    "find_ordinal_words",
    "classify_number",
    "NounMatch",
    "match_noun",
]

_SUFFIXES = ("های", f"{ZWNJ}های", "هایی", f"{ZWNJ}هایی", "ها", f"{ZWNJ}ها", "ی", f"{ZWNJ}ای", "ای", "ه", "ان")


@dataclass
class Candidate:
    """One thing a finder saw: ``kind`` is what it looks like, ``parts`` the raw pieces for the resolver."""

    kind: str
    start: int
    end: int
    parts: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- blocked spans


def find_adversarial(text: str) -> list[tuple[int, int]]:
    """Spans of adversarial phrases (``یک یا چند``, ``نه تنها``, weekday names ...): no number inside is a fact."""
    return [(m.start(), m.end()) for m in patterns().adversarial.finditer(text)]


# --------------------------------------------------------------------------- dates and times


def find_numeric_dates(text: str) -> list[Candidate]:
    """``۱۴۰۲/۱۲/۲۱``, ``24/10/1385``, ``2019-03-11``: year, month and day in the order the 4-digit year shows."""
    out = []
    for m in patterns().numeric_date.finditer(text):
        if m.group("y1"):
            y, mo, d = m.group("y1", "m1", "d1")
        else:
            y, mo, d = m.group("y2", "m2", "d2")
        out.append(Candidate("date", m.start(), m.end(), {"form": "numeric", "year": y, "month": mo, "day": d}))
    return out


def find_month_dates(text: str) -> list[Candidate]:
    """Dates around a month name: ``۲۱ اسفند ۱۴۰۲``, ``بیست و یکم اسفند ماه``, ``٢٢و٢٣ خرداد``, ``شهریور ۱۳۹۸``.

    Several days sharing one month give one candidate each; the earlier ones span just their day.
    """
    p = patterns()
    out: list[Candidate] = []
    for m in p.dmy.finditer(text):
        days_start = m.start("days")
        days_text = m.group("days")
        pieces = list(_split_days(days_text, days_start))
        head_start = m.start() if m.group("weekday") else days_start
        if not pieces[0][2][0].isdigit() and p.period_before.search(text, max(0, head_start - 12), head_start):
            continue  # "دهه سوم خرداد", "هفته دوم اردیبهشت": a part of the month, not a day
        for i, (ds, de, dtext) in enumerate(pieces):
            last = i == len(pieces) - 1
            start = head_start if i == 0 else ds
            end = m.end() if last else de
            out.append(
                Candidate(
                    "date", start, end,
                    {"form": "dmy", "day": dtext, "month": m.group("month"), "year": m.group("year"),
                     "era": m.group("era"), "end_of_year": m.end("year") if m.group("year") else -1},
                )
            )
    for m in p.my.finditer(text):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        out.append(
            Candidate(
                "date", m.start(), m.end(),
                {"form": "my", "day": None, "month": m.group("month"), "year": m.group("year"), "era": m.group("era"),
                 "end_of_year": m.end("year")},
            )
        )
    out.sort(key=lambda c: c.start)
    return out


def _split_days(s: str, offset: int):
    """The day tokens of ``٢٢و٢٣`` / ``بیست و یکم و بیست و دوم``, as (start, end, text) in the full text."""
    for m in _DAY_TOKEN.finditer(s):
        yield (offset + m.start(), offset + m.end(), m.group())


def _build_day_token():
    import regex

    alts = "|".join(
        regex.escape(w).replace(r"\ ", f"[ {ZWNJ}]*") for w in sorted(ORDINAL_DAYS, key=len, reverse=True)
    )
    return regex.compile(f"[۰-۹]{{1,2}}|(?:{alts})")


_DAY_TOKEN = _build_day_token()


def find_clock_times(text: str) -> list[Candidate]:
    """``۷:۵۷``, ``ساعت ۱۹``, ``ساعت ۱۹ و ۳۰ دقیقه``, ``ساعت ۸ صبح``."""
    p = patterns()
    out = []
    for m in p.clock_word.finditer(text):
        out.append(
            Candidate("time", m.start(), m.end(),
                      {"hour": m.group("h"), "minute": m.group("m") or m.group("m2"), "part": m.group("part")})
        )
    for m in p.clock.finditer(text):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        out.append(Candidate("time", m.start(), m.end(), {"hour": m.group("h"), "minute": m.group("m"), "part": None}))
    out.sort(key=lambda c: c.start)
    return out


def find_relative_dates(text: str) -> list[Candidate]:
    """``امسال``, ``سال آینده``, ``سال گذشته`` ... (resolved against the article's date when known)."""
    lx = lexicon()
    out = []
    for m in patterns().relative.finditer(text):
        key = m.group()
        offset = lx.relative_years.get(key)
        if offset is None:  # matched with a different space/ZWNJ: compare squashed
            sk = squash(key)
            offset = next((v for k, v in lx.relative_years.items() if squash(k) == sk), 0)
        out.append(Candidate("date", m.start(), m.end(), {"form": "relative", "offset": offset}))
    return out


def find_ordinal_words(text: str) -> list[Candidate]:
    """Ordinal number words (``دوم``, ``سومین``, ``بیست و هفتم``); bare ``دهم``/``نهم`` (also verbs) are skipped."""
    out = []
    for m in patterns().ordinal_words.finditer(text):
        body = m.group("body")
        if body in AMBIGUOUS_ORDINALS:
            continue
        out.append(Candidate("ordinal", m.start(), m.end(), {"words": body, "superlative": bool(m.group("in"))}))
    return out


def find_half_words(text: str) -> list[NumberMatch]:
    """A lone ``نیم`` before a word ("نیم متر" = 0.5 m), which the number reader leaves alone.

    It is a weak number word: :func:`classify_number` keeps it only before a listed noun or unit.
    """
    return [
        NumberMatch(m.start(), m.end(), m.group(), Decimal("0.5"), Decimal("0.5"), 1, "", "words", True, "decimal")
        for m in patterns().half_word.finditer(text)
    ]


# --------------------------------------------------------------------------- nouns


@dataclass(frozen=True)
class NounMatch:
    """The counted thing after a number: ``noun`` (first word, no plural suffix), the phrase, its category."""

    noun: str
    phrase: str
    category: str | None
    known: bool
    end: int  # end of the matched words in the text
    next_pos: int  # where the text after the noun phrase starts


def _strip_suffix(word: str, known: dict[str, str | None]) -> tuple[str, bool]:
    key = squash(word)
    if key in known:
        return word, True
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            base = word[: -len(suf)]
            if squash(base) in known:
                return base, True
    # unknown word: drop only a plural suffix
    for suf in ("های", f"{ZWNJ}های", f"{ZWNJ}هایی", f"{ZWNJ}ها"):
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            return word[: -len(suf)].rstrip(ZWNJ), False
    return word, False


def match_noun(text: str, pos: int) -> NounMatch | None:
    """Read the counted noun starting at ``pos`` (just after a number), longest lexicon phrase first.

    Returns None when the next word cannot be a counted thing (a preposition, verb, adverb ... listed in
    ``context.json`` ``not_nouns``) or there is no word at all (punctuation, line end).
    """
    lx = lexicon()
    p = patterns()
    m = p.tokens_after.match(text, pos)
    if not m:
        return None
    toks = [(m.start(g), m.end(g), m.group(g)) for g in ("t1", "t2", "t3") if m.group(g)]
    nouns = lx.nouns
    # longest multi-word lexicon phrase first ("واحد مسکونی", "متر مربع", "تفاهم نامه")
    for n in range(min(len(toks), lx.noun_max_words), 1, -1):
        words = [t[2] for t in toks[:n]]
        key = squash("".join(words))
        if key not in nouns:
            last, _ = _strip_suffix(words[-1], nouns)
            key = squash("".join(words[:-1]) + last)
        if key in nouns:
            first = _strip_suffix(words[0], nouns)[0] if n > 1 else last
            phrase = text[toks[0][0] : toks[n - 1][1]]
            return NounMatch(_first_word(first), phrase, nouns[key], True, toks[n - 1][1], toks[n - 1][1])
    w = toks[0][2]
    base, known = _strip_suffix(w, nouns)
    key = squash(base)
    if not known and (key in lx.not_nouns or squash(w) in lx.not_nouns or squash(w.split(ZWNJ)[0]) in lx.not_nouns):
        return None
    if not known and not _noun_like(w):
        return None
    cat = nouns.get(key) if known else None
    phrase_end = toks[0][1]
    # an adjective or two after the noun ("گروه جهادی", "واحد پستی") joins the phrase
    for _s, e, t in toks[1:]:
        if t.endswith("ی") and squash(t) not in lx.not_nouns and squash(t) not in nouns and not t.startswith("می"):
            phrase_end = e
        else:
            break
    return NounMatch(_first_word(base), text[toks[0][0] : phrase_end], cat, known, toks[0][1], phrase_end)


def _first_word(s: str) -> str:
    return s.split(" ")[0]


_VERB_ENDINGS = ("ند", "ید", "یم", "ست", "شد", "کرد", "گفت", "داد")


def _noun_like(word: str) -> bool:
    """A cheap guard for the open class: Persian letters, not a verb form."""
    if len(word) < 2 or not ("\u0600" <= word[0] <= "\u06ff"):
        return False
    if word.startswith(("می" + ZWNJ, "نمی", "بی" + ZWNJ)) or word.startswith("می") and ZWNJ in word[:4]:
        return False
    if word.endswith(_VERB_ENDINGS) and len(word) > 3:
        return False
    return True


# --------------------------------------------------------------------------- numbers in context


#: Number shapes that are never an amount here (dates and times have their own finders).
_NOT_AMOUNTS = frozenset({"date", "time", "ratio", "code"})


def classify_number(text: str, n: NumberMatch) -> Candidate | None:
    """Look around one number and say what it measures: percent, money, duration, time, date (year),
    ordinal, quantity, or ``bare`` (nothing after it; may still borrow a unit from a neighbour).

    Returns None when the number is an identifier (``ماده ۱۲``, ``گروه ۲۰``, ``کد خبر: ۹۳۹``).
    """
    p = patterns()
    lx = lexicon()
    start, end = n.start, n.end
    before_from = max(0, start - 30)
    parts: dict[str, Any] = {"number": n}
    if n.shape in _NOT_AMOUNTS:
        return None
    if n.shape == "ordinal":
        return Candidate("ordinal", start, end, parts)

    # left context ------------------------------------------------------------
    if p.adversarial_prefix.search(text, before_from, start):
        return None
    lm = p.label_before.search(text, before_from, start)
    label = squash(lm.group("label")) if lm else ""
    sm = p.sign_before.search(text, max(0, start - 2), start)
    q = p.qualifier_before.search(text, before_from, start)
    parts["qualifier"] = q.group("q") if q else None
    ym = p.year_before.search(text, max(0, start - 12), start)
    after_year_word = ym is not None
    after_hour_word = p.hour_before.search(text, max(0, start - 8), start) is not None

    if sm:
        sign = sm.group("sign")
        if sign in "٪%":
            return Candidate("percent", sm.start(), end, parts)
        parts["currency_sign"] = sign
        return Candidate("money", sm.start(), end, parts)

    # right context -----------------------------------------------------------
    m = p.percent_after.match(text, end)
    if m:
        return Candidate("percent", start, m.end(), parts)
    m = p.money_after.match(text, end)
    if m:
        parts["money"] = m
        return Candidate("money", start, m.end(), parts)
    m = p.ordinal_suffix.match(text, end)
    if m and n.form == "digits":
        return Candidate("ordinal", start, m.end(), parts)
    if after_hour_word:
        return Candidate("time", start, end, parts)
    m = p.era_after.match(text, end)
    if m:
        parts["era"] = m.group("era")
        return Candidate("date", start, m.end(), {**parts, "form": "year"})
    if after_year_word and _year_like(n):
        noun = match_noun(text, end)
        if noun is None or not noun.known or len(_digits_of(n)) == 4:
            return Candidate("date", ym.start(), end, {**parts, "form": "year"})
    m = p.duration_after.match(text, end)
    if m:
        parts["unit"] = m.group("unit")
        return Candidate("duration", start, m.end(), parts)
    m = p.daypart_after.match(text, end)
    if m and n.form == "digits" and not n.is_decimal and int(n.value) <= 24:
        parts["part"] = m.group("part")
        return Candidate("time", start, m.end(), parts)
    if label in lx.labels:
        return None
    noun = match_noun(text, end)
    if _bare_year(n) and (noun is None or not noun.known):
        return Candidate("date", start, end, {**parts, "form": "year"})
    if noun is None:
        return Candidate("bare", start, end, parts)
    if n.form == "words" and n.text in lx.weak_number_words and not noun.known:
        return None
    parts["noun"] = noun
    return Candidate("quantity", start, noun.end, parts)


def _digits_of(n: NumberMatch) -> str:
    return n.text if n.form == "digits" else ""


def _year_like(n: NumberMatch) -> bool:
    if n.is_decimal or n.form != "digits" or not n.text.isdigit():
        return False
    return len(n.text) in (2, 4)


def _bare_year(n: NumberMatch) -> bool:
    """A four-digit number with no separator in a plausible year range (1300-1499 or 1900-2100)."""
    if n.form != "digits" or len(n.text) != 4 or not n.text.isdigit() or n.is_decimal:
        return False
    v = int(n.value)
    return 1300 <= v <= 1499 or 1900 <= v <= 2100
