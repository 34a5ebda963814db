"""The `jobtrack` command line: a thin layer over the store and services.

Each command group lives in its own module with a `register(sub)` function
that adds its sub-parsers and sets `run=` to a function `(args, ctx) -> int`.
Heavy imports (Textual, extraction, HTTP) happen inside those functions so
that quick commands such as `jobtrack due` stay quick.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from jobtrack import __version__
from jobtrack.cli.context import Context, UserError, source_failure
from jobtrack.core.sanitize import clean_line
from jobtrack.ingest.errors import SourceError
from jobtrack.store import Store, StoreError

COMMAND_MODULES = ("postings", "search", "archive", "attach", "records", "transfer", "sources", "maintenance", "agenda", "report", "reminders", "stats")


def _options(add_help: bool = True) -> argparse.ArgumentParser:
    """The options that come before any command."""
    parser = argparse.ArgumentParser(
        prog="jobtrack",
        description="Track job applications: postings, deadlines, interviews and contacts.",
        add_help=add_help,
        exit_on_error=add_help,
    )
    parser.add_argument("--version", action="version", version=f"jobtrack {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the store file (default: $JOBTRACK_DB or the user data folder)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _options()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"jobtrack.cli.{name}").register(sub)
    return parser


def _tui_options(argv: list[str] | None) -> argparse.Namespace | None:
    """The options when no command is named: the TUI needs none of the command
    modules. Anything else, help and mistakes included, is for the full parser."""
    try:
        args, rest = _options(add_help=False).parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


# Arguments that name files: any bytes the file system allows are fine there.
_PATH_ARGS = frozenset({"db", "backup", "sources", "source", "json_file", "csv_file", "ics_file"})
# Python turns bytes that are not UTF-8 into these lone surrogates ("surrogateescape").
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def _check_text(args: argparse.Namespace) -> None:
    """Text that is stored or read must be UTF-8: say so in one line, not at the save."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str) or not _UNDECODABLE.search(item):
                continue
            if name in _PATH_ARGS and "://" not in item:
                continue
            shown = item.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise UserError(
                f"'{shown}' is not UTF-8 text: the terminal may use another character set (such as Latin-1); "
                "switch it to UTF-8 and type it again"
            )


class _OneLine(logging.Formatter):
    """A logged failure (an extractor that broke on odd input) as one line, its traceback
    only with `$JOBTRACK_DEBUG` set: the user sees that something was skipped, never a trace."""

    def format(self, record: logging.LogRecord) -> str:
        line = f"jobtrack: warning: {clean_line(record.getMessage())}"
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            line += f" ({type(exc).__name__}: {clean_line(str(exc))[:200]})"
            if os.environ.get("JOBTRACK_DEBUG"):
                line += "\n" + self.formatException(record.exc_info)
        return line


def _log_to_stderr() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    logger = logging.getLogger("jobtrack")
    if any(isinstance(h.formatter, _OneLine) for h in logger.handlers):
        return  # main() called again in one process
    logger.addHandler(handler)
    logger.propagate = False


# Opens the terminal app on a store: given by the entry point, so the command
# line never imports the app (the two front ends stay independent).
AppOpener = Callable[[Path, Callable[[], Store]], int]


def main(argv: list[str] | None = None, *, open_app: AppOpener | None = None) -> int:
    """Run one command; with no command, `open_app` on a terminal."""
    _log_to_stderr()
    args = _tui_options(argv) or build_parser().parse_args(argv)
    run = getattr(args, "run", None)
    if run is None and (open_app is None or not (sys.stdin.isatty() and sys.stdout.isatty())):
        build_parser().print_usage(sys.stderr)  # a pipe or cron: the TUI would wait for keys forever
        print("jobtrack: no command given and no terminal for the app (see jobtrack --help)", file=sys.stderr)
        return 2
    ctx = Context(db=args.db)
    collecting = gc.isenabled()
    try:
        _check_text(args)
        if run is None:
            assert open_app is not None
            return _open_tui(ctx, open_app)
        # A command is a short run that loads thousands of records and makes next to no
        # cyclic garbage: the collector would walk them over and over (40-49% of the time
        # at 20,000 postings). The TUI, a long run, tames it its own way (`run_app`).
        gc.disable()
        return run(args, ctx)
    except SourceError as exc:
        return ctx.fail(source_failure(exc))
    except (UserError, StoreError, ValueError) as exc:
        return ctx.fail(str(exc))
    except KeyboardInterrupt:
        return ctx.fail("interrupted", code=130)
    except BrokenPipeError:  # `jobtrack list | head`: the reader left, which is fine
        sys.stderr.close()
        return 0
    except OSError as exc:  # a file or folder outside the store's own checks
        from jobtrack.store.errors import describe

        return ctx.fail(describe(exc))
    finally:
        ctx.close()
        if collecting:
            gc.enable()


def _open_tui(ctx: Context, open_app: AppOpener) -> int:
    ctx.now()  # a bad $JOBTRACK_NOW is one line here, not a traceback inside the app
    return open_app(ctx.db_path, ctx.store)
