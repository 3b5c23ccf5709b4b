"""Start-up: the ZWNJ lexicon TSVs are split in bulk; the result must equal the line-by-line reading."""

import importlib
from importlib import resources
from pathlib import Path

import pytest

from khabar_extract.normalize import LexiconError, load_lexicon

nz = importlib.import_module("khabar_extract.normalize")

BUNDLED = resources.files("khabar_extract") / "data" / "normalize"


def _tables(lex):
    return lex.pieces, lex.initial, lex.final, lex.junctions


def test_normalize_lexicon_bulk_split_equals_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = nz._read_lexicon(BUNDLED, nz._rules())
    assert nz._tsv_columns(BUNDLED.joinpath("pieces.tsv").read_text(encoding="utf-8"), 4, 1) is not None
    monkeypatch.setattr(nz, "_tsv_columns", lambda *a: None)
    slow = nz._read_lexicon(BUNDLED, nz._rules())
    assert _tables(fast) == _tables(slow)
    assert list(fast.pieces) == list(slow.pieces)  # same order too


def test_normalize_lexicon_unusual_files_read_line_by_line(tmp_path: Path) -> None:
    # CRLF line ends, Persian digits in a count, a duplicate piece (the last one wins), comments
    (tmp_path / "pieces.tsv").write_text("# c\r\nگروه\t12\t10\t9\r\nها\t۵\t1\t2\r\nگروه\t13\t11\t10\r\n", encoding="utf-8")
    (tmp_path / "junctions.tsv").write_text("گروه\tها\t7\t1\n\n# end\n", encoding="utf-8")
    lex = load_lexicon(tmp_path)
    assert lex.pieces == {"گروه": 13, "ها": 5}
    assert lex.final == {"گروه": 10, "ها": 2}
    assert lex.junctions == {("گروه", "ها"): (7, 1)}


def test_normalize_lexicon_bad_row_still_named(tmp_path: Path) -> None:
    (tmp_path / "pieces.tsv").write_text("گروه\t12\t10\t9\nها\t5\t\t2\n", encoding="utf-8")
    (tmp_path / "junctions.tsv").write_text("", encoding="utf-8")
    with pytest.raises(LexiconError, match="pieces.tsv:2"):
        load_lexicon(tmp_path)
