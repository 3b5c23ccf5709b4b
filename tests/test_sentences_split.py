"""Golden sentence-splitting cases on real phrasing: numbers and abbreviations stay whole."""

from __future__ import annotations

import pytest

from khabar_extract.sentences import sentence_texts, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # missing space after a full stop (seed page)
        ("در استان بالغ بر ۲۵۰ میلیارد ریال است.این صندوق ها در امور خرد نقش دارند.",
         ["در استان بالغ بر ۲۵۰ میلیارد ریال است.", "این صندوق ها در امور خرد نقش دارند."]),
        ("که برای آن اقدام کنند.اعتبار این طرح", ["که برای آن اقدام کنند.", "اعتبار این طرح"]),
        # numbers are never split
        ("نرخ رشد ۲.۵ درصد بود. سال بعد ۱۲.۵ درصد شد.", ["نرخ رشد ۲.۵ درصد بود.", "سال بعد ۱۲.۵ درصد شد."]),
        ("در تاریخ ۱۴۰۲/۱۲/۲۱ ساعت ۷:۵۷ منتشر شد. خبر دوم", ["در تاریخ ۱۴۰۲/۱۲/۲۱ ساعت ۷:۵۷ منتشر شد.", "خبر دوم"]),
        ("قیمت 68/5 دلار است و ۲٫۵ درصد.", ["قیمت 68/5 دلار است و ۲٫۵ درصد."]),
        ("سال ۱۳۹۷. سپس", ["سال ۱۳۹۷.", "سپس"]),
        # abbreviations
        ("در سال ۴۵۰ ه.ق. بنا شد. بعد", ["در سال ۴۵۰ ه.ق. بنا شد.", "بعد"]),
        ("نظام ج.ا.ا اعلام کرد. بعد", ["نظام ج.ا.ا اعلام کرد.", "بعد"]),
        ("Dr. Smith came. Then left.", ["Dr. Smith came.", "Then left."]),
        ("سایت www.irna.ir خبر داد. بعد", ["سایت www.irna.ir خبر داد.", "بعد"]),
        # question and exclamation marks, with closing quotes
        ("چه کردید؟ هیچ! بعدی.", ["چه کردید؟", "هیچ!", "بعدی."]),
        ("او گفت: «چرا؟» سپس رفت.", ["او گفت: «چرا؟»", "سپس رفت."]),
        ("بیشتر نگرانی؟!بعدی", ["بیشتر نگرانی؟!", "بعدی"]),
        ("دانشگاه امام حسن مجتبی(ع) است. بعد", ["دانشگاه امام حسن مجتبی(ع) است.", "بعد"]),
        # ellipsis inside a line, list numbers
        ("جشنواره‌های فرهنگی و... را داریم. پایان", ["جشنواره‌های فرهنگی و... را داریم.", "پایان"]),
        ("1. مورد اول است. مورد دوم", ["1. مورد اول است.", "مورد دوم"]),
        # one sentence per line
        ("خط اول.\nخط دوم بدون نقطه\n\n  سوم؟  ", ["خط اول.", "خط دوم بدون نقطه", "سوم؟"]),
        ("", []),
        ("  \n ", []),
    ],
)
def test_sentences_split_golden(text, expected):
    assert sentence_texts(text) == expected


def test_sentences_split_spans_are_in_the_original_and_respect_bounds():
    text = "مقدمه. در استان ۲.۵ درصد است.این بخش دوم است. پایان"
    start = text.index("در")
    spans = split_sentences(text, start, len(text) - len(" پایان"))
    assert [text[a:b] for a, b in spans] == ["در استان ۲.۵ درصد است.", "این بخش دوم است."]
    with pytest.raises(TypeError):
        split_sentences(b"bytes")  # type: ignore[arg-type]


def test_sentences_split_question_and_exclamation_marks_end_sentences_but_not_asides():
    text = "آیا گروه‌های جهادی فعال هستند؟ بله! این گروه‌ها (؟) در زنجان کار می‌کنند.\nچرا؟!\nمی‌دانید (!) که چند گروه هست؟"
    assert sentence_texts(text) == [
        "آیا گروه‌های جهادی فعال هستند؟",
        "بله!",
        "این گروه‌ها (؟) در زنجان کار می‌کنند.",
        "چرا؟!",
        "می‌دانید (!) که چند گروه هست؟",
    ]
