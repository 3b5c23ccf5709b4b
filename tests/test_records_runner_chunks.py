"""Once the input is read to its end, the batch runner hands out smaller and smaller chunks (a share of what
is left), so both workers finish together; outcomes and their order are unchanged."""

import json
from pathlib import Path

from khabar_extract.reader import iter_items
from khabar_extract.records import runner
from khabar_extract.records.runner import run_items

SEED = (Path(__file__).parent / "fixtures" / "inputs" / "irna_85414319.txt").read_text(encoding="utf-8")


def test_records_runner_chunks_shrink_at_the_end(tmp_path, monkeypatch):
    paragraphs = [p for p in SEED.split("\n\n") if len(p) > 60]
    lines = [{"id": str(i), "text": p} for i, p in enumerate(paragraphs * 6)]
    inputs = tmp_path / "many.jsonl"
    inputs.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    limits = []
    limit = runner._Parallel._chunk_limit

    def spy(self, left, exhausted):
        n = limit(self, left, exhausted)
        limits.append((exhausted, n))
        return n

    monkeypatch.setattr(runner._Parallel, "_chunk_limit", spy)
    one = list(run_items(iter_items([str(inputs)]), jobs=1))
    two = list(run_items(iter_items([str(inputs)]), jobs=2, chunksize=4))
    assert [o.record_json for o in two] == [o.record_json for o in one]
    assert [o.source["line"] for o in two] == list(range(1, len(lines) + 1))
    assert (False, 4) in limits and (True, 1) in limits  # full chunks while reading, single items at the end
    tail = [n for exhausted, n in limits if exhausted]
    assert tail == sorted(tail, reverse=True)
    par = runner._Parallel(2, {}, 8, 60.0)
    assert [par._chunk_limit(left, True) for left in (64, 32, 20, 9, 4, 1, 0)] == [8, 8, 5, 3, 1, 1, 1]
    assert par._chunk_limit(3, False) == 8
