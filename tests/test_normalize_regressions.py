"""Idempotence and offset-map cases found by long random explorations of the property tests
(tests/test_normalize_properties.py's ``check_doc``), each kept as a golden case once fixed."""

from __future__ import annotations

import pytest

from khabar_extract.normalize import normalize
from test_normalize_properties import check_doc

KASHIDA = "\N{ARABIC TATWEEL}"

# (input, normalised once): normalising the result again must change nothing.
CASES = [
    # Kashida runs separated by invisible marks are one decoration: each run looks past the other
    # (before: the first run saw a kashida, not a letter, kept itself, and a second pass removed it).
    (f"{KASHIDA}\N{ZERO WIDTH NO-BREAK SPACE}{KASHIDA}ی", "ی"),
    (f"ه{KASHIDA}\N{FIRST STRONG ISOLATE}{KASHIDA}", "ه"),
    (f"و{KASHIDA}\N{ZERO WIDTH NO-BREAK SPACE}{KASHIDA}", "و"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize_regressions_idempotent(text: str, expected: str) -> None:
    doc = normalize(text)
    assert doc.text == expected
    again = normalize(doc.text)
    assert again.text == doc.text and again.fixes == ()
    check_doc(text)
