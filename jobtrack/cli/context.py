"""What every command needs: the store (opened lazily), the clock and one-line errors."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jobtrack.core import clock
from jobtrack.core.sanitize import clean_line
from jobtrack.store.locations import db_path

if TYPE_CHECKING:
    from jobtrack.ingest.errors import SourceError
    from jobtrack.store import Store

# The command line's way round a page or PDF that will not read (the app offers its paste box instead).
PASTE_HINT = 'copy the posting\'s text and use "jobtrack add -" to paste it'

class UserError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""


def source_failure(exc: SourceError) -> str:
    """What went wrong reading a source, with the command line's advice where pasting gets round it."""
    return f"{exc} — {PASTE_HINT}" if exc.paste_helps else str(exc)


class Context:
    def __init__(self, db: str | None = None) -> None:
        self.db_path: Path = db_path(db)
        self.typed = bool(db)  # `--db`: a path typed for this command, where a typo is likely
        self._store: Store | None = None

    def store(self) -> Store:
        """Imported here: `jobtrack due` answers from its index without the store's imports.

        A folder named with `--db` must exist: a typo should not quietly start a new store."""
        if self._store is None:
            from jobtrack.store import Store

            folder = self.db_path.parent
            if self.typed and not folder.is_dir():
                raise UserError(f"the folder {folder} does not exist; create it first or give another store path")
            self._store = Store(self.db_path)
        return self._store

    def now(self) -> datetime:
        """The one clock (`jobtrack.core.clock`): `$JOBTRACK_NOW` when set."""
        try:
            return clock.now()
        except ValueError as exc:
            raise UserError(str(exc)) from None

    def fail(self, message: str, code: int = 1) -> int:
        print(f"jobtrack: {clean_line(message)}", file=sys.stderr)
        return code

    def close(self) -> None:
        """Fold the journal when due (see `Store.close`) and bring the TUI's list index
        and, when it was current before this command, the due index up to date."""
        store, self._store = self._store, None
        if store is None:
            return
        from jobtrack.app import due_index, list_index
        from jobtrack.store import StoreError

        store.close(when_due=True)
        for notice in store.notices:  # the save happened; this is what went wrong after it
            self.fail(notice)
        if not store.path.exists():
            return  # nothing saved yet, so nothing to index
        try:
            list_index.refresh(store)
            due_index.refresh(store)
        except (StoreError, OSError):
            pass  # the indexes are shortcuts; the next Store to close tries again

