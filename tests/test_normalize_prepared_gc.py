"""The prepared answers of the bundled lexicon stay out of the collector's youngest generation.

CPython stops tracking a dict whose keys and values are all atomic at a full collection, and tracks it again, in
the youngest generation, as soon as a new tuple is stored in it; the next young collection then walks all of its
entries (about 0.2 ms for the ~10,000 prepared answers, measured in the first call after ``gc.collect()``). So
the normaliser stores what it works out in caches of their own and never writes to the prepared dicts.
"""

from __future__ import annotations

import gc
from pathlib import Path

from khabar_extract.normalize import _bundled_lexicon, normalize

_ARTICLE = Path(__file__).parent / "fixtures" / "facts" / "irna_85414319.txt"


def test_normalize_prepared_answers_are_not_tracked_again_by_new_text() -> None:
    lex = _bundled_lexicon()
    assert lex.join_prepared and lex._split_prepared  # the bundled lexicon ships them
    normalize(_ARTICLE.read_text(encoding="utf-8"))
    gc.collect()
    assert not gc.is_tracked(lex.join_prepared) and not gc.is_tracked(lex._split_prepared)
    # new pairs and new glued words: worked out now, and cached beside the prepared answers
    joins, splits = len(lex.join_cache), len(lex._split_cache)
    normalize("خانواده های شهیدان گلخانههایی ساختند و مدرسه های روستایی بازسازی شدند.")
    assert len(lex.join_cache) > joins and len(lex._split_cache) > splits
    assert not gc.is_tracked(lex.join_prepared) and not gc.is_tracked(lex._split_prepared)
