"""The command palette: every action of the current screen, and a jump to any posting."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from jobtrack.core.listing import in_order, posting_name
from jobtrack.tui.base import InJobtrack

if TYPE_CHECKING:
    from jobtrack.tui.app import JobtrackApp

# Actions the palette already offers in its own words, or that make no sense there.
SKIP_ACTIONS = {"quit", "command_palette"}
# Postings offered before anything is typed: the ones that come next, as in the list.
DISCOVERED = 5


def key_name(binding: Binding) -> str:
    """How a binding's key is written in help and in the palette."""
    return binding.key_display or binding.key.replace("question_mark", "?").replace("slash", "/")


def bindings_of(owner: type | object) -> Iterator[Binding]:
    entries: Iterable[BindingType] = getattr(owner, "BINDINGS", [])
    for b in entries:
        if isinstance(b, Binding):
            yield b


def binding_commands(screen: Screen[object], app: JobtrackApp) -> Iterator[SystemCommand]:
    """A palette command for every binding of the screen and the app, made from the bindings themselves."""
    seen: set[str] = set()
    for owner in (screen, app):
        for b in bindings_of(owner):
            if b.action in SKIP_ACTIONS or b.action in seen:
                continue
            seen.add(b.action)
            help_text = f"{b.tooltip or b.description}  (key: {key_name(b)})"
            yield SystemCommand(b.description, help_text, partial(owner.run_action, b.action))


class PostingsProvider(InJobtrack, Provider):
    """Jump to a posting by title or employer; choosing one opens its detail screen."""

    async def startup(self) -> None:
        app = self.jt
        _, lines = app.lines()
        self.choices = [(posting_name(line), line.id) for line in in_order(lines, app.now())]

    def _open(self, ident: int) -> None:
        self.jt.open_posting(ident)

    async def discover(self) -> Hits:
        for text, ident in self.choices[:DISCOVERED]:
            yield DiscoveryHit(Content(text), partial(self._open, ident), text=text, help="Open this posting")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, ident in self.choices:
            score = matcher.match(text)
            if score > 0:
                # Content(text), not matcher.highlight: that would read the title as markup.
                yield Hit(score, Content(text), partial(self._open, ident), text=text, help="Open this posting")

