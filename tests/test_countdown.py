from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobtrack.core.countdown import countdown, urgency  # noqa: E402

NOW = datetime(2026, 11, 23, 10, 0)


def test_countdown_words() -> None:
    assert countdown(datetime(2026, 11, 26, 23, 59), NOW) == "3 days"
    assert countdown(datetime(2026, 11, 23, 18, 0), NOW) == "today 18:00"
    assert countdown(datetime(2026, 11, 24, 9, 0), NOW) == "tomorrow 09:00"
    assert countdown(datetime(2026, 11, 21, 23, 59), NOW) == "closed 2 days ago"
    assert countdown(datetime(2026, 11, 23, 15, 0), NOW) == "in 5 h"
    assert countdown(datetime(2026, 11, 23, 10, 30), NOW) == "in 30 min"
    assert countdown(datetime(2026, 12, 14, 12, 0), NOW) == "3 weeks"


def test_urgency() -> None:
    assert urgency(datetime(2026, 11, 24, 9, 0), NOW) == "urgent"
    assert urgency(datetime(2026, 11, 28), NOW) == "soon"
    assert urgency(datetime(2026, 12, 28), NOW) == "later"
    assert urgency(datetime(2026, 11, 1), NOW) == "past"
    assert urgency(None, NOW) == "later"
