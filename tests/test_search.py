"""Issue 15: search over titles, employers, posting texts, notes, contacts and tags,
through the CLI (real subprocesses), the use case, and the TUI's `/`."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from subprocess import CompletedProcess

from jobtrack.app.search import search, words_of
from jobtrack.core.model import Contact, Posting
from jobtrack.store.store import Bundle, Store
from textual.pilot import Pilot
from textual.widgets import Input

from tui_kit import make_app, titles

NOW = datetime(2026, 11, 29, 10, 0)
Run = Callable[..., CompletedProcess[str]]


def fill_search(store: Store) -> Store:
    store.add(Bundle(Posting("Data engineer", employer="Vestas", tags=["python", "remote"], notes="Called Mette")))
    store.add(Bundle(Posting("Nurse", employer="Region Nord"),
                     [Contact("Karen Blixen", email="karen@region.dk")]))
    store.add(Bundle(Posting("Platform engineer", employer="Maersk"),
                     text="We run Kubernetes and PostgreSQL.\nKontakt Søren Ørsted for detaljer."))
    return store


def hunt(tmp_path: Path) -> Store:
    return fill_search(Store(tmp_path / "hunt.json"))


def test_every_place_is_searched(tmp_path: Path) -> None:
    store = hunt(tmp_path)
    assert words_of("  Python  PYTHON kube ") == ("python", "kube")
    found = {h.title: h for h in search(store, "engineer", NOW)}
    assert set(found) == {"Data engineer", "Platform engineer"}
    assert [h.title for h in search(store, "blixen", NOW)] == ["Nurse"]
    assert search(store, "blixen", NOW)[0].places == ("contacts",)
    hit = search(store, "KUBERNETES", NOW)[0]
    assert (hit.title, hit.places) == ("Platform engineer", ("text",))
    assert "Kubernetes and PostgreSQL" in hit.snippet
    assert search(store, "mette", NOW)[0].snippet == "Called Mette"
    assert [h.title for h in search(store, "remote", NOW)] == ["Data engineer"]


def test_all_words_must_be_found_but_anywhere(tmp_path: Path) -> None:
    store = hunt(tmp_path)
    assert [h.title for h in search(store, "maersk postgresql", NOW)] == ["Platform engineer"]
    assert search(store, "maersk python", NOW) == []
    assert search(store, "", NOW) == []


def test_letters_beyond_ascii_fold_too(tmp_path: Path) -> None:
    store = hunt(tmp_path)
    hit = search(store, "søren ØRSTED", NOW)[0]
    assert hit.title == "Platform engineer"
    assert "Søren Ørsted" in hit.snippet


def test_cli_search(jt_run: Run, tmp_path: Path) -> None:
    text = tmp_path / "posting.txt"
    text.write_text("Platform engineer\n\nWe run Kubernetes in production.\n", encoding="utf-8")
    assert jt_run("add", "--title", "Data engineer", "--employer", "Vestas", "--notes", "ask about Python").returncode == 0
    assert jt_run("add", str(text), "--anyway").returncode == 0
    out = jt_run("search", "kubernetes")
    assert out.returncode == 0, out.stderr
    assert "in text" in out.stdout and "We run Kubernetes in production." in out.stdout
    data = json.loads(jt_run("search", "python", "--json").stdout)
    assert [(d["id"], d["found_in"], d["snippet"]) for d in data] == [(1, ["notes"], "ask about Python")]
    none = jt_run("search", "haskell")
    assert (none.returncode, none.stdout.strip()) == (1, "nothing found")
    assert json.loads(jt_run("search", "haskell", "--json").stdout) == []


def test_cli_search_shows_no_markup_or_control_characters(jt_run: Run, tmp_path: Path) -> None:
    text = tmp_path / "posting.txt"
    text.write_text("Title\n\nA \x1b[31mred\x1b[0m needle [bold]here[/bold].\n", encoding="utf-8")
    assert jt_run("add", str(text), "--anyway").returncode == 0
    out = jt_run("search", "needle").stdout
    assert "\x1b" not in out
    assert "[bold]here[/bold]" in out


async def shown_after_search(pilot: Pilot[None], expected: list[str]) -> list[str]:
    """The titles once the search in the background has answered (a few seconds at most on a busy machine)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if titles(pilot.app) == expected:
            break
    return titles(pilot.app)


async def test_slash_finds_words_in_the_texts(store: Store) -> None:
    fill_search(store)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"kubernetes")
        assert app.screen.query_one("#search", Input).value == "kubernetes"
        assert await shown_after_search(pilot, ["Platform engineer"]) == ["Platform engineer"]
        await pilot.press("backspace", *"x")  # "kubernetex": found nowhere
        assert await shown_after_search(pilot, []) == []


async def test_slash_matches_columns_at_once(store: Store) -> None:
    fill_search(store)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"vestas")
        assert titles(app) == ["Data engineer"]  # before any worker could have answered
        await pilot.press("escape")
        await pilot.pause()
        assert len(titles(app)) == 6


def test_the_word_lines_follow_the_texts(tmp_path: Path) -> None:
    """The derived word lines (`shard_words`) are rebuilt when their shard changes, and a damaged one is ignored."""
    store = hunt(tmp_path)
    assert [h.title for h in search(store, "kubernetes", NOW)] == ["Platform engineer"]
    lines = sorted(store.texts.folder.glob("words/*.json"))
    assert len(lines) == 1
    store.set_text(3, "Now we run Nomad.")
    assert search(store, "kubernetes", NOW) == []
    assert [h.snippet for h in search(store, "nomad", NOW)] == ["Now we run Nomad."]
    lines[0].write_bytes(b"{damaged")
    assert [h.title for h in search(store, "NOMAD", NOW)] == ["Platform engineer"]
    assert b"nomad" in lines[0].read_bytes()
    store.delete_posting(3)
    assert search(store, "nomad", NOW) == []
