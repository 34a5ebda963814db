"""A DataTable that shows its first screenful at once and adds the rest in chunks.

Building and measuring thousands of rows takes a second or more; done in one
go it keeps the screen blank and the keys dead until the last row is in.
`ProgressiveTable.fill` adds the rows the user sees first (and any row the
cursor must land on) straight away, then the rest in chunks on a short
timer, so the screen is painted first and keys are answered between chunks.
(A timer, not `call_after_refresh`: that waits on whichever screen is on top,
and a dialog closing at that moment would drop the rest of the fill.) A new
`fill` (a search typed, a filter, a change on disk) cancels the rows still
waiting, so a search always runs over everything given, not over what has
arrived so far.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Generic, TypeVar

from rich.text import Text
from textual.widgets import DataTable

Item = TypeVar("Item")
RowBuilder = Callable[[Item], tuple[str, Sequence[Text]]]

PAUSE = 0.001  # seconds between chunks: a turn of the event loop, for keys and paints
CHUNK = 500  # rows per step after the first screenful: ~0.1 s with measuring and repaint, keys wait no longer


class ProgressiveTable(DataTable[Text], Generic[Item]):
    """Rows come from `items` through `build(item) -> (key, cells)`, in order."""

    chunk = CHUNK

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self._items: Sequence[Item] = ()
        self._build: RowBuilder[Item] | None = None
        self._generation = 0

    @property
    def filling(self) -> bool:
        """True while rows are still waiting to be added."""
        return self.row_count < len(self._items)

    def fill(self, items: Sequence[Item], build: RowBuilder[Item], cursor: int | None = None) -> None:
        """Replace every row: a screenful (and the cursor's row) now, the rest in chunks."""
        self._generation += 1
        self._items, self._build = items, build
        self.clear()
        # The terminal's height bounds what the table can show before it is laid out.
        self.add_through(max(self.app.size.height, cursor or 0))
        if cursor is not None and cursor < len(items):
            self.move_cursor(row=cursor)
        self._schedule()

    def add_through(self, index: int) -> None:
        """Make sure the rows up to `index` are in the table (a jump must not wait for the fill)."""
        if self._build is None:
            return
        for item in self._items[self.row_count : index + 1]:
            key, cells = self._build(item)
            self.add_row(*cells, key=key)

    def action_scroll_bottom(self) -> None:
        """ctrl+end goes to the last posting, not to the last one added so far."""
        self.add_through(len(self._items) - 1)
        super().action_scroll_bottom()

    def _schedule(self) -> None:
        if self.filling:
            self.set_timer(PAUSE, partial(self._step, self._generation))

    def _step(self, generation: int) -> None:
        if generation != self._generation:
            return  # a newer fill replaced these rows
        self.add_through(self.row_count + self.chunk - 1)
        self._schedule()
