"""The main file one row per line, and beside it where each row is.

A command about one posting should read that posting, not parse twenty
thousand. A fold (`storage.py`) writes the main file with one row per line
(still one JSON object that any reader takes) and, beside it, `<db>.rows`:
each table's span in the file, each row's offset and length by id, and,
for tables that hang off a posting, which rows belong to which posting.

The row index is derived data: it names the version of the main file it
was written for (inode, mtime, size) and is ignored for any other, and
the file is then parsed whole, as before. A fold checks every row before
it writes, so rows read through a matching index are not checked again.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, MutableMapping, ValuesView
from pathlib import Path
from typing import Any

import orjson

from jobtrack.store.atomic import atomic_write
from jobtrack.store.journal import FileStamp, stamp_of
from jobtrack.store.locations import beside

VERSION = 1
Links = Mapping[str, str]  # table -> the field naming the posting(s) a row belongs to
_GONE = object()


def index_path(db: Path) -> Path:
    return beside(db, "rows")


def owners(value: Any) -> list[int]:
    """The posting ids a link field holds: one id or a list of them."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, int) and not isinstance(v, bool)]
    return []


def encode(tables: Mapping[str, Mapping[str, Any]], links: Links) -> tuple[bytes, Callable[[FileStamp], bytes]]:
    """The main file's bytes, and the row index for the stamp the file gets once written."""
    out = bytearray(b"{")
    head: dict[str, Any] = {}
    arrays: list[array[int]] = []
    for t, (table, rows) in enumerate(tables.items()):
        out += (b"\n" if t == 0 else b",\n") + orjson.dumps(table) + b":{"
        start = len(out) - 1
        keys: list[tuple[int, int, int]] = []
        pairs: list[tuple[int, int]] = []
        canonical = True
        field = links.get(table)
        for r, (key, row) in enumerate(rows.items()):
            out += (b"\n" if r == 0 else b",\n") + orjson.dumps(key) + b":"
            raw = orjson.dumps(row)
            if canonical and key.isascii() and key.isdigit() and str(int(key)) == key:
                keys.append((int(key), len(out), len(raw)))
                if field and isinstance(row, dict):
                    pairs += [(pid, int(key)) for pid in owners(row.get(field))]
            else:
                canonical = False
            out += raw
        out += b"}"
        entry: dict[str, Any] = {"span": [start, len(out) - start]}
        if canonical:
            keys.sort()
            pairs.sort()
            arrays += [array("q", (k[0] for k in keys)), array("q", (k[1] for k in keys)), array("q", (k[2] for k in keys))]
            arrays += [array("q", (p[0] for p in pairs)), array("q", (p[1] for p in pairs))]
            entry.update(rows=len(keys), links=len(pairs))
        head[table] = entry
    out += b"\n}\n"
    body = b"".join(a.tobytes() for a in arrays)

    def index_for(stamp: FileStamp) -> bytes:
        return orjson.dumps({"version": VERSION, "stamp": list(stamp), "tables": head}) + b"\n" + body

    return bytes(out), index_for


def save_index(db: Path, data: bytes) -> None:
    """Best effort: without it the next read parses the whole file, as before."""
    try:
        atomic_write(index_path(db), data)
    except OSError:
        pass


class _TableIndex:
    def __init__(self, arrays: list[array[int]]) -> None:
        self.keys, self.offsets, self.lengths, self.owners, self.owned = arrays

    def find(self, key: str) -> tuple[int, int] | None:
        if not (key.isascii() and key.isdigit()):
            return None
        ident = int(key)
        i = bisect_left(self.keys, ident)
        if i < len(self.keys) and self.keys[i] == ident:
            return self.offsets[i], self.lengths[i]
        return None

    def linked(self, owner: int) -> list[str]:
        lo, hi = bisect_left(self.owners, owner), bisect_right(self.owners, owner)
        return [str(self.owned[i]) for i in range(lo, hi)]


class MainFile:
    """An open main file: reads stay on the version opened, even if a fold replaces it meanwhile."""

    def __init__(self, path: Path, fd: int, damaged: Callable[[], Exception]) -> None:
        self.path, self.fd, self.damaged = path, fd, damaged

    def read(self, offset: int, length: int) -> bytes:
        return os.pread(self.fd, length, offset)

    def parse(self, offset: int, length: int) -> Any:
        """The JSON at that place; bytes that are not a row are damage, named like any other."""
        try:
            value = orjson.loads(self.read(offset, length))
        except (orjson.JSONDecodeError, OSError):
            raise self.damaged() from None
        if not isinstance(value, dict):
            raise self.damaged()
        return value

    def __del__(self) -> None:
        os.close(self.fd)


class Rows(MutableMapping[str, Any]):
    """One table of the main file: a row is parsed when asked for; changes are kept over the file's rows.

    Iterating (a whole-table command) parses the table once and from then on it is a plain dict.
    """

    def __init__(self, source: MainFile, span: tuple[int, int], index: _TableIndex | None) -> None:
        self._source, self._span, self._index = source, span, index
        self._changes: dict[str, Any] = {}  # key -> row, or _GONE
        self._all: dict[str, Any] | None = None if index is not None else self._parse_all()

    def _parse_all(self) -> dict[str, Any]:
        data = self._source.parse(*self._span)
        for key, row in self._changes.items():
            if row is _GONE:
                data.pop(key, None)
            else:
                data[key] = row
        self._changes = {}
        return data

    def _whole(self) -> dict[str, Any]:
        if self._all is None:
            self._all = self._parse_all()
        return self._all

    def __getitem__(self, key: str) -> Any:
        if self._all is not None:
            return self._all[key]
        row = self._changes.get(key)
        if row is None:
            assert self._index is not None
            span = self._index.find(key)
            if span is None:
                raise KeyError(key)
            row = self._changes[key] = self._source.parse(*span)
        if row is _GONE:
            raise KeyError(key)
        return row

    def __contains__(self, key: object) -> bool:
        if self._all is not None or not isinstance(key, str):
            return key in self._whole()
        if key in self._changes:
            return self._changes[key] is not _GONE
        assert self._index is not None
        return self._index.find(key) is not None

    def __setitem__(self, key: str, row: Any) -> None:
        if self._all is not None:
            self._all[key] = row
        else:
            self._changes[key] = row

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        if self._all is not None:
            del self._all[key]
        else:
            self._changes[key] = _GONE

    def __iter__(self) -> Iterator[str]:
        return iter(self._whole())

    # The dict's own views: the generic ones call `__getitem__` once per row.
    def keys(self) -> KeysView[str]:
        return self._whole().keys()

    def values(self) -> ValuesView[Any]:
        return self._whole().values()

    def items(self) -> ItemsView[str, Any]:
        return self._whole().items()

    def __len__(self) -> int:
        return len(self._whole())

    def linked(self, owner: int) -> list[str] | None:
        """Keys of the rows that may belong to posting `owner` (the caller checks); None: look at all."""
        if self._all is not None or self._index is None:
            return None
        found = dict.fromkeys(self._index.linked(owner))
        found.update(dict.fromkeys(k for k, row in self._changes.items() if row is not _GONE))
        return list(found)


def open_lazy(path: Path, damaged: Callable[[], Exception]) -> dict[str, MutableMapping[str, Any]] | None:
    """The main file's tables, rows parsed as asked for; None when its row index does not fit it.

    `damaged`: the error to raise when a row turns out not to parse."""
    try:
        raw = index_path(path).read_bytes()
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    source = MainFile(path, fd, damaged)
    try:
        header, _, body = raw.partition(b"\n")
        head = orjson.loads(header)
        if head.get("version") != VERSION or head.get("stamp") != list(stamp_of(os.fstat(fd))):
            return None
        tables: dict[str, MutableMapping[str, Any]] = {}
        at = 0
        for table, entry in head["tables"].items():
            index = None
            if "rows" in entry:
                arrays = []
                for count in (entry["rows"],) * 3 + (entry["links"],) * 2:
                    a = array("q")
                    a.frombytes(body[at : at + 8 * count])
                    at += 8 * count
                    arrays.append(a)
                index = _TableIndex(arrays)
            start, length = entry["span"]
            tables[table] = Rows(source, (int(start), int(length)), index)
        return tables if at == len(body) else None
    except (ValueError, TypeError, KeyError, AttributeError, OSError):
        return None
