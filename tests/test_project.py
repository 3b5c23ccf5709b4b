"""The project's own promises: the README commands, CI, and a light import."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_project_ci_runs_the_readme_test_command():
    commands = _readme_commands()
    assert len(commands) >= 2, "README must start with the run command and the test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_project_import_does_not_pull_heavy_packages():
    code = (
        "import sys, khabar_extract\n"
        "heavy = [m for m in ('hazm', 'parsivar', 'spacy', 'numpy', 'sqlite3', 'jdatetime') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_project_cli_version():
    out = subprocess.run(
        [sys.executable, "-m", "khabar_extract.cli", "--version"], capture_output=True, text=True, check=True
    )
    import khabar_extract

    assert out.stdout.strip() == f"khabar-extract {khabar_extract.__version__}"


def test_project_readme_library_example_prints_what_it_shows(capsys):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Use it as a library\n+```python\n(.+?)\n```", text, re.S).group(1)
    shown = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    assert shown, "the README example shows its output as '# ' comment lines"
    exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == shown
