"""ruff and mypy stay clean: run with the settings in pyproject.toml, as a contributor would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    """The package, the tests and the benchmarks; no cache, so nothing is written into the tree."""
    result = run("ruff", "check", "--no-cache", "--output-format", "concise", "jobtrack", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing(tmp_path: Path) -> None:
    """The package (`files` in pyproject.toml); the cache goes to a temporary directory, not the tree."""
    result = run("mypy", "--config-file", "pyproject.toml", "--cache-dir", str(tmp_path / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr
