"""The extraction result: facts with the sentence they came from.

Every fact keeps its evidence (the sentence, whitespace-collapsed) and the
character offsets of that sentence in `Document.text`, so a UI can show
and highlight why a value was chosen, and a confidence so it can ask the
user to check the guesses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Generic, TypeVar

from jobtrack.core.model import EventKind

T = TypeVar("T")


@dataclass(frozen=True)
class Fact(Generic[T]):
    """One extracted value and where it came from."""

    value: T
    evidence: str = ""
    confidence: float = 1.0
    start: int | None = None
    end: int | None = None

    def evidence_json(self) -> dict[str, Any]:
        return {"sentence": self.evidence, "confidence": round(self.confidence, 2),
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class ExtractedEvent:
    """A step of the hiring process: an interview round, a test, a case."""

    kind: EventKind
    label: str
    day: date | None = None
    time: time | None = None
    evidence: str = ""
    confidence: float = 1.0
    start: int | None = None
    end: int | None = None

    def start_iso(self) -> str | None:
        """"YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" when the hour is known."""
        if self.day is None:
            return None
        if self.time is None:
            return self.day.isoformat()
        return f"{self.day.isoformat()}T{self.time.strftime('%H:%M')}"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "label": self.label, "start": self.start_iso(),
                "evidence": self.evidence, "confidence": round(self.confidence, 2),
                "offsets": [self.start, self.end]}


@dataclass(frozen=True)
class ExtractedContact:
    """A person the posting invites the reader to contact."""

    name: str | None = None
    role: str | None = None
    organisation: str | None = None
    phone: str | None = None  # E.164, "+4524810046"
    email: str | None = None
    reachable: str | None = None  # "træffes fra 31/7", "efter uge 31"
    evidence: str = ""
    confidence: float = 1.0
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "organisation": self.organisation,
                "phone": self.phone, "email": self.email, "reachable": self.reachable,
                "evidence": self.evidence, "confidence": round(self.confidence, 2),
                "offsets": [self.start, self.end]}


def _value(fact: Fact[Any] | None) -> Any:
    if fact is None:
        return None
    v = fact.value
    if isinstance(v, time):
        return v.strftime("%H:%M")
    if isinstance(v, date):
        return v.isoformat()
    return v


@dataclass
class Extraction:
    """Everything read from one posting; any field may be missing."""

    title: Fact[str] | None = None
    employer: Fact[str] | None = None
    department: Fact[str] | None = None
    location: Fact[str] | None = None
    deadline: Fact[date] | None = None
    deadline_time: Fact[time] | None = None
    posted: Fact[date] | None = None
    start_date: Fact[date] | None = None
    salary: Fact[str] | None = None
    hours: Fact[str] | None = None
    positions: Fact[int] | None = None
    language: str = ""
    events: list[ExtractedEvent] = field(default_factory=list)
    contacts: list[ExtractedContact] = field(default_factory=list)

    SCALARS = ("title", "employer", "department", "location", "deadline", "deadline_time",
               "posted", "start_date", "salary", "hours", "positions")

    @property
    def interviews(self) -> list[ExtractedEvent]:
        """The dated interview rounds, in date order."""
        dated = [e for e in self.events if e.kind is EventKind.INTERVIEW and e.day]
        return sorted(dated, key=lambda e: (e.day, e.time or time(0)))

    def to_json(self) -> dict[str, Any]:
        """The scorer's shape, plus events, extra facts and evidence."""
        out: dict[str, Any] = {
            "title": _value(self.title),
            "employer": _value(self.employer),
            "language": self.language or None,
            "deadline": _value(self.deadline),
            "deadline_time": _value(self.deadline_time),
            "interviews": [{"start": e.start_iso(), "label": e.label} for e in self.interviews],
            "start_date": _value(self.start_date),
            "salary": _value(self.salary),
            "contacts": [{"name": c.name, "role": c.role, "phone": c.phone, "email": c.email,
                          "reachable": c.reachable} for c in self.contacts],
            "department": _value(self.department),
            "location": _value(self.location),
            "posted": _value(self.posted),
            "hours": _value(self.hours),
            "positions": _value(self.positions),
            "events": [e.to_json() for e in self.events],
        }
        out["evidence"] = {name: getattr(self, name).evidence_json()
                           for name in self.SCALARS if getattr(self, name) is not None}
        out["evidence"]["contacts"] = [c.to_json() for c in self.contacts]
        return out
