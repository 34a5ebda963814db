"""The jobtrack terminal app: `JobtrackApp` and the `run_app` entry point."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from jobtrack import clock, list_index
from jobtrack.listing import Line, lines_of
from jobtrack.list_index import FirstScreen
from jobtrack.store.errors import StoreError
from jobtrack.tui.themes import DEFAULT_THEME, load_themes

if TYPE_CHECKING:
    from textual.command import Provider

    from jobtrack.store import Store
    from jobtrack.store.journal import Stamp
    from jobtrack.tui.screens.reminders import ReminderWatch

URGENCY_DEFAULTS = {"urgent": "#e5484d", "soon": "#f5a524", "later": "#6cb6ff"}


def _postings_provider() -> type[Provider]:
    """Imported when the palette first opens: `textual.command` adds ~20 ms to start-up."""
    from jobtrack.tui.commands import PostingsProvider

    return PostingsProvider


class JobtrackApp(App[None]):
    TITLE = "jobtrack"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("t", "next_theme", "Theme", show=False, tooltip="Switch to the next theme"),
        Binding("question_mark", "show_keys", "Help", key_display="?", tooltip="Every key binding"),
        Binding("ctrl+q", "quit", "Quit", show=True, priority=True),
    ]
    COMMANDS = App.COMMANDS | {_postings_provider}

    def __init__(
        self,
        store: Store | Callable[[], Store],
        now: Callable[[], datetime] = clock.now,
        poll_interval: float = 1.0,
        theme_folders: list[Path] | None = None,
        remind: bool = True,
        first: FirstScreen | None = None,
    ) -> None:
        """`store` may be a function that opens it: then, given `first` (the list
        index), the first screen is painted before the store is loaded."""
        super().__init__()
        self.remind = remind  # deliver reminders as notifications (off for layout snapshots)
        self._open_store = store if callable(store) else lambda: store
        self._store: Store | None = None
        self._index_theme = first.theme if first is not None else None
        self._lines = (first.stamp, first.lines) if first is not None else None  # the lines of a store version
        self.failure: StoreError | None = None  # why the app stopped early, for the command line
        self.now = now
        self.poll_interval = poll_interval
        self.theme_folders = theme_folders
        self._theme_shown = ""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(URGENCY_DEFAULTS)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from jobtrack.tui.commands import binding_commands

        yield from super().get_system_commands(screen)
        yield from binding_commands(screen, self)

    def action_show_keys(self) -> None:
        from jobtrack.tui.screens.dialogs import HelpScreen

        self.push_screen(HelpScreen())

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = self._open_store()
        return self._store

    def _from_index(self) -> bool:
        """The store is not open yet, and the list index stands in for it."""
        return self._store is None and self._lines is not None

    def lines(self) -> tuple[Stamp, list[Line]]:
        """Every posting's line and the version of the store they are: the list
        index's until the store is open, then the store's, rebuilt when it changes."""
        if self._from_index():
            assert self._lines is not None
            return self._lines
        stamp = self.store.stamp()  # before reading: newer data only means one more rebuild
        if self._lines is None or self._lines[0] != stamp:
            self._lines = (stamp, lines_of(self.store.postings(), self.store.events()))
        return self._lines

    def on_mount(self) -> None:
        errors = load_themes(self, self.theme_folders)
        if errors:
            self.notify("\n".join(errors), title="Some themes did not load", severity="error", markup=False)
        chosen = self._index_theme if self._from_index() else self.store.meta().get("theme")
        wanted = chosen or DEFAULT_THEME
        if wanted not in self.available_themes:
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = wanted
        self._theme_shown = wanted
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        from jobtrack.tui.screens.postings import PostingsScreen

        self.push_screen(PostingsScreen())
        self.call_after_refresh(self._started)

    def _started(self) -> None:
        """The first screen is painted: now the store, the collector and the reminders."""
        if self._store is None:  # the screen came from the list index; the postings screen's poll
            try:  # redraws it if the store has moved on since
                self._store = self._open_store()
            except StoreError as exc:
                self.failure = exc
                self.exit()
                return
        if not gc.isenabled():  # paused by `run_app`
            gc.freeze()
            gc.enable()
        if self.remind:
            self.reminder_watch.start()

    @cached_property
    def reminder_watch(self) -> ReminderWatch:
        from jobtrack.tui.screens.reminders import ReminderWatch

        return ReminderWatch(self)

    def action_reminders(self) -> None:
        from jobtrack.tui.screens.reminders import RemindersScreen

        self.push_screen(RemindersScreen(self.reminder_watch))

    def _remember_theme(self, theme: Theme) -> None:
        """Urgency colours come from the theme, so the table is redrawn on a real change only."""
        if theme.name == self._theme_shown:
            return
        self._theme_shown = theme.name
        if self.store.meta().get("theme") != theme.name:
            self.store.set_meta("theme", theme.name)
        self.refresh_postings()

    def refresh_postings(self) -> None:
        from jobtrack.tui.screens.postings import PostingsScreen

        for screen in self.screen_stack:
            if isinstance(screen, PostingsScreen):
                screen.reload()

    def open_posting(self, ident: int) -> None:
        """Show one posting's detail screen on top of the postings list."""
        from jobtrack.tui.screens.postings import PostingsScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, PostingsScreen):
            self.pop_screen()
        if isinstance(self.screen, PostingsScreen):
            self.screen.open_posting(ident)

    def action_next_theme(self) -> None:
        names = sorted(self.available_themes)
        ours = [n for n in names if not n.startswith("textual-")] + [n for n in names if n.startswith("textual-")]
        index = ours.index(self.theme) if self.theme in ours else -1
        self.theme = ours[(index + 1) % len(ours)]
        self.notify(f"Theme: {self.theme}", timeout=2)


def run_app(db_path: Path, open_store: Callable[[], Store]) -> int:
    """Run the app on the store at `db_path`; the caller closes the store it opens."""
    # Start-up builds hundreds of thousands of long-lived objects (the store, the
    # postings, the first rows) and next to no garbage; the cyclic collector would
    # walk them over and over (~0.1 s with 5,000 postings). It waits until the
    # store is loaded, when `_started` freezes what exists out of its way.
    gc.disable()
    first = list_index.load(db_path)
    if first is None:
        open_store()  # a damaged or locked store says so before the screen changes
    app = JobtrackApp(open_store, first=first)
    app.run()
    if app.failure is not None:
        raise app.failure
    return 0
