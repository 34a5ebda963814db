"""The agenda: deadlines and dated events by day, `due` and `week`."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from jobtrack.app.agenda import due_line, upcoming
from jobtrack.core.model import Contact, Event, EventKind, Posting, Status
from jobtrack.lang.human_dates import parse_when

NOW = datetime(2030, 3, 11, 9, 30)  # a Monday


def _records():
    day, clock = parse_when("16. marts 2030 kl. 24.00", today=NOW.date())
    postings = [
        Posting("Chef", employer="Viborg Kommune", location="Viborg", deadline=day, deadline_time=clock, id=1),
        Posting("Data analyst", employer="Acme", status=Status.APPLIED, id=2),
        Posting("Gone", deadline=date(2030, 3, 10), id=3),  # closed: passed while saved
        Posting("Rejected", status=Status.REJECTED, deadline=date(2030, 3, 13), id=4),
        Posting("Far away", deadline=date(2030, 4, 30), id=5),
        Posting("Untimed", deadline=date(2030, 3, 13), id=6),
    ]
    events = [
        Event(2, EventKind.INTERVIEW, date(2030, 3, 12), time(10, 0), place="Room 2", label="1. samtale", id=1),
        Event(2, EventKind.CASE, None, id=2),  # no date: not on the agenda
        Event(2, EventKind.TEST, date(2030, 3, 11), time(8, 0), id=3),  # already over
        Event(4, EventKind.INTERVIEW, date(2030, 3, 12), time(13, 0), id=4),  # rejected posting
        Event(2, EventKind.FOLLOW_UP, date(2030, 3, 11), id=5),  # untimed, today
    ]
    contacts = [Contact("Jette Hansen", phone="+4530456405", posting_ids=[2], id=1)]
    return postings, events, contacts


def test_kl_24_is_end_of_day() -> None:
    postings, _, _ = _records()
    assert postings[0].deadline_at() == datetime(2030, 3, 16, 23, 59)


def test_week_groups_by_day() -> None:
    postings, events, contacts = _records()
    days = upcoming(postings, events, contacts, NOW, days=7)
    assert [d.day for d in days] == [date(2030, 3, 11), date(2030, 3, 12), date(2030, 3, 13), date(2030, 3, 16)]
    kinds = [[(e.kind, e.posting.id if e.posting else None) for e in d.entries] for d in days]
    assert kinds == [
        [("follow-up", 2)],
        [("interview", 2)],
        [("deadline", 6)],
        [("deadline", 1)],
    ]
    interview = days[1].entries[0]
    assert interview.timed and interview.at == datetime(2030, 3, 12, 10, 0)
    assert interview.left == "tomorrow 10:00"
    assert [c.name for c in interview.contacts] == ["Jette Hansen"]
    chef = days[3].entries[0]
    assert chef.at == datetime(2030, 3, 16, 23, 59) and chef.timed
    assert chef.left == "5 days"
    assert not days[2].entries[0].timed


def test_closed_and_finished_postings_are_excluded() -> None:
    postings, events, contacts = _records()
    ids = {e.posting.id for d in upcoming(postings, events, contacts, NOW, days=60) for e in d.entries if e.is_deadline}
    assert 3 not in ids and 4 not in ids
    assert 5 in ids  # within 60 days
    ids_week = {e.posting.id for d in upcoming(postings, events, contacts, NOW, days=7) for e in d.entries}
    assert 5 not in ids_week


def test_due_line() -> None:
    postings, events, contacts = _records()
    line = due_line(postings, events, contacts, NOW, days=7, limit=10)
    assert "interview: Acme tomorrow 10:00" in line
    assert "deadline: Chef (Viborg) in 5 days" in line
    assert line.index("interview") < line.index("Chef")
    short = due_line(postings, events, contacts, NOW, days=7, limit=1)
    assert short.endswith("+3 more")
    assert due_line([], [], [], NOW) == "nothing due in the next 7 days"


# --- the commands, as a user runs them -----------------------------------------


def _fill(jt) -> tuple[date, date]:
    today = date.today()
    deadline = today + timedelta(days=3)
    interview = today + timedelta(days=2)
    jt("add", "--title", "Chef", "--employer", "Viborg Kommune", "--location", "Viborg", "--deadline", deadline.isoformat())
    jt("add", "--title", "Data analyst", "--employer", "Acme")
    jt("status", "2", "applied")
    jt("event", "add", "2", "--kind", "interview", "--when", f"{interview.isoformat()} 10:00", "--place", "Room 2")
    jt("contact", "add", "2", "--name", "Jette Hansen", "--phone", "+4530456405")
    return deadline, interview


def test_due_and_week_commands(jt) -> None:
    deadline, interview = _fill(jt)
    line = jt("due").stdout.strip()
    assert line == "interview: Acme in 2 days · deadline: Chef (Viborg) in 3 days"

    days = json.loads(jt("week", "--json").stdout)["days"]
    assert [d["day"] for d in days] == [interview.isoformat(), deadline.isoformat()]
    first = days[0]["entries"][0]
    assert first["kind"] == "interview" and first["time"] == "10:00" and first["place"] == "Room 2"
    assert first["employer"] == "Acme" and first["contacts"][0]["name"] == "Jette Hansen"
    second = days[1]["entries"][0]
    assert second["kind"] == "deadline" and second["time"] is None and second["title"] == "Chef"

    text = jt("week").stdout
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Data analyst – Acme" in text and "Room 2 · Jette Hansen +4530456405" in text
    assert "Chef – Viborg Kommune" in text and "in 3 days" in text
    assert json.loads(jt("week", "--weeks", "2", "--json").stdout)["days"] == days


def test_due_does_not_import_textual(jt) -> None:
    proc = jt("due", python_flags=("-X", "importtime"))
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "jobtrack.app.agenda" in imported  # the probe works
    assert not any(name == "textual" or name.startswith("textual.") for name in imported)
    assert "icalendar" not in imported
