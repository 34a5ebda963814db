"""Postings as CSV rows for spreadsheets, and CSV rows typed by people back to postings.

Pure functions: bytes in, bytes out, no store. Choices made for Excel:

- Written as UTF-8 **with** a byte-order mark, because Excel reads a CSV
  without one as the local ANSI code page and turns "æøå" into "Ã¦Ã¸Ã¥".
  Reading accepts the file with or without the mark, comma- or
  semicolon-separated (Excel in a Danish or German locale saves ";").
- A cell that starts with `= + - @` or a tab would run as a formula when
  the file is opened in a spreadsheet (CSV injection), so text cells that
  do are written with a leading `'`, which Excel shows as plain text; that
  one quote is taken off again on import.
- Web text loses its control characters on the way out (`sanitize`).
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from jobtrack.core import clock as now_clock
from jobtrack.core import values as checks
from jobtrack.core.model import Posting, Status, StatusChange
from jobtrack.core.sanitize import clean_line, clean_text
from jobtrack.lang.human_dates import parse_date, parse_when

BOM = "\ufeff"
COLUMNS = (
    "id", "title", "employer", "location", "url", "status", "deadline", "posted", "start",
    "salary", "hours", "tags", "priority", "notes", "language", "uid", "applied",
)
# Other names people give a column, as typed in a header (case and "_" aside).
ALIASES = {"applied on": "applied", "date applied": "applied"}
# The posting fields each column carries, for updating a posting from a row.
FIELDS = {
    "title": ("title",), "employer": ("employer",), "location": ("location",), "url": ("url",),
    "deadline": ("deadline", "deadline_time"), "posted": ("posted",), "start": ("start_date",),
    "salary": ("salary",), "hours": ("hours",), "tags": ("tags",), "priority": ("priority",),
    "notes": ("notes",), "language": ("language",),
}
# Columns whose text comes from the user or the web, and so may look like a formula.
TEXT_COLUMNS = frozenset({"title", "employer", "location", "url", "salary", "hours", "tags", "notes", "language"})
TAG_SEPARATOR = ";"
_FORMULA = re.compile(r"'*[=+\-@\t]")


class RowError(ValueError):
    """A row that cannot become a posting; `line` is where it starts in the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


# --- formula neutralising ------------------------------------------------------


def neutralise(cell: str) -> str:
    """Prefix `'` to a cell a spreadsheet would run as a formula.

    Cells already starting with quotes before such a character get one more,
    so that `restore` gives back exactly what was written.
    """
    return f"'{cell}" if _FORMULA.match(cell) else cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell[1:]) else cell


def write_csv(header: Iterable[str], rows: Iterable[Iterable[str]], text_columns: frozenset[str]) -> bytes:
    """A UTF-8 CSV with a BOM and CRLF line ends (RFC 4180), formula-looking text neutralised."""
    header = list(header)
    risky = [name in text_columns for name in header]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(neutralise(cell) if r else cell for cell, r in zip(row, risky, strict=True))
    return (BOM + out.getvalue()).encode("utf-8")


# --- export ----------------------------------------------------------------------


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def deadline_cell(day: date | None, clock: time | None) -> str:
    """ "2026-03-16 12:00", or "2026-03-16" for a deadline without an hour."""
    if day is None:
        return ""
    return f"{day.isoformat()} {clock:%H:%M}" if clock else day.isoformat()


def posting_row(p: Posting) -> list[str]:
    values = {
        "id": str(p.id or ""),
        "title": clean_line(p.title),
        "employer": clean_line(p.employer),
        "location": clean_line(p.location),
        "url": clean_line(p.url),
        "status": p.status.value,
        "deadline": deadline_cell(p.deadline, p.deadline_time),
        "posted": _day(p.posted),
        "start": _day(p.start_date),
        "salary": clean_line(p.salary),
        "hours": clean_line(p.hours),
        "tags": TAG_SEPARATOR.join(t for t in (clean_line(t) for t in p.tags) if t),
        "priority": str(p.priority),
        "notes": clean_text(p.notes),
        "language": clean_line(p.language),
        "uid": p.uid,
        "applied": _day(applied_on(p)),
    }
    return [values[c] for c in COLUMNS]


def applied_on(p: Posting) -> date | None:
    """The day of the posting's latest move to "applied" (a day the user stated, or the day it was set)."""
    days = [h.at.date() for h in p.history if h.status is Status.APPLIED]
    return max(days) if days else None


def postings_csv(postings: Iterable[Posting]) -> bytes:
    return write_csv(COLUMNS, (posting_row(p) for p in sorted(postings, key=lambda p: p.id or 0)), TEXT_COLUMNS)


# --- import ----------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 with or without a BOM; anything else is refused rather than guessed."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("is not UTF-8 text (in Excel: save as \"CSV UTF-8\")") from None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def header_name(name: str) -> str:
    """A header cell as compared: case, "_" and runs of spaces aside."""
    return " ".join(name.strip().lower().replace("_", " ").split())


def _header(names: list[str]) -> list[str]:
    columns = [ALIASES.get(n, n) for n in map(header_name, names)]
    for name in columns:
        if name not in COLUMNS:
            raise ValueError(f"unknown column {name!r} (known: {', '.join(COLUMNS)})")
        if columns.count(name) > 1:
            raise ValueError(f"the column {name!r} appears twice")
    if "title" not in columns:
        raise ValueError("there is no 'title' column")
    return columns


def _status(text: str) -> Status:
    try:
        return Status(text.lower())
    except ValueError:
        raise ValueError(f"unknown status {text!r} (choose from {', '.join(s.value for s in Status)})") from None


def _uid(text: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not a uid (as export --csv writes them)") from None


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"expected a whole number, got {text!r}") from None


def _cell(values: dict[str, str], column: str, parse: Callable[[str], Any], default: Any = None) -> Any:
    """The parsed cell, `default` when empty; errors name the column."""
    text = values.get(column, "")
    if not text:
        return default
    try:
        return parse(text)
    except ValueError as exc:
        raise ValueError(f"{column}: {exc}") from None


def posting_from_row(cells: dict[str, str]) -> Posting:
    """A new posting (no id) from one row; raises ValueError naming the column."""
    values = {k: v if k == "notes" else v.strip() for k, v in cells.items()}
    values = {k: restore(v) if k in TEXT_COLUMNS else v for k, v in values.items()}
    text: dict[str, Any] = {k: clean_line(values.get(k, "")) for k in TEXT_COLUMNS - {"notes", "tags"}}
    if not text["title"]:
        raise ValueError("the title is empty")
    text["url"] = _cell(text, "url", checks.url, "")
    text["language"] = _cell(text, "language", checks.language, "")
    day, clock = _cell(values, "deadline", parse_when, (None, None))
    uid = _cell(values, "uid", _uid)
    applied: date | None = _cell(values, "applied", lambda t: parse_date(t, past=True))
    status = _cell(values, "status", _status, Status.APPLIED if applied else Status.SAVED)
    history = []
    if applied:  # the day stated, as `status --on` keeps it; the status now after it
        now = now_clock.now()
        history.append(StatusChange(Status.APPLIED, datetime.combine(applied, time(0, 0)), "from a spreadsheet", now))
        if status is not Status.APPLIED:
            history.append(StatusChange(status, now, "from a spreadsheet"))
    return Posting(
        **text,
        **({"uid": uid} if uid else {}),
        deadline=day,
        deadline_time=clock,
        posted=_cell(values, "posted", parse_date),
        start_date=_cell(values, "start", parse_date),
        tags=[t for t in (clean_line(t) for t in checks.tags(values.get("tags", ""))) if t],
        priority=_cell(values, "priority", _whole, 0),
        notes=clean_text(values.get("notes", "")),
        status=status,
        history=history,
    )


@dataclass
class Row:
    line: int  # where the row starts in the file, counting from 1
    cells: dict[str, str]


def read_rows(text: str, header: Callable[[list[str]], list[str]] = _header) -> Iterator[Row]:
    """The data rows with their first line numbers; blank rows are skipped.

    `csv.reader.line_num` counts physical lines read so far, so a row starts
    one line after the previous row ended, however many lines a quoted
    field spans. `strict` makes a quote left open an error instead of a
    cell that silently swallows the rest of the file.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    ended = 0
    try:
        names = next(reader, None)
        if names is None:
            raise RowError(1, "the file is empty")
        try:
            columns = header(names)
        except ValueError as exc:
            raise RowError(1, str(exc)) from None
        ended = reader.line_num
        for cells in reader:
            line, ended = ended + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                raise RowError(line, f"{len(cells)} cells but {len(columns)} columns")
            yield Row(line, dict(zip(columns, cells, strict=False)))
    except csv.Error as exc:
        raise RowError(ended + 1, str(exc)) from None


def postings_from_csv(text: str) -> list[tuple[Posting, frozenset[str]]]:
    return postings_from_rows(read_rows(text))


def postings_from_rows(rows: Iterable[Row]) -> list[tuple[Posting, frozenset[str]]]:
    """Each row's posting with the columns the row gave. Every row is checked before
    anything is returned; the first bad one (or a uid given twice) raises RowError."""
    out: list[tuple[Posting, frozenset[str]]] = []
    lines: dict[str, int] = {}
    for row in rows:
        try:
            posting = posting_from_row(row.cells)
        except ValueError as exc:
            raise RowError(row.line, str(exc)) from None
        if row.cells.get("uid", "").strip():
            if posting.uid in lines:
                raise RowError(row.line, f"uid {posting.uid} is on line {lines[posting.uid]} too")
            lines[posting.uid] = row.line
        out.append((posting, frozenset(row.cells)))
    return out
