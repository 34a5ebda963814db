"""A screen drawn from the whole store that redraws when any process saved, or when midnight passed."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from jobtrack.tui.app import JobtrackApp


class FollowingScreen(Screen[None]):
    """Subclasses draw in `reload`, starting it with `read_now`, and call `follow` once mounted."""

    def __init__(self) -> None:
        super().__init__()
        self._stamp: Any = None
        self._today: date | None = None

    @property
    def jt(self) -> JobtrackApp:
        return cast("JobtrackApp", self.app)

    def follow(self) -> None:
        """Not `on_mount`: Textual calls every class's handler, and a subclass's own would run this twice."""
        self.set_interval(self.jt.poll_interval, self.poll)

    def poll(self) -> None:
        if self.jt.store.stamp() != self._stamp or self.jt.now().date() != self._today:
            self.reload()

    def read_now(self) -> datetime:
        """Note the store version and the day being drawn; "now" for the drawing."""
        self._stamp = self.jt.store.stamp()
        now = self.jt.now()
        self._today = now.date()
        return now

    def reload(self) -> None:
        raise NotImplementedError
