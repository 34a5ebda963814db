"""`export` and `import`: JSON for a lossless round trip, CSV for spreadsheets, ICS for calendars.

FILE may be `-` for stdout (export) or stdin (import). Imports are all or
nothing: every record is checked before one transaction saves them all.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobtrack.cli.context import Context, UserError
from jobtrack.core import clock
from jobtrack.core.model import Posting, contact_from_dict, event_from_dict, posting_from_dict, to_dict
from jobtrack.core.sanitize import clean_line, json_text

if TYPE_CHECKING:  # imported where used: building the parser must stay quick for `jobtrack due`
    from jobtrack.store import Bundle, Store

PRESET_NAMES = ("jobfunnel", "jobsync")  # app.csv_mapping.PRESETS, named here so building the parser imports nothing
FORMAT = "jobtrack-export"
VERSION = 2  # 2: records carry a uid, and the reminder state travels (version 1 files still import)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write postings to a file (- for stdout) as JSON, CSV or iCalendar")
    one = p.add_mutually_exclusive_group(required=True)
    one.add_argument("--json", metavar="FILE", dest="json_file", help="everything, losslessly (for import --json)")
    one.add_argument("--csv", metavar="FILE", dest="csv_file", help="the main posting fields, for spreadsheets")
    one.add_argument("--ics", metavar="FILE", dest="ics_file", help="deadlines and dated events for a calendar")
    p.set_defaults(run=cmd_export)
    p = sub.add_parser("import", help="add postings from an export or a spreadsheet (all or nothing)")
    one = p.add_mutually_exclusive_group(required=True)
    one.add_argument("--json", metavar="FILE", dest="json_file", help="a file written by export --json")
    one.add_argument("--csv", metavar="FILE", dest="csv_file", help="a CSV with the columns of export --csv")
    p.add_argument("--map", metavar="SPEC", dest="column_map",
                   help='with --csv: the file\'s columns as jobtrack\'s, "Company=employer,Job Title=title,Notes=-" '
                        "(- leaves one out); shows the first rows and asks before saving")
    p.add_argument("--from", dest="tracker", choices=sorted(PRESET_NAMES),
                   help="with --csv: a ready --map for another tracker's CSV export (see docs/data-exchange.md)")
    p.add_argument("--preview", action="store_true", help="with --map or --from: show the first rows, save nothing")
    p.add_argument("--yes", "-y", action="store_true", help="with --map or --from: save without asking")
    p.set_defaults(run=cmd_import)


def bundle_to_json(b: Bundle) -> dict[str, Any]:
    out: dict[str, Any] = {
        "posting": to_dict(b.posting),
        "contacts": [to_dict(c) for c in b.contacts],
        "events": [to_dict(e) for e in b.events],
        "text": b.text,
    }
    if b.document:
        body, content_type = b.document
        out["document"] = {"content_type": content_type, "base64": base64.b64encode(body).decode("ascii")}
    if b.files:
        out["files"] = {sha: base64.b64encode(data).decode("ascii") for sha, data in b.files.items()}
    return out


def bundle_from_json(data: Any) -> Bundle:
    from jobtrack.store import Bundle

    if not isinstance(data, dict) or not isinstance(data.get("posting"), dict):
        raise ValueError("expected an object with a 'posting'")
    doc = data.get("document")
    document = (base64.b64decode(doc["base64"], validate=True), str(doc["content_type"])) if doc else None
    posting = posting_from_dict(data["posting"])
    if not posting.title:
        raise ValueError("the posting has no title")
    files = _files(data.get("files") or {})
    return Bundle(
        posting,
        [contact_from_dict(c) for c in data.get("contacts") or []],
        [event_from_dict({**e, "posting_id": 0}) for e in data.get("events") or []],
        str(data.get("text") or ""),
        document,
        files,
    )


def _files(raw: Any) -> dict[str, bytes]:
    """The attached files' bytes, each checked against the SHA-256 that names it."""
    from jobtrack.store.attachments import digest

    if not isinstance(raw, dict):
        raise ValueError("'files' is not an object of SHA-256 → base64")
    files = {str(sha): base64.b64decode(str(b64), validate=True) for sha, b64 in raw.items()}
    for sha, data in files.items():
        if digest(data) != sha:
            raise ValueError(f"the attached file {sha[:12]}… does not hold the bytes its SHA-256 names")
    return files  # a copy the exporting store had lost is named without bytes, as it was there


def _json_bytes(store: Store) -> tuple[bytes, int]:
    from jobtrack.app.records import reminder_subjects
    from jobtrack.app.reminders import load_state, rekey

    bundles = store.export_bundles()
    reminders = rekey(load_state(store.meta()), reminder_subjects(store))
    payload = {"format": FORMAT, "version": VERSION, "postings": [bundle_to_json(b) for b in bundles],
               "reminders": {k: {f: v for f, v in entry.items() if f != "n"} for k, entry in reminders.items()}}
    return (json_text(payload, indent=1) + "\n").encode("utf-8"), len(bundles)


def _csv_bytes(store: Store) -> tuple[bytes, int]:
    from jobtrack.app.spreadsheet import postings_csv

    postings = store.postings()
    return postings_csv(postings), len(postings)


def _ics_bytes(store: Store) -> tuple[bytes, int]:
    from jobtrack.app.ics import build_calendar

    postings = store.postings()
    warnings: list[str] = []
    data = build_calendar(postings, store.events(), clock.now(), warnings=warnings)
    for warning in warnings:
        print(f"jobtrack: warning: {clean_line(warning)}", file=sys.stderr)
    return data, len(postings)


def _write(target: str, data: bytes) -> None:
    """`-` is stdout; a file is replaced atomically, so a failed export leaves the old one."""
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from jobtrack.store.atomic import atomic_write

    folder = Path(target).parent
    if not folder.is_dir():
        raise UserError(f"cannot write {target}: the folder {folder} does not exist (create it first)")
    try:
        atomic_write(Path(target), data)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror}") from None


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    kinds = (("json_file", _json_bytes), ("csv_file", _csv_bytes), ("ics_file", _ics_bytes))
    target, build = next((getattr(args, name), build) for name, build in kinds if getattr(args, name))
    data, count = build(ctx.store())
    _write(target, data)
    if target != "-":
        print(f"exported {count} postings to {target}", file=sys.stderr)
    return 0


def _read_bytes(path: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None


def _read(path: str) -> Any:
    raw = _read_bytes(path)
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError(f"{path} is not valid JSON ({exc})") from None


def parse_export(data: Any, path: str) -> list[Bundle]:
    """Every record is checked before anything is saved; the first bad one is named."""
    records = data.get("postings") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise UserError(f"{path}: expected a jobtrack export (an object with 'postings')")
    bundles = []
    seen: dict[str, int] = {}
    for n, record in enumerate(records, 1):
        try:
            bundles.append(bundle_from_json(record))
            first = seen.setdefault(bundles[-1].posting.uid, n)
            if first != n:
                raise ValueError(f"it has the uid of record {first}")
        except (ValueError, KeyError, TypeError) as exc:
            title = record.get("posting", {}).get("title") if isinstance(record, dict) and isinstance(record.get("posting"), dict) else None
            name = f" ({title!r})" if title else ""
            raise UserError(f"{path}: record {n}{name} is bad: {exc}; nothing was imported") from None
    return bundles


def parse_csv(path: str) -> list[tuple[Posting, frozenset[str]]]:
    """Every row is checked first; the first bad one is named as FILE:LINE."""
    from jobtrack.app.spreadsheet import RowError, decode, postings_from_csv

    try:
        return postings_from_csv(decode(_read_bytes(path)))
    except RowError as exc:
        hint = ' (name what it holds with --map "Column=field", or use --from TRACKER)' if "unknown column" in str(exc) else ""
        raise UserError(f"{path}:{exc.line}: {exc}{hint}; nothing was imported") from None
    except ValueError as exc:
        raise UserError(f"{path} {exc}; nothing was imported") from None


def parse_mapped_csv(args: argparse.Namespace) -> list[tuple[Posting, frozenset[str]]] | None:
    """Another tracker's or spreadsheet's rows through `--map`/`--from`, previewed; None: not to be saved."""
    from jobtrack.app.csv_mapping import PRESETS, parse_map, postings, preview, read_mapped
    from jobtrack.app.spreadsheet import RowError, decode

    path = args.csv_file
    base = PRESETS[args.tracker] if args.tracker else None
    try:
        mapping = parse_map(args.column_map or "", base)
        found = read_mapped(decode(_read_bytes(path)), mapping)
        rows = postings(found)
    except RowError as exc:
        raise UserError(f"{path}:{exc.line}: {exc}; nothing was imported") from None
    except ValueError as exc:
        raise UserError(f"{path}: {exc}; nothing was imported" if not str(exc).startswith("--map") else str(exc)) from None
    print(f"{path}: {len(rows)} row(s) would become postings:")
    for line in preview(found, rows):
        print(line)
    if args.preview:
        print("nothing was imported (--preview)")
        return None
    if args.yes:
        return rows
    if not sys.stdin.isatty() or args.csv_file == "-":
        raise UserError("not importing without confirmation: add --yes (or --preview to only look)")
    if input(f"Import {len(rows)} posting(s)? [y/N] ").strip().lower() not in ("y", "yes", "j", "ja"):
        print("nothing was imported")
        return None
    return rows


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.records import import_export, import_rows

    mapped = bool(args.column_map or args.tracker)
    if (mapped or args.preview or args.yes) and not args.csv_file:
        raise UserError("--map, --from, --preview and --yes go with --csv")
    if args.preview and not mapped:
        raise UserError("--preview goes with --map or --from")
    store = ctx.store()
    if args.csv_file:
        found = parse_mapped_csv(args) if mapped else parse_csv(args.csv_file)
        if found is None:
            return 0
        rows = found
        total = len(rows)
        counts = import_rows(store, rows)
    else:
        data = _read(args.json_file)
        bundles = parse_export(data, args.json_file)
        total = len(bundles)
        show = total >= 200 or sys.stderr.isatty()

        def progress(n: int) -> None:
            if show and (n % 100 == 0 or n == total):
                print(f"\rimporting {n}/{total}", end="" if n < total else "\n", file=sys.stderr, flush=True)

        counts = import_export(store, bundles, data.get("reminders") if isinstance(data, dict) else None, progress)
    print(f"imported {total} postings: {counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged")
    if counts.updated_ids:
        shown = ", ".join(f"#{i}" for i in counts.updated_ids[:20]) + (", …" if len(counts.updated_ids) > 20 else "")
        print(f"updated from the file: {shown}")
    return 0
