"""Use cases shared by the CLI and the TUI: fetch → extract → model → store.

Extraction knows nothing of the store; this module is where its facts become
model objects, and where "the same posting again" is recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal, TypeVar, overload
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from jobtrack.app import list_index
from jobtrack.core.document import Document
from jobtrack.core.model import Contact, Event, Evidence, Posting
from jobtrack.core.sanitize import clean_line
from jobtrack.core.values import fmt
from jobtrack.extract.result import Extraction, Fact
from jobtrack.store import Bundle, Store

if TYPE_CHECKING:
    from jobtrack.store.store import ImportCounts

T = TypeVar("T")

TRACKING_PARAMS = re.compile(r"^(utm_.*|fbclid|gclid|mc_[ce]id|ref|source|src|trk.*)$", re.I)


def canonical_url(url: str) -> str:
    """The URL without tracking parameters or fragment, for duplicate detection."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), urlencode(query), ""))


def _evidence(fact: Fact | None) -> Evidence | None:
    if fact is None:
        return None
    return Evidence(fact.evidence, fact.confidence, fact.start, fact.end)


@overload
def _value(fact: Fact[T] | None) -> T | None: ...
@overload
def _value(fact: Fact[T] | None, default: T) -> T: ...
def _value(fact: Fact[T] | None, default: T | None = None) -> T | None:
    return default if fact is None else fact.value


def bundle_from_extraction(ex: Extraction, doc: Document) -> Bundle:
    """Model objects for what was understood; evidence travels with each fact."""
    facts = {
        "title": ex.title, "employer": ex.employer, "department": ex.department, "location": ex.location,
        "deadline": ex.deadline, "deadline_time": ex.deadline_time, "posted": ex.posted,
        "start_date": ex.start_date, "salary": ex.salary, "hours": ex.hours, "positions": ex.positions,
    }
    posting = Posting(
        title=_value(ex.title, "") or "(untitled posting)",
        employer=_value(ex.employer, ""),
        department=_value(ex.department, ""),
        location=_value(ex.location, ""),
        url=doc.source if doc.source.startswith(("http://", "https://")) else "",
        language=ex.language,
        deadline=_value(ex.deadline),
        deadline_time=_value(ex.deadline_time),
        posted=_value(ex.posted),
        start_date=_value(ex.start_date),
        salary=_value(ex.salary, ""),
        hours=_value(ex.hours, ""),
        positions=_value(ex.positions),
        evidence={k: e for k, f in facts.items() if (e := _evidence(f)) is not None},
    )
    contacts = [
        Contact(
            name=c.name or "", role=c.role or "", organisation=c.organisation or "", phone=c.phone or "",
            email=c.email or "", reachable=c.reachable or "",
            evidence={"contact": Evidence(c.evidence, c.confidence, c.start, c.end)},
        )
        for c in ex.contacts
    ]
    events = [
        Event(
            posting_id=0, kind=e.kind, day=e.day, time=e.time, label=e.label,
            evidence={"event": Evidence(e.evidence, e.confidence, e.start, e.end)},
        )
        for e in ex.events
    ]
    document = (doc.raw, doc.content_type) if doc.raw else None
    return Bundle(posting, contacts, events, doc.text, document)


def read_source(source: str, as_of: date | None = None) -> tuple[Document, Extraction]:
    from jobtrack.core.zones import local_zone
    from jobtrack.extract import extract
    from jobtrack.ingest.documents import load_source

    doc = load_source(source)
    return doc, extract(doc, as_of=as_of, tz=local_zone())


def understood(ex: Extraction) -> bool:
    """Something beyond a title reads like a posting: a directory listing or a bare page has only its heading."""
    facts = (ex.employer, ex.department, ex.location, ex.deadline, ex.posted, ex.start_date, ex.salary, ex.hours,
             ex.positions)
    return any(f is not None for f in facts) or bool(ex.events or ex.contacts)


def same_source(store: Store, bundle: Bundle) -> Posting | None:
    """The posting already tracked from this address (tracking parameters and fragment aside).

    With no address (a file, pasted text) only the same text read again is the same posting.
    """
    url = canonical_url(bundle.posting.url)
    if url:
        return next((p for p in store.postings() if canonical_url(p.url) == url), None)
    like = look_alike(store, bundle.posting)
    if like is None or like.id is None or like.url or not bundle.text or store.text(like.id) != bundle.text:
        return None
    return like


def look_alike(store: Store, posting: Posting) -> Posting | None:
    """Another posting with the same employer and title: worth a note, never a merge (it may be another round)."""
    key = (posting.employer.casefold().strip(), posting.title.casefold().strip())
    if not key[0]:
        return None
    ids = list_index.matching(store, lambda title, employer: (employer.casefold().strip(), title.casefold().strip()) == key)
    found = store.postings() if ids is None else (store.posting(i) for i in ids)
    return next((p for p in found if (p.employer.casefold().strip(), p.title.casefold().strip()) == key), None)


UPDATABLE = ("title", "employer", "department", "location", "url", "language", "deadline", "deadline_time",
             "posted", "start_date", "salary", "hours", "positions")
CONTACT_DETAILS = ("role", "organisation", "phone", "email", "reachable")


def _show(value: object) -> str:
    return clean_line(fmt(value))


def _when(e: Event) -> str:
    return f"{_show(e.day) or '(no date)'}{' ' + _show(e.time) if e.time else ''}"


@dataclass
class EventChange:
    """An event on the page: a stored one at another time or with another label, or a new one (`old` None)."""

    old: Event | None
    new: Event

    def line(self) -> str:
        what = f"{self.new.kind.value} {_show(self.new.label)}".strip()
        if self.old is None:
            return f"{'event':<14} (new) {what} {_when(self.new)}"
        return f"{'event':<14} {what}: {_when(self.old)}  →  {_when(self.new)}"


@dataclass
class ContactChange:
    """A contact on the page: a stored one with other details (`fields`), or a new one (`old` None)."""

    old: Contact | None
    new: Contact
    fields: tuple[str, ...] = ()

    def line(self) -> str:
        if self.old is None:
            bits = [self.new.name, *(getattr(self.new, f) for f in CONTACT_DETAILS)]
            return f"{'contact':<14} (new) " + " · ".join(_show(b) for b in bits if b)
        diffs = "; ".join(f"{f} {_show(getattr(self.old, f)) or '(empty)'}  →  {_show(getattr(self.new, f))}"
                          for f in self.fields)
        return f"{'contact':<14} {_show(self.old.name)}: {diffs}"


@dataclass
class Changes:
    """What the page says now beside what is stored; `names` are what `take` accepts."""

    fields: dict[str, tuple[object, object]] = field(default_factory=dict)
    events: list[EventChange] = field(default_factory=list)
    contacts: list[ContactChange] = field(default_factory=list)
    text: bool = False

    def __bool__(self) -> bool:
        return bool(self.fields or self.events or self.contacts or self.text)

    def names(self) -> list[str]:
        extra = [n for n, some in (("events", self.events), ("contacts", self.contacts), ("text", self.text)) if some]
        return [*self.fields, *extra]

    def lines(self) -> list[str]:
        out = [f"{name:<14} {_show(old) or '(empty)'}  →  {_show(new)}" for name, (old, new) in self.fields.items()]
        out += [e.line() for e in self.events] + [c.line() for c in self.contacts]
        if self.text:
            out.append(f"{'text':<14} the posting's text changed")
        return out


def _match_event(new: Event, stored: list[Event]) -> Event | None:
    """The same appointment: same kind and label, else the only extracted one of its kind left."""
    label = new.label.casefold().strip()
    same = [e for e in stored if e.kind == new.kind and e.label.casefold().strip() == label]
    if same:
        return same[0]
    kind = [e for e in stored if e.kind == new.kind and e.evidence]
    return kind[0] if len(kind) == 1 else None


def _match_contact(new: Contact, stored: list[Contact]) -> Contact | None:
    for key in ("name", "email", "phone"):
        value = getattr(new, key).casefold().strip()
        found = next((c for c in stored if value and getattr(c, key).casefold().strip() == value), None)
        if found is not None:
            return found
    return None


def compare(stored: Bundle, fresh: Bundle) -> Changes:
    """Every field, event and contact the fresh reading says otherwise; nothing it leaves out counts."""
    out = Changes(changes_since(stored.posting, fresh.posting))
    left = list(stored.events)
    for e in fresh.events:
        exact = next((o for o in left if (o.kind, o.day, o.time, o.label) == (e.kind, e.day, e.time, e.label)), None)
        old = exact or _match_event(e, left)
        if old is not None:
            left.remove(old)
        if exact is None:
            out.events.append(EventChange(old, e))
    for c in fresh.contacts:
        old_contact = _match_contact(c, stored.contacts)
        if old_contact is None:
            out.contacts.append(ContactChange(None, c))
            continue
        diff = tuple(f for f in CONTACT_DETAILS if getattr(c, f) and getattr(c, f) != getattr(old_contact, f))
        if diff:
            out.contacts.append(ContactChange(old_contact, c, diff))
    out.text = bool(fresh.text) and fresh.text != stored.text
    return out


def take(store: Store, posting_id: int, fresh: Bundle, changes: Changes, wanted: set[str]) -> Posting:
    """Apply the wanted part of `changes` (field names, "events", "contacts", "text"); a moved event is edited in place."""
    unknown = wanted - set(changes.names())
    if unknown:
        raise ValueError(f"no change in {', '.join(sorted(unknown))} (changed: {', '.join(changes.names())})")
    with store.transaction():
        fields: dict[str, object] = {k: new for k, (_, new) in changes.fields.items() if k in wanted}
        if fields:
            evidence = store.posting(posting_id).evidence
            fields["evidence"] = {**evidence, **{k: v for k, v in fresh.posting.evidence.items() if k in fields}}
            store.edit_posting(posting_id, fields)
        for ec in changes.events if "events" in wanted else []:
            if ec.old is None or ec.old.id is None:
                ec.new.posting_id = posting_id
                store.add_event(ec.new)
            else:
                store.edit_event(ec.old.id, {"day": ec.new.day, "time": ec.new.time, "label": ec.new.label,
                                             "evidence": {**ec.old.evidence, **ec.new.evidence}})
        for cc in changes.contacts if "contacts" in wanted else []:
            if cc.old is None or cc.old.id is None:
                cc.new.posting_ids = [posting_id]
                store.add_contact(cc.new)
            else:
                store.edit_contact(cc.old.id, {f: getattr(cc.new, f) for f in cc.fields})
        if "text" in wanted:
            store.set_text(posting_id, fresh.text)
            if fresh.document:
                store.documents.put(posting_id, *fresh.document)
        return store.posting(posting_id)


@dataclass
class AddResult:
    """`added`; `known`: tracked already and left as it was; `updated`: tracked, and the changes taken."""

    outcome: Literal["added", "known", "updated"]
    posting: Posting
    changes: Changes = field(default_factory=Changes)
    looks_like: Posting | None = None  # added, but the same title and employer as this one


def add_posting(store: Store, bundle: Bundle, update: bool = False) -> AddResult:
    """The one way a read posting is saved, from the CLI and the TUI.

    The same address again changes nothing unless `update`; the same title and
    employer at another address is a new posting, with the look-alike named.
    """
    with store.transaction():
        known = same_source(store, bundle)
        if known is not None and known.id is not None:
            changes = compare(store.bundle(known.id), bundle)
            if update and changes:
                return AddResult("updated", take(store, known.id, bundle, changes, set(changes.names())), changes)
            return AddResult("known", known, changes)
        like = look_alike(store, bundle.posting)
        return AddResult("added", store.add(bundle), looks_like=like)


def changes_since(current: Posting, fresh: Posting) -> dict[str, tuple[object, object]]:
    """Fields whose freshly fetched value differs: field → (stored, fresh)."""
    out: dict[str, tuple[object, object]] = {}
    for name in UPDATABLE:
        new = getattr(fresh, name)
        if new not in (None, "") and new != getattr(current, name):
            out[name] = (getattr(current, name), new)
    return out


def import_rows(store: Store, rows: list[tuple[Posting, frozenset[str]]]) -> ImportCounts:
    """Spreadsheet rows into the store: a row whose uid is already here updates only the
    columns it gives (a status change goes into the history), so importing the same CSV
    again changes nothing; other rows are new postings."""
    from jobtrack.app.spreadsheet import FIELDS
    from jobtrack.store.store import ImportCounts

    counts = ImportCounts()
    with store.transaction():
        known = {p.uid: p for p in store.postings()}
        new = []
        for posting, columns in rows:
            old = known.get(posting.uid) if "uid" in columns else None
            if old is None or old.id is None:
                new.append(Bundle(posting))
                continue
            changes = {f: getattr(posting, f) for c in columns for f in FIELDS.get(c, ())
                       if getattr(posting, f) != getattr(old, f)}
            if changes:
                store.edit_posting(old.id, changes)
            if "status" in columns and posting.status != old.status:
                store.set_status(old.id, posting.status, "from a spreadsheet")
            if changes or ("status" in columns and posting.status != old.status):
                counts.updated += 1
            else:
                counts.unchanged += 1
        counts.added = len(store.add_many(new))
    return counts
