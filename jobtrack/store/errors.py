"""Store errors, each with a message fit for one line on stderr."""

from __future__ import annotations

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
