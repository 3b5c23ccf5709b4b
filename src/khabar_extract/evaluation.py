"""Score khabar_extract against hand-annotated gold files.

Gold formats (documented in ``docs/evaluation.md``):

* ``NAME.gold.json`` beside ``NAME.txt``: every money, percent, quantity and date fact, each with its
  ``surface`` (an exact substring of the text) and ``occurrence`` (1-based).
* ``NAME.qa.json`` beside ``NAME.txt``: the interview's questions, each with ``surface`` (the first
  characters of the question after its marker) and ``paragraph`` (0-based index of its paragraph when the
  stripped file is split on blank lines).

Scoring (the convention of the shared corpus): per article, facts are matched as a multiset on
kind + value (money also on currency, dates on calendar/year/month/day); quantities of value 1,
relative dates and kinds other than money/percent/quantity/date are not scored, on either side.
Precision, recall and F1 are micro-averaged over articles. A gold question counts as found when a
predicted question turn's ``question_span`` covers the gold question's start.

Only the standard library is imported here; the extractor is imported when :func:`evaluate` runs.
"""

from __future__ import annotations

import json
import re
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

__all__ = [
    "SCORED_KINDS",
    "TRACKED_CATEGORIES",
    "GoldError",
    "GoldArticle",
    "GoldFact",
    "GoldQuestion",
    "ArticleResult",
    "Report",
    "find_gold",
    "load_gold_article",
    "fact_key",
    "match_facts",
    "paragraph_spans",
    "match_questions",
    "evaluate",
    "format_table",
    "format_errors",
]

SCORED_KINDS = ("money", "percent", "quantity", "date")
#: Categories whose accuracy the project promises (issue 3: >= 95 % of matched quantities).
TRACKED_CATEGORIES = ("village", "housing_unit", "person", "household")

GOLD_SUFFIX = ".gold.json"
QA_SUFFIX = ".qa.json"


class GoldError(ValueError):
    """A gold directory or file that cannot be used; the message names the file."""


# --------------------------------------------------------------------------- gold model


@dataclass(frozen=True)
class GoldFact:
    kind: str
    value: Any
    surface: str
    occurrence: int
    span: tuple[int, int]
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value, "span": list(self.span), "text": self.surface, **self.attrs}


@dataclass(frozen=True)
class GoldQuestion:
    surface: str
    paragraph: int
    start: int  # code point offset of the question's first character in the text


@dataclass
class GoldArticle:
    name: str
    text_path: Path
    text: str
    facts: list[GoldFact] | None = None  # None: no NAME.gold.json
    questions: list[GoldQuestion] | None = None  # None: no NAME.qa.json
    gold_path: Path | None = None
    qa_path: Path | None = None


def find_gold(gold_dir: str | Path) -> list[tuple[Path, Path | None, Path | None]]:
    """``(text_path, gold_json_or_None, qa_json_or_None)`` for every annotated article under ``gold_dir``.

    Sub-folders are searched too; an article is identified by its folder and ``NAME``.
    """
    root = Path(gold_dir)
    if not root.exists():
        raise GoldError(f"{root}: no such directory")
    if not root.is_dir():
        raise GoldError(f"{root}: not a directory (give the folder holding NAME.txt + NAME.gold.json / NAME.qa.json)")
    found: dict[Path, list[Path | None]] = {}
    for path in sorted(root.rglob("*.json")):
        for slot, suffix in ((0, GOLD_SUFFIX), (1, QA_SUFFIX)):
            if path.name.endswith(suffix):
                text_path = path.with_name(path.name[: -len(suffix)] + ".txt")
                found.setdefault(text_path, [None, None])[slot] = path
    if not found:
        raise GoldError(f"{root}: no gold files (expected NAME.gold.json and/or NAME.qa.json beside NAME.txt)")
    return [(text_path, g, q) for text_path, (g, q) in sorted(found.items())]


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _occurrence_start(text: str, surface: str, occurrence: int) -> int:
    """Start of the ``occurrence``-th (1-based) occurrence of ``surface`` in ``text``, or -1."""
    pos = -1
    for _ in range(occurrence):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            return -1
    return pos


def _load_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: expected a JSON object at the top level")
    return data


def _load_facts(path: Path, text: str) -> list[GoldFact]:
    data = _load_json(path)
    raw = data.get("facts")
    if not isinstance(raw, list):
        raise GoldError(f"{path}: expected a list under 'facts'")
    facts = []
    for i, item in enumerate(raw):
        where = f"{path}: facts[{i}]"
        if not isinstance(item, dict):
            raise GoldError(f"{where}: expected an object")
        kind = item.get("kind")
        surface = item.get("surface")
        occurrence = item.get("occurrence", 1)
        if not isinstance(kind, str) or not kind:
            raise GoldError(f"{where}: 'kind' must be a non-empty string")
        if not isinstance(surface, str) or not surface:
            raise GoldError(f"{where}: 'surface' must be a non-empty string")
        if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
            raise GoldError(f"{where}: 'occurrence' must be an integer >= 1")
        if kind in ("money", "percent", "quantity") and not _is_number(item.get("value")):
            raise GoldError(f"{where}: {kind} needs a numeric 'value', got {item.get('value')!r}")
        if kind == "money" and not isinstance(item.get("currency"), str):
            raise GoldError(f"{where}: money needs a 'currency' (ISO 4217 code such as IRR)")
        if kind == "date" and not item.get("relative"):
            if not isinstance(item.get("calendar"), str):
                raise GoldError(f"{where}: date needs a 'calendar' (jalali, gregorian or hijri)")
            for k in ("year", "month", "day"):
                if item.get(k) is not None and not _is_number(item.get(k)):
                    raise GoldError(f"{where}: date '{k}' must be a number or null")
        start = _occurrence_start(text, surface, occurrence)
        if start < 0:
            raise GoldError(f"{where}: surface {surface!r} (occurrence {occurrence}) is not in {path.name[:-10]}.txt")
        attrs = {k: v for k, v in item.items() if k not in ("kind", "value", "surface", "occurrence")}
        facts.append(GoldFact(kind, item.get("value"), surface, occurrence, (start, start + len(surface)), attrs))
    return facts


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs the qa gold counts: the stripped text split on blank lines.

    The article stage owns this split (it scores its own turns with it); the gold loader uses the same one.
    """
    from .article import _gold_paragraphs

    return _gold_paragraphs(text)


def _load_questions(path: Path, text: str) -> list[GoldQuestion]:
    data = _load_json(path)
    raw = data.get("questions")
    if not isinstance(raw, list):
        raise GoldError(f"{path}: expected a list under 'questions'")
    paragraphs = paragraph_spans(text)
    questions = []
    for i, item in enumerate(raw):
        where = f"{path}: questions[{i}]"
        if not isinstance(item, dict):
            raise GoldError(f"{where}: expected an object")
        surface, para = item.get("surface"), item.get("paragraph")
        if not isinstance(surface, str) or not surface:
            raise GoldError(f"{where}: 'surface' must be a non-empty string")
        if not isinstance(para, int) or isinstance(para, bool) or not 0 <= para < len(paragraphs):
            raise GoldError(f"{where}: 'paragraph' must be an index in 0..{len(paragraphs) - 1}, got {para!r}")
        p_start, p_end = paragraphs[para]
        pos = text.find(surface, p_start, p_end)
        if pos < 0:
            raise GoldError(f"{where}: surface {surface!r} is not in paragraph {para}")
        questions.append(GoldQuestion(surface, para, pos))
    return questions


def load_gold_article(text_path: Path, gold_path: Path | None, qa_path: Path | None) -> GoldArticle:
    """Read one article and its gold; :class:`GoldError` names the file when anything is wrong."""
    some_gold = gold_path or qa_path
    if not text_path.is_file():
        raise GoldError(f"{some_gold}: its text {text_path.name} is missing")
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{text_path}: cannot read as UTF-8: {exc}") from None
    name = text_path.name[: -len(".txt")]
    return GoldArticle(
        name=name,
        text_path=text_path,
        text=text,
        facts=_load_facts(gold_path, text) if gold_path else None,
        questions=_load_questions(qa_path, text) if qa_path else None,
        gold_path=gold_path,
        qa_path=qa_path,
    )


# --------------------------------------------------------------------------- matching


def _num(v: Any) -> Decimal | None:
    """A value as an exact, canonical Decimal (``2``, ``2.0`` and ``"2"`` are the same), or None."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float, str, Decimal)):
        try:
            d = Decimal(str(v).strip()) if not isinstance(v, Decimal) else v
        except InvalidOperation:
            return None
        return d.normalize() if d.is_finite() else None
    return None


def fact_key(fact: dict[str, Any]) -> tuple | None:
    """The matching key of a fact dict (gold or predicted), or None when the fact is not scored."""
    kind = fact.get("kind")
    if kind not in SCORED_KINDS:
        return None
    if kind == "date":
        if fact.get("relative"):
            return None
        return ("date", fact.get("calendar"), _num(fact.get("year")), _num(fact.get("month")), _num(fact.get("day")))
    value = _num(fact.get("value"))
    if kind == "quantity":
        if value == 1:
            return None
        return ("quantity", value)
    if kind == "money":
        return ("money", value, fact.get("currency"))
    return ("percent", value)


def _span(fact: dict[str, Any]) -> tuple[int, int] | None:
    s = fact.get("span")
    if isinstance(s, (list, tuple)) and len(s) == 2 and all(isinstance(x, int) for x in s):
        return (s[0], s[1])
    return None


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class FactMatch:
    """The outcome of matching one article's facts."""

    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)  # (gold, predicted)
    missed: list[dict[str, Any]] = field(default_factory=list)  # gold facts not found
    false: list[dict[str, Any]] = field(default_factory=list)  # predicted facts not in the gold


def match_facts(gold: Iterable[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> FactMatch:
    """Match scored facts as a multiset on :func:`fact_key`.

    Counts are those of a multiset intersection. Which predicted fact pairs with which gold fact (for
    category accuracy and error listings) is decided among same-key facts by span overlap first
    (largest overlap wins), then in text order.
    """
    by_key_gold: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    by_key_pred: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for f in gold:
        k = fact_key(f)
        if k is not None:
            by_key_gold[k].append(f)
    for f in predicted:
        k = fact_key(f)
        if k is not None:
            by_key_pred[k].append(f)
    result = FactMatch()

    def order(f: dict[str, Any]) -> int:
        s = _span(f)
        return s[0] if s else 1 << 62

    for key in sorted(set(by_key_gold) | set(by_key_pred), key=repr):
        golds = sorted(by_key_gold.get(key, []), key=order)
        preds = sorted(by_key_pred.get(key, []), key=order)
        candidates = sorted(
            (
                (-_overlap(_span(g), _span(p)), gi, pi)
                for gi, g in enumerate(golds)
                for pi, p in enumerate(preds)
                if _overlap(_span(g), _span(p)) > 0
            ),
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        pairs: list[tuple[int, int]] = []
        for _, gi, pi in candidates:
            if gi not in used_g and pi not in used_p:
                used_g.add(gi)
                used_p.add(pi)
                pairs.append((gi, pi))
        rest_g = [i for i in range(len(golds)) if i not in used_g]
        rest_p = [i for i in range(len(preds)) if i not in used_p]
        pairs.extend(zip(rest_g, rest_p, strict=False))
        paired_g = {gi for gi, _ in pairs}
        paired_p = {pi for _, pi in pairs}
        result.pairs.extend((golds[gi], preds[pi]) for gi, pi in sorted(pairs))
        result.missed.extend(g for i, g in enumerate(golds) if i not in paired_g)
        result.false.extend(p for i, p in enumerate(preds) if i not in paired_p)
    result.pairs.sort(key=lambda gp: order(gp[0]))
    result.missed.sort(key=order)
    result.false.sort(key=order)
    return result


def match_questions(
    text: str, gold_questions: Sequence[Any], turns: Sequence[dict[str, Any]] | None
) -> dict[str, Any]:
    """Score predicted interview turns against gold questions, with the misses spelled out.

    The scoring is the article stage's :func:`khabar_extract.article.score_questions` (one implementation
    for the project): a gold question is found when an unused turn's ``question_span`` covers its start,
    each turn finding at most one question. ``gold_questions``: :class:`GoldQuestion` items or dicts with
    ``surface`` and ``paragraph``; ``turns``: ``record.to_dict()["interview"]["turns"]`` (None: no interview).
    Returns counts, ``missed`` (gold questions not found) and ``false`` (spans of turns that cover no gold
    question's start).
    """
    from types import SimpleNamespace

    from .article import score_questions

    golds: list[GoldQuestion] = []
    paragraphs = None
    for q in gold_questions:
        if isinstance(q, GoldQuestion):
            golds.append(q)
            continue
        if paragraphs is None:
            paragraphs = paragraph_spans(text)
        p_start, p_end = paragraphs[q["paragraph"]]
        golds.append(GoldQuestion(q["surface"], q["paragraph"], text.find(q["surface"], p_start, p_end)))
    spans = []
    for t in turns or []:
        s = t.get("question_span") if isinstance(t, dict) else None
        if isinstance(s, (list, tuple)) and len(s) == 2 and s[0] is not None:
            spans.append((int(s[0]), int(s[1])))
    view = SimpleNamespace(text=text, interview={"turns": [{"question_span": list(s)} for s in spans]})
    gold = [{"surface": g.surface, "paragraph": g.paragraph} for g in golds]
    tp, _fp, _fn = score_questions(view, {"questions": gold})
    # The matcher takes gold questions in order, greedily: scoring each prefix tells which one found a turn.
    missed = []
    found_before = 0
    for k in range(1, len(gold) + 1):
        found = score_questions(view, {"questions": gold[:k]})[0]
        if found == found_before:
            missed.append(golds[k - 1])
        found_before = found
    starts = [g.start for g in golds]
    return {
        "gold": len(golds),
        "predicted": len(spans),
        "tp": tp,
        "exact_count": len(spans) == len(golds),
        "missed": missed,
        "false": [(a, b) for a, b in spans if not any(a <= x < b for x in starts)],
    }


# --------------------------------------------------------------------------- whole evaluation


@dataclass
class ArticleResult:
    article: GoldArticle
    facts: FactMatch | None = None
    questions: dict[str, Any] | None = None
    error: str | None = None  # the extractor raised
    sentences: list[tuple[int, int]] = field(default_factory=list)  # the extractor's sentence spans, if any


def _prf(tp: int, n_gold: int, n_pred: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "predicted": n_pred, "tp": tp, "precision": p, "recall": r, "f1": f}


@dataclass
class Report:
    gold_dir: str
    articles: list[ArticleResult]
    seconds: float = 0.0

    @property
    def fact_articles(self) -> list[ArticleResult]:
        return [a for a in self.articles if a.facts is not None]

    @property
    def qa_articles(self) -> list[ArticleResult]:
        return [a for a in self.articles if a.questions is not None]

    def fact_scores(self) -> dict[str, dict[str, Any]]:
        gold: Counter[str] = Counter()
        pred: Counter[str] = Counter()
        tp: Counter[str] = Counter()
        for a in self.fact_articles:
            m = a.facts
            for g, _ in m.pairs:
                tp[g["kind"]] += 1
                gold[g["kind"]] += 1
                pred[g["kind"]] += 1
            for g in m.missed:
                gold[g["kind"]] += 1
            for p in m.false:
                pred[p["kind"]] += 1
        out = {k: _prf(tp[k], gold[k], pred[k]) for k in SCORED_KINDS}
        out["overall"] = _prf(sum(tp.values()), sum(gold.values()), sum(pred.values()))
        return out

    def category_scores(self) -> dict[str, dict[str, Any]]:
        """Accuracy of ``category`` on matched quantities: overall and per gold category."""
        total = correct = 0
        per: dict[str, Counter[str]] = defaultdict(Counter)
        for a in self.fact_articles:
            for g, p in a.facts.pairs:
                if g["kind"] != "quantity":
                    continue
                gc, pc = g.get("category"), p.get("category")
                total += 1
                correct += gc == pc
                if gc is not None:
                    per[gc]["n"] += 1
                    per[gc]["correct"] += gc == pc
                if pc is not None:
                    per[pc]["predicted"] += 1
        out: dict[str, dict[str, Any]] = {
            "overall": {"matched": total, "correct": correct, "accuracy": correct / total if total else None}
        }
        for cat in sorted(set(per) | set(TRACKED_CATEGORIES)):
            c = per.get(cat, Counter())
            out[cat] = {
                "matched": c["n"],
                "correct": c["correct"],
                "accuracy": c["correct"] / c["n"] if c["n"] else None,
                "predicted": c["predicted"],
            }
        tracked = [out[c] for c in TRACKED_CATEGORIES]
        n = sum(c["matched"] for c in tracked)
        ok = sum(c["correct"] for c in tracked)
        out["tracked"] = {"categories": list(TRACKED_CATEGORIES), "matched": n, "correct": ok,
                          "accuracy": ok / n if n else None}
        return out

    def question_scores(self) -> dict[str, Any] | None:
        qa = self.qa_articles
        if not qa:
            return None
        tp = sum(a.questions["tp"] for a in qa)
        gold = sum(a.questions["gold"] for a in qa)
        pred = sum(a.questions["predicted"] for a in qa)
        exact = sum(bool(a.questions["exact_count"]) for a in qa)
        out = _prf(tp, gold, pred)
        out.update({"interviews": len(qa), "exact_count": exact, "exact_count_rate": exact / len(qa)})
        return out

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "gold_dir": self.gold_dir,
            "articles": len(self.articles),
            "fact_articles": len(self.fact_articles),
            "qa_articles": len(self.qa_articles),
            "seconds": round(self.seconds, 3),
            "facts": self.fact_scores() if self.fact_articles else None,
            "categories": self.category_scores() if self.fact_articles else None,
            "questions": self.question_scores(),
            "extractor_errors": {a.article.name: a.error for a in self.articles if a.error},
        }
        if errors:
            out["errors"] = [_article_errors(a) for a in self.articles]
        return out


def _default_extract(text: str) -> dict[str, Any]:
    from .pipeline import extract

    return extract(text).to_dict()


def evaluate(
    gold_dir: str | Path,
    *,
    extract: Callable[[str], dict[str, Any]] | None = None,
) -> Report:
    """Run the extractor on every annotated article under ``gold_dir`` and score it.

    ``extract`` maps an article's text to its record dict (default: ``khabar_extract.extract(text).to_dict()``);
    pass another callable to score a different system or a stored run. All gold is loaded (and
    validated) before anything runs, so a malformed file fails fast with its name in the message.
    """
    run = extract or _default_extract
    articles = [load_gold_article(*paths) for paths in find_gold(gold_dir)]
    results = []
    t0 = time.perf_counter()
    for art in articles:
        res = ArticleResult(art)
        try:
            record = run(art.text)
        except Exception as exc:  # one broken article must not hide the others' scores
            res.error = f"{type(exc).__name__}: {exc}"
            record = {}
        predicted = record.get("facts") or []
        res.sentences = sorted(
            (seg["span"][0], seg["span"][1])
            for seg in record.get("segments") or []
            if isinstance(seg, dict) and seg.get("kind") == "sentence" and _span(seg)
        )
        if art.facts is not None:
            res.facts = match_facts([f.to_dict() for f in art.facts], predicted)
        if art.questions is not None:
            interview = record.get("interview") or {}
            res.questions = match_questions(art.text, art.questions, interview.get("turns"))
        results.append(res)
    return Report(str(gold_dir), results, time.perf_counter() - t0)


# --------------------------------------------------------------------------- printing

_SENT_END = re.compile(r"[.!?؟]+(?=\s)|\n")


def _sentence(
    text: str, start: int, end: int, sentences: Sequence[tuple[int, int]] = (), limit: int = 160
) -> str:
    """The sentence around ``[start, end)``, shortened around the span when long.

    ``sentences`` are the extractor's sentence spans; where none holds the span (page header, chrome, or an
    extractor without sentences), the text between the nearest sentence stops or line breaks is shown.
    """
    i = bisect_right(sentences, (start, len(text) + 1)) - 1
    if i >= 0 and sentences[i][0] <= start < sentences[i][1]:
        s, e = sentences[i][0], max(sentences[i][1], end)
    else:
        s = 0
        for m in _SENT_END.finditer(text, 0, start):
            s = m.end()
        m = _SENT_END.search(text, end)
        e = m.end() if m else len(text)
    s, e = _trim(text, s, e)
    if e - s > limit:
        half = (limit - (end - start)) // 2
        s2, e2 = max(s, start - max(half, 20)), min(e, end + max(half, 20))
        return ("…" if s2 > s else "") + text[s2:e2].strip() + ("…" if e2 < e else "")
    return text[s:e]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _describe(f: dict[str, Any]) -> str:
    kind = f.get("kind")
    if kind == "date":
        parts = [str(f.get(k)) if f.get(k) is not None else "?" for k in ("year", "month", "day")]
        return f"date {f.get('calendar')} {'-'.join(parts)}"
    value = _num(f.get("value"))
    shown = f"{value:,f}" if value is not None else repr(f.get("value"))
    if kind == "money":
        return f"money {shown} {f.get('currency')}"
    if kind == "quantity":
        cat = f.get("category")
        return f"quantity {shown} {f.get('noun') or ''}{f' [{cat}]' if cat else ''}".rstrip()
    return f"{kind} {shown}"


def _article_errors(a: ArticleResult) -> dict[str, Any]:
    text = a.article.text
    out: dict[str, Any] = {"article": a.article.name, "path": str(a.article.text_path)}
    if a.error:
        out["extractor_error"] = a.error
    if a.facts is not None:

        def item(f: dict[str, Any]) -> dict[str, Any]:
            span = _span(f)
            return {
                "fact": _describe(f),
                "surface": f.get("text") if f.get("text") is not None else f.get("surface"),
                "span": list(span) if span else None,
                "sentence": _sentence(text, *span, a.sentences) if span else None,
            }

        out["missed"] = [item(g) for g in a.facts.missed]
        out["false"] = [item(p) for p in a.facts.false]
        out["category"] = [
            {**item(g), "gold_category": g.get("category"), "predicted_category": p.get("category")}
            for g, p in a.facts.pairs
            if g["kind"] == "quantity" and g.get("category") != p.get("category")
        ]
    if a.questions is not None:
        out["missed_questions"] = [
            {"paragraph": q.paragraph, "surface": q.surface, "start": q.start} for q in a.questions["missed"]
        ]
        out["false_questions"] = [
            {"span": list(s), "text": _shorten(text[s[0]:s[1]])} for s in a.questions["false"]
        ]
    return out


def _shorten(s: str, limit: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def format_errors(report: Report) -> str:
    """Each miss and each false fact (and question), with its surface and sentence, article by article."""
    lines: list[str] = []
    for a in report.articles:
        e = _article_errors(a)
        keys = ("missed", "false", "category", "missed_questions", "false_questions")
        if not a.error and not any(e.get(k) for k in keys):
            continue
        lines.append(f"== {a.article.text_path}")
        if a.error:
            lines.append(f"  ERROR  extractor raised {a.error}")
        for tag, key in (("MISS ", "missed"), ("FALSE", "false")):
            for it in e.get(key, []):
                lines.append(f"  {tag}  {it['fact']}  «{it['surface']}»")
                if it["sentence"]:
                    lines.append(f"         in: {it['sentence']}")
        for it in e.get("category", []):
            lines.append(
                f"  CAT    {it['fact']}  «{it['surface']}»: gold {it['gold_category']}, "
                f"predicted {it['predicted_category']}"
            )
        for q in e.get("missed_questions", []):
            lines.append(f"  QMISS  paragraph {q['paragraph']}: «{q['surface']}»")
        for q in e.get("false_questions", []):
            lines.append(f"  QFALSE turn at {q['span'][0]}: «{q['text']}»")
    return "\n".join(lines)


def _pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def format_table(report: Report) -> str:
    """The summary: at most 12 lines, so ``| tail -n 12`` shows all of it."""
    lines = [
        f"khabar-extract eval {report.gold_dir}: {len(report.fact_articles)} articles with facts gold, "
        f"{len(report.qa_articles)} with questions gold, {report.seconds:.1f} s"
    ]
    if report.fact_articles:
        lines.append(f"{'kind':<10}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for kind, s in report.fact_scores().items():
            lines.append(
                f"{kind:<10}{s['gold']:>6}{s['predicted']:>6}{s['tp']:>6}"
                f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
            )
        cats = report.category_scores()
        ov = cats["overall"]
        per = ", ".join(f"{c} {cats[c]['correct']}/{cats[c]['matched']}" for c in TRACKED_CATEGORIES)
        tr = cats["tracked"]
        lines.append(f"category accuracy of matched quantities: {_pct(ov['accuracy'])} ({ov['correct']}/{ov['matched']})")
        lines.append(f"  village/housing_unit/person/household: {_pct(tr['accuracy'])} ({per})")
    else:
        lines.append("facts: no NAME.gold.json here")
    q = report.question_scores()
    if q:
        lines.append(
            f"questions ({q['interviews']} interviews): gold {q['gold']} pred {q['predicted']} tp {q['tp']}  "
            f"P {q['precision']:.3f} R {q['recall']:.3f} F1 {q['f1']:.3f}; "
            f"exact count {q['exact_count']}/{q['interviews']} ({q['exact_count_rate']:.3f})"
        )
    else:
        lines.append("questions: no NAME.qa.json here")
    failed = [a.article.name for a in report.articles if a.error]
    if failed:
        lines.append(f"extractor raised on {len(failed)} article(s): {', '.join(failed[:5])}{' …' if len(failed) > 5 else ''}")
    return "\n".join(lines)
