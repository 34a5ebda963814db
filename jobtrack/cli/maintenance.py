"""`doctor`, `restore` and `locate`: looking after the store file."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from jobtrack.cli.context import Context, UserError
from jobtrack.store import locations


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check the store file, its backups and links")
    p.add_argument("--json", action="store_true", help="print the findings as a JSON object")
    p.set_defaults(run=cmd_doctor)
    p = sub.add_parser("restore", help="bring back a backup (the current file is kept aside)")
    p.add_argument("backup", nargs="?", help="a backup file (default: the newest good one)")
    p.add_argument("--list", action="store_true", help="only list the backups")
    p.add_argument("--json", action="store_true", help="with --list: a JSON array, each backup with whether it is good")
    p.set_defaults(run=cmd_restore)
    p = sub.add_parser("locate", help="print where jobtrack keeps its files")
    p.add_argument("what", choices=["db", "config", "themes", "backups"])
    p.set_defaults(run=cmd_locate)


def cmd_doctor(args: argparse.Namespace, ctx: Context) -> int:
    """Checks the store; `--json` gives the same findings as one object ("lines" are the text output)."""
    lines: list[str] = []
    found: dict[str, Any] = {"store": str(ctx.db_path)}
    try:
        code = _doctor(ctx, found, lines)
    except Exception:
        if not args.json:
            print("\n".join(lines))
        raise
    found |= {"ok": code == 0, "lines": lines}
    if args.json:
        from jobtrack.core.sanitize import json_text

        print(json_text(found))
    else:
        print("\n".join(lines))
    return code


def _doctor(ctx: Context, found: dict[str, Any], out: list[str]) -> int:
    from jobtrack.store import StoreDamaged
    from jobtrack.store.atomic import stale_temps
    from jobtrack.store.backups import list_backups
    from jobtrack.store.locations import journal_path
    from jobtrack.store.storage import newest_good_backup

    problems: list[str] = []
    found["problems"] = problems
    path = ctx.db_path
    out.append(f"store    {path}")
    found["exists"] = path.exists()
    if not path.exists():
        ctx.store()  # refuses a store whose backups or journal outlived it, and a folder that is not there
        out.append("         does not exist yet (it is created on the first save)")
        return 0
    for file in (path, journal_path(path)):
        mode = file.stat().st_mode & 0o777 if file.exists() else 0
        if mode & 0o077:
            problems.append(f"{file} is readable by others (mode {mode:o}); run: chmod 600 {file}")
    try:
        store = ctx.store()
    except StoreDamaged:
        out.extend(f"problem  {problem}" for problem in _bad_rows(path))
        raise  # the one-line error names the newest good backup
    bad_rows = store.problems()
    if bad_rows:  # nothing else can be counted until they are gone
        good = newest_good_backup(path)
        problems += bad_rows
        out.extend(f"problem  {problem}" for problem in bad_rows)
        hint = f"bring back {good} with `jobtrack restore`" if good else "no backup is free of them"
        out.append(f"{len(bad_rows)} problem(s) found: the store is not saved while it holds them; {hint}")
        return 1
    postings = store.postings()
    ids = {p.id for p in postings}
    orphans = [e.id for e in store.events() if e.posting_id not in ids]
    if orphans:
        problems.append(f"events {orphans} belong to no posting")
    loose = [c.id for c in store.contacts() if not set(c.posting_ids) & ids]
    if loose:
        problems.append(f"contacts {loose} belong to no posting")
    problems += [str(damage) for damage in store.texts.damaged()]
    lost = [f"#{p.id} {a.name}" for p in postings for a in p.attachments if store.attachments.path(a.sha256) is None]
    if lost:
        problems.append(f"attached files whose copy is missing from {store.attachments.folder}: {', '.join(lost)}")
    backups = list_backups(path)
    good = newest_good_backup(path)
    journal = store.journal()
    records = {"postings": len(postings), "contacts": len(store.contacts()), "events": len(store.events())}
    found |= {"schema": store.meta().get("schema"), "records": records,
              "journal": {"records": journal.records, "bytes": journal.end, "torn": journal.torn},
              "backups": {"count": len(backups), "newest_good": str(good) if good else None}}
    out.append(f"schema   {found['schema']}")
    out.append(f"records  {records['postings']} postings, {records['contacts']} contacts, {records['events']} events")
    out.append(f"journal  {journal.records} save(s) not yet folded into the main file ({journal.end} bytes)")
    if journal.torn:
        out.append("         its last record was cut short by a crash: it was never acknowledged and is ignored")
    out.append(f"backups  {len(backups)}, newest good: {good or 'none'}")
    # Left over by a crash or a restore; harmless, since ids are never reused.
    leftovers = {what: sorted(left) for what, left in (("texts", store.texts.ids() - ids),
                                                       ("documents", store.documents.ids() - ids)) if left}
    found["leftovers"] = leftovers
    for what, left in leftovers.items():
        listed = ", ".join(map(str, left))
        out.append(f"leftover {what} of postings that do not exist: {listed} (kept: restoring a backup may bring them back)")
    temps = [t for folder in (path.parent, store.texts.folder, store.documents.folder) for t in stale_temps(folder)]
    found["temporary_files"] = [str(t) for t in temps]
    if temps:
        out.append(f"leftover temporary files of a crash (removed by the next save): {', '.join(map(str, temps))}")
    out.extend(f"problem  {problem}" for problem in problems)
    out.append("ok" if not problems else f"{len(problems)} problem(s) found")
    return 1 if problems else 0


def _bad_rows(path: Path) -> list[str]:
    """Every row the main file holds that this jobtrack cannot use, not just the first."""
    from jobtrack.store import rows
    from jobtrack.store.storage import parse_store_bytes

    try:
        data = parse_store_bytes(path.read_bytes())
    except (OSError, ValueError):
        return []
    return list(rows.problems(data))


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.store.backups import list_backups
    from jobtrack.store.errors import SaveFailed
    from jobtrack.store.locations import restore_aside
    from jobtrack.store.storage import backup_bytes, newest_good_backup, put_back, read_good
    from jobtrack.store.store import holding, store_lock

    path = ctx.db_path
    if args.list:
        if args.json:
            from jobtrack.core.sanitize import json_text

            print(json_text([_backup_json(b) for b in list_backups(path)]))
            return 0
        for b in list_backups(path):
            print(b)
        return 0
    if args.json:
        raise UserError("--json goes with --list")
    chosen = Path(args.backup) if args.backup else newest_good_backup(path)
    if chosen is None:
        raise UserError(f"no good backup of {path} was found")
    try:
        data = backup_bytes(chosen)
        read_good(chosen)
    except (OSError, ValueError) as exc:
        raise UserError(f"{chosen} is not a readable jobtrack backup ({exc})") from None
    aside = restore_aside(path, datetime.now())
    with holding(store_lock(path, 15.0), path):
        try:
            kept = put_back(path, data, aside)
        except OSError as exc:
            raise SaveFailed(exc) from None
    for file in kept:
        print(f"kept aside: {file}")
    print(f"restored {chosen}")
    return 0


def _backup_json(backup: Path) -> dict[str, Any]:
    from jobtrack.store.storage import read_good

    try:
        read_good(backup)
        good = True
    except (OSError, ValueError):
        good = False
    stat = backup.stat()
    modified = datetime.fromtimestamp(stat.st_mtime).isoformat(timespec="seconds")
    return {"path": str(backup), "bytes": stat.st_size, "modified": modified, "good": good}


def cmd_locate(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.store.locations import backup_dir

    where = {
        "db": ctx.db_path,
        "config": locations.config_path(),
        "themes": locations.user_themes_dir(),
        "backups": backup_dir(ctx.db_path),
    }
    print(where[args.what])
    return 0



