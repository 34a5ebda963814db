"""A TinyDB storage that cannot leave a broken file behind.

TinyDB's own `JSONStorage` rewrites the file in place, so a crash in the
middle of a write corrupts it, and it has no locking. This storage:

- saves a transaction by appending one record to a journal beside the
  main file and fsyncing it (`journal.py`): milliseconds, where rewriting
  a store of thousands of postings takes tens of them;
- keeps the version before every save as a backup (`backups.py`);
- folds the journal into the main file now and then (compaction): an
  atomic rewrite (temporary file, fsync, rename, fsync the folder), one
  row per line with the row index beside it (`layout.py`), then the
  journal is removed;
- caches the data, each row parsed when it is first asked for while the
  row index fits the main file, and re-reads only when the main file or
  the journal changed on disk (one `stat` each); when only the journal
  grew, only its new records are read;
- defers writes inside a transaction, so a multi-table change is one record;
- refuses to read (and so ever to overwrite) a damaged file or journal.

Rows are saved because `Store` says which it set or deleted (`put`,
`delete`), not by comparing data: a forgotten path cannot silently drop a
change, because TinyDB's own `write()`, which says nothing, rewrites
everything.
"""

from __future__ import annotations

import os
import shutil
from functools import partial
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from jobtrack.store import backups, journal, layout, rows
from jobtrack.store.atomic import atomic_write, fsync_dir
from jobtrack.store.errors import StoreDamaged, StoreUnreadable, os_reason
from jobtrack.store.journal import FileStamp, Position, Stamp, Tables, file_stamp
from jobtrack.store.locations import backup_dir, journal_path

COMPACT_AFTER = 64  # records
FOLD_SHARE = 8  # `compact(when_due=True)` folds once the journal is this share of the main file
JOURNAL_BYTES = 1 << 20
LOAD_ATTEMPTS = 5


def parse_store_bytes(raw: bytes) -> dict[str, Any]:
    """Parse the file; anything that is not a JSON object of tables is damage."""
    data = orjson.loads(raw)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ValueError("not a jobtrack store")
    return data


def backup_bytes(path: Path) -> bytes:
    """A backup as a store file: a full one as it is, a delta (`backups.py`) replayed over its main file."""
    if path.suffix != ".delta":
        return path.read_bytes()
    base, raw = backups.read_delta(path)
    data = parse_store_bytes(base.read_bytes())
    found = journal.scan(raw)
    if found.end != len(raw):
        raise ValueError("its journal records are cut short")
    for record in found.records:
        journal.apply(data, record)
    return orjson.dumps(data)


def read_good(path: Path) -> dict[str, Any]:
    """A store file's data if it parses and every row is usable; else ValueError saying why."""
    data = parse_store_bytes(backup_bytes(path))
    problem = rows.first_problem(data)
    if problem:
        raise ValueError(problem)
    return data


def newest_good_backup(path: Path) -> Path | None:
    for candidate in backups.list_backups(path):
        try:
            read_good(candidate)
        except (OSError, ValueError):
            continue
        return candidate
    return None


def missing_with_backups(path: Path) -> StoreDamaged | None:
    """A main file that is gone while its backups are there is lost, not new:
    starting afresh would hand out ids again from 1."""
    found = backups.list_backups(path)
    if not found:
        return None
    reason = f"is missing but its backups are in {backup_dir(path)} (move that folder away to start afresh)"
    return StoreDamaged(path, reason, newest_good_backup(path))


def put_back(path: Path, data: bytes, aside: Path) -> list[Path]:
    """Make `data` (a good backup) the store; return where the current files were kept.

    The journal moves aside before the main file is replaced, so a crash in
    between never lays newer records over the backup. `aside` keeps the
    journal's name pattern, so it opens as a store of its own.
    """
    kept: list[Path] = []
    if path.exists():
        shutil.copy2(path, aside)
        os.chmod(aside, 0o600)
        kept.append(aside)
    moved = journal_path(path).exists()
    if moved:
        os.replace(journal_path(path), journal_path(aside))
        fsync_dir(path.parent)
        kept.append(journal_path(aside))
    try:
        atomic_write(path, data)
    except OSError:
        if moved:  # the store stays as it was, its journal included
            os.replace(journal_path(aside), journal_path(path))
            fsync_dir(path.parent)
        raise
    return kept


def damaged(path: Path) -> StoreDamaged:
    return StoreDamaged(path, "is damaged (not valid jobtrack data)", newest_good_backup(path))


def fold_failed(path: Path, exc: OSError) -> str:
    return f"saved, but the journal could not be folded into {path}: {os_reason(exc)}; a later save tries again"


class SafeStorage(Storage):
    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        keep_backups: bool = True,
        compact_after: int = COMPACT_AFTER,
        links: layout.Links | None = None,
    ) -> None:
        """`links`: per table, the field that names the posting(s) a row belongs to (`layout.py`)."""
        self.path = Path(path)
        self.links = links or {}
        self.journal = journal_path(self.path)
        self.keep_backups = keep_backups
        self.compact_after = compact_after
        self.appended = False  # this instance added records since the last fold
        self.notices: list[str] = []  # what went wrong after a save had succeeded
        self.empty: Tables = {}  # what a new store's main file starts as, before its first record
        self._data: Tables | None = None
        self._checked = True  # every row of the main file in the cache was checked (`rows.py`)
        self._stamp: Stamp | None = None
        self._position = Position()
        self._deferred = 0
        self._touched: dict[str, dict[str, None]] = {}  # ordered, like the rows
        self._rewrite = False
        self._compact = False

    # -- reading --------------------------------------------------------------
    def read(self) -> Tables:  # type: ignore[override]  # tables may be `layout.Rows`, mappings parsed as asked
        if self._deferred and self._data is not None:
            return self._data
        stamp = self.stamp()
        if self._data is None or stamp != self._stamp:
            self._refresh()
        assert self._data is not None
        return self._data

    def _refresh(self) -> None:
        """Bring the cache up to the files; retried if the main file is replaced meanwhile."""
        for _ in range(LOAD_ATTEMPTS):
            stamp = self.stamp()
            main, log = stamp
            try:
                if main is None and log is not None:
                    reason = f"is missing but its journal {self.journal} is there"
                    raise StoreDamaged(self.path, reason, newest_good_backup(self.path))
                if main is None:  # a new store, unless its backups say otherwise
                    lost = missing_with_backups(self.path)
                    if lost:
                        raise lost
                    self._data, self._position = {t: dict(rows) for t, rows in self.empty.items()}, Position()
                elif not (self._grown(main, log) and self._take_in(self._data, self._position)):
                    self._data, self._position = self._load()
            except StoreDamaged:
                self.invalidate()
                raise
            if file_stamp(self.path) == main:
                break
        # Taken before reading: if the files moved on meanwhile, the next read catches up.
        self._stamp = stamp

    def _grown(self, main: FileStamp, log: FileStamp | None) -> bool:
        """Only the journal changed since the cache was filled, by growing."""
        known = self._stamp
        return self._data is not None and known is not None and known[0] == main and self._position.continues_in(log)

    def _load(self) -> tuple[Tables, Position]:
        """Through the row index when it fits the main file (rows parsed as asked for), else all of it."""
        lazy = layout.open_lazy(self.path, partial(damaged, self.path))  # no cycle back to this storage
        if lazy is not None:
            position = Position()
            self._take_in(lazy, position)
            self._checked = True  # the fold that wrote the file and its index checked every row
            return lazy, position
        try:
            raw = self.path.read_bytes()
        except (PermissionError, IsADirectoryError) as exc:
            raise StoreUnreadable(exc) from None
        except OSError as exc:
            raise StoreDamaged(self.path, f"cannot be read ({os_reason(exc)})", newest_good_backup(self.path)) from None
        try:
            data = parse_store_bytes(raw)
        except ValueError:
            reason = "is empty" if not raw else "is damaged (not valid jobtrack data)"
            raise StoreDamaged(self.path, reason, newest_good_backup(self.path)) from None
        problem = next(rows.plain_problems(data), None)  # the rest: as rows are read, and before the first save
        if problem:
            raise self.bad_value(problem)
        position = Position()
        self._take_in(data, position)  # a fresh position accepts any journal
        self._checked = False
        return data, position

    def _take_in(self, data: Tables | None, position: Position) -> bool:
        """Replay the journal's records after `position` into `data`; False if it is another journal."""
        assert data is not None
        try:
            found = journal.read_from(self.journal, position.end)
        except PermissionError as exc:
            raise StoreUnreadable(exc) from None
        if found is None:
            return position.ino is None
        ino, raw = found
        if position.ino not in (None, ino):
            return False
        try:
            scan = journal.scan(raw, position.records + 1)
        except journal.JournalDamaged as exc:
            reason = f"has a damaged journal {self.journal} ({exc})"
            raise StoreDamaged(self.path, reason, newest_good_backup(self.path)) from None
        for number, record in enumerate(scan.records, position.records + 1):
            problem = rows.first_problem(record["set"])
            if problem:
                raise self.bad_value(problem, f"its journal {self.journal}, record {number}: ")
        for record in scan.records:
            journal.apply(data, record)
        position.ino = ino
        position.end += scan.end
        position.records += len(scan.records)
        position.torn = scan.end < len(raw)
        return True

    # -- writing --------------------------------------------------------------
    def put(self, table: str, key: str, row: dict[str, Any]) -> None:
        """Set one row (inside a transaction); it is saved whole at commit."""
        assert self._deferred, "writes belong in a transaction"
        self.read().setdefault(table, {})[key] = row
        self._touched.setdefault(table, {})[key] = None

    def delete(self, table: str, key: str) -> None:
        assert self._deferred, "writes belong in a transaction"
        self.read().get(table, {}).pop(key, None)
        self._touched.setdefault(table, {})[key] = None

    def write(self, data: dict[str, Any]) -> None:
        """TinyDB's generic save, which does not say what changed: rewrite it all."""
        self._data = data
        self._rewrite = True
        if not self._deferred:
            self._save()

    def bad_value(self, problem: str, where: str = "") -> StoreDamaged:
        return StoreDamaged(self.path, f"has a value this jobtrack cannot use ({where}{problem})", newest_good_backup(self.path))

    def check_rows(self) -> None:
        """Before the first save over a main file: a store with a row this version
        cannot use is never written, so no backup of a later version keeps the row.
        And before rows are handed out as stored (`Store.rows`), as no model object
        checks them then. Only then: a quick read pays nothing for it (~25 ms per
        1,000 postings), nor does a file a fold wrote with its row index (`layout.py`)."""
        if self._checked or self._data is None:
            return
        problem = rows.first_problem(self._data)
        if problem:
            raise self.bad_value(problem)
        self._checked = True

    def _save(self) -> None:
        try:
            if self._rewrite or self._touched or self._compact:
                self.check_rows()
            if self._rewrite:
                self._replace_all()
            elif self._touched:
                if not self.path.exists():
                    self._fold(self.empty)  # the first save: an empty store, then the record
                self._append()
            elif self._compact and (self._position.records or self._position.torn):
                self._fold(self.read())
        except BaseException:
            self.invalidate()
            raise
        finally:
            self._touched, self._rewrite, self._compact = {}, False, False

    def _append(self) -> None:
        assert self._data is not None and self._stamp is not None
        if self._position.torn:
            # A crash cut a record short. Fold what is whole first, rather
            # than append after it or cut it off under a reader's feet.
            self._fold(self._load()[0])
        line = journal.encode(self._data, self._touched)
        unkept = self._keep_version() if self.keep_backups else None
        log = journal.append(self.journal, line)
        if unkept:
            self.notices.append(unkept)
        self.appended = True
        self._stamp = (self._stamp[0], log)
        self._position = Position(log[0], self._position.end + len(line), self._position.records + 1)
        if self._position.records >= self.compact_after or self._position.end >= JOURNAL_BYTES:
            try:
                self._fold(self._data)
            except OSError as exc:  # the record is saved: this save did not fail
                self.invalidate()
                self.notices.append(fold_failed(self.path, exc))

    def _keep_version(self) -> str | None:
        """The version before this save, as a backup; failing that, the save goes on and this says so."""
        try:
            backups.keep_version(self.path, self.journal, self._position.end)
        except OSError as exc:
            return f"saved, but the version before could not be kept as a backup: {os_reason(exc)}"
        return None

    def _replace_all(self) -> None:
        assert self._data is not None
        if self.journal.exists():
            # Fold what is on disk first: a crash between the rename and the
            # journal's removal must leave a journal the new file already holds.
            self._fold(self._load()[0])
        self._fold(self._data)

    def _fold(self, tables: Tables) -> None:
        """Compaction: `tables` (main file plus every journal record) becomes the main file.

        A crash after the rename and before the journal is removed is
        harmless: `tables` already holds every record, and replaying them
        again changes nothing.
        """
        before = (lambda: backups.take_backup(self.path)) if self.keep_backups else None
        data, index_for = layout.encode(tables, self.links)
        atomic_write(self.path, data, before_replace=before)
        journal.discard(self.journal)
        main = file_stamp(self.path)
        if main is not None:
            layout.save_index(self.path, index_for(main))
        self._stamp = (main, None)
        self._position = Position()
        self.appended = False

    # -- transactions ---------------------------------------------------------
    def begin(self) -> None:
        """Start deferring writes; the caller holds the inter-process lock."""
        if not self._deferred:
            self.read()  # validate the cache against the files once, under the lock
        self._deferred += 1

    def has_unsaved(self) -> bool:
        return bool(self._touched or self._rewrite)

    def in_transaction(self) -> bool:
        return self._deferred > 0

    def commit(self) -> None:
        self._deferred -= 1
        if not self._deferred:
            self._save()

    def rollback(self) -> None:
        self._deferred -= 1
        if not self._deferred:
            self.invalidate()

    def compact(self, when_due: bool = False) -> None:
        """Fold the journal into the main file now; the caller holds the lock.

        `when_due`: only if the journal has grown to a share of the main file.
        A fold rewrites the whole main file, so folding after every save would
        make one posting's save cost the whole store; this way its cost is
        spread over saves in proportion, and a small store is folded at once.
        """
        self.begin()
        main = self._stamp[0] if self._stamp else None
        self._compact = not when_due or main is None or self._position.end * FOLD_SHARE >= main[2]
        self.commit()

    def invalidate(self) -> None:
        self._data, self._stamp, self._position = None, None, Position()
        self._touched, self._rewrite = {}, False

    def known(self) -> Stamp | None:
        """The version of the store the cache holds, as of its last read or save (no `stat`)."""
        return self._stamp

    def stamp(self) -> Stamp:
        try:
            return journal.store_stamp(self.path)
        except PermissionError as exc:  # a folder on the way that cannot be entered
            raise StoreUnreadable(exc) from None

    def position(self) -> Position:
        """How much journal the current data holds: records not yet folded."""
        self.read()
        return self._position

    def close(self) -> None:
        self.invalidate()
