"""`contact` and `event` sub-commands: add, edit and remove them."""

from __future__ import annotations

import argparse

from jobtrack.cli.context import Context, UserError
from jobtrack.cli.fields import CONTACT_FIELDS, EVENT_FIELDS, add_field_options, given, parse_fields
from jobtrack.model import Contact, Event, EventKind
from jobtrack.sanitize import clean_line


def register(sub: argparse._SubParsersAction) -> None:
    contact = sub.add_parser("contact", help="add, edit or remove contact people").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = contact.add_parser("add", help="add a contact to a posting")
    p.add_argument("posting", type=int, help="posting id")
    add_field_options(p, CONTACT_FIELDS)
    p.set_defaults(run=cmd_contact_add)
    p = contact.add_parser("edit", help="change a contact")
    p.add_argument("id", type=int)
    add_field_options(p, CONTACT_FIELDS)
    p.set_defaults(run=cmd_contact_edit)
    p = contact.add_parser("rm", help="remove a contact")
    p.add_argument("id", type=int)
    p.set_defaults(run=cmd_contact_rm)

    event = sub.add_parser("event", help="add, edit or remove interviews, tests and follow-ups").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    kinds = ", ".join(k.value for k in EventKind)
    p = event.add_parser("add", help=f"add an event to a posting ({kinds})")
    p.add_argument("posting", type=int, help="posting id")
    add_field_options(p, EVENT_FIELDS, extra=("when",))
    p.set_defaults(run=cmd_event_add)
    p = event.add_parser("edit", help="change an event")
    p.add_argument("id", type=int)
    add_field_options(p, EVENT_FIELDS, extra=("when",))
    p.set_defaults(run=cmd_event_edit)
    p = event.add_parser("rm", help="remove an event")
    p.add_argument("id", type=int)
    p.set_defaults(run=cmd_event_rm)


def _contact_fields(args: argparse.Namespace) -> dict:
    return parse_fields(given(args, list(CONTACT_FIELDS)), CONTACT_FIELDS)


def _event_fields(args: argparse.Namespace) -> dict:
    return parse_fields(given(args, [*EVENT_FIELDS, "when"]), EVENT_FIELDS)


def cmd_contact_add(args: argparse.Namespace, ctx: Context) -> int:
    fields = _contact_fields(args)
    if not fields.get("name"):
        raise UserError("a contact needs --name")
    c = ctx.store().add_contact(Contact(posting_ids=[args.posting], **fields))
    print(f"added contact c{c.id}: {clean_line(c.name)}")
    return 0


def cmd_contact_edit(args: argparse.Namespace, ctx: Context) -> int:
    fields = _contact_fields(args)
    if not fields:
        raise UserError("nothing to change: give options such as --phone")
    c = ctx.store().edit_contact(args.id, fields)
    print(f"updated contact c{c.id}: {clean_line(c.name)}")
    return 0


def cmd_contact_rm(args: argparse.Namespace, ctx: Context) -> int:
    c = ctx.store().delete_contact(args.id)
    print(f"removed contact c{c.id}: {clean_line(c.name)}")
    return 0


def cmd_event_add(args: argparse.Namespace, ctx: Context) -> int:
    fields = _event_fields(args)
    fields.setdefault("kind", EventKind.INTERVIEW)
    e = ctx.store().add_event(Event(posting_id=args.posting, **fields))
    print(f"added event e{e.id}: {e.kind.value} {e.day.isoformat() if e.day else '(no date)'}")
    return 0


def cmd_event_edit(args: argparse.Namespace, ctx: Context) -> int:
    fields = _event_fields(args)
    if not fields:
        raise UserError("nothing to change: give options such as --when")
    e = ctx.store().edit_event(args.id, fields)
    print(f"updated event e{e.id}")
    return 0


def cmd_event_rm(args: argparse.Namespace, ctx: Context) -> int:
    e = ctx.store().delete_event(args.id)
    print(f"removed event e{e.id}")
    return 0
