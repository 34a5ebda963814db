"""`extract` and `add` from sources, driven as a user would: real subprocesses on a temp store."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from httpserver import HTTPTestServer

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "extract"
SHARED = REPO.parent / "shared"
PLAIN = FIXTURES / "en-plain-research" / "posting.txt"
LEVER = FIXTURES / "en-lever-data" / "posting.html"
EMPLY = FIXTURES / "da-emply-jurist" / "posting.html"
_BAD_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def _env(db: Path) -> dict[str, str]:
    """The environment for a subprocess: a temp store, and the repo importable from any cwd."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "JOBTRACK_DB": str(db), "PYTHONPATH": path}


@pytest.fixture
def jt(tmp_path: Path):
    db = tmp_path / "store" / "jobtrack.json"

    def run(*args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        env = _env(db)
        proc = subprocess.run(
            [sys.executable, "-m", "jobtrack", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            cwd=tmp_path,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"jobtrack {args} failed ({proc.returncode}): {proc.stderr}")
        return proc

    return run


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("jobtrack: ")
    return lines[0]


def labels(path: Path) -> dict:
    return json.loads((path.parent / "labels.json").read_text(encoding="utf-8"))


def test_extract_file_json(jt) -> None:
    proc = jt("extract", str(PLAIN), "--json")
    data = json.loads(proc.stdout)  # exactly one JSON object: json.loads rejects trailing data
    assert isinstance(data, dict)
    want = labels(PLAIN)
    assert data["title"] == want["title"]
    assert data["deadline"] == want["deadline"]
    assert proc.stderr == ""


def test_extract_html_file_json(jt) -> None:
    data = json.loads(jt("extract", str(LEVER), "--json").stdout)
    want = labels(LEVER)
    assert data["title"] == want["title"]
    assert data["deadline"] == want["deadline"]


def test_extract_missing_file_is_one_line_error(jt, tmp_path: Path) -> None:
    proc = jt("extract", str(tmp_path / "no-such-posting.txt"), check=False)
    line = one_line_error(proc)
    assert "no-such-posting.txt" in line
    assert proc.stdout == ""


def test_extract_from_stdin(jt) -> None:
    text = PLAIN.read_text(encoding="utf-8")
    data = json.loads(jt("extract", "-", "--json", stdin=text).stdout)
    want = labels(PLAIN)
    assert data["title"] == want["title"]
    assert data["deadline"] == want["deadline"]


def test_extract_url_from_local_server(jt, http_server: HTTPTestServer) -> None:
    url = http_server.add("/jobs/data-engineer", LEVER.read_bytes())
    data = json.loads(jt("extract", url, "--json").stdout)
    want = labels(LEVER)
    assert data["title"] == want["title"]
    assert data["deadline"] == want["deadline"]
    assert http_server.requests[-1].path == "/jobs/data-engineer"
    assert http_server.requests[-1].headers["User-Agent"].startswith("jobtrack/")


def test_extract_url_404_suggests_pasting(jt, http_server: HTTPTestServer) -> None:
    proc = jt("extract", http_server.url("/gone"), check=False)
    line = one_line_error(proc)
    assert "404" in line
    assert "jobtrack add -" in line or "paste" in line.lower()


def test_add_same_file_twice_updates(jt) -> None:
    first = jt("add", str(LEVER)).stdout
    assert "added #1" in first
    second = jt("add", str(LEVER)).stdout
    assert "already tracked" in second
    assert "#1" in second
    postings = json.loads(jt("list", "--json").stdout)
    assert len(postings) == 1
    assert postings[0]["title"] == labels(LEVER)["title"]


def test_add_several_sources_with_summary(jt, tmp_path: Path) -> None:
    proc = jt("add", str(PLAIN), str(EMPLY), str(tmp_path / "missing.txt"), check=False)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "2 added, 0 updated, 1 failed"
    assert "missing.txt" in proc.stderr
    titles = sorted(p["title"] for p in json.loads(jt("list", "--json").stdout))
    assert titles == sorted([labels(PLAIN)["title"], labels(EMPLY)["title"]])


def test_pasted_markup_and_escapes_are_shown_safely(jt) -> None:
    text = (
        "[bold red]X[/] Data Analyst \x1b[31mred\x1b[0m\n\n"
        "Acme A/S is hiring a Data Analyst. \x1b]0;t\x07\n\n"
        "Application deadline: 30 June 2030.\n"
    )
    assert "added #1" in jt("add", "-", stdin=text).stdout
    for args in (("show", "1"), ("list",)):
        out = jt(*args).stdout
        assert "\x1b" not in out, (args, out)
        assert not _BAD_CONTROL.search(out), (args, repr(out))
        assert "[bold red]" in out, (args, out)


@pytest.mark.skipif(not (SHARED / "postings").is_dir(), reason="../shared/postings is absent")
def test_scorer_on_shared_postings(tmp_path: Path) -> None:
    scorer = SHARED / "tools" / "score_extraction.py"
    if not scorer.is_file():
        pytest.skip("../shared/tools/score_extraction.py is absent")
    env = _env(tmp_path / "store" / "jobtrack.json")
    proc = subprocess.run(
        [sys.executable, str(scorer), str(SHARED / "postings"), "--", sys.executable, "-m", "jobtrack", "extract", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=REPO,
    )
    assert proc.stdout.strip().splitlines()[-1] == "score: 1.000", proc.stdout + proc.stderr


def test_refresh_shows_changes_and_takes_them_over(jt, http_server: HTTPTestServer) -> None:
    page = (
        "<html><body><h1>Dataanalytiker til Økonomi</h1><p>Vi søger en dataanalytiker, som har lyst til at arbejde"
        " med tal og mennesker i en travl hverdag.</p><p>Send din ansøgning senest den {d}.</p></body></html>"
    )
    url = http_server.add("/job", page.format(d="14. april 2031").encode())
    jt("add", url)
    http_server.add("/job", page.format(d="28. april 2031").encode())
    shown = jt("refresh", "1").stdout
    assert "2031-04-14" in shown and "2031-04-28" in shown
    assert json.loads(jt("show", "1", "--json").stdout)["deadline"] == "2031-04-14"
    jt("refresh", "1", "--take", "deadline")
    assert json.loads(jt("show", "1", "--json").stdout)["deadline"] == "2031-04-28"
    http_server.add("/job", b"gone", status=404)
    assert "may be gone" in one_line_error(jt("refresh", "1", check=False))


def test_add_sources_one_per_line_on_stdin(jt, http_server: HTTPTestServer, tmp_path: Path) -> None:
    page = "<html><body><h1>{t}</h1><p>Vi søger en kollega til vores team, som trives i en travl hverdag. Ansøgningsfrist: 1. maj 2031.</p></body></html>"
    first = http_server.add("/a", page.format(t="Jurist til Borgerservice").encode())
    second = http_server.add("/b", page.format(t="Projektleder til Teknik og Miljø").encode())
    missing = first + "-gone"  # an unknown path: the server answers 404
    proc = jt("add", stdin=f"{first}\n\n{second}\n{missing}\n", check=False)
    assert proc.returncode == 1
    assert proc.stdout.strip().splitlines()[-1] == "2 added, 0 updated, 1 failed"
    assert len(json.loads(jt("list", "--json").stdout)) == 2
