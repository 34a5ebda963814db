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

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from jobtrack.core.listing import Line, lines_of
from jobtrack.store import derived
from jobtrack.store.journal import FileStamp, Stamp, file_stamp

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


# The last index file parsed in this process and its version: `add` asks it for a
# look-alike twice and then brings it up to date, and at 20,000 postings each
# parse is ~20 ms. A file is replaced, never changed in place, so its (inode,
# mtime, size) names its content.
_parsed: tuple[Path, FileStamp, dict[str, Any] | None] | None = None


def _read(db: Path) -> dict[str, Any] | None:
    """The index file's object, whichever version of the store it names (parsed once per file version)."""
    global _parsed
    path = index_path(db)
    stamp = file_stamp(path)
    if stamp is None:
        return None
    if _parsed is None or _parsed[:2] != (path, stamp):
        _parsed = (path, stamp, derived.read_any(path, VERSION))
    return _parsed[2]


def matching(store: Store, match: Callable[[str, str], bool]) -> list[int] | None:
    """Ids of the postings whose title and employer pass `match`, read from the index
    when it is of the store's current version (None when it is not): a question
    about two fields of every posting, answered without loading every posting."""
    if store.has_unsaved():
        return None
    data = _read(store.path)
    if data is None or derived.stamp_of(data) != store.stamp():
        return None
    try:
        return [int(row[0]) for row in data["lines"] if match(str(row[1]), str(row[2]))]
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def refresh(store: Store) -> None:
    """Bring the index to the store's version (checked without building its lines:
    this runs after every command). When `store` itself made every save since the
    version the index names, only the lines of the postings it changed are rebuilt;
    otherwise all of them. Written only if the store did not change while it was
    read, so it never names the wrong version."""
    db = store.path
    stamp = store.stamp()
    if derived.names(index_path(db), VERSION, stamp):
        return
    data = _read(db)
    known = None if data is None else derived.stamp_of(data)
    if known == stamp:
        return
    changed = None if known is None else store.changed_since(known)
    previous = None if data is None else data.get("lines")
    if changed is None or not isinstance(previous, list):
        rows = [line.to_json() for line in lines_of(store.postings(), store.events())]
    else:
        rows = _patched(store, previous, changed)
    out = {"version": VERSION, "stamp": stamp, "lines": rows}
    if store.stamp() == stamp:
        derived.save(index_path(db), orjson.dumps(out))


def _patched(store: Store, rows: list[Any], changed: set[int]) -> list[Any]:
    """The index's lines with those of `changed` postings rebuilt, dropped if the posting is gone."""
    from jobtrack.store import NotFound

    fresh: dict[int, list[Any]] = {}
    for ident in changed:
        try:
            fresh[ident] = Line.of(store.posting(ident), store.events(ident)).to_json()
        except NotFound:
            continue
    kept = []
    for row in rows:
        key: Any = row[0] if isinstance(row, list) and row else None
        if key not in changed:
            kept.append(row)
        elif key in fresh:
            kept.append(fresh.pop(key))
    return kept + [fresh[i] for i in sorted(fresh)]
