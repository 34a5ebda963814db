"""`report --since DATE`: the applications made in a period, as proof of job search."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from jobtrack.cli.context import Context, UserError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="the applications made in a period (proof of job search), as Markdown or CSV")
    p.add_argument("--since", required=True, metavar="DATE", help="first day of the period (2026-03-01, 1/3, 1. marts)")
    p.add_argument("--until", metavar="DATE", help="last day of the period (default today)")
    p.add_argument("--format", choices=("md", "csv"), default="md", help="Markdown to read or print (default), CSV for spreadsheets")
    p.set_defaults(run=cmd_report)


def _day(option: str, text: str, today: date) -> date:
    from jobtrack.lang.human_dates import parse_date

    try:  # a period already lived: "1/10" in November is last October
        return parse_date(text, today, past=True)
    except ValueError as exc:
        raise UserError(f"{option}: {exc}") from None


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.report import applications, markdown, report_csv

    today = ctx.now().date()
    since = _day("--since", args.since, today)
    until = _day("--until", args.until, today) if args.until else today
    if until < since:
        raise UserError(f"--until {until:%Y-%m-%d} is before --since {since:%Y-%m-%d}")
    store = ctx.store()
    apps = applications(store.postings(), store.contacts(), since, until)
    if args.format == "csv":
        sys.stdout.buffer.write(report_csv(apps))
    else:
        sys.stdout.write(markdown(apps, since, until))
    sys.stdout.flush()
    return 0
