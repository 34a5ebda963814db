"""A failure logged inside jobtrack (an extractor broken by odd input) reaches the user as one line."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

from jobtrack.cli import _OneLine


def _record(message: str) -> logging.LogRecord:
    try:
        raise ValueError("bad\x1b[31m input")
    except ValueError:
        return logging.getLogger("jobtrack.extract.engine").makeRecord(
            "jobtrack.extract.engine", logging.ERROR, __file__, 1, message, (), sys.exc_info())


def test_a_logged_failure_is_one_clean_line_without_a_traceback(monkeypatch) -> None:
    monkeypatch.delenv("JOBTRACK_DEBUG", raising=False)
    line = _OneLine().format(_record("extractor find_salary failed"))
    assert line == "jobtrack: warning: extractor find_salary failed (ValueError: bad input)"


def test_jobtrack_debug_adds_the_traceback(monkeypatch) -> None:
    monkeypatch.setenv("JOBTRACK_DEBUG", "1")
    text = _OneLine().format(_record("extractor find_salary failed"))
    assert text.splitlines()[0].startswith("jobtrack: warning: extractor find_salary failed")
    assert "Traceback (most recent call last)" in text


def test_the_cli_sends_jobtrack_logs_through_the_one_line_format() -> None:
    # set up twice, as two main() calls in one process would: still one line
    code = ("import logging; from jobtrack.cli import _log_to_stderr; _log_to_stderr(); _log_to_stderr(); "
            "log = logging.getLogger('jobtrack.extract.engine')\n"
            "try:\n    1/0\nexcept ZeroDivisionError:\n    log.exception('extractor x failed')\n")
    env = {k: v for k, v in os.environ.items() if k != "JOBTRACK_DEBUG"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.stderr == "jobtrack: warning: extractor x failed (ZeroDivisionError: division by zero)\n"
