"""Typed settings from `config.toml` in the user's config folder.

Two tables: `[reminders]` (when reminders fall due, the follow-up cadence)
and `[hunt]` (when an unanswered application counts as ghosted, the weekly
target of applications), and the TUI's theme as the user last chose it
(`save_theme` writes that one line, leaving the rest of the file as the
user wrote it). The file is optional; every setting has a default. A file
that does not parse, or holds a key or value we do not know, raises
`ConfigError` with one line naming the file and the problem: a typo must
not silently turn reminders off.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobtrack.core.model import APPOINTMENTS, EventKind
from jobtrack.store.atomic import atomic_write
from jobtrack.store.locations import config_path

if TYPE_CHECKING:
    from jobtrack.store import Store

_OFFSET = re.compile(r"^\s*(\d{1,4})\s*([wdhm])\s*$")
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}


class ConfigError(ValueError):
    """The config file is broken; the message is one line for the user."""


@dataclass(frozen=True)
class Offset:
    """How long before a moment: whole days are counted on the calendar, hours as elapsed time."""

    days: int = 0
    elapsed: timedelta = timedelta(0)

    @property
    def name(self) -> str:
        """The spelling used in config files and reminder keys: "7d", "2h", "90m"."""
        if self.elapsed == timedelta(0):
            return f"{self.days}d"
        minutes = int(self.elapsed.total_seconds() // 60)
        return f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}m"

    def length(self) -> timedelta:
        return timedelta(days=self.days) + self.elapsed


def parse_offset(text: str) -> Offset:
    """ "7d", "1w", "2h", "30m" → an `Offset`; raises ValueError otherwise."""
    m = _OFFSET.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not a duration such as 7d, 2h or 30m")
    n, unit = int(m.group(1)), m.group(2)
    if unit in "wd":
        return Offset(days=n * 7 if unit == "w" else n)
    return Offset(elapsed=timedelta(**{_UNITS[unit]: n}))


@dataclass(frozen=True)
class ReminderRules:
    """When reminders fall due; see docs/reminders.md for what each one means."""

    deadline: tuple[Offset, ...] = (Offset(days=7), Offset(days=2), Offset(days=1), Offset(days=0))
    appointment: tuple[Offset, ...] = (Offset(days=1), Offset(elapsed=timedelta(hours=2)))
    appointment_kinds: tuple[EventKind, ...] = APPOINTMENTS  # the appointments reminded of
    # Days after applying without an answer when a follow-up is due; () turns them off.
    follow_up_days: tuple[int, ...] = (7, 14, 28)
    morning: time = time(9, 0)  # when reminders about a whole day fall due
    late_after: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class HuntRules:
    """How the job hunt is judged; see docs/insight.md."""

    ghosted_after_days: int = 42  # applied, no answer for this long: suggested as ghosted; 0: never
    weekly_target: int = 0  # applications a week (an unemployment fund's demand); 0: none


@dataclass(frozen=True)
class Config:
    reminders: ReminderRules = field(default_factory=ReminderRules)
    hunt: HuntRules = field(default_factory=HuntRules)
    theme: str | None = None  # the TUI's theme; None: the default one


def _offsets(values: Any, where: str) -> tuple[Offset, ...]:
    if not isinstance(values, list):
        raise ValueError(f"{where} must be a list such as [\"7d\", \"1d\"]")
    return tuple(parse_offset(v) for v in values)


def _clock(value: Any, where: str) -> time:
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{where} must be a time such as \"09:00\"") from None


def _whole(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{where} must be a whole number of 0 or more")
    return value


def _cadence(value: Any, where: str) -> tuple[int, ...]:
    """ "14" (one follow-up) or "[7, 14, 28]" (a cadence); 0 or [] turns follow-ups off."""
    days = value if isinstance(value, list) else [value]
    try:
        found = sorted({_whole(d, where) for d in days} - {0})
    except ValueError:
        raise ValueError(f"{where} must be a whole number of 0 or more, or a list of them such as [7, 14, 28]") from None
    return tuple(found)


def _kinds(values: Any, where: str) -> tuple[EventKind, ...]:
    known = ", ".join(k.value for k in EventKind)
    if not isinstance(values, list) or not all(v in {k.value for k in EventKind} for v in values):
        raise ValueError(f"{where} must be a list of event kinds ({known})")
    return tuple(EventKind(v) for v in values)


def _check_keys(table: Any, allowed: set[str], where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ValueError(f"[{where}] must be a table")
    for key in table:
        if key not in allowed:
            name = f"{where}.{key}" if where else key
            raise ValueError(f"unknown setting {name} (known: {', '.join(sorted(allowed))})")
    return table


def _rules(data: dict[str, Any]) -> ReminderRules:
    r = _check_keys(data, {"deadline", "appointment", "appointment_kinds", "follow_up_days", "morning",
                           "late_after"}, "reminders")
    base = ReminderRules()
    return ReminderRules(
        deadline=_offsets(r["deadline"], "reminders.deadline") if "deadline" in r else base.deadline,
        appointment=_offsets(r["appointment"], "reminders.appointment") if "appointment" in r else base.appointment,
        appointment_kinds=(_kinds(r["appointment_kinds"], "reminders.appointment_kinds")
                           if "appointment_kinds" in r else base.appointment_kinds),
        follow_up_days=_cadence(r["follow_up_days"], "reminders.follow_up_days") if "follow_up_days" in r
        else base.follow_up_days,
        morning=_clock(r["morning"], "reminders.morning") if "morning" in r else base.morning,
        late_after=parse_offset(r["late_after"]).length() if "late_after" in r else base.late_after,
    )


def _hunt(data: dict[str, Any]) -> HuntRules:
    h = _check_keys(data, {"ghosted_after_days", "weekly_target"}, "hunt")
    base = HuntRules()
    return HuntRules(
        ghosted_after_days=_whole(h["ghosted_after_days"], "hunt.ghosted_after_days") if "ghosted_after_days" in h
        else base.ghosted_after_days,
        weekly_target=_whole(h["weekly_target"], "hunt.weekly_target") if "weekly_target" in h else base.weekly_target,
    )


def parse_config(text: str) -> Config:
    """Settings from the text of a config file; ValueError with a short reason otherwise."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not valid TOML: {exc}") from None
    _check_keys(data, {"reminders", "hunt", "theme"}, "")
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise ValueError("theme must be the name of a theme, such as \"fjord\"")
    return Config(reminders=_rules(data.get("reminders", {})), hunt=_hunt(data.get("hunt", {})), theme=theme)


def load_config(path: Path | None = None) -> Config:
    """The user's settings, or the defaults when there is no file."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    try:
        return parse_config(text)
    except ValueError as exc:
        raise ConfigError(f"config file {path}: {exc}") from None


def chosen_theme(path: Path | None = None) -> str | None:
    """The theme to paint the first screen in; None when none was chosen or the
    file is broken (the app's reminders report a broken file)."""
    try:
        return load_config(path).theme
    except ConfigError:
        return None


_TOP_THEME = re.compile(r"^[ \t]*theme[ \t]*=")
_TABLE = re.compile(r"^[ \t]*\[")


def save_theme(name: str, path: Path | None = None) -> None:
    """Remember the theme as the top-level `theme = "…"` line; every other line stays as the
    user wrote it. A file that does not parse is never written over (ConfigError)."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}; the theme was not remembered") from None
    try:
        parse_config(text)
    except ValueError as exc:
        raise ConfigError(f"config file {path}: {exc}; the theme was not remembered") from None
    lines = text.splitlines(keepends=True)
    top = next((i for i, line in enumerate(lines) if _TABLE.match(line)), len(lines))
    setting = f"theme = {json.dumps(name, ensure_ascii=False)}\n"  # a JSON string is a TOML basic string
    at = next((i for i in range(top) if _TOP_THEME.match(lines[i])), None)
    if at is None:
        lines.insert(0, setting)
    else:
        lines[at] = setting
    new = "".join(lines)
    try:
        written = parse_config(new).theme
    except ValueError:
        written = None
    if written != name:  # a name TOML cannot hold: the file stays as it was
        raise ConfigError(f"config file {path}: the theme {name!r} could not be written")
    try:
        atomic_write(path, new.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot write config file {path}: {exc.strerror}; the theme was not remembered") from None


def carry_theme(store: Store, path: Path | None = None) -> str | None:
    """A theme chosen while it was kept in the data file moves to the config file, once.

    It is taken only when the config file names none; either way the data file
    forgets it. Returns the theme carried over, or None.
    """
    old = store.meta().get("theme")
    if not isinstance(old, str):
        return None
    try:
        take = load_config(path).theme is None
        if take:
            save_theme(old, path)
    except ConfigError:
        return None  # kept in the store: carried once the file is fixed
    store.set_meta("theme", None)
    return old if take else None


__all__ = ["Config", "ConfigError", "HuntRules", "Offset", "ReminderRules", "carry_theme", "chosen_theme", "load_config", "parse_config",
           "parse_offset", "save_theme"]
