"""The weekly review laid out as rows of text.

`jobtrack week` prints the rows and the agenda screen lists them, so both
say the same thing in the same words. Each row knows its posting, so a
screen can open it. Pure: no Textual, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from jobtrack.app.agenda import Entry, Happening, Review, Waiting, ago, with_in
from jobtrack.core.listing import posting_name
from jobtrack.core.sanitize import clean_line

WIDTH = 80
INDENT = 19  # where the text of an entry starts, under its label

RowKind = Literal["section", "day", "entry", "note"]


@dataclass
class Row:
    """One heading, one entry (perhaps with a detail line) or one note."""

    kind: RowKind
    lines: list[str]
    posting_id: int | None = None
    at: datetime | None = None  # the moment an entry is about, for colouring


def fit(line: str, width: int = WIDTH) -> str:
    return line if len(line) <= width else line[: max(width - 1, 0)] + "…"


def _spread(head: str, what: str, tail: str, width: int) -> str:
    """`head what … tail` with the tail flush right and `what` cut to fit."""
    room = width - len(head) - len(tail) - 2
    what = what if len(what) <= room else what[: max(room - 1, 0)] + "…"
    return fit(f"{head}{what:<{max(room, 0)}}  {tail}", width)


def _contact_text(entry: Entry) -> str:
    return ", ".join(" ".join(clean_line(x) for x in (c.name, c.phone) if x) for c in entry.contacts[:1])


def entry_lines(e: Entry, width: int = WIDTH) -> list[str]:
    """An entry as one line, plus a detail line (place, who to contact) for an event."""
    clock = e.at.strftime("%H:%M") if e.timed else "     "
    p = e.posting
    if e.is_deadline and p is not None:
        return [_spread(f"  {clock}  {'deadline':<10} ", posting_name(p), with_in(e.left), width)]
    title = posting_name(p)
    label = clean_line(e.event.label) if e.event else ""
    lines = [fit(f"  {clock}  {e.kind:<10} {title or label or '(no posting)'}", width)]
    details = [label if title else "", clean_line(e.event.place) if e.event else "", _contact_text(e)]
    details = [d for d in details if d]
    if details:
        lines.append(fit(f"{'':{INDENT}}{' · '.join(details)}", width))
    return lines


def entry_row(e: Entry, width: int = WIDTH) -> Row:
    return Row("entry", entry_lines(e, width), e.posting.id if e.posting else None, e.at)


def day_heading(day: date, now: datetime) -> str:
    """ "Tue 24 Nov 2026 (tomorrow)"."""
    gap = (day - now.date()).days
    when = " (today)" if gap == 0 else " (tomorrow)" if gap == 1 else ""
    return f"{day:%a %d %b %Y}{when}"


def _waiting_row(w: Waiting, now: datetime, width: int) -> Row:
    tail = f"{w.step} {ago(w.since.date(), now.date())}"
    if w.chase is not None and (note := w.chase.note(now)):
        tail += f" · {note}"
    return Row("entry", [_spread("  ", posting_name(w.posting), tail, width)], w.posting.id)


def _happening_row(h: Happening, width: int) -> Row:
    p = h.posting
    if h.event is not None:
        what = posting_name(p) or clean_line(h.event.label) or "(no posting)"
    else:
        what = posting_name(p) if p is not None else ""
    if h.note:
        what += f" · {clean_line(h.note)}"
    return Row("entry", [fit(f"  {h.at:%a %d %b}  {h.what:<12} {what}", width)], p.id if p else None, h.at)


def rows(review: Review, width: int = WIDTH) -> list[Row]:
    """The review top to bottom: coming days by day, waiting, the week just past."""
    now = review.now
    out = [Row("section", [f"The next {review.days} days"])]
    for item in review.coming:
        out.append(Row("day", [day_heading(item.day, now)]))
        out.extend(entry_row(e, width) for e in item.entries)
    if not review.coming:
        out.append(Row("note", [f"  Nothing due in the next {review.days} days."]))
    out.append(Row("section", ["Waiting for an answer"]))
    out.extend(_waiting_row(w, now, width) for w in review.waiting)
    if not review.waiting:
        out.append(Row("note", ["  No application is waiting for an answer."]))
    out.append(Row("section", ["The week just past"]))
    out.extend(_happening_row(h, width) for h in review.past)
    if not review.past:
        out.append(Row("note", ["  Nothing happened in the last 7 days."]))
    return out


def gap_before(row: Row, previous: Row | None) -> bool:
    """A blank line before each heading, but none right under a section's title."""
    if previous is None:
        return False
    return row.kind == "section" or (row.kind == "day" and previous.kind != "section")


def text_lines(review_rows: list[Row]) -> list[str]:
    """Plain lines for a terminal."""
    lines: list[str] = []
    previous: Row | None = None
    for row in review_rows:
        if gap_before(row, previous):
            lines.append("")
        lines.extend(row.lines)
        previous = row
    return lines


# --- JSON for scripts ------------------------------------------------------------


def entry_json(e: Entry) -> dict[str, Any]:
    p, ev = e.posting, e.event
    return {
        "kind": e.kind,
        "at": e.at.isoformat(timespec="minutes"),
        "time": e.at.strftime("%H:%M") if e.timed else None,
        "left": e.left,
        "posting_id": p.id if p else None,
        "title": p.title if p else "",
        "employer": p.employer if p else "",
        "location": p.location if p else "",
        "event_id": ev.id if ev else None,
        "label": ev.label if ev else "",
        "place": ev.place if ev else "",
        "contacts": [{"name": c.name, "phone": c.phone, "email": c.email} for c in e.contacts],
    }


def review_json(review: Review) -> dict[str, Any]:
    now = review.now
    return {
        "days": [{"day": d.day.isoformat(), "entries": [entry_json(e) for e in d.entries]} for d in review.coming],
        "waiting": [
            {
                "posting_id": w.posting.id, "title": w.posting.title, "employer": w.posting.employer,
                "step": w.step, "since": w.since.isoformat(timespec="minutes"), "days": (now.date() - w.since.date()).days,
                "ghosted": bool(w.chase and w.chase.ghosted),
                "follow_up": w.chase.note(now) if w.chase else "",
                "next_follow_up": w.chase.next.date().isoformat() if w.chase and w.chase.next else None,
            }
            for w in review.waiting
        ],
        "past": [
            {
                "at": h.at.isoformat(timespec="minutes"), "what": h.what, "posting_id": h.posting.id if h.posting else None,
                "title": h.posting.title if h.posting else "", "employer": h.posting.employer if h.posting else "",
                "event_id": h.event.id if h.event else None, "note": h.note,
            }
            for h in review.past
        ],
    }
