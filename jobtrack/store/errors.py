"""Store errors, each with a message fit for one line on stderr."""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """Something about the store the user must know; `str()` is the message."""


class StoreDamaged(StoreError):
    def __init__(self, path: Path, reason: str, backup: Path | None) -> None:
        self.path, self.reason, self.backup = path, reason, backup
        hint = (
            f"the newest good backup is {backup} (run `jobtrack restore` to bring it back)"
            if backup
            else "no good backup was found"
        )
        super().__init__(f"the store {path} {reason}; it was left untouched; {hint}")


class StoreLocked(StoreError):
    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(f"the store {path} is locked by another jobtrack process (waited {seconds:g} s); try again")


class StoreTooNew(StoreError):
    def __init__(self, path: Path, version: int, supported: int) -> None:
        super().__init__(
            f"the store {path} was written by a newer jobtrack (schema {version}, this one reads up to {supported}); upgrade jobtrack"
        )


class NotFound(StoreError):
    def __init__(self, what: str, ident: int) -> None:
        self.what, self.ident = what, ident
        super().__init__(f"no {what} with id {ident}")


# What each write or read error means for the user, and what to do about it.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would grow past the size limit for files",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: "the disk reported an input/output error",
}
_ADVICE = {
    errno.ENOSPC: "free some space and try again",
    errno.EDQUOT: "free some space and try again",
    errno.EFBIG: "raise the limit (ulimit -f) and try again",
    errno.EROFS: "mount it writable or choose another store with --db",
    errno.EACCES: "check the owner and mode of it and its folder (ls -ld), or choose another store with --db",
    errno.EPERM: "check the owner and mode of it and its folder (ls -ld), or choose another store with --db",
}


def os_reason(exc: OSError) -> str:
    """`exc` in words, naming the file: 'the disk is full (/x/jobs.json.journal)'."""
    what = _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return f"{what} ({exc.filename})" if exc.filename else what


def os_advice(exc: OSError) -> str:
    return _ADVICE.get(exc.errno or 0, "")


def describe(exc: OSError, doing: str = "") -> str:
    """One line: what failed, why, with which file, and what to do."""
    advice = os_advice(exc)
    return (f"{doing}: " if doing else "") + os_reason(exc) + (f"; {advice}" if advice else "")


class SaveFailed(StoreError):
    """A save that changed nothing on disk."""

    def __init__(self, exc: OSError) -> None:
        self.cause = exc
        advice = os_advice(exc)
        super().__init__(f"could not save: {os_reason(exc)}; nothing was changed" + (f"; {advice}" if advice else ""))


class StoreUnreadable(StoreError):
    """A file or folder of the store that cannot be read or locked: not damage, so no backup hint."""

    def __init__(self, exc: OSError, doing: str = "cannot read the store") -> None:
        self.cause = exc
        super().__init__(describe(exc, doing))
