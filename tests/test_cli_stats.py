"""`jobtrack stats` as a user runs it: bars, the answer rate, JSON, no Textual."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest


def test_stats_counts_stages_and_answers(jt) -> None:
    past = (date.today() - timedelta(days=3)).isoformat()
    for title in ("Chef", "Analyst", "Developer", "Jurist"):
        jt("add", "--title", title, "--employer", "Acme")
    jt("add", "--title", "Missed", "--deadline", past)
    jt("status", "2", "applied")
    jt("status", "3", "applied")
    jt("status", "3", "interviewing")
    jt("status", "4", "rejected")

    data = json.loads(jt("stats", "--json").stdout)
    assert data["stages"] == {
        "saved": 1, "applied": 1, "interviewing": 1, "offer": 0, "accepted": 0,
        "rejected": 1, "withdrawn": 0, "closed": 1,
    }
    assert (data["total"], data["sent"], data["answered"]) == (5, 3, 2)
    assert data["answer_rate"] == pytest.approx(2 / 3)

    lines = jt("stats").stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0] == "Postings by stage (5 in all)"
    bars = {line.split()[0]: line for line in lines[2:10]}
    assert list(bars) == ["saved", "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn", "closed"]
    assert bars["closed"].split()[1] == "1" and bars["closed"].endswith("█" * 60)
    assert bars["offer"].split() == ["offer", "0"]
    assert lines[-2] == "Answer rate: 2 of 3 applications answered (67%)"
    assert lines[-1] == "Waiting for a first answer: 1 · follow up now: 0 · ghosted? 0 (silent 42+ days)"


def test_stats_on_an_empty_store(jt) -> None:
    out = jt("stats").stdout
    assert "Postings by stage (0 in all)" in out
    assert "Answer rate: no application sent yet\nNo application is waiting for a first answer" in out
    assert json.loads(jt("stats", "--json").stdout)["answer_rate"] is None


def test_stats_does_not_import_textual(jt) -> None:
    proc = jt("stats", python_flags=("-X", "importtime"))
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert "jobtrack.core.pipeline" in imported  # the probe works
    assert not any(name == "textual" or name.startswith("textual.") for name in imported)
