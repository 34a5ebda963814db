"""Checking and normalising what people type into contact and posting fields.

The CLI options, the TUI forms and the spreadsheet import all parse through
these, so a phone number typed by hand is kept in E.164 like one extraction
found, and a tag list means the same wherever it is written.
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from jobtrack.core.model import SOURCES, EventKind

DEFAULT_REGION = "DK"  # numbers typed without a country code, as extraction assumes with no other clue
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_LANGUAGE = re.compile(r"^[a-z]{2}(?:-[a-z]{2})?$")
_TAG_SEPARATORS = re.compile(r"[;,]")


def phone(text: str) -> str:
    """A valid number in E.164 ("30 45 64 05" → "+4530456405"); empty clears it."""
    if not text.strip():
        return ""
    import phonenumbers  # not needed by most commands, and slow to import

    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValueError(f"{text.strip()!r} is not a phone number (write it as +45 30 45 64 05)")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email(text: str) -> str:
    """name@domain, the domain in lower case (it is not case-sensitive); empty clears it."""
    text = text.strip()
    if not text:
        return ""
    if not _EMAIL.match(text):
        raise ValueError(f"{text!r} is not an e-mail address")
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def url(text: str) -> str:
    """An http(s) address with a host, scheme and host in lower case; empty clears it."""
    text = text.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise ValueError(f"{text!r} is not a web address (http:// or https://)")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, parts.fragment))


def language(text: str) -> str:
    """A two-letter language code ("da", "en", "pt-br"), in lower case; empty clears it."""
    code = text.strip().lower().replace("_", "-")
    if code and not _LANGUAGE.match(code):
        raise ValueError(f"{text.strip()!r} is not a language code (two letters: da, en, de)")
    return code


def event_kind(text: str) -> EventKind:
    try:
        return EventKind(text.strip().lower())
    except ValueError:
        raise ValueError(f"unknown kind {text.strip()!r} (choose from {', '.join(k.value for k in EventKind)})") from None


def source(text: str) -> str:
    """Where the posting was found: job-board, network, direct or recruiter ("job board" too); empty clears it."""
    word = "-".join(text.strip().lower().split())
    if word and word not in SOURCES:
        raise ValueError(f"unknown source {text.strip()!r} (choose from {', '.join(SOURCES)})")
    return word


def tags(text: str) -> list[str]:
    """Tags separated by `,` or `;`: the same list in the CLI, the TUI and a spreadsheet."""
    return [t.strip() for t in _TAG_SEPARATORS.split(text) if t.strip()]


def fmt(value: Any) -> str:
    """A field's value as a user types it (the reverse of the parsers), for forms and listings."""
    if value is None:
        return ""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
