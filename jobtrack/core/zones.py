"""The user's time zone by name, so moments survive daylight-saving changes."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_zone() -> ZoneInfo:
    """The user's zone by name ($TZ, then /etc/localtime, /etc/timezone), else UTC.

    `datetime.now().astimezone().tzinfo` only knows a fixed offset, which
    would be wrong across a daylight-saving change; calendars and reminder
    times need the name.
    """
    candidates: list[str] = []
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        candidates.append(tz)
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    for name in candidates:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def aware(moment: datetime, tz: ZoneInfo) -> datetime:
    """A moment in `tz`: naive values are local wall time (as the model stores them)."""
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)
