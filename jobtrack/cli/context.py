"""What every command needs: the store (opened lazily), the clock and one-line errors."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jobtrack.locations import db_path
from jobtrack.sanitize import clean_line

if TYPE_CHECKING:
    from jobtrack.store import Store

# An ISO date-time that fixes every command's clock: for tests and scripts.
NOW_ENV = "JOBTRACK_NOW"
# Years a fixed clock may name: far enough from the ends of `datetime` that
# "in ten years" and "a year ago" can still be counted.
NOW_YEARS = (1900, 9000)


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


class Context:
    def __init__(self, db: str | None = None) -> None:
        self.db_path: Path = db_path(db)
        self._store: Store | None = None

    def store(self) -> Store:
        """Imported here: `jobtrack due` answers from its index without the store's imports."""
        if self._store is None:
            from jobtrack.store import Store

            self._store = Store(self.db_path)
        return self._store

    def now(self) -> datetime:
        """`$JOBTRACK_NOW` when set (local wall time unless it has an offset), else now."""
        fixed = os.environ.get(NOW_ENV)
        if not fixed:
            return datetime.now().replace(microsecond=0)
        try:
            moment = datetime.fromisoformat(fixed)
        except ValueError:
            raise UserError(f"${NOW_ENV} is {fixed!r}, not an ISO date-time such as 2026-04-14T09:00") from None
        if not NOW_YEARS[0] <= moment.year <= NOW_YEARS[1]:
            raise UserError(f"${NOW_ENV} is {fixed!r}: the year must be from {NOW_YEARS[0]} to {NOW_YEARS[1]}")
        return moment

    def fail(self, message: str, code: int = 1) -> int:
        print(f"jobtrack: {clean_line(message)}", file=sys.stderr)
        return code

    def close(self) -> None:
        """Fold the journal (see `Store.close`) and bring the TUI's list index up to date."""
        store, self._store = self._store, None
        if store is None:
            return
        from jobtrack import list_index
        from jobtrack.store import StoreError

        store.close()
        try:
            list_index.refresh(store)
        except (StoreError, OSError):
            pass  # the index is a shortcut; the next Store to close tries again

