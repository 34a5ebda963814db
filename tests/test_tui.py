"""Pilot tests of the TUI against a real Store in tmp_path."""

from __future__ import annotations

import io
import sys
from datetime import date, datetime, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.text import Text  # noqa: E402
from textual.command import CommandList  # noqa: E402
from textual.widgets import DataTable, Input, Static, TextArea  # noqa: E402

from jobtrack.model import Contact, Event, EventKind, Posting, Status  # noqa: E402
from jobtrack.store.store import Bundle, Store  # noqa: E402
from jobtrack.tui.app import JobtrackApp  # noqa: E402
from jobtrack.tui.commands import bindings_of, key_name  # noqa: E402
from jobtrack.tui.screens.add import AddDialog  # noqa: E402
from jobtrack.tui.screens.detail import DetailScreen  # noqa: E402
from jobtrack.tui.screens.edit import FormDialog  # noqa: E402
from jobtrack.tui.screens.postings import PostingsScreen  # noqa: E402
from httpserver import HTTPTestServer  # noqa: E402

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


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "jobs.json")
    fill(s)
    return s


def make_app(store: Store) -> JobtrackApp:
    return JobtrackApp(store, now=clock)


def titles(app: JobtrackApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_postings_sorted_by_next_moment(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert titles(app) == ["Data analyst", "Backend developer", "Jurist [red]x[/red]"]
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(0)[4]) == "tomorrow 09:00"
        assert str(table.get_row_at(1)[3]) == "7 days"
        assert str(table.get_row_at(2)[2]) == "closed"


async def test_empty_store_explains_how_to_add(tmp_path: Path) -> None:
    app = make_app(Store(tmp_path / "empty.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        empty = app.screen.query_one("#empty")
        assert empty.display
        assert "jobtrack add URL" in str(empty.render())


async def test_external_change_is_noticed(store: Store, tmp_path: Path) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        other = Store(tmp_path / "jobs.json")
        other.add(Bundle(Posting("Added elsewhere", employer="Cron")))
        await pilot.pause(0.6)
        assert "Added elsewhere" in titles(app)


async def test_detail_shows_everything_and_saves_notes(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        screen = app.screen
        notes = screen.query_one("#notes", TextArea)
        notes.focus()
        await pilot.press("h", "i")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert store.posting(1).notes == "hi"
        assert app.screen.__class__.__name__ == "PostingsScreen"


async def test_detail_copy_phone_and_open_url(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(store)
    opened: list[str] = []
    copied: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: copied.append(text))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        await pilot.press("o", "c")
        await pilot.pause()
        assert opened == ["https://example.com/job/1"]
        assert copied == ["+4524810046"]


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


async def test_add_by_pasted_text(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        title = app.screen.query_one("#f-title", Input)
        assert "Backend Engineer" in title.value
        title.value = "Backend Engineer (edited)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen"
        added = [p for p in store.postings() if p.title == "Backend Engineer (edited)"]
        assert added and added[0].deadline == date(2026, 12, 15)
        assert POSTING_TEXT.strip() in store.text(added[0].id or 0).strip()
        assert "Backend Engineer (edited)" in titles(app)
        # the detail screen marks each fact in the text where it was found
        app.open_posting(added[0].id or 0)
        await pilot.pause()
        text = app.screen.query_one("#text", Static).content
        assert isinstance(text, Text)
        marked = {text.plain[span.start:span.end] for span in text.spans if span.style == "reverse"}
        assert any("15 December 2026" in m for m in marked)
        assert any("24 81 00 46" in m for m in marked)


async def test_add_form_edits_every_fact_with_evidence(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        form = app.screen
        assert form.query_one("#f-deadline", Input).value == "2026-12-15"
        assert form.query_one("#f-event-0-when", Input).value == "2027-01-07"
        assert form.query_one("#f-contact-0-phone", Input).value.replace(" ", "").endswith("24810046")
        evidence = [str(w.render()) for w in form.query(".evidence")]
        assert any("Apply by 15 December 2026" in e for e in evidence)
        form.query_one("#f-location", Input).value = "Aarhus"
        form.query_one("#f-hours", Input).value = "37 hours"
        form.query_one("#f-event-0-when", Input).value = "8/1/2027 10:00"
        form.query_one("#f-contact-0-role", Input).value = "Hiring manager"
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = store.postings()[-1]
        assert (added.location, added.hours) == ("Aarhus", "37 hours")
        assert added.evidence["deadline"].sentence
        [event] = store.events(added.id)
        assert (event.day, event.time) == (date(2027, 1, 8), time(10, 0))
        [contact] = store.contacts(added.id)
        assert (contact.name, contact.role) == ("Anna Berg", "Hiring manager")


async def test_add_form_reports_a_bad_date_and_keeps_the_form(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await read_pasted(app, pilot)
        app.screen.query_one("#f-start_date", Input).value = "whenever"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AddDialog"
        assert "Start date:" in str(app.screen.query_one(".form-error").render())
        assert len(store.postings()) == 3


async def test_add_failed_fetch_keeps_dialog_open(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        await pilot.press(*str(tmp_path / "missing.html"), "enter")
        await wait_form(app, pilot)
        error = app.screen.query_one("#add-error")
        assert error.display
        assert "Could not read it" in str(error.render())
        assert app.screen.__class__.__name__ == "AddDialog"
        # paste instead, and go on
        app.screen.query_one("#source", Input).value = ""
        await read_pasted(app, pilot)
        assert app.screen.query("#f-title")


async def test_add_by_url(store: Store, http_server: HTTPTestServer) -> None:
    html = "<html><head><title>Platform Engineer</title></head><body><h1>Platform Engineer</h1>"
    html += "".join(f"<p>{line}</p>" for line in POSTING_TEXT.splitlines() if line) + "</body></html>"
    url = http_server.add("/job", html.encode(), headers=[("Content-Type", "text/html; charset=utf-8")])
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        app.screen.query_one("#source", Input).value = url
        app.screen.action_read()  # type: ignore[attr-defined]
        await wait_form(app, pilot)
        assert app.screen.query("#f-title"), str(app.screen.query_one("#add-error").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = store.postings()[-1]
        assert added.url == url
        assert added.deadline == date(2026, 12, 15)


async def test_edit_with_bad_then_good_deadline(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#f-title", Input).value = "Senior backend developer"
        dialog.query_one("#f-deadline", Input).value = "someday soon-ish"
        dialog.query_one("#f-salary", Input).value = "55.000 kr"
        dialog.query_one("#f-tags", Input).value = "python, remote"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        error = dialog.query_one(".form-error")
        assert error.display
        assert "Deadline: cannot understand" in str(error.render())
        assert dialog.focused is dialog.query_one("#f-deadline")
        # Meanwhile another process changes a field this form does not touch.
        Store(tmp_path / "jobs.json").edit_posting(1, {"location": "Aarhus"})
        dialog.query_one("#f-deadline", Input).value = "2026-12-01 12:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not dialog
        p = store.posting(1)
        assert (p.title, p.deadline, p.deadline_time, p.salary, p.tags, p.location) == (
            "Senior backend developer", date(2026, 12, 1), time(12, 0), "55.000 kr", ["python", "remote"], "Aarhus")


async def test_edit_refuses_an_empty_title(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        app.screen.query_one("#f-title", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Title cannot be empty" in str(app.screen.query_one(".form-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert store.posting(1).title == "Backend developer"


async def test_status_change(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "s")
        await pilot.pause()
        await pilot.press("down", "enter")  # saved -> applied
        await pilot.pause()
        assert store.posting(1).status is Status.APPLIED
        await pilot.press("s", "escape")
        await pilot.pause()
        assert store.posting(1).status is Status.APPLIED


async def test_delete_and_undo(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(store.postings()) == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert [p.id for p in store.postings()] == [2, 3]
        assert "Backend developer" not in titles(app)
        await pilot.press("u")
        await pilot.pause()
        assert store.posting(1).title == "Backend developer"
        assert store.contacts(1)[0].name == "Mette Holm"
        assert "Backend developer" in titles(app)


async def test_search_filters_as_you_type(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", "f", "j", "o")
        await pilot.pause()
        assert titles(app) == ["Backend developer"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(titles(app)) == 3


async def test_filter_cycles_statuses(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f")  # saved
        await pilot.pause()
        assert titles(app) == ["Backend developer", "Jurist [red]x[/red]"]
        await pilot.press("f")  # applied
        await pilot.pause()
        assert titles(app) == ["Data analyst"]
        for _ in range(len(Status) - 1):
            await pilot.press("f")
        await pilot.pause()
        assert len(titles(app)) == 3


async def test_help_lists_every_binding(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_detail(app, pilot)
        await pilot.press("question_mark")  # works on every screen, not only the list
        await pilot.pause()
        text = shown(app, "#help-text")
        for owner in (PostingsScreen, DetailScreen, AddDialog, FormDialog, JobtrackApp):
            for b in bindings_of(owner):
                assert f"{key_name(b):<12}{b.description}" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)


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


async def test_palette_offers_every_binding_of_the_screen(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for opened in (False, True):
            if opened:
                await open_first_detail(app, pilot)
            offered = {c.title for c in app.get_system_commands(app.screen)}
            for owner in (app.screen, app):
                for b in bindings_of(owner):
                    assert b.action == "quit" or b.description in offered, b
        assert {"New contact", "New event", "Copy e-mail", "Open URL"} <= offered
        # a palette command runs the screen's action
        await palette_choose(app, pilot, "New contact")
        assert isinstance(app.screen, FormDialog)


async def test_palette_jumps_to_a_posting(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        offered = await palette_choose(app, pilot, "birch")
        assert any("Data analyst · Birch & Co" in o for o in offered)
        assert isinstance(app.screen, DetailScreen) and app.screen.posting_id == 2
        # from one detail screen to another: the list stays underneath
        offered = await palette_choose(app, pilot, "jurist red")
        assert "Jurist [red]x[/red] · Ember A/S" in offered[0]  # shown as typed, not as markup
        assert isinstance(app.screen, DetailScreen) and app.screen.posting_id == 3
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PostingsScreen)


async def test_theme_switch_is_remembered(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == "fjord"
        assert {"fjord", "birch", "ember"} <= set(app.available_themes)
        await pilot.press("t")
        await pilot.pause()
        chosen = app.theme
        assert chosen != "fjord"
        assert Store(tmp_path / "jobs.json").meta()["theme"] == chosen
    again = make_app(Store(tmp_path / "jobs.json"))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == chosen


async def test_bad_theme_file_is_reported(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "bad.toml").write_text('name = "bad"\nprimary = "not-a-colour"\n')
    (folder / "broken.toml").write_text("name = \n")
    from jobtrack.locations import bundled_themes_dir

    app = JobtrackApp(store, now=clock, theme_folders=[bundled_themes_dir(), folder])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("bad.toml" in m and "broken.toml" in m for m in messages)
        assert app.theme == "fjord"


async def test_theme_from_command_palette_is_remembered(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")  # the built-in "Theme" command opens the theme list
        await pilot.pause(0.3)
        await pilot.press(*"ember")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.theme == "ember"
        assert Store(tmp_path / "jobs.json").meta()["theme"] == "ember"


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


async def test_detail_lists_the_status_history(store: Store) -> None:
    """Rich's Text.rstrip works in place and returns None: the screen once showed "none" for every history."""
    store.set_status(1, Status.APPLIED, note="sent the CV", at=datetime(2026, 11, 3, 10, 0))
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        lines = shown(app, "#history").splitlines()
        assert lines == ["2026-11-01 09:00  saved", "2026-11-03 10:00  applied  sent the CV"]


async def test_detail_follows_changes_made_elsewhere(store: Store, tmp_path: Path) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        other = Store(tmp_path / "jobs.json")
        other.edit_posting(1, {"salary": "60.000 kr", "notes": "from cron"})
        other.add_event(Event(1, EventKind.INTERVIEW, day=date(2026, 12, 3), time=time(13, 0), label="Second round"))
        await pilot.pause(0.4)
        assert "60.000 kr" in shown(app, "#fields")
        assert app.screen.query_one("#notes", TextArea).text == "from cron"
        assert any("Second round" in row[1] for row in cells(app, "#events"))
        # Typing notes now writes the notes alone: the salary set elsewhere stays.
        notes = app.screen.query_one("#notes", TextArea)
        notes.focus()
        await pilot.press("end", "!")
        await pilot.press("escape", "escape")
        await pilot.pause()
        p = store.posting(1)
        assert (p.notes, p.salary) == ("from cron!", "60.000 kr")


async def test_notes_typed_while_changed_elsewhere_keep_both(store: Store, tmp_path: Path) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        app.screen.query_one("#notes", TextArea).focus()
        await pilot.press("m", "i", "n", "e")
        Store(tmp_path / "jobs.json").edit_posting(1, {"notes": "theirs"})
        await pilot.pause(0.3)
        await pilot.press("escape", "escape")
        await pilot.pause()
        notes = store.posting(1).notes
        assert "mine" in notes and "theirs" in notes


async def test_detail_leaves_when_deleted_elsewhere(store: Store, tmp_path: Path) -> None:
    app = JobtrackApp(store, now=clock, poll_interval=0.1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        Store(tmp_path / "jobs.json").delete_posting(1)
        await pilot.pause(0.4)
        assert app.screen.__class__.__name__ == "PostingsScreen"
        assert "Backend developer" not in titles(app)
        assert any("deleted elsewhere" in str(n.message) for n in app._notifications)


async def test_contact_add_edit_remove_in_detail(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no name yet
        await pilot.pause()
        assert "Name cannot be empty" in str(app.screen.query_one(".form-error").render())
        app.screen.query_one("#f-name", Input).value = "Lars Lund"
        app.screen.query_one("#f-email", Input).value = "ll@fjordbank.dk"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.name for c in store.contacts(1)] == ["Mette Holm", "Lars Lund"]
        assert cells(app, "#contacts")[1][:1] == ["Lars Lund"]
        # edit the second contact: focus the table, move down, enter
        app.screen.query_one("#contacts").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#f-name", Input).value == "Lars Lund"
        app.screen.query_one("#f-phone", Input).value = "+45 30 45 64 05"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.contacts(1)[1].phone == "+4530456405"  # kept in E.164, as extracted numbers are
        # copy the highlighted contact's e-mail, then remove it
        copied: list[str] = []
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("m", "x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert copied == ["ll@fjordbank.dk"]
        assert [c.name for c in store.contacts(1)] == ["Mette Holm"]


async def test_event_add_edit_remove_in_detail(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_first_detail(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#f-label", Input).value = "First interview"
        app.screen.query_one("#f-when", Input).value = "not a date"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "When:" in str(app.screen.query_one(".form-error").render())
        app.screen.query_one("#f-when", Input).value = "2/12/2026 9:30"
        app.screen.query_one("#f-place", Input).value = "Fjordbank HQ"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [event] = store.events(1)
        assert (event.kind, event.label, event.day, event.time, event.place) == (
            EventKind.INTERVIEW, "First interview", date(2026, 12, 2), time(9, 30), "Fjordbank HQ")
        assert cells(app, "#events")[0][1] == "First interview"
        app.screen.query_one("#events").focus()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#f-kind", Input).value = "test"
        app.screen.query_one("#f-when", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Remove the date 2026-12-02 09:30?" in str(app.screen.query_one(".dialog-title", Static).render())
        await pilot.press("y")  # emptying a date is asked about first
        await pilot.pause()
        [event] = store.events(1)
        assert (event.kind, event.day, event.time, event.place) == (EventKind.TEST, None, None, "Fjordbank HQ")
        assert cells(app, "#events")[0][0] == "no date yet"
        await pilot.press("x", "y")
        await pilot.pause()
        assert store.events(1) == []


async def test_escape_stops_a_slow_fetch_and_keeps_the_dialog(store: Store, http_server: HTTPTestServer) -> None:
    url = http_server.add("/slow", b"<html><body><h1>Slow job</h1></body></html>", delay=3.0)
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await open_add(pilot)
        app.screen.query_one("#source", Input).value = url
        app.screen.action_read()  # type: ignore[attr-defined]
        await pilot.pause()
        status = app.screen.query_one("#add-status", Static)
        assert status.display and "Reading http://127.0.0.1" in str(status.render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AddDialog"  # still open, to paste instead
        assert not status.display
        assert "Stopped reading" in str(app.screen.query_one("#add-error").render())
        await read_pasted(app, pilot)  # pasting works after the stop
        assert app.screen.query("#f-title")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PostingsScreen"
        assert len(store.postings()) == 3  # nothing was saved


async def test_palette_offers_the_next_postings_before_anything_is_typed(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        offered = await palette_choose(app, pilot, "")
        postings = [o.splitlines()[0] for o in offered if " · " in o]
        assert postings == ["Data analyst · Birch & Co", "Backend developer · Fjordbank", "Jurist [red]x[/red] · Ember A/S"]
