"""Start-up: the facts lexicon normalises its entries in bulk (one normalize() call over all of them, joined by
a paragraph break); every entry must get exactly what its own normalize() call gives."""

import importlib

from khabar_extract.normalize import normalize

lexmod = importlib.import_module("khabar_extract.facts.lexicon")


def test_facts_lexicon_bulk_normalised_entries_equal_one_by_one():
    lexmod.lexicon()
    importlib.import_module("khabar_extract.facts.patterns").patterns()
    primed = dict(lexmod._NORMED)
    assert len(primed) > 1000  # the nouns, months, currencies, context words ... went through prime()
    wrong = {s: t for s, t in primed.items() if normalize(s).text != t}
    assert wrong == {}


def test_facts_lexicon_prime_matches_normalize_on_entries_that_change():
    # Arabic letters, digits, a glued plural and a spaced plural: normalisation changes them all
    entries = ["بانك", "سال ٢٠٢٤", "گروههای", "خانه ها", "کتاب‌ها", "روستا", "مي شود"]
    fresh = [e for e in entries if e not in lexmod._NORMED]
    assert lexmod.prime(fresh) == len(fresh)
    for e in entries:
        assert lexmod._norm(e) == normalize(e).text


def test_facts_lexicon_prime_leaves_line_breaks_and_edge_spaces_to_one_call_each():
    odd = ["دو\nسه", " روستا", "واحد مسکونی "]
    assert lexmod.prime(odd) == 0
    for e in odd:
        assert lexmod._norm(e) == normalize(e).text
