"""The normaliser's API: options, explanation and replay, lexicon validation, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import khabar_extract
from khabar_extract.normalize import (
    FIXES,
    LexiconError,
    Normalized,
    NormalizeOptions,
    ZwnjLexicon,
    _load_rules,
    apply_fixes,
    load_lexicon,
    normalize,
)

FIXTURES = Path(__file__).parent / "fixtures" / "normalize"
ARTICLES = sorted(FIXTURES.glob("*.txt"))


def test_normalize_package_attribute_is_the_function() -> None:
    doc = khabar_extract.normalize("گروههای ٢٠ نفره")
    assert isinstance(doc, Normalized)
    assert doc.text == "گروه\N{ZERO WIDTH NON-JOINER}های ۲۰ نفره"


def test_normalize_rejects_bytes_with_a_hint() -> None:
    with pytest.raises(TypeError, match="decode"):
        normalize(b"abc")  # type: ignore[arg-type]


def test_normalize_rejects_unknown_digit_script() -> None:
    with pytest.raises(ValueError, match="digits"):
        normalize("۱", digits="roman")


def test_normalize_options_object_and_keywords_agree() -> None:
    opts = NormalizeOptions(digits="latin", diacritics=False)
    assert (
        normalize("کِتاب ۱۲", opts).text
        == normalize("کِتاب ۱۲", digits="latin", diacritics=False).text
        == "کِتاب 12"
    )


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_normalize_explain_replays_to_the_same_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = normalize(text)
    assert doc.fixes, "real articles always need something"
    assert apply_fixes(doc.original, doc.fixes, doc.options) == doc.text
    lines = doc.explain()
    assert len(lines) == len(doc.fixes)
    assert all(line.startswith(f"{f.name} x{f.count}: ") for line, f in zip(lines, doc.fixes, strict=True))
    # fixes come in the order the passes run, each once
    order = list(FIXES)
    assert [order.index(f.name) for f in doc.fixes] == sorted(order.index(f.name) for f in doc.fixes)


def test_normalize_apply_fixes_subset_runs_only_those() -> None:
    text = "كتاب های  خوب"
    assert apply_fixes(text, ["fold_arabic_letters"]) == "کتاب های  خوب"
    assert (
        apply_fixes(text, ["fold_arabic_letters", "zwnj_spaced"]) == "کتاب\N{ZERO WIDTH NON-JOINER}های  خوب"
    )
    with pytest.raises(ValueError, match="unknown fix"):
        apply_fixes(text, ["no_such_fix"])


def test_normalize_fixes_unpack_as_name_count_pairs() -> None:
    doc = normalize("كتاب")
    assert [(name, count) for name, count in doc.fixes] == [("fold_arabic_letters", 1)]


def _rules_payload() -> dict:
    path = Path(khabar_extract.__file__).parent / "data" / "normalize" / "rules.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("plural_suffixes", "ها", "must be a list"),
        ("never_join", ["و", ""], "bad entry"),
        ("verb_prefixes", ["می\N{ZERO WIDTH NON-JOINER}"], "bad entry|holds a ZWNJ"),
        ("compounds", ["خدمات رسانی"], "two parts"),
    ],
)
def test_normalize_rules_validated_on_load(tmp_path: Path, key: str, value: object, message: str) -> None:
    payload = _rules_payload()
    payload[key] = value
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        _load_rules(path)


def test_normalize_learned_lists_validated_on_load(tmp_path: Path) -> None:
    (tmp_path / "pieces.tsv").write_text("گروه\t12\t10\n", encoding="utf-8")
    (tmp_path / "junctions.tsv").write_text("", encoding="utf-8")
    with pytest.raises(LexiconError, match="pieces.tsv:1"):
        load_lexicon(tmp_path)
    (tmp_path / "pieces.tsv").write_text("گروه\t12\t10\t9\n", encoding="utf-8")
    (tmp_path / "junctions.tsv").write_text("گروه\tها\tmany\t0\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="junctions.tsv:1"):
        load_lexicon(tmp_path)


def test_normalize_with_a_rules_only_lexicon(tmp_path: Path) -> None:
    """Without learned lists the grammatical rules still work (plural suffix, می + known verb)."""
    (tmp_path / "pieces.tsv").write_text("", encoding="utf-8")
    (tmp_path / "junctions.tsv").write_text("", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert isinstance(lex, ZwnjLexicon)
    assert normalize("گروه های بندر ها", lexicon=lex).text == "گروه\N{ZERO WIDTH NON-JOINER}های بندرها"


def test_normalize_bundled_lexicon_is_consistent() -> None:
    lex = load_lexicon()
    assert len(lex.pieces) > 10000 and len(lex.junctions) > 3000
    zwnj = "\N{ZERO WIDTH NON-JOINER}"
    # Learned splits never put a ZWNJ after a non-joining letter, never split a number word.
    for glued, (a, _b) in lex.split_words.items():
        assert a[-1] not in "ادذرزژوآأإؤ", glued
        assert a not in lex.number_words
    for word in ("میلیون", "میلیارد", "میان", "میز", "یکصد", "تنها", "میانه", "میزبان", "همچنین"):
        assert zwnj not in normalize(word).text, word
