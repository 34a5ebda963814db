"""The job hunt on disk: postings, contacts and events in one TinyDB file.

Every change runs inside `transaction()`: the inter-process lock is held
across the whole read-modify-write, so the TUI, a shell command and a cron
job can work at once without losing each other's changes, and a change
that touches several tables is saved as one journal record.

Rows change only through `_set_row` and `_drop_row`, which tell the
storage which rows to save; a row in the cache is replaced, never
changed in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from tinydb import TinyDB

from jobtrack.core import clock
from jobtrack.core.model import (
    Contact,
    Event,
    Posting,
    Status,
    StatusChange,
    contact_from_dict,
    event_from_dict,
    posting_from_dict,
    replace_fields,
    to_dict,
)
from jobtrack.store import rows
from jobtrack.store.atomic import ensure_dir, stale_temps
from jobtrack.store.attachments import Attachments
from jobtrack.store.errors import NotFound, SaveFailed, StoreDamaged, StoreError, StoreLocked, StoreTooNew, os_reason
from jobtrack.store.ids import Marks, read_marks, save_marks
from jobtrack.store.journal import Position, Stamp
from jobtrack.store.layout import Rows, owners
from jobtrack.store.locations import lock_path
from jobtrack.store.migrations import SCHEMA_VERSION, migrate
from jobtrack.store.storage import COMPACT_AFTER, SafeStorage, fold_failed
from jobtrack.store.texts import Documents, TextsDamaged, TextShards

POSTINGS, CONTACTS, EVENTS, META = "postings", "contacts", "events", "meta"
LINKS = {CONTACTS: "posting_ids", EVENTS: "posting_id"}  # found by posting without reading every row
META_ID = 1
Record = TypeVar("Record", Contact, Event)
Loaded = TypeVar("Loaded", Posting, Contact, Event)


@dataclass
class Bundle:
    """A posting with everything that hangs off it: the unit of import, export and undo."""

    posting: Posting
    contacts: list[Contact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    text: str = ""
    document: tuple[bytes, str] | None = None
    files: dict[str, bytes] = field(default_factory=dict)  # attached files' bytes by SHA-256 (export, import)


@dataclass
class ImportCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    updated_ids: list[int] = field(default_factory=list)  # named to the user: their edits may have been replaced


def load_row(
    bad_value: Callable[[str], StoreDamaged], table: str, key: str, row: Any, load: Callable[[dict[str, Any]], Loaded]
) -> Loaded:
    """A row as a model object; one this version cannot use is a one-line error naming it."""
    try:
        return load({**row, "id": int(key)})
    except (ValueError, TypeError, KeyError, AttributeError):
        problem = rows.first_problem({table: {key: row}}) or f"{table} row {key} cannot be read"
        raise bad_value(problem) from None


@dataclass(frozen=True)
class Records:
    """The records and the app state as they were at `version`, readable in another thread.

    A save replaces a row in the store's cache and never changes one in place,
    so copies of the tables hold their rows as they were, whatever the store
    does next; the rows become model objects as they are read (~1.4 s at
    20,000 postings), away from the thread that took the copies.
    """

    version: Stamp
    tables: dict[str, dict[str, Any]]
    bad_value: Callable[[str], StoreDamaged]

    def stamp(self) -> Stamp:
        return self.version

    def meta(self) -> dict[str, Any]:
        return dict(self.tables[META].get(str(META_ID)) or {})

    def _all(self, table: str, load: Callable[[dict[str, Any]], Loaded]) -> list[Loaded]:
        return [load_row(self.bad_value, table, k, row, load) for k, row in self.tables[table].items()]

    def postings(self) -> list[Posting]:
        return self._all(POSTINGS, posting_from_dict)

    def contacts(self) -> list[Contact]:
        return self._all(CONTACTS, contact_from_dict)

    def events(self) -> list[Event]:
        return self._all(EVENTS, event_from_dict)


def _now() -> datetime:
    return clock.now()


def store_lock(path: Path, timeout: float) -> FileLock:
    """The inter-process lock every writer of the store at `path` holds."""
    return FileLock(str(lock_path(path)), timeout=timeout, mode=0o600)


@contextmanager
def holding(lock: FileLock, path: Path) -> Iterator[None]:
    try:
        lock.acquire()
    except Timeout:
        raise StoreLocked(path, lock.timeout) from None
    except OSError as exc:  # the lock is only taken to save
        raise SaveFailed(exc) from None
    try:
        yield
    finally:
        lock.release()


class Store:
    def __init__(
        self, path: Path, *, lock_timeout: float = 15.0, keep_backups: bool = True, compact_after: int = COMPACT_AFTER
    ) -> None:
        """`compact_after`: journal records before they are folded into the main file."""
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._storage = SafeStorage(self.path, keep_backups=keep_backups, compact_after=compact_after, links=LINKS)
        self._db = TinyDB(storage=lambda: self._storage)
        self._lock = store_lock(self.path, lock_timeout)
        self.texts = TextShards(self.path)
        self.documents = Documents(self.path)
        self.attachments = Attachments(self.path)
        self._storage.empty = {META: {str(META_ID): {"schema": SCHEMA_VERSION}}}
        self.notices = self._storage.notices  # one line each: what went wrong after a save succeeded
        self._marks: Marks | None = None  # the ids file, read once per transaction
        self._issued: Marks = {}  # next free ids after those this transaction handed out
        # What this Store saved, so that files derived from the store can be brought up to date
        # by what changed (`changed_since`): the versions before its first save and after its
        # last, None once another process saved in between; the postings whose row or events changed.
        self._saved: tuple[Stamp | None, Stamp | None] | None = None
        self._chain = True
        self._changed: set[int] = set()
        self._storage.read()  # refuses a damaged or lost store at once
        if self.path.exists():  # a new store: nothing is written, the lock file included, until a save
            self._check_schema()

    # -- plumbing -------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock, read fresh, save once at the end (or not at all on error)."""
        try:
            ensure_dir(self.path.parent)  # private, before the lock would make it with the default mode
        except OSError as exc:
            raise SaveFailed(exc) from None
        with holding(self._lock, self.path):
            if not self._storage.in_transaction():
                self._marks = None  # another process may have handed out ids since
            outer = not self._storage.in_transaction()
            self._storage.begin()
            before = self._storage.known()
            try:
                yield
                self._reserve_ids()
            except BaseException as exc:
                self._storage.rollback()
                self._marks, self._issued = None, {}
                if isinstance(exc, OSError):
                    raise SaveFailed(exc) from None
                raise
            try:
                self._storage.commit()
            except OSError as exc:
                self._chain = False
                raise SaveFailed(exc) from None
            if outer:
                self._link_saves(before, self._storage.known())

    def _link_saves(self, before: Stamp | None, after: Stamp | None) -> None:
        if before == after:
            return
        if self._saved is None:
            self._saved = (before, after)
        elif self._saved[1] == before:
            self._saved = (self._saved[0], after)
        else:
            self._chain = False

    def changed_since(self, stamp: Stamp) -> set[int] | None:
        """The postings whose row or events this Store changed, if the store went from the
        version `stamp` to the current one through this Store's saves alone; else None."""
        if not self._chain or self._saved is None or self._saved[0] != stamp or self._saved[1] != self.stamp():
            return None
        return set(self._changed)

    def has_unsaved(self) -> bool:
        """Changes of the transaction under way, not yet saved: files derived from the store do not hold them."""
        return self._storage.has_unsaved()

    def stamp(self) -> Stamp:
        """Changes whenever any process saves; the TUI polls it to notice."""
        return self._storage.stamp()

    def journal(self) -> Position:
        """The saves not yet folded into the main file."""
        return self._storage.position()

    def close(self, when_due: bool = False) -> None:
        """Fold this Store's journal records into the main file, if the lock is free now.

        Then the main file alone is the store again and its previous version
        is a backup. Best effort: the records are already safe in the
        journal, and the next fold takes them if this one cannot. `when_due`:
        only once the journal is a share of the main file (`SafeStorage.compact`),
        which is what a command does, so that it costs what it changed.
        """
        if not self._storage.appended:
            return
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return
        try:
            before = self._storage.stamp()  # under the lock: another process's save since ours breaks the chain
            self._storage.compact(when_due)
            self._link_saves(before, self._storage.known())
            for temp in (*stale_temps(self.path.parent), *stale_temps(self.texts.folder), *stale_temps(self.documents.folder)):
                temp.unlink(missing_ok=True)
        except OSError as exc:
            self.notices.append(fold_failed(self.path, exc))
        except StoreError:
            pass
        finally:
            self._lock.release()

    def _check_schema(self, locked: bool = False) -> None:
        """Read without the lock, so reading works on a read-only disk; a migration takes it."""
        meta = self._meta()
        version = meta.get("schema", 0)
        if version > SCHEMA_VERSION:
            raise StoreTooNew(self.path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION and not locked:
            with self.transaction():
                self._check_schema(locked=True)
        elif version < SCHEMA_VERSION:
            data = migrate(self._storage.read() or {}, version)
            data.setdefault(META, {})[str(META_ID)] = {**meta, "schema": SCHEMA_VERSION}
            self._storage.write(data)  # says nothing of what changed: a full rewrite

    def _meta(self) -> dict[str, Any]:
        return dict(self._rows(META).get(str(META_ID)) or {})

    def _next_id(self, table: str) -> int:
        """Ids are never reused, so an old `jobtrack show 7` never shows a different posting."""
        meta = self._meta()
        counters = dict(meta.get("next_ids", {}))
        rows = self._rows(table)
        ident = counters.get(table, 1)
        if str(ident) in rows or table not in counters:
            # No counter yet (an old file) or it fell behind: scan once. The scan
            # for every id made a bulk import quadratic.
            ident = max(ident, max((int(k) for k in rows), default=0) + 1)
        ident = max(ident, self._id_marks().get(table, 1))  # what a restore or a crash took back
        counters[table] = self._issued[table] = ident + 1
        self._set_row(META, META_ID, {"next_ids": counters})
        return ident

    def _id_marks(self) -> Marks:
        """The ids file (`ids.py`); without one, the ids of texts and documents on disk."""
        if self._marks is None:
            self._marks = read_marks(self.path)
            if self._marks is None:
                self._marks = {POSTINGS: max(self.texts.ids() | self.documents.ids(), default=0) + 1}
        return self._marks

    def _reserve_ids(self) -> None:
        """Save the ids handed out so far to the ids file, before any file is named by them."""
        if not self._issued:
            return
        marks = self._id_marks()
        raised = {**marks, **{t: n for t, n in self._issued.items() if n > marks.get(t, 1)}}
        if raised != marks:
            save_marks(self.path, raised)
        self._marks, self._issued = raised, {}

    def _rows(self, table: str) -> MutableMapping[str, Any]:
        return self._storage.read().get(table, {})

    def _linked(self, table: str, posting_id: int | None) -> Iterable[tuple[str, Any]]:
        """The rows of `table` that may belong to `posting_id` (all rows for None); the caller checks."""
        rows = self._rows(table)
        if posting_id is None:
            return rows.items()
        keys = rows.linked(posting_id) if isinstance(rows, Rows) else None
        if keys is None:  # no row index: the rows' own links, read before any row becomes a record
            return ((k, row) for k, row in rows.items() if not isinstance(row, dict) or posting_id in owners(row.get(LINKS[table])))
        return ((k, rows[k]) for k in keys if k in rows)

    def _get_row(self, table: str, ident: int, what: str) -> dict[str, Any]:
        row = self._rows(table).get(str(ident))
        if row is None:
            raise NotFound(what, ident)
        return row

    def _put(self, table: str, obj: Posting | Contact | Event) -> None:
        data = to_dict(obj)
        self._set_row(table, data.pop("id"), data)

    def _set_row(self, table: str, ident: int, fields: dict[str, Any]) -> None:
        """A new row merged over the old, so fields a newer jobtrack wrote are kept.

        Straight into the cached tables: TinyDB's upsert rebuilds the whole
        table dict (twice) on every call, which made a bulk import quadratic.
        """
        key = str(ident)
        old = self._rows(table).get(key, {})
        row = {**old, **fields}
        self._note_change(table, ident, old, row)
        self._storage.put(table, key, row)

    def _drop_row(self, table: str, ident: int) -> None:
        self._note_change(table, ident, self._rows(table).get(str(ident), {}), {})
        self._storage.delete(table, str(ident))

    def _note_change(self, table: str, ident: int, old: dict[str, Any], new: dict[str, Any]) -> None:
        if table == POSTINGS:
            self._changed.add(ident)
        elif table in LINKS:
            self._changed.update(owners(old.get(LINKS[table])), owners(new.get(LINKS[table])))

    # -- reading --------------------------------------------------------------
    def _load(self, table: str, key: str, row: Any, load: Callable[[dict[str, Any]], Loaded]) -> Loaded:
        return load_row(self._storage.bad_value, table, key, row, load)

    def check_rows(self) -> None:
        """Check every row now (`rows.py`), as the first save would (~0.5 s at 20,000
        postings): a store opened in a thread spares the event loop that walk."""
        self._storage.read()
        self._storage.check_rows()

    def records(self) -> Records:
        """The records as they are now, to read in another thread (`Records`)."""
        stamp = self.stamp()
        data = self._storage.read()
        return Records(stamp, {t: dict(data.get(t, {})) for t in (POSTINGS, CONTACTS, EVENTS, META)}, self._storage.bad_value)

    def rows(self, table: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """The rows of `table` as stored (JSON values, without their id), for a question
        about every record that needs no model object of each. Every row is usable:
        checked here unless the fold that wrote the main file checked it (`layout.py`)."""
        found = self._rows(table)
        self._storage.check_rows()
        return ((int(k), row) for k, row in found.items())

    def postings(self) -> list[Posting]:
        return [self._load(POSTINGS, k, row, posting_from_dict) for k, row in self._rows(POSTINGS).items()]

    def posting(self, ident: int) -> Posting:
        return self._load(POSTINGS, str(ident), self._get_row(POSTINGS, ident, "posting"), posting_from_dict)

    def contacts(self, posting_id: int | None = None) -> list[Contact]:
        found = (self._load(CONTACTS, k, row, contact_from_dict) for k, row in self._linked(CONTACTS, posting_id))
        return [c for c in found if posting_id is None or posting_id in c.posting_ids]

    def contact(self, ident: int) -> Contact:
        return self._load(CONTACTS, str(ident), self._get_row(CONTACTS, ident, "contact"), contact_from_dict)

    def events(self, posting_id: int | None = None) -> list[Event]:
        found = (self._load(EVENTS, k, row, event_from_dict) for k, row in self._linked(EVENTS, posting_id))
        return [e for e in found if posting_id is None or e.posting_id == posting_id]

    def event(self, ident: int) -> Event:
        return self._load(EVENTS, str(ident), self._get_row(EVENTS, ident, "event"), event_from_dict)

    def problems(self) -> list[str]:
        """Every row this version cannot use (`rows.py`): what `doctor` lists."""
        return list(rows.problems(self._storage.read()))

    def text(self, posting_id: int) -> str:
        return self.texts.get(posting_id)

    def readable_text(self, posting_id: int) -> str:
        """The text, or "" with a notice naming the damaged file: the rest of the posting still shows."""
        try:
            return self.text(posting_id)
        except TextsDamaged as exc:
            if str(exc) not in self.notices:
                self.notices.append(str(exc))
            return ""

    def bundle(self, posting_id: int) -> Bundle:
        return Bundle(
            self.posting(posting_id),
            self.contacts(posting_id),
            self.events(posting_id),
            self.readable_text(posting_id),
            self.documents.get(posting_id),
        )

    # -- postings -------------------------------------------------------------
    def add(self, bundle: Bundle) -> Posting:
        """Save a new posting with its contacts, events, text and original document."""
        return self.add_many([bundle])[0]

    def add_many(self, bundles: Iterable[Bundle], progress: Callable[[int], None] | None = None) -> list[Posting]:
        """One lock, one save and one write per text shard, however many postings."""
        saved: list[Posting] = []
        texts: dict[int, str | None] = {}
        documents: dict[int, tuple[bytes, str]] = {}
        with self.transaction():
            for n, b in enumerate(bundles, 1):
                p = b.posting
                self._keep_files(b)
                p.id = self._next_id(POSTINGS)
                if not p.history:
                    p.history = [StatusChange(p.status, p.created)]
                self._put(POSTINGS, p)
                for c in b.contacts:
                    c.id = self._next_id(CONTACTS)
                    c.posting_ids = [p.id]
                    self._put(CONTACTS, c)
                for e in b.events:
                    e.id = self._next_id(EVENTS)
                    e.posting_id = p.id
                    self._put(EVENTS, e)
                if b.text:
                    texts[p.id] = b.text
                if b.document:
                    documents[p.id] = b.document
                saved.append(p)
                if progress:
                    progress(n)
            self._reserve_ids()
            for pid, document in documents.items():
                self.documents.put(pid, *document)
            if texts:
                self.texts.put_many(texts)
        return saved

    def _keep_files(self, b: Bundle) -> None:
        """The attached files' copies, before the records that name them are saved."""
        for a in b.posting.attachments:
            data = b.files.get(a.sha256)
            if data is not None:
                self.attachments.put(data)

    def _retire_unused(self, shas: Iterable[str]) -> None:
        """Files no posting names any more go to the backups folder (`attachments.py`)."""
        wanted = set(shas)
        if not wanted:
            return
        for p in self.postings():
            wanted -= {a.sha256 for a in p.attachments}
        for sha in wanted:
            self.attachments.retire(sha)

    def edit_posting(self, ident: int, changes: dict[str, Any]) -> Posting:
        """Apply parsed changes to the freshest copy, under the lock."""
        with self.transaction():
            p = replace_fields(self.posting(ident), changes)
            p.updated = _now()
            self._put(POSTINGS, p)
        return p

    def set_text(self, ident: int, text: str) -> None:
        with self.transaction():
            self.posting(ident)
            self.texts.put_many({ident: text})

    def set_status(self, ident: int, status: Status, note: str = "", at: datetime | None = None) -> Posting:
        with self.transaction():
            p = self.posting(ident)
            if p.status != status:
                p.status = status
                p.history.append(StatusChange(status, at or _now(), note))
                p.updated = _now()
                self._put(POSTINGS, p)
        return p

    def delete_posting(self, ident: int) -> Bundle:
        """Remove a posting; the returned bundle brings it back with `restore`.

        Its text and document go after the record, under the same lock: if that
        fails, the posting is still deleted and the files are only left over."""
        with holding(self._lock, self.path):
            with self.transaction():
                bundle = self.bundle(ident)
                self._drop_row(POSTINGS, ident)
                for c in self.contacts(ident):
                    others = [pid for pid in c.posting_ids if pid != ident]
                    if others:
                        c.posting_ids = others
                        self._put(CONTACTS, c)
                    elif c.id is not None:
                        self._drop_row(CONTACTS, c.id)
                for e in bundle.events:
                    if e.id is not None:
                        self._drop_row(EVENTS, e.id)
            try:
                self.texts.put_many({ident: None})
                self.documents.drop(ident)
                self._retire_unused(a.sha256 for a in bundle.posting.attachments)
            except (OSError, StoreError) as exc:
                reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
                self.notices.append(f"deleted, but its text or document could not be removed: {reason}")
        return bundle

    def restore(self, bundle: Bundle) -> Posting:
        """Undo a delete: the posting comes back under its old id."""
        with self.transaction():
            ident = bundle.posting.id
            assert ident is not None
            for a in bundle.posting.attachments:
                data = self.attachments.read(a.sha256)
                if data is not None:  # back beside the store from the backups folder
                    self.attachments.put(data)
            self._put(POSTINGS, bundle.posting)
            for c in bundle.contacts:
                if c.id is not None and str(c.id) in self._rows(CONTACTS):
                    existing = self.contact(c.id)
                    existing.posting_ids = sorted(set(existing.posting_ids) | {ident})
                    self._put(CONTACTS, existing)
                else:
                    self._put(CONTACTS, c)
            for e in bundle.events:
                self._put(EVENTS, e)
            if bundle.text:
                self.texts.put_many({ident: bundle.text})
            if bundle.document:
                self.documents.put(ident, *bundle.document)
        return bundle.posting

    # -- contacts and events --------------------------------------------------
    def add_contact(self, contact: Contact) -> Contact:
        with self.transaction():
            for pid in contact.posting_ids:
                self.posting(pid)
            contact.id = self._next_id(CONTACTS)
            self._put(CONTACTS, contact)
        return contact

    def edit_contact(self, ident: int, changes: dict[str, Any]) -> Contact:
        return self._edit(CONTACTS, self.contact, ident, changes)

    def delete_contact(self, ident: int) -> Contact:
        return self._delete(CONTACTS, self.contact, ident)

    def add_event(self, event: Event) -> Event:
        with self.transaction():
            self.posting(event.posting_id)
            event.id = self._next_id(EVENTS)
            self._put(EVENTS, event)
        return event

    def edit_event(self, ident: int, changes: dict[str, Any]) -> Event:
        return self._edit(EVENTS, self.event, ident, changes)

    def delete_event(self, ident: int) -> Event:
        return self._delete(EVENTS, self.event, ident)

    def _edit(self, table: str, load: Callable[[int], Record], ident: int, changes: dict[str, Any]) -> Record:
        with self.transaction():
            record = replace_fields(load(ident), changes)
            self._put(table, record)
        return record

    def _delete(self, table: str, load: Callable[[int], Record], ident: int) -> Record:
        with self.transaction():
            record = load(ident)
            self._drop_row(table, ident)
        return record

    # -- whole store ----------------------------------------------------------
    def export_bundles(self) -> list[Bundle]:
        """Everything, grouped in one pass over each table."""
        bundles = {p.id: Bundle(p) for p in self.postings() if p.id is not None}
        for c in self.contacts():
            for pid in c.posting_ids:
                if pid in bundles:
                    bundles[pid].contacts.append(c)
        for e in self.events():
            if e.posting_id in bundles:
                bundles[e.posting_id].events.append(e)
        for pid, b in bundles.items():
            b.text = self.readable_text(pid)
            b.document = self.documents.get(pid)
            b.files = {a.sha256: data for a in b.posting.attachments
                       if (data := self.attachments.read(a.sha256)) is not None}
        return list(bundles.values())

    def import_bundles(self, bundles: list[Bundle], progress: Callable[[int], None] | None = None) -> ImportCounts:
        """Add the postings whose identity (uid) is new, update those that changed, leave the rest.

        So importing the same export twice changes nothing, and a newer one
        updates in place. Contacts and events are matched by uid too; a
        contact shared by several postings stays one contact.
        """
        counts = ImportCounts()
        with self.transaction():
            postings = {p.uid: p for p in self.postings()}
            contacts = {c.uid: c for c in self.contacts()}
            events = {e.uid: e for e in self.events()}
            new: list[Bundle] = []
            links: list[tuple[Bundle, str]] = []  # a new posting's contact that is already known
            for b in bundles:
                old = postings.get(b.posting.uid)
                if old is None or old.id is None:
                    links += [(b, c.uid) for c in b.contacts if c.uid in contacts]
                    b.contacts = [c for c in b.contacts if c.uid not in contacts]
                    contacts.update({c.uid: c for c in b.contacts})
                    new.append(b)
                    continue
                if self._update_from(old.id, b, contacts, events):
                    counts.updated += 1
                    counts.updated_ids.append(old.id)
                else:
                    counts.unchanged += 1
                if progress:
                    progress(counts.updated + counts.unchanged)
            done = counts.updated + counts.unchanged
            counts.added = len(self.add_many(new, None if progress is None else lambda n: progress(done + n)))
            for b, uid in links:
                assert b.posting.id is not None
                self._link(contacts[uid], b.posting.id)
        return counts

    def _link(self, contact: Contact, posting_id: int) -> None:
        if contact.id is not None:
            stored = self.contact(contact.id)
            stored.posting_ids = sorted(set(stored.posting_ids) | {posting_id})
            self._put(CONTACTS, stored)

    def _update_from(self, ident: int, b: Bundle, contacts: dict[str, Contact], events: dict[str, Event]) -> bool:
        """Bring posting `ident` to what `b` says; True if anything differed."""
        changed = False
        self._keep_files(b)
        current = to_dict(self.posting(ident))
        incoming = {**to_dict(b.posting), "id": ident}
        if incoming != current:
            b.posting.id = ident
            self._put(POSTINGS, b.posting)
            changed = True
        for e in b.events:
            old_event = events.get(e.uid)
            e.posting_id = ident
            e.id = self._next_id(EVENTS) if old_event is None else old_event.id
            if old_event is None or to_dict(e) != to_dict(old_event):
                self._put(EVENTS, e)
                changed = True
        for c in b.contacts:
            old_contact = contacts.get(c.uid)
            if old_contact is None:
                c.id, c.posting_ids = self._next_id(CONTACTS), [ident]
                self._put(CONTACTS, c)
                contacts[c.uid] = c
                changed = True
                continue
            c.id, c.posting_ids = old_contact.id, sorted(set(old_contact.posting_ids) | {ident})
            if to_dict(c) != to_dict(old_contact):
                self._put(CONTACTS, c)
                changed = True
        if b.text and b.text != self.text(ident):
            self.texts.put_many({ident: b.text})
            changed = True
        if b.document and b.document != self.documents.get(ident):
            self.documents.put(ident, *b.document)
            changed = True
        return changed

    def meta(self) -> dict[str, Any]:
        return self._meta()

    def set_meta(self, key: str, value: Any) -> None:
        """Small app state shared by every front end (the reminders shown, snoozed, dismissed)."""
        with self.transaction():
            self._set_row(META, META_ID, {key: value})
