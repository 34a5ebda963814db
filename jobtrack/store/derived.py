"""Files derived from the store and kept beside it: the due index and the list index.

Derived data is never the truth. Each file names the version of the store
it was built from (the stamps of the main file and the journal, see
`journal.store_stamp`); a reader that finds another version of the store,
another format or damage ignores the file. Losing one costs a slower
start, nothing else, so writing one is best effort.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from jobtrack.store import journal
from jobtrack.store.atomic import atomic_write
from jobtrack.store.locations import beside as beside  # the indexes name their files with it


def store_stamp(db: Path) -> list[Any]:
    """The store's version as JSON gives it back. Read it before reading the records:
    data newer than its stamp only makes a file stale, the other way round it would lie."""
    return [None if s is None else list(s) for s in journal.store_stamp(db)]


def save(path: Path, data: bytes) -> None:
    """Best effort: a folder that cannot be written only means no derived file."""
    try:
        atomic_write(path, data)
    except OSError:
        pass


def names(path: Path, version: int, stamp: journal.Stamp) -> bool:
    """The file is of this format and names this version of the store, judged from its
    first bytes alone: a file that names no other is not parsed (megabytes at 20,000
    postings) after every command. Holds for files that begin with their version and
    stamp, as every writer here writes them; for any other this is False."""
    head = orjson.dumps({"version": version, "stamp": [None if s is None else list(s) for s in stamp]})[:-1] + b","
    try:
        with path.open("rb") as f:
            return f.read(len(head)) == head
    except OSError:
        return False


def read_any(path: Path, version: int) -> dict[str, Any] | None:
    """The file's object if it has this format, whichever version of the store it names."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return data if isinstance(data, dict) and data.get("version") == version else None


def stamp_of(data: dict[str, Any]) -> journal.Stamp | None:
    """The store version a derived file names, as `journal.store_stamp` gives it; None if it is not one."""
    try:
        main, log = (None if s is None else (int(s[0]), int(s[1]), int(s[2])) for s in data["stamp"])
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return main, log


def read(path: Path, version: int, db: Path) -> dict[str, Any] | None:
    """The file's object if it has this format and the store is still the version it names."""
    data = read_any(path, version)
    return data if data is not None and data.get("stamp") == store_stamp(db) else None
