"""A clone without `../shared` beside it: every test that reads it skips with a reason."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _needs_shared(path: Path) -> bool:
    """Names the folder, or a name the extraction helpers give its paths."""
    return re.search(r'"shared"|SHARED|SCORER', path.read_text(encoding="utf-8")) is not None


@pytest.mark.slow
def test_tests_that_read_shared_skip_in_a_lone_clone(tmp_path: Path) -> None:
    clone = tmp_path / "lone" / "jobtrack"
    shutil.copytree(REPO, clone, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", ".pytest_cache", "*.egg-info"))
    modules = sorted(p.name for p in (clone / "tests").glob("test_*.py") if _needs_shared(p) and p.name != Path(__file__).name)
    assert modules, "no test reads ../shared any more: this test has nothing to check"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", *(f"tests/{m}" for m in modules)],
        cwd=clone, capture_output=True, text=True, timeout=900,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "../shared" in run.stdout  # the skips say why
