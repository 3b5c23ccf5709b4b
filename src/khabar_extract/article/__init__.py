"""Article reading and segmentation: metadata, chrome, paragraphs, sentences and interview turns.

``read_article(text)`` returns an :class:`Article` whose segments are spans over the untouched ``text``.
The source layout (irna.ir page, Fars, plain text, ...) is data: ``khabar_extract/data/layouts/*.json``
(see :mod:`khabar_extract.article.layouts`). Documentation: ``docs/articles.md``.

Top-level segments tile the non-blank text (every non-blank character lies in exactly one of them):
``header`` (with ``field``: published / reporter_code / news_id), ``chrome``, ``title``, ``caption`` (the
title repeated under an image), ``dateline`` (only when it stands alone on its line), ``lead``,
``paragraph``, ``question``, ``answer``, ``crosshead``, ``credit``. Segments with a ``paragraph`` key are the
article's paragraphs, numbered in reading order (the title is paragraph 0 when there is one). Nested
segments carry ``parent`` (the index of their top-level segment in ``segments``): ``dateline`` inside the
lead, ``marker`` (``ایرنا.``, ``*``) and ``speaker`` (``واحدی:``) inside turns, and ``sentence`` (with
``paragraph`` and ``index``, the sentence's number in the whole article).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..normalize import Normalized
from ..sentences import split_lines
from ._text import Line, canonical_agency, fold, key, line_spans
from .dates import jalali_date, published_fields  # light: jdatetime is imported on the first call
from .interview import detect_interview
from .layouts import JALALI_MONTHS, Layout, choose_layout, get_layout, load_layouts, parse_layout

__all__ = ["Article", "Layout", "read_article", "score_questions", "load_layouts", "parse_layout"]

_TITLE_MAX = 300  # a first line longer than this is a lead, not a title
_SOFT_WRAP_MIN = 60  # a line this long without a final stop continues on the next line of its block
_LINE_END = frozenset(".!?؟:»\"”)…؛*")  # a line ending in one of these does not continue on the next


@dataclass
class Article:
    """A segmented article. ``text`` is the untouched input; every span refers to it."""

    meta: dict[str, Any]
    segments: list[dict[str, Any]] = field(default_factory=list)
    interview: dict[str, Any] | None = None
    #: The Jalali publication date ``(year, month, day)``, when known (``reference_date`` is its jdatetime.date).
    reference_jalali: tuple[int, int, int] | None = None
    text: str = field(default="", repr=False)
    layout: str | None = None
    _para_starts: list[int] = field(default_factory=list, repr=False)
    _para_ends: list[int] = field(default_factory=list, repr=False)
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    _sent_ends: list[int] = field(default_factory=list, repr=False)
    _turn_starts: list[int] = field(default_factory=list, repr=False)
    _turn_ends: list[int] = field(default_factory=list, repr=False)
    #: The chrome segments' spans, in order (None: not collected, as in an Article built by hand).
    _chrome_starts: list[int] | None = field(default=None, repr=False)
    _chrome_ends: list[int] | None = field(default=None, repr=False)

    @property
    def reference_date(self) -> Any:
        """The publication date as a ``jdatetime.date``, when known. Built on first use: the pipeline hands the
        facts stage ``reference_jalali`` and never needs the object, whose constructor reads the process locale."""
        return None if self.reference_jalali is None else jalali_date(*self.reference_jalali)

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Spans of the article's paragraphs (title, lead, body, questions, answers), in order."""
        return list(zip(self._para_starts, self._para_ends, strict=True))

    @property
    def sentences(self) -> list[tuple[int, int]]:
        return list(zip(self._sent_starts, self._sent_ends, strict=True))

    def chrome_spans(self) -> tuple[list[int], list[int]]:
        """The starts and the ends of the chrome segments (page furniture), in order; they never overlap."""
        if self._chrome_starts is None or self._chrome_ends is None:
            spans = sorted(seg["span"] for seg in self.segments if seg["kind"] == "chrome")
            return [s for s, _ in spans], [e for _, e in spans]
        return self._chrome_starts, self._chrome_ends

    def locate(self, start: int, end: int) -> dict[str, Any]:
        """Where ``[start, end)`` of the original sits: ``{"paragraph", "sentence", "turn"}`` indexes.

        Each is the index of the paragraph / sentence / interview turn containing ``start``, or None
        (a span in the page header or chrome has no paragraph). O(log n).
        """
        return {
            "paragraph": _find(self._para_starts, self._para_ends, start),
            "sentence": _find(self._sent_starts, self._sent_ends, start),
            "turn": _find(self._turn_starts, self._turn_ends, start),
        }


def _find(starts: list[int], ends: list[int], pos: int) -> int | None:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and pos < ends[i]:
        return i
    return None


def _empty_meta() -> dict[str, Any]:
    return {
        "title": None,
        "published": None,
        "published_jalali": None,
        "news_id": None,
        "reporter_code": None,
        "url": None,
        "dateline": {"city": None, "agency": None},
        "lead": None,
    }


def read_article(
    text: str, normalized: Normalized | None = None, *, layout: str | Layout | None = None
) -> Article:
    """Segment one article. ``text`` is the decoded input (str); it is never modified.

    ``normalized`` (the normaliser's view of the same text) is accepted for the pipeline's convenience;
    the article stage matches on its own length-keeping fold of ``text``, so spans need no mapping.
    ``layout`` forces a layout (a shipped one by name, or a :class:`Layout` built with
    :func:`~khabar_extract.article.layouts.parse_layout`) instead of detecting it.
    """
    if not isinstance(text, str):
        raise TypeError(f"read_article() takes str, not {type(text).__name__}; decode bytes first")
    if normalized is not None and not isinstance(normalized, Normalized):
        raise TypeError("read_article(): 'normalized' must be a Normalized (from khabar_extract.normalize)")
    folded = fold(text)
    lines, marks = line_spans(text)
    if isinstance(layout, Layout):
        lay = layout
    else:
        lay = get_layout(layout) if layout else choose_layout(folded, lines)
    meta = _empty_meta()
    n = len(lines)
    kinds: list[str | None] = [None] * n
    header_field: dict[int, str] = {}
    reference: tuple[int, int, int] | None = None

    # header and chrome lines: a short line is matched against the header fields still missing (in the first
    # header_lines lines), then against the chrome patterns (Layout.is_chrome, with its matcher looked up once)
    found: dict[str, re.Match[str]] = {}
    header_find = lay.header_find
    header_n = min(n, lay.header_lines) if header_find else 0
    chrome_find = lay.chrome_find
    if header_n or chrome_find is not None:
        for i, (s, e, _, _, _) in enumerate(lines):
            if e - s > 160:
                continue
            lt = folded[s:e]
            if i < header_n and len(found) < len(header_find):
                for fname, find in header_find:
                    if fname in found:
                        continue
                    m = find(lt)
                    if m:
                        kinds[i] = "header"
                        header_field[i] = fname
                        found[fname] = m
                        break
                if i in header_field:
                    continue
            if chrome_find is not None and chrome_find(lt) is not None:
                kinds[i] = "chrome"
    if "news_id" in found:
        meta["news_id"] = str(int(found["news_id"].group("value")))
    if "reporter_code" in found:
        meta["reporter_code"] = str(int(found["reporter_code"].group("value")))
    if "published" in found:
        g = found["published"].groupdict()
        # int() reads Persian and Arabic-Indic digits as it reads ASCII ones (no fold needed)
        month = JALALI_MONTHS.get(g["month"]) if not g["month"].isdigit() else int(g["month"])
        if month:
            year, day = int(g["year"]), int(g["day"])
            pub = published_fields(
                year, month, day,
                int(g["hour"]) if g.get("hour") else None,
                int(g["minute"]) if g.get("minute") else None,
            )
            if pub:
                meta["published"], meta["published_jalali"] = pub
                reference = (year, month, day)
    if meta["news_id"] and lay.url_template:
        meta["url"] = lay.url_template.format(news_id=meta["news_id"])

    # title
    title_i = kinds.index(None) if None in kinds else None
    begin = 0  # where captions and the footer are looked for
    cap_min, cap_max = 1, 0  # the lengths of a caption line (none without a title)
    if title_i is not None and _can_be_title(folded, lines, kinds, title_i, lay):
        kinds[title_i] = "title"
        ts, te, _, _, _ = lines[title_i]
        meta["title"] = text[ts:te]
        tlen = te - ts
        cap_min, cap_max = tlen - tlen // 3 - 3, tlen + tlen // 3 + 3
        # a line's key starts and ends with the line's own first and last (folded) characters (lines are
        # trimmed of everything key() drops): compare those before building any key, and the lines themselves
        # (a caption is most often the title again, character for character)
        first, last = folded[ts], folded[te - 1]
        title_folded = folded[ts:te]
        title_key = None
        begin = title_i + 1
    else:
        title_i = None
    # after the title, in one pass: the footer (from the first footer_start line on, everything is chrome, whatever
    # a line was), captions (the title again, under an image) and the paragraphs: content lines, a soft-wrapped
    # line joined to the next one of its block. paras: their contents (lines trimmed of white space and invisible
    # marks); para_outer: their segment spans (trimmed of white space only); para_line: their first lines;
    # content: the lines of the title and the paragraphs, trimmed of white space only (for the sentence splitter)
    footer = lay.footer_find if lay.footer_any is not None else None
    # a line that is no chrome (nor header) matches no footer pattern when they are all chrome patterns too
    footer_anywhere = not lay.footer_in_chrome
    paras: list[tuple[int, int]] = []
    para_outer: list[tuple[int, int]] = []
    para_line: list[int] = []
    content: list[tuple[int, int]] = [] if title_i is None else [(lines[title_i][3], lines[title_i][4])]
    wraps = False  # the line before is a paragraph's last line, long and without a final stop
    prev_block = -1
    for i in range(begin, n):
        s, e, block, os_, oe = lines[i]
        if (footer is not None and e - s <= 160 and (footer_anywhere or kinds[i] is not None)
                and footer(folded[s:e])):
            kinds[i:] = ["chrome"] * (n - i)
            break
        if kinds[i] is not None:
            wraps = False
            continue
        if cap_min <= e - s <= cap_max and folded[s] == first and folded[e - 1] == last:
            line = folded[s:e]
            if line != title_folded and title_key is None:
                title_key = key(title_folded)
            if line == title_folded or key(line) == title_key:
                kinds[i] = "caption"
                wraps = False
                continue
        if wraps and block == prev_block:
            paras[-1] = (paras[-1][0], e)
            para_outer[-1] = (para_outer[-1][0], oe)
        else:
            paras.append((s, e))
            para_outer.append((os_, oe))
            para_line.append(i)
        content.append((os_, oe))
        wraps = e - s >= _SOFT_WRAP_MIN and text[e - 1] not in _LINE_END
        prev_block = block

    # lead and dateline
    lead_nested: list[dict[str, Any]] = []
    lead_idx = None
    dateline_line = -1  # the first line of a dateline standing alone: a top-level segment, not a paragraph
    dateline_seg: dict[str, Any] = {}
    dateline = _find_dateline(folded, paras[0], lay) if paras else None
    if dateline is not None:
        (ds, de), agency, city = dateline
        meta["dateline"] = {"city": city, "agency": agency}
        if not folded[de:paras[0][1]].strip(" \t\N{ZERO WIDTH NON-JOINER}:،-–—"):
            dateline_line = para_line[0]
            dateline_seg = {"kind": "dateline", "span": list(para_outer[0])}
            paras, para_outer, para_line = paras[1:], para_outer[1:], para_line[1:]
            again = _find_dateline(folded, paras[0], lay) if paras else None
            if again is not None:  # the lead repeats it: "خبرگزاری فارس:" / "خبرگزاری فارس: ..."
                lead_nested.append({"kind": "dateline", "span": list(again[0])})
        else:
            lead_nested.append({"kind": "dateline", "span": [ds, de]})
    if paras:
        lead_idx = 0
        meta["lead"] = text[paras[0][0]:paras[0][1]]
    if meta["dateline"]["agency"] is None:
        att = _find_attribution(folded, paras[:4], lay)
        if att:
            meta["dateline"] = {"city": att[1], "agency": att[0]}
        elif lay.agency:
            meta["dateline"] = {"city": None, "agency": lay.agency}

    # body: credits at the end
    body_kinds = ["paragraph"] * len(paras)
    if lead_idx is not None:
        body_kinds[0] = "lead"
    for k in range(max(1, len(paras) - 2), len(paras)):
        s, e = paras[k]
        if e - s <= 80 and any(rx.search(folded[s:e]) for rx in lay.credits):
            body_kinds[k] = "credit"
    if "credit" in body_kinds:
        body: range | list[int] = [k for k in range(len(paras)) if body_kinds[k] != "credit"]
        body_spans = [paras[k] for k in body]
    else:
        body, body_spans = range(len(paras)), paras

    # interview
    title_span = (lines[title_i][0], lines[title_i][1]) if title_i is not None else None
    agency = meta["dateline"]["agency"] or lay.agency
    iv = detect_interview(text, folded, body_spans, title=title_span, agency=agency) if body_spans else None
    para_turn: dict[int, int] = {}
    nested_by_para: dict[int, list[dict[str, Any]]] = {}
    content_start: dict[int, int] = {}
    interview = None
    turn_starts: list[int] = []
    turn_ends: list[int] = []
    if iv is not None:
        turns = []
        for t, (qa, qb, qs, qe) in enumerate(iv.questions):
            for b in range(qa, qb + 1):
                body_kinds[body[b]] = "question"
                para_turn[body[b]] = t
            content_start[body[qa]] = qs
            ans = iv.answers[t]
            if ans is not None:
                aa, ab, as_, ae = ans
                for b in range(aa, ab + 1):
                    if b not in iv.crossheads:
                        body_kinds[body[b]] = "answer"
                    para_turn[body[b]] = t
            turns.append({
                "question": text[qs:qe],
                "answer": text[ans[2]:ans[3]] if ans else None,
                "question_span": [qs, qe],
                "answer_span": [ans[2], ans[3]] if ans else None,
            })
            turn_starts.append(body_spans[qa][0])
            turn_ends.append(max(qe, ans[3]) if ans else qe)
        for b in iv.crossheads:
            body_kinds[body[b]] = "crosshead"
        for b, (ms, me) in iv.markers.items():
            if body_kinds[body[b]] == "question":
                nested_by_para.setdefault(body[b], []).append({"kind": "marker", "span": [ms, me]})
        for b, (ss, se) in iv.speakers.items():
            nested_by_para.setdefault(body[b], []).append({"kind": "speaker", "span": [ss, se]})
            content_start[body[b]] = _skip(text, se, paras[body[b]][1])
        interviewee = dict(iv.interviewee)
        interview = {
            "interviewer": iv.interviewer,
            "interviewee": {"name": interviewee.get("name"), "title": interviewee.get("title"),
                            "role": interviewee.get("role")},
            "turns": turns,
        }
    elif body_spans:
        # crossheads outside interviews: short "*" lines without a final stop
        for k in body:
            s, e = paras[k]
            if body_kinds[k] == "paragraph" and text[s] in "*•" and e - s <= 120:
                body_kinds[k] = "crosshead"

    # assemble, in reading order (the lines' order): the page's header, chrome and captions, the title and the
    # other paragraphs with their sentences nested after them. One pass of the sentence splitter over the
    # paragraphs' lines (lines are sentence boundaries anyway; line_spans joined decimals across lines as the
    # splitter does); each paragraph takes the sentences inside it, clipped to start after its marker or dateline
    segments: list[dict[str, Any]] = []
    para_starts: list[int] = []
    para_ends: list[int] = []
    sent_starts: list[int] = []
    sent_ends: list[int] = []
    chrome_starts: list[int] = []
    chrome_ends: list[int] = []
    all_sents = split_lines(text, content)
    all_sents.append((len(text) + 1, len(text) + 1))  # a sentinel: after every paragraph
    si = 0
    pk = 0  # the next body paragraph
    para_line.append(n)  # a sentinel: no paragraph starts after the last line
    next_para = para_line[0]  # the next body paragraph's first line
    pno = -1  # the paragraph number of the last paragraph
    sno = 0  # the sentence number of the next sentence
    mi = 0  # the next line of invisible marks (chrome, placed by its start)
    n_marks = len(marks)
    for i in range(n + 1):
        while mi < n_marks and (i == n or marks[mi][0] < lines[i][3]):
            segments.append({"kind": "chrome", "span": list(marks[mi])})
            chrome_starts.append(marks[mi][0])
            chrome_ends.append(marks[mi][1])
            mi += 1
        if i == n:
            break
        k = kinds[i]
        if k is None:
            if i != next_para:
                if i == dateline_line:
                    segments.append(dateline_seg)
                continue  # a later line of a paragraph
            bk: int | None = pk
            kind = body_kinds[pk]
            s, e = paras[pk]
            seg_start, seg_end = para_outer[pk]
            pk += 1
            next_para = para_line[pk]
        elif k == "title":
            bk = None
            kind = k
            s, e, _, seg_start, seg_end = lines[i]
        else:  # header, chrome, caption: nothing nested
            seg = {"kind": k, "span": [lines[i][3], lines[i][4]]}
            if k == "header":
                seg["field"] = header_field[i]
            elif k == "chrome":
                chrome_starts.append(lines[i][3])
                chrome_ends.append(lines[i][4])
            segments.append(seg)
            continue
        parent = len(segments)
        pno += 1
        seg = {"kind": kind, "span": [seg_start, seg_end], "paragraph": pno}
        segments.append(seg)
        para_starts.append(seg_start)
        para_ends.append(seg_end)
        nested: list[dict[str, Any]] | None = None  # markers, speakers, the lead's dateline
        cs = s  # where the paragraph's sentences start
        if kind == "lead" and lead_nested:
            nested = list(lead_nested)
            cs = _skip(text, lead_nested[0]["span"][1], e)
        if bk is not None:
            if bk in para_turn:
                seg["turn"] = para_turn[bk]
            if bk in nested_by_para:
                nested = nested_by_para[bk] if nested is None else nested + nested_by_para[bk]
            cs = content_start.get(bk, cs)
        while all_sents[si][1] <= s:
            si += 1
        first_sentence = parent + 1
        while all_sents[si][0] < e:
            ss, se = all_sents[si]
            si += 1
            if se <= cs:
                continue  # the marker ("ایرنا.") or the dateline alone
            if ss < cs:
                ss = cs
            if se > e:
                se = e
            segments.append({"kind": "sentence", "span": [ss, se], "paragraph": pno, "index": sno, "parent": parent})
            sno += 1
            sent_starts.append(ss)
            sent_ends.append(se)
        if nested:
            for ch in nested:
                ch["parent"] = parent
            if len(nested) > 1:
                nested = sorted(nested, key=_span_start)
            if len(segments) == first_sentence or nested[-1]["span"][0] <= segments[first_sentence]["span"][0]:
                segments[first_sentence:first_sentence] = nested  # all before the sentences: the usual case
            else:
                segments[first_sentence:] = sorted(nested + segments[first_sentence:], key=_span_start)

    return Article(
        meta=meta,
        segments=segments,
        interview=interview,
        reference_jalali=reference,
        text=text,
        layout=lay.name,
        _para_starts=para_starts,
        _para_ends=para_ends,
        _sent_starts=sent_starts,
        _sent_ends=sent_ends,
        _turn_starts=turn_starts,
        _turn_ends=turn_ends,
        _chrome_starts=chrome_starts,
        _chrome_ends=chrome_ends,
    )


def _span_start(seg: dict[str, Any]) -> int:
    return seg["span"][0]


def _skip(text: str, pos: int, end: int) -> int:
    while pos < end and (text[pos].isspace() or text[pos] == "\N{ZERO WIDTH NON-JOINER}"):
        pos += 1
    return pos


def _can_be_title(folded: str, lines: list[Line], kinds: list[str | None], i: int, lay: Layout) -> bool:
    """Whether the first content line is a title rather than the start of the body.

    Not a title: a line over ``_TITLE_MAX`` characters; the only content line of the text (a bare body, as in
    many JSON Lines records); a line that opens with a dateline (``زنجان - ایرنا - ...``); a line ending in a
    single full stop (of the first lines of the 1,400 real articles in the corpus, only one ends in ``.`` that
    is not an ellipsis, while body sentences nearly always do).
    """
    s, e, _, _, _ = lines[i]
    if e - s > _TITLE_MAX:
        return False
    if None not in kinds[i + 1:]:
        return False
    line = folded[s:e].rstrip()
    if line.endswith(".") and not line.endswith(".."):
        return False
    return _find_dateline(folded, (s, e), lay) is None


def _with_fallback(lay: Layout, field: str) -> tuple[re.Pattern[str], ...]:
    """``lay``'s ``datelines`` or ``attributions`` followed by the plain layout's (unless ``lay`` is plain)."""
    own: tuple[re.Pattern[str], ...] = getattr(lay, field)
    if lay.name == "plain":
        return own
    return own + _plain_patterns(field)


@cache
def _plain_patterns(field: str) -> tuple[re.Pattern[str], ...]:
    return next((getattr(x, field) for x in load_layouts() if x.name == "plain"), ())


def _find_dateline(
    folded: str, span: tuple[int, int], lay: Layout
) -> tuple[tuple[int, int], str | None, str | None] | None:
    s, e = span
    lt = folded[s:e]
    for rx in _with_fallback(lay, "datelines"):
        m = rx.match(lt)
        if not m:
            continue
        end = m.end()
        while end > 0 and lt[end - 1] in " \t\N{ZERO WIDTH NON-JOINER}":
            end -= 1
        city = m.groupdict().get("city")
        city = city.strip() if city else None
        return (s, s + end), canonical_agency(m.group("agency")), city
    return None


def _find_attribution(folded: str, paras: list[tuple[int, int]], lay: Layout) -> tuple[str, str | None] | None:
    patterns = _with_fallback(lay, "attributions")
    for s, e in paras:
        lt = folded[s:e]
        for rx in patterns:
            m = rx.search(lt)
            if m:
                city = m.groupdict().get("city")
                return canonical_agency(m.group("agency")) or "", (city.strip() if city else None)
    return None


# --------------------------------------------------------------------------- scoring helper

_BLANK_LINE = re.compile(r"\n\s*\n")


def _gold_paragraphs(text: str) -> list[tuple[int, int]]:
    lead = len(text) - len(text.lstrip())
    body_end = len(text.rstrip())
    spans = []
    pos = lead
    for m in _BLANK_LINE.finditer(text, lead, body_end):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < body_end or not spans:
        spans.append((pos, body_end))
    return spans


def score_questions(article: Article, qa_gold: dict[str, Any]) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` of ``article``'s question turns against a parsed ``NAME.qa.json``.

    A gold question (``surface`` = its first characters after the marker, ``paragraph`` = 0-based index of
    its paragraph when the stripped text is split on blank lines) is found when an unused turn's
    ``question_span`` covers its start; each turn finds at most one question.
    """
    text = article.text
    paras = _gold_paragraphs(text)
    starts = []
    for q in qa_gold.get("questions") or []:
        p = q.get("paragraph")
        if isinstance(p, int) and 0 <= p < len(paras):
            pos = text.find(q["surface"], paras[p][0], paras[p][1])
        else:
            pos = text.find(q["surface"])
        starts.append(pos)
    spans = [tuple(t["question_span"]) for t in (article.interview or {}).get("turns", [])]
    used: set[int] = set()
    tp = 0
    for pos in starts:
        hit = next((i for i, (a, b) in enumerate(spans) if i not in used and a <= pos < b), None)
        if hit is not None and pos >= 0:
            used.add(hit)
            tp += 1
    return tp, len(spans) - tp, len(starts) - tp
