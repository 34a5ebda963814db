"""`add`, `list`, `show`, `edit`, `status` and `rm`: the postings themselves."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime

from jobtrack.cli.context import Context, UserError
from jobtrack.cli.fields import POSTING_FIELDS, add_field_options, fmt, given, parse_fields, status_arg, summary
from jobtrack.core.model import Posting, Status, to_dict
from jobtrack.core.sanitize import clean_line, json_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="add postings from URLs, files or pasted text (-), one source per line on stdin, or from options")
    p.add_argument("sources", nargs="*", metavar="SOURCE", help="URL, file path, or - to paste text")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day the posting was seen (for dates without a year)")
    p.add_argument("--update", action="store_true", help="a posting already tracked takes what its page says now")
    p.add_argument("--anyway", action="store_true", help="save a page even when nothing in it reads like a posting")
    add_field_options(p, POSTING_FIELDS, extra=("deadline",))
    p.set_defaults(run=cmd_add)

    p = sub.add_parser("list", help="list postings")
    p.add_argument("--status", type=status_arg, action="append", help="only this status (repeatable)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("show", help="show one posting with its contacts and events")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument("--text", action="store_true", help="also print the full posting text")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("edit", help="change fields of a posting")
    p.add_argument("id", type=int)
    add_field_options(p, POSTING_FIELDS, extra=("deadline",))
    p.set_defaults(run=cmd_edit)

    p = sub.add_parser("status", help="move a posting along the pipeline (history is kept)")
    p.add_argument("id", type=int)
    p.add_argument("status", type=status_arg, help=", ".join(s.value for s in Status))
    p.add_argument("--note", default="")
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("rm", help="delete a posting with its events")
    p.add_argument("id", type=int)
    p.add_argument("--yes", "-y", action="store_true", help="do not ask")
    p.set_defaults(run=cmd_rm)


def _fields(args: argparse.Namespace) -> dict:
    return parse_fields(given(args, [*POSTING_FIELDS, "deadline"]), {**POSTING_FIELDS})


def _as_of(args: argparse.Namespace) -> date | None:
    if not args.as_of:
        return None
    try:
        return date.fromisoformat(args.as_of)
    except ValueError:
        raise UserError(f"--as-of: expected YYYY-MM-DD, got {args.as_of!r}") from None


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    fields = _fields(args)
    if not args.sources and not fields.get("title") and not sys.stdin.isatty():
        args.sources = [line.strip() for line in sys.stdin if line.strip() and not line.startswith("#")]
    if not args.sources:
        if not fields.get("title"):
            raise UserError("give a SOURCE (URL, file or -) or at least --title")
        from jobtrack.app.services import add_posting
        from jobtrack.cli.sources import report_added
        from jobtrack.store import Bundle

        store = ctx.store()
        report_added(store, add_posting(store, Bundle(Posting(**fields)), update=args.update), source=fields.get("url", ""))
        return 0
    from jobtrack.cli.sources import add_sources

    return add_sources(ctx, args.sources, fields, _as_of(args), update=args.update, anyway=args.anyway)


def posting_json(p: Posting) -> dict:
    return to_dict(p)


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app import list_index
    from jobtrack.core.countdown import countdown
    from jobtrack.core.listing import lines_of

    now = ctx.now()
    first = list_index.load(ctx.db_path)  # read before the store: lines of an older version do not fit it
    store = ctx.store()
    postings = [p for p in store.postings() if not args.status or p.status in args.status]
    lines = first.lines if first is not None and first.stamp == store.stamp() else None
    # The order needs each posting's interviews; the list index has them, without making every event.
    order = {line.id: line.sort_key(now) for line in lines or lines_of(postings, store.events())}
    postings.sort(key=lambda p: order[p.id or 0])  # the app's order: what comes next first
    if args.json:
        print(json_text([posting_json(p) for p in postings]))
        return 0
    if not postings:
        print("No postings yet. Add one with: jobtrack add URL   (or jobtrack add --title TITLE)")
        return 0
    for p in postings:
        at = p.deadline_at()
        due = countdown(at, now, p.deadline_time is not None) if at else ""
        print(f"{p.id:>4}  {p.display_status(now):<12} {clean_line(p.title)[:40]:<40}  {clean_line(p.employer)[:24]:<24}  {due}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    b = store.bundle(args.id)
    if args.json:
        out = posting_json(b.posting)
        out["contacts"] = [to_dict(c) for c in b.contacts]
        out["events"] = [to_dict(e) for e in b.events]
        out["text"] = b.text
        print(json_text(out))
        return 0
    p = b.posting
    print(f"#{p.id} {summary(p)}")
    for name in POSTING_FIELDS:
        value = fmt(getattr(p, name))
        if value and name not in ("title",):
            print(f"  {name.replace('_', ' '):<14} {clean_line(value)}")
    print(f"  {'status':<14} {p.display_status(ctx.now())}")
    for h in p.history:
        print(f"    {h.at:%Y-%m-%d %H:%M}  {h.status.value}{'  ' + clean_line(h.note) if h.note else ''}")
    if b.contacts:
        print("contacts:")
        for c in b.contacts:
            bits = [c.name, c.role, c.phone, c.email, c.reachable]
            print(f"  c{c.id}  " + " · ".join(clean_line(x) for x in bits if x))
    if b.events:
        print("events:")
        for e in sorted(b.events, key=lambda e: (e.day is None, e.day or date.min, e.time or datetime.min.time())):
            when = f"{e.day.isoformat()}{' ' + fmt(e.time) if e.time else ''}" if e.day else "(no date)"
            print(f"  e{e.id}  {when:<16} {e.kind.value:<10} {clean_line(e.label)}")
    if args.text and b.text:
        print()
        from jobtrack.core.sanitize import clean_text

        print(clean_text(b.text))
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    fields = _fields(args)
    if not fields:
        raise UserError("nothing to change: give options such as --title or --deadline")
    p = ctx.store().edit_posting(args.id, fields)
    print(f"updated #{p.id}: {summary(p)}")
    return 0


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    p = ctx.store().set_status(args.id, args.status, args.note)
    print(f"#{p.id} is now {p.status.value}")
    return 0


def cmd_rm(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    p = store.posting(args.id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("not deleting without confirmation: add --yes")
        answer = input(f"Delete #{p.id} {clean_line(p.title)}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("kept")
            return 1
    store.delete_posting(args.id)
    print(f"deleted #{args.id}")
    return 0
