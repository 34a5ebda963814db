"""`extract SOURCE`: show what a posting says, saving nothing; and adding from sources."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from jobtrack.cli.context import Context, UserError, source_failure
from jobtrack.core.model import replace_fields
from jobtrack.core.sanitize import clean_line, json_text
from jobtrack.ingest.errors import SourceError

if TYPE_CHECKING:  # imported where used: building the parser must stay quick for `jobtrack due`
    from jobtrack.app.intake import AddResult
    from jobtrack.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="show what jobtrack understands of a posting, saving nothing")
    p.add_argument("source", metavar="SOURCE", help="URL, file path, or - to paste text")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day the posting was seen (default today)")
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("refresh", help="fetch a posting again and show what changed")
    p.add_argument("id", type=int)
    p.add_argument("--take", metavar="FIELDS",
                   help="comma-separated fields to take over (events, contacts and text count as fields), or 'all'")
    p.set_defaults(run=cmd_refresh)


def _as_of(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--as-of: expected YYYY-MM-DD, got {text!r}") from None


def _paste_prompt(source: str) -> None:
    if source == "-" and sys.stdin.isatty():
        print("Paste the posting, then press Ctrl-D on an empty line:", file=sys.stderr)


def cmd_extract(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.intake import read_source

    _paste_prompt(args.source)
    _, ex = read_source(args.source, _as_of(args.as_of))
    data = ex.to_json()
    if args.json:
        print(json_text(data))
        return 0
    print_extraction(data)
    return 0


def print_extraction(data: dict) -> None:
    """Each fact with its confidence and the sentence it came from."""
    evidence = data.get("evidence") or {}
    for key in ("title", "employer", "department", "location", "deadline", "deadline_time", "start_date",
                "salary", "hours", "positions", "language"):
        value = data.get(key)
        if value in (None, "", []):
            continue
        print(f"{key.replace('_', ' '):<14} {clean_line(str(value))}")
        ev = evidence.get(key)
        if isinstance(ev, dict) and ev.get("sentence"):
            print(f"{'':<14} ↳ “{clean_line(ev['sentence'])[:100]}” ({ev.get('confidence', 1):.0%})")
    for e in data.get("events") or data.get("interviews") or []:
        print(f"{'event':<14} {clean_line(str(e.get('start') or e.get('day') or '(no date)'))}  {clean_line(str(e.get('label') or e.get('kind') or ''))}")
    for c in data.get("contacts") or []:
        bits = [c.get(k) for k in ("name", "role", "phone", "email", "reachable")]
        print(f"{'contact':<14} " + " · ".join(clean_line(str(b)) for b in bits if b))


def add_sources(ctx: Context, sources: list[str], fields: dict, as_of: date | None, *,
                update: bool = False, anyway: bool = False) -> int:
    """Add each source; one per line on stdin when the only source is `-` and stdin is a list."""
    from jobtrack.app.intake import add_posting, bundle_from_extraction, read_source, understood

    store = ctx.store()
    counts = {"added": 0, "known": 0, "updated": 0, "failed": 0}
    many = len(sources) > 1
    for n, source in enumerate(sources, 1):
        prefix = f"[{n}/{len(sources)}] " if many else ""
        try:
            _paste_prompt(source)
            doc, ex = read_source(source, as_of)
            if not (anyway or understood(ex)):
                raise ValueError(f"{source}: nothing in it reads like a job posting (no employer, date, contact or "
                                 f"salary); nothing saved (save it all the same with: jobtrack add --anyway SOURCE)")
            bundle = bundle_from_extraction(ex, doc)
            replace_fields(bundle.posting, fields)
            result = add_posting(store, bundle, update=update)
        except (SourceError, ValueError) as exc:
            counts["failed"] += 1
            said = source_failure(exc) if isinstance(exc, SourceError) else str(exc)
            print(f"{prefix}jobtrack: {clean_line(said)}", file=sys.stderr)
            continue
        counts[result.outcome] += 1
        report_added(store, result, prefix, source)
    if many:
        known = f", {counts['known']} already tracked" if counts["known"] else ""
        print(f"{counts['added']} added, {counts['updated']} updated{known}, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


def report_added(store: Store, result: AddResult, prefix: str = "", source: str = "") -> None:
    """What `add` did: added (and what it looks like), or tracked already with the page beside the store."""
    from jobtrack.cli.fields import summary

    ident = result.posting.id
    verb = {"added": "added", "known": "already tracked as", "updated": "already tracked, updated"}[result.outcome]
    print(f"{prefix}{verb} #{ident}: {summary(result.posting)}")
    if result.looks_like is not None:
        print(f"      note: looks like #{result.looks_like.id} (the same title and employer, not the same source)")
    for line in result.changes.lines():
        print(f"      {line}")
    if result.outcome == "known":
        print(f"      nothing changed; take the page's version with: jobtrack add --update {clean_line(source)}"
              if result.changes else "      the page says what is stored")
    if result.outcome == "added":
        for e in store.events(ident):
            if e.day:
                print(f"      {e.kind.value}: {e.day.isoformat()}{' ' + e.time.strftime('%H:%M') if e.time else ''} {clean_line(e.label)}")


def cmd_refresh(args: argparse.Namespace, ctx: Context) -> int:
    """Show every field, event and contact that changed at the source; the user decides what to take over."""
    from jobtrack.app.changes import compare, take
    from jobtrack.app.intake import bundle_from_extraction, read_source

    store = ctx.store()
    stored = store.bundle(args.id)
    if not stored.posting.url:
        raise UserError(f"#{args.id} has no URL to fetch again (its original is kept: jobtrack show {args.id} --text)")
    try:
        doc, ex = read_source(stored.posting.url)
    except SourceError as exc:
        raise UserError(f"the posting may be gone: {exc}") from None
    fresh = bundle_from_extraction(ex, doc)
    changes = compare(stored, fresh)
    if not changes:
        print(f"#{args.id}: nothing changed at {stored.posting.url}")
        return 0
    for line in changes.lines():
        print(line)
    wanted = set(changes.names()) if args.take == "all" else {f.strip() for f in (args.take or "").split(",") if f.strip()}
    if not wanted:
        print(f"take them over with: jobtrack refresh {args.id} --take all   (or --take {','.join(changes.names()[:2])})")
        return 0
    try:
        take(store, args.id, fresh, changes, wanted)
    except ValueError as exc:
        raise UserError(f"--take: {exc}") from None
    print(f"updated #{args.id}: {', '.join(sorted(wanted))}")
    return 0
