"""The jobtrack terminal app: `JobtrackApp` and the `run_app` entry point."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from contextlib import suppress
from datetime import datetime
from functools import cached_property, partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, get_current_worker

from jobtrack.app import list_index
from jobtrack.app.config import Config, ConfigError, carry_theme, chosen_theme, load_config, save_theme
from jobtrack.app.list_index import FirstScreen
from jobtrack.core import clock
from jobtrack.core.listing import Line, lines_of
from jobtrack.store.errors import StoreError
from jobtrack.store.store import POSTINGS, Records
from jobtrack.tui.themes import DEFAULT_THEME, load_themes
from jobtrack.tui.threads import IN_THREAD, in_worker

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.timer import Timer

    from jobtrack.store import Store
    from jobtrack.store.journal import Stamp
    from jobtrack.tui.screens.reminders import ReminderWatch

URGENCY_DEFAULTS = {"urgent": "#e5484d", "soon": "#f5a524", "later": "#6cb6ff"}
# A typed key whose mark never comes back (its widget closed first) holds the next one this long at most.
KEY_PATIENCE = 0.5


# How often the mark goes round behind a key: the second lap also waits for the
# messages the key made on its way (a table's "row selected" that opens a dialog).
KEY_LAPS = 2


class KeyDone(Message):
    """Sent after a typed key to where the key went; back at the app, the key has been handled."""

    def __init__(self, serial: int, lap: int = 1) -> None:
        super().__init__()
        self.serial = serial
        self.lap = lap


def _postings_provider() -> type[Provider]:
    """Imported when the palette first opens: `textual.command` adds ~20 ms to start-up."""
    from jobtrack.tui.commands import PostingsProvider

    return PostingsProvider


class JobtrackApp(App[None]):
    TITLE = "jobtrack"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("t", "next_theme", "Next theme", show=False, tooltip="Switch to the next theme"),
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
        config: Path | None = None,
    ) -> None:
        """`store` may be a function that opens it: then, given `first` (the list
        index), the first screen is painted before the store is loaded. The theme
        chosen is remembered in the config file (`config`, else the user's)."""
        super().__init__()
        self.remind = remind  # deliver reminders as notifications (off for layout snapshots)
        self._open_store = store if callable(store) else lambda: store
        self._store: Store | None = None
        self.config = config
        self._loading: Future[Store] | None = None  # the store opening in a thread worker
        self._lines = (first.stamp, first.lines) if first is not None else None  # the lines of a store version
        self._lines_for: Stamp | None = None  # the version whose lines a worker is building
        self.failure: StoreError | None = None  # why the app stopped early, for the command line
        self.now = now
        self.poll_interval = poll_interval
        self.theme_folders = theme_folders
        self._theme_shown = ""
        self._typed: deque[events.Key] = deque()  # keys waiting for the one before them
        self._key_serial = 0  # the key out being handled, if `_key_out`
        self._key_out = False
        self._key_timer: Timer | None = None
        self._hold_until = 0.0  # monotonic time until which a key waits for a new screen's focus
        self._key_screen: Screen[object] | None = None  # where the last key went

    # -- typed keys, one at a time ---------------------------------------------
    # Textual hands a key to the focused widget's queue and goes on with the
    # next, while the first may still bubble up to a binding that opens a
    # dialog or moves the focus: typed ahead, "/lego" opened Edit and a save
    # read a field before the last letters reached it. Each key is handled,
    # and a screen it opens has focused its first field, before the next is let through.

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if not self._typed and not self._key_out:
                self._hold_until = monotonic() + KEY_PATIENCE
            self._typed.append(event)
            await self._send_key()
            return
        await super().on_event(event)

    async def _send_key(self) -> None:
        if self._key_out or not self._typed or not self.screen_stack:  # none left, or the app is closing
            return
        screen = self.screen
        opened = screen is not self._key_screen and self.focused is None and screen.focus_chain
        if opened and monotonic() < self._hold_until:
            self.set_timer(0.01, self._send_key)  # a screen just opened: its first field is not focused yet
            return
        self._key_screen = screen
        self._key_out = True
        self._key_serial += 1
        await super().on_event(self._typed.popleft())
        (self.focused or self.screen).post_message(KeyDone(self._key_serial))
        self._key_timer = self.set_timer(KEY_PATIENCE, partial(self._key_handled, self._key_serial))

    def on_key_done(self, message: KeyDone) -> None:
        message.stop()
        if message.lap < KEY_LAPS and message.serial == self._key_serial and self.screen_stack:
            (self.focused or self.screen).post_message(KeyDone(message.serial, message.lap + 1))
            return
        self._key_handled(message.serial)

    def _key_handled(self, serial: int) -> None:
        if not self._key_out or serial != self._key_serial:
            return  # a late mark of a key already let go
        self._key_out = False
        self._hold_until = monotonic() + KEY_PATIENCE
        if self._key_timer is not None:
            self._key_timer.stop()
        self.call_later(self._send_key)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(URGENCY_DEFAULTS)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, then one per binding of the screen and the app: each title once."""
        from jobtrack.tui.commands import binding_commands

        seen: set[str] = set()
        for command in (*super().get_system_commands(screen), *binding_commands(screen, self)):
            if command.title not in seen:
                seen.add(command.title)
                yield command

    def action_show_keys(self) -> None:
        from jobtrack.tui.screens.dialogs import HelpScreen

        self.push_screen(HelpScreen())

    @property
    def store(self) -> Store:
        """The store; while it loads behind the first screen, whoever needs it waits for it."""
        if self._store is None:
            self._store = self._open_store() if self._loading is None else self._loading.result()
        return self._store

    @property
    def store_open(self) -> bool:
        """False while the store loads behind the first screen: polls wait, keys need not."""
        return self._store is not None or (self._loading is not None and self._loading.done())

    def _from_index(self) -> bool:
        """The store is not open yet, and the list index stands in for it."""
        return self._store is None and self._lines is not None

    def lines(self) -> tuple[Stamp, list[Line]]:
        """Every posting's line and the version of the store they are: the list
        index's until the store is open, then the store's, rebuilt when it changes.
        A big store's are rebuilt in a thread worker (`threads.py`): the last ones
        stand in meanwhile, and the postings screens reload when the new ones are in."""
        if self._lines is not None and (self._from_index() or not self.store_open):
            return self._lines
        store = self.store
        if self._lines is not None and self._lines[0] == store.stamp():
            return self._lines
        records = store.records()
        if self._lines is None or len(records.tables[POSTINGS]) < IN_THREAD:
            self._lines = (records.stamp(), lines_of(records.postings(), records.events()))
        elif self._lines_for != records.stamp():
            self._lines_for = records.stamp()
            self.run_worker(partial(self._build_lines, records), name="lines", group="lines", thread=True, exclusive=True)
        return self._lines

    def _build_lines(self, records: Records) -> None:
        """In the worker thread: only the copied records are read here."""
        worker = get_current_worker()
        try:
            with in_worker():
                lines = lines_of(records.postings(), records.events())
        except StoreError as exc:
            self.call_from_thread(self.notify, str(exc), title="The list is not up to date", severity="error", markup=False)
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._lines_built, worker, records.stamp(), lines)

    def _lines_built(self, worker: Worker[None], stamp: Stamp, lines: list[Line]) -> None:
        if not worker.is_cancelled:
            self._lines = (stamp, lines)
            self.refresh_postings()

    def on_mount(self) -> None:
        errors = load_themes(self, self.theme_folders)
        if errors:
            self.notify("\n".join(errors), title="Some themes did not load", severity="error", markup=False)
        wanted = chosen_theme(self.config) or DEFAULT_THEME
        if wanted not in self.available_themes:
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = wanted
        self._theme_shown = wanted
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        from jobtrack.tui.screens.postings import PostingsScreen

        self.push_screen(PostingsScreen())
        self.call_after_refresh(self._started)

    def _started(self) -> None:
        """The first screen is painted: now the store, in a thread worker when the screen
        came from the list index (parsing and checking every row in the event loop held
        the keys ~1 s at 20,000 postings; the postings screen's poll redraws the list if
        the store has moved on since), then the collector and the reminders."""
        if self._store is None and self._loading is None:
            self._loading = Future()
            self.run_worker(partial(self._load, self._loading), name="open the store", thread=True, exit_on_error=False)
        else:
            self._opened()

    def _load(self, loading: Future[Store]) -> None:
        """In the worker thread: nothing but the new Store is touched here."""
        try:
            with in_worker():
                store = self._open_store()
                with suppress(StoreError):  # a row this version cannot use: the first save says so, as before
                    store.check_rows()
            loading.set_result(store)
        except BaseException as exc:  # handed over whole: `store` raises it where the store is needed
            loading.set_exception(exc)
        if self.is_running:
            self.call_from_thread(self._opened)

    def _opened(self) -> None:
        if self._store is None:
            try:
                self._store = self.store
            except StoreError as exc:
                self.failure = exc
                self.exit()
                return
        if not gc.isenabled():  # paused by `run_app`
            gc.freeze()
            gc.enable()
        carried = carry_theme(self.store, self.config)
        if carried is not None and carried in self.available_themes:
            self.theme = carried
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
        try:
            save_theme(theme.name, self.config)
        except ConfigError as exc:
            self.notify(str(exc), title="Theme not remembered", severity="error", markup=False)
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

    def settings(self) -> Config:
        """The config file's settings, or the defaults when it is broken: the reminder checker says what is wrong."""
        try:
            return load_config(self.config)
        except ConfigError:
            return Config()

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
