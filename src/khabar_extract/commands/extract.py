"""``khabar-extract extract``: one JSON record per input article, as JSON Lines on stdout or ``-o FILE``."""

from __future__ import annotations

import argparse
import sys

from .batch import DEFAULT_MAX_BYTES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="extract facts from articles and print JSON Lines records",
        description=(
            "Print one JSON record per article (schema: docs/record-schema.md). PATH may be a file (UTF-8, "
            "UTF-8 with BOM, UTF-16 with BOM or Windows-1256; text or HTML), a folder (walked recursively for "
            '*.txt, *.html, *.jsonl), a glob, a .jsonl file of scraped records {"id"?, "url"?, "text"} (one '
            "record per line), or - for stdin. An input that cannot be read gives an error record "
            '({"error": {"code", "message"}}) and exit status 1; the others are still printed.'
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, .jsonl files, or -")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1; 0 = all cores)")
    p.add_argument("--include-text", action="store_true", help="add the decoded text to each record")
    p.add_argument(
        "--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest accepted article in bytes (default 10 MiB)"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no per-input error lines on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .batch import run_batch

    try:
        summary = run_batch(
            args.paths,
            db=None,
            jsonl=args.output if args.output else sys.stdout,
            jobs=args.jobs,
            max_bytes=args.max_bytes,
            include_text=args.include_text,
            progress=False,
            quiet=args.quiet,
        )
    except BrokenPipeError:  # piped into `head`: stop quietly, and keep Python's exit flush quiet too
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"khabar-extract extract: error: {exc}", file=sys.stderr)
        return 2
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0
