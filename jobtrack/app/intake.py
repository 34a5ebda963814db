"""Intake, the one way a posting comes in: read → extract → match duplicates → save.

Both front ends call this: `jobtrack add` and the TUI's add dialog. Extraction
knows nothing of the store; here its facts become model objects, and "the
same posting again" is recognised before anything is saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, TypeVar, overload
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from jobtrack.app import list_index
from jobtrack.app.changes import Changes, compare, take
from jobtrack.core.document import Document
from jobtrack.core.fields import Field
from jobtrack.core.model import POSTING_FIELDS, Contact, Event, Evidence, Posting, replace_fields
from jobtrack.extract.result import Extraction, Fact
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


def _facts(ex: Extraction) -> dict[str, tuple[Field, Fact | None]]:
    """Each field declared `extracted`, with its fact: the Extraction has an attribute of the field's name."""
    return {f.key: (f, getattr(ex, f.key)) for f in POSTING_FIELDS if f.extracted}


def bundle_from_extraction(ex: Extraction, doc: Document) -> Bundle:
    """Model objects for what was understood; evidence travels with each fact."""
    facts = _facts(ex)
    posting = Posting(
        title="",
        url=doc.source if doc.source.startswith(("http://", "https://")) else "",
        language=ex.language,
        evidence={k: e for k, (_, fact) in facts.items() if (e := _evidence(fact)) is not None},
    )
    replace_fields(posting, {k: _value(fact, f.empty()) for k, (f, fact) in facts.items()})
    posting.title = posting.title or "(untitled posting)"
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
    return any(fact is not None for k, (_, fact) in _facts(ex).items() if k != "title") or bool(ex.events or ex.contacts)


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
