"""What every command needs: the store (opened lazily) and one-line errors."""

from __future__ import annotations

import sys
from pathlib import Path

from jobtrack.locations import db_path
from jobtrack.sanitize import clean_line
from jobtrack.store import Store


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


class Context:
    def __init__(self, db: str | None = None) -> None:
        self.db_path: Path = db_path(db)
        self._store: Store | None = None

    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store

    def fail(self, message: str, code: int = 1) -> int:
        print(f"jobtrack: {clean_line(message)}", file=sys.stderr)
        return code

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
        self._store = None

