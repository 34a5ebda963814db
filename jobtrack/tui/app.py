"""The jobtrack terminal app: `JobtrackApp` and the `run_app` entry point."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from jobtrack.store.store import Store
from jobtrack.tui.themes import DEFAULT_THEME, load_themes

URGENCY_DEFAULTS = {"urgent": "#e5484d", "soon": "#f5a524", "later": "#6cb6ff"}


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class JobtrackApp(App[None]):
    TITLE = "jobtrack"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("t", "next_theme", "Theme", tooltip="Switch to the next theme"),
        Binding("ctrl+q", "quit", "Quit", show=True, priority=True),
    ]

    def __init__(
        self,
        store: Store,
        now: Callable[[], datetime] = _now,
        poll_interval: float = 1.0,
        theme_folders: list[Path] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.now = now
        self.poll_interval = poll_interval
        self.theme_folders = theme_folders

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(URGENCY_DEFAULTS)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from jobtrack.tui.screens.postings import PostingsScreen

        if isinstance(screen, PostingsScreen):
            yield SystemCommand("Add posting", "Read a URL, a file or pasted text", screen.action_add)
            yield SystemCommand("Search postings", "Filter by title or employer", screen.action_search)
            yield SystemCommand("Filter by status", "Cycle through the statuses", screen.action_filter)
            yield SystemCommand("Undo delete", "Bring back the last deleted posting", screen.action_undo)
            yield SystemCommand("Agenda", "The weekly review, a month calendar and the pipeline (w)", screen.action_agenda)
        yield SystemCommand("Next theme", "Switch to the next colour theme", self.action_next_theme)
        yield SystemCommand("Keys", "Every key binding", self.action_show_keys)

    def action_show_keys(self) -> None:
        from jobtrack.tui.screens.dialogs import HelpScreen

        self.push_screen(HelpScreen())

    def on_mount(self) -> None:
        errors = load_themes(self, self.theme_folders)
        if errors:
            self.notify("\n".join(errors), title="Some themes did not load", severity="error", markup=False)
        wanted = self.store.meta().get("theme") or DEFAULT_THEME
        if wanted not in self.available_themes:
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self.theme = wanted
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        from jobtrack.tui.screens.postings import PostingsScreen

        self.push_screen(PostingsScreen())

    def _remember_theme(self, theme: Theme) -> None:
        if self.store.meta().get("theme") != theme.name:
            self.store.set_meta("theme", theme.name)
        self.refresh_postings()

    def refresh_postings(self) -> None:
        from jobtrack.tui.screens.postings import PostingsScreen

        for screen in self.screen_stack:
            if isinstance(screen, PostingsScreen):
                screen.reload()

    def action_next_theme(self) -> None:
        names = sorted(self.available_themes)
        ours = [n for n in names if not n.startswith("textual-")] + [n for n in names if n.startswith("textual-")]
        index = ours.index(self.theme) if self.theme in ours else -1
        self.theme = ours[(index + 1) % len(ours)]
        self.notify(f"Theme: {self.theme}", timeout=2)


def run_app(db_path: Path) -> int:
    store = Store(db_path)
    JobtrackApp(store).run()
    return 0
