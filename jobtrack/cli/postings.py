"""`add`, `list`, `show`, `edit`, `status` and `rm`: the postings themselves."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime

from jobtrack.cli.context import Context, UserError
from jobtrack.cli.fields import add_field_options, date_arg, field_options, past_date_arg, status_arg, summary
from jobtrack.core.fields import typed
from jobtrack.core.listing import SORTS, in_order, lines_of
from jobtrack.core.model import POSTING_FIELDS, Posting, Status, replace_fields, to_dict
from jobtrack.core.sanitize import clean_line, json_text
from jobtrack.core.values import fmt


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="add postings from URLs, files or pasted text (-), one source per line on stdin, or from options")
    p.add_argument("sources", nargs="*", metavar="SOURCE", help="URL, file path, or - to paste text")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day the posting was seen (for dates without a year)")
    p.add_argument("--update", action="store_true", help="a posting already tracked takes what its page says now")
    p.add_argument("--anyway", action="store_true", help="save a page even when nothing in it reads like a posting")
    add_field_options(p, POSTING_FIELDS)
    p.set_defaults(run=cmd_add)

    p = sub.add_parser("list", help="list postings (archived ones only with --all)")
    p.add_argument("--status", type=status_arg, action="append", help="only this status (repeatable)")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="only postings with this tag (repeatable: all of them)")
    p.add_argument("--employer", default="", metavar="TEXT", help="only employers whose name holds TEXT (any case)")
    p.add_argument("--before", type=date_arg, metavar="DATE", help="only deadlines before DATE (16/3, 2026-03-16, tomorrow)")
    p.add_argument("--after", type=date_arg, metavar="DATE", help="only deadlines after DATE")
    p.add_argument("--all", action="store_true", help="archived postings too")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--sort", choices=list(SORTS), default="next",
                   help="order by this (default: next, what comes next first; closed postings last, latest first; "
                   "salary: highest pay per month first, per currency)")
    p.add_argument("--reverse", action="store_true", help="the other way round (postings with nothing to sort by stay last)")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("show", help="show one posting with its contacts and events")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument("--text", action="store_true", help="also print the full posting text")
    p.set_defaults(run=cmd_show)

    p = sub.add_parser("edit", help="change fields of a posting")
    p.add_argument("id", type=int)
    add_field_options(p, POSTING_FIELDS)
    p.set_defaults(run=cmd_edit)

    p = sub.add_parser("status", help="move a posting along the pipeline (history is kept)")
    p.add_argument("id", type=int)
    p.add_argument("status", type=status_arg, help=", ".join(s.value for s in Status))
    p.add_argument("--note", default="")
    p.add_argument("--on", type=past_date_arg, metavar="DATE",
                   help="the day it happened, if not today (27/11, yesterday; a day without a year is a past one)")
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("rm", help="delete a posting with its events")
    p.add_argument("id", type=int)
    p.add_argument("--yes", "-y", action="store_true", help="do not ask")
    p.set_defaults(run=cmd_rm)


def _fields(args: argparse.Namespace) -> dict:
    return field_options(args, POSTING_FIELDS)


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
        from jobtrack.app.intake import add_posting
        from jobtrack.cli.sources import report_added
        from jobtrack.store import Bundle

        store = ctx.store()
        report_added(store, add_posting(store, Bundle(replace_fields(Posting(""), fields)), update=args.update), source=fields.get("url", ""))
        return 0
    from jobtrack.cli.sources import add_sources

    return add_sources(ctx, args.sources, fields, _as_of(args), update=args.update, anyway=args.anyway)


def posting_json(p: Posting) -> dict:
    """The stored fields, and the salary's figures read from its text (`pay`, derived: import ignores it)."""
    from jobtrack.app.pay import pay_json, pay_of

    return {**to_dict(p), "pay": pay_json(pay_of(p))}


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app import list_index
    from jobtrack.app.countdowns import countdown_fields, interview_left
    from jobtrack.app.filters import PostingFilter
    from jobtrack.core.countdown import countdown

    now = ctx.now()
    first = list_index.load(ctx.db_path)  # read before the store: lines of an older version do not fit it
    store = ctx.store()
    wanted = PostingFilter(frozenset(args.status or ()), tuple(args.tag), args.employer, args.before, args.after, args.all)
    postings = [p for p in store.postings() if wanted(p)]
    kept = {p.id for p in postings}
    indexed = first.lines if first is not None and first.stamp == store.stamp() else None
    # The order needs each posting's interviews; the list index has them, without making every event.
    lines = {line.id: line for line in indexed or lines_of(postings, store.events()) if line.id in kept}
    if args.sort == "salary":  # the figures per month, per currency (the list's own salary order is by the text)
        from jobtrack.app.pay import by_pay, figures, pay_of

        postings = by_pay(postings)
        if args.reverse:
            postings.reverse()
    else:
        order = {line.id: i for i, line in enumerate(in_order(lines.values(), now, args.sort, args.reverse))}
        postings.sort(key=lambda p: order[p.id or 0])  # the app's orders
    if args.json:
        print(json_text([{**posting_json(p), **countdown_fields(lines[p.id or 0], now)} for p in postings]))
        return 0
    if not postings:
        if wanted == PostingFilter() and not store.postings():
            print("No postings yet. Add one with: jobtrack add URL   (or jobtrack add --title TITLE)")
        else:
            print("No postings match (archived ones show with --all)." if not args.all else "No postings match.")
        return 0
    for p in postings:
        if args.sort == "salary":
            pay = pay_of(p)
            due = f"{figures(*pay.scaled('month'), pay.label)}/month" if pay else "no figure"
        else:
            at = p.deadline_at()
            due = countdown(at, now, p.deadline_time is not None) if at else ""
        left = interview_left(lines[p.id or 0], now)[1]
        title = clean_line(p.title)[:40] if not p.archived else f"{clean_line(p.title)[:29]} (archived)"
        print(f"{p.id:>4}  {p.display_status(now):<12} {title:<40}  {clean_line(p.employer)[:24]:<24}  {due:<18}"
              f"{'  interview ' + left if left else ''}".rstrip())
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.countdowns import countdown_fields, interview_left
    from jobtrack.core.listing import Line

    store = ctx.store()
    b = store.bundle(args.id)
    now = ctx.now()
    line = Line.of(b.posting, b.events)
    if args.json:
        out = {**posting_json(b.posting), **countdown_fields(line, now)}
        out["contacts"] = [to_dict(c) for c in b.contacts]
        out["events"] = [to_dict(e) for e in b.events]
        out["text"] = b.text
        print(json_text(out))
        return 0
    from jobtrack.app.pay import pay_of, pay_text

    p = b.posting
    print(f"#{p.id} {summary(p, now)}")
    for f in POSTING_FIELDS:
        value = typed(p, f)
        if value and f.option and f.name not in ("title", "deadline"):  # both in the summary
            print(f"  {f.name.replace('_', ' '):<14} {clean_line(value)}")
        if f.name == "salary" and (pay := pay_of(p)):
            print(f"  {'pay':<14} {pay_text(pay)}")
    when, left = interview_left(line, now)
    if when:
        print(f"  {'next interview':<14} {when} ({left})")
    print(f"  {'status':<14} {p.display_status(now)}")
    for h in p.history:
        print(f"    {h.when():<16}  {h.status.value}{'  ' + clean_line(h.note) if h.note else ''}")
    if p.attachments:
        print("attachments:")
        for n, a in enumerate(p.attachments, 1):
            print(f"  {n}. {clean_line(a.kind) or 'file':<13} {clean_line(a.name)}  ({a.size:,} bytes, added {a.added:%Y-%m-%d})")
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
    from jobtrack.app.records import edit_posting

    p = edit_posting(ctx.store(), args.id, fields)
    print(f"updated #{p.id}: {summary(p)}")
    return 0


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.records import set_status

    p = set_status(ctx.store(), args.id, args.status, args.note, on=args.on, now=ctx.now())
    if p.status is not args.status:
        print(f"#{p.id} stays {p.status.value}: {args.status.value} on {args.on.isoformat()} went into its history "
              "before a later change")
        return 0
    print(f"#{p.id} is now {p.status.value}{f' (since {args.on.isoformat()})' if args.on else ''}")
    return 0


def cmd_rm(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.records import delete_posting

    store = ctx.store()
    p = store.posting(args.id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("not deleting without confirmation: add --yes")
        answer = input(f"Delete #{p.id} {clean_line(p.title)}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print("kept")
            return 1
    delete_posting(store, args.id)
    print(f"deleted #{args.id}")
    return 0
