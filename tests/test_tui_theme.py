"""Pilot tests of the TUI against a real Store in tmp_path. Themes: switching, remembering
the choice (in the config file, conftest's `own_config`), a bad theme file reported."""

from __future__ import annotations

from pathlib import Path

from jobtrack.app.config import load_config
from jobtrack.store.store import Store
from jobtrack.tui.app import JobtrackApp

from tui_kit import clock, make_app


async def test_theme_switch_is_remembered(store: Store, tmp_path: Path, own_config: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == "fjord"
        assert {"fjord", "birch", "ember"} <= set(app.available_themes)
        await pilot.press("t")
        await pilot.pause()
        chosen = app.theme
        assert chosen != "fjord"
        assert load_config(own_config).theme == chosen
        assert "theme" not in Store(tmp_path / "jobs.json").meta()  # the data file is left alone
    again = make_app(Store(tmp_path / "jobs.json"))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == chosen


async def test_bad_theme_file_is_reported(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "bad.toml").write_text('name = "bad"\nprimary = "not-a-colour"\n')
    (folder / "broken.toml").write_text("name = \n")
    from jobtrack.store.locations import bundled_themes_dir

    app = JobtrackApp(store, now=clock, theme_folders=[bundled_themes_dir(), folder])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("bad.toml" in m and "broken.toml" in m for m in messages)
        assert app.theme == "fjord"


async def test_theme_from_command_palette_is_remembered(store: Store, own_config: Path) -> None:
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
        assert load_config(own_config).theme == "ember"
