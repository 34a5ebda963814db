"""What the TUI's first screen needs, in a small file beside the store.

Loading a store of 5,000 postings takes a few hundred milliseconds; the
postings list needs only each posting's `Line` (the theme comes from the
config file). The TUI paints its first screen from this file and loads the
store behind it.

It is derived data (`derived.py`), trusted only while the store is the very
version it was built from. Whoever closes a Store brings the file up to
date (`refresh`), so after any command that changed the store, the next
start is quick again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from jobtrack.core.listing import Line, lines_of
from jobtrack.store import derived
from jobtrack.store.journal import Stamp

if TYPE_CHECKING:
    from jobtrack.store import Store

VERSION = 4  # 2: lines say whether the deadline and each interview have an hour; 3: whether archived; 4: place, pay, when a finished posting ended


@dataclass
class FirstScreen:
    stamp: Stamp  # the version of the store these lines are
    lines: list[Line]


def index_path(db: Path) -> Path:
    return derived.beside(db, "list")


def load(db: Path) -> FirstScreen | None:
    """None when the index is missing, damaged or not of the store's current version."""
    data = derived.read(index_path(db), VERSION, db)
    if data is None:
        return None
    main, log = (None if s is None else (s[0], s[1], s[2]) for s in data["stamp"])
    try:
        lines = [Line.from_json(row) for row in data["lines"]]
    except (KeyError, TypeError, ValueError):
        return None
    return FirstScreen((main, log), lines)


def build(first: FirstScreen) -> bytes:
    lines = [line.to_json() for line in first.lines]
    return orjson.dumps({"version": VERSION, "stamp": first.stamp, "lines": lines})


def refresh(store: Store) -> None:
    """Rewrite the index if it names another version of the store (checked
    without building its lines: this runs after every command); written only
    if the store did not change while it was read, so it never names the wrong version."""
    db = store.path
    stamp = store.stamp()
    if derived.read(index_path(db), VERSION, db) is not None:
        return
    first = FirstScreen(stamp, lines_of(store.postings(), store.events()))
    if store.stamp() == stamp:
        derived.save(index_path(db), build(first))
