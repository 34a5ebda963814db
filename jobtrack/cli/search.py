"""`search`: every posting that holds the words typed, wherever they are."""

from __future__ import annotations

import argparse

from jobtrack.cli.context import Context
from jobtrack.core.sanitize import clean_line, json_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="find postings by words in their title, employer, text, notes, contacts or tags")
    p.add_argument("words", nargs="+", metavar="WORD", help="every word must be found (case does not matter)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=cmd_search)


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.search import search

    hits = search(ctx.store(), " ".join(args.words), ctx.now())
    if args.json:
        print(json_text([h.to_json() for h in hits]))
        return 0
    if not hits:
        print("nothing found")
        return 1
    for h in hits:
        status = f"{h.status}{' (archived)' if h.archived else ''}"
        print(f"{h.id:>4}  {status:<12} {clean_line(h.title)[:40]:<40}  {clean_line(h.employer)[:24]:<24}  "
              f"in {', '.join(h.places)}")
        if h.snippet:
            print(f"      {h.snippet}")
    return 0
