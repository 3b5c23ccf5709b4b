"""The spacing pass around punctuation: each mark it looks at (each has a scan of its own), with what follows it."""

from __future__ import annotations

import pytest

from khabar_extract.normalize import apply_fixes, normalize

CASES = [
    # opening marks: a space before « after a word or a number, before ( after a letter; spaces after them removed
    ("گفت«سلام» و رفت", "گفت «سلام» و رفت"),
    ("او(رئیس) گفت", "او (رئیس) گفت"),
    ("۱۲(الف)", "۱۲(الف)"),
    ("کتاب[۱] را", "کتاب[۱] را"),
    ("« سلام »", "«سلام»"),
    ("( متن )", "(متن)"),
    ("[ متن ]", "[متن]"),
    ("« \nسطر", "« \nسطر"),
    ("پایان«", "پایان «"),
    # closing marks: a space after ، ؛ ؟ ! before a letter (not a number), after ) » before a letter or number
    ("سلام،خوبی؟بله!نه؛شاید", "سلام، خوبی؟ بله! نه؛ شاید"),
    ("عدد،۱۲ و ۳،۴", "عدد،۱۲ و ۳،۴"),
    ("(متن)بعد و «نقل»قول و «نقل»۱۲", "(متن) بعد و «نقل» قول و «نقل» ۱۲"),
    ("الف)ب", "الف) ب"),
    ("،آغاز", "، آغاز"),
    ("x،y", "x،y"),
    ("(\n)", "(\n)"),
    # spaces before closing punctuation
    ("متن ، بعد", "متن، بعد"),
    ("او گفت :", "او گفت:"),
    ("پایان .", "پایان."),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_normalize_spacing_around_punctuation(text: str, want: str) -> None:
    assert normalize(text).text == want
    assert apply_fixes(text, ["space_punctuation"]) == want
