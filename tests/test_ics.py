"""The calendar export: valid iCalendar, stable UIDs, alarms, and a real import into khal."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from jobtrack.app.config import ReminderRules
from jobtrack.app.ics import build_calendar, local_zone
from jobtrack.core.model import Event, EventKind, Posting, Status

TZ = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2030, 3, 11, 9, 30)


def _records():
    """The uid is the id here, so the UIDs read `posting-1-deadline@jobtrack`."""
    postings = [
        Posting("Chef", employer="Viborg Kommune", location="Viborg", deadline=date(2030, 3, 16), deadline_time=time(23, 59), id=1, uid="1"),
        Posting("Data analyst", employer="Acme", status=Status.APPLIED, deadline=date(2030, 3, 20), id=2, uid="2"),
        Posting("Rejected", status=Status.REJECTED, deadline=date(2030, 3, 13), id=3, uid="3"),
        Posting("Pedagog", employer="Børnehuset", deadline=date(2030, 3, 25), id=4, uid="4"),
    ]
    events = [
        Event(2, EventKind.INTERVIEW, date(2030, 3, 12), time(10, 0), time(11, 30), label="1. samtale", place="Room 2", id=1, uid="1"),
        Event(2, EventKind.CASE, None, id=2, uid="2"),  # no date: not exported
        Event(2, EventKind.FOLLOW_UP, date(2030, 3, 14), id=3, uid="3"),
        Event(3, EventKind.INTERVIEW, date(2030, 3, 12), time(13, 0), id=4, uid="4"),  # rejected posting
    ]
    return postings, events


def _vevents(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}


def test_calendar_reads_back() -> None:
    postings, events = _records()
    data = build_calendar(postings, events, NOW, tz=TZ, rules=ReminderRules())
    cal = Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    evs = _vevents(data)
    assert set(evs) == {
        "posting-1-deadline@jobtrack",
        "posting-2-deadline@jobtrack",
        "posting-4-deadline@jobtrack",
        "event-1@jobtrack",
        "event-3@jobtrack",
    }

    chef = evs["posting-1-deadline@jobtrack"]
    start = chef.decoded("DTSTART")
    assert start == datetime(2030, 3, 16, 23, 59, tzinfo=TZ) and str(start.tzinfo) == "Europe/Copenhagen"
    assert chef["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert chef.decoded("DURATION") == timedelta(0)
    # The default rules: 7, 2 and 1 days before and on the day, each at 09:00.
    assert sorted(a.decoded("TRIGGER") for a in chef.walk("VALARM")) == [
        -timedelta(days=7, hours=14, minutes=59), -timedelta(days=2, hours=14, minutes=59),
        -timedelta(days=1, hours=14, minutes=59), -timedelta(hours=14, minutes=59),
    ]

    pedagog = evs["posting-4-deadline@jobtrack"]  # no hour: an all-day event
    assert pedagog.decoded("DTSTART") == date(2030, 3, 25) and pedagog.decoded("DTEND") == date(2030, 3, 26)
    assert sorted(a.decoded("TRIGGER") for a in pedagog.walk("VALARM")) == [  # from the start of the day
        timedelta(days=-7, hours=9), timedelta(days=-2, hours=9), timedelta(days=-1, hours=9), timedelta(hours=9)
    ]
    assert evs["posting-2-deadline@jobtrack"].walk("VALARM") == []  # already applied

    interview = evs["event-1@jobtrack"]
    assert interview.decoded("DTSTART") == datetime(2030, 3, 12, 10, 0, tzinfo=TZ)
    assert interview.decoded("DTEND") == datetime(2030, 3, 12, 11, 30, tzinfo=TZ)
    assert str(interview["SUMMARY"]) == "Interview: Data analyst – Acme (1. samtale)"
    assert str(interview["LOCATION"]) == "Room 2"
    assert sorted(a.decoded("TRIGGER") for a in interview.walk("VALARM")) == [-timedelta(days=1), -timedelta(hours=2)]
    follow_up = evs["event-3@jobtrack"]  # the user's own reminder: on its day at 09:00
    assert follow_up.decoded("DTSTART") == date(2030, 3, 14)
    assert [a.decoded("TRIGGER") for a in follow_up.walk("VALARM")] == [timedelta(hours=9)]


def test_alarms_follow_the_configured_rules(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[reminders]\ndeadline = ["3d"]\nappointment = ["30m"]\nmorning = "08:00"\n')
    monkeypatch.setenv("JOBTRACK_CONFIG", str(config))
    postings, events = _records()
    evs = _vevents(build_calendar(postings, events, NOW, tz=TZ))
    assert [a.decoded("TRIGGER") for a in evs["posting-4-deadline@jobtrack"].walk("VALARM")] == [timedelta(days=-3, hours=8)]
    assert [a.decoded("TRIGGER") for a in evs["event-1@jobtrack"].walk("VALARM")] == [-timedelta(minutes=30)]


def test_uids_are_stable() -> None:
    postings, events = _records()
    first = build_calendar(postings, events, NOW, tz=TZ)
    postings[0].deadline = date(2030, 3, 17)
    second = build_calendar(postings, events, NOW + timedelta(hours=1), tz=TZ)
    assert set(_vevents(first)) == set(_vevents(second))
    assert _vevents(second)["posting-1-deadline@jobtrack"].decoded("DTSTART").day == 17


def test_local_zone_is_named(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    assert local_zone() == ZoneInfo("Europe/Copenhagen")
    monkeypatch.setenv("TZ", "Not/A_Zone")
    assert isinstance(local_zone(), ZoneInfo)  # falls back to the system zone or UTC


@pytest.fixture
def jt(tmp_path: Path):
    env = {**os.environ, "JOBTRACK_DB": str(tmp_path / "store" / "jobtrack.json"), "TZ": "Europe/Copenhagen"}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        proc = subprocess.run([sys.executable, "-m", "jobtrack", *args], capture_output=True, env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        return proc

    return run


def test_export_ics_writes_stdout_and_file(jt, tmp_path: Path) -> None:
    jt("add", "--title", "Chef", "--deadline", "2030-03-16 12:00")
    out = jt("export", "--ics", "-").stdout
    [uid] = _vevents(out)
    assert re.fullmatch(r"posting-[0-9a-f-]{36}-deadline@jobtrack", uid)
    target = tmp_path / "jobs.ics"
    jt("export", "--ics", str(target))
    ev = _vevents(target.read_bytes())[uid]
    assert ev.decoded("DTSTART") == datetime(2030, 3, 16, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


# --- a real calendar program ------------------------------------------------------


def _khal() -> str | None:
    beside = Path(sys.executable).parent / "khal"
    if beside.exists():
        return str(beside)
    return shutil.which("khal")


@pytest.fixture
def khal(tmp_path: Path):
    exe = _khal()
    if exe is None:
        pytest.skip("the khal executable is not installed (next to the Python or on PATH)")
    vdir = tmp_path / "vdir" / "jobs"
    vdir.mkdir(parents=True)
    cfg = tmp_path / "khal.conf"
    cfg.write_text(
        f"""[calendars]
[[jobs]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Copenhagen
default_timezone = Europe/Copenhagen

[default]
default_calendar = jobs

[sqlite]
path = {tmp_path / "khal.db"}
""",
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}

    def run(*args: str) -> str:
        proc = subprocess.run([exe, "--config", str(cfg), *args], capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    run.vdir = vdir  # type: ignore[attr-defined]
    return run


def test_khal_imports_and_updates(khal, tmp_path: Path) -> None:
    postings, events = _records()
    ics = tmp_path / "jobs.ics"
    ics.write_bytes(build_calendar(postings, events, NOW, tz=TZ))
    khal("import", "--batch", str(ics))
    listing = khal("list", "--format", "{start} {title}", "2030-03-01", "60d")
    titles = [line for line in listing.splitlines() if ":" in line]
    assert any("Deadline: Chef – Viborg Kommune" in t and "2030-03-16 23:59" in t for t in titles), listing
    assert any("Interview: Data analyst – Acme (1. samtale)" in t and "2030-03-12 10:00" in t for t in titles), listing
    assert any("Deadline: Pedagog – Børnehuset" in t for t in titles), listing
    assert any("Follow up: Data analyst – Acme" in t for t in titles), listing
    assert len([t for t in titles if "Deadline: Chef" in t]) == 1, listing  # not spilling into the next day
    assert len(list(khal.vdir.glob("*.ics"))) == 5

    # a second export with a moved deadline updates instead of duplicating
    postings[0].deadline = date(2030, 3, 18)
    ics.write_bytes(build_calendar(postings, events, NOW + timedelta(hours=1), tz=TZ))
    khal("import", "--batch", str(ics))
    again = khal("list", "--format", "{start} {title}", "2030-03-01", "60d")
    chef = [line for line in again.splitlines() if "Deadline: Chef" in line]
    assert len(chef) == 1 and "2030-03-18 23:59" in chef[0], again
    assert len([line for line in again.splitlines() if "Interview:" in line]) == 1, again
    assert len(list(khal.vdir.glob("*.ics"))) == 5


def test_khal_imports_what_export_ics_writes(khal, jt, tmp_path: Path) -> None:
    jt("add", "--title", "Chef", "--employer", "Viborg Kommune", "--deadline", "2030-03-16 12:00")
    jt("event", "add", "1", "--kind", "interview", "--when", "2030-03-20 10:00", "--label", "1. samtale")
    ics = tmp_path / "jobs.ics"
    jt("export", "--ics", str(ics))
    khal("import", "--batch", str(ics))
    jt("edit", "1", "--deadline", "2030-03-17 09:00")
    jt("export", "--ics", str(ics))
    khal("import", "--batch", str(ics))
    listing = khal("list", "--format", "{start} {title}", "2030-03-01", "60d")
    chef = [line for line in listing.splitlines() if "Deadline: Chef – Viborg Kommune" in line]
    assert len(chef) == 1 and "2030-03-17 09:00" in chef[0], listing
    assert len([line for line in listing.splitlines() if "Interview: Chef" in line and "2030-03-20 10:00" in line]) == 1, listing
    assert len(list(khal.vdir.glob("*.ics"))) == 2
