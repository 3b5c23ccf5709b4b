"""``khabar-extract normalize``: show what the normaliser changes in each file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "normalize",
        help="normalise Persian text files and report the fixes applied",
        description=(
            "Normalise each file and print the fixes applied, or the text with --text. The encoding is detected "
            "per file as for `extract` (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1256); '-' reads stdin."
        ),
    )
    p.add_argument("paths", nargs="+", help="files, folders (*.txt inside them) or '-' for stdin")
    p.add_argument("--text", action="store_true", help="print the normalised text instead of a summary")
    p.set_defaults(func=run)


def _files(paths: list[str]) -> list[str]:
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        out.extend([str(f) for f in sorted(p.rglob("*.txt"))] if raw != "-" and p.is_dir() else [raw])
    return out


def run(args: argparse.Namespace) -> int:
    from ..normalize import normalize
    from ..reader import InputError, decode_bytes

    failed = 0
    for path in _files(args.paths):
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            decoded = decode_bytes(data)
        except OSError as exc:
            print(f"{path}: error: {exc.strerror or exc}", file=sys.stderr)
            failed += 1
            continue
        except InputError as exc:
            print(f"{path}: error: {exc.code}: {exc.message}", file=sys.stderr)
            failed += 1
            continue
        result = normalize(decoded.text)
        if args.text:
            sys.stdout.write(result.text)
            continue
        fixes = ", ".join(f"{name} x{count}" for name, count in result.fixes) or "nothing to fix"
        encoding = "" if decoded.encoding.startswith("utf-8") else f" ({decoded.encoding})"
        print(f"{path}{encoding}: {len(decoded.text)} -> {len(result.text)} chars; {fixes}")
    return 1 if failed else 0
