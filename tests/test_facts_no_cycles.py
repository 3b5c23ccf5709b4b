"""The number reader and the facts stage leave no reference cycles behind.

A cycle (a closure that calls itself holds one: the function, its cells and everything they reach) is freed
only by the cyclic GC, so each article would add objects the collector must count and traverse (a batch and
a text seen for the first time pay for the collections). ``gc.collect()`` returns how many unreachable objects
it found: none may come from one call.
"""

from __future__ import annotations

import gc
from pathlib import Path

from khabar_extract.facts import extract_facts
from khabar_extract.normalize import normalize
from khabar_extract.numbers import find_numbers

_ARTICLE = Path(__file__).parent / "fixtures" / "facts" / "irna_85414319.txt"


def _unreachable_after(fn) -> int:
    fn()  # warm: lexicons, patterns and caches are built once, not per call
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        fn()
        return gc.collect()
    finally:
        if enabled:
            gc.enable()


def test_facts_find_numbers_leaves_no_cycle() -> None:
    # digits, number words, a scale, a date and a digit cluster split at a line break (the reader's recursion)
    text = normalize(_ARTICLE.read_text(encoding="utf-8") + "\nسال ۱۳۹۸\n۲۰ نفر و هزار و ۳۹۰ گروه").text
    assert len(find_numbers(text)) >= 20
    assert _unreachable_after(lambda: find_numbers(text)) == 0


def test_facts_extract_facts_leaves_no_cycle() -> None:
    doc = normalize(_ARTICLE.read_text(encoding="utf-8"))
    assert len(extract_facts(doc, reference_date=(1402, 12, 21))) >= 15
    assert _unreachable_after(lambda: extract_facts(doc, reference_date=(1402, 12, 21))) == 0
