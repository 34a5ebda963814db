"""The one error every way of reading a posting raises."""

from __future__ import annotations


class SourceError(Exception):
    """A source could not be read; the message is one line for the user and says what happened.

    `paste_helps` marks failures where copying the posting's text by hand gets
    round the problem (a page that would not load, a PDF without text). What
    to do then is the front end's to say: the command line and the app give
    different advice, so the message carries none.
    """

    def __init__(self, message: str, *, paste_helps: bool = False) -> None:
        super().__init__(message)
        self.paste_helps = paste_helps
