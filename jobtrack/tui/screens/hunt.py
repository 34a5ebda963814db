"""The hunt over time: applications per week against the weekly target, drawn as bars.

The same numbers and layout as `jobtrack stats --weeks N` (`jobtrack.app.hunt`),
coloured: a week that met the target is drawn in the success colour, the
dots show how far a week fell short of it. `+` and `-` show more or fewer
weeks. The screen follows the store like the agenda.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from jobtrack.app import hunt
from jobtrack.tui.base import InJobtrack, StoreWatch

WEEKS = 8  # shown at first: two months fit 24 rows with the summary under them
STEP = 4
MOST = 104
WIDEST = 100  # wider, the bars push the answers too far from their week


class HuntScreen(InJobtrack, Screen[None]):
    CSS_PATH = "hunt.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("plus", "weeks(4)", "More weeks", key_display="+"),
        Binding("minus", "weeks(-4)", "Fewer weeks", key_display="-"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.weeks = WEEKS
        self._today: date | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="hunt-scroll"):
            yield Static(id="hunt", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.store_watch.start(self)
        self.reload()
        self.query_one("#hunt-scroll").focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self.reload)

    @cached_property
    def store_watch(self) -> StoreWatch:
        """Redraw when any process saved, or when a new week may have begun (midnight)."""
        return StoreWatch(self.jt, self.reload, also=lambda: self.jt.now().date() != self._today)

    def reload(self) -> None:
        store = self.jt.store
        self.store_watch.mark()
        now = self.jt.now()
        self._today = now.date()
        found = hunt.hunt(store.postings(), store.events(), now, self.weeks, self.jt.settings().hunt.weekly_target)
        self.sub_title = f"The hunt · {self.weeks} weeks"
        self.query_one("#hunt", Static).update(self._draw(found))

    def _draw(self, h: hunt.Hunt) -> Text:
        # the text's own width once laid out (inside the padding and the scroll bar); a guess before that
        width = min(max(self.query_one("#hunt", Static).content_size.width or self.size.width - 6, 40), WIDEST)
        colours = self.app.theme_variables
        out = Text(no_wrap=True, overflow="crop")
        out.append(hunt.title(h), style="bold")
        target = f"target {h.target} a week" if h.target else "no weekly target ([hunt] weekly_target in the config file)"
        out.append(f"\n{target}\n\n", style="dim")
        out.append(hunt.week_head(width) + "\n", style="bold")
        for w in h.weeks:
            head, drawn, short, tail = hunt.week_parts(w, h, width)
            out.append(head[:-2])
            out.append(head[-2:-1], style=colours.get("success", ""))  # the mark of a week that met the target
            out.append(head[-1:])
            out.append(drawn, style=colours.get("success" if w.met(h.target) else "primary", ""))
            out.append(short, style=colours.get("warning", "") or "dim")
            out.append(tail.rstrip() + "\n")
        out.append("\n" + "\n".join(hunt.summary_lines(h)) + "\n\n")
        sources = hunt.source_lines(h)
        out.append(sources[0] + "\n", style="bold")
        out.append("\n".join(sources[1:]))
        return out

    def action_weeks(self, change: int) -> None:
        self.weeks = min(max(self.weeks + change, STEP), MOST)
        self.reload()

    def action_back(self) -> None:
        self.dismiss(None)
