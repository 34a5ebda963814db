"""Re-adding and refreshing a posting shows what changed and never overwrites an edit unasked (issue 10, items 7 and 9)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

from httpserver import HTTPTestServer

Run = Callable[..., subprocess.CompletedProcess[str]]

PAGE = """<html><head><title>Dataanalytiker til Acme A/S</title></head><body>
<h1>Dataanalytiker</h1>
<p>Acme A/S søger en dataanalytiker til vores team i Aarhus.</p>
<p>Løn: 45.000 kr. pr. måned.</p>
<p>Ansøgningsfrist: {deadline} kl. 12.00.</p>
<p>Første samtale afholdes den {interview} kl. 10.00.</p>
<p>Spørgsmål til stillingen kan rettes til afdelingsleder Jette Hansen på tlf. {phone}.</p>
</body></html>"""


def page(deadline: str = "1. marts 2031", interview: str = "16. marts 2031", phone: str = "30 45 64 05") -> bytes:
    return PAGE.format(deadline=deadline, interview=interview, phone=phone).encode()


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


def show(jt_run: Run, ident: int = 1) -> dict:
    return json.loads(ok(jt_run("show", str(ident), "--json")))


def test_re_adding_shows_the_page_beside_the_store_and_keeps_edits(jt_run: Run, http_server: HTTPTestServer) -> None:
    url = http_server.add("/jobs/1", page())
    ok(jt_run("add", url, "--as-of", "2031-01-10"))
    ok(jt_run("edit", "1", "--salary", "48.000 kr. (negotiated)"))
    http_server.add("/jobs/1", page(deadline="8. marts 2031"))
    out = ok(jt_run("add", url, "--as-of", "2031-01-10"))
    assert "already tracked as #1" in out
    assert "2031-03-01  →  2031-03-08" in out  # the page's new deadline beside the stored one
    assert "48.000 kr. (negotiated)  →  45.000 kr. pr. måned" in out
    assert "--update" in out
    p = show(jt_run)
    assert (p["deadline"], p["salary"]) == ("2031-03-01", "48.000 kr. (negotiated)")
    assert len(json.loads(ok(jt_run("list", "--json")))) == 1
    out = ok(jt_run("add", "--update", url, "--as-of", "2031-01-10"))
    assert "updated #1" in out
    p = show(jt_run)
    assert (p["deadline"], p["salary"]) == ("2031-03-08", "45.000 kr. pr. måned")


def test_same_title_and_employer_at_another_address_is_a_new_posting(jt_run: Run, http_server: HTTPTestServer) -> None:
    first = http_server.add("/jobs/1", page())
    second = http_server.add("/jobs/2", page(deadline="1. juni 2031"))
    ok(jt_run("add", first, "--as-of", "2031-01-10"))
    out = ok(jt_run("add", second, "--as-of", "2031-01-10"))
    assert "added #2" in out and "looks like #1" in out
    postings = json.loads(ok(jt_run("list", "--json")))
    assert sorted((p["url"], p["deadline"]) for p in postings) == [(first, "2031-03-01"), (second, "2031-06-01")]


def test_refresh_shows_and_takes_moved_events_and_changed_contacts(jt_run: Run, http_server: HTTPTestServer) -> None:
    url = http_server.add("/jobs/1", page())
    ok(jt_run("add", url, "--as-of", "2031-01-10"))
    http_server.add("/jobs/1", page(interview="18. marts 2031", phone="30 45 64 99"))
    out = ok(jt_run("refresh", "1", env={"JOBTRACK_NOW": "2031-01-10T09:00"}))
    assert "nothing changed" not in out
    assert "2031-03-16 10:00  →  2031-03-18 10:00" in out
    assert "+4530456405  →  +4530456499" in out
    before = show(jt_run)
    assert [e["day"] for e in before["events"]] == ["2031-03-16"]  # shown, not taken
    ok(jt_run("refresh", "1", "--take", "all", env={"JOBTRACK_NOW": "2031-01-10T09:00"}))
    after = show(jt_run)
    assert [(e["day"], e["time"], e["id"]) for e in after["events"]] == [("2031-03-18", "10:00", before["events"][0]["id"])]
    assert [(c["name"], c["phone"]) for c in after["contacts"]] == [("Jette Hansen", "+4530456499")]
    assert "nothing changed" in ok(jt_run("refresh", "1", env={"JOBTRACK_NOW": "2031-01-10T09:00"}))


def test_typed_postings_with_the_same_title_are_kept_apart_with_a_note(jt_run: Run) -> None:
    ok(jt_run("add", "--title", "Chef", "--employer", "Kommune"))
    assert "looks like #1" in ok(jt_run("add", "--title", "Chef", "--employer", "Kommune"))
    assert len(json.loads(ok(jt_run("list", "--json")))) == 2
