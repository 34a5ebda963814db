"""What the CLI tests of issue 15 share: a fixed clock and a run that must succeed."""

from __future__ import annotations

from collections.abc import Callable
from subprocess import CompletedProcess

Run = Callable[..., CompletedProcess[str]]
NOW = {"JOBTRACK_NOW": "2026-11-29T10:00"}


def ok(jt_run: Run, *args: str) -> str:
    """`jobtrack ARGS` at 29 November 2026 10:00 (the `jt_run` fixture); its output, or the test fails."""
    proc = jt_run(*args, env=NOW)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout
