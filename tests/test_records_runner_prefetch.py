"""The batch runner queues a small next chunk to a busy worker (so it never waits for the parent); outcomes
stay the same and in input order, and an input too big to queue still goes to an idle worker."""

import json
from pathlib import Path

from khabar_extract.reader import iter_items
from khabar_extract.records import runner
from khabar_extract.records.runner import run_items

SEED = (Path(__file__).parent / "fixtures" / "inputs" / "irna_85414319.txt").read_text(encoding="utf-8")


def _inputs(path: Path) -> int:
    paragraphs = [p for p in SEED.split("\n\n") if len(p) > 80]
    lines = [{"id": str(i), "text": p} for i, p in enumerate(paragraphs * 3)]
    big = "\n\n".join([SEED] * 8)  # over _PREFETCH_BYTES: only sent to an idle worker
    assert 4 * len(big) > runner._PREFETCH_BYTES
    lines.insert(5, {"id": "big", "text": big})
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return len(lines)


def test_records_runner_prefetch_keeps_outcomes_and_order(tmp_path, monkeypatch):
    inputs = tmp_path / "many.jsonl"
    total = _inputs(inputs)
    queued = []
    can = runner._Worker.can_prefetch

    def spy(self):
        ok = can(self)
        queued.append(ok)
        return ok

    monkeypatch.setattr(runner._Worker, "can_prefetch", spy)
    one = list(run_items(iter_items([str(inputs)]), jobs=1))
    two = list(run_items(iter_items([str(inputs)]), jobs=2, chunksize=3))
    assert any(queued)  # some chunks were queued to busy workers
    assert len(one) == len(two) == total
    assert [o.source["line"] for o in two] == list(range(1, total + 1))
    assert [o.record_json for o in two] == [o.record_json for o in one]
    assert all(o.status == "ok" for o in two)
