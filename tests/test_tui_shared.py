"""One definition each: the typed app and the store poll live in `jobtrack/tui/base.py`, the
appointment in `core/model.py`, the posting's name in `core/listing.py`; no copies elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

from jobtrack.app.config import ReminderRules
from jobtrack.core.listing import posting_name
from jobtrack.core.model import APPOINTMENTS, EventKind, Posting

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "jobtrack"


def _hits(pattern: str, *, under: str = "") -> list[str]:
    found = re.compile(pattern)
    """The files with a line matching `pattern`, once per line."""
    return [str(path.relative_to(REPO)) for path in sorted((PACKAGE / under).rglob("*.py"))
            for line in path.read_text("utf-8").splitlines() if found.search(line)]


def test_the_app_is_typed_in_one_place() -> None:
    assert _hits(r'cast\("JobtrackApp"', under="tui") == ["jobtrack/tui/base.py"]


def test_screens_follow_the_store_through_store_watch_alone() -> None:
    """Only StoreWatch polls the store's stamp (the app's `lines` reads it once to name the lines' version)."""
    assert _hits(r"store\.stamp\(\)", under="tui") == [
        "jobtrack/tui/app.py", "jobtrack/tui/base.py", "jobtrack/tui/base.py"]
    assert _hits(r"set_interval\([^)]*poll_interval", under="tui") == ["jobtrack/tui/base.py"]


def test_an_appointment_has_one_definition() -> None:
    assert set(APPOINTMENTS) == {EventKind.INTERVIEW, EventKind.TEST, EventKind.CASE, EventKind.CALL}
    assert ReminderRules().appointment_kinds == APPOINTMENTS
    assert _hits(r"EventKind\.INTERVIEW, EventKind\.TEST") == ["jobtrack/core/model.py"]


def test_a_posting_has_one_name() -> None:
    assert posting_name(Posting("Chef [b]x[/b]\x1b[2J", employer="Viborg Kommune")) == "Chef [b]x[/b] – Viborg Kommune"
    assert posting_name(Posting("Chef")) == "Chef" and posting_name(None) == ""
    assert _hits(r'" – "\.join|" — "\.join|f"\{[^}]*title[^}]*\} · \{[^}]*employer') == ["jobtrack/core/listing.py"]
