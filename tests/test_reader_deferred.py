"""iter_items(deferred=True) leaves plain files unread; load_item (run in a batch's worker) then gives
exactly the items that iter_items reads in the parent, read errors included."""

from __future__ import annotations

from pathlib import Path

from khabar_extract.reader import iter_items, load_item

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def test_reader_deferred_items_load_to_the_same_items(tmp_path):
    args = [str(INPUTS), str(tmp_path / "missing.txt"), str(tmp_path)]
    for max_bytes in (10 * 1024 * 1024, 2000):
        eager = list(iter_items(args, max_bytes=max_bytes))
        lazy = list(iter_items(args, max_bytes=max_bytes, deferred=True))
        assert any(item.deferred is not None and item.payload is None for item in lazy)
        assert [load_item(item) for item in lazy] == eager
        codes = {item.error[0] for item in eager if item.error}
        assert "not_found" in codes and (max_bytes > 2000 or "too_large" in codes)
