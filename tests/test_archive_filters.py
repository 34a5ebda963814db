"""Issue 15: `list` filters, `archive`/`unarchive`, and archived postings out of the list,
the agenda and the reminders unless asked for (`--all`, the TUI's `A`)."""

from __future__ import annotations

import json
from datetime import date

from jobtrack.app.filters import PostingFilter
from jobtrack.core.model import Posting, Status
from jobtrack.store.store import Bundle, Store
from textual.widgets import OptionList

from cli_kit import NOW, Run, ok
from tui_kit import make_app, titles


def listed(jt_run: Run, *args: str) -> list[int]:
    return [p["id"] for p in json.loads(ok(jt_run, "list", "--json", *args))]


def fill_cli(jt_run: Run) -> None:
    ok(jt_run, "add", "--title", "Data engineer", "--employer", "Vestas Wind", "--tags", "python,remote", "--deadline", "3/12")
    ok(jt_run, "add", "--title", "Nurse", "--employer", "Region Nord", "--tags", "health", "--deadline", "20/12")
    ok(jt_run, "add", "--title", "Analyst", "--employer", "Vestas", "--tags", "python")
    ok(jt_run, "status", "3", "applied")


def test_list_filters(jt_run: Run) -> None:
    fill_cli(jt_run)
    assert sorted(listed(jt_run)) == [1, 2, 3]
    assert listed(jt_run, "--status", "applied") == [3]
    assert sorted(listed(jt_run, "--tag", "PYTHON")) == [1, 3]
    assert listed(jt_run, "--tag", "python", "--tag", "remote") == [1]
    assert sorted(listed(jt_run, "--employer", "vestas")) == [1, 3]
    assert listed(jt_run, "--before", "10/12") == [1]  # a posting without a deadline is left out
    assert listed(jt_run, "--after", "2026-12-03") == [2]
    assert listed(jt_run, "--after", "1/12", "--before", "2026-12-20") == [1]
    bad = jt_run("list", "--before", "someday")
    assert bad.returncode == 2 and "cannot understand the date 'someday'" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert "No postings match" in ok(jt_run, "list", "--employer", "lego")


def test_archive_hides_from_list_until_all(jt_run: Run) -> None:
    fill_cli(jt_run)
    out = ok(jt_run, "archive", "1", "3")
    assert out.splitlines() == ["#1 Data engineer: archived", "#3 Analyst: archived"]
    assert "already" in ok(jt_run, "archive", "1")
    assert listed(jt_run) == [2]
    assert sorted(listed(jt_run, "--all")) == [1, 2, 3]
    assert [p["archived"] for p in json.loads(ok(jt_run, "list", "--json", "--all")) if p["id"] == 1] == [True]
    assert "Data engineer (archived)" in ok(jt_run, "list", "--all")
    assert "Data engineer" not in ok(jt_run, "list")
    ok(jt_run, "unarchive", "1")
    assert sorted(listed(jt_run)) == [1, 2]


def test_archive_of_an_unknown_id_changes_nothing(jt_run: Run) -> None:
    fill_cli(jt_run)
    bad = jt_run("archive", "1", "99", env=NOW)
    assert bad.returncode == 1 and bad.stderr.strip() == "jobtrack: no posting with id 99"
    assert sorted(listed(jt_run)) == [1, 2, 3]


def test_archived_out_of_due_week_and_reminders(jt_run: Run) -> None:
    fill_cli(jt_run)
    assert "Data engineer" in ok(jt_run, "due")
    assert "Data engineer" in ok(jt_run, "week")
    assert "Data engineer" in ok(jt_run, "remind", "list")
    ok(jt_run, "archive", "1")
    assert "Data engineer" not in ok(jt_run, "due")
    assert "Data engineer" in ok(jt_run, "due", "--all")
    assert "Data engineer" not in ok(jt_run, "week")
    assert "Data engineer" in ok(jt_run, "week", "--all")
    assert "Data engineer" not in ok(jt_run, "remind", "list")
    assert "Data engineer" in ok(jt_run, "remind", "list", "--all")
    assert "Data engineer" not in ok(jt_run, "remind")


def test_filter_conditions_all_hold() -> None:
    p = Posting("x", employer="Vestas", tags=["Python"], status=Status.APPLIED, archived=True)
    assert not PostingFilter()(p)
    assert PostingFilter(archived=True)(p)
    assert not PostingFilter(frozenset({Status.SAVED}), archived=True)(p)
    assert PostingFilter(frozenset({Status.APPLIED}), ("python",), "vest", archived=True)(p)


async def test_archived_hidden_in_tui_until_asked(store: Store) -> None:
    store.edit_posting(1, {"archived": True})
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Backend developer" not in titles(app)
        assert app.screen.sub_title.startswith("2 of 3")
        await pilot.press("A")
        await pilot.pause()
        assert "Backend developer" in titles(app)
        assert "archived too" in app.screen.sub_title
        await pilot.press("A")
        await pilot.pause()
        assert "Backend developer" not in titles(app)


async def test_archived_out_of_the_agenda(store: Store) -> None:
    store.add(Bundle(Posting("Hidden away", employer="Attic", deadline=date(2026, 11, 25))))
    store.edit_posting(4, {"archived": True})
    store.add(Bundle(Posting("Still here", employer="Porch", deadline=date(2026, 11, 25))))
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause(0.3)
        options = app.screen.query_one("#week", OptionList)
        text = "\n".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        assert "Still here" in text
        assert "Hidden away" not in text
