"""``khabar-extract batch``: the main job. Extract every input into an SQLite registry (and optionally
JSON Lines / CSV exports), idempotently, in parallel, surviving bad inputs and interruptions.

``run_batch`` is the importable entry point (used by ``bench/batch.py``)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import IO, Any

#: Same value as ``khabar_extract.reader.MAX_BYTES`` (kept literal so ``--help`` imports nothing).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Records written to the registry together (at most this many, or held at most this long).
_FLUSH_ARTICLES = 32
_FLUSH_SECONDS = 0.25


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "batch",
        help="extract many articles into an SQLite registry (the main job)",
        description=(
            "Extract every input (files, folders walked recursively, globs, .jsonl files of scraped records "
            '{"id"?, "url"?, "text"}, - for stdin) into an SQLite registry with tables articles, facts, turns, '
            "errors and runs. Re-running adds nothing new; a changed file replaces its rows in one transaction; "
            "a bad input becomes one error row and the run goes on (exit status 1 if any input failed). "
            "Details: docs/cli.md."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, .jsonl files, or -")
    p.add_argument("--db", default="khabar.sqlite", help="SQLite registry (created on first use; default %(default)s)")
    p.add_argument("--jsonl", metavar="FILE", help="also write every record (and error record) as JSON Lines (- for stdout)")
    p.add_argument("--csv", metavar="DIR", help="also write DIR/facts.csv, DIR/articles.csv and DIR/errors.csv")
    p.add_argument("--resume", action="store_true", help="skip inputs already stored with the same sha256")
    p.add_argument("-j", "--jobs", type=int, default=0, help="worker processes (default: all cores)")
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="largest accepted article in bytes (file, or text of one JSON line; default %(default)s = 10 MiB)",
    )
    p.add_argument("--no-text", action="store_true", help="do not keep article texts in the registry")
    p.add_argument("--include-text", action="store_true", help="put the decoded text in each JSON Lines record")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no per-input error lines")
    p.set_defaults(func=run)


class Summary:
    """Counts of one run; ``inputs == stored + failed`` always holds."""

    def __init__(self, jobs: int = 1) -> None:
        self.inputs = self.new = self.replaced = self.unchanged = self.skipped = self.failed = self.facts = 0
        self.failures: dict[str, int] = {}
        self.facts_by_kind: dict[str, int] = {}
        self.seconds = 0.0
        self.jobs = jobs
        self.interrupted = False
        self.registry: dict[str, Any] = {}

    def to_dict(self) -> dict[str, Any]:
        return {**vars(self), "stored": self.stored, "rate": self.rate}

    @property
    def stored(self) -> int:
        return self.new + self.replaced + self.unchanged + self.skipped

    @property
    def rate(self) -> float:
        return self.inputs / self.seconds if self.seconds > 0 else 0.0

    def lines(self, db: str | None = None) -> list[str]:
        out = [
            f"inputs {self.inputs} = stored {self.stored} (new {self.new}, replaced {self.replaced}, "
            f"unchanged {self.unchanged}, skipped {self.skipped}) + failed {self.failed}"
            + (" [interrupted]" if self.interrupted else "")
        ]
        if self.failures:
            out.append("failures: " + ", ".join(f"{k} {v}" for k, v in sorted(self.failures.items())))
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.facts_by_kind.items(), key=lambda kv: -kv[1]))
        out.append(f"facts extracted: {self.facts}" + (f" ({kinds})" if kinds else ""))
        if self.registry and db:
            r = self.registry
            out.append(
                f"registry {db}: {r['articles']} articles, {r['facts']} facts, {r['turns']} turns, {r['errors']} errors"
            )
        out.append(f"time {self.seconds:.2f} s, {self.rate:.1f} inputs/s, {self.jobs} job(s)")
        return out


def run_batch(
    inputs: list[str],
    *,
    db: str | None = "khabar.sqlite",
    jsonl: str | IO[str] | None = None,
    csv: str | None = None,
    resume: bool = False,
    jobs: int = 0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_text: bool = True,
    include_text: bool = False,
    progress: bool | None = None,
    quiet: bool = False,
    stderr: IO[str] | None = None,
    argv: list[str] | None = None,
) -> Summary:
    """Run the batch job; returns the summary (also on Ctrl-C, with ``interrupted`` set).

    ``db=None`` writes no registry (``extract`` uses that); ``progress=None`` means "when stderr is a TTY".
    """
    import json
    import os

    from .. import __version__
    from ..reader import iter_items
    from ..records.flat import flatten
    from ..records.progress import Progress
    from ..records.runner import default_jobs, run_items

    stderr = stderr or sys.stderr
    started = time.perf_counter()
    summary = Summary(jobs=jobs or default_jobs())
    registry: Any = None
    run_id = None

    def open_registry() -> None:
        nonlocal registry, run_id
        from ..records.registry import Registry

        registry = Registry(db)
        run_id = registry.start_run(list(argv if argv is not None else sys.argv), __version__)

    # A parallel run opens the registry (creating it: 30-50 ms of file system syncs) once its workers are
    # busy, at the first outcome, so that the wait overlaps their work; --resume reads it before anything.
    open_late = db is not None and summary.jobs > 1 and not resume
    if db is not None and not open_late:
        open_registry()
    jsonl_writer = csv_writer = None
    if jsonl is not None:
        from ..records.writers import JsonlWriter

        jsonl_writer = JsonlWriter(sys.stdout if jsonl == "-" else jsonl)
    if csv is not None:
        from ..records.writers import CsvWriter

        csv_writer = CsvWriter(csv)
    show = (not quiet) and (progress if progress is not None else bool(getattr(stderr, "isatty", lambda: False)()))
    bar = Progress(_count_inputs(inputs) if show else None, stream=stderr, enabled=show)

    skip = None
    if resume and db is not None:

        def skip():  # called in the thread that reads inputs: give it its own connection
            import sqlite3

            conn = sqlite3.connect(db, timeout=30)

            def stored(item: Any) -> bool:
                row = conn.execute("SELECT sha256 FROM articles WHERE source_key = ?", (item.key,)).fetchone()
                return row is not None and row[0] == item.source.get("sha256")

            return stored

    own = [p for p in (db, jsonl if isinstance(jsonl, str) else None) if p and p != "-"]
    if csv is not None:
        own += [os.path.join(csv, name) for name in ("facts.csv", "articles.csv", "errors.csv")]
    # Without --resume nothing needs an input's sha256 before it is processed: files are read and hashed
    # where they are processed (the workers), not by the parent, which would send their bytes on.
    items = iter_items(inputs, max_bytes=max_bytes, exclude=own, deferred=skip is None)
    crashed = False
    # Records go to the registry a few at a time (one savepoint and a few statements per batch instead of
    # seven per article: the parent's serial work is what limits a parallel run); a batch is written when
    # it is full, when it is older than _FLUSH_SECONDS, before any error or skipped input (so everything
    # keeps input order), and at the end or on Ctrl-C.
    pending: list[Any] = []
    pending_since = 0.0

    def flush() -> None:
        if not pending:
            return
        if registry is not None:
            statuses = registry.store_articles(
                [(o.article, o.fact_rows, o.turn_rows, o.record_json, o.text) for o in pending]
            )
        else:
            statuses = ["new"] * len(pending)
        for o, status in zip(pending, statuses, strict=True):
            summary.inputs += 1
            setattr(summary, status, getattr(summary, status) + 1)
            for kind, n in o.kinds.items():
                summary.facts_by_kind[kind] = summary.facts_by_kind.get(kind, 0) + n
                summary.facts += n
            if jsonl_writer:
                jsonl_writer.write(o.record_json)
            if csv_writer:
                csv_writer.write_article(o.article, o.fact_rows)
            bar.update()
        pending.clear()

    try:
        for o in run_items(
            items, jobs=summary.jobs, skip=skip, include_text=include_text, keep_text=keep_text and db is not None
        ):
            if registry is None and open_late:
                open_registry()
            if o.status == "ok":
                if not pending:
                    pending_since = time.monotonic()
                pending.append(o)
                if len(pending) >= _FLUSH_ARTICLES or time.monotonic() - pending_since >= _FLUSH_SECONDS:
                    flush()
                continue
            flush()
            summary.inputs += 1
            if o.status == "skipped":
                summary.skipped += 1
                if jsonl_writer or csv_writer:
                    record_json = registry.record_json(o.key) if registry else None
                    if record_json is not None:
                        if jsonl_writer:
                            jsonl_writer.write(record_json)
                        if csv_writer:
                            import hashlib

                            sha1 = hashlib.sha1(record_json.encode()).hexdigest()
                            article, fact_rows, _ = flatten(json.loads(record_json), o.key, sha1)
                            csv_writer.write_article(article, fact_rows)
            else:
                summary.failed += 1
                summary.failures[o.code] = summary.failures.get(o.code, 0) + 1
                if registry is not None:
                    registry.store_error(o.key, o.source, o.code, o.message, __version__)
                if jsonl_writer:
                    jsonl_writer.write(o.record_json)
                if csv_writer:
                    csv_writer.write_error(o.source, o.code, o.message)
                if not quiet:
                    where = o.source.get("path", "?") + (f":{o.source['line']}" if o.source.get("line") else "")
                    bar.write(f"khabar-extract: {where}: {o.code}: {o.message}")
            bar.update()
        flush()
    except KeyboardInterrupt:
        summary.interrupted = True
        try:
            flush()  # the articles already extracted are kept
        except KeyboardInterrupt:  # a second Ctrl-C: that batch is rolled back whole, --resume redoes it
            pass
    except BaseException:
        crashed = True
        try:
            flush()  # keep what was extracted before the failure, as when each article was written at once
        except BaseException:
            pass
        raise
    finally:
        bar.close()
        for writer in (jsonl_writer, csv_writer):
            if writer is not None:
                writer.close()
        if registry is None and open_late and not crashed:
            open_registry()  # no input came (or an interruption before the first): the run is still recorded
        summary.seconds = time.perf_counter() - started
        if registry is not None:
            status = "failed" if crashed else "interrupted" if summary.interrupted else "finished"
            registry.finish_run(run_id, summary.inputs, summary.stored, summary.failed, status)
            summary.registry = registry.counts()
            registry.close()
    return summary


def _count_inputs(inputs: list[str]) -> int | None:
    """How many inputs there are (JSON Lines files count their non-blank lines), for the progress bar."""
    from ..reader import JSONL_SUFFIXES, expand_paths

    total = 0
    for path in expand_paths(inputs):
        if path != "-" and path.lower().endswith(JSONL_SUFFIXES):
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _install_sigterm() -> None:
    import signal

    def _raise(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _raise)


def run(args: argparse.Namespace) -> int:
    _install_sigterm()
    try:
        summary = run_batch(
            args.inputs,
            db=args.db,
            jsonl=args.jsonl,
            csv=args.csv,
            resume=args.resume,
            jobs=args.jobs,
            max_bytes=args.max_bytes,
            keep_text=not args.no_text,
            include_text=args.include_text,
            progress=False if args.quiet else None,
            quiet=args.quiet,
        )
    except Exception as exc:  # cannot open the registry or an export: nothing to carry on with
        import sqlite3

        if isinstance(exc, (OSError, sqlite3.Error, RuntimeError)):
            print(f"khabar-extract batch: error: {exc}", file=sys.stderr)
            return 2
        raise
    for line in summary.lines(args.db):
        print(line, file=sys.stderr)
    if summary.interrupted:
        print("khabar-extract batch: interrupted; rerun with --resume to continue", file=sys.stderr)
        return 130
    return 1 if summary.failed else 0
