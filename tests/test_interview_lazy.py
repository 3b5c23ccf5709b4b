"""Start-up: the interview patterns are compiled on first use; each one must compile and match as its source."""

import importlib
import re

iv = importlib.import_module("khabar_extract.article.interview")


def test_interview_lazy_pattern_matches_like_the_compiled_pattern():
    lex = iv._lexicon()
    text = "ایرنا: چند گروه جهادی در روستاهای استان فعال هستند؟"
    question = "سؤال: چند گروه جهادی فعال هستند؟"
    plain = re.compile(lex.qmark.pattern)
    assert lex.qmark.match(question).group("m") == plain.match(question).group("m") == "سؤال"
    assert lex.qmark.match(text) is None and plain.match(text) is None
    assert lex.qlabel_agency.match(text).span() == re.compile(lex.qlabel_agency.pattern).match(text).span()
