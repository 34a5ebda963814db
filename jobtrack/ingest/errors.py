"""The one error every way of reading a posting raises, and the advice it gives."""

from __future__ import annotations

PASTE_HINT = 'copy the posting\'s text and use "jobtrack add -" to paste it'


class SourceError(Exception):
    """A source could not be read; the message is one line for the user."""
