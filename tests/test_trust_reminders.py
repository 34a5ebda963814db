"""Reminder numbers do not move: `remind dismiss 2` acts on the reminder `remind list` showed as 2 (issue 10, item 11)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]
NOW = "2026-04-07T10:00"


def remind(jt_run: Run, tmp_path: Path, *args: str, now: str = NOW) -> str:
    env = {"JOBTRACK_NOW": now, "TZ": "Europe/Copenhagen", "JOBTRACK_CONFIG": str(tmp_path / "config.toml")}
    proc = jt_run(*args, env=env)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stdout


def numbered(listing: str) -> dict[str, int]:
    """Reminder key → its number in `remind list` (each numbered line is followed by the key)."""
    return {m.group(2): int(m.group(1)) for m in re.finditer(r"^\s*(\d+)\. .*\n\s+(\S+)$", listing, re.M)}


def test_numbers_stay_with_their_reminders(jt_run: Run, tmp_path: Path) -> None:
    for title, deadline in (("Alpha", "8/4/2026 12:00"), ("Bravo", "9/4/2026 12:00"), ("Charlie", "10/4/2026 12:00")):
        remind(jt_run, tmp_path, "add", "--title", title, "--deadline", deadline)
    first = numbered(remind(jt_run, tmp_path, "remind", "list"))
    key = {n: k for k, n in first.items()}
    assert len(first) > 3
    remind(jt_run, tmp_path, "remind", "snooze", "1", "--until", "3d")
    remind(jt_run, tmp_path, "remind", "dismiss", "2")
    after = numbered(remind(jt_run, tmp_path, "remind", "list"))
    assert key[2] not in after  # the one listed as 2 was dismissed
    assert after == {k: n for k, n in first.items() if n != 2}  # and every other kept its number
    remind(jt_run, tmp_path, "remind", "dismiss", "3", now="2026-04-07T11:00")
    assert key[3] not in numbered(remind(jt_run, tmp_path, "remind", "list", now="2026-04-07T11:00"))
