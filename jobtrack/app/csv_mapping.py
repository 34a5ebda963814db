"""Moving in from another tracker or any spreadsheet: its columns mapped onto jobtrack's.

`--map "Company=employer,Job Title=title"` names, for columns of the file,
the jobtrack column (`spreadsheet.columns()`) each one fills; `-` leaves a
column out. A column the map does not name is read as itself when it has a
jobtrack column's name, and left out (and said so) otherwise. A ready
mapping (`PRESETS`) also knows the other tracker's status words and its
placeholder for an empty cell. Versions checked are named in
docs/data-exchange.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from jobtrack.app import spreadsheet
from jobtrack.app.spreadsheet import ALIASES, Row, header_name, postings_from_rows, read_rows
from jobtrack.core.model import Posting, Status
from jobtrack.core.sanitize import clean_line

ARCHIVED = "archived"  # a status word that means: put away (the status stays saved)
SKIP = "-"


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, str]  # a header (as `header_name` gives it) → a jobtrack column, or SKIP
    statuses: dict[str, str] = field(default_factory=dict)  # a status word (lower case) → a jobtrack status or ARCHIVED
    empty: frozenset[str] = frozenset()  # cell texts that mean "nothing here" ("N/A")


# JobSync 0.2 (github.com/Gsync/jobsync): Jobs → Export, written by src/app/api/jobs/export/route.ts.
JOBSYNC = Mapping(
    {"index": SKIP, "createdat": SKIP, "applied": SKIP, "applieddate": "applied", "company": "employer",
     "jobtitle": "title", "jobtype": "hours", "location": "location", "jobsource": "tags", "status": "status"},
    {"draft": "saved", "applied": "applied", "interview": "interviewing", "offer": "offer", "rejected": "rejected",
     "expired": ARCHIVED, "archived": ARCHIVED},
    frozenset({"N/A", "Unknown"}),
)
# JobFunnel 3 and 4 (github.com/PaulMcInnis/JobFunnel): the master CSV (CSV_HEADER in jobfunnel/resources/resources.py).
JOBFUNNEL = Mapping(
    {"status": "status", "title": "title", "company": "employer", "location": "location", "date": "posted",
     "blurb": "notes", "tags": "tags", "link": "url", "id": SKIP, "provider": SKIP, "query": SKIP, "locale": SKIP,
     "wage": "salary", "remoteness": SKIP},
    {"new": "saved", "interested": "saved", "apply": "saved", "unknown": "saved", "applied": "applied",
     "interviewing": "interviewing", "interviewed": "interviewing", "accepted": "accepted", "rejected": "rejected",
     "archive": ARCHIVED, "old": ARCHIVED, "delete": ARCHIVED},
)
PRESETS = {"jobsync": JOBSYNC, "jobfunnel": JOBFUNNEL}


def parse_map(text: str, base: Mapping | None = None) -> Mapping:
    """ "Company=employer,Job Title=title,Source=-" over `base` (a preset) if given."""
    columns = dict(base.columns) if base else {}
    for part in (p for p in text.split(",") if p.strip()):
        source, sep, target = part.partition("=")
        source, target = header_name(source), header_name(target)
        target = ALIASES.get(target, target)
        if not sep or not source or not target:
            raise ValueError(f"--map: {part.strip()!r} is not COLUMN=FIELD (as in \"Company=employer\")")
        if target != SKIP and target not in spreadsheet.columns():
            raise ValueError(f"--map: unknown field {target!r} for {source!r} (known: {', '.join(spreadsheet.columns())}, or - to skip)")
        columns[source] = target
    return replace(base, columns=columns) if base else Mapping(columns)


@dataclass
class Mapped:
    """The file's rows in jobtrack's columns, and what was left out."""

    rows: list[Row]
    header: list[str]  # the file's own header
    used: dict[str, str]  # the file's column → jobtrack column
    left_out: list[str]  # the file's columns not read
    archived: set[int] = field(default_factory=set)  # lines of rows whose status says "put away"


def read_mapped(text: str, mapping: Mapping) -> Mapped:
    """Read every row through `mapping`; a named column missing from the file, or two
    columns filling one field, raises RowError on line 1."""
    found = Mapped([], [], {}, [])

    def header(names: list[str]) -> list[str]:
        found.header = names
        keys = [header_name(n) for n in names]
        missing = [k for k in mapping.columns if k not in keys]
        if missing and not _preset_like(mapping):
            raise ValueError(f"the map names {', '.join(repr(m) for m in missing)}, not in the file's header")
        targets = []
        for name, key in zip(names, keys, strict=True):
            target = mapping.columns.get(key) or ALIASES.get(key, key)
            if target == SKIP or target not in spreadsheet.columns():
                found.left_out.append(name)
                target = ""
            elif target in found.used.values():
                raise ValueError(f"two columns fill {target!r}: {next(k for k, v in found.used.items() if v == target)!r} "
                                 f"and {name!r}")
            else:
                found.used[name] = target
            targets.append(target)
        if "title" not in targets:
            raise ValueError("no column fills 'title': name it in --map (as in \"Job Title=title\")")
        return targets

    for row in read_rows(text, header):
        cells = {k: ("" if v.strip() in mapping.empty else v) for k, v in row.cells.items() if k}
        word = cells.get("status", "").strip().lower()
        if word in mapping.statuses:
            status = mapping.statuses[word]
            if status == ARCHIVED:
                found.archived.add(row.line)
            cells["status"] = "" if status == ARCHIVED else status
        found.rows.append(Row(row.line, cells))
    return found


def _preset_like(mapping: Mapping) -> bool:
    """A ready mapping names every column its tracker writes; a file may have fewer of them."""
    return bool(mapping.statuses)


def postings(found: Mapped) -> list[tuple[Posting, frozenset[str]]]:
    out = postings_from_rows(found.rows)
    for (posting, _), row in zip(out, found.rows, strict=True):
        posting.archived = row.line in found.archived
    return out


def preview(found: Mapped, rows: list[tuple[Posting, frozenset[str]]], count: int = 5) -> Iterator[str]:
    """What the first rows become, before anything is saved."""
    yield "columns: " + ", ".join(f"{clean_line(k)} → {v}" for k, v in found.used.items())
    if found.left_out:
        yield "left out: " + ", ".join(clean_line(n) for n in found.left_out)
    for (p, _), row in zip(rows[:count], found.rows, strict=False):
        bits = [f"line {row.line}: {clean_line(p.title)}"]
        bits += [f"at {clean_line(p.employer)}"] if p.employer else []
        bits.append(p.status.value + (" (archived)" if p.archived else ""))
        applied = [h.at.date().isoformat() for h in p.history if h.status is Status.APPLIED]
        bits += [f"applied {applied[0]}"] if applied else []
        bits += [f"deadline {p.deadline.isoformat()}"] if p.deadline else []
        yield "  " + " · ".join(bits)
    if len(rows) > count:
        yield f"  … and {len(rows) - count} more"

