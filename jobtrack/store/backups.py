"""Rolling backups of the store file.

Before each save the current file is hard-linked into the backup folder,
which costs no copy: the rename that follows gives the live file a new
inode and leaves the old one to the backup. We keep the newest versions
plus the first version of each recent day, so a burst of bad edits cannot
push every good copy out.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from jobtrack.store.atomic import ensure_dir
from jobtrack.store.locations import backup_dir

KEEP_RECENT = 10
KEEP_DAYS = 7
STAMP = "%Y%m%dT%H%M%S.%f"


def list_backups(db: Path) -> list[Path]:
    """Newest first."""
    folder = backup_dir(db)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix == ".json"), reverse=True)


def take_backup(db: Path, now: datetime | None = None) -> Path | None:
    if not db.exists():
        return None
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
