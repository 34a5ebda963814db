"""Crash-safe file replacement: the old bytes or the new, never a mix."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from jobtrack.store.locations import temp_beside

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def ensure_dir(path: Path) -> None:
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable; some platforms cannot open folders."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def atomic_write(path: Path, data: bytes, *, before_replace: Callable[[], object] | None = None) -> None:
    """Write to a temporary file beside `path`, fsync it, rename it over `path`.

    `before_replace` runs after the new bytes are safely on disk and before
    the rename, which is the moment to keep the old version as a backup.
    """
    ensure_dir(path.parent)
    tmp = temp_beside(path, os.getpid())
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    except OSError as exc:
        exc.filename = str(path)  # the file the user knows, not our temporary name
        raise
    try:
        write_all(fd, data)
        os.fsync(fd)
    except BaseException as exc:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            exc.filename = str(path)
        raise
    os.close(fd)
    if before_replace is not None:
        before_replace()
    os.replace(tmp, path)
    fsync_dir(path.parent)


_TEMP = re.compile(r"\..+\.(\d+)\.tmp")  # the names `locations.temp_beside` gives


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stale_temps(folder: Path) -> list[Path]:
    """Temporary files of `atomic_write` whose process is gone: a crash left them."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / n for n in names if (m := _TEMP.fullmatch(n)) and int(m.group(1)) != os.getpid() and not _alive(int(m.group(1)))]
