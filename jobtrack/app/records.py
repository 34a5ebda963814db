"""Records, the edits after a posting is in: its fields, status, notes, contacts and events, deletes and imports.

The CLI and the TUI both change what is tracked through these functions, so
a rule (a shared contact is unlinked, not deleted; a new event is an
interview unless told otherwise) holds in both. Each one is a single store
transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from jobtrack.core import clock
from jobtrack.core.fields import read
from jobtrack.core.model import Contact, Event, EventKind, Posting, Status, StatusChange, replace_fields

if TYPE_CHECKING:  # the CLI imports this module to build its parser: the store loads when used
    from jobtrack.store import Bundle, Store
    from jobtrack.store.store import ImportCounts


def edit_posting(store: Store, posting_id: int, fields: dict[str, Any]) -> Posting:
    """Only the given fields change, on the freshest copy: what another process changed meanwhile stays."""
    return store.edit_posting(posting_id, fields)


def save_notes(store: Store, posting_id: int, notes: str) -> Posting:
    """The notes alone, as the detail screen saves them while the user types."""
    return store.edit_posting(posting_id, {"notes": notes})


class FutureDay(ValueError):
    """A status change dated after today."""


def set_status(store: Store, posting_id: int, status: Status, note: str = "", *,
               on: date | None = None, now: datetime | None = None) -> Posting:
    """A step along the pipeline, now or on the day `on` the user states ("I applied on the 27th").

    A stated day goes into the history at its place in time (the start of that
    day; the entry says when it was recorded), so the report and the follow-up
    reminders count from it. The current status is the last entry's: a
    backdated change never undoes a later step, and goes after a "saved"
    recorded later (tracking a posting is not a step). Stated again for the
    latest change of the same status, the day moves that change instead.
    """
    if on is None:
        return store.set_status(posting_id, status, note, at=now)
    now = now or clock.now()
    if on > now.date():
        raise FutureDay(f"{on.isoformat()} is after today: a status change is dated on the day it happened")
    with store.transaction():
        history = list(store.posting(posting_id).history)
        if history and history[-1].status is status:
            last = history.pop()
            note = note or last.note
        change = StatusChange.stated(status, on, note, now)
        place = len(history)
        while place and history[place - 1].at.date() > on and history[place - 1].status is not Status.SAVED:
            place -= 1
        history.insert(place, change)
        return store.edit_posting(posting_id, {"history": history, "status": history[-1].status})


def delete_posting(store: Store, posting_id: int) -> Bundle:
    """Delete a posting with its events and text; the returned bundle undoes it (`restore_posting`)."""
    return store.delete_posting(posting_id)


def restore_posting(store: Store, deleted: Bundle) -> Posting:
    """Undo `delete_posting`: the posting comes back under its old id."""
    return store.restore(deleted)


def add_contact(store: Store, posting_id: int, fields: dict[str, Any]) -> Contact:
    """A contact person for a posting; a name is what makes one."""
    if not fields.get("name"):
        raise ValueError("a contact needs a name")
    return store.add_contact(replace_fields(Contact("", posting_ids=[posting_id]), fields))


def edit_contact(store: Store, contact_id: int, fields: dict[str, Any]) -> Contact:
    return store.edit_contact(contact_id, fields)


def remove_contact(store: Store, contact_id: int, posting_id: int | None = None) -> Contact:
    """Removed from `posting_id` only while other postings share it; deleted otherwise (or when no posting is named)."""
    with store.transaction():
        contact = store.contact(contact_id)
        others = [pid for pid in contact.posting_ids if pid != posting_id]
        if posting_id is not None and others:
            return store.edit_contact(contact_id, {"posting_ids": others})
        return store.delete_contact(contact_id)


def add_event(store: Store, posting_id: int, fields: dict[str, Any]) -> Event:
    """An interview, test, follow-up…: an interview unless `fields` names the kind."""
    return store.add_event(replace_fields(Event(posting_id, EventKind.INTERVIEW), fields))


def edit_event(store: Store, event_id: int, fields: dict[str, Any]) -> Event:
    return store.edit_event(event_id, fields)


def remove_event(store: Store, event_id: int) -> Event:
    return store.delete_event(event_id)


def import_rows(store: Store, rows: list[tuple[Posting, frozenset[str]]]) -> ImportCounts:
    """Spreadsheet rows into the store: a row whose uid is already here updates only the
    columns it gives (a status change goes into the history), so importing the same CSV
    again changes nothing; other rows are new postings."""
    from jobtrack.app.spreadsheet import applied_on, attributes
    from jobtrack.store.store import Bundle, ImportCounts

    counts = ImportCounts()
    with store.transaction():
        known = {p.uid: p for p in store.postings()}
        new = []
        for posting, columns in rows:
            old = known.get(posting.uid) if "uid" in columns else None
            if old is None or old.id is None:
                new.append(Bundle(posting))
                continue
            changes = {f: read(posting, f) for c in columns for f in attributes(c) if read(posting, f) != read(old, f)}
            if changes:
                store.edit_posting(old.id, changes)
            applied = applied_on(posting) if "applied" in columns else None
            redated = applied is not None and applied != applied_on(old)
            if redated:
                set_status(store, old.id, Status.APPLIED, "from a spreadsheet", on=applied)
            if "status" in columns and posting.status != old.status:
                store.set_status(old.id, posting.status, "from a spreadsheet")
            if changes or redated or ("status" in columns and posting.status != old.status):
                counts.updated += 1
            else:
                counts.unchanged += 1
        counts.added = len(store.add_many(new))
    return counts


def import_export(store: Store, bundles: list[Bundle], reminders: object, progress: Callable[[int], None]) -> ImportCounts:
    """A jobtrack export into the store in one transaction, with the shown, snoozed and dismissed
    marks of its reminders, so old reminders do not fire again here."""
    from jobtrack.app.reminders import META_KEY, load_state, rekey

    with store.transaction():
        counts = store.import_bundles(bundles, progress=progress)
        theirs = load_state({META_KEY: reminders})
        if not theirs:
            return counts
        here = {uid: local for local, uid in reminder_subjects(store).items()}
        ours = load_state(store.meta())
        merged = {**ours, **{k: {**entry, **ours.get(k, {})} for k, entry in rekey(theirs, here).items()}}
        if merged != ours:
            store.set_meta(META_KEY, merged)
        return counts


def reminder_subjects(store: Store) -> dict[str, str]:
    """A reminder's subject in this store ("posting-7") → the same by identity ("posting-<uid>")."""
    out = {f"posting-{p.id}": f"posting-{p.uid}" for p in store.postings()}
    out.update({f"event-{e.id}": f"event-{e.uid}" for e in store.events()})
    return out
