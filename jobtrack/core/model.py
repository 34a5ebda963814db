"""The domain model: postings, contacts, events and the status pipeline.

Plain dataclasses with no knowledge of storage or UI. Dates are `date`
objects with a separate optional `time`, because postings so often give a
day without an hour ("senest den 14. april") and the difference matters
for countdowns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar
from uuid import uuid4

from jobtrack.core import clock
from jobtrack.core.fields import Field, Kind, decoders, put, stored

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
# Where a posting was found, for conversion by source in `stats --weeks`; "" when not said.
SOURCES = ("job-board", "network", "direct", "recruiter")


class EventKind(StrEnum):
    INTERVIEW = "interview"
    TEST = "test"
    CASE = "case"
    CALL = "call"
    FOLLOW_UP = "follow-up"
    REFERENCES = "references"
    OTHER = "other"


# An appointment: a time set with the employer. One ahead means the application
# is not waiting for an answer; each is reminded of (docs/reminders.md).
APPOINTMENTS = (EventKind.INTERVIEW, EventKind.TEST, EventKind.CASE, EventKind.CALL)


@dataclass
class StatusChange:
    status: Status
    at: datetime  # when it happened; a day the user stated (`recorded` set) starts at midnight
    note: str = ""
    recorded: datetime | None = None  # set when the day was stated (`status --on`): when it was told

    @classmethod
    def stated(cls, status: Status, day: date, note: str, recorded: datetime) -> StatusChange:
        """A change on a day the user stated ("I applied on the 27th"): its moment is the start of that day."""
        return cls(status, datetime.combine(day, time(0, 0)), note, recorded)

    def when(self) -> str:
        """ "2026-11-27 14:05", or only the day when the user stated the day."""
        return f"{self.at:%Y-%m-%d}" if self.recorded else f"{self.at:%Y-%m-%d %H:%M}"


@dataclass
class Evidence:
    """Where an extracted fact came from: the sentence, and how sure we are."""

    sentence: str
    confidence: float = 1.0
    start: int | None = None  # character offsets into the posting text
    end: int | None = None


ATTACHMENT_KINDS = ("cv", "cover-letter", "portfolio", "certificate", "reference", "transcript", "other")  # suggested


@dataclass
class Attachment:
    """A file sent with an application (a CV, a cover letter): a copy is kept beside the store,
    named by its content's SHA-256, so the same file attached twice is stored once."""

    name: str  # the file's name when it was attached
    sha256: str
    size: int
    kind: str = ""  # "cv", "cover-letter", … as the user says
    added: datetime = field(default_factory=clock.now)


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
    archived: bool = False  # put away: out of the list, the agenda and the reminders unless asked for
    attachments: list[Attachment] = field(default_factory=list)
    source: str = ""  # one of SOURCES, or ""
    status: Status = Status.SAVED
    history: list[StatusChange] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # declared fields without an attribute (core/fields.py)
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
    extra: dict[str, Any] = field(default_factory=dict)
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
    extra: dict[str, Any] = field(default_factory=dict)
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

# --- the fields people see and type --------------------------------------------
# One declaration per field (see core/fields.py and docs/fields.md); the order
# is the order of forms, the detail screen and the CLI's options. Code outside
# the package (a plug-in, a test) may append a Field before the CLI or the app
# starts (docs/fields.md).
WHEN_HINT = "2026-03-16, 16/3 14:00, next friday; empty for none"

POSTING_FIELDS: list[Field] = [
    Field("title", Kind.TEXT, "Title", extracted=True, updatable=True),
    Field("employer", Kind.TEXT, "Employer", extracted=True, updatable=True),
    Field("department", Kind.TEXT, "Department", csv=None, extracted=True, updatable=True),
    Field("location", Kind.TEXT, "Location", extracted=True, updatable=True),
    Field("status", Kind.CHOICE, "Status", choices=Status, default=Status.SAVED, option=False, form=False),
    Field("deadline", Kind.DATE, "Deadline", WHEN_HINT, time="deadline_time", extracted=True, updatable=True,
          example="16/3 14:00, 2026-03-16, next friday"),
    Field("start_date", Kind.DATE, "Start date", "a date", csv="start", extracted=True, updatable=True,
          example="1/2 or 2027-02-01"),
    Field("posted", Kind.PAST_DATE, "Posted", "a date", extracted=True, updatable=True, example="28/11 or 2026-11-28"),
    Field("salary", Kind.TEXT, "Salary", extracted=True, updatable=True),
    Field("hours", Kind.TEXT, "Hours", extracted=True, updatable=True),
    Field("positions", Kind.WHOLE, "Positions", csv=None, extracted=True, updatable=True),
    Field("url", Kind.URL, "URL", updatable=True),
    Field("language", Kind.LANGUAGE, "Language", updatable=True),
    Field("source", Kind.CHOICE, "Source", "where it was found", choices=SOURCES),
    Field("tags", Kind.TAGS, "Tags", "comma-separated", example="python, remote"),
    Field("priority", Kind.WHOLE, "Priority", default=0, shown=False),
    Field("notes", Kind.NOTES, "Notes", form=False, shown=False),
    Field("deadline_time", Kind.TIME, "Deadline time", "14:00", csv=None, extracted=True, updatable=True,
          form=False, shown=False),
]
CONTACT_FIELDS: list[Field] = [
    Field("name", Kind.TEXT, "Name"),
    Field("role", Kind.TEXT, "Role", updatable=True),
    Field("organisation", Kind.TEXT, "Organisation", updatable=True),
    Field("phone", Kind.PHONE, "Phone", updatable=True),
    Field("email", Kind.EMAIL, "E-mail", updatable=True),
    Field("reachable", Kind.TEXT, "Reachable", updatable=True),
    Field("notes", Kind.NOTES, "Notes", form=False),
]
EVENT_FIELDS: list[Field] = [
    Field("kind", Kind.CHOICE, "Kind", choices=EventKind, default=EventKind.OTHER),
    Field("label", Kind.TEXT, "What"),
    Field("when", Kind.DATE, "When", "16/3 14:00, mandag 10, next monday 10:00", attr="day", time="time",
          example="16/3 14:00, mandag 10, next monday 10:00"),
    Field("end", Kind.TIME, "Ends", "14:30", example="14:30"),
    Field("place", Kind.TEXT, "Place"),
    Field("notes", Kind.NOTES, "Notes", form=False),
]
FIELDS: dict[type, list[Field]] = {Posting: POSTING_FIELDS, Contact: CONTACT_FIELDS, Event: EVENT_FIELDS}


# --- serialisation -----------------------------------------------------------
# The store keeps plain JSON; these helpers are the one place that knows how
# model values map to JSON values and back. Declared fields are decoded by
# their kind; the bookkeeping (history, evidence, times of change) by hand.


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
    if isinstance(value, (StatusChange, Evidence, Attachment)):
        return {name: _encode(getattr(value, name)) for name in _FIELD_ORDER[type(value)]}
    return value


def to_dict(obj: Posting | Contact | Event) -> dict[str, Any]:
    """A JSON-ready dict of a model object (including its id), as `asdict` would give it without its
    deep copies (which were most of the time of `list --json`); declared fields kept in `extra` are keys like the rest."""
    out = {name: _encode(getattr(obj, name)) for name in _FIELD_ORDER[type(obj)] if name != "extra"}
    out.update((k, _encode(v)) for k, v in obj.extra.items())
    return out


def _datetime(v: Any) -> datetime | None:
    return datetime.fromisoformat(v) if v else None


def _evidence(v: Any) -> dict[str, Evidence]:
    return {k: Evidence(**e) for k, e in (v or {}).items()}


@dataclass
class _Plan:
    """How one record type is read from JSON, worked out once (records are read by the thousand)."""

    declared: list[Field]  # the declarations it was made from: a list changed since makes a new plan
    attributes: frozenset[str]
    decoders: list[tuple[str, Any]]  # (attribute, function from its JSON value)
    extra: list[Field]  # declared fields without an attribute


_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    plan, declared = _PLANS.get(cls), FIELDS[cls]
    if plan is None or plan.declared != declared:  # quick: the same Field objects compare by identity
        attributes = frozenset(f.name for f in fields(cls)) - {"extra"}
        decode = dict(d for f in declared for d in decoders(f))
        plan = _PLANS[cls] = _Plan(
            list(declared), attributes, [(k, fn) for k, fn in decode.items() if k in attributes],
            [f for f in declared if f.key not in attributes],
        )
    return plan


def _extra(f: Field, data: dict[str, Any]) -> Any:
    value, decode = data.get(f.key, f.empty()), dict(decoders(f)).get(f.key)
    return decode(value) if decode else value


def _read(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The constructor's arguments: keys the record does not know are dropped, so old or newer files still load."""
    plan = _plan(cls)
    d = {k: v for k, v in data.items() if k in plan.attributes}
    for key, decode in plan.decoders:
        d[key] = decode(d.get(key))
    d["extra"] = {f.key: _extra(f, data) for f in plan.extra}
    d["evidence"] = _evidence(d.get("evidence"))
    return d


def posting_from_dict(data: dict[str, Any]) -> Posting:
    d = _read(Posting, data)
    d["created"] = _datetime(d.get("created")) or clock.now()
    d["updated"] = _datetime(d.get("updated"))
    d["history"] = [
        StatusChange(stored(Status, h["status"]), datetime.fromisoformat(h["at"]), h.get("note", ""),
                     _datetime(h.get("recorded")))
        for h in d.get("history") or []
    ]
    d["attachments"] = [Attachment(str(a["name"]), str(a["sha256"]), int(a["size"]), str(a.get("kind", "")),
                                   _datetime(a.get("added")) or clock.now())
                        for a in d.get("attachments") or []]
    return Posting(**d)


def contact_from_dict(data: dict[str, Any]) -> Contact:
    return Contact(**_read(Contact, data))


def event_from_dict(data: dict[str, Any]) -> Event:
    return Event(**_read(Event, data))


class ModelError(ValueError):
    """A value a user gave does not fit the model (unknown field, bad status)."""


M = TypeVar("M", Posting, Contact, Event)
_FIELD_ORDER: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls)) for cls in (Posting, Contact, Event, StatusChange, Evidence, Attachment)
}


def replace_fields(obj: M, changes: dict[str, Any]) -> M:
    """Apply already-parsed field values (attributes, or declared fields kept in `extra`), refusing other names."""
    plan = _plan(type(obj))
    extra = {f.key for f in plan.extra}
    for key, value in changes.items():
        if key not in plan.attributes | extra or key == "id":
            raise ModelError(f"unknown field {key!r}")
        put(obj, key, value)
    return obj
