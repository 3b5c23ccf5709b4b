"""Source layouts: one small JSON profile per kind of page, under ``khabar_extract/data/layouts/``.

A layout says how to recognise its pages and where their metadata and chrome are. Supporting a new
agency's page chrome is a new (or edited) JSON file, not a code change. Every profile is validated when
it is loaded; a bad one raises :class:`LayoutError` naming the file and the field.

Fields (all required unless marked optional; patterns are Python regexes matched against one trimmed line
of the text after folding Arabic ي/ك to ی/ک; ``{MONTH}`` expands to the Jalali month names):

``name`` (str, = file name), ``description`` (str), ``priority`` (int: lower is tried first),
``agency`` (str or null: the publishing agency when the layout implies one),
``url_template`` (str or null: e.g. ``https://www.irna.ir/news/{news_id}``),
``detect`` (patterns: the layout applies when one matches within the first ``detect_lines`` lines;
empty for the fallback layout), ``detect_lines`` (int), ``header_lines`` (int: header fields are looked for
in this many first lines), ``header`` (object: ``published`` with groups ``day month year`` and optional
``hour minute``; ``reporter_code`` and ``news_id`` with group ``value``), ``chrome`` (patterns of whole lines
that are page furniture), ``footer_start`` (patterns: from a matching line on, everything is chrome),
``datelines`` (patterns anchored at the start of the lead, group ``agency`` and optional ``city``),
``attributions`` (patterns like ``به گزارش خبرگزاری فارس از بروجرد``, same groups, used when there is no
dateline), ``credits`` (patterns of closing lines naming the reporter).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Layout", "LayoutError", "load_layouts", "get_layout", "parse_layout", "JALALI_MONTHS"]

#: Jalali month names (as written in headers) to month numbers.
JALALI_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6,
    "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
_MONTH_ALT = "|".join(sorted(JALALI_MONTHS, key=len, reverse=True))

_FIELDS: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "description": str,
    "priority": int,
    "agency": (str, type(None)),
    "url_template": (str, type(None)),
    "detect": list,
    "detect_lines": int,
    "header_lines": int,
    "header": dict,
    "chrome": list,
    "footer_start": list,
    "datelines": list,
    "attributions": list,
    "credits": list,
}
_HEADER_GROUPS = {"published": {"day", "month", "year"}, "reporter_code": {"value"}, "news_id": {"value"}}


class LayoutError(ValueError):
    """A layout profile that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Layout:
    name: str
    description: str
    priority: int
    agency: str | None
    url_template: str | None
    detect: tuple[re.Pattern[str], ...]
    detect_lines: int
    header_lines: int
    header: tuple[tuple[str, re.Pattern[str]], ...]
    chrome: tuple[re.Pattern[str], ...]
    footer_start: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]
    attributions: tuple[re.Pattern[str], ...]
    credits: tuple[re.Pattern[str], ...]
    chrome_any: re.Pattern[str] | None = None  # all chrome patterns as one regex (speed)
    footer_any: re.Pattern[str] | None = None  # all footer_start patterns as one regex
    # bound match/search methods: anchored patterns use match (same result, no scan along the line)
    header_find: tuple[tuple[str, Callable[[str], re.Match[str] | None]], ...] = ()
    chrome_find: Callable[[str], re.Match[str] | None] | None = None
    footer_find: Callable[[str], re.Match[str] | None] | None = None
    detect_find: Callable[[str], re.Match[str] | None] | None = None
    #: Every footer_start pattern is also a chrome pattern, so that only a chrome line can start the footer.
    footer_in_chrome: bool = False

    def is_chrome(self, line: str) -> bool:
        return self.chrome_find is not None and self.chrome_find(line) is not None

    def detects(self, folded: str, lines: list[tuple[int, ...]]) -> bool:
        if not self.detect:
            return False
        find = self.detect_find
        if find is None:
            return False
        for line in lines[: self.detect_lines]:  # (start, end, ...) of each line, as line_spans gives them
            s, e = line[0], line[1]
            if e - s <= 300 and find(folded[s:e]):
                return True
        return False


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise LayoutError(f"{where}: expected a non-empty regex string, got {pattern!r}")
    try:
        return re.compile(pattern.replace("{MONTH}", _MONTH_ALT))
    except re.error as exc:
        raise LayoutError(f"{where}: bad regex {pattern!r}: {exc}") from None


def _patterns(data: dict[str, Any], field: str, where: str, groups: set[str] | None = None) -> tuple:
    out = []
    for i, p in enumerate(data[field]):
        rx = _compile(p, f"{where}: {field}[{i}]")
        if groups and not groups <= set(rx.groupindex):
            raise LayoutError(f"{where}: {field}[{i}] must have the named groups {sorted(groups)}")
        out.append(rx)
    return tuple(out)


def parse_layout(data: Any, source: str = "<layout>") -> Layout:
    """Validate one layout profile (a parsed JSON object) and compile its patterns."""
    if not isinstance(data, dict):
        raise LayoutError(f"{source}: expected a JSON object")
    unknown = set(data) - set(_FIELDS) - {"_doc"}
    if unknown:
        raise LayoutError(f"{source}: unknown field(s) {sorted(unknown)}; allowed: {sorted(_FIELDS)}")
    for field, typ in _FIELDS.items():
        if field not in data:
            raise LayoutError(f"{source}: missing field {field!r}")
        value = data[field]
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            raise LayoutError(f"{source}: field {field!r} has the wrong type ({type(value).__name__})")
    if data["url_template"] is not None and "{news_id}" not in data["url_template"]:
        raise LayoutError(f"{source}: url_template must contain {{news_id}}")
    if data["detect_lines"] < 0 or data["header_lines"] < 0:
        raise LayoutError(f"{source}: detect_lines and header_lines must be >= 0")
    header = []
    for field, pattern in data["header"].items():
        if field not in _HEADER_GROUPS:
            raise LayoutError(f"{source}: header.{field}: unknown header field (allowed: {sorted(_HEADER_GROUPS)})")
        rx = _compile(pattern, f"{source}: header.{field}")
        if not _HEADER_GROUPS[field] <= set(rx.groupindex):
            raise LayoutError(f"{source}: header.{field} must have the named groups {sorted(_HEADER_GROUPS[field])}")
        header.append((field, rx))
    return Layout(
        name=data["name"],
        description=data["description"],
        priority=data["priority"],
        agency=data["agency"],
        url_template=data["url_template"],
        detect=_patterns(data, "detect", source),
        detect_lines=data["detect_lines"],
        header_lines=data["header_lines"],
        header=tuple(header),
        chrome=_patterns(data, "chrome", source),
        footer_start=_patterns(data, "footer_start", source),
        datelines=_patterns(data, "datelines", source, {"agency"}),
        attributions=_patterns(data, "attributions", source, {"agency"}),
        credits=_patterns(data, "credits", source),
        chrome_any=(chrome := _union(data["chrome"])),
        footer_any=(footer := _union(data["footer_start"])),
        header_find=tuple((f, _finder(rx, _anchored([rx.pattern]))) for f, rx in header),
        chrome_find=_finder(chrome, _anchored(data["chrome"])) if chrome else None,
        footer_find=_finder(footer, _anchored(data["footer_start"])) if footer else None,
        detect_find=_finder(detect, _anchored(data["detect"])) if (detect := _union(data["detect"])) else None,
        footer_in_chrome=set(data["footer_start"]) <= set(data["chrome"]),
    )


def _finder(rx: re.Pattern[str], anchored: bool) -> Callable[[str], re.Match[str] | None]:
    """``rx.match`` when the pattern is anchored at the start (the same result as search, faster)."""
    return rx.match if anchored else rx.search


def _anchored(patterns: list[str]) -> bool:
    """Whether every pattern starts with ``^`` and has no top-level ``|`` (so ``match`` == ``search``)."""
    for p in patterns:
        if not p.startswith("^"):
            return False
        depth, i, in_class = 0, 0, False
        while i < len(p):
            c = p[i]
            if c == "\\":
                i += 2
                continue
            if in_class:
                in_class = c != "]"
            elif c == "[":
                in_class = True
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            elif c == "|" and depth == 0:
                return False
            i += 1
    return True


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex matching where any of ``patterns`` matches (each already validated alone)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.replace('{MONTH}', _MONTH_ALT)})" for p in patterns))


@lru_cache(maxsize=1)
def load_layouts() -> tuple[Layout, ...]:
    """Every layout shipped in ``khabar_extract/data/layouts/``, validated, in priority order."""
    folder = resources.files("khabar_extract").joinpath("data", "layouts")
    layouts = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        source = f"khabar_extract/data/layouts/{entry.name}"
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise LayoutError(f"{source}: not valid JSON: {exc}") from None
        layout = parse_layout(data, source)
        if layout.name != entry.name[: -len(".json")]:
            raise LayoutError(f"{source}: name {layout.name!r} must match the file name")
        layouts.append(layout)
    if not any(not lay.detect for lay in layouts):
        raise LayoutError("khabar_extract/data/layouts/: no fallback layout (one with an empty 'detect')")
    return tuple(sorted(layouts, key=lambda lay: (lay.priority, lay.name)))


def get_layout(name: str) -> Layout:
    for lay in load_layouts():
        if lay.name == name:
            return lay
    raise KeyError(f"no layout named {name!r}; known: {[lay.name for lay in load_layouts()]}")


def choose_layout(folded: str, lines: list[tuple[int, ...]]) -> Layout:
    layouts = load_layouts()
    for lay in layouts:
        if lay.detects(folded, lines):
            return lay
    return next(lay for lay in layouts if not lay.detect)
