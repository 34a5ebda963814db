"""Every path jobtrack reads or writes, in one place.

Nothing here touches the disk at import time; folders are created by
whoever writes into them. Beside the store `jobs.json` live its journal
`jobs.json.journal`, lock `jobs.json.lock`, id marks `jobs.json.ids`, the
derived indexes `jobs.json.list` and `jobs.json.due`, and the folders
`jobs-texts/`, `jobs-documents/` and `jobs-backups/`.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

APP_NAME = "jobtrack"
DB_ENV = "JOBTRACK_DB"
CONFIG_ENV = "JOBTRACK_CONFIG"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def db_path(override: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins over `$JOBTRACK_DB`, which wins over the platform folder."""
    chosen = override or os.environ.get(DB_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / "jobtrack.json"


def config_path() -> Path:
    chosen = os.environ.get(CONFIG_ENV)
    return Path(chosen).expanduser() if chosen else config_dir() / "config.toml"


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def bundled_themes_dir() -> Path:
    """Themes ship inside the wheel as `jobtrack/themes`; a source checkout has them at the top."""
    package = Path(__file__).parent.parent
    inside = package / "themes"
    return inside if inside.is_dir() else package.parent / "themes"


# -- beside the store -----------------------------------------------------------

def beside(db: Path, suffix: str) -> Path:
    """`jobs.json` → `jobs.json.<suffix>`: a file that belongs to the store and goes where it goes."""
    return db.with_name(f"{db.name}.{suffix}")


def journal_path(db: Path) -> Path:
    return beside(db, "journal")


def lock_path(db: Path) -> Path:
    return beside(db, "lock")


def ids_path(db: Path) -> Path:
    return beside(db, "ids")


def restore_aside(db: Path, when: datetime) -> Path:
    """Where `jobtrack restore` keeps the store it replaces."""
    return beside(db, f"before-restore-{when:%Y%m%dT%H%M%S}")


def texts_dir(db: Path) -> Path:
    return db.with_name(f"{db.stem}-texts")


def documents_dir(db: Path) -> Path:
    return db.with_name(f"{db.stem}-documents")


def backup_dir(db: Path) -> Path:
    return db.with_name(f"{db.stem}-backups")


def attachments_dir(db: Path) -> Path:
    """The files sent with applications: read-only copies named by their SHA-256."""
    return db.with_name(f"{db.stem}-attachments")


def retired_dir(db: Path) -> Path:
    """Copies no posting uses any more, kept with the backups so a restore still finds them."""
    return backup_dir(db) / "attachments"


def temp_beside(path: Path, pid: int) -> Path:
    """The temporary file an atomic write of `path` fills before renaming it over `path`."""
    return path.with_name(f".{path.name}.{pid}.tmp")
