"""A small file beside the store holding only what is dated from a given day on,
so that `jobtrack due` can answer on every shell prompt without loading
thousands of postings.

It is derived data (`derived.py`): besides the version of the store it was
built from, it names the days it covers, and it is ignored and rebuilt as
soon as either no longer fits. Losing it costs one slower `due`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson

from jobtrack.core.ahead import deadline_counts
from jobtrack.core.model import Event, Posting, event_from_dict, posting_from_dict, to_dict
from jobtrack.store import derived

VERSION = 1
# How far ahead an index reaches: it serves `due` for about three weeks.
HORIZON = timedelta(days=31)
# What the due line reads of a posting (tests/test_due_index.py checks that
# the line from the index is the line from the store); the rest stays out.
POSTING_FIELDS = ("title", "employer", "location", "status", "deadline", "deadline_time")
EVENT_SLIM = ("evidence", "notes")


def index_path(db: Path) -> Path:
    return derived.beside(db, "due")


def _posting_row(p: Posting) -> dict[str, Any]:
    row = to_dict(p)
    return {k: row[k] for k in POSTING_FIELDS}


def _event_row(e: Event) -> dict[str, Any]:
    row = to_dict(e)
    for key in EVENT_SLIM:
        row.pop(key, None)
    return row


def build(stamp: list[Any], postings: Iterable[Posting], events: Iterable[Event], first: date, until: date) -> bytes:
    """Open deadlines and events on the days `first` ≤ day < `until`, with their postings.

    `stamp` is `derived.store_stamp`, read before the records were loaded.
    """
    dated = [_event_row(e) for e in events if e.day is not None and first <= e.day < until]
    needed = {e["posting_id"] for e in dated}
    rows = {}
    for p in postings:
        open_deadline = p.deadline is not None and first <= p.deadline < until and deadline_counts(p.status)
        if p.id is not None and (open_deadline or p.id in needed):
            rows[str(p.id)] = _posting_row(p)
    return orjson.dumps(
        {"version": VERSION, "stamp": stamp, "from": first.isoformat(), "until": until.isoformat(), "postings": rows, "events": dated}
    )


def save(db: Path, data: bytes) -> None:
    if db.exists():  # no store yet: nothing is created before the first save
        derived.save(index_path(db), data)


def load(db: Path, first: date, end: date) -> tuple[list[Posting], list[Event]] | None:
    """Postings and events dated `first` ≤ day < `end`; None when the index is missing or stale."""
    data = derived.read(index_path(db), VERSION, db)
    if not (
        data is not None
        and str(data.get("from", "9999")) <= first.isoformat()
        and end.isoformat() <= str(data.get("until", ""))
    ):
        return None
    lo, hi = first.isoformat(), end.isoformat()
    rows: dict[str, Any] = data["postings"]
    events = [e for e in data["events"] if lo <= e["day"] < hi]
    wanted = {str(e["posting_id"]) for e in events}
    wanted.update(k for k, row in rows.items() if lo <= (row.get("deadline") or "") < hi)
    postings = [posting_from_dict({**rows[k], "id": int(k)}) for k in sorted(wanted) if k in rows]
    return postings, [event_from_dict(e) for e in events]
