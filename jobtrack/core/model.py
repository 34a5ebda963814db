"""The domain model: postings, contacts, events and the status pipeline.

Plain dataclasses with no knowledge of storage or UI. Dates are `date`
objects with a separate optional `time`, because postings so often give a
day without an hour ("senest den 14. april") and the difference matters
for countdowns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar
from uuid import uuid4

from jobtrack.core import clock

ClockTime = time  # Event has a field named `time`, which hides the type inside its class body


def new_uid() -> str:
    """A record's identity everywhere: in exports, on another machine, in calendar UIDs (the id is this store's number)."""
    return str(uuid4())


class Status(StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def is_finished(self) -> bool:
        return self in FINISHED


PIPELINE: tuple[Status, ...] = (
    Status.SAVED,
    Status.APPLIED,
    Status.INTERVIEWING,
    Status.OFFER,
    Status.ACCEPTED,
)
FINISHED = frozenset({Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN})


class EventKind(StrEnum):
    INTERVIEW = "interview"
    TEST = "test"
    CASE = "case"
    CALL = "call"
    FOLLOW_UP = "follow-up"
    REFERENCES = "references"
    OTHER = "other"


@dataclass
class StatusChange:
    status: Status
    at: datetime
    note: str = ""


@dataclass
class Evidence:
    """Where an extracted fact came from: the sentence, and how sure we are."""

    sentence: str
    confidence: float = 1.0
    start: int | None = None  # character offsets into the posting text
    end: int | None = None


@dataclass
class Posting:
    title: str
    employer: str = ""
    department: str = ""
    location: str = ""
    url: str = ""
    language: str = ""
    deadline: date | None = None
    deadline_time: time | None = None
    posted: date | None = None
    start_date: date | None = None
    salary: str = ""
    hours: str = ""
    positions: int | None = None
    tags: list[str] = field(default_factory=list)
    priority: int = 0
    notes: str = ""
    status: Status = Status.SAVED
    history: list[StatusChange] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    created: datetime = field(default_factory=clock.now)
    updated: datetime | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def deadline_at(self) -> datetime | None:
        """The last moment to apply; a deadline with no hour lasts the whole day."""
        if self.deadline is None:
            return None
        return datetime.combine(self.deadline, self.deadline_time or END_OF_DAY)

    def deadline_text(self) -> str:
        """ "2026-04-14 12:00", or "2026-04-14 (end of day)" for a day without an hour: none is made up."""
        if self.deadline is None:
            return ""
        return f"{self.deadline:%Y-%m-%d} {self.deadline_time:%H:%M}" if self.deadline_time else f"{self.deadline:%Y-%m-%d} (end of day)"

    def is_closed(self, now: datetime) -> bool:
        return closed(self.status, self.deadline_at(), now)

    def display_status(self, now: datetime) -> str:
        return "closed" if self.is_closed(now) else self.status.value


@dataclass
class Contact:
    name: str
    role: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    reachable: str = ""  # "træffes fra 31/7", "after week 31"
    notes: str = ""
    posting_ids: list[int] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    uid: str = field(default_factory=new_uid)
    id: int | None = None


@dataclass
class Event:
    posting_id: int
    kind: EventKind
    day: date | None = None  # a step announced without a date (a case, a test)
    time: ClockTime | None = None
    end: ClockTime | None = None
    label: str = ""
    place: str = ""
    notes: str = ""
    evidence: dict[str, Evidence] = field(default_factory=dict)
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def starts_at(self) -> datetime | None:
        """Untimed events count from the start of their day."""
        if self.day is None:
            return None
        return datetime.combine(self.day, self.time or time(0, 0))


END_OF_DAY = time(23, 59)


def closed(status: Status, deadline: datetime | None, now: datetime) -> bool:
    """The deadline passed before the user applied (see `jobtrack.core.ahead`)."""
    return status is Status.SAVED and deadline is not None and deadline < now

# --- serialisation -----------------------------------------------------------
# The store keeps plain JSON; these helpers are the one place that knows how
# model values map to JSON values and back.


_PLAIN = frozenset((str, int, float, bool, type(None)))  # most values: JSON already


def _encode(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, (StatusChange, Evidence)):
        return {name: _encode(getattr(value, name)) for name in _FIELD_ORDER[type(value)]}
    return value


def to_dict(obj: Posting | Contact | Event) -> dict[str, Any]:
    """A JSON-ready dict of a model object (including its id), as `asdict` would give it
    without its deep copies, which were most of the time of `list --json`."""
    return {name: _encode(getattr(obj, name)) for name in _FIELD_ORDER[type(obj)]}


def _date(v: Any) -> date | None:
    return date.fromisoformat(v) if v else None


def _time(v: Any) -> time | None:
    return time.fromisoformat(v) if v else None


def _datetime(v: Any) -> datetime | None:
    return datetime.fromisoformat(v) if v else None


E = TypeVar("E", Status, EventKind)
_WORD = re.compile(r"[a-z][a-z-]*")


def stored(cls: type[E], value: Any) -> E:
    """A status or kind read from the store. One a newer jobtrack wrote (a lower-case
    word this version does not know) is kept as it is, so it is shown and saved back;
    anything else raises ValueError. `cls(value)`, for what users type, stays strict."""
    try:
        return cls(value)
    except ValueError:
        if not isinstance(value, str) or not _WORD.fullmatch(value):
            raise
    member = str.__new__(cls, value)
    member._value_, member._name_ = value, value.upper()
    return member


def _evidence(v: Any) -> dict[str, Evidence]:
    return {k: Evidence(**e) for k, e in (v or {}).items()}


def _field_names(cls: type) -> frozenset[str]:
    """Asked once per record read; `fields()` is slow enough to show when listing thousands."""
    return _FIELD_NAMES[cls]


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Drop keys the dataclass does not have, so old or newer files still load."""
    names = _field_names(cls)
    return {k: v for k, v in data.items() if k in names}


def posting_from_dict(data: dict[str, Any]) -> Posting:
    d = _known(Posting, data)
    for key in ("deadline", "posted", "start_date"):
        d[key] = _date(d.get(key))
    d["deadline_time"] = _time(d.get("deadline_time"))
    d["created"] = _datetime(d.get("created")) or clock.now()
    d["updated"] = _datetime(d.get("updated"))
    d["status"] = stored(Status, d.get("status") or Status.SAVED)
    d["history"] = [
        StatusChange(stored(Status, h["status"]), datetime.fromisoformat(h["at"]), h.get("note", ""))
        for h in d.get("history") or []
    ]
    d["evidence"] = _evidence(d.get("evidence"))
    return Posting(**d)


def contact_from_dict(data: dict[str, Any]) -> Contact:
    d = _known(Contact, data)
    d["evidence"] = _evidence(d.get("evidence"))
    return Contact(**d)


def event_from_dict(data: dict[str, Any]) -> Event:
    d = _known(Event, data)
    d["kind"] = stored(EventKind, d.get("kind") or EventKind.OTHER)
    d["day"] = _date(d.get("day"))
    d["time"] = _time(d.get("time"))
    d["end"] = _time(d.get("end"))
    d["evidence"] = _evidence(d.get("evidence"))
    return Event(**d)


class ModelError(ValueError):
    """A value a user gave does not fit the model (unknown field, bad status)."""


M = TypeVar("M", Posting, Contact, Event)
_FIELD_NAMES: dict[type, frozenset[str]] = {cls: frozenset(f.name for f in fields(cls)) for cls in (Posting, Contact, Event)}
_FIELD_ORDER: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls)) for cls in (Posting, Contact, Event, StatusChange, Evidence)
}


def replace_fields(obj: M, changes: dict[str, Any]) -> M:
    """Apply already-parsed field values, refusing names the model lacks."""
    names = _field_names(type(obj))
    for key, value in changes.items():
        if key not in names or key == "id":
            raise ModelError(f"unknown field {key!r}")
        setattr(obj, key, value)
    return obj
