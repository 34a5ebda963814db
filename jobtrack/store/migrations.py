"""Schema versions of the store file and the steps between them.

Each step takes the raw data of version N and returns version N+1, so an
old file is brought forward one step at a time when it is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Data = dict[str, Any]


def _v0_to_v1(data: Data) -> Data:
    """Version 0 is a file from before versioning: make sure every table exists."""
    for table in ("postings", "contacts", "events", "meta"):
        data.setdefault(table, {})
    return data


def _v1_to_v2(data: Data) -> Data:
    """Every posting, contact and event gets the identity that exports, imports and calendar UIDs use."""
    from uuid import uuid4

    for table in ("postings", "contacts", "events"):
        for row in data.get(table, {}).values():
            if not row.get("uid"):
                row["uid"] = str(uuid4())
    return data


STEPS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1, 1: _v1_to_v2}
SCHEMA_VERSION = max(STEPS) + 1


def migrate(data: Data, version: int) -> Data:
    for step in range(version, SCHEMA_VERSION):
        data = STEPS[step](data)
    return data
