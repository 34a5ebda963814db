"""ruff, mypy and the import contracts stay clean: run with the settings in pyproject.toml, as a contributor would."""

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


def test_import_contracts_hold() -> None:
    """The wings keep their layers (`[tool.importlinter]` in pyproject.toml): the front ends
    apart, extraction pure, Textual only in the TUI, no cycles between wings."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_package_top_holds_only_its_entry_points() -> None:
    """The folders show the house: every module lives in a wing."""
    top = sorted(p.name for p in (REPO / "jobtrack").glob("*.py"))
    assert top == ["__init__.py", "__main__.py"]


def test_no_test_module_imports_another() -> None:
    """Shared helpers live in conftest.py and the *_kit.py modules, never in a test module."""
    offenders = [
        f"{path.name}: {line.strip()}"
        for path in sorted((REPO / "tests").glob("*.py"))
        for line in path.read_text("utf-8").splitlines()
        if line.startswith(("from test_", "import test_"))
    ]
    assert offenders == []
