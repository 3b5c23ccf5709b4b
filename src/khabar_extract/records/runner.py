"""Turn a stream of inputs into a stream of outcomes (record or error), in input order.

With ``jobs > 1`` the work (decoding, HTML conversion, the whole pipeline, serialisation, flattening)
runs in forked worker processes fed in chunks, with at most ``jobs * chunksize * 4`` inputs read ahead, so
memory stays flat however many inputs there are. A busy worker already holds its next (small) chunk, so it
never waits for the parent, which shares the cores with the workers (hashing, registry writes). The parent
reads and hashes the files only for ``--resume`` (the workers read them otherwise: ``iter_items(...,
deferred=True)``) and writes the outputs. ``multiprocessing.Pool`` is not used: it hangs when
a worker dies, and its helper threads can deadlock on terminate; here a dead or stuck worker costs one
input (an ``extract_failed`` error) and is replaced: each worker writes in a small shared slot which input
it is on and since when, so the parent knows the culprit without a message per input.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..reader import InputError, Item, load_item, prepare
from . import error_record
from .flat import NULL, flatten

__all__ = ["Outcome", "process_item", "run_items", "default_jobs"]


@dataclass
class Outcome:
    """What became of one input. ``status`` is ``ok`` (a record), ``error`` or ``skipped`` (``--resume``).

    Built for the registry in a worker, so that the parent only passes it on: ``record_json`` (the record
    or error record) and ``text`` are UTF-8 bytes (no decoding in the parent; the registry stores them as
    text as they are), and a missing value in ``fact_rows`` / ``turn_rows`` is :data:`~.flat.NULL`."""

    key: str
    source: dict[str, Any]
    status: str
    record_json: bytes | None = None
    article: dict[str, Any] | None = None
    fact_rows: list[tuple] = field(default_factory=list)
    turn_rows: list[tuple] = field(default_factory=list)
    text: bytes | None = None
    code: str | None = None
    message: str | None = None

    @property
    def kinds(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for row in self.fact_rows:
            counts[row[1]] = counts.get(row[1], 0) + 1
        return counts


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def process_item(item: Item, *, include_text: bool = False, keep_text: bool = False) -> Outcome:
    """Decode and extract one input; never raises for a bad input (it becomes an ``error`` outcome)."""
    from ..pipeline import extract

    item = load_item(item)  # a file the parent left unread (deferred): read and hashed here, in the worker
    try:
        text, source, warnings = prepare(item)
    except InputError as exc:
        return _error(item.key, item.source, exc.code, exc.message)
    try:
        record = extract(text, source=source)
        record.warnings.extend(warnings)
        data = record.to_dict()
        if include_text:
            data["text"] = text
        record_json = _dumps(data)
        sha1 = hashlib.sha1(record_json).hexdigest()
        article, fact_rows, turn_rows = flatten(data, item.key, sha1, null=NULL)
        kept = text.encode() if keep_text else None
    except Exception as exc:  # one article that breaks a stage must not stop the batch
        return _error(item.key, source, "extract_failed", f"{type(exc).__name__}: {exc}")
    return Outcome(item.key, source, "ok", record_json, article, fact_rows, turn_rows, kept)


def _error(key: str, source: dict[str, Any], code: str, message: str) -> Outcome:
    return Outcome(key, source, "error", _dumps(error_record(source, code, message)), code=code, message=message)


_OPTIONS: dict[str, bool] = {}


def _work(task: tuple[Item, bool]) -> Outcome:
    item, skip = task
    if skip:
        return Outcome(item.key, item.source, "skipped")
    return process_item(item, **_OPTIONS)


def _init_worker(options: dict[str, bool]) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills the workers
    try:  # Linux: die with the parent even when it is killed with SIGKILL
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # pragma: no cover - other platforms
        pass
    _OPTIONS.clear()
    _OPTIONS.update(options)


#: A tiny article touching every stage (title, dateline, money, percent, dates, an interview turn), so that
#: lazily built lexicons and patterns exist before the workers fork.
_WARM_TEXT = (
    "۲۱ اسفند ۱۴۰۲، ۷:۵۷\n\nعنوان خبر\n\nزنجان - ایرنا - ۱۲ روستا و ۲.۵ میلیارد تومان اعتبار، ۲۰ درصد بیشتر از سال گذشته."
    "\n\nایرنا. چند گروه جهادی فعال است؟\n\nهزار و ۳۹۰ گروه جهادی در ۵۷ روستا فعال هستند."
)


def _warm() -> None:
    """Load the pipeline and its lexicons once, before the first input (in the parent, so that forked workers
    start warm). The first time in a process, the cyclic garbage collector is off meanwhile: start-up builds
    only long-lived objects (modules, lexicons, compiled patterns), the collections their number triggers
    cost about 4 % of it (20 ms), and what it built is then frozen (``gc.freeze``: never scanned again)."""
    import gc
    import sys

    first = __package__.rpartition(".")[0] + ".pipeline" not in sys.modules
    collecting = gc.isenabled()
    if first:
        gc.disable()
    try:
        from ..pipeline import extract

        extract(_WARM_TEXT).to_dict()
    except Exception:  # a broken stage shows up per input as extract_failed
        pass
    finally:
        if first:
            gc.freeze()
            if collecting:
                gc.enable()


def run_items(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    skip: Callable[[], Callable[[Item], bool]] | None = None,
    include_text: bool = False,
    keep_text: bool = False,
    chunksize: int = 8,
    item_timeout: float = 600.0,
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in input order. ``skip`` is a factory (called once) whose result says which
    items are already stored and need no work.

    With ``jobs > 1`` the items go to ``jobs`` forked worker processes in chunks (at most ``chunksize`` items
    or 1 MB each), one chunk per worker at a time; each worker sends back one message per chunk (its
    outcomes), and the outcomes are yielded in input order. No helper threads: everything is driven from this generator, so
    an interruption simply kills the workers. A worker that dies (out of memory, a crash) or spends more than
    ``item_timeout`` seconds on one input is replaced, that input becomes an ``extract_failed`` error and
    the rest of its chunk is sent again."""
    options = {"include_text": include_text, "keep_text": keep_text}
    should_skip = skip() if skip else None

    def task(item: Item) -> tuple[Item, bool]:
        return item, bool(should_skip and item.error is None and should_skip(item))

    if jobs <= 1:
        _OPTIONS.clear()
        _OPTIONS.update(options)
        for item in items:  # no _warm(): `extract` of one short text compiles only the patterns it needs
            yield _work(task(item))
        return
    yield from _Parallel(jobs, options, chunksize, item_timeout).run(task(item) for item in items)


_CHUNK_BYTES = 1 << 20
#: A chunk handed to a worker that is still busy (prefetch) holds at most this many payload bytes, so that
#: it always fits in the empty socket buffer and the send never blocks (see _Parallel.run).
_PREFETCH_BYTES = 48 << 10


def _payload_size(item: Item) -> int:
    payload = item.payload
    if isinstance(payload, bytes):
        return len(payload)
    return 4 * len(payload) if isinstance(payload, str) else 0


#: The worker's shared slot: the input it is on, when it began it, and the first input of the last chunk read.
_ON, _SINCE, _READ = 0, 1, 2


def _worker_main(conn: Any, options: dict[str, bool], slot: Any) -> None:
    import time

    _init_worker(options)
    message = None
    while True:
        if message is None:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                return
            if message is None:
                return
        chunk, message = message, None
        slot[_READ] = chunk[0][0]
        answers = []
        for index, item, skip in chunk:
            slot[_SINCE] = time.monotonic()  # the time first, then the input: the parent reads them the other way
            slot[_ON] = index
            answers.append((index, _work((item, skip))))
        try:
            if conn.poll():  # a chunk queued while this one ran: take it before answering (see can_prefetch)
                message = conn.recv()
                if message is None:
                    conn.send(answers)
                    return
                slot[_READ] = message[0][0]
            conn.send(answers)  # one message per chunk: the parent wakes once per chunk, not once per input
        except (EOFError, OSError):
            return


class _Worker:
    def __init__(self, ctx: Any, options: dict[str, bool]) -> None:
        self.conn, child = ctx.Pipe()
        self.slot = ctx.RawArray("d", 3)  # written by the worker only (_ON, _SINCE, _READ)
        self.slot[_ON] = self.slot[_READ] = -1
        self.proc = ctx.Process(target=_worker_main, args=(child, options, self.slot), daemon=True)
        self.proc.start()
        child.close()
        self.inflight: list[tuple[int, Item, bool]] = []  # sent, not yet answered, in order
        self.since = 0.0  # when it last sent something or got work
        self.current = 0  # size of the chunk it is working on (the oldest one sent)
        self.current_small = False  # that chunk holds at most _PREFETCH_BYTES
        self.queued = 0  # size of the chunk sent while it was busy (0: none)
        self.prefetch = _prefetch_ok(self.conn)

    def can_prefetch(self) -> bool:
        """Busy, no chunk queued yet, and its chunk is small or read whole (the worker wrote the chunk's first
        index in the slot when it read it): the socket buffer then holds at most _PREFETCH_BYTES, and one
        more chunk of at most _PREFETCH_BYTES goes in without blocking."""
        if not self.prefetch or self.queued or not self.inflight:
            return False
        return self.current_small or self.slot[_READ] == self.inflight[0][0]

    def answered(self) -> None:
        if self.queued and len(self.inflight) <= self.queued:  # now working on the queued chunk (always small)
            self.current, self.current_small, self.queued = self.queued, True, 0

    def on(self) -> tuple[int, float] | None:
        """The input it is reading (position in ``inflight``) and when it began, if it is on one of its own."""
        index = self.slot[_ON]  # read before the time: the worker writes the time first
        began = self.slot[_SINCE]
        for position, (sent, _item, _skip) in enumerate(self.inflight):
            if sent == index:
                return position, began
        return None

    def deadline(self, limit: float) -> float:
        on = self.on()
        return max(self.since, on[1] if on else 0.0) + limit

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def _prefetch_ok(conn: Any) -> bool:
    """Whether chunks may be queued to a busy worker: the connection is a socket whose send buffer holds a
    prefetched chunk with room to spare (Linux: about 200 KB)."""
    try:
        import socket

        sock = socket.socket(fileno=os.dup(conn.fileno()))
        try:
            return sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) >= 3 * _PREFETCH_BYTES
        finally:
            sock.close()
    except (OSError, ValueError, AttributeError):
        return False


class _Poller:
    """``multiprocessing.connection.wait`` for the busy workers' pipes and process sentinels, with one
    ``select.poll`` object kept for the whole run (wait() builds and fills a new selector at every call, about
    two calls per input: a tenth of the parent's CPU in a two-job batch). Descriptors are registered and
    unregistered as workers become busy, idle or replaced."""

    def __init__(self, select_module: Any) -> None:
        self.select = select_module
        self.poll = select_module.poll()
        self.watched: set[int] = set()

    @classmethod
    def make(cls) -> _Poller | None:
        import select

        return cls(select) if hasattr(select, "poll") else None

    def has_data(self, conn: Any) -> bool:
        """``conn.poll()`` (a message can be read without blocking), without building a selector."""
        one = self.select.poll()
        one.register(conn.fileno(), self.select.POLLIN)
        return bool(one.poll(0))

    def wait(self, busy: list[_Worker], timeout: float) -> set[Any]:
        want = {w.conn.fileno() for w in busy} | {w.proc.sentinel for w in busy}
        for fd in self.watched - want:  # idle or replaced (a closed descriptor may be unregistered)
            self.poll.unregister(fd)
        for fd in want - self.watched:
            self.poll.register(fd, self.select.POLLIN)
        self.watched = want
        fds = {fd for fd, _event in self.poll.poll(max(0, math.ceil(timeout * 1000)))}
        ready: set[Any] = set()
        for w in busy:
            if w.conn.fileno() in fds:
                ready.add(w.conn)
            if w.proc.sentinel in fds:
                ready.add(w.proc.sentinel)
        return ready


class _Parallel:
    def __init__(self, jobs: int, options: dict[str, bool], chunksize: int, item_timeout: float) -> None:
        self.jobs, self.options, self.chunksize, self.item_timeout = jobs, options, chunksize, item_timeout
        self.window = jobs * chunksize * 4  # items read but not yet yielded, at most

    def _chunk_limit(self, left: int, exhausted: bool) -> int:
        """Items in the next chunk: ``chunksize``, and once the input is read to its end a share of what is
        left (guided self-scheduling), so that the workers finish together instead of one of them working
        through its last one or two full chunks while the other core idles."""
        if not exhausted:
            return self.chunksize
        return max(1, min(self.chunksize, -(-left // (2 * self.jobs))))

    def _spawn(self, ctx: Any) -> _Worker:
        import gc

        gc.freeze()  # forked workers share the warm pipeline's pages instead of copying them when the GC runs
        try:
            return _Worker(ctx, self.options)
        finally:
            gc.unfreeze()

    def run(self, tasks: Iterator[tuple[Item, bool]]) -> Iterator[Outcome]:
        import itertools
        import multiprocessing
        import time
        from collections import deque
        from multiprocessing.connection import wait

        poller = _Poller.make()

        first = next(tasks, None)
        if first is None:  # nothing to do: no start-up, no workers
            return
        tasks = itertools.chain([first], tasks)
        _warm()
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        workers = [self._spawn(ctx) for _ in range(self.jobs)]
        retry: deque[tuple[int, Item, bool]] = deque()  # re-sent first, one item per chunk
        done: dict[int, Outcome] = {}
        next_index = emit = 0
        exhausted = False
        ahead: deque[tuple[Item, bool]] = deque()  # read from tasks (within the window), not yet in a chunk
        try:
            while True:
                # hand a chunk to every idle worker, and a small next chunk to a busy one
                for i, w in enumerate(workers):
                    busy = bool(w.inflight)
                    if busy and (retry or not w.can_prefetch()):
                        continue
                    chunk: list[tuple[int, Item, bool]] = []
                    if retry:
                        chunk.append(retry.popleft())
                    else:
                        while not exhausted and next_index + len(ahead) - emit < self.window:
                            try:
                                ahead.append(next(tasks))
                            except StopIteration:
                                exhausted = True
                        limit = self._chunk_limit(len(ahead), exhausted)
                        size = 0
                        while ahead and len(chunk) < limit and (busy or size < _CHUNK_BYTES):
                            item, skip = ahead[0]
                            cost = 0 if skip else _payload_size(item)
                            if busy and size + cost > _PREFETCH_BYTES:
                                break  # kept for the next chunk
                            ahead.popleft()
                            chunk.append((next_index, item, skip))
                            size += cost
                            next_index += 1
                    if not chunk:
                        continue
                    if busy:
                        try:
                            w.conn.send(chunk)  # fits in the empty socket buffer (can_prefetch): never blocks
                        except OSError:  # it died: its own items are handled below, these go again
                            retry.extend(chunk)
                            continue
                        w.inflight.extend(chunk)
                        w.queued = len(chunk)
                        continue
                    try:
                        w.conn.send(chunk)  # the worker is idle, waiting in recv(): this cannot block for long
                    except OSError:  # it died while idle: replace it
                        w.stop()
                        w = workers[i] = self._spawn(ctx)
                        w.conn.send(chunk)
                    w.inflight = chunk
                    w.current, w.queued = len(chunk), 0
                    w.current_small = sum(_payload_size(it) for _, it, sk in chunk if not sk) <= _PREFETCH_BYTES
                    w.since = time.monotonic()
                # yield what is ready, in order
                while emit in done:
                    yield done.pop(emit)
                    emit += 1
                busy = [w for w in workers if w.inflight]
                if not busy:
                    if exhausted and not ahead and not retry:
                        break
                    continue
                now = time.monotonic()
                timeout = max(0.0, min(w.deadline(self.item_timeout) for w in busy) - now)
                if poller is None:
                    ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout)
                else:
                    ready = poller.wait(busy, timeout)
                now = time.monotonic()
                for i, w in enumerate(workers):
                    if not w.inflight:
                        continue
                    if w.conn in ready:
                        try:
                            while w.inflight and (w.conn.poll() if poller is None else poller.has_data(w.conn)):
                                for index, outcome in w.conn.recv():  # one chunk's outcomes, in order
                                    if w.inflight[0][0] == index:
                                        w.inflight.pop(0)
                                    done[index] = outcome
                                w.answered()
                                w.since = now
                            continue
                        except (EOFError, OSError):
                            pass  # died while sending: handled below
                        reason = "the worker process died while reading this input (out of memory or a crash)"
                    elif w.proc.sentinel in ready:
                        reason = "the worker process died while reading this input (out of memory or a crash)"
                    elif now >= w.deadline(self.item_timeout):
                        reason = f"reading this input took longer than {self.item_timeout:.0f} s; it was stopped"
                    else:
                        continue
                    if w.proc.is_alive() and w.conn.poll():
                        continue  # it answered after all
                    on = w.on()  # the input it was reading; the others of its chunks go again
                    position = on[0] if on else 0
                    index, item, _ = w.inflight.pop(position)
                    done[index] = _error(item.key, item.source, "extract_failed", reason)
                    retry.extendleft(reversed(w.inflight))
                    w.inflight = []
                    w.stop()
                    workers[i] = self._spawn(ctx)
        finally:
            for w in workers:
                w.stop()
