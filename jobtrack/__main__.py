"""The `jobtrack` command: the command line, which opens the terminal app when
no command is given. Wired here so that neither front end imports the other."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from jobtrack import cli
from jobtrack.store import Store


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, open_app=_open_app)


def _open_app(db_path: Path, open_store: Callable[[], Store]) -> int:
    from jobtrack.tui.app import run_app  # only when the app is wanted: commands stay quick

    return run_app(db_path, open_store)


if __name__ == "__main__":
    sys.exit(main())
