"""What the Pilot tests of the TUI share: a store of three postings, a fixed
clock, and the steps of opening the Add dialog, a detail screen or the palette."""


from __future__ import annotations

import io
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime, time
from pathlib import Path

from jobtrack.core.model import Contact, Event, EventKind, Posting, Status, StatusChange
from jobtrack.store.locations import bundled_themes_dir
from jobtrack.store.store import Bundle, Store
from jobtrack.tui.app import JobtrackApp
from rich.console import Console
from textual.command import CommandList
from textual.widgets import DataTable, Static, TextArea

NOW = datetime(2026, 11, 23, 10, 0)

NOW = datetime(2026, 11, 23, 10, 0)


def clock() -> datetime:
    return NOW


def fill(store: Store) -> None:
    store.add(Bundle(
        Posting("Backend developer", employer="Fjordbank", deadline=date(2026, 11, 30),
                url="https://example.com/job/1", created=datetime(2026, 11, 1, 9, 0)),
        contacts=[Contact("Mette Holm", role="Team lead", phone="+4524810046", email="mh@fjordbank.dk")],
        text="We need a backend developer. [bold]not markup[/bold]",
    ))
    applied = store.add(Bundle(
        Posting("Data analyst", employer="Birch & Co", status=Status.APPLIED, created=datetime(2026, 11, 2, 9, 0)),
    ))
    assert applied.id is not None
    store.add_event(Event(applied.id, EventKind.INTERVIEW, day=date(2026, 11, 24), time=time(9, 0), label="First interview"))
    store.add(Bundle(
        Posting("Jurist [red]x[/red]", employer="Ember A/S", deadline=date(2026, 11, 1),
                created=datetime(2026, 10, 1, 9, 0)),
    ))


LONG_TITLE = "Senior software engineer (m/f/d) for distributed payment systems and security"  # 77, as real ones are


def fill_long(store: Store) -> None:
    """The three postings of `fill` and one with a long title, a long employer, a place and pay."""
    fill(store)
    store.add(Bundle(Posting(
        LONG_TITLE, employer="Nordisk Betalingsformidling A/S", location="Copenhagen", salary="DKK 55,000 a month",
        deadline=date(2027, 1, 15), deadline_time=time(12, 0), created=datetime(2026, 11, 3, 9, 0),
    )))


def make_app(store: Store) -> JobtrackApp:
    return JobtrackApp(store, now=clock)


def titles(app: JobtrackApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


POSTING_TEXT = """Senior Backend Engineer
Northwind Labs is hiring a Senior Backend Engineer in Copenhagen.

Apply by 15 December 2026.
First interviews will be held on 7 January 2027.

Questions? Contact Anna Berg, Engineering Manager, on +45 24 81 00 46 or anna@northwind.example.
"""


async def open_add(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    await pilot.pause()


async def read_pasted(app: JobtrackApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """In the open Add dialog: paste the sample posting, read it and wait for the form."""
    app.screen.query_one("#paste", TextArea).load_text(POSTING_TEXT)
    app.screen.action_read()  # type: ignore[attr-defined]
    await wait_form(app, pilot)


async def wait_form(app: JobtrackApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    for _ in range(20):
        await pilot.pause(0.05)
        if app.screen.query("#f-title") or app.screen.query_one("#add-error").display:
            return


async def palette_choose(app: JobtrackApp, pilot, typed: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the palette, type, and return the offered prompts before pressing enter on the first."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed)
    for _ in range(40):
        await pilot.pause(0.05)
        offered = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
        if offered:
            break
    await pilot.press("enter")
    await pilot.pause()
    return offered


async def open_first_detail(app: JobtrackApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Opens "Backend developer" (id 1), second in the table."""
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "DetailScreen"


def shown(app: JobtrackApp, selector: str) -> str:
    """The text a Static shows, whatever Rich renderable it holds."""
    console = Console(width=200, file=io.StringIO())
    with console.capture() as capture:
        console.print(app.screen.query_one(selector, Static).content)
    return capture.get()


def cells(app: JobtrackApp, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def fill_agenda(store: Store) -> None:
    """The postings screen's data plus a week with something in every part."""
    fill(store)  # 1 Backend developer (deadline 30/11), 2 Data analyst (interview 24/11 9:00), 3 closed Jurist
    store.add_contact(Contact("Jette Hansen", phone="+4530456405", posting_ids=[2]))
    store.add(Bundle(Posting(
        "Sent a while ago", employer="Acme", status=Status.APPLIED, created=datetime(2026, 11, 4, 9, 0),
        history=[StatusChange(Status.SAVED, datetime(2026, 11, 4, 9, 0)), StatusChange(Status.APPLIED, datetime(2026, 11, 5, 9, 0))],
    )))
    store.add(Bundle(Posting(
        "Nurse [b]nights[/b]", employer="Region [i]Midt[/i]", status=Status.REJECTED, created=datetime(2026, 11, 2, 9, 0),
        history=[StatusChange(Status.APPLIED, datetime(2026, 11, 3, 9, 0)), StatusChange(Status.REJECTED, datetime(2026, 11, 20, 14, 0))],
    )))
    teacher = store.add(Bundle(Posting("Teacher", employer="Viborg Skole", deadline=date(2026, 12, 10), created=datetime(2026, 11, 21, 9, 0))))
    assert teacher.id is not None
    store.add_event(Event(teacher.id, EventKind.CALL, day=date(2026, 12, 3), time=time(14, 0), label="Call Jette"))


def snapshot_app(tmp_path: Path, filler: Callable[[Store], object] = fill) -> JobtrackApp:
    """Fixed clock, bundled themes, no polling and no reminder pop-ups over the screen."""
    store = Store(tmp_path / "jobs.json")
    filler(store)
    return JobtrackApp(store, now=clock, poll_interval=3600, theme_folders=[bundled_themes_dir()], remind=False)


# A posting whose deadline ("before 15/12", no year) and interview ("probably in week 2") are guesses.
GUESSY_TEXT = """Backend Engineer
Join our team in Aarhus. Salary around 45.000 kr.
Send your application before 15/12.
Interviews probably in week 2.
Contact: Ole Hansen 24 81 00 46
"""


async def read_guessy(app: JobtrackApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Open the Add dialog, paste GUESSY_TEXT, read it and wait for the review form."""
    await open_add(pilot)
    app.screen.query_one("#paste", TextArea).load_text(GUESSY_TEXT)
    app.screen.action_read()  # type: ignore[attr-defined]
    await wait_form(app, pilot)
    await pilot.pause()


async def reminders_checked(app: JobtrackApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until no reminder check runs (a stale one starts another) and what it found is shown."""
    from jobtrack.tui.screens.reminders import GROUP
    from textual.worker import WorkerCancelled

    await pilot.pause()
    while running := [w for w in app.workers if w.group == GROUP and w.is_running and not w.is_cancelled]:
        with suppress(WorkerCancelled):  # a newer check took over
            await app.workers.wait_for_complete(running)
        await pilot.pause()
