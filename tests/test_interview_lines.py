"""Interviews whose questions run over several lines: wrapped questions, and bodies stored one sentence per line
(the irnasrc sources: a line break after every full stop, no blank lines), on real interviews reshaped that way."""

from __future__ import annotations

import json
import re
from pathlib import Path

from khabar_extract.article import read_article, score_questions

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _load(name: str):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((FIXTURES / f"{name}.qa.json").read_text(encoding="utf-8"))
    return text, gold


def _one_sentence_per_line(text: str) -> str:
    """The irnasrc shape: title, blank line, then the body with a line break after every full stop."""
    head, _, body = text.partition("\n\n")
    body = re.sub(r"\n\s*\n", "\n", body.strip())
    return head + "\n\n" + re.sub(r"\.[ \t]*(?=\S)", ".\n", body) + "\n"


def _starts(text: str, gold) -> list[str]:
    return [re.split(r"[.\n]", q["surface"])[0] for q in gold["questions"]]


def test_interview_lines_one_sentence_per_line_questions_start_at_their_first_sentence():
    text, gold = _load("varzesh3_1528056")  # unmarked; "تو ... پیشنهاد داشتی. چطور شد ...؟"
    reshaped = _one_sentence_per_line(text)
    interview = read_article(reshaped).interview
    questions = [t["question"] for t in interview["turns"]]
    assert len(questions) == len(gold["questions"])
    for q, start in zip(questions, _starts(text, gold), strict=True):
        assert q.startswith(start)
    # the first question's two sentences, the answer from the next line
    assert questions[0].startswith("تو در نقل و انتقالات از پرسپولیس هم پیشنهاد داشتی.\nچطور شد")
    assert interview["turns"][0]["answer"].startswith("درست است من از پرسپولیس")


def test_interview_lines_marked_question_split_over_two_lines():
    text, gold = _load("irna_85414319")  # "ایرنا. ...؟" questions
    q = "ایرنا. فعالیت عمده در زمینه محرومیت زدایی شامل چه اقداماتی است؟"
    assert q in text
    split = text.replace(q, "ایرنا. فعالیت عمده در زمینه محرومیت زدایی\nشامل چه اقداماتی است؟")
    article = read_article(split)
    assert score_questions(article, gold) == (5, 0, 0)
    turn = article.interview["turns"][1]
    assert turn["question"] == "فعالیت عمده در زمینه محرومیت زدایی\nشامل چه اقداماتی است؟"
    assert not turn["answer"].startswith("شامل")


def test_interview_lines_unmarked_question_split_over_two_lines():
    text, gold = _load("varzesh3_1725317")  # unmarked
    q = "شما یک بار فینال آسیا را با پرسپولیس تجربه کردید."
    assert q in text
    split = text.replace(q, "شما یک بار فینال آسیا را\nبا پرسپولیس تجربه کردید.")
    article = read_article(split)
    for g in gold["questions"]:
        g["surface"] = g["surface"][:20]  # the gold surface must not cross the new line break
    assert score_questions(article, gold) == (5, 0, 0)
    assert article.interview["turns"][1]["question"].startswith("شما یک بار فینال آسیا را\nبا پرسپولیس")


def test_interview_lines_star_question_ending_in_an_imperative_full_stop():
    # the seed's last question ends "... توضیح دهید." with no question mark; marked "*" it is still a question
    text, gold = _load("irna_85414319")
    article = read_article(text.replace("ایرنا. ", "* "))
    assert score_questions(article, gold) == (5, 0, 0)
    assert article.interview["turns"][4]["question"] == "در خصوص اجرای طرح جهاد روشنایی هم توضیح دهید."


def test_interview_lines_question_mark_paragraph_in_the_introduction_is_not_a_question():
    # a teaser question before the lead-in line "... در ادامه آن را می خوانید:" belongs to the introduction
    text, gold = _load("varzesh3_1528056")
    paragraphs = text.split("\n\n")
    assert paragraphs[2].rstrip().endswith("می خوانید:")
    paragraphs.insert(2, "چرا اعلام آمار کرونا به تفکیک استان‌ها متوقف شد؟")  # a real headline question
    moved = "\n\n".join(paragraphs)
    gold = {"questions": [{"surface": q["surface"], "paragraph": q["paragraph"] + 1} for q in gold["questions"]]}
    assert score_questions(read_article(moved), gold) == (5, 0, 0)


def test_interview_lines_report_with_question_paragraphs_stays_a_report():
    # a speech report: "؟" paragraphs, "گفت‌وگو" in the text, answers in reported speech; as stored and reshaped
    text = (FIXTURES / "fars_13930707000917.txt").read_text(encoding="utf-8")
    assert text.count("؟") >= 5
    assert read_article(text).interview is None
    assert read_article(_one_sentence_per_line(text)).interview is None


def test_interview_lines_star_questions_stored_one_sentence_per_line():
    # "*" questions of several sentences: the "*" line ends in a full stop, its "؟" comes a line or two later
    text, gold = _load("fars_13911115001115")
    reshaped = _one_sentence_per_line(text)
    article = read_article(reshaped)
    gold = {"questions": [{"surface": s, "paragraph": None} for s in _starts(text, gold)]}
    assert score_questions(article, gold) == (9, 0, 0)
    second = article.interview["turns"][1]["question"]
    assert second.startswith("تیم ملی ایران از جام جهانی 2006") and second.endswith("تحقق ببخشید؟")


def test_interview_lines_third_person_verb_is_not_an_address():
    # "... به ورزشگاه می‌اید ..." (third person of آمدن) closes an answer; it does not open the next question
    text, _ = _load("fars_13911115001115")
    reshaped = _one_sentence_per_line(text.replace("\n*", "\n"))
    turns = read_article(reshaped).interview["turns"]
    question = next(t["question"] for t in turns if "مربی سابق رئال مادرید" in t["question"])
    assert question.startswith("این نکته که مربی سابق رئال مادرید")
    assert any("ورزشگاه می‌اید" in (t["answer"] or "") for t in turns)


def test_interview_lines_labels_on_lines_of_their_own():
    # "سؤال:" / "ایسنا:" on its own line (a bold label in the page), the question on the next line, after a line
    # break or a blank line; "ج:" likewise before the answer
    text, gold = _load("irna_85414319")
    questions = [t["question"] for t in read_article(text).interview["turns"]]
    for label, sep in (("سؤال:", "\n"), ("ایسنا:", "\n"), ("سؤال:", "\n\n")):
        article = read_article(text.replace("ایرنا. ", label + sep))
        turns = article.interview["turns"]
        assert [t["question"] for t in turns] == questions
        assert all(label not in t["answer"] for t in turns)
        assert [s["kind"] for s in article.segments].count("marker") == 5
    paragraphs = text.split("\n\n")
    for q in gold["questions"]:
        paragraphs[q["paragraph"] + 1] = "ج:\n" + paragraphs[q["paragraph"] + 1]
    turns = read_article("\n\n".join(paragraphs).replace("ایرنا. ", "س:\n")).interview["turns"]
    assert [t["question"] for t in turns] == questions
    assert turns[0]["answer"].startswith("هزار و ۳۹۰ گروه جهادی در استان فعال هستند.")


def test_interview_lines_labelled_question_after_a_long_crosshead_line():
    # one sentence per line, a "* ..." crosshead without a final stop is read together with the next line as one
    # wrapped paragraph; the "فارس:" label opening that next line still marks a question
    text, gold = _load("fars_13990625001148")
    reshaped = _one_sentence_per_line(text)
    assert "کنیم\nفارس: هدف‌گذاری شما" in reshaped
    article = read_article(reshaped)
    gold = {"questions": [{"surface": s, "paragraph": None} for s in _starts(text, gold)]}
    assert score_questions(article, gold) == (9, 0, 0)
    assert any(t["question"].startswith("هدف‌گذاری شما در ورزش کلاله") for t in article.interview["turns"])
