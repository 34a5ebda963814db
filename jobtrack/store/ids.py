"""The next free id of each table, kept in a file that no restore rolls back.

A posting's text and original document are files named by its id, written
before the record that takes the id is saved, so that no saved posting
lacks them. A crash between the two, or a `restore` of an older backup,
would let the next posting take that id again and show a dead posting's
text. So the ids a save hands out are first written here, durably, before
any file of theirs; `restore` never touches this file; and when it is
missing (a store from before it, a store copied without it) the ids of the
texts and documents found on disk count too. Ids are never reused, so an
old `jobtrack show 7` never shows another posting either.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from jobtrack.store.atomic import atomic_write
from jobtrack.store.locations import ids_path

Marks = dict[str, int]


def read_marks(db: Path) -> Marks | None:
    """None when the file is missing or damaged: then the caller looks at the files on disk."""
    try:
        data = orjson.loads(ids_path(db).read_bytes())
    except (FileNotFoundError, orjson.JSONDecodeError):
        return None
    if not isinstance(data, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in data.values()):
        return None
    return data


def save_marks(db: Path, marks: Marks) -> None:
    atomic_write(ids_path(db), orjson.dumps(marks))
