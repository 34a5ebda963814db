"""Issue 15: docs/cli.md is the parser's own word: regenerated, it must not change."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from jobtrack.cli import build_parser
from jobtrack.cli.reference import render

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "cli.md"


def test_cli_md_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(build_parser()), (
        "docs/cli.md is stale: run .venv/bin/python docs/cli_reference.py")


def _commands(parser: argparse.ArgumentParser, prog: str = "jobtrack") -> list[str]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += [f"{prog} {name}", *_commands(sub, f"{prog} {name}")]
    return out


def test_every_command_and_option_is_in_it() -> None:
    text = render(build_parser())
    commands = _commands(build_parser())
    assert "jobtrack contact add" in commands and "jobtrack remind list" in commands
    for command in commands:
        assert f"`{command}`" in text, command
    assert "| `--on DATE` |" in text and "| `--json` | print a JSON array of what is coming up |" in text


def test_a_changed_parser_makes_it_stale() -> None:
    parser = build_parser()
    parser.add_argument("--brand-new", help="an option nobody documented")
    assert render(parser) != DOC.read_text(encoding="utf-8")


def test_the_script_checks_without_writing(tmp_path: Path) -> None:
    before = DOC.stat().st_mtime_ns
    proc = subprocess.run([sys.executable, str(REPO / "docs" / "cli_reference.py"), "--check"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert (proc.returncode, proc.stdout.strip()) == (0, "docs/cli.md is current"), proc.stderr
    assert DOC.stat().st_mtime_ns == before
