"""`remind`: print (or send to the desktop) what is due, and manage reminders.

Made for cron, systemd timers and login shells, so it stays quick: no
Textual, no icalendar, and the date parser only when a date is typed.
`$JOBTRACK_NOW` (an ISO date-time) fixes the clock for tests and scripts
(see `Context.now`).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from jobtrack.cli.context import Context, UserError
from jobtrack.store import StoreError

if TYPE_CHECKING:  # the rest is imported where used, so building the parser stays quick
    from zoneinfo import ZoneInfo

    from jobtrack.app.reminder_service import Reminding
    from jobtrack.app.reminders import Reminder

CHECK_ERROR = 2  # --check: 0 something is due, 1 nothing is due, 2 it could not tell


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remind", help="print the reminders that are due and mark them shown")
    p.add_argument("--check", action="store_true",
                   help="print nothing; exit 0 if something is due, 1 if nothing is, 2 on an error")
    p.add_argument("--notify", action="store_true", help="send desktop notifications where possible, else print")
    p.set_defaults(run=cmd_remind)
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    a = actions.add_parser("list", help="due, snoozed and upcoming (next 7 days) reminders, numbered (a number stays with its reminder)")
    a.add_argument("--all", action="store_true", help="archived postings' reminders too")
    a.add_argument("--json", action="store_true", help="print a JSON array")
    a.set_defaults(run=cmd_list)

    a = actions.add_parser("snooze", help="show a reminder again later")
    a.add_argument("reminder", metavar="KEY|N", help="a key or a number from `remind list`")
    a.add_argument("--until", metavar="WHEN", default="1h",
                   help="a duration (1h, 2d) or a date (tomorrow, 16/3 14:00); default 1h")
    a.set_defaults(run=cmd_snooze)

    a = actions.add_parser("dismiss", help="never show a reminder again")
    a.add_argument("reminder", metavar="KEY|N", help="a key or a number from `remind list`")
    a.set_defaults(run=cmd_dismiss)

    a = actions.add_parser("add", help="a reminder of your own on a posting (\"call Jette\" after week 31)")
    a.add_argument("posting", type=int, help="posting id")
    a.add_argument("when", metavar="WHEN", help="a date: 2026-08-03, 3/8 10:00, \"after week 31\", \"i morgen\"")
    a.add_argument("text", nargs="+", help="what to do")
    a.set_defaults(run=cmd_add)


def _reminding(ctx: Context, archived: bool = False) -> Reminding:
    from jobtrack.app.config import load_config
    from jobtrack.app.reminder_service import Reminding
    from jobtrack.core.zones import local_zone

    return Reminding(ctx.store(), load_config().reminders, local_zone(), archived)


def _line(r: Reminder, tz: ZoneInfo) -> str:
    if not r.late:
        return r.text
    return f"[late] {r.text} (due {r.local_due(tz):%a %d %b %H:%M})"


def _desktop(text: str) -> bool:
    """One desktop notification; False when this desktop cannot show one."""
    import shutil
    import subprocess

    if sys.platform == "darwin" and shutil.which("osascript"):
        command = ["osascript", "-e", "on run argv", "-e",
                   'display notification (item 1 of argv) with title "jobtrack"', "-e", "end run", text]
    elif shutil.which("notify-send") and any(
        os.environ.get(v) for v in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY")
    ):
        command = ["notify-send", "--app-name=jobtrack", "jobtrack", text]
    else:
        return False
    try:
        return subprocess.run(command, capture_output=True, timeout=10, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def cmd_remind(args: argparse.Namespace, ctx: Context) -> int:
    if args.check:
        try:
            return 0 if _reminding(ctx).due(ctx.now()) else 1
        except (UserError, StoreError, ValueError, OSError) as exc:  # an error must not read as "nothing due"
            return ctx.fail(str(exc), code=CHECK_ERROR)
    reminding = _reminding(ctx)
    for r in reminding.deliver(ctx.now()):
        line = _line(r, reminding.tz)
        if not (args.notify and _desktop(line)):
            print(line)
    return 0


def _state(r: Reminder) -> str:
    if r.snoozed is not None:
        return "snoozed"
    return "shown" if r.shown else "due"


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    reminding = _reminding(ctx, args.all)
    now = ctx.now()
    found = reminding.numbered(now)
    from jobtrack.core.zones import aware

    at = aware(now, reminding.tz)
    states = [_state(r) if r.due <= at or r.snoozed else "upcoming" for r in found]
    if args.json:
        from jobtrack.core.sanitize import json_text

        print(json_text([{
            "number": r.number, "key": r.key, "kind": r.kind, "state": state,
            "due": r.local_due(reminding.tz).isoformat(timespec="minutes"), "late": r.late, "text": r.text,
            "posting_id": r.posting.id if r.posting else None,
        } for r, state in zip(found, states, strict=True)]))
        return 0
    if not found:
        print("No reminders due or coming up.")
        return 0
    for r, state in zip(found, states, strict=True):
        print(f"{r.number:>2}. {r.local_due(reminding.tz):%a %d %b %H:%M}  {state:<9} {r.text}")
        print(f"    {r.key}")
    return 0


def cmd_snooze(args: argparse.Namespace, ctx: Context) -> int:
    r, until = _reminding(ctx).snooze(ctx.now(), args.reminder, args.until)
    print(f"snoozed until {until:%a %d %b %H:%M}: {r.text}")
    return 0


def cmd_dismiss(args: argparse.Namespace, ctx: Context) -> int:
    r = _reminding(ctx).dismiss(ctx.now(), args.reminder)
    print(f"dismissed: {r.text}")
    return 0


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.records import add_event
    from jobtrack.core.model import EventKind
    from jobtrack.core.sanitize import clean_line
    from jobtrack.lang.human_dates import parse_when

    day, clock = parse_when(args.when, ctx.now().date())
    text = clean_line(" ".join(args.text))
    if not text:
        raise UserError("say what to be reminded of")
    event = add_event(ctx.store(), args.posting, {"kind": EventKind.FOLLOW_UP, "day": day, "time": clock, "label": text})
    print(f"added reminder e{event.id} for {day:%a %d %b %Y}{f' {clock:%H:%M}' if clock else ''}: {text}")
    return 0
