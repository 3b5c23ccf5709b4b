"""Start-up: the bundled ZWNJ lexicon is loaded from ``lexicon.json`` (its counts and the tables derived from
them and the rules), not from the TSVs.  It must never go stale: it equals what the TSVs, rules.json and
``ZwnjLexicon._derive`` give, byte for byte, and a malformed file is named with the way to rebuild it."""

from __future__ import annotations

import importlib
import json
from importlib import resources
from pathlib import Path

import pytest

from khabar_extract.normalize import (
    DERIVED_FILE,
    LexiconError,
    ZwnjLexicon,
    derived_json,
    load_lexicon,
    normalize,
)

nz = importlib.import_module("khabar_extract.normalize")

BUNDLED = resources.files("khabar_extract") / "data" / "normalize"
ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
# Everything a lexicon holds but its caches (and the affix tests, compared by their words).
# (The prepared answers are compared with what the lexicon works out by the test of their own below.)
_CACHES = {
    "_split_cache", "join_cache", "_split_prepared", "join_prepared", "cuts_cache", "_tokens", "suffix_ends",
    "bound_ends", "bound_starts", "_prepared",
}


def _tables(lex: ZwnjLexicon) -> dict[str, object]:
    out = {k: v for k, v in vars(lex).items() if k not in _CACHES}
    out["dict orders"] = [list(v) for v in out.values() if isinstance(v, dict)]
    out["affixes"] = [set(getattr(lex, k).words) for k in ("suffix_ends", "bound_ends", "bound_starts")]
    return out


def test_normalize_lexicon_derived_file_is_up_to_date() -> None:
    from_tsv = load_lexicon(str(BUNDLED))  # a folder: read from its TSVs and derived
    assert BUNDLED.joinpath(DERIVED_FILE).read_text(encoding="utf-8") == derived_json(from_tsv), (
        f"{DERIVED_FILE} is stale: rebuild it with python scripts/build_zwnj_lexicon.py --derived"
    )


def test_normalize_lexicon_derived_equals_the_tsv_lexicon() -> None:
    assert _tables(load_lexicon()) == _tables(load_lexicon(str(BUNDLED)))


def test_normalize_lexicon_derived_prepared_answers_are_what_the_lexicon_works_out() -> None:
    """The answers lexicon.json ships (join decisions of the junction pairs, splits of the learned split words,
    flags and edges of the known pieces a token may bring to the ZWNJ pass) are exactly what the lexicon read
    from its TSVs works out when it meets them for the first time."""
    bundled, from_tsv = load_lexicon(), load_lexicon(str(BUNDLED))
    assert from_tsv._prepared == nz.PreparedAnswers({}, {}, {})
    prepared = bundled._prepared
    assert prepared == nz.prepared_answers(from_tsv)
    assert len(prepared.joins) == len(from_tsv.junctions) and len(prepared.splits) == len(from_tsv.split_words)
    assert prepared.tokens and all(flags for flags, _ in prepared.tokens.values())
    # the token caches filled from them hold what the lexicon without them computes, token by token
    flags: dict[str, int] = {}
    edges: dict[str, object] = {}
    bundled._describe(set(prepared.tokens), flags, edges)
    for token in prepared.tokens:
        assert (flags[token], edges[token]) == from_tsv._flags_and_edges(token, [token])
    # and the same text comes out of both
    text = "گروههای جهادی و گروه های مردمی میکنند و خدمات رسانی به روستاها در زمینه محرومیت زدایی"
    assert normalize(text, lexicon=bundled).text == normalize(text, lexicon=from_tsv).text


def _small_folder(tmp_path: Path) -> Path:
    (tmp_path / "pieces.tsv").write_text(
        "گروه\t13\t10\t9\nها\t5\t1\t2\nبندر\t4\t4\t4\nرسانی\t3\t0\t3\nخدمات\t6\t6\t5\nاطلاع\t6\t6\t2\n", encoding="utf-8"
    )
    (tmp_path / "junctions.tsv").write_text(
        "گروه\tها\t7\t1\nخدمات\tرسانی\t3\t0\nاطلاع\tرسانی\t4\t1\nمی\tشود\t9\t2\n", encoding="utf-8"
    )
    return tmp_path


def test_normalize_lexicon_derived_round_trip_of_a_small_lexicon(tmp_path: Path) -> None:
    lex = load_lexicon(_small_folder(tmp_path))
    (tmp_path / DERIVED_FILE).write_text(derived_json(lex), encoding="utf-8")
    again = nz._read_derived(tmp_path / DERIVED_FILE, nz._rules())
    assert _tables(again) == _tables(lex)
    text = "گروه های خدمات رسانی میشود و گروهها"
    assert normalize(text, lexicon=again).text == normalize(text, lexicon=lex).text == (
        f"گروه{ZWNJ}های خدمات{ZWNJ}رسانی می{ZWNJ}شود و گروه{ZWNJ}ها"
    )


def test_normalize_lexicon_derived_of_rules_alone(tmp_path: Path) -> None:
    (tmp_path / "pieces.tsv").write_text("", encoding="utf-8")
    (tmp_path / "junctions.tsv").write_text("", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    (tmp_path / DERIVED_FILE).write_text(derived_json(lex), encoding="utf-8")
    assert _tables(nz._read_derived(tmp_path / DERIVED_FILE, nz._rules())) == _tables(lex)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format=0), "not a derived lexicon of format"),
        (lambda d: d.pop("junctions"), "malformed"),
        (lambda d: d["pieces"][1].pop(), "malformed"),  # one count fewer than pieces
        (lambda d: d["pieces"][1].__setitem__(0, "13"), "malformed"),  # a count written as a string
        (lambda d: d.update(split_words=[["گروهها"], ["گروه"]]), "malformed"),
    ],
)
def test_normalize_lexicon_derived_malformed_is_named(tmp_path: Path, change, message: str) -> None:
    data = json.loads(derived_json(load_lexicon(_small_folder(tmp_path))))
    change(data)
    path = tmp_path / DERIVED_FILE
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LexiconError, match=f"{DERIVED_FILE}: {message}.*build_zwnj_lexicon.py --derived"):
        nz._read_derived(path, nz._rules())
    path.write_text("{", encoding="utf-8")
    with pytest.raises(LexiconError, match=f"{DERIVED_FILE}: cannot read"):
        nz._read_derived(path, nz._rules())
