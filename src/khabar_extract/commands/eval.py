"""``khabar-extract eval``: score the extractor against annotated gold files."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="score extraction against gold annotations (NAME.gold.json / NAME.qa.json)",
        description=(
            "Run the extractor on every NAME.txt under GOLD_DIR that has a NAME.gold.json (facts) and/or "
            "NAME.qa.json (interview questions) beside it, and print precision / recall / F1 per fact kind "
            "and overall, category accuracy of matched quantities, and question-turn scores. "
            "Gold format and scoring: docs/evaluation.md."
        ),
    )
    p.add_argument("gold_dir", metavar="GOLD_DIR", help="folder with NAME.txt + NAME.gold.json / NAME.qa.json")
    p.add_argument(
        "--show-errors", action="store_true", help="list each missed and each false fact with its sentence"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object with the same figures")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluation import GoldError, evaluate, format_errors, format_table

    try:
        report = evaluate(args.gold_dir)
    except GoldError as exc:
        print(f"khabar-extract eval: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(report.to_dict(errors=args.show_errors), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if args.show_errors:
        errors = format_errors(report)
        if errors:
            print(errors)
            print()
    print(format_table(report))
    return 0
