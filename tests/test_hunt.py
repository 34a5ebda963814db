"""The hunt over time (`jobtrack stats --weeks N`, `jobtrack.app.hunt`) across weeks with $JOBTRACK_NOW."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from jobtrack.app.hunt import hunt, hunt_json, text_lines
from jobtrack.core.model import Event, EventKind, Posting, Status, StatusChange

NOW = datetime(2026, 11, 27, 10, 0)  # a Friday; its week starts Monday 23 November


def posting(pid: int, source: str, *changes: tuple[Status, datetime]) -> Posting:
    history = [StatusChange(Status.SAVED, datetime(2026, 10, 1))] + [StatusChange(s, at) for s, at in changes]
    return Posting(f"Job {pid}", id=pid, source=source, status=history[-1].status, history=history)


def records() -> tuple[list[Posting], list[Event]]:
    postings = [
        posting(1, "job-board", (Status.APPLIED, datetime(2026, 11, 2, 10)), (Status.REJECTED, datetime(2026, 11, 12, 9))),
        posting(2, "job-board", (Status.APPLIED, datetime(2026, 11, 3, 10))),
        posting(3, "network", (Status.APPLIED, datetime(2026, 11, 10, 10)),
                (Status.INTERVIEWING, datetime(2026, 11, 13, 9)), (Status.OFFER, datetime(2026, 11, 26, 9))),
        posting(4, "", (Status.APPLIED, datetime(2026, 11, 18, 10))),
        posting(5, "recruiter", (Status.APPLIED, datetime(2026, 10, 1, 10))),  # before the window
        posting(6, "network"),  # saved, never sent
    ]
    events = [Event(3, EventKind.INTERVIEW, day=date(2026, 11, 20)),
              Event(4, EventKind.CALL, day=date(2026, 11, 24)),  # an answer by then
              Event(3, EventKind.INTERVIEW, day=date(2026, 12, 2))]  # still to come: not counted yet
    return postings, events


def test_weeks_answers_interviews_offers_and_sources() -> None:
    h = hunt(*records(), NOW, weeks=4, target=2)
    assert [w.start for w in h.weeks] == [date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    assert [(w.sent, w.answers, w.interviews, w.offers) for w in h.weeks] == [
        (2, 0, 0, 0), (1, 2, 0, 0), (1, 0, 1, 0), (0, 1, 0, 1)]
    assert [w.met(2) for w in h.weeks] == [True, False, False, False]
    assert sorted(h.answer_days) == [3, 6, 10]  # 3: interviewing after 3 days, 10: rejected, 6: a call
    assert h.median_answer_days == 6
    assert {k: (f.sent, f.answered, f.interviews, f.offers) for k, f in h.sources.items() if f.sent} == {
        "job-board": (2, 1, 0, 0), "network": (1, 1, 1, 1), "unknown": (1, 1, 0, 0)}


def test_text_fits_80_columns_and_marks_the_target() -> None:
    lines = text_lines(hunt(*records(), NOW, weeks=4, target=2))
    assert lines[0] == "The hunt: 4 weeks, 02 Nov 2026 to 29 Nov 2026"
    assert all(len(line) <= 80 for line in lines)
    assert lines[3].startswith("02 Nov 2026    2✓ ███")
    assert "·" in lines[5]  # one sent against a target of two: dots to the target
    assert "Sent 4 in 4 weeks, 1.0 a week; target 2 a week, met in 1 of 4" in lines
    assert "Time to first answer: median 6 days (3 answered of 4 sent)" in lines
    assert "  network       1     1 100%     1 100%     1 100%" in lines


def test_json_has_every_week() -> None:
    data = hunt_json(hunt(*records(), NOW, weeks=2, target=0))
    assert [(w["week"], w["applications"], w["met_target"]) for w in data["weeks"]] == [
        ("2026-W47", 1, False), ("2026-W48", 0, False)]
    assert data["time_to_first_answer"] == {"median_days": 6, "days": [6]}


def test_the_cli_across_weeks(jt_run: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[hunt]\nweekly_target = 2\n", encoding="utf-8")

    def run(now: str, *args: str) -> subprocess.CompletedProcess[str]:
        return jt_run(*args, env={"JOBTRACK_NOW": now, "JOBTRACK_CONFIG": str(config)})

    def ok(now: str, *args: str) -> str:
        proc = run(now, *args)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    for n, source in enumerate(("job-board", "network", "job board", "recruiter"), 1):
        ok("2026-11-01T09:00", "add", "--title", f"Job {n}", "--source", source)
    ok("2026-11-02T10:00", "status", "1", "applied")
    ok("2026-11-03T10:00", "status", "2", "applied")
    ok("2026-11-10T10:00", "status", "3", "applied")
    ok("2026-11-13T10:00", "status", "2", "interviewing")
    ok("2026-11-24T10:00", "status", "2", "offer")

    data = json.loads(ok("2026-11-27T10:00", "stats", "--weeks", "4", "--json"))
    assert data["target"] == 2
    assert [(w["applications"], w["met_target"], w["answers"], w["offers"]) for w in data["weeks"]] == [
        (2, True, 0, 0), (1, False, 1, 0), (0, False, 0, 0), (0, False, 0, 1)]
    assert data["sources"]["network"] == {"sent": 1, "answered": 1, "interviews": 1, "offers": 1}
    assert data["sources"]["job-board"]["sent"] == 2  # "job board" typed with a space is the same source
    assert data["time_to_first_answer"]["median_days"] == 10
    # a week later the first week has left a four-week window
    later = json.loads(ok("2026-12-04T10:00", "stats", "--weeks", "4", "--json"))
    assert [w["applications"] for w in later["weeks"]] == [1, 0, 0, 0]

    text = ok("2026-11-27T10:00", "stats", "--weeks", "4")
    assert "target 2 a week, met in 1 of 4" in text and all(len(line) <= 80 for line in text.splitlines())

    bad = run("2026-11-27T10:00", "stats", "--weeks", "0")
    assert bad.returncode == 1 and bad.stderr.strip() == "jobtrack: --weeks must be from 1 to 522 (ten years)"
    wrong = run("2026-11-27T10:00", "edit", "1", "--source", "newspaper")
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1 and "unknown source 'newspaper'" in wrong.stderr


@pytest.mark.parametrize("text", ["[hunt]\nweekly_target = -1\n"])
def test_a_bad_target_is_one_line(jt_run: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path,
                                  text: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    proc = jt_run("stats", "--weeks", "4", env={"JOBTRACK_CONFIG": str(config)})
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert "hunt.weekly_target must be a whole number" in proc.stderr
