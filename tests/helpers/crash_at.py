"""Crash test: run one jobtrack command and SIGKILL it just before its Nth file operation.

Usage: crash_at.py N ARG...   (the arguments of `jobtrack`)
File operations are the calls of os.open, os.write, os.fsync, os.replace,
os.rename, os.link and os.unlink. If the command makes fewer than N, it runs
to the end and "done K" (K: how many it made) is printed on stderr.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

OPERATIONS = ("open", "write", "fsync", "replace", "rename", "link", "unlink")


def main() -> int:
    target, argv = int(sys.argv[1]), sys.argv[2:]
    from jobtrack.cli import main as jobtrack  # imported before counting starts

    count = 0

    def counted(real: Callable[..., Any]) -> Callable[..., Any]:
        def operation(*args: Any, **kwargs: Any) -> Any:
            nonlocal count
            count += 1
            if count == target:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return operation

    for name in OPERATIONS:
        setattr(os, name, counted(getattr(os, name)))
    code = jobtrack(argv)
    print(f"done {count}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
