"""A TinyDB storage that cannot leave a broken file behind.

TinyDB's own `JSONStorage` rewrites the file in place, so a crash in the
middle of a write corrupts it, and it has no locking. This storage:

- writes atomically (temporary file, fsync, rename, fsync the folder);
- keeps the last good version as a hard-linked backup before each save;
- caches the parsed data and re-reads only when the file changed on disk
  (checked with one `stat`), so reads after another process wrote are fresh;
- defers writes inside a transaction, so a multi-table change is one save;
- refuses to read (and so ever to overwrite) a damaged file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from jobtrack.store import backups
from jobtrack.store.atomic import atomic_write
from jobtrack.store.errors import StoreDamaged

Stamp = tuple[int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    """Identity of the file's current version: (inode, mtime, size)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def parse_store_bytes(raw: bytes) -> dict[str, Any]:
    """Parse the file; anything that is not a JSON object of tables is damage."""
    data = orjson.loads(raw)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ValueError("not a jobtrack store")
    return data


def newest_good_backup(path: Path) -> Path | None:
    for candidate in backups.list_backups(path):
        try:
            parse_store_bytes(candidate.read_bytes())
        except (OSError, ValueError):
            continue
        return candidate
    return None


class SafeStorage(Storage):
    def __init__(self, path: str | os.PathLike[str], *, keep_backups: bool = True) -> None:
        self.path = Path(path)
        self.keep_backups = keep_backups
        self._data: dict[str, Any] | None = None
        self._stamp: Stamp | None = None
        self._deferred = 0
        self._dirty = False

    # -- reading --------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        if self._deferred and self._data is not None:
            return self._data
        stamp = file_stamp(self.path)
        if stamp is None:
            self._data, self._stamp = {}, None
            return self._data
        if stamp != self._stamp or self._data is None:
            self._data = self._load()
            self._stamp = stamp
        return self._data

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise StoreDamaged(self.path, f"cannot be read ({exc.strerror})", newest_good_backup(self.path)) from None
        try:
            return parse_store_bytes(raw)
        except ValueError:
            reason = "is empty" if not raw else "is damaged (not valid jobtrack data)"
            raise StoreDamaged(self.path, reason, newest_good_backup(self.path)) from None

    # -- writing --------------------------------------------------------------
    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        if self._deferred:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        assert self._data is not None
        payload = orjson.dumps(self._data)
        before = (lambda: backups.take_backup(self.path)) if self.keep_backups else None
        try:
            atomic_write(self.path, payload, before_replace=before)
        except BaseException:
            self.invalidate()
            raise
        self._stamp = file_stamp(self.path)
        self._dirty = False

    # -- transactions ---------------------------------------------------------
    def begin(self) -> None:
        """Start deferring writes; the caller holds the inter-process lock."""
        if not self._deferred:
            self.read()  # validate the cache against the file once, under the lock
        self._deferred += 1

    def commit(self) -> None:
        self._deferred -= 1
        if not self._deferred and self._dirty:
            self._flush()

    def rollback(self) -> None:
        self._deferred -= 1
        if not self._deferred:
            self.invalidate()

    def invalidate(self) -> None:
        self._data, self._stamp, self._dirty = None, None, False

    def stamp(self) -> Stamp | None:
        return file_stamp(self.path)

    def close(self) -> None:
        self.invalidate()
