"""Regenerate the example record in docs/record-schema.md from examples/irna_85414319.txt.

    .venv/bin/python docs/gen_record_example.py          # rewrite the example block
    .venv/bin/python docs/gen_record_example.py --check  # exit 1 if the block is out of date
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "record-schema.md"
ARTICLE = "examples/irna_85414319.txt"
START, END = "<!-- example:start -->", "<!-- example:end -->"


def example_record() -> dict:
    from khabar_extract.reader import iter_items
    from khabar_extract.records.runner import process_item

    cwd = os.getcwd()
    os.chdir(ROOT)  # so that source.path reads "examples/..."
    try:
        (item,) = iter_items([ARTICLE])
        outcome = process_item(item)
    finally:
        os.chdir(cwd)
    if outcome.status != "ok":
        raise SystemExit(f"{ARTICLE}: {outcome.code}: {outcome.message}")
    return json.loads(outcome.record_json)


def render(record: dict) -> str:
    """Pretty JSON with one line per segment and per fact, spans kept on one line."""

    def one(obj: object) -> str:
        return json.dumps(obj, ensure_ascii=False)

    lines = ["{"]
    keys = list(record)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        value = record[key]
        if key in ("segments", "facts") and value:
            lines.append(f'  "{key}": [')
            lines.extend(f"    {one(v)}{',' if i < len(value) - 1 else ''}" for i, v in enumerate(value))
            lines.append(f"  ]{comma}")
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2)
            text = re.sub(r"\[\s+(\d+),\s+(\d+)\s+\]", r"[\1, \2]", text)
            text = text.replace("\n", "\n  ")
            lines.append(f'  "{key}": {text}{comma}')
    lines.append("}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    doc = DOC.read_text(encoding="utf-8")
    block = f"{START}\n```json\n{render(example_record())}\n```\n{END}"
    new = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, doc, flags=re.S)
    if "--check" in argv:
        if new != doc:
            print(f"{DOC.relative_to(ROOT)}: example record is out of date; run {Path(__file__).name}")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    print(f"wrote the example record into {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
