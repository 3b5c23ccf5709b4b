"""Property: for every fact on real articles, ``original[start:end] == text`` — also after the text is
disturbed with characters the normaliser folds or deletes (Arabic ي/ك, Arabic-Indic and ASCII digits,
tatweel, zero-width and bidi marks), which shift offsets between the original and the normalised view."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar_extract.facts as _facts_module
from khabar_extract.facts import KINDS, extract_facts
from khabar_extract.normalize import normalize

_facts_module.STRICT = True  # surface any reading error instead of skipping the number

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "facts").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in FIXTURES]

_INVISIBLE = ["\N{ARABIC TATWEEL}", "\N{ZERO WIDTH SPACE}", "\N{LEFT-TO-RIGHT MARK}", "\N{RIGHT-TO-LEFT MARK}",
              "\N{ZERO WIDTH NO-BREAK SPACE}"]
_FOLDS = {"ی": "ي", "ک": "ك", **{chr(0x06F0 + i): chr(0x0660 + i) for i in range(10)}}
_ASCII = {chr(0x06F0 + i): str(i) for i in range(10)}


def check_spans(text: str) -> list:
    facts = extract_facts(normalize(text))
    for f in facts:
        s, e = f.span
        assert 0 <= s < e <= len(text)
        assert text[s:e] == f.text
        assert f.kind in KINDS
    return facts


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_facts_spans_match_original_on_real_articles(path):
    facts = check_spans(path.read_text(encoding="utf-8"))
    assert facts  # every fixture has facts
    spans = [f.span for f in facts]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # facts never overlap


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    doc=st.sampled_from(range(len(TEXTS))),
    cut=st.tuples(st.integers(0, 10_000), st.integers(200, 1500)),
    inserts=st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(_INVISIBLE)), max_size=25),
    fold=st.booleans(),
    ascii_digits=st.booleans(),
)
def test_facts_spans_survive_offset_shifting_noise(doc, cut, inserts, fold, ascii_digits):
    base = TEXTS[doc]
    a = cut[0] % max(1, len(base))
    text = base[a : a + cut[1]]
    chars = list(text)
    for pos, ch in sorted(inserts, reverse=True):
        chars.insert(pos % (len(chars) + 1), ch)
    text = "".join(chars)
    if fold:
        text = text.translate(str.maketrans(_FOLDS))
    if ascii_digits:
        text = text.translate(str.maketrans(_ASCII))
    check_spans(text)


def test_facts_same_values_with_arabic_indic_digits_and_letters():
    text = TEXTS[[p.name for p in FIXTURES].index("irna_85414319.txt")]
    folded = text.translate(str.maketrans(_FOLDS))
    a = [(f.kind, f.value, f.span) for f in extract_facts(normalize(text))]
    b = [(f.kind, f.value, f.span) for f in extract_facts(normalize(folded))]
    assert a == b


_PIECES = [
    "۲۵۰", "۱۲٬۵۰۰", "۲/۵", "۲.۵", "۰", "۱۴۰۲/۱۲/۲۱", "۷:۵۷", "۱۰-۱۲", "هزار", "و", "میلیارد", "میلیون", "ریال",
    "تومان", "تومانی", "درصد", "٪", "نفر", "روستای", "گروه", "سال", "ساله", "اسفند", "ماه", "بیست و یکم", "اول",
    "امسال", "سال آینده", "ماده", "کد خبر:", "یک یا چند", "نه تنها", "سه‌شنبه", "تا", "بین", "حدود", "بیش از",
    "ساعت", "صبح", "،", ".", "\n", " ", "\N{ZERO WIDTH NON-JOINER}", "همت", "دلار", "$", "نیم", "دومین", "99",
    "9999999999999999999999", "۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹ ریال", "(", ")", "هفت‌نفره", "واحد", "مسکن", "تن از",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join))
def test_facts_never_raise_and_spans_hold_on_token_soup(text):
    for f in check_spans(text):
        d = f.to_dict()
        assert d["kind"] in KINDS
        if d["kind"] == "money":  # exact: an int whenever the amount is whole ("۲/۵ ریال" stays 2.5)
            assert d["value"] > 0 and (isinstance(d["value"], int) or d["value"] != int(d["value"]))
        if d["kind"] == "date" and d["month"] is not None:
            assert 1 <= d["month"] <= 12
