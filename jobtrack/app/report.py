"""Proof of job search: the applications made in a period, as Markdown or CSV.

An unemployment fund (in Denmark the Joblog on Jobnet) asks, per
application: when it was sent, the position, the employer and its address,
the contact person with phone and e-mail, the hours, and how it went. An
application counts in the period when its status history has a change to
"applied" on a day in the period (both ends included).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from jobtrack.app.agenda import contacts_by_posting
from jobtrack.app.spreadsheet import write_csv
from jobtrack.core.model import Contact, Posting, Status, StatusChange
from jobtrack.core.sanitize import clean_line

WIDTH = 80
MISSING = "—"
COLUMNS = ("applied", "title", "employer", "address", "contact", "role", "phone", "email", "hours", "status", "stages")
TEXT_COLUMNS = frozenset(COLUMNS) - {"applied", "status"}


@dataclass
class Application:
    applied: datetime
    posting: Posting
    contact: Contact | None  # the first person linked to the posting

    @property
    def stages(self) -> list[StatusChange]:
        return sorted(self.posting.history, key=lambda h: h.at)


def applications(postings: Iterable[Posting], contacts: Iterable[Contact], since: date, until: date) -> list[Application]:
    """The postings applied for between `since` and `until`, earliest first."""
    people = contacts_by_posting(contacts)
    found = []
    for p in postings:
        sent = [h.at for h in p.history if h.status is Status.APPLIED and since <= h.at.date() <= until]
        if sent:
            contact = next(iter(people.get(p.id, [])), None) if p.id is not None else None
            found.append(Application(min(sent), p, contact))
    found.sort(key=lambda a: (a.applied, a.posting.id or 0))
    return found


def stage_text(h: StatusChange) -> str:
    note = clean_line(h.note)
    return f"{h.at:%Y-%m-%d} {h.status.value}" + (f": {note}" if note else "")


def values(a: Application) -> dict[str, str]:
    """The report's values for one application, as clean one-line text."""
    p, c = a.posting, a.contact
    return {
        "applied": f"{a.applied:%Y-%m-%d}",
        "title": clean_line(p.title),
        "employer": clean_line(" · ".join(x for x in (p.employer, p.department) if x)),
        "address": clean_line(p.location),
        "contact": clean_line(c.name) if c else "",
        "role": clean_line(c.role) if c else "",
        "phone": clean_line(c.phone) if c else "",
        "email": clean_line(c.email) if c else "",
        "hours": clean_line(p.hours),
        "status": p.status.value,
        "stages": "; ".join(stage_text(h) for h in a.stages),
    }


# --- Markdown ---------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
# What would start a new block if a wrapped line began with it.
_BLOCK_START = re.compile(r"(?:[-+*#>]|\d+[.)])")


def md_escape(text: str) -> str:
    """Web text stays text when the report is rendered: no links, emphasis or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _wrap(first: str, rest: str, text: str) -> list[str]:
    lines = textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                          break_long_words=False, break_on_hyphens=False)
    return [line if n == 0 or not _BLOCK_START.match(line[len(rest):]) else f"{rest}\\{line[len(rest):]}"
            for n, line in enumerate(lines)]


def _item(label: str, value: str) -> list[str]:
    return _wrap("- ", "  ", f"{label}: {md_escape(value) if value else MISSING}")


def markdown(apps: list[Application], since: date, until: date) -> str:
    count = f"{len(apps)} application{'' if len(apps) == 1 else 's'}"
    lines = [f"# Job applications {since:%Y-%m-%d} to {until:%Y-%m-%d}", "", f"{count}."]
    for n, a in enumerate(apps, 1):
        v = values(a)
        contact = ", ".join(x for x in (v["contact"], v["role"]) if x)
        lines += ["", f"## {n}. Applied {v['applied']}", ""]
        for label, value in (("Position", v["title"]), ("Employer", v["employer"]), ("Address", v["address"]),
                             ("Contact", contact), ("Phone", v["phone"]), ("E-mail", v["email"]),
                             ("Hours", v["hours"])):
            lines += _item(label, value)
        lines.append("- Stages:")
        for h in a.stages:
            lines += _wrap("  - ", "    ", md_escape(stage_text(h)))
    return "\n".join(lines) + "\n"


def _row(a: Application) -> list[str]:
    v = values(a)
    return [v[c] for c in COLUMNS]


def report_csv(apps: list[Application]) -> bytes:
    """The same values for a spreadsheet, one row per application (see `spreadsheet.write_csv`)."""
    return write_csv(COLUMNS, (_row(a) for a in apps), TEXT_COLUMNS)
