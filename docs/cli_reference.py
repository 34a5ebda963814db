"""Write docs/cli.md, the command-line reference, from the argparse parser.

Run: .venv/bin/python docs/cli_reference.py [--check]

`--check` writes nothing and exits 1 when docs/cli.md is stale (as
tests/test_cli_reference.py does).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from jobtrack.cli import build_parser  # noqa: E402
from jobtrack.cli.reference import render  # noqa: E402

TARGET = REPO / "docs" / "cli.md"


def main() -> int:
    wanted = render(build_parser())
    if "--check" in sys.argv[1:]:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        print(f"{TARGET.relative_to(REPO)} is {'current' if current == wanted else 'stale'}")
        return 0 if current == wanted else 1
    TARGET.write_text(wanted, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
