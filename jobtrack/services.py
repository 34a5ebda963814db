"""Use cases shared by the CLI and the TUI: fetch → extract → model → store.

Extraction knows nothing of the store; this module is where its facts become
model objects, and where "the same posting again" is recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, TypeVar, overload
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from jobtrack.document import Document
from jobtrack.extract.result import Extraction, Fact
from jobtrack.model import Contact, Event, Evidence, Posting
from jobtrack.store import Bundle, Store

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
    from jobtrack.documents import load_source
    from jobtrack.extract import extract
    from jobtrack.zones import local_zone

    doc = load_source(source)
    return doc, extract(doc, as_of=as_of, tz=local_zone())


def find_duplicate(store: Store, posting: Posting) -> Posting | None:
    """The same URL (tracking stripped), or the same employer and title."""
    url = canonical_url(posting.url)
    key = (posting.employer.casefold().strip(), posting.title.casefold().strip())
    for existing in store.postings():
        if url and canonical_url(existing.url) == url:
            return existing
        if key[0] and key == (existing.employer.casefold().strip(), existing.title.casefold().strip()):
            return existing
    return None


@dataclass
class SaveResult:
    posting: Posting
    outcome: Literal["added", "updated"]


UPDATABLE = ("title", "employer", "department", "location", "url", "language", "deadline", "deadline_time",
             "posted", "start_date", "salary", "hours", "positions")


def save_bundle(store: Store, bundle: Bundle) -> SaveResult:
    """Add the posting, or update the one already tracked instead of copying it."""
    with store.transaction():
        existing = find_duplicate(store, bundle.posting)
        if existing is None or existing.id is None:
            return SaveResult(store.add(bundle), "added")
        changes = {k: getattr(bundle.posting, k) for k in UPDATABLE if getattr(bundle.posting, k) not in (None, "")}
        changes["evidence"] = {**existing.evidence, **bundle.posting.evidence}
        updated = store.edit_posting(existing.id, changes)
        known = {(e.kind, e.day, e.label) for e in store.events(existing.id)}
        for e in bundle.events:
            if (e.kind, e.day, e.label) not in known:
                e.posting_id = existing.id
                store.add_event(e)
        names = {c.name.casefold() for c in store.contacts(existing.id)}
        for c in bundle.contacts:
            if c.name.casefold() not in names:
                c.posting_ids = [existing.id]
                store.add_contact(c)
        if bundle.text:
            store.set_text(existing.id, bundle.text)
        if bundle.document:
            store.documents.put(existing.id, *bundle.document)
        return SaveResult(updated, "updated")


def changes_since(current: Posting, fresh: Posting) -> dict[str, tuple[object, object]]:
    """Fields whose freshly fetched value differs: field → (stored, fresh)."""
    out: dict[str, tuple[object, object]] = {}
    for name in UPDATABLE:
        new = getattr(fresh, name)
        if new not in (None, "") and new != getattr(current, name):
            out[name] = (getattr(current, name), new)
    return out
