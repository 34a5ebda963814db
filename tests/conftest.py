"""Fixtures shared by several test modules; pytest finds them here without an import."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from jobtrack.core.fields import Field
from jobtrack.store.store import Store

from httpserver import PROXY_VARS, HTTPTestServer
from tui_kit import fill


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has a config file of its own (absent until written): the app remembers the theme
    there, and no test may read or change the config of the user running the tests."""
    path = tmp_path / "own-config.toml"
    monkeypatch.setenv("JOBTRACK_CONFIG", str(path))
    return path

@pytest.fixture
def http_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[HTTPTestServer]:
    """A fresh local HTTP server per test, proxies switched off."""
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
    server = HTTPTestServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def jt(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """The CLI as a subprocess over a fresh store; a non-zero exit fails the test."""
    db = tmp_path / "store" / "jobtrack.json"

    def run(*args: str, python_flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "JOBTRACK_DB": str(db)}
        proc = subprocess.run(
            [sys.executable, *python_flags, "-m", "jobtrack", *args],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        return proc

    return run


@pytest.fixture
def jt_run(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """The CLI as a subprocess over a fresh store, whatever its exit code; `stdin` is typed in."""
    db = tmp_path / "store" / "jobtrack.json"
    db.parent.mkdir()

    def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "jobtrack", *args], input=stdin, capture_output=True, text=True,
            env={**os.environ, "JOBTRACK_DB": str(db), **(env or {})}, timeout=60,
        )

    return run


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A real store of three postings (one with markup in its title), as the TUI tests use it."""
    s = Store(tmp_path / "jobs.json")
    fill(s)
    return s


@pytest.fixture
def declare() -> Iterator[Callable[[list[Field], Field], None]]:
    """Declares a field for one test as a plug-in would (docs/fields.md): `declare(POSTING_FIELDS, field)`."""
    added: list[tuple[list[Field], Field]] = []

    def add(declared: list[Field], field: Field) -> None:
        declared.append(field)
        added.append((declared, field))

    yield add
    for declared, field in added:
        declared.remove(field)
