"""`jobtrack list --sort`: the TUI's orders (jobtrack.core.listing.SORTS) on the command line."""

from __future__ import annotations

from collections.abc import Callable
from subprocess import CompletedProcess


def titles(out: str) -> list[str]:
    return [line.split()[2] for line in out.splitlines()]


def test_list_sorts_by_a_column_and_reverses(jt: Callable[..., CompletedProcess[str]]) -> None:
    jt("add", "--title", "Bravo", "--employer", "Zeta", "--deadline", "2099-03-01")
    jt("add", "--title", "Alpha", "--employer", "Yankee", "--deadline", "2099-02-01")
    jt("add", "--title", "Charlie", "--employer", "Xray")  # no deadline: last either way
    assert titles(jt("list").stdout) == ["Alpha", "Bravo", "Charlie"]  # what comes next first
    assert titles(jt("list", "--sort", "employer").stdout) == ["Charlie", "Alpha", "Bravo"]
    assert titles(jt("list", "--sort", "deadline", "--reverse").stdout) == ["Bravo", "Alpha", "Charlie"]
    assert titles(jt("list", "--sort", "title", "--reverse").stdout) == ["Charlie", "Bravo", "Alpha"]


def test_an_unknown_sort_is_one_line(jt_run: Callable[..., CompletedProcess[str]]) -> None:
    done = jt_run("list", "--sort", "colour")
    assert done.returncode == 2 and "invalid choice: 'colour'" in done.stderr and "Traceback" not in done.stderr
