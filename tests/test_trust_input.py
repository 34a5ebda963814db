"""What the user types is checked and normalised the same way everywhere (issue 10, items 16 and 18)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from httpserver import HTTPTestServer

Run = Callable[..., subprocess.CompletedProcess[str]]


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("jobtrack: "), proc.stderr
    return lines[0]


def contact(jt_run: Run, cid: int = 1) -> dict:
    data = json.loads(ok(jt_run("show", "1", "--json")))
    return next(c for c in data["contacts"] if c["id"] == cid)


def test_contact_phone_is_stored_in_e164_like_extracted_ones(jt_run: Run) -> None:
    ok(jt_run("add", "--title", "Chef"))
    ok(jt_run("contact", "add", "1", "--name", "Jette Hansen", "--phone", "30 45 64 05", "--email", " Jette@Example.DK "))
    c = contact(jt_run)
    assert (c["phone"], c["email"]) == ("+4530456405", "Jette@example.dk")
    ok(jt_run("contact", "edit", "1", "--phone", "+44 20 7946 0958"))
    assert contact(jt_run)["phone"] == "+442079460958"


@pytest.mark.parametrize(("args", "says"), [
    (("contact", "add", "1", "--name", "X", "--phone", "call me"), "--phone"),
    (("contact", "add", "1", "--name", "X", "--phone", "12"), "--phone"),
    (("contact", "add", "1", "--name", "X", "--email", "jette.example.dk"), "--email"),
    (("edit", "1", "--url", "example.org jobs"), "--url"),
    (("edit", "1", "--url", "ftp://example.org/x"), "--url"),
    (("edit", "1", "--language", "danish"), "--language"),
    (("due", "--days", "-1"), "--days"),
])
def test_bad_values_are_refused_in_one_line(jt_run: Run, args: tuple[str, ...], says: str) -> None:
    ok(jt_run("add", "--title", "Chef"))
    assert says in one_line_error(jt_run(*args))
    assert json.loads(ok(jt_run("show", "1", "--json")))["contacts"] == []


def test_unknown_event_kind_lists_the_valid_kinds(jt_run: Run) -> None:
    ok(jt_run("add", "--title", "Chef"))
    line = one_line_error(jt_run("event", "add", "1", "--kind", "party", "--when", "2030-03-16"))
    assert "party" in line and "interview" in line and "follow-up" in line and "EventKind" not in line


def test_url_and_language_are_normalised(jt_run: Run) -> None:
    ok(jt_run("add", "--title", "Chef", "--url", " HTTPS://Example.org/jobs/1 ", "--language", "DA"))
    p = json.loads(ok(jt_run("show", "1", "--json")))
    assert (p["url"], p["language"]) == ("https://example.org/jobs/1", "da")


def test_tags_with_semicolons_mean_the_same_in_the_cli_and_csv(jt_run: Run, tmp_path: Path) -> None:
    ok(jt_run("add", "--title", "A", "--tags", "python;remote"))
    ok(jt_run("add", "--title", "B", "--tags", "python, remote"))
    sheet = tmp_path / "in.csv"
    sheet.write_text('title,tags\nC,"python;remote"\nD,"python,remote"\n', encoding="utf-8")
    ok(jt_run("import", "--csv", str(sheet)))
    tags = [p["tags"] for p in json.loads(ok(jt_run("list", "--json")))]
    assert tags == [["python", "remote"]] * 4


DIRECTORY = (b"<html><head><title>Index of /jobs/</title></head><body><h1>Index of /jobs/</h1><ul>"
             b'<li><a href="../">Parent Directory</a></li><li><a href="a.pdf">a.pdf</a></li></ul></body></html>')


def test_a_page_with_no_posting_is_not_saved_unless_asked(jt_run: Run, http_server: HTTPTestServer) -> None:
    url = http_server.add("/jobs/", DIRECTORY, content_type="text/html")
    proc = jt_run("add", url)
    assert proc.returncode != 0 and "(untitled posting)" not in proc.stdout
    assert "nothing" in proc.stderr and "--anyway" in proc.stderr and "Traceback" not in proc.stderr
    assert json.loads(ok(jt_run("list", "--json"))) == []
    ok(jt_run("add", "--anyway", url))
    assert [p["url"] for p in json.loads(ok(jt_run("list", "--json")))] == [url]
