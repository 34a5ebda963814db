"""`export --json FILE` and `import --json FILE`: a lossless round trip."""

from __future__ import annotations

import argparse
import base64
import json
import sys
from pathlib import Path
from typing import Any

from jobtrack.cli.context import Context, UserError
from jobtrack.model import contact_from_dict, event_from_dict, posting_from_dict, to_dict
from jobtrack.store import Bundle

FORMAT = "jobtrack-export"
VERSION = 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write everything to a file (- for stdout)")
    p.add_argument("--json", metavar="FILE", required=True, dest="json_file")
    p.set_defaults(run=cmd_export)
    p = sub.add_parser("import", help="read postings written by export (all or nothing)")
    p.add_argument("--json", metavar="FILE", required=True, dest="json_file")
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
    return out


def bundle_from_json(data: Any) -> Bundle:
    if not isinstance(data, dict) or not isinstance(data.get("posting"), dict):
        raise ValueError("expected an object with a 'posting'")
    doc = data.get("document")
    document = (base64.b64decode(doc["base64"], validate=True), str(doc["content_type"])) if doc else None
    posting = posting_from_dict(data["posting"])
    if not posting.title:
        raise ValueError("the posting has no title")
    return Bundle(
        posting,
        [contact_from_dict(c) for c in data.get("contacts") or []],
        [event_from_dict({**e, "posting_id": 0}) for e in data.get("events") or []],
        str(data.get("text") or ""),
        document,
    )


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    bundles = ctx.store().export_bundles()
    payload = {"format": FORMAT, "version": VERSION, "postings": [bundle_to_json(b) for b in bundles]}
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    if args.json_file == "-":
        sys.stdout.write(text + "\n")
    else:
        from jobtrack.store.atomic import atomic_write

        atomic_write(Path(args.json_file), text.encode("utf-8"))
        print(f"exported {len(bundles)} postings to {args.json_file}", file=sys.stderr)
    return 0


def _read(path: str) -> Any:
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None
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
    for n, record in enumerate(records, 1):
        try:
            bundles.append(bundle_from_json(record))
        except (ValueError, KeyError, TypeError) as exc:
            title = record.get("posting", {}).get("title") if isinstance(record, dict) and isinstance(record.get("posting"), dict) else None
            name = f" ({title!r})" if title else ""
            raise UserError(f"{path}: record {n}{name} is bad: {exc}; nothing was imported") from None
    return bundles


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    bundles = parse_export(_read(args.json_file), args.json_file)
    total = len(bundles)
    show = total >= 200 or sys.stderr.isatty()

    def progress(n: int) -> None:
        if show and (n % 100 == 0 or n == total):
            print(f"\rimporting {n}/{total}", end="" if n < total else "\n", file=sys.stderr, flush=True)

    saved = ctx.store().add_many(bundles, progress=progress)
    print(f"imported {len(saved)} postings")
    return 0
