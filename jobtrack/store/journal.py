"""The write-ahead journal beside the store file: one line of JSON per save.

A record holds the full new value of every row a transaction set and the
keys of the rows it deleted, so replaying records in order over the main
file gives the current data, and replaying them again changes nothing.
Appending a record and fsyncing it costs milliseconds however big the
store is; rewriting the whole main file does not.

Only a writer holding the store's lock appends, and the file only ever
grows until it is removed, so a reader sees whole records followed by at
most one unfinished one: a write in progress, or one cut off by a crash
(never acknowledged). Anything invalid before the last line is damage.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from jobtrack.store.atomic import PRIVATE_FILE, fsync_dir, write_all
from jobtrack.store.locations import journal_path

Tables = dict[str, MutableMapping[str, Any]]  # a table may be `layout.Rows`, parsed as rows are asked for
Record = dict[str, Any]
FileStamp = tuple[int, int, int]  # (inode, mtime, size): one version of a file
Stamp = tuple[FileStamp | None, FileStamp | None]  # main file, journal: one version of a store


class JournalDamaged(ValueError):
    def __init__(self, number: int) -> None:
        self.number = number
        super().__init__(f"record {number} is not valid")


def stamp_of(st: os.stat_result) -> FileStamp:
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def file_stamp(path: Path) -> FileStamp | None:
    """Identity of the file's current version: (inode, mtime, size)."""
    try:
        return stamp_of(os.stat(path))
    except FileNotFoundError:
        return None


def store_stamp(db: Path) -> Stamp:
    """The version of a whole store, main file and journal: it changes with every save.

    Here, not in `storage`, so that `jobtrack due` can check it without importing TinyDB.
    """
    return (file_stamp(db), file_stamp(journal_path(db)))


def encode(tables: Tables, touched: dict[str, dict[str, None]]) -> bytes:
    """One record line for the rows a transaction touched, as they are now."""
    sets: dict[str, dict[str, Any]] = {}
    deletes: dict[str, list[str]] = {}
    for table, keys in touched.items():
        rows = tables.get(table, {})
        for key in keys:
            if key in rows:
                sets.setdefault(table, {})[key] = rows[key]
            else:
                deletes.setdefault(table, []).append(key)
    return orjson.dumps({"set": sets, "del": deletes}) + b"\n"


def _decode(line: bytes) -> Record | None:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(record, dict) or set(record) != {"set", "del"}:
        return None
    sets, deletes = record["set"], record["del"]
    if not isinstance(sets, dict) or not isinstance(deletes, dict):
        return None
    rows_ok = all(isinstance(rows, dict) and all(isinstance(r, dict) for r in rows.values()) for rows in sets.values())
    keys_ok = all(isinstance(keys, list) and all(isinstance(k, str) for k in keys) for keys in deletes.values())
    return record if rows_ok and keys_ok else None


def apply(tables: Tables, record: Record) -> None:
    for table, rows in record["set"].items():
        tables.setdefault(table, {}).update(rows)
    for table, keys in record["del"].items():
        rows = tables.get(table, {})
        for key in keys:
            rows.pop(key, None)


@dataclass
class Scan:
    records: list[Record] = field(default_factory=list)
    end: int = 0  # bytes of whole, valid records


def scan(raw: bytes, first_number: int = 1) -> Scan:
    """The valid records at the start of `raw`; an invalid line raises unless it is the last."""
    found = Scan()
    *complete, unfinished = raw.split(b"\n")
    for index, line in enumerate(complete):
        record = _decode(line)
        if record is None:
            if index == len(complete) - 1 and not unfinished:
                break  # a torn last record: never acknowledged, so never applied
            raise JournalDamaged(first_number + index)
        found.records.append(record)
        found.end += len(line) + 1
    return found


@dataclass
class Position:
    """How much of the journal cached data has taken in."""

    ino: int | None = None
    end: int = 0
    records: int = 0
    torn: bool = False  # bytes after `end`: an unfinished record

    def continues_in(self, stamp: FileStamp | None) -> bool:
        """True if the journal now on disk is this one, grown: only its tail is new."""
        return stamp is not None and (self.ino is None or stamp[0] == self.ino) and stamp[2] >= self.end


def read_from(path: Path, offset: int) -> tuple[int, bytes] | None:
    """The journal's inode and its bytes from `offset`; None if there is no journal."""
    try:
        with open(path, "rb") as f:
            ino = os.fstat(f.fileno()).st_ino
            f.seek(offset)
            return ino, f.read()
    except FileNotFoundError:
        return None


def append(path: Path, line: bytes) -> FileStamp:
    """Append one record and make it durable; the caller holds the store's lock."""
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
    try:
        write_all(fd, line)
        os.fsync(fd)
        st = os.fstat(fd)
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)
    return stamp_of(st)


def discard(path: Path) -> None:
    """Remove the journal for good (durably), if there is one."""
    try:
        path.unlink()
    except FileNotFoundError:
        return
    fsync_dir(path.parent)
