"""The weekly review: coming days, what waits for an answer, the week just past."""

from __future__ import annotations

from datetime import date, datetime, time

from jobtrack.app.agenda import ago, past_week, review, span, waiting
from jobtrack.app.review import review_json, rows, text_lines
from jobtrack.core.model import Contact, Event, EventKind, Posting, Status, StatusChange

NOW = datetime(2026, 11, 23, 10, 0)  # a Monday


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0)


def records() -> tuple[list[Posting], list[Event], list[Contact]]:
    postings = [
        Posting("Chef", employer="Viborg Kommune", location="Viborg", deadline=date(2026, 11, 26), id=1,
                history=[StatusChange(Status.SAVED, at(20))]),
        Posting("Data analyst", employer="Acme", status=Status.APPLIED, id=2,
                history=[StatusChange(Status.SAVED, at(1)), StatusChange(Status.APPLIED, at(2))]),
        Posting("Developer", employer="Fjordbank", status=Status.INTERVIEWING, id=3,
                history=[StatusChange(Status.APPLIED, at(10)), StatusChange(Status.INTERVIEWING, at(18), "called me")]),
        Posting("Jurist", employer="Ember", status=Status.APPLIED, id=4,
                history=[StatusChange(Status.APPLIED, at(19))]),
        Posting("Missed", deadline=date(2026, 11, 21), id=5, history=[StatusChange(Status.SAVED, at(1))]),
        Posting("No", employer="Birch", status=Status.REJECTED, id=6,
                history=[StatusChange(Status.APPLIED, at(3)), StatusChange(Status.REJECTED, at(22, 15))]),
    ]
    events = [
        Event(3, EventKind.INTERVIEW, date(2026, 11, 19), time(13, 0), place="Room 4", id=1),  # over: 3 waits since then
        Event(4, EventKind.INTERVIEW, date(2026, 11, 25), time(10, 0), place="Room 2", id=2),  # booked: 4 does not wait
        Event(6, EventKind.INTERVIEW, date(2026, 11, 30), time(10, 0), id=3),  # rejected: not shown ahead
    ]
    contacts = [Contact("Jette Hansen", phone="+4530456405", posting_ids=[4], id=1)]
    return postings, events, contacts


def test_waiting_for_an_answer_longest_first() -> None:
    postings, events, _ = records()
    found = waiting(postings, events, NOW)
    assert [(w.posting.id, w.step, w.since) for w in found] == [
        (2, "applied", at(2)),
        (3, "interview", at(19, 13)),
    ]


def test_the_week_just_past() -> None:
    postings, events, _ = records()
    found = past_week(postings, events, NOW)
    assert [(h.at, h.what, h.posting.id if h.posting else None) for h in found] == [
        (at(18), "interviewing", 3),
        (at(19), "applied", 4),
        (at(19, 13), "interview", 3),
        (at(20), "added", 1),
        (datetime(2026, 11, 21, 23, 59), "closed", 5),
        (at(22, 15), "rejected", 6),
    ]
    assert found[0].note == "called me"


def test_span_includes_past_days_with_past_wording() -> None:
    postings, events, contacts = records()
    found = span(postings, events, contacts, NOW, date(2026, 11, 1), date(2026, 12, 1))
    assert [(e.at.date().day, e.kind, e.left) for e in found] == [
        (19, "interview", "4 days ago"),
        (21, "deadline", "closed 2 days ago"),
        (25, "interview", "2 days"),
        (26, "deadline", "3 days"),
    ]
    assert (ago(date(2026, 11, 22), NOW.date()), ago(date(2026, 11, 2), NOW.date())) == ("yesterday", "3 weeks ago")


def test_review_text_has_three_sections_within_80_columns() -> None:
    postings, events, contacts = records()
    lines = text_lines(rows(review(postings, events, contacts, NOW)))
    assert all(len(line) <= 80 for line in lines)
    assert lines[:6] == [
        "The next 7 days",
        "Wed 25 Nov 2026",
        "  10:00  interview  Jurist – Ember",
        "                   Room 2 · Jette Hansen +4530456405",
        "",
        "Thu 26 Nov 2026",
    ]
    assert lines[6].startswith("         deadline   Chef – Viborg Kommune") and lines[6].endswith("in 3 days")
    assert lines[7:11] == ["", "Waiting for an answer", lines[9], lines[10]]
    assert lines[9].startswith("  Data analyst – Acme") and lines[9].endswith("applied 3 weeks ago · follow up in 7 days")
    assert lines[10].startswith("  Developer – Fjordbank") and lines[10].endswith("interview 4 days ago")
    assert lines[11:14] == ["", "The week just past", "  Wed 18 Nov  interviewing Developer – Fjordbank · called me"]
    assert "  Sat 21 Nov  closed       Missed" in lines
    assert "  Thu 19 Nov  interview    Developer – Fjordbank" in lines


def test_quiet_week_says_so() -> None:
    lines = text_lines(rows(review([], [], [], NOW, days=14)))
    assert lines == [
        "The next 14 days", "  Nothing due in the next 14 days.", "",
        "Waiting for an answer", "  No application is waiting for an answer.", "",
        "The week just past", "  Nothing happened in the last 7 days.",
    ]


def test_rows_carry_their_posting_for_the_screen() -> None:
    postings, events, contacts = records()
    entry_ids = [r.posting_id for r in rows(review(postings, events, contacts, NOW)) if r.kind == "entry"]
    assert entry_ids == [4, 1, 2, 3, 3, 4, 3, 1, 5, 6]


def test_review_json() -> None:
    postings, events, contacts = records()
    data = review_json(review(postings, events, contacts, NOW))
    assert [d["day"] for d in data["days"]] == ["2026-11-25", "2026-11-26"]
    assert data["waiting"][0] == {
        "posting_id": 2, "title": "Data analyst", "employer": "Acme", "step": "applied",
        "since": "2026-11-02T09:00", "days": 21,
        "ghosted": False, "follow_up": "follow up in 7 days", "next_follow_up": "2026-11-30",
    }
    assert [p["what"] for p in data["past"]] == ["interviewing", "applied", "interview", "added", "closed", "rejected"]
