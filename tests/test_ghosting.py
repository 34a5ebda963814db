"""Ghosting and the follow-up cadence: derived from the status history, the events and the clock.

Across weeks with $JOBTRACK_NOW through the real CLI, and the pure rules with a fixed clock.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from jobtrack.app.config import Config, HuntRules, ReminderRules, parse_config
from jobtrack.app.ghosting import chases
from jobtrack.core.model import Event, EventKind, Posting, Status, StatusChange

APPLIED = datetime(2026, 3, 2, 10, 0)


def applied(pid: int = 1) -> Posting:
    return Posting("Chef", employer="Viborg Kommune", status=Status.APPLIED, id=pid, created=datetime(2026, 3, 1),
                   history=[StatusChange(Status.SAVED, datetime(2026, 3, 1)), StatusChange(Status.APPLIED, APPLIED)])


def note(now: datetime, events: list[Event] | None = None, config: Config | None = None) -> str:
    found = chases([applied()], events or [], now, config or Config())
    return found[1].note(now) if 1 in found else "answered"


def test_the_cadence_then_the_ghosted_suggestion() -> None:
    assert note(datetime(2026, 3, 3)) == "follow up in 6 days"
    assert note(datetime(2026, 3, 9, 9, 0)) == "follow up now"  # 7 days after, at the morning hour
    assert note(datetime(2026, 3, 15)) == "follow up tomorrow"  # the 7-day step is a week old; 14 days comes
    assert note(datetime(2026, 3, 30, 12, 0)) == "follow up now"  # 28 days
    assert note(datetime(2026, 4, 10)) == ""  # the cadence is over, not yet ghosted
    assert note(datetime(2026, 4, 13)) == "ghosted?"  # 42 days


def test_an_answer_or_an_interview_stops_it() -> None:
    for kind in (EventKind.INTERVIEW, EventKind.CALL):
        # recorded at all (even held already) means the employer answered
        assert note(datetime(2026, 4, 20), [Event(1, kind, day=date(2026, 3, 5))]) == "answered"
    assert note(datetime(2026, 4, 20), [Event(1, EventKind.OTHER, day=date(2026, 3, 5))]) == "ghosted?"
    p = applied()
    p.status = Status.REJECTED
    assert chases([p], [], datetime(2026, 4, 20), Config()) == {}


def test_the_config_sets_the_cadence_and_the_silence() -> None:
    config = parse_config("[reminders]\nfollow_up_days = [3, 10]\n[hunt]\nghosted_after_days = 21\nweekly_target = 5\n")
    assert config.reminders.follow_up_days == (3, 10)
    assert config.hunt == HuntRules(ghosted_after_days=21, weekly_target=5)
    assert note(datetime(2026, 3, 4), config=config) == "follow up tomorrow"
    assert note(datetime(2026, 3, 23), config=config) == "ghosted?"
    assert parse_config("[reminders]\nfollow_up_days = 14\n").reminders.follow_up_days == (14,)  # one, as before
    never = Config(ReminderRules(), HuntRules(ghosted_after_days=0))
    assert note(datetime(2027, 1, 1), config=never) == ""


@pytest.mark.parametrize(("text", "problem"), [
    ("[reminders]\nfollow_up_days = [7, -1]\n", "reminders.follow_up_days must be a whole number of 0 or more, or a list"),
    ("[hunt]\nghosted_after = 30\n", "unknown setting hunt.ghosted_after"),
    ("[hunt]\nweekly_target = \"five\"\n", "hunt.weekly_target must be a whole number"),
])
def test_bad_settings_are_named(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_config(text)


def test_week_stats_and_reminders_across_weeks(jt_run: Callable[..., subprocess.CompletedProcess[str]],
                                               tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[hunt]\nghosted_after_days = 35\n", encoding="utf-8")

    def run(now: str, *args: str) -> str:
        proc = jt_run(*args, env={"JOBTRACK_NOW": now, "JOBTRACK_CONFIG": str(config), "TZ": "Europe/Copenhagen"})
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    run("2026-03-01T09:00", "add", "--title", "Chef", "--employer", "Viborg Kommune")
    run("2026-03-01T09:00", "add", "--title", "Analyst", "--employer", "Acme")
    run("2026-03-02T10:00", "status", "1", "applied")
    run("2026-03-02T10:00", "status", "2", "applied")

    week = run("2026-03-09T10:00", "week")
    assert "Chef – Viborg Kommune" in week and "applied 7 days ago · follow up now" in week
    assert "No answer for 7 days: Chef – Viborg Kommune. Follow up?" in run("2026-03-09T10:00", "remind")
    assert json.loads(run("2026-03-09T10:00", "stats", "--json"))["follow_ups_due"] == [1, 2]
    run("2026-03-10T10:00", "event", "add", "2", "--kind", "interview", "--when", "2026-03-20 10:00")

    stats = json.loads(run("2026-03-16T10:00", "stats", "--json"))
    assert (stats["unanswered"], stats["follow_ups_due"], stats["ghosted"]) == (1, [1], [])  # 2 got an interview
    assert "No answer for 14 days: Chef" in run("2026-03-16T10:00", "remind")

    later = run("2026-04-07T10:00", "week")
    assert "applied 5 weeks ago · ghosted?" in later
    stats = json.loads(run("2026-04-07T10:00", "stats", "--json"))
    assert stats["ghosted"] == [1]
    assert "ghosted? 1 (silent 35+ days)" in run("2026-04-07T10:00", "stats")
    week_json = json.loads(run("2026-04-07T10:00", "week", "--json"))
    assert [(w["posting_id"], w["ghosted"]) for w in week_json["waiting"]] == [(1, True), (2, False)]  # 2 waits since its interview

    run("2026-04-08T10:00", "status", "1", "rejected", "--note", "finally an answer")
    assert json.loads(run("2026-04-08T10:00", "stats", "--json"))["ghosted"] == []
