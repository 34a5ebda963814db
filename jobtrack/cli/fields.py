"""Command-line options for the declared fields (`jobtrack.core.model`), parsed by `jobtrack.app.fields`."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from jobtrack.app.fields import parse_day, parse_fields
from jobtrack.cli.context import UserError
from jobtrack.core import clock
from jobtrack.core.fields import Field, FieldError, Kind
from jobtrack.core.model import Posting, Status
from jobtrack.core.values import fmt


def _help(f: Field) -> str:
    hint = ", ".join(f.options()) if f.kind is Kind.CHOICE else f.help
    return f"{f.label.lower()}{f' ({hint})' if hint else ''}"


def add_field_options(parser: argparse.ArgumentParser, fields: Iterable[Field]) -> None:
    for f in fields:
        if f.option:
            parser.add_argument(f.option_name, dest=f"f_{f.name}", metavar="VALUE", help=_help(f).replace("%", "%%"))


def field_options(args: argparse.Namespace, fields: Iterable[Field]) -> dict[str, Any]:
    """The options given, parsed; a bad one is a one-line error naming the option."""
    fields = [f for f in fields if f.option]
    raw = {f.name: v for f in fields if (v := getattr(args, f"f_{f.name}", None)) is not None}
    try:
        return parse_fields(raw, fields)
    except FieldError as exc:
        raise UserError(f"--{exc.field.replace('_', '-')}: {exc}") from None


def date_arg(text: str, past: bool = False) -> date:
    """A date option (`--before 16/3`): a mistake is argparse's one-line error."""
    try:
        return parse_day(text, past)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def past_date_arg(text: str) -> date:
    """A day already lived (`status --on 27/11`)."""
    return date_arg(text, past=True)


def status_arg(text: str) -> Status:
    try:
        return Status(text.lower())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown status {text!r} (choose from {', '.join(s.value for s in Status)})"
        ) from None


def summary(p: Posting, now: datetime | None = None) -> str:
    """A posting on one line, as `add`, `show` and `edit` confirm it."""
    from jobtrack.core.countdown import beside_date, countdown
    from jobtrack.core.listing import posting_name

    now = now or clock.now()
    parts = [posting_name(p)]
    at = p.deadline_at()
    if at:
        parts += ["— deadline", at.date().isoformat()]
        parts += [fmt(p.deadline_time)] if p.deadline_time else []
        parts += [beside_date(countdown(at, now, p.deadline_time is not None), at)]
    return " ".join(part for part in parts if part)
