"""How the postings table's columns share the terminal's width.

Pure functions of a width and of how long the longest texts are, so they are
tested without a terminal. The countdowns are the point of the list: Title,
Employer, Status, Deadline and Next interview are shown at any width that
can hold them (80 columns can), the title taking what is left and ending in
"…" when it does not fit. Room beyond that goes, in turn, to a longer
employer, the dates beside the countdowns ("6 weeks · 15 Jan 12:00"), the
location and the salary, each only while the title keeps a comfortable width.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from jobtrack.core.countdown import countdown
from jobtrack.core.listing import Line

PADDING = 2  # a DataTable cell's padding, one column each side

LABELS = {
    "title": "Title",
    "employer": "Employer",
    "status": "Status",
    "deadline": "Deadline",
    "interview": "Next interview",
    "location": "Location",
    "salary": "Salary",
}
ORDER = tuple(LABELS)  # the first five keep their places at every width; extras follow

TITLE_LEAST = 10
TITLE_COMFORT = 30  # extras are added only while the title keeps this much (or all it needs)
EMPLOYER = (10, 24)  # shortened to the first, grown to the second when there is room
STATUS = len("interviewing")
COUNTDOWN = len("tomorrow 09:00")
DATED = len("yesterday · 22 Nov 12:00")  # a countdown with its date beside it
EXTRA = (8, 20)  # location and salary: shown from the first width, grown up to the second


@dataclass(frozen=True)
class Needs:
    """The longest text of each column that varies in length (0: nothing to show there)."""

    title: int
    employer: int
    location: int = 0
    salary: int = 0

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Needs:
        """Of every posting's line (one pass a column: this runs before the first paint)."""
        def longest(texts: Iterable[str]) -> int:
            return max(map(len, texts), default=0)

        return cls(longest(line.title for line in lines), longest(line.employer for line in lines),
                   longest(line.location.strip() for line in lines), longest(line.salary.strip() for line in lines))


@dataclass(frozen=True)
class Layout:
    """The columns shown, in order, each with the width of its text (padding not counted)."""

    widths: tuple[tuple[str, int], ...]
    dated: bool  # the countdowns have their dates beside them

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.widths)

    def width(self, key: str) -> int:
        return dict(self.widths).get(key, 0)


def layout(width: int, needs: Needs) -> Layout:
    """The columns for a table `width` columns wide (its scrollbar already taken off)."""
    employer_least, employer_most = EMPLOYER
    employer_most = max(employer_least, min(employer_most, needs.employer))
    widths = {"employer": employer_least, "status": STATUS, "deadline": COUNTDOWN, "interview": COUNTDOWN}
    title_need = max(len(LABELS["title"]), needs.title)
    comfort = min(TITLE_COMFORT, title_need)

    def spare() -> int:
        """What the title would have beyond its comfortable width."""
        return width - sum(w + PADDING for w in widths.values()) - PADDING - comfort

    def grow(key: str, least: int, most: int) -> None:
        """Give `key` up to `most` from the spare room, if at least `least` fits."""
        have = widths.get(key)
        room = spare() - (PADDING if have is None else 0) + (have or 0)
        if room >= least:
            widths[key] = max(have or 0, min(most, room))

    grow("employer", employer_least, min(employer_most, 16))
    dated = spare() >= 2 * (DATED - COUNTDOWN)
    if dated:
        widths["deadline"] = widths["interview"] = DATED
    grow("employer", employer_least, employer_most)
    for key, need in (("location", needs.location), ("salary", needs.salary)):
        if need:
            least, most = EXTRA
            grow(key, min(least, need), min(most, need))
    title = max(TITLE_LEAST, min(title_need, spare() + comfort))
    if spare() + comfort < TITLE_LEAST:  # narrower than the essentials: the employer gives way first
        widths["employer"] = max(len("Employer") // 2, widths["employer"] - (TITLE_LEAST - spare() - comfort))
    widths["title"] = title
    return Layout(tuple((key, widths[key]) for key in ORDER if key in widths), dated)


def when(moment: datetime, now: datetime, timed: bool, dated: bool) -> str:
    """A Deadline or Next interview cell: the countdown, with its date beside it if `dated`.

    A moment gone by reads "3 days ago", not "closed 3 days ago": the Status
    column says whether the posting closed, and the room is better spent."""
    left = countdown(moment, now, timed).removeprefix("closed ")
    if not dated or left == moment.strftime("%Y-%m-%d"):  # far ahead, the countdown is the date
        return left
    near = abs((moment.date() - now.date()).days) <= 1  # "today 12:00", "in 3 h": the hour is there already
    day = f"{moment.day} {moment:%b}"
    return f"{left} · {day}" if near or not timed else f"{left} · {day} {moment:%H:%M}"
