"""Issue 15: `status ID STATUS --on DAY`: the history, `report`, CSV import and the
detail screen use the day the user stated."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from jobtrack.app.records import FutureDay, set_status
from jobtrack.core.model import Posting, Status
from jobtrack.store.store import Bundle, Store

from cli_kit import NOW, Run, ok
from tui_kit import make_app, open_first_detail, shown


def history(jt_run: Run, ident: int) -> list[tuple[str, str, str, bool]]:
    data = json.loads(ok(jt_run, "show", str(ident), "--json"))
    return [(h["status"], h["at"], h["note"], h["recorded"] is not None) for h in data["history"]]


def test_status_on_a_past_day(jt_run: Run) -> None:
    ok(jt_run, "add", "--title", "Nurse", "--employer", "Region")
    out = ok(jt_run, "status", "1", "applied", "--on", "27/11", "--note", "by mail")
    assert out.strip() == "#1 is now applied (since 2026-11-27)"
    assert history(jt_run, 1)[1] == ("applied", "2026-11-27T00:00:00", "by mail", True)
    shown_lines = ok(jt_run, "show", "1").splitlines()
    assert "    2026-11-27        applied  by mail" in shown_lines
    report = ok(jt_run, "report", "--since", "2026-11-01")
    assert "## 1. Applied 2026-11-27" in report


def test_a_day_without_a_year_is_a_past_one(jt_run: Run) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    ok(jt_run, "status", "1", "applied", "--on", "3/12")  # on 29/11/2026: last year's 3 December
    assert history(jt_run, 1)[-1][1] == "2025-12-03T00:00:00"


def test_a_day_after_today_is_refused(jt_run: Run) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    proc = jt_run("status", "1", "applied", "--on", "2026-12-24", env=NOW)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "jobtrack: 2026-12-24 is after today: a status change is dated on the day it happened"
    bad = jt_run("status", "1", "applied", "--on", "someday", env=NOW)
    assert bad.returncode == 2 and "cannot understand the date" in bad.stderr and "Traceback" not in bad.stderr
    assert [h[0] for h in history(jt_run, 1)] == ["saved"]


def test_stating_the_day_again_moves_the_latest_change(jt_run: Run) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    ok(jt_run, "status", "1", "applied")
    ok(jt_run, "status", "1", "applied", "--on", "yesterday")
    assert [(h[0], h[1][:10]) for h in history(jt_run, 1)] == [("saved", "2026-11-29"), ("applied", "2026-11-28")]


def test_a_day_before_a_later_step_keeps_the_later_status(jt_run: Run) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    ok(jt_run, "status", "1", "interviewing")
    out = ok(jt_run, "status", "1", "applied", "--on", "20/11")
    assert out.strip() == "#1 stays interviewing: applied on 2026-11-20 went into its history before a later change"
    assert [h[0] for h in history(jt_run, 1)] == ["saved", "applied", "interviewing"]


def test_csv_applied_on_column(jt_run: Run, tmp_path: Path) -> None:
    csv = tmp_path / "mine.csv"
    csv.write_text("Title,Employer,Applied on,Status\nNurse,Region,24/11,\nChef,Hotel,2026-11-20,interviewing\n"
                   "Cook,Inn,,\n", encoding="utf-8")
    ok(jt_run, "import", "--csv", str(csv))
    rows = {p["title"]: p for p in json.loads(ok(jt_run, "list", "--json"))}
    assert rows["Nurse"]["status"] == "applied" and rows["Chef"]["status"] == "interviewing"
    assert rows["Cook"]["status"] == "saved"
    assert [(h[0], h[1][:10], h[3]) for h in history(jt_run, rows["Chef"]["id"])] == [
        ("applied", "2026-11-20", True), ("interviewing", "2026-11-29", False)]
    report = ok(jt_run, "report", "--since", "2026-11-01")
    assert "Applied 2026-11-20" in report and "Applied 2026-11-24" in report
    out = tmp_path / "out.csv"
    ok(jt_run, "export", "--csv", str(out))
    assert ",2026-11-24\r\n" in out.read_bytes().decode("utf-8-sig")


def test_future_day_is_refused_by_the_use_case(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.json")
    store.add(Bundle(Posting("Nurse")))
    with pytest.raises(FutureDay):
        set_status(store, 1, Status.APPLIED, now=datetime(2026, 11, 29, 10), on=date(2026, 11, 30))
    p = set_status(store, 1, Status.APPLIED, now=datetime(2026, 11, 29, 10), on=date(2026, 11, 29))
    assert p.history[-1].recorded == datetime(2026, 11, 29, 10)


async def test_detail_history_shows_the_stated_day(store: Store) -> None:
    set_status(store, 1, Status.APPLIED, "by mail", now=datetime(2026, 11, 23, 10), on=date(2026, 11, 20))
    app = make_app(store)
    async with app.run_test(size=(120, 50)) as pilot:
        await open_first_detail(app, pilot)
        text = shown(app, "#history")
        assert "2026-11-20        applied  by mail" in text
        assert "2026-11-01 09:00" in text  # a change recorded as it happened keeps its hour
