"""Every path jobtrack reads or writes, in one place.

Nothing here touches the disk at import time; folders are created by
whoever writes into them.
"""

from __future__ import annotations

import os
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
