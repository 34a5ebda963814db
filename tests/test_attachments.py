"""Issue 15: files sent with an application. `attach` keeps a copy (never a link) beside the
store, `show` and the detail screen list it, the system's opener opens it, JSON export and
import carry it byte for byte, and it leaves the store with its posting (into the backups)."""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from jobtrack.app.attachments import attach
from jobtrack.store.locations import attachments_dir, retired_dir
from jobtrack.store.store import Store
from textual.widgets import DataTable

from tui_kit import make_app

Run = Callable[..., CompletedProcess[str]]
CV = b"%PDF-1.4\n\x00\xff\xfe binary CV bytes \r\n\x1b[31m" * 50


def ok(jt_run: Run, *args: str, env: dict[str, str] | None = None) -> str:
    proc = jt_run(*args, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def db_of(tmp_path: Path) -> Path:
    return tmp_path / "store" / "jobtrack.json"  # where the jt_run fixture keeps its store


def opener(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A real program as the system's opener: it notes the path it was asked to open."""
    seen = tmp_path / "opened.txt"
    script = tmp_path / "opener.py"
    script.write_text(f"import sys\nopen({str(seen)!r}, 'a').write(sys.argv[1] + '\\n')\n", encoding="utf-8")
    wrapper = tmp_path / "opener"
    wrapper.write_text(f"#!/bin/sh\nexec {sys.executable} {script} \"$@\"\n", encoding="utf-8")
    wrapper.chmod(0o755)
    return {"JOBTRACK_OPENER": str(wrapper)}, seen


def wait_for(path: Path) -> str:
    for _ in range(100):
        if path.exists() and path.read_text(encoding="utf-8"):
            return path.read_text(encoding="utf-8")
        time.sleep(0.05)
    raise AssertionError(f"{path} was never written")


def test_attach_keeps_a_copy_not_a_link(jt_run: Run, tmp_path: Path) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    cv = tmp_path / "Mette CV 2026.pdf"
    cv.write_bytes(CV)
    assert ok(jt_run, "attach", "1", str(cv), "--as", "cv").strip() == "attached Mette CV 2026.pdf as cv to #1 (1 file(s))"
    cv.write_bytes(b"changed after sending")
    copies = list(attachments_dir(db_of(tmp_path)).iterdir())
    assert len(copies) == 1 and not copies[0].is_symlink()
    assert copies[0].read_bytes() == CV
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o400
    assert "  1. cv            Mette CV 2026.pdf  (1,800 bytes, added" in ok(jt_run, "show", "1")


def test_attach_refuses_clearly(jt_run: Run, tmp_path: Path) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(CV)
    ok(jt_run, "attach", "1", str(cv))
    for args, message in [
        (("attach", "1", str(cv)), "jobtrack: #1 has this file already, as cv.pdf"),
        (("attach", "1", str(tmp_path / "gone.pdf")), f"jobtrack: no such file: {tmp_path / 'gone.pdf'}"),
        (("attach", "1", str(tmp_path)), f"jobtrack: {tmp_path} is a folder: attach the files in it one by one"),
        (("attach", "7", str(cv)), "jobtrack: no posting with id 7"),
        (("attachment", "open", "1", "2"), "jobtrack: #1 has no attachment 2 (it has 1 to 1)"),
    ]:
        proc = jt_run(*args)
        assert (proc.returncode, proc.stderr.strip()) == (1, message)


def test_open_uses_the_systems_opener(jt_run: Run, tmp_path: Path) -> None:
    env, seen = opener(tmp_path)
    ok(jt_run, "add", "--title", "Nurse")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(CV)
    ok(jt_run, "attach", "1", str(cv), "--as", "cv")
    ok(jt_run, "attachment", "open", "1", "1", env=env)
    opened = Path(wait_for(seen).strip())
    assert opened.name == "cv.pdf" and opened.read_bytes() == CV


def test_json_round_trip_keeps_the_file_byte_for_byte(jt_run: Run, tmp_path: Path) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    cv, letter = tmp_path / "cv.pdf", tmp_path / "letter.docx"
    cv.write_bytes(CV)
    letter.write_bytes(bytes(range(256)) * 4)
    ok(jt_run, "attach", "1", str(cv), "--as", "cv")
    ok(jt_run, "attach", "1", str(letter), "--as", "cover-letter")
    export = tmp_path / "all.json"
    ok(jt_run, "export", "--json", str(export))
    other = tmp_path / "other" / "jobs.json"
    other.parent.mkdir()
    ok(jt_run, "--db", str(other), "import", "--json", str(export))
    data = json.loads(ok(jt_run, "--db", str(other), "show", "1", "--json"))
    assert [(a["name"], a["kind"]) for a in data["attachments"]] == [("cv.pdf", "cv"), ("letter.docx", "cover-letter")]
    store = Store(other)
    for a, source in zip(store.posting(1).attachments, (cv, letter), strict=True):
        assert store.attachments.read(a.sha256) == source.read_bytes()
    ok(jt_run, "--db", str(other), "import", "--json", str(export))  # again: nothing changes
    assert len(list(attachments_dir(other).iterdir())) == 2


def test_an_export_with_bytes_that_do_not_match_is_refused(jt_run: Run, tmp_path: Path) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(CV)
    ok(jt_run, "attach", "1", str(cv))
    export = tmp_path / "all.json"
    ok(jt_run, "export", "--json", str(export))
    data = json.loads(export.read_text(encoding="utf-8"))
    sha = next(iter(data["postings"][0]["files"]))
    data["postings"][0]["files"][sha] = "AAAA"
    export.write_text(json.dumps(data), encoding="utf-8")
    other = tmp_path / "other" / "jobs.json"
    other.parent.mkdir()
    proc = jt_run("--db", str(other), "import", "--json", str(export))
    assert proc.returncode == 1 and "does not hold the bytes its SHA-256 names" in proc.stderr
    assert not other.exists()


def test_removed_with_the_posting_into_the_backups(jt_run: Run, tmp_path: Path) -> None:
    ok(jt_run, "add", "--title", "Nurse")
    ok(jt_run, "add", "--title", "Chef")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(CV)
    ok(jt_run, "attach", "1", str(cv))
    ok(jt_run, "attach", "2", str(cv))  # the same CV sent twice: one copy
    db = db_of(tmp_path)
    assert len(list(attachments_dir(db).iterdir())) == 1
    ok(jt_run, "rm", "1", "--yes")
    assert len(list(attachments_dir(db).iterdir())) == 1  # still sent with #2
    ok(jt_run, "rm", "2", "--yes")
    assert list(attachments_dir(db).iterdir()) == []
    assert [p.read_bytes() for p in retired_dir(db).iterdir()] == [CV]
    assert "ok" in ok(jt_run, "doctor").splitlines()


def test_detach_and_undo_of_a_delete(tmp_path: Path) -> None:
    store = Store(tmp_path / "jobs.json")
    from jobtrack.core.model import Posting
    from jobtrack.store.store import Bundle

    store.add(Bundle(Posting("Nurse")))
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(CV)
    _, a = attach(store, 1, cv, "cv")
    bundle = store.delete_posting(1)
    assert store.attachments.path(a.sha256) == retired_dir(store.path) / a.sha256
    store.restore(bundle)
    assert store.attachments.path(a.sha256) == attachments_dir(store.path) / a.sha256


@pytest.mark.skipif(os.name != "posix", reason="the opener is a shell script")
async def test_detail_lists_and_opens_attachments(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env, seen = opener(tmp_path)
    monkeypatch.setenv("JOBTRACK_OPENER", env["JOBTRACK_OPENER"])
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(CV)
    attach(store, 1, cv, "cv")
    app = make_app(store)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        table = app.screen.query_one("#attachments", DataTable)
        assert table.display
        assert [str(c) for c in table.get_row_at(0)][:3] == ["cv", "cv.pdf", "1,800 bytes"]
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert Path(wait_for(seen).strip()).read_bytes() == CV


async def test_no_attachment_section_without_attachments(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not app.screen.query_one("#attachments", DataTable).display
