"""Make untrusted text safe to keep and to print in a terminal.

Everything that comes from the web, a file or stdin is data. A posting
can carry ANSI escape sequences (colour, cursor moves, OSC window-title
or hyperlink tricks), stray C0/C1 control bytes or bidi overrides that
reorder what the user sees. `clean_text` removes those and keeps plain
text with newlines and tabs; `clean_line` also folds it onto one line for
titles and error messages. `json_text` keeps such characters but escapes
them, for output that must give back exactly what was stored. All are pure
and cheap to import.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import orjson

# ESC / 8-bit introducers followed by a whole sequence, removed as a unit so
# their parameters ("31m", "0;title") do not stay behind as text.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                    # CSI: ESC [ ... final
  | (?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?  # OSC: ESC ] ... BEL/ST
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?  # DCS/SOS/PM/APC
  | \x1b[ -/]*[0-~]                                     # other two-byte escapes
    """,
    re.VERBOSE,
)

# C0 except \t and \n, DEL, C1, bidi embeddings/overrides/isolates, the
# Unicode line/paragraph separators (turned into "\n" before this runs), and
# lone surrogates (JSON may spell "\ud800"; no UTF-8 file can hold one).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_text(s: str) -> str:
    """Return `s` without terminal control sequences, with "\\n" line ends, NFC.

    Rich/Textual markup such as "[bold]" is left as literal text: it is
    only dangerous if someone renders it with markup on, which the UI does
    not do.
    """
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = s.replace("\u2028", "\n").replace("\u2029", "\n\n")
    s = _ESCAPE_SEQUENCE.sub("", s)
    s = _CONTROL.sub("", s)
    return unicodedata.normalize("NFC", s)


def clean_line(s: str) -> str:
    """`clean_text` folded onto one line, for titles and one-line messages."""
    return " ".join(clean_text(s).split())


# What `json.dumps(ensure_ascii=False)` leaves raw but a terminal acts on: DEL,
# C1, bidi marks, embeddings, overrides and isolates, line/paragraph separators.
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_text(data: Any, indent: int = 2) -> str:
    """JSON that keeps letters such as "æøå" readable but escapes every control character.

    Lossless: a JSON reader gets the very same strings back, so exports stay
    exact while a terminal or pager showing them receives no controls.
    """
    text = _dumps(data, indent)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _dumps(data: Any, indent: int) -> str:
    """orjson where it can (two spaces, text keys, valid text): the same JSON as `json.dumps`
    (a tiny float may read 1e-7 for 1e-07, the same number) for a long list in a tenth of
    the time; anything else the standard way."""
    if indent == 2:
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
        except orjson.JSONEncodeError:
            pass
    return json.dumps(data, ensure_ascii=False, indent=indent)
