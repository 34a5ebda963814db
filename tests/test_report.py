"""The job-search report: which applications count in a period, and how they read in Markdown and CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from jobtrack.app.report import applications, markdown
from jobtrack.core.model import Contact, Posting, Status, StatusChange, to_dict
from jobtrack.lang.human_dates import parse_date

SINCE, UNTIL = date(2026, 3, 1), date(2026, 3, 31)


def _history(*steps: tuple[Status, str, str]) -> list[StatusChange]:
    return [StatusChange(s, datetime.fromisoformat(at), note) for s, at, note in steps]


def _records() -> tuple[list[Posting], list[Contact]]:
    postings = [
        Posting("Data analyst", employer="Acme A/S", department="Analytics", location="Vesterbrogade 1, 1620 København V",
                hours="37 timer", status=Status.INTERVIEWING, id=1, history=_history(
                    (Status.SAVED, "2026-02-20T09:00", ""),
                    (Status.APPLIED, "2026-03-02T21:15", "sent by mail"),
                    (Status.INTERVIEWING, "2026-03-10T08:00", "1. samtale 16/3"))),
        Posting("Applied before the period", status=Status.REJECTED, id=2, history=_history(
            (Status.APPLIED, "2026-02-28T23:59", ""), (Status.REJECTED, "2026-03-05T10:00", ""))),
        Posting("Saved only", id=3, history=_history((Status.SAVED, "2026-03-03T10:00", ""))),
        Posting("Last day of the period", employer="Kommune", id=4, status=Status.APPLIED,
                history=_history((Status.APPLIED, "2026-03-31T23:30", ""))),
        Posting("After the period", id=5, status=Status.APPLIED, history=_history((Status.APPLIED, "2026-04-01T00:00", ""))),
        Posting("First day, applied twice", id=6, status=Status.APPLIED, history=_history(
            (Status.APPLIED, "2026-03-20T10:00", ""), (Status.SAVED, "2026-03-20T10:05", "oops"),
            (Status.APPLIED, "2026-03-01T00:00", "reordered on purpose"))),
    ]
    contacts = [
        Contact("Jette Hansen", role="afdelingsleder", phone="+45 30 45 64 05", email="jh@acme.example", posting_ids=[1], id=1),
        Contact("Second person", posting_ids=[1], id=2),
        Contact("Other", posting_ids=[2], id=3),
    ]
    return postings, contacts


def test_applications_in_the_period() -> None:
    postings, contacts = _records()
    apps = applications(postings, contacts, SINCE, UNTIL)
    assert [(a.posting.id, a.applied) for a in apps] == [
        (6, datetime(2026, 3, 1, 0, 0)),
        (1, datetime(2026, 3, 2, 21, 15)),
        (4, datetime(2026, 3, 31, 23, 30)),
    ]
    assert apps[1].contact is not None and apps[1].contact.name == "Jette Hansen"
    assert apps[2].contact is None
    assert [h.status.value for h in apps[0].stages] == ["applied", "applied", "saved"]  # by date


def test_one_day_period() -> None:
    postings, contacts = _records()
    assert [a.posting.id for a in applications(postings, contacts, date(2026, 3, 2), date(2026, 3, 2))] == [1]


def test_markdown_fits_80_columns_and_escapes_web_text() -> None:
    postings, contacts = _records()
    postings[0].title = "Data analyst [click](http://evil) *now* " + "with a very long title " * 4
    text = markdown(applications(postings, contacts, SINCE, UNTIL), SINCE, UNTIL)
    lines = text.splitlines()
    assert lines[:3] == ["# Job applications 2026-03-01 to 2026-03-31", "", "3 applications."]
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    assert "\\[click\\](http://evil) \\*now\\*" in text
    block = text[text.index("## 2. Applied 2026-03-02"):text.index("## 3.")]
    assert "- Employer: Acme A/S · Analytics" in block
    assert "- Address: Vesterbrogade 1, 1620 København V" in block
    assert "- Contact: Jette Hansen, afdelingsleder" in block
    assert "- Phone: +45 30 45 64 05" in block and "- E-mail: jh@acme.example" in block
    assert "- Hours: 37 timer" in block
    assert block.rstrip().endswith(
        "- Stages:\n  - 2026-02-20 saved\n  - 2026-03-02 applied: sent by mail\n"
        "  - 2026-03-10 interviewing: 1. samtale 16/3"
    )
    last = text[text.index("## 3."):]
    assert "- Contact: —" in last and "- Phone: —" in last


def test_a_wrapped_line_does_not_start_a_list() -> None:
    postings, contacts = _records()
    postings[0].title = "a" * 67 + " - b 1. c"
    text = markdown(applications(postings, contacts, SINCE, UNTIL), SINCE, UNTIL)
    assert f"- Position: {'a' * 67}\n  \\- b 1. c\n" in text


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("1/3", date(2026, 3, 1)),
        ("1. december", date(2025, 12, 1)),  # no year and still to come: last year's
        ("23/11", date(2026, 11, 23)),  # today itself
        ("1. december 2026", date(2026, 12, 1)),  # a year given is kept
        ("29/2", date(2024, 2, 29)),  # the previous leap year
        ("i dag", date(2026, 11, 23)),
    ],
)
def test_past_day(text: str, day: date) -> None:
    assert parse_date(text, date(2026, 11, 23), past=True) == day


# --- through the command line ------------------------------------------------------


@pytest.fixture
def jt(tmp_path: Path):
    env = {**os.environ, "JOBTRACK_DB": str(tmp_path / "store" / "jobtrack.json")}

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        proc = subprocess.run([sys.executable, "-m", "jobtrack", *args], capture_output=True, env=env, timeout=60)
        if check and proc.returncode != 0:
            raise AssertionError(f"jobtrack {args} failed: {proc.stderr.decode()}")
        return proc

    postings, contacts = _records()
    records = [
        {"posting": {**to_dict(p), "id": None}, "contacts": [to_dict(c) for c in contacts if p.id in c.posting_ids]}
        for p in postings
    ]
    path = tmp_path / "fixture.json"
    path.write_text(json.dumps({"format": "jobtrack-export", "postings": records}), encoding="utf-8")
    run("import", "--json", str(path))
    return run


def test_report_markdown_through_the_cli(jt) -> None:
    out = jt("report", "--since", "2026-03-01", "--until", "31. marts 2026").stdout.decode()
    assert out.startswith("# Job applications 2026-03-01 to 2026-03-31\n\n3 applications.\n")
    assert out.index("First day, applied twice") < out.index("Data analyst") < out.index("Last day of the period")
    assert "Jette Hansen, afdelingsleder" in out and "Applied before" not in out


def test_report_csv_through_the_cli(jt) -> None:
    data = jt("report", "--since", "2026-03-02", "--until", "2026-03-31", "--format", "csv").stdout
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    # applied on 1 March (before the period), then again on 20 March: counts from the 20th
    assert [(r["applied"], r["title"]) for r in rows] == [
        ("2026-03-02", "Data analyst"), ("2026-03-20", "First day, applied twice"), ("2026-03-31", "Last day of the period"),
    ]
    first = rows[0]
    assert first["applied"] == "2026-03-02" and first["employer"] == "Acme A/S · Analytics"
    assert first["contact"] == "Jette Hansen" and first["role"] == "afdelingsleder"
    assert first["phone"] == "'+45 30 45 64 05"  # a leading + would be a formula in Excel
    assert first["email"] == "jh@acme.example" and first["hours"] == "37 timer" and first["status"] == "interviewing"
    assert first["stages"] == "2026-02-20 saved; 2026-03-02 applied: sent by mail; 2026-03-10 interviewing: 1. samtale 16/3"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--since", "someday"), "--since: cannot understand the date 'someday'"),
        (("--since", "2026-03-10", "--until", "31. februar 2026"), "--until:"),
        (("--since", "2026-03-10", "--until", "2026-03-01"), "--until 2026-03-01 is before --since 2026-03-10"),
    ],
)
def test_bad_dates_get_one_line(jt, args: tuple[str, ...], words: str) -> None:
    proc = jt("report", *args, check=False)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and words in err, err
