"""Interview detection: question and answer turns, interviewer and interviewee.

Works on the body paragraphs of an article (the lead first; it is never a question). Three ways of
marking questions are tried in order, and the first that holds decides:

1. **marked**: at least two paragraphs open with an interviewer label: an agency name followed by ``:`` or
   ``.`` (``ایرنا.``, ``فارس:`` possibly followed by a ZWNJ), or a question label (``سؤال:``, ``سوال:``,
   ``س:``, ``خبرنگار:``, ``خبرنگار ایرنا:``), also on a line of its own before the question or opening the
   second line of a wrapped paragraph. Every such paragraph is a question.
2. **bullet**: paragraphs opening with ``*`` (or with ``-``) are questions when most of them ask something
   (a question-shaped ``؟`` paragraph, or a sentence whose ``؟`` comes on the next line or two of its block)
   and they alternate with unmarked paragraphs; otherwise those bullets are crossheads or list items.
3. **unmarked**: short question-shaped paragraphs ending in ``؟`` (not rhetorical ``مگر ...؟`` without an
   address) that alternate with answers, at least three (two when the introduction names an interview and
   both are addressed to the interviewee), not ``تیم؛ ...`` crossheads, not before the end of the
   introduction, and either an interview word in the introduction (``گفت‌وگو``, ``مصاحبه``) or questions
   addressed to ``شما``/``تو`` (both when the answers are shorter than the questions). Then imperatives
   (``بگویید.``), longer ``؟`` paragraphs and short addressed statements count too.

A question runs over several lines of one block (a wrapped line, a body stored one sentence per line):
``_extend_back`` and ``_extend_forward``. Answers are the paragraphs between one question and the next
(the last one runs to the end of the body); a speaker label that opens most answers (``واحدی:``,
``مشايي:``) is left out of the answer span.
The vocabularies are in ``khabar_extract/data/interview.json`` and ``agencies.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

from ..lazy_pattern import LazyPattern
from ._text import (
    EndsWith,
    agencies,
    alternation,
    canonical_agency,
    fold,
    key,
    load_data,
    phrase_heads,
    string_list,
)

__all__ = ["InterviewResult", "detect_interview"]

_SRC = "interview.json"


@dataclass(frozen=True)
class _Lexicon:
    qmark: re.Pattern[str]
    qmark_heads: frozenset[str]  # the characters a qmark match starts with (a question label's first letter)
    qlabel_agency: re.Pattern[str]
    agency_heads: frozenset[str]  # the characters a qlabel_agency match starts with (an agency name's first letter)
    qlabel_alone: re.Pattern[str]
    alabel: re.Pattern[str]
    bullet: re.Pattern[str]
    speaker: re.Pattern[str]
    cue: re.Pattern[str]
    imperative: re.Pattern[str]
    honorific: re.Pattern[str]
    role_start: re.Pattern[str]
    role_words: frozenset[str]
    stopwords: frozenset[str]
    verb: re.Pattern[str]  # any interview verb: intro_after, intro_before and speaks_in all need one
    intro_after: re.Pattern[str]
    intro_before: re.Pattern[str]
    who_cut: re.Pattern[str]
    media: frozenset[str]
    reported: re.Pattern[str]
    speaks_in: re.Pattern[str]
    name_before_role: re.Pattern[str]
    rhetorical: re.Pattern[str]
    intro_in: re.Pattern[str]
    question_word: re.Pattern[str]


def _lazy(source: str) -> re.Pattern[str]:
    """A stdlib pattern compiled on first use: the parent of a batch builds this lexicon before its workers
    fork, and most articles never reach the patterns past the interviewer labels (start-up, issue 5)."""
    return cast("re.Pattern[str]", LazyPattern(source, re.compile))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data(_SRC)
    qlabels = string_list(data, "question_labels", _SRC)
    alabels = string_list(data, "answer_labels", _SRC)
    string_list(data, "bullet_markers", _SRC)
    cues = string_list(data, "cues", _SRC)
    honor = string_list(data, "honorifics", _SRC)
    roles = string_list(data, "role_words", _SRC)
    stops = string_list(data, "name_stopwords", _SRC)
    imps = string_list(data, "imperatives", _SRC)
    verbs = string_list(data, "interview_verbs", _SRC)
    table = load_data("agencies.json")["agencies"]
    spellings = [s for name, ss in table.items() for s in [name, *ss]]
    agency_alt = alternation(spellings)
    verb_alt = alternation(verbs)
    honor_alt = alternation(honor)
    role_alt = alternation(roles)
    zw = r"[\s\N{ZERO WIDTH NON-JOINER}]*"
    name_tok = r"[^\s،,.:؛؟?!«»\"()]+"
    return _Lexicon(
        qmark=_lazy(
            r"^(?P<m>(?:" + alternation(qlabels) + r")(?:[\s\N{ZERO WIDTH NON-JOINER}]+" + agency_alt + r")?)"
            r"\s*[:：]" + zw
        ),
        qmark_heads=frozenset(fold(q).strip()[0] for q in qlabels),
        qlabel_agency=_lazy(r"^(?P<m>" + agency_alt + r")\s*[:：.]" + zw + r"(?=\S)"),
        agency_heads=phrase_heads(spellings),
        qlabel_alone=_lazy(r"(?P<m>(?:" + alternation(qlabels) + r"[\s\N{ZERO WIDTH NON-JOINER}]+)?" + agency_alt + r")\s*[:：]"),
        alabel=_lazy(r"^(?P<m>" + alternation(alabels) + r")\s*[:：]" + zw),
        bullet=_lazy(r"^(?P<m>[" + _BULLETS + r"]+|[" + _DASHES + r"]+)" + zw),
        speaker=_lazy(r"^(?P<m>" + name_tok + r"(?:[ \N{ZERO WIDTH NON-JOINER}]" + name_tok + r"){0,2})\s*:" + zw),
        cue=_lazy(alternation(cues)),
        imperative=_lazy(r"(?:^|\s)" + alternation(imps) + r"\s*[.!]?\s*[»\"]?$"),
        honorific=_lazy(r"^" + honor_alt + r"(?=\s)"),
        role_start=_lazy(r"^" + role_alt + r"(?=[\s\N{ZERO WIDTH NON-JOINER}]|$)"),
        role_words=frozenset(key(r) for r in roles),
        stopwords=frozenset(key(s) for s in stops),
        verb=_lazy(verb_alt),
        # "با WHO گفت و گو کرده است" / "گفت‌وگویی ... با WHO ..."
        # "با" opening the text or after white space (the literal first, so that the engine scans for it)
        intro_after=_lazy(r"با(?<!\Sبا)\s+(?P<who>[^.؟!:\n]{3,200}?)\s+" + verb_alt),
        intro_before=_lazy(
            r"(?<!در )(?<!در\N{ZERO WIDTH NON-JOINER})" + verb_alt + r"\S*\s+(?:\S+\s+){0,5}?با\s+(?P<who>[^.؟!:\n]{3,200})"
        ),
        who_cut=_lazy(
            r"\s(?:را|که|در|درباره|پیرامون|به|برای|انجام|صورت|داشت|داشته|داشتیم|داشتند|کرد|کرده|کردیم|کردند|نشستیم|پرداخت|پرداخته|نشست)(?=\s|$)"
        ),
        media=frozenset(key(w) for w in string_list(data, "media_words", _SRC)),
        reported=_lazy(alternation(string_list(data, "reported_speech", _SRC))),
        speaks_in=_lazy(
            r"(?:^|[،,:]\s*)(?P<who>[^،.؟!:\n]{3,120}?)\s+در\s+" + verb_alt + r"[^\s]*\s+با\s+(?P<other>[^.؟!:\n]{3,200})"
        ),
        # "در گفت‌وگو با دکتر ..." opening a sentence (no speaker before it): the one spoken with is the interviewee
        intro_in=_lazy(
            r"(?:^|[.،,:؛]\s*)در\s+" + verb_alt + r"\S*\s+با\s+(?P<who>[^.؟!:\n]{3,200})"
        ),
        question_word=_lazy(
            r"(?:^|[\s«\N{ZERO WIDTH NON-JOINER}-])" + alternation(string_list(data, "question_words", _SRC))
            + r"(?=[\s\N{ZERO WIDTH NON-JOINER}؟?،]|$)"
        ),
        rhetorical=_lazy(
            r"(?:^|[.!؟?»]\s*)" + alternation(string_list(data, "rhetorical_openers", _SRC))
            + r"(?=[\s\N{ZERO WIDTH NON-JOINER}])[^.!؟?]*[؟?][\s»\"”)!.…]*$"
        ),
        name_before_role=_lazy(
            r"(?:^|^به\s+گزارش[^،\n]{0,80}[،,]\s*)(?P<who>(?:" + name_tok + r"[ \N{ZERO WIDTH NON-JOINER}]+){1,3}?)"
            + role_alt + r"(?=[\s\N{ZERO WIDTH NON-JOINER}])"
        ),
    )


_BULLETS = "*•"
_DASHES = "-–—"
#: The characters a bullet paragraph opens with (lex.bullet): a cheap test before the regex.
_BULLET_HEADS = frozenset(_BULLETS + _DASHES)
_QEND = EndsWith("؟?", "»\"”)!.…*")  # "؟", "؟»", "؟**" (bold): the regex [؟?][\s»"”)!.…*]*$
_SEMI_HEAD = re.compile(r"^[^.،؟?!]{2,40}؛")
# a second-person می verb: می‌کنید, می‌کنی, می‌گویید; not می‌گوید, می‌آید (third person of a stem ending in a vowel + ی)
_MI_SECOND_PERSON = r"|(?:می|نمی)[\s\N{ZERO WIDTH NON-JOINER}]*\S*(?:[^\sاوآ\N{ZERO WIDTH NON-JOINER}]ید|یید|ی)(?=[\s؟?.،]|$)"
_SECOND_PERSON = re.compile(
    r"(?:^|[\s\N{ZERO WIDTH NON-JOINER}])(?:شما|تو|آقای|خانم)(?=[\s؟?،]|$)"
    + _MI_SECOND_PERSON
    + r"|(?:دارید|هستید|بودید|کردید|داشتید|شدید|دیدید|داری|هستی|کردی|بودی|شدی|داشتی)(?=[\s؟?.،]|$)"
    r"|\S+(?<!س)تان(?=[\s؟?.،]|$)|\S+ات(?=[\s؟?]|$)"  # کارتان, مشکلات؟ (not استان, شهرستان)
)
_TITLE_LABEL = re.compile(r"^(?P<x>[^:،«»\"/\n]{2,30}?)\s*:")
_TOKEN = re.compile(r"[^\s]+")
_ROLE_END = re.compile(r"[،,.؟!:\n]|\sکه\s|\sدر\s(?:گفت|مصاحبه)")
# a role ends before a time or linking word ("... استان سمنان روز یکشنبه", "... ایلام ظهر امروز", "... نیز")
_ROLE_STOP = re.compile(
    r"\s(?:امروز|امشب|دیروز|دیشب|همان|روز|ظهر|عصر|صبح|شب|بامداد|دقایقی|ساعاتی|نیز|پیش\sاز|در\sهمین|دیدار|"
    r"شنبه|یکشنبه|دوشنبه|سه[\s\N{ZERO WIDTH NON-JOINER}]?شنبه|چهارشنبه|پنجشنبه|پنج[\s\N{ZERO WIDTH NON-JOINER}]شنبه)"
    r"(?=[\s\N{ZERO WIDTH NON-JOINER}،,.]|$)"
)


# where a role written after "NAME، " ends when no comma closes it: a verb or preposition of the sentence, "در" only
# when it opens an adverbial ("در مورد", "در گفت‌وگو")
_ROLE_CUT = re.compile(
    r"\s(?:را|که|درباره|پیرامون|برای|انجام|صورت|داشت|داشته|داشتیم|داشتند|کرد|کرده|کردیم|کردند|پرداخت|پرداخته|"
    r"نشست|نشستیم|گفت|مصاحبه|گپ)(?=[\s\N{ZERO WIDTH NON-JOINER}]|$)"
    r"|\sدر[\s\N{ZERO WIDTH NON-JOINER}]+(?:مورد|خصوص|زمینه|رابطه|باره|حاشیه|این|آن|ادامه|گفت|مصاحبه|پاسخ|جریان|جمع)"
)


def _trim_role(text: str, folded: str, start: int, end: int) -> str | None:
    m = _ROLE_STOP.search(folded, start, end)
    if m:
        end = m.start()
    role = text[start:end].strip(" ،,\N{ZERO WIDTH NON-JOINER}")
    return role or None


_PUNCT_END = re.compile(r"[،,.:؛؟?!»\")]$")
_INNER_STOP = re.compile(r"[.!؟?][\s»\"”)]*\s\S")  # a sentence end inside a line: a second sentence follows
_ATTRIBUTION = re.compile(r"^به[\s\N{ZERO WIDTH NON-JOINER}]+گزارش(?=[\s\N{ZERO WIDTH NON-JOINER}«\"،,])")
_LEAD_IN = EndsWith(":：", "»\"")  # [:：][\s»"]*$
# a sentence that ends (a crosshead usually does not): full stop, colon, question or exclamation mark
_SENT_END = EndsWith(".:!؟?", "»\"”)…*")  # [.:!؟?][\s»"”)…*]*$
# addressed to the interviewee: شما / تو, a second-person verb or possessive (stricter than _SECOND_PERSON:
# no bare ات, which ends Arabic plurals such as اطلاعات)
_ADDRESS = re.compile(
    r"(?:^|[\s\N{ZERO WIDTH NON-JOINER}«])(?:شما|تو|جنابعالی|حضرتعالی)(?=[\s\N{ZERO WIDTH NON-JOINER}؟?،.»]|$)"
    + _MI_SECOND_PERSON
    + r"|(?:^|\s)\S*(?:دارید|هستید|بودید|کردید|داشتید|شدید|دیدید|کنید|دهید|بودی|کردی|داشتی|شدی)(?=[\s؟?.،]|$)"
    r"|\S+(?<!س)تان(?=[\s؟?.،]|$)"  # کارتان, برنامه‌تان; not استان, شهرستان, داستان
)
# the speaker's own voice: an answer, or a rhetorical question inside one
_FIRST_PERSON = re.compile(
    r"(?:^|[\s\N{ZERO WIDTH NON-JOINER}«])(?:من|بنده|اینجانب|ما|مان)(?=[\s\N{ZERO WIDTH NON-JOINER}؟?،.»]|$)"
    r"|(?:می|نمی)[\s\N{ZERO WIDTH NON-JOINER}]*\S+(?:م|یم)(?=[\s؟?.،!]|$)"
    r"|(?:^|\s)(?:هستم|هستیم|بودم|بودیم|کردم|کردیم|داشتم|داشتیم|دارم|داریم|شدم|شدیم|گفتم|گفتیم|دیدم|دیدیم)(?=[\s؟?.،!]|$)"
)


@dataclass
class InterviewResult:
    mode: str
    #: per turn: (first question paragraph, last question paragraph, question start, question end)
    questions: list[tuple[int, int, int, int]]
    #: per turn: (first answer paragraph, last answer paragraph, answer start, answer end) or None
    answers: list[tuple[int, int, int, int] | None]
    markers: dict[int, tuple[int, int]] = field(default_factory=dict)  # paragraph -> question marker span
    speakers: dict[int, tuple[int, int]] = field(default_factory=dict)  # paragraph -> answer label span
    crossheads: set[int] = field(default_factory=set)
    interviewer: str | None = None
    interviewee: dict[str, Any] = field(default_factory=dict)


def _trim_end(s: str, end: int) -> int:
    while end > 0 and (s[end - 1].isspace() or s[end - 1] == "\N{ZERO WIDTH NON-JOINER}"):
        end -= 1
    return end


def _skip_blank(text: str, pos: int, end: int) -> int:
    while pos < end and (text[pos].isspace() or text[pos] == "\N{ZERO WIDTH NON-JOINER}"):
        pos += 1
    return pos


class _Joined:
    """``joined[i]`` of detect_interview worked out when asked, for a few paragraphs."""

    __slots__ = ("_text", "_paras")

    def __init__(self, text: str, paras: list[tuple[int, int]]) -> None:
        self._text = text
        self._paras = paras

    def __getitem__(self, i: int) -> bool:
        return i > 0 and self._text.count("\n", self._paras[i - 1][1], self._paras[i][0]) <= 1


def _per_sentence(ptext: list[str], joined: list[bool]) -> bool:
    """One sentence per line (the irnasrc sources): lines joined in blocks that hardly ever hold two sentences;
    a body with one paragraph per line and no blank lines is not that."""
    in_block = [i for i in range(1, len(ptext)) if joined[i]]
    return len(in_block) >= 0.5 * (len(ptext) - 1) and sum(
        1 for i in in_block if _INNER_STOP.search(ptext[i])
    ) < 0.3 * len(in_block)


def _groups(cands: list[int], n: int, excluded: set[int]) -> list[tuple[int, int]]:
    """Merge adjacent candidate paragraphs; keep groups followed by an answer paragraph."""
    out: list[tuple[int, int]] = []
    cs = set(cands)
    i = 0
    cands = sorted(cands)
    while i < len(cands):
        j = i
        while j + 1 < len(cands) and cands[j + 1] == cands[j] + 1:
            j += 1
        first, last = cands[i], cands[j]
        nxt = last + 1
        while nxt < n and nxt in excluded:
            nxt += 1
        if nxt < n and nxt not in cs:
            out.append((first, last))
        i = j + 1
    return out


def detect_interview(
    text: str,
    folded: str,
    paras: list[tuple[int, int]],
    *,
    title: tuple[int, int] | None = None,
    agency: str | None = None,
) -> InterviewResult | None:
    """Find the interview turns among ``paras`` (body paragraph spans, lead first), or None."""
    n = len(paras)
    if n < 3:
        return None
    lex = _lexicon()
    ptext = [folded[s:e] for s, e in paras]
    markers: dict[int, tuple[int, int]] = {}
    mode = ""
    groups: list[tuple[int, int]] = []
    interviewer: str | None = None

    # 1. marked questions
    marked: list[int] = []
    marker_agency: list[str] = []
    alone: set[int] = set()  # a label on a line of its own ("سؤال:"): the question is the next paragraph
    # and, in the same pass, the bullet paragraphs ("*", "-"): questions or crossheads (step 2 and below)
    bullets: dict[str, list[int]] = {"*": [], "-": []}
    qmark_heads, agency_heads, qlabel_agency = lex.qmark_heads, lex.agency_heads, lex.qlabel_agency.match
    for i in range(1, n):
        p = ptext[i]
        head = p[0]
        if head in _BULLET_HEADS:
            mb = lex.bullet.match(p)
            if mb and mb.end() < len(p):
                bullets["*" if mb.group("m")[0] in "*•" else "-"].append(i)
        # each regex only where its first character opens the paragraph
        m = head in qmark_heads and lex.qmark.match(p) or None
        if m is None and head in agency_heads:
            m = qlabel_agency(p)
        if m is None and "\n" in p:
            # a line with no final stop (a crosshead) was joined to the labelled question after it as one wrapped
            # paragraph: the label opens the paragraph's second line
            nl = p.index("\n") + 1
            rest = p[nl:]
            m2 = lex.qmark.match(rest) or qlabel_agency(rest)
            if m2 and m2.end() < len(rest.rstrip()) and not _SENT_END.search(p[:nl].rstrip()):
                marked.append(i)
                markers[i] = (paras[i][0] + nl + m2.start("m"), paras[i][0] + nl + _trim_end(rest, m2.end()))
                marker_agency.append(m2.group("m"))
                continue
        if m is None or m.end() >= len(p.rstrip()):
            if len(p) > 40:
                continue
            m = lex.qmark.fullmatch(p.rstrip()) or lex.qlabel_alone.fullmatch(p.rstrip())
            if m is None or i + 1 >= n or len(ptext[i + 1]) < 2:
                continue
            alone.add(i)
        marked.append(i)
        markers[i] = (paras[i][0] + m.start("m"), paras[i][0] + _trim_end(p, m.end()))
        marker_agency.append(m.group("m"))
    if len(marked) < 2 and folded.find("؟", paras[1][0], paras[-1][1]) < 0 and folded.find("?", paras[1][0], paras[-1][1]) < 0:
        # no marked questions, and no question mark after the lead: bullet questions (each one or the line after
        # it has one) and unmarked questions (each ends in one) cannot be found either
        return None
    # joined[i]: paragraph i follows paragraph i - 1 after a single line break (the same block: a wrapped
    # line, or a body stored one sentence per line), not after a blank line. Worked out for every paragraph when
    # bullet or unmarked questions are looked for; marked questions only ask about a few (_extend_forward).
    joined: list[bool] | _Joined = _Joined(text, paras)
    if len(marked) >= 2:
        mode = "marked"
        groups = [(i, i + 1) if i in alone and i + 1 not in marked else (i, i) for i in marked]
        for surface in marker_agency:
            canon = None
            for tok in reversed(surface.split()):
                c = canonical_agency(tok)
                if c and key(c) in agencies():
                    canon = c
                    break
            if canon is None:
                c = canonical_agency(surface)
                canon = c if key(surface) in agencies() else None
            if canon:
                interviewer = canon
                break
    else:
        markers = {}
    # 2. bullet questions
    if not mode:
        joined = [False] + [text.count("\n", paras[i - 1][1], paras[i][0]) <= 1 for i in range(1, n)]
        best: list[int] = []
        for group in bullets.values():
            if not group:
                continue
            gs = set(group)
            # a bullet asks when it has a question mark, or when it is a sentence and its block's next one or two
            # lines end the question (a body stored one sentence per line: "* ... است.⏎... چیست؟"); a crosshead
            # (no final stop) before a question line does not
            asks = [
                i for i in group
                if _has_q(ptext[i]) and _question_shaped(lex, ptext[i]) or _SENT_END.search(ptext[i]) and any(
                    all(joined[i + 1:j + 1]) and j not in gs and _QEND.search(ptext[j])
                    for j in range(i + 1, min(i + 3, n))
                )
            ]
            if len(asks) < 2 or len(asks) < 0.6 * len(group):
                continue
            alternating = [i for i in asks if i + 1 < n and i + 1 not in gs]
            if len(alternating) < 0.7 * len(asks):
                continue
            # a bullet that is a sentence (ends in . : or an imperative) asks too; crossheads do not end so
            qs = [
                i for i in group
                if (i in asks or len(ptext[i]) > 80 or _SENT_END.search(ptext[i]) or lex.imperative.search(ptext[i]))
                and i + 1 < n and i + 1 not in gs
            ]
            if _reported(lex, ptext, [(i, i) for i in qs]):
                continue
            if len(qs) > len(best):
                best = qs
        if len(best) >= 2:
            mode = "bullet"
            groups = [(i, i) for i in best]
            for i in best:
                m = lex.bullet.match(ptext[i])
                assert m is not None
                markers[i] = (paras[i][0] + m.start("m"), paras[i][0] + _trim_end(ptext[i], m.end()))
    # 3. unmarked questions
    if not mode:
        asks = [
            i for i in range(1, n)
            if len(ptext[i]) <= 300 and _QEND.search(ptext[i]) and not _rhetorical(lex, ptext[i])
            and (
                _question_shaped(lex, ptext[i])
                # a question wrapped over two lines: its first half may hold the question word
                or joined[i] and not _SENT_END.search(ptext[i - 1]) and _question_shaped(lex, ptext[i - 1])
            )
        ]
        qgroups = _after_intro(lex, ptext, _groups(asks, n, set()))
        if len(qgroups) >= 2 and _accept_unmarked(lex, ptext, paras, qgroups, folded, title):
            per_sentence = _per_sentence(ptext, joined)
            imps = [
                i for i in range(1, n)
                if i not in asks and len(ptext[i]) <= 150 and i > qgroups[0][0] and lex.imperative.search(ptext[i])
            ]
            # once the article is an interview, long questions count too (not next to another question)
            aset = set(asks)
            longer = [
                i for i in range(1, n)
                if i not in aset and len(ptext[i]) <= 600 and _QEND.search(ptext[i])
                and i - 1 not in aset and i + 1 not in aset and not _rhetorical(lex, ptext[i])
                and _question_shaped(lex, ptext[i])
            ]
            # a question put as a statement (``نظرتان درباره ... .``): a short paragraph of its own, addressed to
            # the interviewee, not in the speaker's own voice, between two answer paragraphs
            stated = [
                i for i in range(qgroups[0][1] + 2, n - 1)
                if i not in aset and 15 <= len(ptext[i]) <= 200 and _SENT_END.search(ptext[i])
                and i - 1 not in aset and i + 1 not in aset and len(ptext[i + 1]) >= len(ptext[i])
                and not (per_sentence and (joined[i] or joined[i + 1]))  # a paragraph, not a sentence of a block
                and _ADDRESS.search(ptext[i]) and not _FIRST_PERSON.search(ptext[i])
                and not lex.speaker.match(ptext[i]) and not lex.reported.search(ptext[i])
            ]
            imps = sorted(set(imps) | set(stated))
            mode = "unmarked"
            groups = _groups(sorted(aset | set(imps) | set(longer)), n, set())
            first = min(qgroups[0][0], min(longer, default=n))
            groups = [g for g in groups if g[0] >= first]
            groups = _extend_back(ptext, groups, joined, per_sentence)
    if not mode:
        return None
    groups = _extend_forward(lex, ptext, groups, joined)

    # crossheads: bullets that are not questions (short ones)
    qset = {i for g in groups for i in range(g[0], g[1] + 1)}
    crossheads = {
        i for grp in bullets.values() for i in grp if i not in qset and len(ptext[i]) <= 120
    }
    questions: list[tuple[int, int, int, int]] = []
    answers: list[tuple[int, int, int, int] | None] = []
    for k, (first, last) in enumerate(groups):
        qs = markers[first][1] if first in markers else paras[first][0]
        qs = _skip_blank(text, qs, paras[first][1])
        if qs >= paras[first][1] and last > first:
            qs = paras[first + 1][0]  # the label stands alone on its line
        questions.append((first, last, qs, paras[last][1]))
        a_first = last + 1
        a_last = (groups[k + 1][0] - 1) if k + 1 < len(groups) else n - 1
        while a_last >= a_first and a_last in crossheads:
            a_last -= 1
        while a_first <= a_last and a_first in crossheads:
            a_first += 1
        if a_first > a_last:
            answers.append(None)
        else:
            answers.append((a_first, a_last, paras[a_first][0], paras[a_last][1]))

    # speaker labels opening the answers ("واحدی:", "ج:")
    speakers: dict[int, tuple[int, int]] = {}
    label_counts: dict[str, int] = {}
    found: dict[int, tuple[str, int]] = {}
    for ans in answers:
        if ans is None:
            continue
        i = ans[0]
        p = ptext[i]
        if ":" not in p and "：" not in p:
            continue  # both labels end in a colon: a paragraph without one opens with none (two scans, no regex)
        m = lex.alabel.match(p) or lex.speaker.match(p)
        if not m:
            continue
        label = key(m.group("m"))
        toks = m.group("m").split()
        if any(key(t) in lex.stopwords for t in toks):
            continue
        label_counts[label] = label_counts.get(label, 0) + 1
        found[i] = (label, m.end())
    n_answers = len(answers) - answers.count(None)
    speaker_label = None
    for label, count in label_counts.items():
        if count >= 2 and count >= 0.5 * n_answers:
            speaker_label = label
    if speaker_label is not None:
        for k, ans in enumerate(answers):
            if ans is None:
                continue
            i = ans[0]
            if i in found and found[i][0] == speaker_label:
                end = paras[i][0] + found[i][1]
                speakers[i] = (paras[i][0], paras[i][0] + _trim_end(ptext[i], found[i][1]))
                a_start = _skip_blank(text, end, paras[i][1])
                if a_start >= paras[i][1] and i < ans[1]:
                    a_start = paras[i + 1][0]  # "ج:" on a line of its own
                answers[k] = (ans[0], ans[1], a_start, ans[3])

    first_q = groups[0][0]
    intro = paras[:first_q]
    hint_label = None
    if speaker_label is not None and not lex.alabel.match(speaker_label + ":"):
        i0 = next(iter(speakers))
        hint_label = text[speakers[i0][0]:speakers[i0][1]].rstrip(": \N{ZERO WIDTH NON-JOINER}")
    interviewee = _interviewee(lex, text, folded, title, intro, hint_label)
    return InterviewResult(
        mode=mode,
        questions=questions,
        answers=answers,
        markers=markers,
        speakers=speakers,
        crossheads=crossheads - qset,
        interviewer=interviewer or agency,
        interviewee=interviewee,
    )


# a finite verb (or a copula) somewhere in a question: می‌کنید, است, دارد, شده, ...
_VERBISH = re.compile(
    r"(?:^|\s)(?:می|نمی)[\s\N{ZERO WIDTH NON-JOINER}]*\S+"
    r"|(?<=\S)(?:است|اند|اید|ایم|ید|ند|یم|ست|ود|رد|شد|دید|ده|یست|داشت|باشد|شود|کند|دارد|بود)(?=[\s؟?.،!»]|$)"
    r"|(?:^|\s)(?:است|نیست|هست|بود|شد|شود|باشد|اند|ایم|اید|هستی|نیستی|بودی|داری|کردی|شدی|داشتی)(?=[\s؟?.،!»]|$)"
    r"|(?:^|\s)یا\s"  # "X یا Y؟"
)


def _has_q(p: str) -> bool:
    """A question mark anywhere in ``p`` (two str scans: cheaper than a regex search along the paragraph)."""
    return "؟" in p or "?" in p


def _question_shaped(lex: _Lexicon, p: str) -> bool:
    """A question word, a verb, an address or an alternative: not a noun-phrase crosshead (``لانه جاسوسی؟``)."""
    return bool(lex.question_word.search(p) or _VERBISH.search(p) or _SECOND_PERSON.search(p))


def _rhetorical(lex: _Lexicon, p: str) -> bool:
    """A rhetorical question closing a paragraph (``مگر می‌شود ...؟``) that does not address the interviewee."""
    return bool(lex.rhetorical.search(p)) and not _SECOND_PERSON.search(p)


def _after_intro(lex: _Lexicon, ptext: list[str], groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop "questions" before the end of the introduction: the last ``به گزارش ...`` paragraph or lead-in line
    (``... در ادامه می‌خوانید:``) that still has most of the questions after it."""
    if not groups:
        return groups
    qset = {i for g in groups for i in range(g[0], g[1] + 1)}
    bounds = [
        i for i in range(1, groups[-1][0])
        if i not in qset and (_ATTRIBUTION.match(ptext[i]) or (_LEAD_IN.search(ptext[i]) and lex.cue.search(ptext[i])))
    ]
    for b in reversed(bounds):
        after = [g for g in groups if g[0] > b]
        if len(after) >= max(2, 0.5 * len(groups)):
            return after
    return groups


def _extend_back(
    ptext: list[str], groups: list[tuple[int, int]], joined: list[bool], per_sentence: bool
) -> list[tuple[int, int]]:
    """An unmarked question whose first sentences stand on the lines before it (a wrapped line, or a body stored
    one sentence per line): take up to two lines of the same block that are not ended, or that address the
    interviewee (``شما ... کرده‌اید.``), leaving the previous answer at least one line."""
    out: list[tuple[int, int]] = []
    prev_last = 0
    for first, last in groups:
        j = first - 1
        taken = 0
        while (
            taken < 2 and j > prev_last + 1 and joined[j + 1] and len(ptext[j]) <= 250
            and not _QEND.search(ptext[j]) and not ptext[j].rstrip().endswith(":")
            and (
                not _SENT_END.search(ptext[j])
                # an addressed sentence: in a body stored one sentence per line, or one sentence on its own line
                or (per_sentence or not _INNER_STOP.search(ptext[j])) and _ADDRESS.search(ptext[j])
            )
        ):
            first = j
            j -= 1
            taken += 1
        out.append((first, last))
        prev_last = last
    return out


def _extend_forward(
    lex: _Lexicon, ptext: list[str], groups: list[tuple[int, int]], joined: list[bool] | _Joined
) -> list[tuple[int, int]]:
    """A marked question that does not end in a question (``ایسنا: ... است.``) and whose asking sentence is on
    the next line of the same block (``... چیست؟``) runs to that line; the answer keeps at least one line."""
    n = len(ptext)
    starts = {g[0] for g in groups}
    out: list[tuple[int, int]] = []
    for k, (first, last) in enumerate(groups):
        limit = groups[k + 1][0] - 1 if k + 1 < len(groups) else n
        if not (_QEND.search(ptext[last]) or lex.imperative.search(ptext[last])):
            for j in range(last + 1, min(last + 3, limit)):
                if not joined[j] or j in starts or len(ptext[j]) > 300:
                    break
                if _QEND.search(ptext[j]):
                    last = j
                    break
        out.append((first, last))
    return out


def _reported(lex: _Lexicon, ptext: list[str], groups: list[tuple[int, int]]) -> bool:
    """Whether most paragraphs right after the question groups are reported speech (``وی افزود: ...``)."""
    after = [ptext[last + 1][:200] for _, last in groups if last + 1 < len(ptext)]
    return bool(after) and sum(1 for p in after if lex.reported.search(p)) >= 0.5 * len(after)


def _accept_unmarked(
    lex: _Lexicon,
    ptext: list[str],
    paras: list[tuple[int, int]],
    groups: list[tuple[int, int]],
    folded: str,
    title: tuple[int, int] | None,
) -> bool:
    if _reported(lex, ptext, groups):
        return False  # the paragraphs after the "questions" report speech: crossheads of a report
    qtexts = [" ".join(ptext[first:last + 1]) for first, last in groups]
    semi = sum(1 for q in qtexts if _SEMI_HEAD.search(q))
    if semi >= 0.5 * len(qtexts):
        return False  # "تیم؛ ...؟" section heads, not questions
    # answers longer than questions
    q_len = sorted(len(q) for q in qtexts)[len(qtexts) // 2]
    # an answer runs to the next question (many lines when the body is stored one sentence per line)
    a_lens = sorted(
        sum(len(ptext[j]) for j in range(last + 1, groups[k + 1][0] if k + 1 < len(groups) else min(last + 8, len(ptext))))
        for k, (_, last) in enumerate(groups)
    )
    short_answers = a_lens[len(a_lens) // 2] < q_len
    intro_end = paras[groups[0][0]][0]
    intro = folded[title[0]:title[1]] + "\n" if title else ""
    intro += folded[paras[0][0]:intro_end]
    cue = bool(lex.cue.search(intro))
    addressed = sum(1 for q in qtexts if _SECOND_PERSON.search(q)) >= 0.5 * len(qtexts)
    # answers shorter than the questions (quick-fire interviews, one-line answers), or only two questions, need
    # both signs
    if len(groups) < 3:  # two questions: both put to the interviewee (شما, a second-person verb), answered at length
        return cue and not short_answers and all(_ADDRESS.search(q) for q in qtexts)
    if short_answers:
        return cue and addressed
    return cue or addressed


# --------------------------------------------------------------------------- interviewee


def _split_person(lex: _Lexicon, text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """``(title, name)`` of ``text[start:end]``: a leading honorific and the rest (quotes removed)."""
    while start < end and (text[start].isspace() or text[start] == "\N{ZERO WIDTH NON-JOINER}"):
        start += 1
    chunk = text[start:end]
    m = lex.honorific.match(fold(chunk))
    title = None
    if m:
        title = chunk[: m.end()].strip()
        chunk = chunk[m.end():]
    name = chunk.strip().strip("«»\"").strip()
    return title, (name or None)


def _name_tokens_ok(lex: _Lexicon, name: str) -> bool:
    toks = name.split()
    if not 1 <= len(toks) <= 4:
        return False
    return not any(key(t) in lex.stopwords or key(t) in lex.role_words for t in toks)


def _interviewee(
    lex: _Lexicon,
    text: str,
    folded: str,
    title: tuple[int, int] | None,
    intro: list[tuple[int, int]],
    speaker_label: str | None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"name": None, "title": None, "role": None}
    # A, C need an interview verb in the paragraph: one cheap scan instead of the backtracking patterns
    with_verb = [(s, e) for s, e in intro if lex.verb.search(folded, s, e)]
    # A. "با سرهنگ پاسدار اقبال جهانبخشی، مسئول ... گفت و گو کرده است", "گفت‌وگوی ایرنا با دکتر ..."
    role_only: str | None = None  # a job title with no name ("با مدیرکل ورزش استان گفت‌وگو کردیم")
    for s, e in with_verb:
        seg = folded[s:e]
        for rx in (lex.intro_after, lex.intro_before, lex.intro_in):
            for m in rx.finditer(seg):
                found = _parse_who(lex, text, folded, s + m.start("who"), s + m.end("who"))
                if found and found["name"] and (found["title"] or found["role"] or _named_again(folded, title, found["name"])):
                    out.update(found)
                    return out
                if found and role_only is None:
                    role_only = found["role"]
    # B. a surname from the title ("دانشگر: ...") or from the answer labels, completed from the intro
    hints = []
    if speaker_label:
        hints.append(speaker_label)
    if title:
        m = _TITLE_LABEL.match(folded[title[0]:title[1]])
        if m and _name_tokens_ok(lex, m.group("x")):
            hints.append(text[title[0] + m.start("x"): title[0] + m.end("x")].strip())
    for hint in hints:
        found = _complete_name(lex, text, folded, intro, hint)
        if found:
            out.update(found)
            return out
    # C. "X در گفت‌وگو با ..."
    for s, e in with_verb:
        seg = folded[s:e]
        m = lex.speaks_in.search(seg)
        if not m:
            continue
        who_s, who_e = s + m.start("who"), s + m.end("who")
        cut = max(folded.rfind("،", who_s, who_e), folded.rfind(",", who_s, who_e))
        if cut >= 0:
            who_s = cut + 1
        first = _TOKEN.search(folded, who_s, who_e)
        if first and (key(first.group()) in lex.media or key(first.group()) in agencies()):
            # "خبرنگار ایرنا در گفت‌وگو با دکتر ...": the one spoken with is the interviewee
            found = _parse_who(lex, text, folded, s + m.start("other"), s + m.end("other"))
            if found:
                out.update(found)
                return out
            continue
        toks = [(who_s + t.start(), who_s + t.end()) for t in _TOKEN.finditer(folded[who_s:who_e])]
        name_toks = []
        for ts, te in toks:
            if lex.role_start.match(folded[ts:who_e]) or key(folded[ts:te]) in lex.stopwords:
                break
            word = folded[ts:te]
            if name_toks and word[0] in "«\"(":
                break  # a quotation or bracket after the name
            name_toks.append((ts, te))
            if word[-1] in "»\")":
                break  # the name closes a quotation: «مصطفی رجبی» مشهدی
        if name_toks and len(name_toks) <= 4:
            t, name = _split_person(lex, text, name_toks[0][0], name_toks[-1][1])
            if name and t is None and len(name.split()) == 1:
                name = None  # "ظهر امروز در گفت‌وگو ...", "عترت و نماز ...": one bare word is no name
            if name:
                out["name"], out["title"] = name, t
                out["role"] = _role_after(lex, text, folded, name_toks[-1][1], who_e, allow_bare=True)
                return out
        if not name_toks and toks and lex.role_start.match(folded[toks[0][0]:who_e]):
            # "NAME، ROLE در گفت‌وگو با ...": the name stands before the comma
            role = _trim_role(text, folded, toks[0][0], who_e)
            if cut < 0:  # the comma right before the phrase
                k = s + m.start("who") - 1
                while k > s and folded[k] == " ":
                    k -= 1
                cut = k if k >= s and folded[k] in "،," else -1
            if cut >= 0:
                found = _name_before_comma(lex, text, folded, s, cut)
                if found:
                    out.update(found)
                    out["role"] = role
                    return out
            if role_only is None:
                role_only = role
    # D. a two-word name opening an introduction paragraph and named again in the introduction
    intro_text = " ".join(folded[s:e] for s, e in intro)
    for s, e in intro:
        toks = list(_TOKEN.finditer(folded, s, min(e, s + 80)))[:2]
        if len(toks) == 2 and all(
            key(t.group()) not in lex.stopwords and key(t.group()) not in lex.role_words
            and not _PUNCT_END.search(t.group()) for t in toks
        ):
            bigram = folded[toks[0].start():toks[1].end()]
            if intro_text.count(bigram) >= 2:
                out["name"] = text[toks[0].start():toks[1].end()]
                out["role"] = _role_after(lex, text, folded, toks[1].end(), e)
                return out
    # E. "به گزارش ...، اسفندیار رحیم مشایی معاون رئیس جمهور ..."
    for s, e in intro:
        m = lex.name_before_role.match(folded[s:e])
        if m:
            who = m.group("who").strip()
            if _name_tokens_ok(lex, who) and len(who.split()) >= 2:
                t, name = _split_person(lex, text, s + m.start("who"), s + m.start("who") + len(who))
                if name:
                    out["name"], out["title"] = name, t
                    out["role"] = _role_after(lex, text, folded, s + m.start("who") + len(who), e)
                    return out
    if hints:
        out["name"] = hints[0]
    elif role_only:
        out["role"] = role_only
    return out


def _named_again(folded: str, title: tuple[int, int] | None, name: str) -> bool:
    """Whether bare words taken for a name (no title, no role) are confirmed: the whole name appears twice in
    the article, or its last word in the title (``با ایران وارد گفت‌وگو ...`` is no name)."""
    toks = fold(name).split()
    if folded.count(" ".join(toks)) + (folded.count("\N{ZERO WIDTH NON-JOINER}".join(toks)) if len(toks) > 1 else 0) >= 2:
        return True
    return title is not None and any(
        w.strip(":،,.«»\"!؟/") == toks[-1] for w in folded[title[0]:title[1]].split()
    )


def _name_before_comma(lex: _Lexicon, text: str, folded: str, start: int, comma: int) -> dict[str, Any] | None:
    """``(title, name)`` of the one to four name words in ``folded[start:comma]`` (``سرهنگ پاسدار اقبال
    جهانبخشی``), or None when they are not all name words."""
    chunk_start = start
    prev = max(folded.rfind("،", start, comma), folded.rfind(",", start, comma))
    if prev >= 0:
        chunk_start = prev + 1
    while chunk_start < comma and folded[chunk_start] in " \N{ZERO WIDTH NON-JOINER}":
        chunk_start += 1
    title, chunk_start = _honorific(lex, text, folded, chunk_start, comma)
    toks = list(_TOKEN.finditer(folded, chunk_start, comma))
    if not 1 <= len(toks) <= 4 or (len(toks) == 1 and title is None):
        return None
    for t in toks:
        w = t.group()
        if key(w) in lex.stopwords or key(w) in lex.role_words or key(w) in lex.media or key(w) in agencies():
            return None
        if _NOT_IN_NAME.search(w):
            return None
    return {"name": text[toks[0].start():toks[-1].end()], "title": title}


_NOT_IN_NAME = re.compile(r'[()«»"/:]')  # a word holding one of these is no name word (_name_before_comma)
_NOT_IN_WHO = re.compile(r'[()»"/]')  # a word of _parse_who holding one of these ends the name


def _honorific(lex: _Lexicon, text: str, folded: str, start: int, end: int) -> tuple[str | None, int]:
    """A rank or honorific opening ``folded[start:end]`` (``سرهنگ پاسدار``, ``دکتر``) as written, and where the
    name after it starts; ``(None, start)`` when there is none."""
    m = lex.honorific.match(folded[start:end])
    if not m:
        return None, start
    return text[start:start + m.end()].strip(), start + m.end()


def _parse_who(lex: _Lexicon, text: str, folded: str, start: int, end: int) -> dict[str, Any] | None:
    """Title, name and role from a phrase like ``سرهنگ پاسدار اقبال جهانبخشی، مسئول ...``, or None."""
    full_end = end
    cut = lex.who_cut.search(folded, start, end)
    if cut:
        end = cut.start()
    while start < end and folded[start] == " ":
        start += 1
    if start >= end:
        return None
    if folded[start] == "«":
        close = folded.find("»", start, end)
        if close < 0:
            return None
        name = text[start + 1:close].strip()
        if not _name_tokens_ok(lex, name):
            return None
        return {"name": name, "title": None, "role": _role_after(lex, text, folded, close + 1, end)}
    title, start = _honorific(lex, text, folded, start, end)
    name_toks: list[tuple[int, int]] = []
    comma = False
    for t in _TOKEN.finditer(folded, start, end):  # lazily: the loop stops after the name, a few tokens in
        word = t.group()
        bare = word.rstrip("،,")
        bare_key = key(bare)
        if not name_toks and (bare_key in lex.media or bare_key in agencies()):
            return None
        if bare_key in lex.stopwords or lex.role_start.match(folded[t.start():end]) or "«" in word:
            break
        if not bare or _NOT_IN_WHO.search(bare):
            break
        name_toks.append((t.start(), t.start() + len(bare)))
        if bare != word:
            comma = True
            break
        if len(name_toks) > 4:
            return None
    if not name_toks:
        if title is None and lex.role_start.match(folded[start:end]):
            # a job title and no name: keep the title, never guess a name
            nxt = folded.find("،", start, end)
            return {"name": None, "title": None, "role": _trim_role(text, folded, start, nxt if nxt >= 0 else end)}
        return None
    ns, ne = name_toks[0][0], name_toks[-1][1]
    role = None
    rs = ne + 1 if comma else ne
    while rs < end and folded[rs] in " \N{ZERO WIDTH NON-JOINER}":
        rs += 1
    if rs < end and folded[rs] == "(" and not comma:
        close = folded.find(")", rs)  # "مهندس رضا کریمی (مدیرعامل شرکت ...)"
        if close > rs and lex.role_start.match(folded[rs + 1:close]):
            role = text[rs + 1:close].strip() or None
    elif rs < end and comma:
        # a role after a comma runs to the next comma or the verb; it may hold "در" ("نماینده مردم تهران در مجلس")
        stop = _ROLE_CUT.search(folded, rs, full_end)
        r_end = stop.start() if stop else full_end
        nxt = folded.find("،", rs, r_end)
        role = _trim_role(text, folded, rs, nxt if nxt >= 0 else r_end)
    elif rs < end and lex.role_start.match(folded[rs:end]):
        nxt = folded.find("،", rs, end)  # a role ends at the next comma
        role = _trim_role(text, folded, rs, nxt if nxt >= 0 else end)
    if len(name_toks) == 1 and title is None and role is None:
        return None  # one bare word is too weak to be a name
    if title is None and role is None and folded[ne:end].strip(" \N{ZERO WIDTH NON-JOINER}»\""):
        return None  # bare words followed by more words ("با انتشار صدها گزارش ..."): not surely a name
    return {"name": text[ns:ne], "title": title, "role": role}


def _role_after(
    lex: _Lexicon, text: str, folded: str, pos: int, limit: int, *, allow_bare: bool = True
) -> str | None:
    """A job title right after a name: ``، ROLE،`` or ``ROLE-WORD ...`` up to a comma, که or full stop."""
    j = pos
    while j < limit and folded[j] in " \N{ZERO WIDTH NON-JOINER}":
        j += 1
    comma = j < limit and folded[j] in "،,"
    if comma:
        j += 1
        while j < limit and folded[j] == " ":
            j += 1
    if not (comma and allow_bare) and not lex.role_start.match(folded[j:limit]):
        return None
    m = _ROLE_END.search(folded, j, limit)
    end = m.start() if m else limit
    role = _trim_role(text, folded, j, end)
    if not role or len(role) > 160:
        return None
    return role


def _complete_name(
    lex: _Lexicon, text: str, folded: str, intro: list[tuple[int, int]], hint: str
) -> dict[str, Any] | None:
    pat = re.compile(r"(?<![^\s«\"(،,])" + re.escape(fold(hint)).replace(r"\ ", r"[\s\N{ZERO WIDTH NON-JOINER}]+")
                     + r"(?![^\s»\"),،:.])")
    for s, e in intro:
        m = pat.search(folded, s, e)
        if not m:
            continue
        ns, ne = m.start(), m.end()
        # backwards: up to two name tokens
        back = [t for t in _TOKEN.finditer(folded, max(s, ns - 60), ns)]
        added = 0
        for t in reversed(back):
            if t.end() > ns:
                continue
            word = t.group()
            if _PUNCT_END.search(word) or key(word) in lex.stopwords or key(word) in lex.role_words:
                break
            if folded[t.end():ns].strip(" \N{ZERO WIDTH NON-JOINER}«"):
                break
            if added >= 2:
                break
            ns = t.start()
            added += 1
        # forwards: one more token when nothing came before
        if added == 0:
            t = _TOKEN.search(folded, ne, e)
            if t and folded[ne:t.start()].strip() == "":
                word = t.group().rstrip("،,.:")
                if (
                    word and key(word) not in lex.stopwords and key(word) not in lex.role_words
                    and not lex.role_start.match(folded[t.start():e])
                ):
                    ne = t.start() + len(word)
        t_title, name = _split_person(lex, text, ns, ne)
        if not name:
            continue
        return {
            "name": name.strip("«»"),
            "title": t_title,
            "role": _role_after(lex, text, folded, ne, e),
        }
    return None
