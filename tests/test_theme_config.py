"""The chosen theme lives in the user's config file, not in the data file; the themes ship inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from jobtrack.app.config import ConfigError, carry_theme, chosen_theme, load_config, save_theme
from jobtrack.store.store import Store
from jobtrack.tui.app import JobtrackApp

from tui_kit import clock

REPO = Path(__file__).resolve().parent.parent
RULES = '# my reminders\n[reminders]\ndeadline = ["3d", "0d"]  # fewer, please\n'


def test_the_theme_is_one_line_and_the_rest_of_the_file_stays_as_written(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(RULES, "utf-8")
    save_theme("ember", config)
    save_theme("birch", config)
    assert config.read_text("utf-8") == 'theme = "birch"\n' + RULES
    settings = load_config(config)
    assert settings.theme == "birch" and [o.name for o in settings.reminders.deadline] == ["3d", "0d"]


def test_no_file_means_no_theme_and_saving_makes_one(tmp_path: Path) -> None:
    config = tmp_path / "folder" / "config.toml"
    assert chosen_theme(config) is None
    save_theme("fjord", config)
    assert chosen_theme(config) == "fjord"


def test_a_broken_config_file_is_never_written_over(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[reminders\ndeadline = oops\n", "utf-8")
    with pytest.raises(ConfigError, match="not remembered"):
        save_theme("ember", config)
    assert config.read_text("utf-8") == "[reminders\ndeadline = oops\n"
    assert chosen_theme(config) is None  # the first screen gets the default theme


def test_a_theme_that_is_not_a_name_is_a_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("theme = 3\n", "utf-8")
    with pytest.raises(ConfigError, match="theme must be the name of a theme"):
        load_config(config)


def test_a_theme_kept_in_the_data_file_is_carried_over_once(tmp_path: Path) -> None:
    store, config = Store(tmp_path / "jobs.json"), tmp_path / "config.toml"
    store.set_meta("theme", "ember")
    assert carry_theme(store, config) == "ember"
    assert chosen_theme(config) == "ember" and store.meta().get("theme") is None
    save_theme("birch", config)
    assert carry_theme(store, config) is None and chosen_theme(config) == "birch"


def test_the_config_file_wins_over_an_old_choice_in_the_data_file(tmp_path: Path) -> None:
    store, config = Store(tmp_path / "jobs.json"), tmp_path / "config.toml"
    save_theme("birch", config)
    store.set_meta("theme", "ember")
    assert carry_theme(store, config) is None
    assert chosen_theme(config) == "birch" and store.meta().get("theme") is None


async def test_the_app_carries_an_old_choice_over_and_shows_it(tmp_path: Path) -> None:
    store, config = Store(tmp_path / "jobs.json"), tmp_path / "config.toml"
    store.set_meta("theme", "ember")
    app = JobtrackApp(store, now=clock, config=config, remind=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "ember"
    assert chosen_theme(config) == "ember"
    again = JobtrackApp(Store(tmp_path / "jobs.json"), now=clock, config=config, remind=False)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "ember"


def test_the_wheel_ships_the_themes_inside_the_package(tmp_path: Path) -> None:
    """Built as pip builds it (pyproject's force-include), the wheel holds jobtrack/themes/*.toml."""
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path), str(REPO)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("jobtrack-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"jobtrack/themes/{p.name}" for p in (REPO / "themes").glob("*.toml")}
    assert shipped and shipped <= names


@pytest.mark.parametrize("name", ["ember", 'my "dark" one', "back\\slash", "nat 😀 ünï", "tab\there"])
def test_any_theme_name_is_written_as_toml_and_read_back(tmp_path: Path, name: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(RULES, "utf-8")
    save_theme(name, config)
    assert chosen_theme(config) == name and config.read_text("utf-8").endswith(RULES)
