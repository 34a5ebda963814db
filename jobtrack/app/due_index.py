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
from typing import TYPE_CHECKING, Any

import orjson

from jobtrack.core.ahead import deadline_counts
from jobtrack.core.model import Event, Posting, Status, event_from_dict, posting_from_dict, stored, to_dict
from jobtrack.store import NotFound, derived

if TYPE_CHECKING:
    from jobtrack.store import Store

VERSION = 1
# How far ahead an index reaches: it serves `due` for about three weeks.
HORIZON = timedelta(days=31)
# What the due line reads of a posting (tests/test_due_index.py checks that
# the line from the index is the line from the store); the rest stays out.
POSTING_FIELDS = ("title", "employer", "location", "status", "deadline", "deadline_time")
EVENT_SLIM = ("evidence", "notes")


def index_path(db: Path) -> Path:
    return derived.beside(db, "due")


Rows = Iterable[tuple[int, dict[str, Any]]]  # (id, the row as stored): JSON values, as `to_dict` gives them


def build(stamp: list[Any], postings: Iterable[Posting], events: Iterable[Event], first: date, until: date) -> bytes:
    """Open deadlines and events on the days `first` ≤ day < `until`, with their postings.

    `stamp` is `derived.store_stamp`, read before the records were loaded.
    """
    rows = build_rows(stamp, ((p.id or 0, to_dict(p)) for p in postings), ((e.id or 0, to_dict(e)) for e in events),
                      first, until)
    return orjson.dumps(rows)


def build_rows(stamp: list[Any], postings: Rows, events: Rows, first: date, until: date) -> dict[str, Any]:
    """`build` from the rows as stored (`Store.rows`), so that a store of thousands
    of postings is read without making a model object of each."""
    lo, hi = first.isoformat(), until.isoformat()
    dated = []
    for ident, row in events:
        day = row.get("day")
        if isinstance(day, str) and lo <= day < hi:
            dated.append({**{k: v for k, v in row.items() if k not in EVENT_SLIM}, "id": ident})
    needed = {e.get("posting_id") for e in dated}
    kept, archived = {}, set()
    for ident, row in postings:
        if row.get("archived"):  # put away: `due` leaves it out unless asked (`--all` reads the store)
            archived.add(ident)
            continue
        deadline = row.get("deadline")
        open_deadline = isinstance(deadline, str) and lo <= deadline < hi and deadline_counts(_status(row.get("status")))
        if open_deadline or ident in needed:
            kept[str(ident)] = {k: row[k] for k in POSTING_FIELDS if k in row}
    dated = [e for e in dated if e.get("posting_id") not in archived]
    return {"version": VERSION, "stamp": stamp, "from": lo, "until": hi, "postings": kept, "events": dated}


def _status(value: Any) -> Status:
    try:
        return stored(Status, value or Status.SAVED)
    except ValueError:
        return Status.SAVED  # the row's own error is for whoever reads the row


def refresh(store: Store) -> None:
    """After `store`'s saves, bring an index that was current before them up to date
    by the postings they changed, so `due` after a one-posting command is still
    quick. Any other index is left for the next `due` to rebuild."""
    path = index_path(store.path)
    stamp = store.stamp()
    if derived.names(path, VERSION, stamp):
        return
    data = derived.read_any(path, VERSION)
    known = None if data is None else derived.stamp_of(data)
    changed = None if known is None or known == stamp else store.changed_since(known)
    if data is None or changed is None:
        return
    try:
        first, until = date.fromisoformat(data["from"]), date.fromisoformat(data["until"])
        postings = {k: row for k, row in data["postings"].items() if int(k) not in changed}
        events = [e for e in data["events"] if e["posting_id"] not in changed]
    except (KeyError, TypeError, ValueError):
        return
    for ident in sorted(changed):
        try:
            p = store.posting(ident)
        except NotFound:
            continue
        part = build_rows([], [(ident, to_dict(p))], ((e.id or 0, to_dict(e)) for e in store.events(ident)), first, until)
        postings.update(part["postings"])
        events += part["events"]
    data.update(stamp=[None if s is None else list(s) for s in stamp], postings=postings, events=events)
    if store.stamp() == stamp:
        derived.save(path, orjson.dumps(data))


def save(db: Path, data: bytes) -> None:
    if db.exists():  # no store yet: nothing is created before the first save
        derived.save(index_path(db), data)


def load(db: Path, first: date, end: date) -> tuple[list[Posting], list[Event]] | None:
    """Postings and events dated `first` ≤ day < `end`; None when the index is missing or stale."""
    data = derived.read(index_path(db), VERSION, db)
    return None if data is None else select(data, first, end)


def select(data: dict[str, Any], first: date, end: date) -> tuple[list[Posting], list[Event]] | None:
    """What an index (`build_rows`) holds for `first` ≤ day < `end`; None when it does not reach that far."""
    if not (str(data.get("from", "9999")) <= first.isoformat() and end.isoformat() <= str(data.get("until", ""))):
        return None
    lo, hi = first.isoformat(), end.isoformat()
    rows: dict[str, Any] = data["postings"]
    events = [e for e in data["events"] if lo <= e["day"] < hi]
    wanted = {str(e["posting_id"]) for e in events}
    wanted.update(k for k, row in rows.items() if lo <= (row.get("deadline") or "") < hi)
    postings = [posting_from_dict({**rows[k], "id": int(k)}) for k in sorted(wanted) if k in rows]
    return postings, [event_from_dict(e) for e in events]
