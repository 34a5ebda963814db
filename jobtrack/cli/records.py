"""`contact` and `event` sub-commands: add, edit and remove them.

Both kinds of record work the same way, so one table describes each and
one set of functions serves both.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jobtrack.app import records
from jobtrack.cli.context import Context, UserError
from jobtrack.cli.fields import add_field_options, field_options
from jobtrack.core.fields import Field
from jobtrack.core.model import CONTACT_FIELDS, EVENT_FIELDS, Contact, Event, EventKind
from jobtrack.core.sanitize import clean_line

if TYPE_CHECKING:  # not imported at start-up: building the parser must stay quick for `jobtrack due`
    from jobtrack.store import Store


@dataclass(frozen=True)
class RecordKind:
    name: str
    prefix: str
    fields: list[Field]
    help: str
    add: Callable[[Store, int, dict[str, Any]], Contact | Event]
    edit: Callable[[Store, int, dict[str, Any]], Contact | Event]
    remove: Callable[[Store, int], Contact | Event]
    describe: Callable[[Any], str]


def _describe_event(e: Event) -> str:
    return f"{e.kind.value} {e.day.isoformat() if e.day else '(no date)'} {clean_line(e.label)}".strip()


KINDS = (
    RecordKind(
        "contact", "c", CONTACT_FIELDS, "add, edit or remove contact people",
        records.add_contact, records.edit_contact, records.remove_contact, lambda c: clean_line(c.name),
    ),
    RecordKind(
        "event", "e", EVENT_FIELDS,
        f"add, edit or remove interviews, tests and follow-ups ({', '.join(k.value for k in EventKind)})",
        records.add_event, records.edit_event, records.remove_event, _describe_event,
    ),
)


def register(sub: argparse._SubParsersAction) -> None:
    for kind in KINDS:
        actions = sub.add_parser(kind.name, help=kind.help).add_subparsers(dest="action", metavar="ACTION", required=True)
        p = actions.add_parser("add", help=f"add a {kind.name} to a posting")
        p.add_argument("posting", type=int, help="posting id")
        add_field_options(p, kind.fields)
        p.set_defaults(run=cmd_add, kind=kind)
        p = actions.add_parser("edit", help=f"change a {kind.name}")
        p.add_argument("id", type=int)
        add_field_options(p, kind.fields)
        p.set_defaults(run=cmd_edit, kind=kind)
        p = actions.add_parser("rm", help=f"remove a {kind.name}")
        p.add_argument("id", type=int)
        p.set_defaults(run=cmd_rm, kind=kind)


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    kind: RecordKind = args.kind
    return field_options(args, kind.fields)


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    kind: RecordKind = args.kind
    try:
        record = kind.add(ctx.store(), args.posting, _fields(args))
    except ValueError as exc:
        raise UserError(f"{exc}: give --name") from None
    print(f"added {kind.name} {kind.prefix}{record.id}: {kind.describe(record)}")
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    kind: RecordKind = args.kind
    fields = _fields(args)
    if not fields:
        raise UserError(f"nothing to change: give options such as {kind.fields[0].option_name}")
    record = kind.edit(ctx.store(), args.id, fields)
    print(f"updated {kind.name} {kind.prefix}{record.id}: {kind.describe(record)}")
    return 0


def cmd_rm(args: argparse.Namespace, ctx: Context) -> int:
    kind: RecordKind = args.kind
    record = kind.remove(ctx.store(), args.id)
    print(f"removed {kind.name} {kind.prefix}{record.id}: {kind.describe(record)}")
    return 0
