"""Rolling backups of the store file: the version before every save.

A save appends a record to the journal, so the version before it is the
main file plus the journal's first bytes up to there. The main file's
version is kept once, as a full copy (`NAME.json`), by the first save
after it was written; each later save keeps a delta (`NAME.delta`): one
line naming that copy, then the journal's bytes up to the save. So a save
costs what the journal holds, not the whole store, and the copy of the
whole store is made once per fold (`storage.py`). Copies, never links to
the live files: a main file or journal damaged in place must not take its
backups with it. A fold keeps the main file it replaces as before, as a
hard link (the rename gives the live file a new inode), unless a copy of
that version is kept already.

We keep the newest versions plus the first version of each recent day, so
a burst of bad edits cannot push every good copy out, and every copy a
kept delta is made over.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from jobtrack.store.atomic import atomic_write, ensure_dir
from jobtrack.store.journal import stamp_of
from jobtrack.store.locations import backup_dir

KEEP_RECENT = 10
KEEP_DAYS = 7
STAMP = "%Y%m%dT%H%M%S.%f"


def list_backups(db: Path) -> list[Path]:
    """Newest first."""
    folder = backup_dir(db)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix in (".json", ".delta")), reverse=True)


def take_backup(db: Path, now: datetime | None = None) -> Path | None:
    """The main file as it is, before a fold replaces it."""
    if not db.exists():
        return None
    kept = _copy_of(db)
    if kept is not None:
        return kept
    folder = backup_dir(db)
    ensure_dir(folder)
    target = folder / f"{(now or datetime.now()).strftime(STAMP)}.json"
    try:
        os.link(db, target)
    except FileExistsError:
        return target
    except OSError:
        shutil.copy2(db, target)
    prune(db)
    return target


def _marker(db: Path) -> Path:
    """Names the copy of the current main file's version, if one is kept (no `.json`: not a backup itself)."""
    return backup_dir(db) / "main-copy"


def _copy_of(db: Path) -> Path | None:
    try:
        entry = orjson.loads(_marker(db).read_bytes())
        copy = backup_dir(db) / str(entry["copy"])
        same = entry["main"] == list(stamp_of(os.stat(db)))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return copy if same and "/" not in copy.name and copy.exists() else None


def _keep_copy(db: Path, now: datetime | None) -> Path:
    folder = backup_dir(db)
    ensure_dir(folder)
    target = folder / f"{(now or datetime.now()).strftime(STAMP)}.json"
    with db.open("rb") as f:
        data, st = f.read(), os.fstat(f.fileno())
    atomic_write(target, data)
    atomic_write(_marker(db), orjson.dumps({"main": list(stamp_of(st)), "copy": target.name}))
    return target


def keep_version(db: Path, log: Path, end: int, now: datetime | None = None) -> Path:
    """The version made of the main file and the journal's first `end` bytes, before a save changes it."""
    base = _copy_of(db) or _keep_copy(db, now)
    if end:
        with log.open("rb") as f:
            raw = f.read(end)
        target = base.parent / f"{(now or datetime.now()).strftime(STAMP)}.delta"
        atomic_write(target, orjson.dumps({"base": base.name, "end": end}) + b"\n" + raw)
    prune(db)
    return target if end else base


def read_delta(path: Path) -> tuple[Path, bytes]:
    """The full copy a delta is made over and the journal bytes it adds; ValueError if it is not one."""
    with path.open("rb") as f:
        base, end = _delta_head(path, f.readline())
        raw = f.read()
    if len(raw) != end:
        raise ValueError("not a jobtrack backup")
    return base, raw


def _delta_head(path: Path, line: bytes) -> tuple[Path, int]:
    entry: Any = orjson.loads(line)
    if not (isinstance(entry, dict) and isinstance(entry.get("base"), str) and isinstance(entry.get("end"), int)):
        raise ValueError("not a jobtrack backup")
    base = path.parent / entry["base"]
    if base.name != entry["base"] or base.suffix != ".json":
        raise ValueError("not a jobtrack backup")
    return base, entry["end"]


def backups_to_prune(names: list[str]) -> list[str]:
    """Pure policy: which backup names (newest first) to delete."""
    keep = set(names[:KEEP_RECENT])
    first_of_day: dict[str, str] = {}
    for name in names:  # newest first, so the last seen per day is the day's first
        first_of_day[name[:8]] = name
    for day in sorted(first_of_day, reverse=True)[:KEEP_DAYS]:
        keep.add(first_of_day[day])
    return [n for n in names if n not in keep]


def prune(db: Path) -> None:
    """The policy, except that a copy a kept delta is made over stays, as does the current main file's."""
    folder = backup_dir(db)
    names = [p.name for p in list_backups(db)]
    doomed = set(backups_to_prune(names))
    needed = {p.name for p in (_copy_of(db),) if p is not None}
    for name in names:
        if name.endswith(".delta") and name not in doomed:
            try:
                with (folder / name).open("rb") as f:  # its first line: a delta can be as long as the journal
                    needed.add(_delta_head(folder / name, f.readline())[0].name)
            except (OSError, ValueError):
                continue
    for name in doomed - needed:
        (folder / name).unlink(missing_ok=True)
