"""Rebuild `jobtrack/extract/data/given_names.txt` from Faker's name statistics.

Faker (MIT) ships, per locale, the given names that national statistics
offices publish as most common (Danmarks Statistik, SCB, SSB, ONS, ...).
jobtrack reads only the plain list this script writes, so Faker is needed
to rebuild the list, never at run time:

    pip install faker && python tools/build_given_names.py
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import faker.providers.person as person

OUT = Path(__file__).resolve().parents[1] / "jobtrack" / "extract" / "data" / "given_names.txt"
LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]{2,}")
KEYS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def names() -> set[str]:
    out: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        for key in KEYS:
            value = getattr(provider, key, ())
            if not isinstance(value, (dict, list, tuple)):
                continue
            for name in value.keys() if isinstance(value, dict) else value:
                for part in str(name).split():
                    if LATIN.fullmatch(part) and part[0].isupper():
                        out.add(part.casefold())
    return out


def main() -> None:
    found = sorted(names())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("# Given names from Faker's per-locale name statistics (MIT);"
                   " rebuilt by tools/build_given_names.py\n" + "\n".join(found) + "\n",
                   encoding="utf-8")
    print(f"{len(found)} names -> {OUT}")


if __name__ == "__main__":
    main()
