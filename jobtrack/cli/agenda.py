"""`due` and `week`: what is coming up, in one line or grouped by day.

Kept light: nothing here imports Textual, so `jobtrack due` stays quick
enough for a shell prompt (the calendar file is `export --ics`).
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from jobtrack.cli.context import Context, UserError
from jobtrack.core.sanitize import json_text

if TYPE_CHECKING:
    from jobtrack.app.agenda import Entry
    from jobtrack.core.model import Event, Posting

MAX_DAYS = 3660  # how far ahead `due` and `week` may look: ten years


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("due", help="one line: the nearest deadlines and interviews")
    p.add_argument("--days", type=int, default=7, help="how far ahead to look (default 7)")
    p.add_argument("--all", action="store_true", help="archived postings too")
    p.add_argument("--json", action="store_true", help="print a JSON array of what is coming up")
    p.set_defaults(run=cmd_due)

    p = sub.add_parser("week", help="the weekly review: coming days, applications waiting for an answer, the week just past")
    p.add_argument("--weeks", type=int, default=1, metavar="N", help="how many weeks ahead (default 1)")
    p.add_argument("--all", action="store_true", help="archived postings too")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_week)


def _records(ctx: Context, archived: bool) -> tuple[list[Posting], list[Event]]:
    """Without archived postings and their events unless `archived`."""
    from jobtrack.app.archive import active

    store = ctx.store()
    return (store.postings(), store.events()) if archived else active(store.postings(), store.events())


def cmd_due(args: argparse.Namespace, ctx: Context) -> int:
    """Answers from the due index when it is current; otherwise from the store, rebuilding it."""
    import orjson

    from jobtrack.app import due_index
    from jobtrack.app.agenda import due_line
    from jobtrack.store import derived

    if args.days < 1:
        raise UserError("--days must be 1 or more")
    if args.days > MAX_DAYS:
        raise UserError(f"--days must be at most {MAX_DAYS} (ten years)")
    now, days = ctx.now(), args.days
    first, end = now.date(), now.date() + timedelta(days=days)
    found = _records(ctx, True) if args.all else due_index.load(ctx.db_path, first, end)
    if found is None:  # the index (which leaves archived postings out) is missing or stale
        stamp = derived.store_stamp(ctx.db_path)  # before the records are read
        store = ctx.store()  # the line names no contacts, so they are not loaded
        until = max(end, first + due_index.HORIZON)
        index = due_index.build_rows(stamp, store.rows("postings"), store.rows("events"), first, until)
        due_index.save(ctx.db_path, orjson.dumps(index))
        found = due_index.select(index, first, end)
        assert found is not None  # it reaches `end`
    if args.json:
        from jobtrack.app.agenda import entries

        print(json_text([_entry_json(e) for e in entries(*found, (), now, days)]))
        return 0
    print(due_line(*found, (), now, days=days))
    return 0


def _entry_json(e: Entry) -> dict[str, Any]:
    from jobtrack.app.countdowns import moment_text

    p = e.posting
    return {"kind": e.kind, "at": moment_text(e.at, e.timed), "left": e.left,
            "posting_id": p.id if p else None, "title": p.title if p else "", "employer": p.employer if p else "",
            "event_id": e.event.id if e.event else None, "label": e.event.label if e.event else ""}


def cmd_week(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.agenda import review
    from jobtrack.app.config import load_config
    from jobtrack.app.review import review_json, rows, text_lines

    if not 1 <= args.weeks <= MAX_DAYS // 7:
        raise UserError(f"--weeks must be from 1 to {MAX_DAYS // 7} (ten years)")
    postings, events = _records(ctx, args.all)
    contacts = ctx.store().contacts()
    found = review(postings, events, contacts, ctx.now(), days=7 * args.weeks, config=load_config())
    if args.json:
        print(json_text(review_json(found)))
        return 0
    print("\n".join(text_lines(rows(found))))
    return 0

