"""`jobtrack remind` as cron would run it: real subprocesses on a temp store, with
the clock fixed through $JOBTRACK_NOW."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def jt(tmp_path: Path):  # type: ignore[no-untyped-def]
    base = {
        **os.environ,
        "JOBTRACK_DB": str(tmp_path / "store" / "jobtrack.json"),
        "JOBTRACK_CONFIG": str(tmp_path / "config.toml"),
        "TZ": "Europe/Copenhagen",
    }
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        base.pop(name, None)

    def run(*args: str, now: str = "2026-04-01T08:00", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "jobtrack", *args], capture_output=True, text=True, timeout=60,
            env={**base, "JOBTRACK_NOW": now, **(env or {})},
        )

    run.tmp = tmp_path  # type: ignore[attr-defined]
    run.env = base  # type: ignore[attr-defined]
    assert run("add", "--title", "Chef", "--employer", "Viborg Kommune", "--deadline",
               "14. april 2026 kl. 24.00").returncode == 0
    return run


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("jobtrack: "), proc.stderr
    return lines[0]


def test_remind_twice_prints_once(jt) -> None:  # type: ignore[no-untyped-def]
    assert jt("remind", now="2026-04-07T08:59").stdout == ""
    first = jt("remind", now="2026-04-07T09:05")
    assert first.returncode == 0 and first.stdout == "Deadline in 7 days: Chef – Viborg Kommune\n"
    again = jt("remind", now="2026-04-07T09:06")
    assert again.returncode == 0 and again.stdout == ""


def test_missed_reminders_come_once_marked_late(jt) -> None:  # type: ignore[no-untyped-def]
    out = jt("remind", now="2026-04-13T12:00").stdout
    assert out == "[late] Deadline tomorrow 23:59: Chef – Viborg Kommune (due Mon 13 Apr 09:00)\n"
    assert jt("remind", now="2026-04-13T12:01").stdout == ""
    assert jt("remind", now="2026-04-14T09:00").stdout == "Deadline today 23:59: Chef – Viborg Kommune\n"
    assert jt("remind", now="2026-04-15T09:00").stdout == ""  # "kl. 24.00" ended the day before


def test_check_reports_through_the_exit_code_only(jt) -> None:  # type: ignore[no-untyped-def]
    nothing = jt("remind", "--check", now="2026-04-06T12:00")
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (1, "", "")
    something = jt("remind", "--check", now="2026-04-07T12:00")
    assert (something.returncode, something.stdout) == (0, "")
    assert jt("remind", "--check", now="2026-04-07T12:00").returncode == 0  # --check marks nothing shown
    jt("remind", now="2026-04-07T12:00")
    assert jt("remind", "--check", now="2026-04-07T12:01").returncode == 1


def test_snoozed_reminder_comes_back(jt) -> None:  # type: ignore[no-untyped-def]
    jt("remind", now="2026-04-07T09:00")
    listed = jt("remind", "list", now="2026-04-07T09:30").stdout
    assert " 1. Tue 07 Apr 09:00  shown" in listed and "posting-1/deadline-7d/2026-04-14T23:59" in listed
    snoozed = jt("remind", "snooze", "1", "--until", "2h", now="2026-04-07T09:30")
    assert snoozed.returncode == 0 and snoozed.stdout.startswith("snoozed until Tue 07 Apr 11:30")
    assert jt("remind", now="2026-04-07T11:29").stdout == ""
    assert jt("remind", now="2026-04-07T11:30").stdout == "Deadline in 7 days: Chef – Viborg Kommune\n"
    assert jt("remind", now="2026-04-07T11:31").stdout == ""
    jt("remind", "snooze", "posting-1/deadline-7d/2026-04-14T23:59", "--until", "i morgen", now="2026-04-07T12:00")
    assert jt("remind", now="2026-04-08T08:59").stdout == ""
    assert jt("remind", now="2026-04-08T09:00").stdout == "Deadline in 6 days: Chef – Viborg Kommune\n"


def test_dismiss_and_unknown_reminder(jt) -> None:  # type: ignore[no-untyped-def]
    assert jt("remind", "dismiss", "1", now="2026-04-07T09:00").stdout.startswith("dismissed: Deadline in 7 days")
    assert jt("remind", now="2026-04-07T09:01").stdout == ""
    assert "posting-1/deadline-7d" not in jt("remind", "list", now="2026-04-07T09:01").stdout
    missing = jt("remind", "dismiss", "99", now="2026-04-07T09:00")
    assert missing.returncode == 1 and "no reminder '99'" in one_line_error(missing)


def test_own_reminder_after_week_31(jt) -> None:  # type: ignore[no-untyped-def]
    added = jt("remind", "add", "1", "after week 31", "call", "Jette", now="2026-04-01T08:00")
    assert added.stdout == "added reminder e1 for Mon 03 Aug 2026: call Jette\n"
    jt("status", "1", "applied")  # no more deadline reminders once applied
    assert jt("remind", now="2026-08-03T08:59").stdout == ""
    assert jt("remind", now="2026-08-03T09:00").stdout == "Reminder: call Jette (Chef – Viborg Kommune)\n"
    bad = jt("remind", "add", "1", "someday", "x")
    assert bad.returncode == 1 and "cannot understand the date" in one_line_error(bad)


def test_bad_config_is_one_line(jt) -> None:  # type: ignore[no-untyped-def]
    config = jt.tmp / "config.toml"
    config.write_text('[reminders]\ndeadline = ["7 days"]\n')
    proc = jt("remind", now="2026-04-07T09:00")
    assert proc.returncode == 1 and str(config) in one_line_error(proc) and "7 days" in proc.stderr
    check = jt("remind", "--check", now="2026-04-07T09:00")
    assert check.returncode == 2 and str(config) in one_line_error(check)
    config.write_text('[reminders]\ndeadline = ["3d"]\n')
    assert jt("remind", now="2026-04-07T09:00").stdout == ""
    assert jt("remind", now="2026-04-11T09:00").stdout == "Deadline in 3 days: Chef – Viborg Kommune\n"


def test_bad_clock_is_one_line(jt) -> None:  # type: ignore[no-untyped-def]
    proc = jt("remind", now="yesterday-ish")
    assert proc.returncode == 1 and "JOBTRACK_NOW" in one_line_error(proc)


def test_notify_falls_back_to_printing_without_a_desktop(jt) -> None:  # type: ignore[no-untyped-def]
    assert jt("remind", "--notify", now="2026-04-07T09:00").stdout == "Deadline in 7 days: Chef – Viborg Kommune\n"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS uses osascript")
def test_notify_sends_through_notify_send(jt) -> None:  # type: ignore[no-untyped-def]
    folder = jt.tmp / "bin"
    folder.mkdir()
    log = jt.tmp / "sent.txt"
    program = folder / "notify-send"  # a stand-in for the desktop's program that records what it was sent
    program.write_text(f"#!/bin/sh\nprintf '%s|' \"$@\" >> {log}\n")
    program.chmod(0o755)
    env = {"PATH": f"{folder}{os.pathsep}{jt.env['PATH']}", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"}
    proc = jt("remind", "--notify", now="2026-04-07T09:00", env=env)
    assert proc.stdout == ""
    assert log.read_text() == "--app-name=jobtrack|jobtrack|Deadline in 7 days: Chef – Viborg Kommune|"


def test_concurrent_runs_show_a_reminder_once(jt) -> None:  # type: ignore[no-untyped-def]
    env = {**jt.env, "JOBTRACK_NOW": "2026-04-07T09:00"}
    procs = [
        subprocess.Popen([sys.executable, "-m", "jobtrack", "remind"], stdout=subprocess.PIPE, text=True, env=env)
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=60)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert "".join(outputs) == "Deadline in 7 days: Chef – Viborg Kommune\n"


def test_remind_loads_neither_textual_nor_icalendar(jt) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import sys; from jobtrack.cli import main; main(['remind']);"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'icalendar'}))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**jt.env, "JOBTRACK_NOW": "2026-04-07T09:00"})
    assert proc.stdout.splitlines()[-1] == "[]"


def test_snooze_only_postpones(jt) -> None:  # type: ignore[no-untyped-def]
    """Issue 10: snoozing a reminder that is not due yet moves it later, never sooner."""
    listed = jt("remind", "list", now="2026-04-06T09:00").stdout  # the 7-day reminder is due tomorrow 09:00
    assert "Tue 07 Apr 09:00  upcoming  Deadline in 7 days" in listed
    snoozed = jt("remind", "snooze", "1", now="2026-04-06T09:00")  # the default: an hour
    assert snoozed.returncode == 0 and snoozed.stdout.startswith("snoozed until Tue 07 Apr 10:00"), snoozed.stderr
    sooner = jt("remind", "snooze", "1", "--until", "2026-04-07T09:30", now="2026-04-06T09:00")
    assert sooner.returncode == 1 and "postpone" in one_line_error(sooner)
