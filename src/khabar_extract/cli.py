"""Command-line entry point: ``khabar-extract``.

Each subcommand lives in ``khabar_extract.commands.<name>`` and exposes
``register(subparsers)``; heavy imports happen inside the command's run function so that
``khabar-extract --help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__

# Order here is the order shown in --help.
COMMANDS = ("batch", "extract", "facts", "normalize", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khabar-extract",
        description="Turn Persian news articles into structured, verifiable JSON records.",
    )
    parser.add_argument("--version", action="version", version=f"khabar-extract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"khabar_extract.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"khabar_extract.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("khabar-extract: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: not an error of ours.
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
