"""The CLI end to end on real files: extract, batch (registry, exports, re-runs, resume, bad inputs), facts."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from khabar_extract.cli import main
from khabar_extract.records import load_schema

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
SEED_PATH = INPUTS / "irna_85414319.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
VALIDATOR = jsonschema.Draft202012Validator(load_schema())
GOOD = ["irna_85414319.txt", "irna_85414319.utf8bom.txt", "irna_85414319.utf16le.txt", "irna_85414319.utf16be.txt",
        "irna_85414319.cp1256.txt", "irna_85414319.html"]  # fmt: skip
BAD = {"empty.txt": "empty", "blank.txt": "empty", "image.png.txt": "binary", "french.cp1252.txt": "undecodable"}


def _records(text: str) -> list[dict]:
    records = [json.loads(line) for line in text.splitlines()]
    for record in records:
        VALIDATOR.validate(record)
    return records


def _text_of(record: dict) -> str:
    """The decoded original of a record's input, to check spans against."""
    path = record["source"]["path"]
    if record["source"].get("line"):
        with open(path, encoding="utf-8-sig") as fh:
            return json.loads(fh.read().splitlines()[record["source"]["line"] - 1])["text"]
    from khabar_extract.reader import iter_items, prepare

    (item,) = iter_items([path])
    return prepare(item)[0]


def _check_spans(record: dict) -> None:
    original = _text_of(record)
    for fact in record["facts"]:
        start, end = fact["span"]
        assert original[start:end] == fact["text"], fact


def _consistent(db: Path) -> sqlite3.Connection:
    """No half-written article: every article has exactly the facts and turns its row announces."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    bad = conn.execute(
        "SELECT a.path FROM articles a WHERE a.n_facts != (SELECT count(*) FROM facts f WHERE f.article_id = a.id) "
        "OR a.n_turns != (SELECT count(*) FROM turns t WHERE t.article_id = a.id)"
    ).fetchall()
    assert bad == []
    orphans = conn.execute("SELECT count(*) FROM facts WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()
    assert orphans == (0,)
    return conn


def test_cli_extract_seed_article(capsys):
    assert main(["extract", str(SEED_PATH)]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record["source"]["path"] == str(SEED_PATH)
    assert record["source"]["format"] == "text" and record["source"]["encoding"] == "utf-8"
    assert record["facts"], "the seed article has facts"
    _check_spans(record)


def test_cli_extract_every_encoding_and_html(capsys):
    assert main(["extract", *(str(INPUTS / name) for name in GOOD)]) == 0
    records = _records(capsys.readouterr().out)
    assert [Path(r["source"]["path"]).name for r in records] == GOOD  # input order
    assert [r["source"]["encoding"] for r in records] == ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be",
                                                          "windows-1256", "utf-8"]  # fmt: skip
    assert records[-1]["source"]["format"] == "html"
    for record in records:
        _check_spans(record)
    # same text in another encoding: same facts, but ids keyed to the input bytes
    kinds = [[(f["kind"], f["span"]) for f in r["facts"]] for r in records[:4]]
    assert kinds[1:] == kinds[:1] * 3
    assert records[0]["facts"][0]["id"] != records[1]["facts"][0]["id"]


def test_cli_extract_jsonl_stdin_and_output_file(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.encode("utf-8"))))
    assert main(["extract", str(INPUTS / "scraped.jsonl"), "-", "-o", str(out)]) == 0
    records = _records(out.read_text(encoding="utf-8"))
    assert [(r["source"]["path"], r["source"].get("line")) for r in records] == [
        (str(INPUTS / "scraped.jsonl"), 1), (str(INPUTS / "scraped.jsonl"), 2), ("<stdin>", None)
    ]  # fmt: skip
    assert records[0]["source"]["id"] == "fars_13910716000788" and "url" not in records[0]["source"]
    for record in records[:2]:
        _check_spans(record)
    assert capsys.readouterr().out == ""


def test_cli_extract_malformed_jsonl_gives_error_records_and_goes_on(capsys):
    assert main(["extract", str(INPUTS / "malformed.jsonl")]) == 1
    captured = capsys.readouterr()
    records = _records(captured.out)
    assert [(r["source"]["line"], r.get("error", {}).get("code")) for r in records] == [
        (1, None), (2, "bad_json"), (4, "bad_record"), (5, "bad_record"), (6, None)
    ]  # fmt: skip
    assert "malformed.jsonl:2: bad_json: malformed JSON" in captured.err


@pytest.mark.parametrize("name, code", sorted(BAD.items()))
def test_cli_extract_bad_input(name, code, capsys):
    assert main(["extract", str(INPUTS / name), str(SEED_PATH)]) == 1
    captured = capsys.readouterr()
    error, good = _records(captured.out)
    assert error["error"]["code"] == code and error["source"]["path"] == str(INPUTS / name)
    assert good["facts"]
    assert f"{name}: {code}: " in captured.err


def test_cli_extract_size_limit_and_missing_file(tmp_path, capsys):
    assert main(["extract", "--max-bytes", "1000", str(SEED_PATH), str(tmp_path / "missing.txt")]) == 1
    big, missing = _records(capsys.readouterr().out)
    assert big["error"]["code"] == "too_large" and "over the limit of 1,000 bytes" in big["error"]["message"]
    assert missing["error"]["code"] == "not_found"


def _batch(*args: str) -> int:
    return main(["batch", "--quiet", *args])


def test_cli_batch_fixtures_reconcile_and_validate(tmp_path, capsys):
    db, out, csv_dir = tmp_path / "k.sqlite", tmp_path / "all.jsonl", tmp_path / "csv"
    assert _batch(str(INPUTS), "--db", str(db), "--jsonl", str(out), "--csv", str(csv_dir), "--jobs", "2") == 1
    err = capsys.readouterr().err
    records = _records(out.read_text(encoding="utf-8"))
    errors = [r for r in records if "error" in r]
    good = [r for r in records if "error" not in r]
    # every input is a record or an error: 6 good files + 2 JSON Lines files (2 + 2 good lines) | 4 bad files + 3 bad lines
    assert (len(good), len(errors)) == (10, 7)
    assert "inputs 17 = stored 10 (new 10, replaced 0, unchanged 0, skipped 0) + failed 7" in err
    for record in good:
        _check_spans(record)
    conn = _consistent(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 10
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 7
    assert sorted(c for (c,) in conn.execute("SELECT code FROM errors")) == sorted(
        ["empty", "empty", "binary", "undecodable", "bad_json", "bad_record", "bad_record"]
    )
    n_facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert n_facts == sum(len(r["facts"]) for r in good)
    with open(csv_dir / "facts.csv", encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == n_facts
    with open(csv_dir / "articles.csv", encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 10
    stored = json.loads(conn.execute("SELECT record FROM articles WHERE path LIKE '%utf16le%'").fetchone()[0])
    VALIDATOR.validate(stored)


def test_cli_batch_rerun_adds_nothing_and_jobs_keep_order(tmp_path, capsys):
    db = tmp_path / "k.sqlite"
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    args = [str(INPUTS / n) for n in GOOD] + [str(INPUTS / "scraped.jsonl")]
    assert _batch(*args, "--db", str(db), "--jobs", "1", "--jsonl", str(one)) == 0
    conn = sqlite3.connect(db)
    before = conn.execute("SELECT article_id, fact_id FROM facts ORDER BY 1, 2").fetchall()
    ids = conn.execute("SELECT id, source_key FROM articles ORDER BY id").fetchall()
    capsys.readouterr()
    assert _batch(*args, "--db", str(db), "--jobs", "2", "--jsonl", str(two)) == 0
    assert "inputs 8 = stored 8 (new 0, replaced 0, unchanged 8, skipped 0) + failed 0" in capsys.readouterr().err
    assert conn.execute("SELECT article_id, fact_id FROM facts ORDER BY 1, 2").fetchall() == before
    assert conn.execute("SELECT id, source_key FROM articles ORDER BY id").fetchall() == ids
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")  # stable order, same records
    three = tmp_path / "three.jsonl"
    assert _batch(*args, "--db", str(db), "--resume", "--jsonl", str(three)) == 0
    assert "skipped 8" in capsys.readouterr().err
    assert three.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")  # skipped come from the registry
    assert conn.execute("SELECT status FROM runs ORDER BY id").fetchall() == [("finished",)] * 3


def test_cli_batch_changed_file_replaces_its_rows(tmp_path, capsys):
    article = tmp_path / "a.txt"
    shutil.copy(SEED_PATH, article)
    db = tmp_path / "k.sqlite"
    assert _batch(str(article), "--db", str(db)) == 0
    conn = sqlite3.connect(db)
    old = set(conn.execute("SELECT fact_id FROM facts"))
    first_paragraphs = SEED.split("\n\n")
    article.write_text("\n\n".join(first_paragraphs[: len(first_paragraphs) // 2]), encoding="utf-8")
    capsys.readouterr()
    assert _batch(str(article), "--db", str(db), "--resume") == 0  # resume still notices the change
    assert "replaced 1" in capsys.readouterr().err
    new = set(conn.execute("SELECT fact_id FROM facts"))
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert not (old & new)  # ids follow the input bytes: every old row went
    _consistent(db)


def test_cli_facts_query(tmp_path, capsys):
    db = tmp_path / "k.sqlite"
    assert _batch(str(SEED_PATH), "--db", str(db)) == 0
    capsys.readouterr()
    assert main(["facts", "--db", str(db), "--limit", "3", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert 1 <= len(rows) <= 3
    for row in rows:
        assert SEED[row["span_start"] : row["span_end"]] == row["text"]
    assert main(["facts", "--db", str(tmp_path / "none.sqlite")]) == 2


def _jsonl_of_paragraphs(path: Path, copies: int) -> int:
    paragraphs = [p for p in SEED.split("\n\n") if len(p) > 80]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(copies):
            for p in paragraphs:
                fh.write(json.dumps({"id": f"{i}", "text": p}, ensure_ascii=False) + "\n")
    return copies * len(paragraphs)


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGINT"])
def test_cli_batch_killed_mid_run_stays_consistent_and_resumes(tmp_path, signal_name):
    import os
    import signal
    import time

    inputs = tmp_path / "many.jsonl"
    total = _jsonl_of_paragraphs(inputs, 100)
    db = tmp_path / "k.sqlite"
    cmd = [sys.executable, "-m", "khabar_extract.cli", "batch", str(inputs), "--db", str(db), "--jobs", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
        if stored >= 5:
            break
    assert proc.poll() is None, "the batch finished before it could be interrupted; give it more inputs"
    proc.send_signal(getattr(signal, signal_name))
    _, err = proc.communicate(timeout=60)
    if signal_name == "SIGINT":
        assert proc.returncode == 130 and b"--resume" in err
    else:
        assert proc.returncode == -signal.SIGKILL
        time.sleep(0.5)  # workers die with their parent (SIGIO at the end of their lifeline pipe)
        survivors = [p for p in os.listdir("/proc") if p.isdigit() and _cmdline(p).count(str(db))]
        assert survivors == []
    conn = _consistent(db)
    done = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 5 <= done < total
    status = conn.execute("SELECT status FROM runs").fetchone()[0]
    assert status == ("interrupted" if signal_name == "SIGINT" else "running")
    conn.close()
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"inputs {total} = stored {total} (new {total - done}, replaced 0, unchanged 0, skipped {done})" in resumed.stderr
    conn = _consistent(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == total


def _cmdline(pid: str) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().decode(errors="replace")
    except OSError:
        return ""


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    import os

    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()  # after "(command name)"
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def test_cli_parser_imports_nothing_heavy():
    code = (
        "import sys, khabar_extract.cli as c\nc.build_parser()\n"
        "print(','.join(m for m in ('sqlite3', 'multiprocessing', 'csv', 'khabar_extract.pipeline', 'regex',"
        " 'jdatetime', 'khabar_extract.reader') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_default_size_limit_matches_the_reader():
    from khabar_extract.commands.batch import DEFAULT_MAX_BYTES
    from khabar_extract.reader import MAX_BYTES

    assert DEFAULT_MAX_BYTES == MAX_BYTES == 10 * 1024 * 1024


def test_cli_batch_dead_worker_costs_one_input_not_the_run(tmp_path):
    import os
    import signal

    from khabar_extract.reader import iter_items
    from khabar_extract.records.runner import run_items

    inputs = tmp_path / "many.jsonl"
    total = _jsonl_of_paragraphs(inputs, 10)
    outcomes = run_items(iter_items([str(inputs)]), jobs=2, chunksize=4)
    first = next(outcomes)
    children = _children(os.getpid())
    assert len(children) == 2
    for pid in children:
        os.kill(pid, signal.SIGKILL)  # as the OOM killer would
    rest = list(outcomes)
    everything = [first, *rest]
    assert len(everything) == total
    assert [o.source["line"] for o in everything] == list(range(1, total + 1))  # input order kept
    failed = [o for o in everything if o.status == "error"]
    assert len(failed) <= 2  # at most the input each worker was reading when it died (none if it was idle)
    assert all(o.code == "extract_failed" and "worker process died" in o.message for o in failed)


def test_cli_batch_input_over_the_time_limit_becomes_an_error(tmp_path):
    from khabar_extract.reader import iter_items
    from khabar_extract.records.runner import run_items

    outcomes = list(run_items(iter_items([str(SEED_PATH), str(INPUTS / "scraped.jsonl")]), jobs=2, item_timeout=0.001))
    assert [o.source.get("line") for o in outcomes] == [None, 1, 2]  # every input accounted for, in order
    timed_out = [o for o in outcomes if o.status == "error"]
    assert timed_out and all("took longer than 0 s" in o.message for o in timed_out)
    assert all(o.status in ("ok", "error") for o in outcomes)  # a worker that answers in time keeps its record


def test_cli_extract_glob_and_folder(tmp_path, capsys):
    folder = tmp_path / "news" / "2024"
    folder.mkdir(parents=True)
    shutil.copy(SEED_PATH, folder / "a.txt")
    shutil.copy(INPUTS / "irna_85414319.html", folder / "b.html")
    (folder / "index.tsv").write_text("not an article", encoding="utf-8")
    assert main(["extract", str(INPUTS / "irna_85414319.utf16*.txt"), str(tmp_path / "news")]) == 0
    records = _records(capsys.readouterr().out)
    assert [Path(r["source"]["path"]).name for r in records] == [
        "irna_85414319.utf16be.txt", "irna_85414319.utf16le.txt", "a.txt", "b.html"
    ]  # fmt: skip
    assert records[3]["source"]["format"] == "html"


def test_cli_batch_never_reads_its_own_outputs(tmp_path, capsys):
    shutil.copy(SEED_PATH, tmp_path / "a.txt")
    args = [str(tmp_path), "--db", str(tmp_path / "k.sqlite"), "--jsonl", str(tmp_path / "out.jsonl"),
            "--csv", str(tmp_path), "--include-text"]  # fmt: skip
    assert _batch(*args) == 0
    assert _batch(*args) == 0  # out.jsonl (records with their text) must not come back as inputs
    assert "inputs 1 = stored 1 (new 0, replaced 0, unchanged 1, skipped 0)" in capsys.readouterr().err
    (record,) = _records((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["text"] == SEED


def test_cli_batch_no_text_and_csv_after_resume(tmp_path, capsys):
    db = tmp_path / "k.sqlite"
    assert _batch(str(SEED_PATH), "--db", str(db), "--no-text") == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT text FROM articles").fetchall() == [(None,)]
    n_facts = conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert _batch(str(SEED_PATH), "--db", str(db), "--resume", "--csv", str(tmp_path / "csv")) == 0
    with open(tmp_path / "csv" / "facts.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n_facts and all(SEED[int(r["span_start"]) : int(r["span_end"])] == r["text"] for r in rows)
    capsys.readouterr()
    assert main(["facts", "--db", str(db), "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(line.startswith("irna_85414319.txt\t") for line in lines)


def test_cli_normalize_detects_the_encoding_and_reports_fixes(capsys):
    assert main(["normalize", str(INPUTS / "irna_85414319.cp1256.txt"), str(INPUTS / "irna_85414319.txt")]) == 0
    cp1256, utf8 = capsys.readouterr().out.splitlines()
    assert "(windows-1256)" in cp1256 and "fold_arabic_letters" in cp1256
    # the same article in two encodings gives the same normalised length
    assert cp1256.split(": ", 1)[1].split(";")[0] == utf8.split(": ", 1)[1].split(";")[0]


def test_cli_normalize_text_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("گروه های جهادی میکنند".encode())))
    assert main(["normalize", "--text", "-"]) == 0
    assert capsys.readouterr().out == "گروه\N{ZERO WIDTH NON-JOINER}های جهادی می\N{ZERO WIDTH NON-JOINER}کنند"


def test_cli_normalize_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    code = main(["normalize", str(INPUTS / "empty.txt"), str(missing), str(INPUTS / "irna_85414319.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "empty.txt: error: empty" in err and "missing.txt: error:" in err
    assert out.startswith(str(INPUTS / "irna_85414319.txt") + ": 3538 -> ")
