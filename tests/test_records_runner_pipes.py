"""The batch's workers are forked children talking over pipes, messages in marshal (pickle for what marshal
cannot write): a message comes back whole and equal, however large, and a parallel run gives the same
outcomes, field by field and type by type, as one process."""

from __future__ import annotations

import os
import threading
from decimal import Decimal
from pathlib import Path

from khabar_extract.reader import iter_items
from khabar_extract.records.runner import _Conn, run_items

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def test_records_runner_pipes_messages_come_back_whole():
    r, w = os.pipe()
    conn = _Conn(r, w)
    text = "گروه\N{ZERO WIDTH NON-JOINER}های جهادی " * 20_000  # about 600 KB: more than the pipe holds
    messages = [
        [(3, ("k", {"path": "a.txt", "line": None}, b"\x00\xff", ("empty", "no text"), 5), True)],
        [(0, (float("nan"), 2**80, -1.5, [1, (2, "۳")], {"x": None}, True))],
        {"amount": Decimal("2.5")},  # not marshal's: pickled
        text,
    ]
    received = []
    reader = threading.Thread(target=lambda: received.extend(conn.recv() for _ in messages))
    reader.start()
    for message in messages:
        conn.send(message)
    reader.join(30)
    conn.close()
    assert repr(received) == repr(messages)
    assert [type(x) for x in received[1][0][1]] == [float, int, float, list, dict, bool]


def test_records_runner_pipes_end_of_file_when_the_writer_is_gone():
    r, w = os.pipe()
    os.close(w)
    conn = _Conn(r, os.open(os.devnull, os.O_WRONLY))
    assert conn.poll()  # readable: the end of the file
    try:
        conn.recv()
    except EOFError:
        pass
    else:  # pragma: no cover
        raise AssertionError("no EOFError")
    finally:
        conn.close()


def test_records_runner_pipes_parallel_outcomes_equal_one_process():
    paths = [str(INPUTS)]
    one = list(run_items(iter_items(paths), jobs=1, keep_text=True))
    two = list(run_items(iter_items(paths, deferred=True), jobs=2, keep_text=True, chunksize=2))
    assert len(one) == len(two) > 5 and any(o.status == "error" for o in one)
    for a, b in zip(one, two, strict=True):
        assert repr(vars(a)) == repr(vars(b))  # NaN stands for NULL in rows: compared by repr
        assert [type(v) for v in vars(a).values()] == [type(v) for v in vars(b).values()]
        for ra, rb in zip(a.fact_rows, b.fact_rows, strict=True):
            assert [type(v) for v in ra] == [type(v) for v in rb]


_ORPHAN = """
import os, signal, sys, time
from khabar_extract.records.runner import _die_with_parent
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)  # the test's output pipe must end with the parent
    os.dup2(null, 2)
    _die_with_parent(r)
    end = time.monotonic() + 20
    while time.monotonic() < end:  # busy, as on a stuck input: never reads its pipes
        pass
    os._exit(0)
print(pid, flush=True)
time.sleep(0.2)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_records_runner_pipes_a_busy_worker_dies_with_its_killed_parent():
    import signal
    import subprocess
    import sys
    import time

    out = subprocess.run([sys.executable, "-c", _ORPHAN], capture_output=True, text=True, timeout=60)
    assert out.returncode == -signal.SIGKILL
    pid = int(out.stdout.split()[0])
    deadline = time.monotonic() + 5
    state = "R"
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0].decode()
        except OSError:
            state = "gone"
        if state in ("Z", "gone"):
            break
        time.sleep(0.05)
    if state not in ("Z", "gone"):  # pragma: no cover - clean up before failing
        os.kill(pid, signal.SIGKILL)
    assert state in ("Z", "gone")


def test_records_runner_pipes_workers_are_forked_as_there_is_work(monkeypatch):
    from khabar_extract.records import runner

    spawned = []
    spawn = runner._Parallel._spawn

    def spy(self, others):
        spawned.append(len(others))
        return spawn(self, others)

    monkeypatch.setattr(runner._Parallel, "_spawn", spy)
    one = list(run_items(iter_items([str(INPUTS / "irna_85414319.txt")]), jobs=2))
    assert [o.status for o in one] == ["ok"] and spawned == [0]  # one input: one worker
    spawned.clear()
    many = list(run_items(iter_items([str(INPUTS)], deferred=True), jobs=2, chunksize=2))
    assert len(many) > 5 and spawned == [0, 1]  # the second once the first has its chunk
