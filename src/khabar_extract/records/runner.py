"""Turn a stream of inputs into a stream of outcomes (record or error), in input order.

With ``jobs > 1`` the work (decoding, HTML conversion, the whole pipeline, serialisation, flattening)
runs in a ``multiprocessing`` pool fed through ``imap`` in chunks; a semaphore keeps at most
``jobs * chunksize * 4`` inputs in flight, so memory stays flat however many inputs there are. The parent
only reads files (to hash them) and writes the outputs.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..reader import InputError, Item, prepare
from . import error_record
from .flat import flatten

__all__ = ["Outcome", "process_item", "run_items", "default_jobs"]


@dataclass
class Outcome:
    """What became of one input. ``status`` is ``ok`` (a record), ``error`` or ``skipped`` (``--resume``)."""

    key: str
    source: dict[str, Any]
    status: str
    record_json: str | None = None
    article: dict[str, Any] | None = None
    fact_rows: list[tuple] = field(default_factory=list)
    turn_rows: list[tuple] = field(default_factory=list)
    text: str | None = None
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


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def process_item(item: Item, *, include_text: bool = False, keep_text: bool = False) -> Outcome:
    """Decode and extract one input; never raises for a bad input (it becomes an ``error`` outcome)."""
    from ..pipeline import extract

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
        article, fact_rows, turn_rows = flatten(data, item.key, hashlib.sha1(record_json.encode()).hexdigest())
    except Exception as exc:  # one article that breaks a stage must not stop the batch
        return _error(item.key, source, "extract_failed", f"{type(exc).__name__}: {exc}")
    return Outcome(
        item.key, source, "ok", record_json, article, fact_rows, turn_rows, text if keep_text else None
    )


def _error(key: str, source: dict[str, Any], code: str, message: str) -> Outcome:
    return Outcome(key, source, "error", _dumps(error_record(source, code, message)), code=code, message=message)


_OPTIONS: dict[str, bool] = {}


def _work(task: tuple[Item, bool]) -> Outcome:
    item, skip = task
    if skip:
        return Outcome(item.key, item.source, "skipped")
    return process_item(item, **_OPTIONS)


def _work_chunk(tasks: list[tuple[Item, bool]]) -> list[Outcome]:
    return [_work(task) for task in tasks]


def _chunks(tasks: Iterator[tuple[Item, bool]], size: int) -> Iterator[list[tuple[Item, bool]]]:
    chunk: list[tuple[Item, bool]] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _init_worker(options: dict[str, bool]) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and terminates the pool
    try:  # Linux: die with the parent even when it is killed with SIGKILL
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # pragma: no cover - other platforms
        pass
    _OPTIONS.clear()
    _OPTIONS.update(options)


def _warm() -> None:
    """Load the pipeline and its lexicons once in the parent so forked workers start warm."""
    try:
        from ..pipeline import extract

        extract("۱۲ روستا در ۲۱ اسفند ۱۴۰۲").to_dict()
    except Exception:  # a broken stage shows up per input as extract_failed
        pass


def run_items(
    items: Iterable[Item],
    *,
    jobs: int = 1,
    skip: Callable[[], Callable[[Item], bool]] | None = None,
    include_text: bool = False,
    keep_text: bool = False,
    chunksize: int = 8,
    stall_timeout: float = 600.0,
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in input order. ``skip`` is a factory called in the thread that reads the
    inputs (so it may open its own database connection); its result says which items to skip.

    ``multiprocessing.Pool`` waits forever for a task whose worker died (killed by the OOM killer, say): when
    no outcome arrives for ``stall_timeout`` seconds the run stops with a ``RuntimeError`` instead."""
    options = {"include_text": include_text, "keep_text": keep_text}
    if jobs <= 1:
        should_skip = skip() if skip else None
        _OPTIONS.clear()
        _OPTIONS.update(options)
        for item in items:
            yield _work((item, bool(should_skip and item.error is None and should_skip(item))))
        return

    import multiprocessing

    _warm()
    window = threading.Semaphore(jobs * chunksize * 4)
    stop = threading.Event()

    def feed() -> Iterator[tuple[Item, bool]]:
        should_skip = skip() if skip else None
        for item in items:
            while not window.acquire(timeout=0.5):
                if stop.is_set():
                    return
            if stop.is_set():
                return
            yield item, bool(should_skip and item.error is None and should_skip(item))

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    import gc

    gc.freeze()  # forked workers share the warm pipeline's pages instead of copying them when the GC runs
    try:
        pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(options,))
    finally:
        gc.unfreeze()
    try:
        results = pool.imap(_work_chunk, _chunks(feed(), chunksize))
        while True:
            try:
                chunk = results.next(timeout=stall_timeout)
            except StopIteration:
                break
            except multiprocessing.TimeoutError:
                raise RuntimeError(
                    f"no result for {stall_timeout:.0f} s: a worker died (out of memory?) or one article takes "
                    "far too long; what was stored is consistent, rerun with --resume (or --jobs 1 to find it)"
                ) from None
            for outcome in chunk:
                window.release()
                yield outcome
        pool.close()
        pool.join()
    finally:
        stop.set()
        pool.terminate()
        pool.join()
