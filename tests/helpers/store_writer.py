"""Crash-test writer: add postings forever, printing each id once `add` returned.

Usage: store_writer.py STORE_PATH LABEL [COMPACT_AFTER]
Prints "ready" once the store is open, then one acknowledged id per line.
A small COMPACT_AFTER makes compactions frequent, so kills land in them too.
"""

from __future__ import annotations

import sys
from datetime import date, time

from jobtrack.core.model import Contact, Event, EventKind, Posting
from jobtrack.store import Bundle, Store


def main() -> None:
    path, label = sys.argv[1], sys.argv[2]
    store = Store(path, compact_after=int(sys.argv[3])) if len(sys.argv) > 3 else Store(path)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        bundle = Bundle(
            Posting(f"{label}-{n}", employer="Firma A/S", deadline=date(2026, 5, 1), deadline_time=time(12, 0), tags=["x"]),
            [Contact("Kontakt", phone="12345678")],
            [Event(0, EventKind.INTERVIEW, day=date(2026, 5, 10))],
            f"tekst for {label}-{n} " * 20,
        )
        p = store.add(bundle)
        sys.stdout.write(f"{p.id}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
