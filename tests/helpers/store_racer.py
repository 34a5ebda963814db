"""Concurrency helper: many read-modify-write updates against a shared store.

Usage: store_racer.py STORE_PATH NAME POSTING_ID COUNT
Each round appends "x" to the notes of POSTING_ID (reading the freshest value
inside a transaction) and adds one posting titled NAME-i.
"""

from __future__ import annotations

import sys

from jobtrack.core.model import Posting
from jobtrack.store import Bundle, Store


def main() -> None:
    path, name, ident, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    store = Store(path, lock_timeout=60)
    print("ready", flush=True)
    sys.stdin.readline()  # wait for "go", so both processes start together
    for i in range(count):
        with store.transaction():
            notes = store.posting(ident).notes
            store.edit_posting(ident, {"notes": notes + "x"})
        store.add(Bundle(Posting(f"{name}-{i}")))
    print("done", flush=True)


if __name__ == "__main__":
    main()
