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
from datetime import date

from jobtrack.app.fields import parse, parse_day
from jobtrack.core import clock
from jobtrack.core.fields import Field, Kind, get, typed
from jobtrack.core.model import POSTING_FIELDS, Posting, Status, StatusChange, replace_fields
from jobtrack.core.sanitize import clean_line, clean_text

BOM = "\ufeff"
# The columns of earlier exports keep their places, so spreadsheets built on
# them still line up; the column of a field declared later comes after them.
EARLIER = ("title", "employer", "location", "url", "status", "deadline", "posted", "start", "salary", "hours", "tags",
           "priority", "notes", "language")
# Other names people give a column, as typed in a header (case and "_" aside).
ALIASES = {"applied on": "applied", "date applied": "applied"}
# Kinds whose cells are fixed formats (numbers, dates) that never look like a formula.
_FORMATTED = frozenset({Kind.WHOLE, Kind.DATE, Kind.PAST_DATE, Kind.TIME})
TAG_SEPARATOR = ";"
_FORMULA = re.compile(r"'*[=+\-@\t]")


def declared() -> dict[str, Field]:
    """Column → the posting field it carries, in the order of the file."""
    by_column = {f.column: f for f in POSTING_FIELDS if f.column}
    order = [*(c for c in EARLIER if c in by_column), *(c for c in by_column if c not in EARLIER)]
    return {c: by_column[c] for c in order}


def columns() -> tuple[str, ...]:
    """Every column: the declared fields between the id and the uid, then the day of applying
    (from the status history, which no field carries)."""
    return ("id", *declared(), "uid", "applied")


def text_columns() -> frozenset[str]:
    """Columns whose text comes from the user or the web, and so may look like a formula."""
    return frozenset(c for c, f in declared().items() if f.kind not in _FORMATTED)


def attributes(column: str) -> tuple[str, ...]:
    """The posting attributes a column carries, for updating a posting from a row."""
    f = declared().get(column)
    return f.keys if f else ()


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


def cell(p: Posting, f: Field) -> str:
    """A field as a spreadsheet cell: as typed, tags separated by `;`, web text cleaned."""
    if f.kind is Kind.TAGS:
        return TAG_SEPARATOR.join(t for t in (clean_line(t) for t in get(p, f)) if t)
    if f.kind is Kind.NOTES:
        return clean_text(get(p, f))
    return clean_line(typed(p, f))


def posting_row(p: Posting) -> list[str]:
    applied = applied_on(p)
    return [str(p.id or ""), *(cell(p, f) for f in declared().values()), p.uid, applied.isoformat() if applied else ""]


def applied_on(p: Posting) -> date | None:
    """The day of the posting's latest move to "applied" (a day the user stated, or the day it was set)."""
    days = [h.at.date() for h in p.history if h.status is Status.APPLIED]
    return max(days) if days else None


def postings_csv(postings: Iterable[Posting]) -> bytes:
    return write_csv(columns(), (posting_row(p) for p in sorted(postings, key=lambda p: p.id or 0)), text_columns())


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
    known = columns()
    found = [ALIASES.get(n, n) for n in map(header_name, names)]
    for name in found:
        if name not in known:
            raise ValueError(f"unknown column {name!r} (known: {', '.join(known)})")
        if found.count(name) > 1:
            raise ValueError(f"the column {name!r} appears twice")
    if "title" not in found:
        raise ValueError("there is no 'title' column")
    return found


def _uid(text: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not a uid (as export --csv writes them)") from None


def posting_from_row(cells: dict[str, str]) -> Posting:
    """A new posting (no id) from one row, each cell parsed as if typed; raises ValueError naming the column."""
    fields, risky = declared(), text_columns()
    texts: dict[str, str] = {}
    for column, raw in cells.items():
        f = fields.get(column)
        if f is not None:
            text = restore(raw if f.kind is Kind.NOTES else raw.strip()) if column in risky else raw.strip()
            texts[column] = clean_text(text) if f.kind is Kind.NOTES else clean_line(text)
    if not texts.get("title"):
        raise ValueError("the title is empty")
    posting = Posting("")
    for column, text in texts.items():
        try:
            replace_fields(posting, parse(fields[column], text))
        except ValueError as exc:
            raise ValueError(f"{column}: {exc}") from None
    uid = cells.get("uid", "").strip()
    if uid:
        posting.uid = _uid(uid)
    applied = cells.get("applied", "").strip()
    if applied:
        _applied(posting, _past_day(applied), status_given=bool(texts.get("status")))
    return posting


def _past_day(text: str) -> date:
    try:
        return parse_day(text, past=True)
    except ValueError as exc:
        raise ValueError(f"applied: {exc}") from None


def _applied(posting: Posting, day: date, status_given: bool) -> None:
    """The day stated, as `status --on` keeps it; a row with no status is applied, else the status now follows it."""
    if not status_given:
        posting.status = Status.APPLIED
    now = clock.now()
    posting.history = [StatusChange.stated(Status.APPLIED, day, "from a spreadsheet", now)]
    if posting.status is not Status.APPLIED:
        posting.history.append(StatusChange(posting.status, now, "from a spreadsheet"))


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
