"""The noun list names a malformed line (its checks are written out so that good lines build no message)."""

import importlib

import pytest

lexmod = importlib.import_module("khabar_extract.facts.lexicon")


@pytest.mark.parametrize(
    ("tsv", "message"),
    [
        ("روستا\tvillage\nخانوار\n", "nouns.tsv line 2: expected 'phrase<TAB>category'"),
        ("روستا\tvillage\n \tperson\n", "nouns.tsv line 2: empty phrase"),
        ("# comment\nروستا\tvillages\n", "nouns.tsv line 2: unknown category 'villages'"),
        ("روستا\tvillage\nروستا\t-\n", "nouns.tsv line 2: duplicate phrase 'روستا'"),
    ],
)
def test_facts_lexicon_bad_noun_line_is_named(monkeypatch, tsv, message):
    monkeypatch.setattr(lexmod, "_read", lambda name: tsv)
    with pytest.raises(lexmod.LexiconError, match=message):
        lexmod._load_nouns()


def test_facts_lexicon_good_noun_lines_load():
    nouns, longest, multi_first = lexmod._load_nouns()
    assert nouns[lexmod.squash_entry("روستا")] == "village"
    assert longest >= 2 and multi_first
    assert lexmod._read("nouns.tsv") is lexmod._read("nouns.tsv")  # read once
