"""Theme files: TOML in the bundled and the user's themes folder.

Textual 8 has no theme-file loader, so each file is parsed with tomllib,
its colours checked with `Color.parse`, and a `Theme` built and
registered. Failures are collected so the app can show one notification.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from textual.app import App
from textual.color import Color, ColorParseError
from textual.theme import Theme

from jobtrack.store.locations import bundled_themes_dir, user_themes_dir

COLOUR_KEYS = ("primary", "secondary", "warning", "error", "success", "accent",
               "foreground", "background", "surface", "panel", "boost")
DEFAULT_THEME = "fjord"


def theme_from_file(path: Path) -> Theme:
    """One theme; raises ValueError with a one-line reason."""
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path.name}: {exc}") from exc
    data.setdefault("name", path.stem)
    if "primary" not in data:
        raise ValueError(f"{path.name}: no primary colour")
    for key in COLOUR_KEYS:
        if key in data:
            _check_colour(path, key, data[key])
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError(f"{path.name}: [variables] must be a table")
    for key, value in variables.items():
        _check_colour(path, key, value)
    try:
        return Theme(**data)
    except TypeError as exc:
        raise ValueError(f"{path.name}: {exc}") from exc


def _check_colour(path: Path, key: str, value: Any) -> None:
    try:
        Color.parse(value)
    except (ColorParseError, TypeError, ValueError) as exc:
        raise ValueError(f"{path.name}: {key} = {value!r} is not a colour") from exc


def load_themes(app: App[Any], folders: list[Path] | None = None) -> list[str]:
    """Register every theme found; return the error lines (empty when all loaded)."""
    errors: list[str] = []
    for folder in folders if folders is not None else [bundled_themes_dir(), user_themes_dir()]:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                app.register_theme(theme_from_file(path))
            except ValueError as exc:
                errors.append(str(exc))
    return errors
