"""Regenerate the guide's screenshots: docs/screenshots/<screen>.svg.

Run: .venv/bin/python docs/screenshots.py [NAME ...]

Builds a demo store in a temporary folder, runs the real app headless at a
fixed clock and size (100×30, or the shot's own), drives it with Pilot and
saves one SVG per screen, so the pictures in docs/guide.md can be redone
after any change to the UI. Given names, only those shots are redone.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import cast

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from textual.pilot import Pilot  # noqa: E402
from textual.widgets import TextArea  # noqa: E402

from jobtrack.store.locations import bundled_themes_dir  # noqa: E402
from jobtrack.core.model import Contact, Event, EventKind, Posting, Status, StatusChange  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402

OUT = REPO / "docs" / "screenshots"
NOW = datetime(2026, 11, 23, 10, 0)
SIZE = (100, 30)

PASTED = """Senior Backend Engineer
Northwind Labs is hiring a Senior Backend Engineer in Copenhagen.

Apply by 15 December 2026.
First interviews will be held on 7 January 2027.

Questions? Contact Anna Berg, Engineering Manager, on +45 24 81 00 46 or anna@northwind.example.
"""

Script = Callable[[Pilot[None]], Awaitable[None]]


def clock() -> datetime:
    return NOW


def demo_store(path: Path) -> Store:
    store = Store(path)
    day = datetime(2026, 11, 1, 9, 0)
    store.add(Bundle(
        Posting("Backend developer", employer="Fjordbank", location="Copenhagen", deadline=date(2026, 11, 30),
                deadline_time=time(12, 0), salary="Per agreement", hours="37 hours", url="https://example.com/job/1",
                tags=["python", "hybrid"], created=day),
        contacts=[Contact("Mette Holm", role="Team lead", phone="+45 24 81 00 46", email="mh@fjordbank.example")],
        text="Fjordbank is looking for a backend developer.\n\nApply by 30 November 2026 at 12:00.",
    ))
    analyst = store.add(Bundle(
        Posting("Data analyst", employer="Birch & Co", location="Aarhus", created=day),
        contacts=[Contact("Jonas Birk", role="HR partner", email="jobs@birch.example")],
    ))
    assert analyst.id is not None
    store.set_status(analyst.id, Status.APPLIED, "CV and letter sent", at=datetime(2026, 11, 5, 14, 0))
    store.add_event(Event(analyst.id, EventKind.INTERVIEW, day=date(2026, 11, 24), time=time(9, 0),
                          label="First interview", place="Birch & Co, Aarhus"))
    store.add_event(Event(analyst.id, EventKind.CASE, label="Case assignment"))
    store.add(Bundle(Posting("UX designer", employer="Ember A/S", deadline=date(2026, 11, 24), created=day)))
    store.add(Bundle(Posting("Project manager", employer="Region Nord", deadline=date(2026, 12, 18), created=day)))
    store.add(Bundle(Posting("Controller", employer="Vestby Kommune", deadline=date(2026, 11, 1), created=day)))
    store.add(Bundle(Posting("IT consultant", employer="Netfirma", status=Status.REJECTED, created=day)))
    store.add(Bundle(Posting(
        "Senior software engineer (m/f/d) for distributed payment systems and security",
        employer="Nordisk Betalingsformidling A/S", location="Copenhagen", salary="DKK 55,000 a month",
        deadline=date(2027, 1, 15), deadline_time=time(12, 0), created=day,
    )))
    return store


async def nothing(pilot: Pilot[None]) -> None:
    await pilot.pause()


async def search(pilot: Pilot[None]) -> None:
    await pilot.press("slash", *"bank")
    await pilot.pause()


async def detail(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def add(pilot: Pilot[None]) -> None:
    await pilot.press("a")
    await pilot.pause()
    pilot.app.screen.query_one("#paste", TextArea).load_text(PASTED)
    pilot.app.screen.action_read()  # type: ignore[attr-defined]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.3)
    screen = pilot.app.screen
    screen.query_one("#add-body").scroll_to_widget(screen.query_one("#form"), top=True, animate=False)
    await pilot.pause()


async def facts(pilot: Pilot[None]) -> None:
    """Save the pasted posting, open it and show its text with the facts marked."""
    await add(pilot)
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    pilot.app.screen.query_one("#detail").scroll_end(animate=False)
    await pilot.pause()


async def edit(pilot: Pilot[None]) -> None:
    await pilot.press("down", "e")
    await pilot.pause()


async def status(pilot: Pilot[None]) -> None:
    await pilot.press("s")
    await pilot.pause()


async def help_keys(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")
    await pilot.pause()


async def palette(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"birch")
    await pilot.pause(0.5)


async def agenda(pilot: Pilot[None]) -> None:
    await pilot.press("w")
    await pilot.pause()


async def month(pilot: Pilot[None]) -> None:
    await agenda(pilot)
    await pilot.press("m")
    await pilot.pause()


async def pipeline(pilot: Pilot[None]) -> None:
    await agenda(pilot)
    await pilot.press("p")
    await pilot.pause()


async def hunt(pilot: Pilot[None]) -> None:
    """Six weeks of applications (added to the demo store here, so the other shots keep their list) and a target."""
    config = Path(tempfile.mkdtemp()) / "config.toml"
    config.write_text("[hunt]\nweekly_target = 3\n", encoding="utf-8")
    os.environ["JOBTRACK_CONFIG"] = str(config)
    store = cast(JobtrackApp, pilot.app).store
    sources = ("job-board", "network", "job-board", "direct", "recruiter", "job-board")
    for n, sent in enumerate((3, 5, 8, 10, 12, 16, 17, 19, 24, 25, 26, 31, 33, 38)):
        at = datetime(2026, 10, 12, 10, 0) + timedelta(days=sent)
        history = [StatusChange(Status.SAVED, at - timedelta(days=2)), StatusChange(Status.APPLIED, at)]
        if n % 3 == 0:
            history.append(StatusChange(Status.REJECTED if n % 2 else Status.INTERVIEWING, at + timedelta(days=3 + n % 4)))
        store.add(Bundle(Posting(f"Application {n + 1}", employer="Demo", source=sources[n % len(sources)],
                                 status=history[-1].status, history=history, created=at - timedelta(days=2))))
    await pilot.press("h")
    await pilot.pause()


async def reminders(pilot: Pilot[None]) -> None:
    await pilot.press("r")
    await pilot.pause()


SIZES = {"postings-80x24": (80, 24), "postings-wide": (160, 30)}  # the shots not taken at SIZE
SHOTS: dict[str, tuple[bool, Script]] = {
    "empty": (False, nothing),
    "postings": (True, nothing),
    "postings-80x24": (True, nothing),
    "postings-wide": (True, nothing),
    "search": (True, search),
    "detail": (True, detail),
    "add": (True, add),
    "facts": (True, facts),
    "edit": (True, edit),
    "status": (True, status),
    "help": (True, help_keys),
    "palette": (True, palette),
    "agenda": (True, agenda),
    "month": (True, month),
    "pipeline": (True, pipeline),
    "reminders": (True, reminders),
    "hunt": (True, hunt),
}


async def shoot(name: str, filled: bool, script: Script, folder: Path) -> Path:
    store = demo_store(folder / f"{name}.json") if filled else Store(folder / f"{name}.json")
    # Reminder pop-ups would cover the screens; the reminders panel has its own shot.
    app = JobtrackApp(store, now=clock, poll_interval=3600, theme_folders=[bundled_themes_dir()], remind=False)
    async with app.run_test(size=SIZES.get(name, SIZE)) as pilot:
        await pilot.pause()
        await script(pilot)
        return Path(app.save_screenshot(f"{name}.svg", str(OUT)))


async def main(names: list[str]) -> None:
    unknown = set(names) - set(SHOTS)
    if unknown:
        raise SystemExit(f"no such shot: {', '.join(sorted(unknown))} (shots: {', '.join(SHOTS)})")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, (filled, script) in SHOTS.items():
            if not names or name in names:
                print(await shoot(name, filled, script, Path(tmp)))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
