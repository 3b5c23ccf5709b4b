"""``khabar-extract normalize``: show what the normaliser changes in each file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "normalize",
        help="normalise Persian text files and report the fixes applied",
        description="Normalise each file (UTF-8) and print the fixes applied, or the text with --text.",
    )
    p.add_argument("paths", nargs="+", help="files or folders (*.txt inside folders)")
    p.add_argument("--text", action="store_true", help="print the normalised text instead of a summary")
    p.set_defaults(func=run)


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        out.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    return out


def run(args: argparse.Namespace) -> int:
    from ..normalize import normalize

    failed = 0
    for path in _files(args.paths):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        result = normalize(text)
        if args.text:
            sys.stdout.write(result.text)
            continue
        fixes = ", ".join(f"{name} x{count}" for name, count in result.fixes) or "nothing to fix"
        print(f"{path}: {len(text)} -> {len(result.text)} chars; {fixes}")
    return 1 if failed else 0
