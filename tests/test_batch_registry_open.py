"""A parallel batch opens its registry once the workers are busy (at the first outcome); what the user sees
is the same as when it was opened first: a registry it cannot use is a clear error (exit 2), and a run
with no input at all is still recorded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from khabar_extract.cli import main

SEED = Path(__file__).parent / "fixtures" / "inputs" / "irna_85414319.txt"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_registry_open_other_layout_is_a_clear_error(tmp_path, capsys, jobs):
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('registry_version', '0')")
    assert main(["batch", str(SEED), "--db", str(db), "--jobs", jobs, "-q"]) == 2
    err = capsys.readouterr().err
    assert "registry layout version 0" in err and "use a new --db file" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'articles'").fetchone() is None


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_registry_open_run_without_inputs_is_recorded(tmp_path, capsys, jobs):
    empty = tmp_path / "nothing"
    empty.mkdir()
    db = tmp_path / "k.sqlite"
    assert main(["batch", str(empty), "--db", str(db), "--jobs", jobs, "-q"]) == 0
    assert "inputs 0 = stored 0" in capsys.readouterr().err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status, inputs FROM runs").fetchall() == [("finished", 0)]
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
