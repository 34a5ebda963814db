from __future__ import annotations

import sys
from datetime import date, datetime, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobtrack.countdown import countdown, next_moment, sort_key, urgency  # noqa: E402
from jobtrack.model import Event, EventKind, Posting, Status  # noqa: E402

NOW = datetime(2026, 11, 23, 10, 0)


def test_countdown_words() -> None:
    assert countdown(datetime(2026, 11, 26, 23, 59), NOW) == "3 days"
    assert countdown(datetime(2026, 11, 23, 18, 0), NOW) == "today 18:00"
    assert countdown(datetime(2026, 11, 24, 9, 0), NOW) == "tomorrow 09:00"
    assert countdown(datetime(2026, 11, 21, 23, 59), NOW) == "closed 2 days ago"
    assert countdown(datetime(2026, 11, 23, 15, 0), NOW) == "in 5 h"
    assert countdown(datetime(2026, 11, 23, 10, 30), NOW) == "in 30 min"
    assert countdown(datetime(2026, 12, 14, 12, 0), NOW) == "3 weeks"


def test_urgency() -> None:
    assert urgency(datetime(2026, 11, 24, 9, 0), NOW) == "urgent"
    assert urgency(datetime(2026, 11, 28), NOW) == "soon"
    assert urgency(datetime(2026, 12, 28), NOW) == "later"
    assert urgency(datetime(2026, 11, 1), NOW) == "past"
    assert urgency(None, NOW) == "later"


def test_next_moment_and_order() -> None:
    a = Posting("A", deadline=date(2026, 12, 10), id=1)
    b = Posting("B", deadline=date(2026, 11, 25), id=2)
    c = Posting("C", deadline=date(2026, 11, 1), id=3)  # closed
    d = Posting("D", status=Status.APPLIED, id=4)
    e = Posting("E", status=Status.REJECTED, id=5)
    iv = Event(4, EventKind.INTERVIEW, day=date(2026, 11, 24), time=time(9, 0))
    events = {4: [iv]}
    assert next_moment(d, [iv], NOW) == datetime(2026, 11, 24, 9, 0)
    assert next_moment(c, [], NOW) is None
    order = sorted([a, b, c, d, e], key=lambda p: sort_key(p, events.get(p.id or 0, []), NOW))
    assert [p.title for p in order] == ["D", "B", "A", "C", "E"]
