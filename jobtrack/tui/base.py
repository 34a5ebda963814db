"""What every part of the app shares: the running app, typed (`InJobtrack.jt`), and one way to follow the store (`StoreWatch`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

    from jobtrack.store.journal import Stamp
    from jobtrack.tui.app import JobtrackApp


class _InApp(Protocol):
    @property
    def app(self) -> App[Any]: ...


class InJobtrack:
    """Mixin for screens and palette providers: `jt` is the JobtrackApp they run in, with its store and clock."""

    @property
    def jt(self: _InApp) -> JobtrackApp:
        return cast("JobtrackApp", self.app)


class StoreWatch:
    """Following the store: `changed` runs once the store moved on from what was `mark`ed, whichever process saved.

    Every screen that shows records polls this way, every `poll_interval`: the
    store's stamp is a stat of its file and journal, cheap enough to ask often.
    `also` is a reason of the owner's own to run `changed` (the agenda's midnight).
    """

    def __init__(self, app: JobtrackApp, changed: Callable[[], object], also: Callable[[], bool] | None = None) -> None:
        self.app = app
        self.changed = changed
        self.also = also
        self.seen: Stamp | None = None  # the store version shown; None: unknown, the next poll reloads

    def start(self, owner: MessagePump) -> None:
        owner.set_interval(self.app.poll_interval, self.poll)

    def mark(self, stamp: Stamp | None = None) -> None:
        """What is shown is the store as of `stamp` (taken before reading it), or as of now."""
        self.seen = self.app.store.stamp() if stamp is None else stamp

    def forget(self) -> None:
        self.seen = None

    def poll(self) -> None:
        if not self.app.store_open:
            return  # still loading behind the first screen: asking would wait for it, keys with it
        if self.app.store.stamp() != self.seen or (self.also is not None and self.also()):
            self.changed()
