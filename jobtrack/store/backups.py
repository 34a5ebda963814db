"""Rolling backups of the store file: a version before every save.

A save appends a record to the journal; the version before it is the main
file plus the journal's first bytes up to there. When the journal is
empty that is the main file alone, and a hard link to it in the backup
folder is the backup (`NAME.json`): no copy, since the main file is never
changed in place, only replaced. Otherwise the backup is a delta
(`NAME.delta`), a few bytes naming a hard link of the main file
(`INODE.base`), one of the journal (`INODE.log`, which only grows) and how
many of the journal's bytes belong to the version. So a save costs a small
file however big the store is, and a fold (`storage.py`) keeps the
previous main file as a full backup. We keep the newest versions plus the
first version of each recent day, so a burst of bad edits cannot push
every good copy out; links no kept delta names go with them.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from jobtrack.store.atomic import atomic_write, ensure_dir

KEEP_RECENT = 10
KEEP_DAYS = 7
STAMP = "%Y%m%dT%H%M%S.%f"


def backup_dir(db: Path) -> Path:
    return db.with_name(f"{db.stem}-backups")


def list_backups(db: Path) -> list[Path]:
    """Newest first."""
    folder = backup_dir(db)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix in (".json", ".delta")), reverse=True)


def take_backup(db: Path, now: datetime | None = None) -> Path | None:
    if not db.exists():
        return None
    folder = backup_dir(db)
    ensure_dir(folder)
    ino = db.stat().st_ino
    for kept in list_backups(db):  # this very version is kept already (a save before the fold linked it)
        if kept.suffix == ".json" and kept.stat().st_ino == ino:
            return kept
    target = folder / f"{(now or datetime.now()).strftime(STAMP)}.json"
    try:
        os.link(db, target)
    except FileExistsError:
        return target
    except OSError:
        shutil.copy2(db, target)
    prune(db)
    return target


def _link(path: Path, folder: Path, suffix: str, end: int) -> str:
    """A hard link to `path` in the backup folder, named by its inode: while it lives, no other file takes that inode."""
    name = f"{path.stat().st_ino}.{suffix}"
    if not (folder / name).exists():
        try:
            os.link(path, folder / name)
        except OSError:  # no hard links here: a copy of the bytes this version needs
            name = f"{path.stat().st_ino}-{end}.{suffix}"
            with path.open("rb") as f:
                atomic_write(folder / name, f.read(end) if suffix == "log" else f.read())
    return name


def take_delta(db: Path, log: Path, end: int, now: datetime | None = None) -> Path:
    """The version made of the main file and the journal's first `end` bytes (`end` > 0)."""
    folder = backup_dir(db)
    ensure_dir(folder)
    entry = {"base": _link(db, folder, "base", end), "journal": _link(log, folder, "log", end), "end": end}
    target = folder / f"{(now or datetime.now()).strftime(STAMP)}.delta"
    atomic_write(target, orjson.dumps(entry))
    prune(db)
    return target


def read_delta(path: Path) -> tuple[Path, Path, int]:
    """The main file and journal a delta names, and how much of the journal; ValueError if it is not one."""
    entry: Any = orjson.loads(path.read_bytes())
    if not (isinstance(entry, dict) and isinstance(entry.get("base"), str) and isinstance(entry.get("journal"), str)
            and isinstance(entry.get("end"), int)):
        raise ValueError("not a jobtrack backup")
    names = (entry["base"], entry["journal"])
    if any("/" in n or n.startswith(".") for n in names):
        raise ValueError("not a jobtrack backup")
    return path.parent / names[0], path.parent / names[1], entry["end"]


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
    folder = backup_dir(db)
    for name in backups_to_prune([p.name for p in list_backups(db)]):
        (folder / name).unlink(missing_ok=True)
    needed: set[str] = set()
    for kept in list_backups(db):
        if kept.suffix == ".delta":
            try:
                needed.update(p.name for p in read_delta(kept)[:2])
            except (OSError, ValueError):
                continue
    for link in folder.iterdir():
        if link.suffix in (".base", ".log") and link.name not in needed:
            link.unlink(missing_ok=True)
