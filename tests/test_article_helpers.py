"""The article stage's text helpers (fold, key, line spans, EndsWith, dateline fallbacks, paragraph entries,
sentences of some lines) on real text.

These helpers were rewritten for speed (issue 6); each test pins the behaviour the rewrite had to keep.
Sentences come from the seed page (irna_85414319) and the Fars fixtures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from khabar_extract.article import _with_fallback, read_article
from khabar_extract.article._text import (
    EndsWith,
    alternation,
    canonical_agency,
    fold,
    key,
    line_spans,
    phrase_heads,
    phrase_pattern,
)
from khabar_extract.article.layouts import get_layout
from khabar_extract.sentences import content_lines, split_lines, split_sentences

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
RLM = "\N{RIGHT-TO-LEFT MARK}"
FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def test_article_helpers_fold_a_whole_article_and_a_phrase_alike():
    # Arabic yeh and kaf, and Arabic-Indic digits, in a phrase (regex pre-check) and in a long text (direct scan)
    phrase = "\N{ARABIC LETTER KAF}د خبر: \N{ARABIC-INDIC DIGIT EIGHT}\N{ARABIC-INDIC DIGIT FIVE}"
    assert fold(phrase) == "کد خبر: ۸۵"
    body = "گروه\N{ARABIC LETTER YEH} جهادی در استان زنجان فعالیت دارند. " * 8 + phrase
    assert len(body) > 200
    folded = fold(body)
    assert len(folded) == len(body)
    assert folded == ("گروهی جهادی در استان زنجان فعالیت دارند. " * 8) + "کد خبر: ۸۵"
    plain = "گروه‌های جهادی، بازوی فعال محرومیت زدایی در استان زنجان " * 5
    assert fold(plain) is plain  # nothing to fold: the same object back


def test_article_helpers_key_ignores_spaces_zwnj_and_invisible_marks():
    assert key("گروه های جهادی") == key(f"گروه{ZWNJ}های  جهادی{RLM}") == "گروههایجهادی"
    assert key("\N{ARABIC LETTER KAF}د خبر\t:\n۸۵") == "کدخبر:۸۵"
    assert key("گروه های جهادی") != key("گروه جهادی")


def test_article_helpers_canonical_agency_repeats_give_the_same_name():
    assert canonical_agency("خبرگزاری فارس") == canonical_agency(f"خبرگزاری{ZWNJ} فارس") == "فارس"
    assert canonical_agency(None) is None and canonical_agency("") is None


def test_article_helpers_line_spans_trim_blocks_and_decimals():
    text = (
        "  زنجان - ایرنا - هزار و ۳۹۰ گروه جهادی  \n"
        f"{RLM}\n"  # only an invisible mark: not content, but kept in a segment (the marks list)
        "\n"
        "قیمت به ۲۶.\n۸ میلیارد دلار رسید.\n"  # a decimal split at its point by the source: one line
        f"{RLM}کد خبر: 85414319"
    )
    lines, marks = line_spans(text)
    assert [text[s:e] for s, e, *_ in lines] == [
        "زنجان - ایرنا - هزار و ۳۹۰ گروه جهادی",
        "قیمت به ۲۶.\n۸ میلیارد دلار رسید.",
        "کد خبر: 85414319",
    ]
    assert [line[2] for line in lines] == [0, 1, 1]  # a blank (or invisible-only) line starts a new block
    rlm_line = text.index(RLM)
    assert marks == [(rlm_line, rlm_line + 1)]
    assert text[lines[-1][3]:lines[-1][4]] == f"{RLM}کد خبر: 85414319"  # the segment keeps the mark
    assert lines[0][3:] == (2, 39)
    assert lines[1][3:] == lines[1][:2]  # nothing to trim: the outer span of the joined line is its content


def test_article_helpers_dateline_falls_back_to_the_plain_patterns():
    fars = get_layout("fars")
    plain = get_layout("plain")
    assert _with_fallback(fars, "datelines") == fars.datelines + plain.datelines
    assert _with_fallback(plain, "attributions") == plain.attributions
    # a Fars page whose lead carries an IRNA dateline: only the plain layout's pattern reads it
    text = (
        "خبر تازه درباره گروه‌های جهادی\n\n"
        "تهران - ایرنا - هزار و ۳۹۰ گروه جهادی در استان زنجان فعالیت دارند.\n\n"
        "این گروه‌ها در عرصه‌های مختلف کار می‌کنند."
    )
    article = read_article(text, layout="fars")
    assert article.meta["dateline"] == {"city": "تهران", "agency": "ایرنا"}


def test_article_helpers_a_paragraph_segment_spans_its_marks_and_its_sentences_do_not():
    text = f"{RLM}گروه‌های جهادی، بازوی فعال محرومیت زدایی  \n\nزنجان - ایرنا - هزار و ۳۹۰ گروه جهادی فعالیت دارند."
    article = read_article(text)
    title, sentence = article.segments[:2]
    assert title == {"kind": "title", "span": [0, 41], "paragraph": 0}  # the segment covers the mark
    assert sentence["parent"] == 0 and text[slice(*sentence["span"])] == "گروه‌های جهادی، بازوی فعال محرومیت زدایی"


def test_article_helpers_seed_segments_nest_in_reading_order():
    text = (FIXTURES / "irna_85414319.txt").read_text(encoding="utf-8")
    article = read_article(text)
    segs = article.segments
    tops = [i for i, s in enumerate(segs) if "parent" not in s]
    assert [segs[i]["span"][0] for i in tops] == sorted(segs[i]["span"][0] for i in tops)
    for i, s in enumerate(segs):
        if "parent" in s:
            parent = segs[s["parent"]]
            assert s["parent"] < i and "parent" not in parent
            assert parent["span"][0] <= s["span"][0] and s["span"][1] <= parent["span"][1]
    # in a question paragraph the marker ("ایرنا.") comes before the question's sentence
    question = next(i for i in tops if segs[i]["kind"] == "question")
    children = [s for s in segs if s.get("parent") == question]
    assert [c["kind"] for c in children][:2] == ["marker", "sentence"]
    assert text[slice(*children[0]["span"])] == "ایرنا."
    assert children[1]["span"][0] > children[0]["span"][1]


def test_article_helpers_sentences_common_full_stop_and_its_exceptions():
    text = (
        "هزار و ۳۹۰ گروه جهادی در استان فعال هستند. این گروه‌ها در عرصه‌های مختلف فعالیت دارند.\n"
        "سال ۱۳۹۸ ه.ق. آغاز شد. رقم ۲.۵ درصد بود."
    )
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "هزار و ۳۹۰ گروه جهادی در استان فعال هستند.",
        "این گروه‌ها در عرصه‌های مختلف فعالیت دارند.",
        "سال ۱۳۹۸ ه.ق. آغاز شد.",
        "رقم ۲.۵ درصد بود.",
    ]


def test_article_helpers_ends_with_reads_the_end_as_the_regex_does():
    qend = EndsWith("؟?", "»\"”)!.…*")
    regex = re.compile(r"[؟?][\s»\"”)!.…*]*$")
    samples = [
        "چند گروه جهادی در استان داریم و در چه زمینه هایی فعالیت دارند؟",
        "«این گروه‌ها چه می‌کنند؟» ",
        "آیا کافی است؟!\n",
        "**چه برنامه‌ای دارید؟**",
        "هزار و ۳۹۰ گروه جهادی در استان فعال هستند.",
        "چرا؟ این گروه‌ها فعال هستند",
        "",
        "؟",
        " \u00a0",
    ]
    for s in samples:
        assert qend.search(s) == bool(regex.search(s)), s
    assert qend.search(samples[0]) and not qend.search(samples[4]) and not qend.search(samples[5])
    with pytest.raises(ValueError):
        EndsWith("؟.", ".")


def test_article_helpers_dateline_city_keeps_its_words_and_drops_the_spaces():
    # the city group is possessive (no backtracking along a title that has no dash): same city, agency and end
    text = (
        "گروه‌های جهادی، بازوی فعال محرومیت زدایی در استان زنجان\n\n"
        "زنجان   -  ایرنا - هزار و ۳۹۰ گروه جهادی در استان زنجان فعالیت دارند.\n\n"
        "به گزارش ایرنا، گروه‌های جهادی به واسطه فعالیت‌های مستمر شناخته شده‌اند."
    )
    article = read_article(text)
    assert article.meta["dateline"] == {"city": "زنجان", "agency": "ایرنا"}
    assert article.meta["title"] == "گروه‌های جهادی، بازوی فعال محرومیت زدایی در استان زنجان"
    lead = next(s for s in article.segments if s["kind"] == "lead")
    dateline = next(s for s in article.segments if s["kind"] == "dateline")
    assert text[slice(*dateline["span"])] == "زنجان   -  ایرنا -"
    assert dateline["parent"] == article.segments.index(lead)


def test_article_helpers_sentences_of_some_lines_are_those_of_the_whole_text():
    text = (
        "کد خبر: 85414319\n"
        "هزار و ۳۹۰ گروه جهادی فعال هستند. این گروه‌ها در عرصه‌های مختلف کار می‌کنند.\n\n"
        "قیمت به ۲۶.\n۸ میلیارد دلار رسید. بعد چه شد؟\n"
        "اخبار مرتبط"
    )
    lines = content_lines(text, 0, len(text))
    assert [text[s:e] for s, e in lines] == [
        "کد خبر: 85414319",
        "هزار و ۳۹۰ گروه جهادی فعال هستند. این گروه‌ها در عرصه‌های مختلف کار می‌کنند.",
        "قیمت به ۲۶.\n۸ میلیارد دلار رسید. بعد چه شد؟",  # the decimal joins its two lines
        "اخبار مرتبط",
    ]
    whole = split_sentences(text)
    assert split_lines(text, lines) == whole
    some = split_lines(text, lines[1:3])
    assert [text[s:e] for s, e in some] == [
        "هزار و ۳۹۰ گروه جهادی فعال هستند.",
        "این گروه‌ها در عرصه‌های مختلف کار می‌کنند.",
        "قیمت به ۲۶.\n۸ میلیارد دلار رسید.",
        "بعد چه شد؟",
    ]
    assert some == whole[1:5] and split_lines(text, []) == []


def test_article_helpers_interview_without_question_marks():
    # the seed's questions are marked ("ایرنا. ..."): found even with every ؟ gone; without the markers and
    # without any question mark nothing can be a question, and detection stops early with the same answer
    text = (FIXTURES / "irna_85414319.txt").read_text(encoding="utf-8")
    assert text.count("؟") == 4
    marked = read_article(text.replace("؟", "."))
    assert marked.interview is not None and len(marked.interview["turns"]) == 5
    assert marked.interview["interviewer"] == "ایرنا"
    assert read_article(text.replace("ایرنا. ", "").replace("؟", ".")).interview is None


def test_article_helpers_alternation_grouped_by_first_character_finds_the_same():
    agencies = ["ایرنا", "ایسنا", "ایلنا", "خبرگزاری فارس", "فارس", "خبرگزاری مهر", "مهر", "ا"]
    grouped = alternation(agencies)
    assert grouped.count("|") > 0 and grouped.startswith("(?:")
    assert "ا(?:" in grouped and "|)" in grouped  # the four phrases in ا share one branch, "ا" alone last
    flat = "(?:" + "|".join(sorted({phrase_pattern(a) for a in agencies}, key=len, reverse=True)) + ")"
    text = (
        "به گزارش خبرگزاری فارس از زنجان، ایرنا و ایسنا هم خبر دادند. خبرگزاری‌مهر: مهر ماه، "
        "ایلنا گزارش داد و ا"
    )
    for source in (grouped, flat):
        assert re.compile(source).pattern == source
    found = [m.span() for m in re.finditer(grouped, text)]
    assert found == [m.span() for m in re.finditer(flat, text)]
    texts = [text[a:b] for a, b in found]
    assert "خبرگزاری فارس" in texts and "ایرنا" in texts and "خبرگزاری‌مهر" in texts and texts[-1] == "ا"
    assert "فارس" not in texts  # inside "خبرگزاری فارس": the longer phrase wins, as in the flat list


def test_article_helpers_phrase_heads_are_the_first_characters_an_alternation_matches():
    # the Arabic kaf of "\N{ARABIC LETTER KAF}..." folds to keheh, a leading ZWNJ or space is no part of a match
    phrases = ["ایرنا", " خبرگزاری فارس", "\N{ZERO WIDTH NON-JOINER}مهر", "\N{ARABIC LETTER KAF}یهان", "  "]
    heads = phrase_heads(phrases)
    assert heads == frozenset("اخمک")
    starts = ["ایرنا. چند گروه جهادی", "خبرگزاری‌فارس: فعالیت", "مهر: ", "کیهان. ", "هزار و ۳۹۰ گروه", "فارس"]
    anchored = re.compile("^" + alternation(phrases))
    for p in starts:
        assert (anchored.match(p) is not None) <= (p[0] in heads)  # never a match outside the heads
    assert [p for p in starts if anchored.match(p)] == starts[:4]


def test_article_helpers_lines_of_invisible_marks_are_chrome_in_reading_order():
    zwsp = "\N{ZERO WIDTH SPACE}"
    text = (
        f"{zwsp}\nگروه‌های جهادی، بازوی فعال محرومیت زدایی\n\n"
        "زنجان - ایرنا - هزار و ۳۹۰ گروه جهادی فعالیت دارند.\n"
        f"  {zwsp}{RLM} \nاین گروه‌ها در عرصه‌های مختلف کار می‌کنند.\n{zwsp}"
    )
    segments = read_article(text).segments
    assert [(s["kind"], s.get("parent")) for s in segments] == [
        ("chrome", None), ("title", None), ("sentence", 1), ("lead", None), ("dateline", 3), ("sentence", 3),
        ("chrome", None), ("paragraph", None), ("sentence", 7), ("chrome", None),
    ]
    assert [text[slice(*s["span"])] for s in segments if s["kind"] == "chrome"] == [zwsp, zwsp + RLM, zwsp]
