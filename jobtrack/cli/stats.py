"""`stats`: the pipeline picture in the shell, the same numbers as the agenda screen.

No Textual import: the bars are plain text from `jobtrack.core.pipeline`.
"""

from __future__ import annotations

import argparse
import json
import sys

from jobtrack.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="how many postings stand at each stage, and the answer rate")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_stats)


def cmd_stats(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.core.pipeline import as_json, bar_lines, pipeline

    found = pipeline(ctx.store().postings(), ctx.now())
    if args.json:
        json.dump(as_json(found), sys.stdout, indent=2)
        print()
        return 0
    print("\n".join(bar_lines(found)))
    return 0
