"""The pipeline picture: how many postings stand at each stage, and the answer rate.

Pure functions shared by `jobtrack stats` (text bars) and the agenda
screen (coloured bars), so both show the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from jobtrack.core.model import PIPELINE, Posting, Status

# Every stage a posting can stand at, in the order they are drawn. "closed"
# is a saved posting whose deadline passed before it was sent.
STAGES: tuple[str, ...] = (*(s.value for s in PIPELINE), Status.REJECTED.value, Status.WITHDRAWN.value, "closed")
# A posting that ever reached one of these was sent.
SENT = frozenset({Status.APPLIED, Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED, Status.REJECTED})
# A sent application that reached one of these has had an answer.
ANSWERED = frozenset({Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED, Status.REJECTED})

EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
LABEL = 13  # "interviewing" and a space
NUMBER = 6


@dataclass
class Pipeline:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STAGES, 0))
    sent: int = 0
    answered: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def answer_rate(self) -> float | None:
        """The share of sent applications that got an answer; None when none was sent."""
        return self.answered / self.sent if self.sent else None


def _reached(p: Posting) -> set[Status]:
    return {p.status, *(h.status for h in p.history)}


def pipeline(postings: Iterable[Posting], now: datetime) -> Pipeline:
    """Count postings by the stage they stand at now, and sent versus answered ones."""
    out = Pipeline()
    for p in postings:
        out.counts[p.display_status(now)] += 1
        reached = _reached(p)
        if reached & SENT:
            out.sent += 1
            out.answered += bool(reached & ANSWERED)
    return out


def bar(value: int, largest: int, width: int) -> str:
    """A horizontal bar of `width` cells at most, in eighths of a cell."""
    if largest <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / largest))
    full, part = divmod(eighths, 8)
    return FULL * full + (EIGHTHS[part] if part else "")


def bar_width(total_width: int) -> int:
    """Cells left for the bar after the label and the number."""
    return max(total_width - LABEL - NUMBER - 1, 1)


def answer_line(p: Pipeline) -> str:
    if p.answer_rate is None:
        return "Answer rate: no application sent yet"
    noun = "application" if p.sent == 1 else "applications"
    return f"Answer rate: {p.answered} of {p.sent} {noun} answered ({p.answer_rate:.0%})"


def bar_lines(p: Pipeline, width: int = 80) -> list[str]:
    """One line per stage ("applied         8  █████▍") and the answer rate, within `width`."""
    largest = max(p.counts.values(), default=0)
    room = bar_width(width)
    lines = [f"{stage:<{LABEL}}{n:>{NUMBER}} {bar(n, largest, room)}".rstrip() for stage, n in p.counts.items()]
    return [f"Postings by stage ({p.total} in all)", "", *lines, "", answer_line(p)]


def as_json(p: Pipeline) -> dict[str, object]:
    return {"stages": dict(p.counts), "total": p.total, "sent": p.sent, "answered": p.answered, "answer_rate": p.answer_rate}
