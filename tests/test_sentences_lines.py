"""Line handling of the sentence splitter: white space trimmed exactly as str.strip() does (also no-break,
em and line-separator spaces, CR), blank lines skipped, a decimal split across a line break (۲۶.⏎۸) kept in
one sentence but a year before a line break not, and the same spans for every start/end window."""

from __future__ import annotations

import pytest

from khabar_extract.sentences import split_sentences

# expected spans for start in (0, 1, 3) x end in (None, len - 1, len - 3), pinned from the line-by-line splitter
_CASES = [
    ("\u00a0 اول جمله. دوم؟\r\n\n\u2003\n  سوم\u200f \n",
     [[(2, 11), (12, 16), (23, 27)], [(2, 11), (12, 16), (23, 27)], [(2, 11), (12, 16), (23, 26)], [(2, 11), (12, 16), (23, 27)], [(2, 11), (12, 16), (23, 27)], [(2, 11), (12, 16), (23, 26)], [(3, 11), (12, 16), (23, 27)], [(3, 11), (12, 16), (23, 27)], [(3, 11), (12, 16), (23, 26)]]),
    ("رشد ۲۶.\n۸ میلیارد دلار بود. بعد\n۱۲.\n۵ درصد.",
     [[(0, 27), (28, 31), (32, 43)], [(0, 27), (28, 31), (32, 42)], [(0, 27), (28, 31), (32, 40)], [(1, 27), (28, 31), (32, 43)], [(1, 27), (28, 31), (32, 42)], [(1, 27), (28, 31), (32, 40)], [(4, 27), (28, 31), (32, 43)], [(4, 27), (28, 31), (32, 42)], [(4, 27), (28, 31), (32, 40)]]),
    ("سال ۱۳۹۸.\n۱۲ نفر آمدند.",
     [[(0, 9), (10, 23)], [(0, 9), (10, 22)], [(0, 9), (10, 20)], [(1, 9), (10, 23)], [(1, 9), (10, 22)], [(1, 9), (10, 20)], [(4, 9), (10, 23)], [(4, 9), (10, 22)], [(4, 9), (10, 20)]]),
    ("الف.\n\n.ب\n\u2028خط\u2028دو.\n",
     [[(0, 4), (6, 8), (10, 16)], [(0, 4), (6, 8), (10, 16)], [(0, 4), (6, 8), (10, 14)], [(1, 4), (6, 8), (10, 16)], [(1, 4), (6, 8), (10, 16)], [(1, 4), (6, 8), (10, 14)], [(3, 4), (6, 8), (10, 16)], [(3, 4), (6, 8), (10, 16)], [(3, 4), (6, 8), (10, 14)]]),
]


@pytest.mark.parametrize(("text", "expected"), _CASES)
def test_sentences_lines_trimmed_and_joined(text: str, expected: list[list[tuple[int, int]]]) -> None:
    n = len(text)
    got = [split_sentences(text, s, e) for s in (0, 1, 3) for e in (None, n - 1, n - 3)]
    assert got == expected
    for a, b in got[0]:
        assert text[a:b] == text[a:b].strip() and text[a:b]
