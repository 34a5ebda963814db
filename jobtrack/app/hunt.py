"""The hunt over time: applications per week against a target, answers, interviews, offers.

Pure functions of the records and "now", shared by `jobtrack stats --weeks N`
and the hunt screen, so both count the same way:

- an application is sent at its first change to "applied" (as the Joblog
  report counts it, `jobtrack.app.report`);
- its first answer is the earliest of a later change to interviewing, offer,
  accepted or rejected, and the day of an appointment recorded for it (the
  employer answered by then at the latest);
- an interview counts in the week of its day; an offer in the week the
  posting first became "offer";
- weeks run Monday to Sunday; the last one is the current week.

Conversion by source takes the applications sent in the window, by the
posting's `source` (job-board, network, direct, recruiter, or unknown).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median
from typing import Any

from jobtrack.core.ahead import APPOINTMENTS
from jobtrack.core.model import SOURCES, Event, EventKind, Posting, Status
from jobtrack.core.pipeline import ANSWERED, bar

UNKNOWN = "unknown"  # the source of a posting that does not say


@dataclass
class Week:
    start: date  # a Monday
    sent: int = 0
    answers: int = 0
    interviews: int = 0
    offers: int = 0

    def met(self, target: int) -> bool:
        return bool(target) and self.sent >= target


@dataclass
class Funnel:
    """How far the applications from one source got."""

    sent: int = 0
    answered: int = 0
    interviews: int = 0
    offers: int = 0


@dataclass
class Hunt:
    weeks: list[Week]
    target: int  # applications a week; 0: none set
    answer_days: list[int] = field(default_factory=list)  # days to the first answer, per answered application
    sources: dict[str, Funnel] = field(default_factory=dict)

    @property
    def sent(self) -> int:
        return sum(w.sent for w in self.weeks)

    @property
    def weeks_met(self) -> int:
        return sum(w.met(self.target) for w in self.weeks)

    @property
    def median_answer_days(self) -> float | None:
        return median(self.answer_days) if self.answer_days else None


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def sent_at(p: Posting) -> datetime | None:
    """The first change to "applied"."""
    return min((h.at for h in p.history if h.status is Status.APPLIED), default=None)


def _first_reached(p: Posting, statuses: Iterable[Status], after: datetime) -> datetime | None:
    wanted = frozenset(statuses)
    return min((h.at for h in p.history if h.status in wanted and h.at >= after), default=None)


def first_answer(p: Posting, sent: datetime, days: list[date]) -> datetime | None:
    """The earliest answer after `sent`: a status change, or the day of an appointment (`days`)."""
    moments = [m for m in (_first_reached(p, ANSWERED, sent),) if m is not None]
    moments += [datetime.combine(d, datetime.min.time()) for d in days if d >= sent.date()]
    return min(moments, default=None)


def hunt(postings: Iterable[Posting], events: Iterable[Event], now: datetime, weeks: int, target: int = 0) -> Hunt:
    """The last `weeks` weeks up to and including the current one."""
    first = monday(now.date()) - timedelta(weeks=weeks - 1)
    out = Hunt([Week(first + timedelta(weeks=n)) for n in range(weeks)], target)
    out.sources = {s: Funnel() for s in (*SOURCES, UNKNOWN)}

    def week_of(day: date) -> Week | None:
        n = (day - first).days // 7
        return out.weeks[n] if 0 <= n < weeks and day <= now.date() else None

    appointments: dict[int, list[date]] = {}
    interviews: dict[int, list[date]] = {}
    for e in events:
        if e.day is None:
            continue
        if e.kind in APPOINTMENTS:
            appointments.setdefault(e.posting_id, []).append(e.day)
        if e.kind is EventKind.INTERVIEW and (w := week_of(e.day)):
            w.interviews += 1
            interviews.setdefault(e.posting_id, []).append(e.day)
    for p in postings:
        offered = _first_reached(p, (Status.OFFER,), datetime.min)
        if offered is not None and (w := week_of(offered.date())):
            w.offers += 1
        sent = sent_at(p)
        if sent is None:
            continue
        answer = first_answer(p, sent, appointments.get(p.id or 0, []))
        if answer is not None and answer <= now and (w := week_of(answer.date())):
            w.answers += 1
        if (w := week_of(sent.date())) is None:
            continue
        w.sent += 1
        funnel = out.sources[p.source if p.source in SOURCES else UNKNOWN]
        funnel.sent += 1
        reached = {h.status for h in p.history if sent <= h.at <= now}
        if answer is not None and answer <= now:
            funnel.answered += 1
            out.answer_days.append((answer.date() - sent.date()).days)
        funnel.interviews += bool(reached & {Status.INTERVIEWING, Status.OFFER, Status.ACCEPTED}
                                  or interviews.get(p.id or 0))
        funnel.offers += bool(reached & {Status.OFFER, Status.ACCEPTED})
    return out


# --- as text, for the shell and the hunt screen -----------------------------------

DATE = 11  # "05 Oct 2026"
COUNTS = "  Answers  Interviews  Offers"


def bar_room(width: int) -> int:
    """Cells for the bar of one week: what the date, the count and the other columns leave."""
    return max(width - DATE - 2 - 4 - 1 - len(COUNTS), 4)


def sent_bar(w: Week, target: int, largest: int, room: int) -> tuple[str, str]:
    """The week's bar, and dots up to the target when short of it."""
    drawn = bar(w.sent, largest, room)
    goal = round(target * room / largest) if largest and target else 0
    return drawn, "·" * max(goal - len(drawn), 0)


def week_head(width: int) -> str:
    return f"{'Week of':<{DATE}}  {'Sent':>4} {'':<{bar_room(width)}}{COUNTS}"


def week_parts(w: Week, h: Hunt, width: int) -> tuple[str, str, str, str]:
    """The line of one week in four parts (before the bar, the bar, the dots to the target, after)."""
    room = bar_room(width)
    largest = max([h.target, *(x.sent for x in h.weeks)])
    drawn, short = sent_bar(w, h.target, largest, room)
    mark = "✓" if w.met(h.target) else " "
    head = f"{w.start:%d %b %Y}  {w.sent:>3}{mark} "
    tail = " " * (room - len(drawn) - len(short)) + f"  {w.answers:>7}  {w.interviews:>10}  {w.offers:>6}"
    return head, drawn, short, tail


def summary_lines(h: Hunt) -> list[str]:
    weeks = len(h.weeks)
    lines = [f"Sent {h.sent} in {weeks} week{'' if weeks == 1 else 's'}, {h.sent / weeks:.1f} a week"
             + (f"; target {h.target} a week, met in {h.weeks_met} of {weeks}" if h.target else "; no weekly target set")]
    days = h.median_answer_days
    lines.append("Time to first answer: no answer yet" if days is None else
                 f"Time to first answer: median {days:g} day{'' if days == 1 else 's'}"
                 f" ({len(h.answer_days)} answered of {h.sent} sent)")
    return lines


def _rate(n: int, of: int) -> str:
    return f"{n:>4} {n / of:>4.0%}" if of else f"{n:>4}     "


def source_lines(h: Hunt) -> list[str]:
    lines = [f"{'By source':<12} {'sent':>4}  {'answered':>9}  {'interview':>9}  {'offer':>9}"]
    for name, f in h.sources.items():
        if f.sent:
            lines.append(f"  {name:<10} {f.sent:>4}  {_rate(f.answered, f.sent)}  {_rate(f.interviews, f.sent)}"
                         f"  {_rate(f.offers, f.sent)}")
    if len(lines) == 1:
        lines.append("  no application sent in these weeks")
    return lines


def title(h: Hunt) -> str:
    end = h.weeks[-1].start + timedelta(days=6)
    return f"The hunt: {len(h.weeks)} weeks, {h.weeks[0].start:%d %b %Y} to {end:%d %b %Y}"


def text_lines(h: Hunt, width: int = 80) -> list[str]:
    lines = [title(h), "", week_head(width)]
    lines += ["".join(week_parts(w, h, width)).rstrip() for w in h.weeks]
    return [*lines, "", *summary_lines(h), "", *source_lines(h)]


def hunt_json(h: Hunt) -> dict[str, Any]:
    return {
        "target": h.target,
        "weeks": [{"start": w.start.isoformat(), "week": f"{w.start.isocalendar().year}-W{w.start.isocalendar().week:02d}",
                   "applications": w.sent, "met_target": w.met(h.target), "answers": w.answers,
                   "interviews": w.interviews, "offers": w.offers} for w in h.weeks],
        "sent": h.sent, "weeks_met": h.weeks_met,
        "time_to_first_answer": {"median_days": h.median_answer_days, "days": sorted(h.answer_days)},
        "sources": {name: vars(f) for name, f in h.sources.items()},
    }


__all__ = ["Funnel", "Hunt", "UNKNOWN", "Week", "first_answer", "hunt", "hunt_json", "monday", "sent_at", "text_lines"]
