"""`due` and `week`: what is coming up, in one line or grouped by day.

Kept light: nothing here imports Textual, so `jobtrack due` stays quick
enough for a shell prompt (the calendar file is `export --ics`).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime

from jobtrack.cli.context import Context, UserError
from jobtrack.sanitize import clean_line

WIDTH = 80


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("due", help="one line: the nearest deadlines and interviews")
    p.add_argument("--days", type=int, default=7, help="how far ahead to look (default 7)")
    p.set_defaults(run=cmd_due)

    p = sub.add_parser("week", help="the coming days: deadlines and interviews, grouped by day")
    p.add_argument("--weeks", type=int, default=1, metavar="N", help="how many weeks ahead (default 1)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_week)


def _records(ctx: Context):
    store = ctx.store()
    return store.postings(), store.events(), store.contacts()


def cmd_due(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.agenda import due_line

    store = ctx.store()  # the line names no contacts, so they are not loaded
    print(due_line(store.postings(), store.events(), (), datetime.now(), days=max(args.days, 1)))
    return 0


def _contact_text(entry) -> str:
    bits = []
    for c in entry.contacts[:1]:
        bits.append(" ".join(clean_line(x) for x in (c.name, c.phone) if x))
    return ", ".join(b for b in bits if b)


def _entry_json(e) -> dict:
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


def _fit(line: str) -> str:
    return line if len(line) <= WIDTH else line[: WIDTH - 1] + "…"


def week_lines(days: list, now: datetime) -> list[str]:
    from jobtrack.agenda import deadline_label, with_in

    lines: list[str] = []
    for item in days:
        gap = (item.day - now.date()).days
        when = " (today)" if gap == 0 else " (tomorrow)" if gap == 1 else ""
        if lines:
            lines.append("")
        lines.append(f"{item.day:%a %d %b %Y}{when}")
        for e in item.entries:
            clock = e.at.strftime("%H:%M") if e.timed else "     "
            p = e.posting
            if e.is_deadline and p is not None:
                what = deadline_label(p)
                if p.employer:
                    what += f" · {clean_line(p.employer)}"
                tail = with_in(e.left)
                head = f"  {clock}  {'deadline':<10} "
                room = WIDTH - len(head) - len(tail) - 2
                what = what if len(what) <= room else what[: max(room - 1, 0)] + "…"
                lines.append(_fit(f"{head}{what:<{room}}  {tail}"))
                continue
            title = " — ".join(x for x in (clean_line(p.employer) if p else "", clean_line(p.title) if p else "") if x)
            label = clean_line(e.event.label) if e.event else ""
            lines.append(_fit(f"  {clock}  {e.kind:<10} {title or label or '(no posting)'}"))
            details = [label if title else "", clean_line(e.event.place) if e.event else "", _contact_text(e)]
            details = [d for d in details if d]
            if details:
                lines.append(_fit(f"{'':19}{' · '.join(details)}"))
    return lines


def cmd_week(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.agenda import upcoming

    if args.weeks < 1:
        raise UserError("--weeks must be 1 or more")
    now = datetime.now()
    postings, events, contacts = _records(ctx)
    days = upcoming(postings, events, contacts, now, days=7 * args.weeks)
    if args.json:
        out = [{"day": d.day.isoformat(), "entries": [_entry_json(e) for e in d.entries]} for d in days]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not days:
        print(f"Nothing due in the next {7 * args.weeks} days.")
        return 0
    print("\n".join(week_lines(days, now)))
    return 0

