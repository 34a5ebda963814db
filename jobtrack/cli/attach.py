"""`attach` and `attachment`: the CV, cover letter and other files sent with an application."""

from __future__ import annotations

import argparse
from pathlib import Path

from jobtrack.cli.context import Context
from jobtrack.core.model import ATTACHMENT_KINDS
from jobtrack.core.sanitize import clean_line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("attach", help="keep a copy of a file sent with an application (a CV, a cover letter)")
    p.add_argument("id", type=int, metavar="ID", help="posting id")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--as", dest="kind", default="", metavar="KIND",
                   help=f"what the file is: {', '.join(ATTACHMENT_KINDS)}, or any word")
    p.set_defaults(run=cmd_attach)

    actions = sub.add_parser("attachment", help="open or remove a posting's attached files (show lists them)")
    acts = actions.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = acts.add_parser("open", help="open the kept copy with the system's program for it")
    a.add_argument("id", type=int, metavar="ID", help="posting id")
    a.add_argument("number", type=int, metavar="N", help="the attachment's number in `show`")
    a.set_defaults(run=cmd_open)
    a = acts.add_parser("rm", help="take a file off a posting")
    a.add_argument("id", type=int, metavar="ID", help="posting id")
    a.add_argument("number", type=int, metavar="N", help="the attachment's number in `show`")
    a.set_defaults(run=cmd_rm)


def cmd_attach(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.attachments import attach

    p, added = attach(ctx.store(), args.id, args.file, args.kind)
    what = f" as {added.kind}" if added.kind else ""
    print(f"attached {clean_line(added.name)}{what} to #{p.id} ({len(p.attachments)} file(s))")
    return 0


def cmd_open(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.attachments import chosen, open_file

    store = ctx.store()
    a = chosen(store.posting(args.id), args.number)
    print(f"opening {open_file(store, a)}")
    return 0


def cmd_rm(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.attachments import detach

    gone = detach(ctx.store(), args.id, args.number)
    print(f"removed {clean_line(gone.name)} from #{args.id}")
    return 0
