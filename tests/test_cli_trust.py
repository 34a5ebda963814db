"""Issue 10: the command line keeps what the user typed and reads one clock.

Today is Sunday 2026-11-29 in Copenhagen, fixed with $JOBTRACK_NOW.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

NOW = "2026-11-29T10:00"


def run(db: Path, *args: str, now: str = NOW, stdin: Any = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JOBTRACK_DB": str(db), "JOBTRACK_NOW": now, "TZ": "Europe/Copenhagen"}
    return subprocess.run([sys.executable, "-m", "jobtrack", *args], capture_output=True, text=True, env=env,
                          timeout=60, stdin=stdin)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "jobtrack.json"
    assert run(path, "add", "--title", "Chef", "--employer", "Kommune").returncode == 0
    return path


def shown(db: Path, now: str = NOW) -> dict[str, Any]:
    proc = run(db, "show", "1", "--json", now=now)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def error_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_a_weekday_with_a_date_keeps_the_date(db: Path) -> None:
    assert run(db, "event", "add", "1", "--kind", "interview", "--when", "tirsdag 16/3 10:00").returncode == 0
    assert [(e["day"], e["time"]) for e in shown(db)["events"]] == [("2027-03-16", "10:00")]
    wrong = error_line(run(db, "event", "add", "1", "--kind", "interview", "--when", "mandag 16/3 10:00"))
    assert "Monday" in wrong and "16 March" in wrong
    assert len(shown(db)["events"]) == 1


def test_past_fields_go_to_the_past(db: Path) -> None:
    assert run(db, "edit", "1", "--posted", "28/11", "--deadline", "28/11").returncode == 0
    assert (shown(db)["posted"], shown(db)["deadline"]) == ("2026-11-28", "2027-11-28")
    assert run(db, "edit", "1", "--posted", "i går").returncode == 0
    assert shown(db)["posted"] == "2026-11-28"
    assert run(db, "edit", "1", "--posted", "yesterday", "--start-date", "1/12").returncode == 0
    assert (shown(db)["posted"], shown(db)["start_date"]) == ("2026-11-28", "2026-12-01")


def test_a_bad_hour_is_refused(db: Path) -> None:
    assert "25:00" in error_line(run(db, "edit", "1", "--deadline", "16/3 25:00"))
    assert shown(db)["deadline"] is None


def test_jobtrack_now_moves_list_show_and_status(db: Path) -> None:
    assert run(db, "edit", "1", "--deadline", "2028-06-01 12:00").returncode == 0
    before = run(db, "list", now="2028-05-30T10:00")
    assert before.returncode == 0 and "saved" in before.stdout and "2 days" in before.stdout
    after = run(db, "list", now="2028-06-03T10:00")
    assert "closed" in after.stdout and "closed 2 days ago" in after.stdout
    assert "status         closed" in run(db, "show", "1", now="2028-06-03T10:00").stdout
    assert run(db, "status", "1", "applied", now="2028-05-31T08:30").returncode == 0
    assert shown(db)["history"][-1]["at"] == "2028-05-31T08:30:00"


def test_jobtrack_now_with_an_offset_is_local_time(db: Path) -> None:
    assert run(db, "edit", "1", "--deadline", "2028-06-01 12:00").returncode == 0
    assert "in 1 h" in run(db, "list", now="2028-06-01T08:30:00Z").stdout  # 10:30 in Copenhagen (summer time)


def test_no_command_and_no_terminal_prints_usage(tmp_path: Path) -> None:
    proc = run(tmp_path / "jobtrack.json", stdin=subprocess.DEVNULL)
    assert proc.returncode == 2
    assert proc.stderr.startswith("usage: jobtrack") and "no terminal" in proc.stderr
    assert not (tmp_path / "jobtrack.json").exists()


def test_json_ld_deadline_is_saved_in_local_time(tmp_path: Path) -> None:
    page = tmp_path / "posting.html"
    page.write_text('<html><head><script type="application/ld+json">{"@type": "JobPosting", "title": "Chef",'
                    ' "validThrough": "2026-12-15T12:00:00Z"}</script></head><body><p>Chef</p></body></html>')
    db = tmp_path / "jobtrack.json"
    assert run(db, "add", str(page)).returncode == 0
    assert (shown(db)["deadline"], shown(db)["deadline_time"]) == ("2026-12-15", "13:00")


def test_list_and_show_read_jobtrack_now_too(db: Path) -> None:
    assert "JOBTRACK_NOW" in error_line(run(db, "list", now="soon"))
    assert "JOBTRACK_NOW" in error_line(run(db, "show", "1", now="soon"))


def test_list_is_in_the_order_of_what_comes_next(tmp_path: Path) -> None:
    """`list` orders like the app: the next deadline or interview first, closed postings last."""
    db = tmp_path / "jobtrack.json"
    for args in (["--title", "Closed", "--deadline", "2026-11-01"], ["--title", "Nothing dated"],
                 ["--title", "Deadline", "--deadline", "2026-12-20"], ["--title", "Interview"]):
        assert run(db, "add", *args).returncode == 0
    assert run(db, "event", "add", "4", "--kind", "interview", "--when", "2/12 10:00").returncode == 0
    titles = [line.split()[2] for line in run(db, "list").stdout.splitlines()]
    assert titles == ["Interview", "Deadline", "Nothing", "Closed"]
    listed = [p["title"] for p in json.loads(run(db, "list", "--json").stdout)]
    assert listed == ["Interview", "Deadline", "Nothing dated", "Closed"]
