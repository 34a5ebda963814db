"""A field declared from outside the package, as a plug-in would: where the work is done.

Imported, it gives the declaration; run, it is the jobtrack command line
with the field appended to the posting fields first:
Usage: workplace.py ARG...   (the arguments of `jobtrack`)
"""

from __future__ import annotations

import sys

from jobtrack.core.fields import Field, Kind

WORKPLACE = Field("workplace", Kind.CHOICE, "Workplace", "where the work is done", choices=("remote", "hybrid", "on-site"))


if __name__ == "__main__":
    from jobtrack.__main__ import main
    from jobtrack.core.model import POSTING_FIELDS

    POSTING_FIELDS.append(WORKPLACE)
    sys.exit(main(sys.argv[1:]))
