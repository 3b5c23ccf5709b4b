"""Turn a stream of inputs into a stream of outcomes (record or error), in input order.

With ``jobs > 1`` the work (decoding, HTML conversion, the whole pipeline, serialisation, flattening)
runs in forked worker processes fed in chunks, with at most ``jobs * chunksize * 4`` inputs read ahead, so
memory stays flat however many inputs there are. A busy worker already holds its next (small) chunk, so it
never waits for the parent, which shares the cores with the workers (hashing, registry writes). The parent
reads and hashes the files only for ``--resume`` (the workers read them otherwise: ``iter_items(...,
deferred=True)``) and writes the outputs. ``multiprocessing.Pool`` is not used: it hangs when
a worker dies, and its helper threads can deadlock on terminate; here a dead or stuck worker costs one
input (an ``extract_failed`` error) and is replaced: each worker writes in a small shared slot which input
it is on and since when, so the parent knows the culprit without a message per input. Nor is
``multiprocessing`` at all: the workers are ``os.fork`` children talking over two pipes each (messages in
``marshal``), which a two-job run starts about 20 ms sooner (see :class:`_Conn`); where ``os.fork`` does not
exist (Windows), everything runs in one process.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from operator import attrgetter
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
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the CLI's handler (it raises KeyboardInterrupt)
    _OPTIONS.clear()
    _OPTIONS.update(options)


def _die_with_parent(lifeline: int) -> None:
    """End this worker as soon as its parent ends, even killed with SIGKILL and however busy the worker is.
    ``lifeline`` is the read end of a pipe whose only write end the parent holds (nothing is ever written):
    when the last writer of a pipe closes it, Linux sends SIGIO, whose default action ends the process, to
    the owner of an ``O_ASYNC`` read end. This does what ``prctl(PR_SET_PDEATHSIG)`` did without importing
    ``ctypes`` (about 9 ms in every worker). Elsewhere, an idle worker still ends at the end of its pipe."""
    try:
        import fcntl
        import signal

        signal.signal(signal.SIGIO, signal.SIG_DFL)
        fcntl.fcntl(lifeline, fcntl.F_SETOWN, os.getpid())
        fcntl.fcntl(lifeline, fcntl.F_SETFL, fcntl.fcntl(lifeline, fcntl.F_GETFL) | os.O_ASYNC)
    except (ImportError, AttributeError, OSError, ValueError):  # pragma: no cover - not Linux
        pass


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

    if jobs <= 1 or not hasattr(os, "fork"):  # one process where workers cannot be forked (Windows)
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


def _encode(obj: Any) -> bytes:
    """A message as bytes: ``marshal`` (chunks and outcomes are tuples, lists and dicts of str, bytes, int,
    float and None: about a third faster than pickle both ways, and built in), pickle for anything else."""
    import marshal

    try:
        return b"M" + marshal.dumps(obj)
    except ValueError:  # an object marshal cannot write (records are JSON-ready, so never seen in practice)
        import pickle

        return b"P" + pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)


def _decode(data: bytes | bytearray) -> Any:
    import marshal

    body = memoryview(data)[1:]
    if data[:1] == b"M":
        return marshal.loads(body)
    import pickle

    return pickle.loads(body)


class _Conn:
    """One end of a worker's two pipes (parent to worker, worker to parent): whole messages, each a 4-byte
    length then :func:`_encode`'s bytes. Plain pipes, not ``multiprocessing``: importing it and its shared
    memory (``ctypes``) cost about 25 ms before the first worker could start, which a one-job run never
    pays. A reader sees the end of the file when the process at the other end is gone."""

    def __init__(self, rfd: int, wfd: int) -> None:
        self.rfd, self.wfd = rfd, wfd

    def fileno(self) -> int:
        return self.rfd

    def send(self, obj: Any) -> None:
        data = _encode(obj)
        view = memoryview(len(data).to_bytes(4, "little") + data)
        while view:
            view = view[os.write(self.wfd, view) :]

    def recv(self) -> Any:
        return _decode(self._read(int.from_bytes(self._read(4), "little")))

    def _read(self, size: int) -> bytearray:
        buf = bytearray(size)
        view = memoryview(buf)
        got = 0
        while got < size:
            n = os.readv(self.rfd, [view[got:]])
            if n == 0:
                raise EOFError("the other end is gone")
            got += n
        return buf

    def poll(self) -> bool:
        """Can a message be read without waiting (or the end of the file)?"""
        import select

        if not hasattr(select, "poll"):  # pragma: no cover - platforms without poll
            return bool(select.select([self.rfd], [], [], 0)[0])
        one = select.poll()
        one.register(self.rfd, select.POLLIN)
        return bool(one.poll(0))

    def close(self) -> None:
        """Close both ends (once: a descriptor number closed twice may meanwhile belong to a new pipe)."""
        for fd in (self.rfd, self.wfd):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self.rfd = self.wfd = -1


def _worker_main(conn: _Conn, options: dict[str, bool], slot: Any) -> None:
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
        for index, item_fields, skip in chunk:
            slot[_SINCE] = time.monotonic()  # the time first, then the input: the parent reads them the other way
            slot[_ON] = index
            outcome = _work((Item(*item_fields), skip))
            answers.append((index, _OUTCOME_FIELDS(outcome)))
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


#: An input's and an outcome's fields in order, as sent between the processes (``Item(*fields)``).
_ITEM_FIELDS = attrgetter(*(f.name for f in fields(Item)))
_OUTCOME_FIELDS = attrgetter(*(f.name for f in fields(Outcome)))


#: What the pipes to and from a worker are grown to hold, where the system allows (Linux: 64 KB by default).
_PIPE_BYTES = 1 << 20


def _grow_pipe(fd: int) -> int:
    """Grow the pipe to hold ``_PIPE_BYTES`` if the system allows; what it holds (0: unknown)."""
    try:
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
        except OSError:  # over /proc/sys/fs/pipe-max-size: keep the default
            pass
        return fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
    except (ImportError, AttributeError, OSError):  # not Linux
        return 0


class _Worker:
    """A forked worker process, its pipes and its shared slot (an anonymous shared memory map of three
    doubles, written by the worker only)."""

    def __init__(self, options: dict[str, bool], others: list[_Worker]) -> None:
        import mmap

        down_r, down_w = os.pipe()  # parent -> worker
        up_r, up_w = os.pipe()  # worker -> parent
        life_r, self.lifeline = os.pipe()  # see _die_with_parent
        self.slot: Any = memoryview(mmap.mmap(-1, 3 * 8)).cast("d")  # _ON, _SINCE, _READ
        self.slot[_ON] = self.slot[_READ] = -1.0
        # The pipe to the worker holds three prefetched chunks, so that one more always goes in without
        # blocking; the one from it a chunk's outcomes (about 100 KB for 8 news articles), so that the worker
        # sends them and goes on with its next chunk without waiting for the parent to read them.
        self.prefetch = _grow_pipe(down_w) >= 3 * _PREFETCH_BYTES + 4096
        _grow_pipe(up_w)
        self.pid = os.fork()
        if self.pid == 0:  # the worker: never returns into the parent's code
            code = 1
            try:
                for fd in (down_w, up_r, self.lifeline):
                    os.close(fd)
                for other in others:  # inherited ends of the other workers' pipes
                    other.close()
                _die_with_parent(life_r)
                _worker_main(_Conn(down_r, up_w), options, self.slot)
                code = 0
            except Exception:
                import traceback

                traceback.print_exc()
            finally:
                os._exit(code)
        for fd in (down_r, up_w, life_r):
            os.close(fd)
        self.conn = _Conn(up_r, down_w)
        self.exited = False
        self.inflight: list[tuple[int, Item, bool]] = []  # sent, not yet answered, in order
        self.since = 0.0  # when it last sent something or got work
        self.current = 0  # size of the chunk it is working on (the oldest one sent)
        self.current_small = False  # that chunk holds at most _PREFETCH_BYTES
        self.queued = 0  # size of the chunk sent while it was busy (0: none)

    def send(self, chunk: list[tuple[int, Item, bool]]) -> None:
        self.conn.send([(index, _ITEM_FIELDS(item), skip) for index, item, skip in chunk])

    def receive(self) -> list[tuple[int, Outcome]]:
        return [(index, Outcome(*fields)) for index, fields in self.conn.recv()]

    def can_prefetch(self) -> bool:
        """Busy, no chunk queued yet, and its chunk is small or read whole (the worker wrote the chunk's first
        index in the slot when it read it): the pipe then holds at most _PREFETCH_BYTES, and one more chunk
        of at most _PREFETCH_BYTES goes in without blocking."""
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

    def is_alive(self) -> bool:
        if not self.exited and os.waitpid(self.pid, os.WNOHANG)[0] != 0:
            self.exited = True
        return not self.exited

    def stop(self) -> None:
        """Kill it (if it still runs), wait for it (at most 5 s) and close its pipes."""
        import signal
        import time

        if self.is_alive():
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            give_up = time.monotonic() + 5.0
            while self.is_alive() and time.monotonic() < give_up:
                time.sleep(0.001)
        self.close()

    def close(self) -> None:
        """Close the parent's ends of its pipes (the lifeline last: closing it ends a worker still running)."""
        self.conn.close()
        if self.lifeline >= 0:
            try:
                os.close(self.lifeline)
            except OSError:
                pass
            self.lifeline = -1


class _Poller:
    """Waits on the busy workers' pipes with one ``select.poll`` object kept for the whole run (building and
    filling a selector at every wait, about two per input, cost a tenth of the parent's CPU in a two-job
    batch); descriptors are registered and unregistered as workers become busy, idle or replaced. A worker
    that dies shows as the end of its pipe. ``select.select`` where there is no ``poll``."""

    def __init__(self) -> None:
        import select

        self.select = select
        self.poll = select.poll() if hasattr(select, "poll") else None
        self.watched: set[int] = set()

    def wait(self, busy: list[_Worker], timeout: float) -> set[_Worker]:
        by_fd = {w.conn.fileno(): w for w in busy}
        if self.poll is None:  # pragma: no cover - platforms without poll
            return {by_fd[fd] for fd in self.select.select(list(by_fd), [], [], timeout)[0]}
        want = set(by_fd)
        for fd in self.watched - want:  # idle or replaced (a closed descriptor may be unregistered)
            self.poll.unregister(fd)
        for fd in want - self.watched:
            self.poll.register(fd, self.select.POLLIN)
        self.watched = want
        return {by_fd[fd] for fd, _event in self.poll.poll(max(0, math.ceil(timeout * 1000))) if fd in by_fd}


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

    def _spawn(self, others: list[_Worker]) -> _Worker:
        """A new worker; ``others`` are the live workers, whose pipe ends it must not keep open."""
        import gc
        import sys

        for stream in (sys.stdout, sys.stderr):  # or the worker would write what they hold a second time
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        gc.freeze()  # forked workers share the warm pipeline's pages instead of copying them when the GC runs
        try:
            return _Worker(self.options, others)
        finally:
            gc.unfreeze()

    def run(self, tasks: Iterator[tuple[Item, bool]]) -> Iterator[Outcome]:
        import itertools
        import time
        from collections import deque

        poller = _Poller()

        first = next(tasks, None)
        if first is None:  # nothing to do: no start-up, no workers
            return
        tasks = itertools.chain([first], tasks)
        _warm()
        workers = [self._spawn([])]  # the others once it has its first chunk (see below)
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
                            w.send(chunk)  # fits in the pipe, which holds at most one small chunk (can_prefetch)
                        except OSError:  # it died: its own items are handled below, these go again
                            retry.extend(chunk)
                            continue
                        w.inflight.extend(chunk)
                        w.queued = len(chunk)
                        continue
                    try:
                        w.send(chunk)  # the worker is idle, waiting in recv(): this cannot block for long
                    except OSError:  # it died while idle: replace it
                        w.stop()
                        w = workers[i] = self._spawn([x for x in workers if x is not w])
                        w.send(chunk)
                    w.inflight = chunk
                    w.current, w.queued = len(chunk), 0
                    w.current_small = sum(_payload_size(it) for _, it, sk in chunk if not sk) <= _PREFETCH_BYTES
                    w.since = time.monotonic()
                # yield what is ready, in order
                while emit in done:
                    yield done.pop(emit)
                    emit += 1
                if len(workers) < self.jobs and (ahead or retry or not exhausted):
                    # one more worker, forked once the others have work: each fork takes a few ms, and the
                    # first worker starts that much sooner; a run with one chunk of input forks only one
                    workers.append(self._spawn(workers))
                    continue
                busy = [w for w in workers if w.inflight]
                if not busy:
                    if exhausted and not ahead and not retry:
                        break
                    continue
                now = time.monotonic()
                timeout = max(0.0, min(w.deadline(self.item_timeout) for w in busy) - now)
                ready = poller.wait(busy, timeout)
                now = time.monotonic()
                for i, w in enumerate(workers):
                    if not w.inflight:
                        continue
                    if w in ready:
                        try:
                            while w.inflight and w.conn.poll():
                                for index, outcome in w.receive():  # one chunk's outcomes, in order
                                    if w.inflight[0][0] == index:
                                        w.inflight.pop(0)
                                    done[index] = outcome
                                w.answered()
                                w.since = now
                            continue
                        except (EOFError, OSError):
                            pass  # died (the end of its pipe), perhaps while sending: handled below
                        reason = "the worker process died while reading this input (out of memory or a crash)"
                    elif now >= w.deadline(self.item_timeout):
                        reason = f"reading this input took longer than {self.item_timeout:.0f} s; it was stopped"
                    else:
                        continue
                    if w.is_alive() and w.conn.poll():
                        continue  # it answered after all
                    on = w.on()  # the input it was reading; the others of its chunks go again
                    position = on[0] if on else 0
                    index, item, _ = w.inflight.pop(position)
                    done[index] = _error(item.key, item.source, "extract_failed", reason)
                    retry.extendleft(reversed(w.inflight))
                    w.inflight = []
                    w.stop()
                    workers[i] = self._spawn([x for x in workers if x is not w])
        finally:
            for w in workers:
                w.stop()
