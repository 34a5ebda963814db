"""Reminder timing with a fixed clock: the default rules, "kl. 24.00", missed and snoozed
reminders, edits after a reminder fired, daylight-saving changes, and the config file."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from jobtrack.app import reminders as rm
from jobtrack.app.config import ConfigError, Offset, ReminderRules, load_config, parse_config
from jobtrack.core.model import Event, EventKind, Posting, Status, StatusChange
from jobtrack.lang.human_dates import parse_when

TZ = ZoneInfo("Europe/Copenhagen")
UTC = timezone.utc
RULES = ReminderRules()


def posting(**kw) -> Posting:  # type: ignore[no-untyped-def]
    kw.setdefault("id", 1)
    kw.setdefault("created", datetime(2026, 1, 1))  # long enough ago that no follow-up is pending
    return Posting(kw.pop("title", "Chef"), employer=kw.pop("employer", "Viborg Kommune"), **kw)


def due_now(postings, events, now: datetime, state: rm.State | None = None, rules: ReminderRules = RULES):  # type: ignore[no-untyped-def]
    return rm.due(rm.candidates(postings, events, rules, now, TZ), state or {}, rules, now, TZ)


def local(r: rm.Reminder) -> datetime:
    return r.due.astimezone(TZ).replace(tzinfo=None)


def dues(postings, events, now: datetime) -> dict[str, datetime]:  # type: ignore[no-untyped-def]
    return {r.key.split("/")[1]: local(r) for r in rm.candidates(postings, events, RULES, now, TZ)}


# -- the default rules ------------------------------------------------------------


def test_deadline_rules_fire_in_the_morning_of_each_day() -> None:
    p = posting(deadline=date(2026, 4, 14))
    assert dues([p], [], datetime(2026, 4, 1)) == {
        "deadline-7d": datetime(2026, 4, 7, 9, 0),
        "deadline-2d": datetime(2026, 4, 12, 9, 0),
        "deadline-1d": datetime(2026, 4, 13, 9, 0),
        "deadline-0d": datetime(2026, 4, 14, 9, 0),
    }
    assert due_now([p], [], datetime(2026, 4, 7, 8, 59)) == []
    [r] = due_now([p], [], datetime(2026, 4, 7, 9, 0))
    assert r.key == "posting-1/deadline-7d/2026-04-14T23:59"
    assert r.text == "Deadline in 7 days: Chef – Viborg Kommune"
    assert r.target == datetime(2026, 4, 14, 23, 59) and not r.late


def test_deadline_before_the_morning_hour_is_reminded_an_hour_ahead() -> None:
    p = posting(deadline=date(2026, 4, 14), deadline_time=time(8, 0))
    assert dues([p], [], datetime(2026, 4, 1))["deadline-0d"] == datetime(2026, 4, 14, 7, 0)


def test_deadline_kl_24_is_the_end_of_that_day_not_the_next() -> None:
    day, clock = parse_when("tirsdag 14. april 2026 kl. 24.00")
    p = posting(deadline=day, deadline_time=clock)
    assert dues([p], [], datetime(2026, 4, 1))["deadline-0d"] == datetime(2026, 4, 14, 9, 0)
    [r] = due_now([p], [], datetime(2026, 4, 14, 23, 30))
    assert r.key.endswith("deadline-0d/2026-04-14T23:59")
    assert due_now([p], [], datetime(2026, 4, 15, 0, 1)) == []  # the deadline is over: nothing the day after


def test_interview_the_day_before_and_two_hours_before() -> None:
    p = posting(status=Status.APPLIED)
    e = Event(1, EventKind.INTERVIEW, date(2026, 5, 12), time(10, 0), place="Room 2", id=3)
    assert dues([p], [e], datetime(2026, 5, 1)) == {
        "interview-1d": datetime(2026, 5, 11, 10, 0),
        "interview-2h": datetime(2026, 5, 12, 8, 0),
    }
    [r] = due_now([p], [e], datetime(2026, 5, 12, 8, 0))
    assert r.text == "Interview in 2 h: Chef – Viborg Kommune · Room 2"


@pytest.mark.parametrize("kind", [EventKind.TEST, EventKind.CASE, EventKind.CALL])
def test_other_appointments_follow_the_interview_rules(kind: EventKind) -> None:
    e = Event(1, kind, date(2026, 5, 12), time(10, 0), id=3)
    assert set(dues([posting(status=Status.APPLIED)], [e], datetime(2026, 5, 1))) == {f"{kind.value}-1d", f"{kind.value}-2h"}


def test_follow_ups_after_seven_fourteen_and_twenty_eight_days_without_an_answer() -> None:
    p = posting(status=Status.APPLIED, history=[StatusChange(Status.APPLIED, datetime(2026, 3, 1, 15, 0))])
    assert dues([p], [], datetime(2026, 3, 2)) == {"follow-up-7d": datetime(2026, 3, 8, 9, 0),
                                                   "follow-up-14d": datetime(2026, 3, 15, 9, 0),
                                                   "follow-up-28d": datetime(2026, 3, 29, 9, 0)}
    [r] = due_now([p], [], datetime(2026, 3, 15, 9, 0))  # the 7-day one, missed, is passed over
    assert r.text == "No answer for 14 days: Chef – Viborg Kommune. Follow up?"
    p.status = Status.INTERVIEWING  # an answer came
    assert due_now([p], [], datetime(2026, 3, 15, 9, 0)) == []


def test_own_reminder_fires_on_its_day() -> None:
    e = Event(1, EventKind.FOLLOW_UP, date(2026, 8, 3), label="call Jette", id=9)
    p = posting(status=Status.APPLIED, history=[StatusChange(Status.APPLIED, datetime(2026, 7, 30))])
    assert due_now([p], [e], datetime(2026, 8, 3, 8, 59)) == []
    [r] = due_now([p], [e], datetime(2026, 8, 3, 9, 0))
    assert r.key == "event-9/reminder/2026-08-03T09:00"
    assert r.text == "Reminder: call Jette (Chef – Viborg Kommune)"


def test_no_reminders_for_finished_postings_nor_deadlines_already_applied_to() -> None:
    e = Event(1, EventKind.INTERVIEW, date(2026, 4, 15), time(10, 0), id=3)
    now = datetime(2026, 4, 14, 12, 0)
    for status in (Status.REJECTED, Status.WITHDRAWN, Status.ACCEPTED):
        assert due_now([posting(deadline=date(2026, 4, 14), status=status)], [e], now) == []
    applied = due_now([posting(deadline=date(2026, 4, 14), status=Status.APPLIED)], [e], now)
    assert [r.kind for r in applied] == ["interview"]


# -- delivery and state ---------------------------------------------------------------


def test_missed_reminders_show_once_the_latest_marked_late() -> None:
    p = posting(deadline=date(2026, 4, 14))
    now = datetime(2026, 4, 13, 12, 0)  # nothing ran since before the 7-day reminder
    [r] = due_now([p], [], now)
    assert r.key.split("/")[1] == "deadline-1d" and r.late
    state = rm.mark_shown({}, [r], now.replace(tzinfo=TZ))
    assert due_now([p], [], now + timedelta(hours=1), state) == []
    [today] = due_now([p], [], datetime(2026, 4, 14, 9, 10), state)
    assert today.key.split("/")[1] == "deadline-0d" and not today.late  # ten minutes is not late


def test_a_posting_added_after_its_reminder_fell_due_is_not_late() -> None:
    """Added (or its deadline moved) two days before the deadline: nothing was missed."""
    p = posting(deadline=date(2026, 4, 14), created=datetime(2026, 4, 12, 15, 0))
    [r] = due_now([p], [], datetime(2026, 4, 12, 15, 5))
    assert r.key.split("/")[1] == "deadline-2d" and not r.late
    edited = posting(deadline=date(2026, 4, 14), updated=datetime(2026, 4, 12, 15, 0))
    assert not due_now([edited], [], datetime(2026, 4, 12, 15, 5))[0].late
    assert due_now([edited], [], datetime(2026, 4, 12, 16, 1))[0].late  # then missed for an hour


def test_late_means_more_than_an_hour_after_it_fell_due() -> None:
    p = posting(deadline=date(2026, 4, 14))
    assert not due_now([p], [], datetime(2026, 4, 7, 10, 0))[0].late
    assert due_now([p], [], datetime(2026, 4, 7, 10, 1))[0].late


def test_snoozed_reminder_comes_back_at_the_snooze_time() -> None:
    p = posting(deadline=date(2026, 4, 14))
    now = datetime(2026, 4, 7, 9, 0)
    [r] = due_now([p], [], now)
    state = rm.mark_shown({}, [r], now.replace(tzinfo=TZ))
    state = rm.snooze(state, r, datetime(2026, 4, 8, 9, 0, tzinfo=TZ))
    assert due_now([p], [], datetime(2026, 4, 8, 8, 59), state) == []
    [back] = due_now([p], [], datetime(2026, 4, 8, 9, 0), state)
    assert back.key == r.key and not back.late
    state = rm.mark_shown(state, [back], datetime(2026, 4, 8, 9, 0, tzinfo=TZ))
    assert due_now([p], [], datetime(2026, 4, 8, 9, 5), state) == []


def test_dismissed_reminder_is_gone_but_the_next_rule_still_fires() -> None:
    p = posting(deadline=date(2026, 4, 14))
    now = datetime(2026, 4, 7, 9, 0)
    [r] = due_now([p], [], now)
    state = rm.dismiss({}, r, now.replace(tzinfo=TZ))
    assert r.key not in {x.key for x in rm.pending(rm.candidates([p], [], RULES, now, TZ), state, now, TZ)}
    assert [x.key.split("/")[1] for x in due_now([p], [], datetime(2026, 4, 12, 9, 0), state)] == ["deadline-2d"]


def test_deadline_edited_after_its_reminder_fired_gives_a_new_reminder() -> None:
    p = posting(deadline=date(2026, 4, 14))
    now = datetime(2026, 4, 7, 9, 0)
    [first] = due_now([p], [], now)
    state = rm.mark_shown({}, [first], now.replace(tzinfo=TZ))
    p.deadline = date(2026, 4, 20)  # the employer moved the deadline
    later = datetime(2026, 4, 7, 12, 0)
    assert due_now([p], [], later, state) == []  # the 7-day reminder for the 20th is due on the 13th
    assert first.key not in {r.key for r in rm.candidates([p], [], RULES, later, TZ)}
    [new] = due_now([p], [], datetime(2026, 4, 13, 9, 0), state)
    assert new.key == "posting-1/deadline-7d/2026-04-20T23:59"


def test_pending_lists_due_snoozed_and_upcoming() -> None:
    p = posting(deadline=date(2026, 4, 14))
    now = datetime(2026, 4, 12, 10, 0)
    made = rm.candidates([p], [], RULES, now, TZ)
    found = rm.pending(made, rm.number({}, rm.pending(made, {}, now, TZ)), now, TZ)
    assert [r.key.split("/")[1] for r in found] == ["deadline-2d", "deadline-1d", "deadline-0d"]
    assert [r.number for r in found] == [1, 2, 3]
    assert rm.find(found, "2").key == found[1].key
    assert rm.find(found, found[2].key) == found[2]
    with pytest.raises(ValueError, match="no reminder"):
        rm.find(found, "9")


def test_prune_forgets_long_past_targets() -> None:
    p = posting(deadline=date(2026, 4, 14))
    now = datetime(2026, 4, 7, 9, 0, tzinfo=TZ)
    state = rm.mark_shown({}, due_now([p], [], now), now)
    assert rm.prune(state, datetime(2026, 5, 1, tzinfo=TZ)) == state
    assert rm.prune(state, datetime(2026, 5, 20, tzinfo=TZ)) == {}


# -- daylight saving (Europe/Copenhagen) -------------------------------------------------


def test_autumn_change_day_before_keeps_the_wall_time_two_hours_are_elapsed() -> None:
    p = posting(status=Status.APPLIED)
    # 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET.
    e = Event(1, EventKind.INTERVIEW, date(2026, 10, 25), time(9, 0), id=3)
    [day_before, two_hours] = sorted(rm.candidates([p], [e], RULES, datetime(2026, 10, 20), TZ), key=lambda r: r.due)
    assert day_before.due == datetime(2026, 10, 24, 7, 0, tzinfo=UTC)  # 09:00 CEST
    assert local(day_before) == datetime(2026, 10, 24, 9, 0)
    assert two_hours.due == datetime(2026, 10, 25, 6, 0, tzinfo=UTC)  # 07:00 CET
    early = Event(1, EventKind.INTERVIEW, date(2026, 10, 25), time(3, 30), id=4)
    [r] = [x for x in rm.candidates([p], [early], RULES, datetime(2026, 10, 20), TZ) if x.key.split("/")[1] == "interview-2h"]
    # 03:30 CET is 02:30 UTC; two real hours before is 00:30 UTC, 02:30 CEST on the clock (not 01:30).
    assert r.due == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert r.due.astimezone(TZ).strftime("%H:%M %Z") == "02:30 CEST"


def test_spring_change_day_before_keeps_the_wall_time_two_hours_are_elapsed() -> None:
    p = posting(status=Status.APPLIED)
    # 29 March 2026: clocks go forward from 02:00 CET to 03:00 CEST.
    e = Event(1, EventKind.INTERVIEW, date(2026, 3, 29), time(9, 0), id=3)
    [day_before, two_hours] = sorted(rm.candidates([p], [e], RULES, datetime(2026, 3, 20), TZ), key=lambda r: r.due)
    assert day_before.due == datetime(2026, 3, 28, 8, 0, tzinfo=UTC)  # 09:00 CET, 23 real hours before
    assert two_hours.due == datetime(2026, 3, 29, 5, 0, tzinfo=UTC)  # 07:00 CEST
    early = Event(1, EventKind.INTERVIEW, date(2026, 3, 29), time(3, 30), id=4)
    [r] = [x for x in rm.candidates([p], [early], RULES, datetime(2026, 3, 20), TZ) if x.key.split("/")[1] == "interview-2h"]
    assert r.due.astimezone(TZ).strftime("%Y-%m-%d %H:%M %Z") == "2026-03-29 00:30 CET"
    # Delivered at the right real moment even though the clock skips an hour in between.
    assert [x.key.split("/")[1] for x in due_now([p], [early], datetime(2026, 3, 29, 0, 29))] == ["interview-1d"]
    assert [x.key for x in due_now([p], [early], datetime(2026, 3, 29, 0, 30))] == [r.key]


# -- config ---------------------------------------------------------------------------------


def test_config_defaults_and_overrides(tmp_path: Path) -> None:
    assert load_config(tmp_path / "missing.toml").reminders == ReminderRules()
    config = parse_config(
        '[reminders]\ndeadline = ["3d", "0d"]\nappointment = ["1w", "90m"]\nappointment_kinds = ["interview"]\n'
        'follow_up_days = 0\nmorning = "07:30"\nlate_after = "2h"\n'
    )
    r = config.reminders
    assert r.deadline == (Offset(days=3), Offset(days=0))
    assert r.appointment == (Offset(days=7), Offset(elapsed=timedelta(minutes=90)))
    assert [o.name for o in r.appointment] == ["7d", "90m"]
    assert r.appointment_kinds == (EventKind.INTERVIEW,)
    assert r.follow_up_days == () and r.morning == time(7, 30) and r.late_after == timedelta(hours=2)
    p = posting(status=Status.APPLIED, history=[StatusChange(Status.APPLIED, datetime(2026, 3, 1))])
    assert rm.candidates([p], [], r, datetime(2026, 3, 2), TZ) == []  # follow-ups turned off


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[reminders\n", "not valid TOML"),
        ("[reminders]\ndeadlines = [\"7d\"]\n", "unknown setting reminders.deadlines"),
        ("[reminders]\ndeadline = [\"7 days\"]\n", "'7 days' is not a duration"),
        ("[reminders]\ndeadline = \"7d\"\n", "reminders.deadline must be a list"),
        ("[reminders]\nmorning = \"9 o'clock\"\n", "reminders.morning must be a time"),
        ("[reminders]\nfollow_up_days = -1\n", "reminders.follow_up_days must be a whole number"),
        ("[reminders]\nappointment_kinds = [\"party\"]\n", "event kinds"),
        ("colour = \"red\"\n", "unknown setting colour"),
    ],
)
def test_bad_config_is_one_line_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message and problem in message and "\n" not in message
