"""Archived postings: put away, kept, and out of sight unless asked for.

An archived posting keeps everything (status, history, events, text); it is
only left out of the list, the agenda and the reminders. `active` is the
one place that leaves it out, so every view hides the same postings.
"""

from __future__ import annotations

from collections.abc import Iterable

from jobtrack.core.model import Event, Posting
from jobtrack.store import Store


def active(postings: Iterable[Posting], events: Iterable[Event]) -> tuple[list[Posting], list[Event]]:
    """The postings not archived, and only their events."""
    kept = [p for p in postings if not p.archived]
    ids = {p.id for p in kept}
    return kept, [e for e in events if e.posting_id in ids]


def set_archived(store: Store, ids: Iterable[int], archived: bool) -> list[tuple[Posting, bool]]:
    """Archive (or bring back) postings in one save; each with whether it changed.
    An unknown id stops it before anything is saved."""
    out = []
    with store.transaction():
        for ident in dict.fromkeys(ids):
            p = store.posting(ident)
            changed = p.archived != archived
            if changed:
                p = store.edit_posting(ident, {"archived": archived})
            out.append((p, changed))
    return out
