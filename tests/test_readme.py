"""Every `jobtrack …` line of the README's "Using it" block works as written, against a fresh store.

Real subprocesses through a shell, as a reader would paste them; the README's
example address is served by a local HTTP server, and `pbpaste` (the macOS
clipboard) prints a posting.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from httpserver import HTTPTestServer

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_URL = "https://example.org/jobs/123"
PAGE = """<html><head><title>Dataanalytiker til Acme A/S</title></head><body>
<h1>Dataanalytiker</h1>
<p>Acme A/S søger en dataanalytiker til vores team i Aarhus.</p>
<p>Ansøgningsfrist: 1. marts 2027 kl. 12.00.</p>
<p>Spørgsmål kan rettes til afdelingsleder Jette Hansen på tlf. 30 45 64 05.</p>
</body></html>"""
PASTED = """Platform Engineer
Northwind Systems is hiring a Platform Engineer for our Copenhagen office.
Apply by 15 January 2027.
"""


def readme_commands() -> list[str]:
    section = (REPO / "README.md").read_text(encoding="utf-8").split("## Using it", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "no sh block in the README's 'Using it'"
    lines = [re.sub(r"\s+#\s.*$", "", line).strip() for line in block.group(1).splitlines()]
    return [line for line in lines if "jobtrack" in line]


def _script(path: Path, body: str) -> None:
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def test_every_readme_command_works_as_written(tmp_path: Path, http_server: HTTPTestServer) -> None:
    url = http_server.add("/jobs/123", PAGE.encode())
    work, bin_dir = tmp_path / "work", tmp_path / "bin"
    for folder in (work, bin_dir, tmp_path / "store"):
        folder.mkdir()
    shutil.copy(REPO / "tests" / "fixtures" / "pages" / "posting.pdf", work / "posting.pdf")
    (tmp_path / "paste.txt").write_text(PASTED, encoding="utf-8")
    _script(bin_dir / "jobtrack", f'exec "{sys.executable}" -m jobtrack "$@"')
    _script(bin_dir / "pbpaste", f'cat "{tmp_path / "paste.txt"}"')
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(REPO), "JOBTRACK_DB": str(tmp_path / "store" / "jobtrack.json"),
           "JOBTRACK_CONFIG": str(tmp_path / "config.toml"), "TZ": "Europe/Copenhagen",
           "JOBTRACK_NOW": "2026-11-29T10:00"}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)
    commands = readme_commands()
    assert len(commands) >= 20
    outputs = []
    for line in commands:
        proc = subprocess.run(["sh", "-c", line.replace(EXAMPLE_URL, url)], cwd=work, env=env, capture_output=True,
                              text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, f"{line}\n{proc.stdout}{proc.stderr}"
        outputs.append(proc.stdout)
    assert "already tracked as #1" in outputs[commands.index(f"jobtrack add {EXAMPLE_URL}", 1)]
    assert (work / "backup.json").is_file() and (work / "jobs.ics").is_file() and (work / "postings.csv").is_file()
