"""A DataTable that shows its first screenful at once, adds the rest in chunks,
and narrows to other items without building their rows again.

Building and measuring thousands of rows takes a second or more; done in one
go it keeps the screen blank and the keys dead until the last row is in.
`ProgressiveTable.fill` adds the rows the user sees first (and any row the
cursor must land on) straight away, then the rest in chunks on a short
timer, so the screen is painted first and keys are answered between chunks.
(A timer, not `call_after_refresh`: that waits on whichever screen is on top,
and a dialog closing at that moment would drop the rest of the fill.) A new
`fill` (a change on disk) or `narrow` (a search typed) cancels the rows
still waiting, so a search always runs over everything given, not over what
has arrived so far.

`narrow` shows another selection of the items given to `fill`: each item's
row is built and measured once, and kept, so a search typed key by key sets
which rows the table holds and costs what it shows, not what it hides.
DataTable has no such call: `clear()` alone walks every row's offsets, and a
refill builds and measures every row again (~0.6 s with 20,000 postings, per
key). So rows go in and out through the table's own row maps
(`_row_locations`, `rows`, `_data`), as `add_row` and `sort` set them, and
each row's width is measured as it is built, not by the table on idle.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Generic, TypeVar, overload

from rich.text import Text
from textual._two_way_dict import TwoWayDict
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, Row, RowKey

Item = TypeVar("Item")
RowBuilder = Callable[[Item], tuple[str, Sequence[Text]]]

PAUSE = 0.001  # seconds between chunks: a turn of the event loop, for keys and paints
CHUNK = 200  # rows built per step after the first screenful: ~25 ms with measuring and repaint
KEPT = 5000  # rows built before that a step puts back: ~10 ms


class OneLineRows(Sequence[tuple[RowKey, int]]):
    """`DataTable._y_offsets` (each line's row, and the line within it) for rows
    of one line each: line y is row y, looked up when asked. DataTable builds
    the whole list again after every change (~20 ms per 20,000 rows, and again
    for the virtual size on idle)."""

    def __init__(self, locations: TwoWayDict[RowKey, int], count: int) -> None:
        self._locations = locations
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, y: int) -> tuple[RowKey, int]: ...

    @overload
    def __getitem__(self, y: slice) -> list[tuple[RowKey, int]]: ...

    def __getitem__(self, y: int | slice) -> tuple[RowKey, int] | list[tuple[RowKey, int]]:
        if isinstance(y, slice):
            return [self[i] for i in range(*y.indices(self._count))]
        if not -self._count <= y < self._count:
            raise IndexError(y)
        key = self._locations.get_key(y % self._count)
        assert key is not None
        return key, 0

    def clear(self) -> None:
        """`DataTable.clear` empties the list it gets: there is none to empty."""


@dataclass(slots=True)
class Built:
    """One item's row, built and measured: what the table's maps hold for it."""

    item: object
    key: RowKey
    cells: dict[ColumnKey, Text]
    row: Row


class ProgressiveTable(DataTable[Text], Generic[Item]):
    """Rows come from `items` through `build(item) -> (key, cells)`, in order."""

    chunk = CHUNK

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self._items: Sequence[Item] = ()
        self._build: RowBuilder[Item] | None = None
        self._built: dict[int, Built] = {}  # by id(item): the rows built since the last fill
        self._generation = 0

    @property
    def filling(self) -> bool:
        """True while rows are still waiting to be added."""
        return self.row_count < len(self._items)

    def fill(self, items: Sequence[Item], build: RowBuilder[Item], cursor: int | None = None) -> None:
        """Replace every row: a screenful (and the cursor's row) now, the rest in chunks."""
        self._build = build
        self._built = {}
        self.narrow(items, cursor)

    def narrow(self, items: Sequence[Item], cursor: int | None = None) -> None:
        """Show `items` (any of those given to `fill`, in any order) with the rows
        built for them before; the rows not built yet come as in `fill`."""
        self._generation += 1
        self._items = items
        self._empty()
        # The terminal's height bounds what the table can show before it is laid out.
        self.add_through(max(self.app.size.height, cursor or 0))
        if cursor is not None and cursor < len(items):
            self.move_cursor(row=cursor)
        self._schedule()

    @property
    def _y_offsets(self) -> OneLineRows:  # type: ignore[override]
        return OneLineRows(self._row_locations, self.row_count)

    def add_through(self, index: int) -> None:
        """Make sure the rows up to `index` are in the table (a jump must not wait for the fill)."""
        self._extend(index + 1 - self.row_count, None)

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
        self._extend(KEPT, self.chunk)
        self._schedule()

    def _extend(self, count: int, new: int | None) -> None:
        """Add up to `count` more rows, building at most `new` of them (any number if None)."""
        build = self._build
        if build is None or count <= 0:
            return
        columns = self.ordered_columns
        widths = [c.content_width for c in columns]
        console = self.app.console
        options = console.options  # what `measure` works out for every cell: the terminal's size, asked each time
        adding: list[Built] = []
        for item in islice(self._items, self.row_count, self.row_count + count):
            built = self._built.get(id(item))
            if built is None:
                if new is not None and new <= 0:
                    break
                new = None if new is None else new - 1
                key, cells = build(item)
                if len(cells) > len(columns):
                    raise ValueError("More values provided than there are columns.")  # as `add_row` says
                for column, cell in zip(columns, cells, strict=False):
                    column.content_width = max(column.content_width, cell.__rich_measure__(console, options).maximum)
                data = {c.key: cell for c, cell in zip(columns, cells, strict=False)}
                built = Built(item, RowKey(key), data, Row(RowKey(key), 1))
                self._built[id(item)] = built  # `item` stays alive in it, so its id is not reused
            adding.append(built)
        self._append(adding, widths != [c.content_width for c in columns])

    def _append(self, adding: list[Built], wider: bool) -> None:
        """What `add_row` does for each row, once for them all; the widths are measured already.

        The rows on screen stay as they were drawn unless a column is wider now:
        the table's caches of drawn cells and lines go by `_update_count`, which
        `add_row` moves on for every row, and then every cell is drawn again."""
        if not adding:
            return
        first = self.row_count
        for index, built in enumerate(adding, first):
            self._row_locations[built.key] = index
            self._data[built.key] = built.cells
            self.rows[built.key] = built.row
        if wider or not first:
            self._update_count += 1
        self._require_update_dimensions = True  # the virtual size, on idle
        self.refresh()
        self.cursor_coordinate = self.cursor_coordinate
        if first == 0 and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()  # as `add_row` says when a first row appears
        self.check_idle()

    def _empty(self) -> None:
        """`clear()` without working out every old row's offsets first."""
        self._clear_caches()
        self._data = {}
        self.rows = {}
        self._row_locations = TwoWayDict({})
        self._new_rows.clear()
        self._update_count += 1
        self._require_update_dimensions = True
        self.cursor_coordinate = Coordinate(0, 0)
        self.refresh()
