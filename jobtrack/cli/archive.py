"""`archive` and `unarchive`: put finished postings away without deleting them."""

from __future__ import annotations

import argparse

from jobtrack.cli.context import Context
from jobtrack.core.sanitize import clean_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("archive", help="hide postings from the list, the agenda and the reminders (kept; see list --all)")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.set_defaults(run=cmd_archive, archived=True)

    p = sub.add_parser("unarchive", help="bring archived postings back into the list")
    p.add_argument("ids", type=int, nargs="+", metavar="ID")
    p.set_defaults(run=cmd_archive, archived=False)


def cmd_archive(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.archive import set_archived

    word = "archived" if args.archived else "back in the list"
    for p, changed in set_archived(ctx.store(), args.ids, args.archived):
        print(f"#{p.id} {clean_line(p.title)}: {word}{'' if changed else ' already'}")
    return 0
