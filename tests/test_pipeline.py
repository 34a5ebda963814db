"""The pipeline picture: counts per stage, closed postings, the answer rate, the bars."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

from jobtrack.core.model import Posting, Status, StatusChange
from jobtrack.core.pipeline import STAGES, bar, bar_lines, pipeline

NOW = datetime(2026, 11, 23, 10, 0)


def _posting(title: str, status: Status, *steps: Status, deadline: date | None = None) -> Posting:
    history = [StatusChange(s, datetime(2026, 11, 1 + i)) for i, s in enumerate((Status.SAVED, *steps, status))]
    return Posting(title, status=status, history=history, deadline=deadline)


def postings() -> list[Posting]:
    return [
        _posting("open", Status.SAVED, deadline=date(2026, 12, 1)),
        _posting("no deadline", Status.SAVED),
        _posting("closed", Status.SAVED, deadline=date(2026, 11, 20)),
        _posting("sent", Status.APPLIED),
        _posting("sent too", Status.APPLIED, deadline=date(2026, 11, 20)),  # applied in time: not closed
        _posting("talking", Status.INTERVIEWING, Status.APPLIED),
        _posting("offer", Status.OFFER, Status.APPLIED, Status.INTERVIEWING),
        _posting("hired", Status.ACCEPTED, Status.APPLIED, Status.INTERVIEWING, Status.OFFER),
        _posting("no", Status.REJECTED, Status.APPLIED),
        _posting("gave up after talking", Status.WITHDRAWN, Status.APPLIED, Status.INTERVIEWING),
        _posting("gave up unanswered", Status.WITHDRAWN, Status.APPLIED),
        _posting("never sent", Status.WITHDRAWN),
    ]


def test_counts_per_stage_with_closed() -> None:
    found = pipeline(postings(), NOW)
    assert list(found.counts) == list(STAGES)
    assert found.counts == {
        "saved": 2, "applied": 2, "interviewing": 1, "offer": 1, "accepted": 1,
        "rejected": 1, "withdrawn": 3, "closed": 1,
    }
    assert found.total == 12


def test_answer_rate_counts_sent_applications_only() -> None:
    found = pipeline(postings(), NOW)
    # sent: both applied, talking, offer, hired, no, both withdrawn after sending = 8
    # answered: talking, offer, hired, no, gave up after talking = 5
    assert (found.sent, found.answered) == (8, 5)
    assert found.answer_rate == 5 / 8


def test_a_posting_closes_when_its_deadline_passes() -> None:
    p = _posting("soon", Status.SAVED, deadline=date(2026, 11, 23))
    assert pipeline([p], NOW).counts["saved"] == 1
    assert pipeline([p], datetime(2026, 11, 24)).counts["closed"] == 1


def test_empty_store_has_no_rate() -> None:
    found = pipeline([], NOW)
    assert found.total == 0 and found.answer_rate is None
    assert bar_lines(found)[-1] == "Answer rate: no application sent yet"


def test_bars_scale_to_the_largest_in_eighths() -> None:
    assert bar(10, 10, 20) == "█" * 20
    assert bar(0, 10, 20) == ""
    assert bar(1, 16, 2) == "▏"  # one eighth of a cell
    assert bar(3, 4, 3) == "██▎"  # 2.25 cells
    assert bar(1, 1000, 10) == "▏"  # never invisible when not zero


def test_bar_lines_fit_and_read() -> None:
    lines = bar_lines(pipeline(postings(), NOW), width=80)
    assert all(len(line) <= 80 for line in lines)
    assert lines[0] == "Postings by stage (12 in all)"
    withdrawn = next(line for line in lines if line.startswith("withdrawn"))
    assert withdrawn.split()[1] == "3" and withdrawn.endswith("█" * 60)
    assert lines[-1] == "Answer rate: 5 of 8 applications answered (62%)"
    narrow = bar_lines(pipeline(postings(), NOW), width=40)
    assert all(len(line) <= 40 for line in narrow if "█" in line)


def test_shared_agenda_modules_import_no_textual() -> None:
    code = (
        "import sys\n"
        "import jobtrack.core.pipeline, jobtrack.app.review, jobtrack.app.agenda, jobtrack.cli.stats\n"
        "assert not [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
