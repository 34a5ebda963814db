"""Reminders in the app: notifications as they fall due, and a panel to dismiss or snooze them.

`ReminderWatch` delivers on start, every minute and whenever the store
changes, each reminder once (marked shown in the store, so a cron job and
the app never both show it). Finding what is due runs in a thread worker,
so keys typed meanwhile are not held up. The timing is in `jobtrack.app.reminders`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, get_current_worker

from jobtrack.app.config import ConfigError, ReminderRules, load_config
from jobtrack.app.reminder_service import Found, Reminding
from jobtrack.app.reminders import Reminder, snooze_until
from jobtrack.core.zones import aware, local_zone
from jobtrack.store import StoreError, StoreLocked
from jobtrack.store.store import Records, holding, store_lock
from jobtrack.tui.base import InJobtrack, StoreWatch
from jobtrack.tui.threads import in_worker

if TYPE_CHECKING:
    from jobtrack.tui.app import JobtrackApp

EVERY = 60.0  # seconds between checks when nothing changes
GROUP = "reminders"  # the workers of the checks
SEPARATE = 3  # at most this many reminders due at once are shown one by one; more are grouped
LOCK_WAIT = 1.0  # seconds a check waits for another process's lock (closing the app waits for a check)


class ReminderWatch:
    """Delivers due reminders as notifications while the app runs.

    A check reads every posting (~1.4 s at 20,000), so it runs in a thread
    worker, on a copy of the app's Store's tables (`Store.records`: ~10 ms
    to take at 20,000; `Store` itself is not thread-safe, so the worker never
    touches it). A Store of its own, as before, parsed the whole file in
    the worker: the parser holds the GIL, so the event loop stalled as long,
    and the file's memory was taken twice. The worker waits for the store's
    lock (a lock of its own: filelock's lock is per instance, not per
    process) so that a check meets another process's save in the worker,
    not in the delivery on the UI thread.

    Only the delivery runs on the UI thread: one short transaction that
    marks the found reminders shown unless the store changed meanwhile
    (`Reminding.deliver_found`; then the check runs again), the
    notifications, and the panel. A check started while one runs cancels
    it; a cancelled check (or one still running when the app closes) marks
    nothing, so its reminders come with the next check.
    """

    def __init__(self, app: JobtrackApp) -> None:
        self.app = app
        try:
            rules = load_config(app.config).reminders
        except ConfigError as exc:
            app.notify(str(exc), title="Config file not used", severity="error", markup=False)
            rules = ReminderRules()
        self.reminding = Reminding(app.store, rules, local_zone())
        self.store_watch = StoreWatch(app, self.check)  # the store version last checked

    def start(self) -> None:
        self.check()
        self.app.set_interval(EVERY, self.check)
        self.store_watch.start(self.app)

    def check(self) -> None:
        """Find what is due now in a thread worker; `_deliver` shows it."""
        self.store_watch.mark()
        store = self.app.store
        find = partial(self._find, store.path, store.records(), self.app.now())
        self.app.run_worker(find, name="reminder check", group=GROUP, thread=True, exclusive=True)

    def _find(self, path: Path, records: Records, now: datetime) -> None:
        """In the worker thread: only the copied records, a lock of its own and immutable data are touched here."""
        worker = get_current_worker()
        found: Found | None = None
        try:
            with holding(store_lock(path, LOCK_WAIT), path), in_worker():
                if not worker.is_cancelled:
                    found = self.reminding.find(now, records)
        except StoreError:
            pass  # locked or damaged: the next poll tries again, and the app's own reads report damage
        if not worker.is_cancelled:
            self.app.call_from_thread(self._deliver, worker, found)

    def _deliver(self, worker: Worker[None], found: Found | None) -> None:
        if worker.is_cancelled:  # a newer check runs, or the app is closing: nothing is marked shown
            return
        try:
            shown = None if found is None else self.reminding.deliver_found(found)
        except StoreLocked:
            found = shown = None
        if found is None:  # the store was locked or unreadable: the poll tries again in a moment
            self.store_watch.forget()
            return
        if shown is None:  # the store changed while the worker read it
            self.check()
            return
        self.store_watch.mark()
        if len(shown) > SEPARATE:  # after a while away: one notification, the panel has the list
            late = sum(r.late for r in shown)
            self.app.notify(
                f"{len(shown)} reminders{f' ({late} late)' if late else ''} — press r", title="Reminders",
                severity="warning" if late else "information", timeout=15, markup=False,
            )
        else:
            for r in shown:
                self.app.notify(
                    r.text, title="Reminder (late)" if r.late else "Reminder",
                    severity="warning" if r.late else "information", timeout=15, markup=False,
                )
        if shown:
            for screen in self.app.screen_stack:
                if isinstance(screen, RemindersScreen):
                    screen.reload()


class SnoozeDialog(ModalScreen[str | None]):
    """Until when: an hour, tomorrow morning, next week, or a typed date; gives back what
    `Reminding.snooze` reads. For a reminder not due yet all count from when it is due."""

    CSS_PATH = "reminders.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, now: datetime, rules: ReminderRules, due: datetime | None = None) -> None:
        super().__init__()
        self.now = now
        self.rules = rules
        self.due = due  # local wall time

    def compose(self) -> ComposeResult:
        morning = f"{self.rules.morning:%H:%M}"
        later = self.due is not None and self.due > self.now
        day = max(self.now, self.due or self.now).date()
        tomorrow, week = (day + timedelta(days=1)).isoformat(), (day + timedelta(days=7)).isoformat()
        with Vertical(classes="dialog", id="snooze-dialog"):
            yield Label("Snooze until", classes="dialog-title")
            yield OptionList(
                Option("1 hour after it is due" if later else "In 1 hour", id="1h"),
                Option(f"The day after, {morning}" if later else f"Tomorrow {morning}", id=tomorrow),
                Option(f"A week after, {morning}" if later else f"In a week, {morning}", id=week),
                id="snooze-choices",
            )
            yield Input(placeholder="or type a date: 16/3 14:00, fredag, 2h", id="snooze-when")
            yield Static("", id="snooze-error", markup=False)

    def _until(self, text: str) -> None:
        try:
            snooze_until(text, self.now, self.rules.morning, self.due)
        except ValueError as exc:
            self.query_one("#snooze-error", Static).update(str(exc))
            return
        self.dismiss(text)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or "1h")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._until(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RemindersScreen(InJobtrack, Screen[None]):
    """Due, snoozed and upcoming reminders; d dismisses, s snoozes."""

    CSS_PATH = "reminders.tcss"
    BINDINGS = [
        Binding("d", "dismiss_reminder", "Dismiss"),
        Binding("s", "snooze", "Snooze"),
        Binding("escape,r", "close", "Back"),
    ]

    def __init__(self, watch: ReminderWatch) -> None:
        super().__init__()
        self.reminder_watch = watch
        self.reminders: list[Reminder] = []

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="reminders")
        table.add_column("When", key="when")
        table.add_column("State", key="state")
        table.add_column("Reminder", key="text")
        yield table
        yield Static("No reminders due or coming up in the next 7 days.", id="no-reminders", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Reminders"
        self.reload()
        self.query_one(DataTable).focus()

    def reload(self) -> None:
        now = self.jt.now()
        tz = self.reminder_watch.reminding.tz
        at = aware(now, tz)
        self.reminders = self.reminder_watch.reminding.pending(now)
        table: DataTable[Text] = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for r in self.reminders:
            if r.snoozed is not None:
                state = Text("snoozed", style="italic")
            elif r.due > at:
                state = Text("upcoming", style="dim")
            else:
                state = Text("due" if not r.shown else "shown", style="bold" if not r.shown else "")
            table.add_row(Text(f"{r.local_due(tz):%a %d %b %H:%M}"), state, Text(r.text), key=r.key)
        if self.reminders:
            table.move_cursor(row=min(row, len(self.reminders) - 1))
        self.query_one("#no-reminders").display = not self.reminders
        table.display = bool(self.reminders)

    def _selected(self) -> Reminder | None:
        table = self.query_one(DataTable)
        if not self.reminders:
            return None
        return self.reminders[min(table.cursor_row, len(self.reminders) - 1)]

    def action_dismiss_reminder(self) -> None:
        r = self._selected()
        if r is None:
            return
        self.reminder_watch.reminding.dismiss(self.jt.now(), r.key)
        self.notify("Dismissed", timeout=2)
        self.reload()

    def action_snooze(self) -> None:
        r = self._selected()
        if r is None:
            return

        def chosen(when: str | None) -> None:
            if when is not None:
                _, until = self.reminder_watch.reminding.snooze(self.jt.now(), r.key, when)
                self.notify(f"Snoozed until {until:%a %d %b %H:%M}", timeout=2)
                self.reload()

        reminding = self.reminder_watch.reminding
        due = r.local_due(reminding.tz).replace(tzinfo=None)
        self.app.push_screen(SnoozeDialog(self.jt.now(), reminding.rules, due), chosen)

    def action_close(self) -> None:
        self.app.pop_screen()
