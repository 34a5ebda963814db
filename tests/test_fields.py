"""The field registry's parts: parsing by kind with errors that name the field as data,
and the store's encoding of a declared field that has no attribute of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from jobtrack.app.fields import parse_fields
from jobtrack.core.fields import Field, FieldError, Kind, get
from jobtrack.core.model import (
    EVENT_FIELDS,
    POSTING_FIELDS,
    EventKind,
    Posting,
    posting_from_dict,
    replace_fields,
    to_dict,
)

Declare = Callable[[list[Field], Field], None]
INTERVIEWED = Field("interviewed", Kind.PAST_DATE, "Interviewed", csv=None)


def test_an_error_names_its_field_as_data_and_says_why_in_words() -> None:
    with pytest.raises(FieldError) as caught:
        parse_fields({"title": "Chef", "start_date": "whenever"}, POSTING_FIELDS)
    assert caught.value.field == "start_date"
    assert "--" not in str(caught.value) and "whenever" in str(caught.value)


def test_a_date_typed_with_a_time_fills_both_and_a_time_given_alone_wins() -> None:
    assert parse_fields({"deadline": "2030-03-16 12:00"}, POSTING_FIELDS) == {
        "deadline": date(2030, 3, 16), "deadline_time": time(12, 0)}
    assert parse_fields({"deadline_time": "9:30", "deadline": "2030-03-16 12:00"}, POSTING_FIELDS) == {
        "deadline": date(2030, 3, 16), "deadline_time": time(9, 30)}
    assert parse_fields({"when": ""}, EVENT_FIELDS) == {"day": None, "time": None}


def test_choices_are_checked_and_given_as_their_enum() -> None:
    assert parse_fields({"kind": "Follow-up"}, EVENT_FIELDS) == {"kind": EventKind.FOLLOW_UP}
    with pytest.raises(FieldError, match="choose from interview, test"):
        parse_fields({"kind": "party"}, EVENT_FIELDS)


def test_a_declared_field_without_an_attribute_is_stored_as_a_key_and_read_back_typed(declare: Declare) -> None:
    declare(POSTING_FIELDS, INTERVIEWED)
    posting = replace_fields(Posting("Chef"), parse_fields({"interviewed": "2026-11-02"}, POSTING_FIELDS))
    data = to_dict(posting)
    assert data["interviewed"] == "2026-11-02" and "extra" not in data
    assert get(posting_from_dict(data), INTERVIEWED) == date(2026, 11, 2)
    assert get(posting_from_dict({"title": "Older record"}), INTERVIEWED) is None
