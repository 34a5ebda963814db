"""The postings list's lines: order, countdown inputs, search, and the JSON they are kept in."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import orjson
from jobtrack.core.listing import FILTERS, SORTS, Line, in_order, lines_of
from jobtrack.core.model import Event, EventKind, Posting, Status, StatusChange

NOW = datetime(2026, 11, 23, 10, 0)


def postings_and_events() -> tuple[list[Posting], list[Event]]:
    postings = [
        Posting("A", employer="Aarhus Kommune", deadline=date(2026, 12, 10), id=1),
        Posting("B", employer="Birch", deadline=date(2026, 11, 25), deadline_time=time(12, 0), id=2),
        Posting("C", deadline=date(2026, 11, 1), id=3),  # closed before it was applied for
        Posting("D", status=Status.APPLIED, id=4),
        Posting("E", status=Status.REJECTED, id=5, created=datetime(2026, 11, 10, 9, 0)),  # ended after C closed
        Posting("F", status=Status.APPLIED, id=6),  # nothing ahead
    ]
    events = [
        Event(4, EventKind.INTERVIEW, day=date(2026, 11, 24), time=time(9, 0)),
        Event(4, EventKind.INTERVIEW, day=date(2026, 11, 20), time=time(9, 0)),  # already over
        Event(4, EventKind.OTHER, day=date(2026, 11, 23), time=time(11, 0)),  # not an interview
        Event(2, EventKind.TEST, day=date(2026, 12, 1)),  # after B's deadline
        Event(6, EventKind.CASE),  # announced, no date yet
    ]
    return postings, events


def test_order_nearest_first_then_nothing_ahead_then_closed_and_finished() -> None:
    lines = in_order(lines_of(*postings_and_events()), NOW)
    assert [line.title for line in lines] == ["D", "B", "A", "F", "E", "C"]


def test_next_interview_and_moment() -> None:
    by_title = {line.title: line for line in lines_of(*postings_and_events())}
    assert by_title["D"].next_interview(NOW) == (datetime(2026, 11, 24, 9, 0), True)
    assert by_title["D"].next_moment(NOW) == datetime(2026, 11, 24, 9, 0)
    assert by_title["B"].next_moment(NOW) == datetime(2026, 11, 25, 12, 0)  # the deadline comes before the test
    assert by_title["B"].next_interview(NOW) == (datetime(2026, 12, 1, 23, 59), False)  # no hour: all day
    assert by_title["C"].next_moment(NOW) is None
    assert by_title["C"].display_status(NOW) == "closed"
    assert by_title["A"].display_status(NOW) == "saved"
    later = datetime(2026, 11, 24, 9, 0)
    assert by_title["D"].next_interview(later) == (later, True)  # an interview starting now is still ahead


def test_an_applied_posting_no_longer_counts_its_deadline() -> None:
    applied = Line.of(Posting("G", status=Status.APPLIED, deadline=date(2026, 11, 30), id=7), [])
    assert applied.next_moment(NOW) is None
    assert not applied.is_closed(datetime(2026, 12, 5))


def test_matches_every_word_of_the_query() -> None:
    line = Line.of(Posting("Backend developer", employer="Fjordbank", id=1), [])
    assert line.matches("")
    assert line.matches("fjord BACKEND")
    assert not line.matches("backend aarhus")


def test_filters_are_the_words_of_the_status_column() -> None:
    by_title = {line.title: line for line in lines_of(*postings_and_events())}
    assert FILTERS[0] is None and FILTERS[-1] == "closed"
    assert [t for t, line in by_title.items() if line.shows_as("saved", NOW)] == ["A", "B"]
    assert [t for t, line in by_title.items() if line.shows_as("closed", NOW)] == ["C"]
    assert [t for t, line in by_title.items() if line.shows_as("applied", NOW)] == ["D", "F"]
    assert all(line.shows_as(None, NOW) for line in by_title.values())


def ended(title: str, **kw) -> Posting:  # type: ignore[no-untyped-def]
    return Posting(title, created=datetime(2026, 10, 1, 9, 0), **kw)


def test_closed_and_finished_postings_come_latest_first_not_by_id() -> None:
    postings = [
        ended("closed long ago", deadline=date(2026, 10, 5), id=1),
        ended("rejected last week", status=Status.REJECTED, id=2,
              history=[StatusChange(Status.REJECTED, datetime(2026, 11, 16, 12, 0))]),
        ended("closed yesterday", deadline=date(2026, 11, 22), id=3),
        ended("withdrawn, never changed since saved", status=Status.WITHDRAWN, id=4),  # ended when it was saved
        ended("ahead", deadline=date(2026, 12, 1), id=5),
    ]
    lines = in_order(lines_of(postings, []), NOW)
    assert [line.id for line in lines] == [5, 3, 2, 1, 4]


def test_a_status_change_imported_with_an_offset_is_ordered_with_the_others() -> None:
    postings = [
        ended("rejected, offset", status=Status.REJECTED, id=1,
              history=[StatusChange(Status.REJECTED, datetime(2026, 11, 3, 9, 0, tzinfo=timezone(timedelta(hours=1))))]),
        ended("withdrawn the day before", status=Status.WITHDRAWN, id=2,
              history=[StatusChange(Status.WITHDRAWN, datetime(2026, 11, 2, 9, 0))]),
    ]
    lines = lines_of(postings, [])
    assert lines[0].finished_at is not None and lines[0].finished_at.tzinfo is None
    assert [line.id for line in in_order(lines, NOW)] == [1, 2]


def test_sorts_by_a_column_with_the_empty_ones_last_either_way() -> None:
    lines = lines_of(*postings_and_events())
    assert [line.title for line in in_order(lines, NOW, "deadline")] == ["C", "B", "A", "D", "F", "E"]
    # reversed: postings without a deadline still last, in the list's own order
    assert [line.title for line in in_order(lines, NOW, "deadline", reverse=True)] == ["A", "B", "C", "D", "F", "E"]
    assert [line.title for line in in_order(lines, NOW, "employer", reverse=True)] == ["B", "A", "D", "F", "E", "C"]
    assert [line.title for line in in_order(lines, NOW, "interview")] == ["D", "B", "A", "F", "E", "C"]
    # the pipeline's order of the Status column; ties (saved B and A) in the list's own order
    assert [line.title for line in in_order(lines, NOW, "status")] == ["B", "A", "D", "F", "C", "E"]
    assert [line.title for line in in_order(lines, NOW, "title", reverse=True)] == ["F", "E", "D", "C", "B", "A"]
    assert set(SORTS) >= {"next", "title", "employer", "status", "deadline", "interview", "location", "salary"}


def test_json_round_trip_keeps_every_field() -> None:
    for line in lines_of(*postings_and_events()):
        assert Line.from_json(orjson.loads(orjson.dumps(line.to_json()))) == line
