"""The store under crashes at each file operation, restores, bad values, write errors and permissions.

Every command here runs as a real subprocess; none may print a traceback,
and each failure is one line on stderr.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from jobtrack.core.model import Posting
from jobtrack.store import Bundle, Store, StoreDamaged
from jobtrack.store.atomic import stale_temps
from jobtrack.store.backups import list_backups
from jobtrack.store.locations import ids_path, journal_path
from jobtrack.store.texts import TextsDamaged

REPO = Path(__file__).resolve().parent.parent
HELPERS = Path(__file__).resolve().parent / "helpers"
ENV = {**os.environ, "PYTHONPATH": str(REPO), "JOBTRACK_CONFIG": "/nonexistent/config.toml"}
DEAD = "DØDPOST"  # a word only the posting that dies in the crash has


def jobtrack(db: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jobtrack", "--db", str(db), *args],
        capture_output=True, text=True, env=ENV, cwd=REPO, timeout=60, **kwargs,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def one_error_line(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("jobtrack: ")
    return lines[0]


def added_id(stdout: str) -> int:
    found = re.search(r"added #(\d+)", stdout)
    assert found, stdout
    return int(found.group(1))


def posting_file(folder: Path, title: str, word: str) -> Path:
    path = folder / f"{title}.txt"
    path.write_text(f"{title}\n\nVi søger en {title}. {word} tekst om stillingen.\nAnsøgningsfrist: 1. december 2030.\n")
    return path


# -- 1. texts and documents belong to their posting ---------------------------


def test_restore_never_gives_a_dead_postings_text_to_a_new_one(tmp_path: Path) -> None:
    """The issue's own steps: add, add with a text, restore, add: the text stays dead."""
    db = tmp_path / "store" / "jobs.json"
    db.parent.mkdir()
    ok(jobtrack(db, "add", "--title", "First"))
    dead = added_id(ok(jobtrack(db, "add", str(posting_file(tmp_path, "Lagerchef", DEAD)))))
    ok(jobtrack(db, "restore"))
    new = added_id(ok(jobtrack(db, "add", "--title", "Brand new")))
    assert new > dead  # ids are never reused, even across a restore
    assert DEAD not in ok(jobtrack(db, "show", str(new), "--text"))
    assert "no posting with id" in one_error_line(jobtrack(db, "show", str(dead)))
    store = Store(db)
    assert store.text(new) == "" and store.documents.get(new) is None


def test_ids_file_lost_the_files_on_disk_still_count(tmp_path: Path) -> None:
    """A store from before the ids file (or copied without it): texts and documents on disk hold their ids."""
    db = tmp_path / "jobs.json"
    store = Store(db)
    store.add(Bundle(Posting("a")))
    dead = store.add(Bundle(Posting("b"), text=f"{DEAD} tekst", document=(b"<p>x</p>", "text/html")))
    store.close()
    first_backup = list_backups(db)[-1]
    db.write_bytes(first_backup.read_bytes())  # a hand restore of the first version
    journal_path(db).unlink(missing_ok=True)
    ids_path(db).unlink()
    new = Store(db).add(Bundle(Posting("Brand new")))
    assert new.id is not None and dead.id is not None and new.id > dead.id
    assert Store(db).text(new.id) == ""


def _crash_store(folder: Path) -> Path:
    db = folder / "jobs.json"
    ok(jobtrack(db, "add", "--title", "First"))
    ok(jobtrack(db, "add", str(posting_file(folder, "Lagerchef", "LEVENDE"))))
    return db


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="the platform has no SIGKILL")
@pytest.mark.parametrize("command", ["add", "rm", "restore"])
def test_kill_at_each_file_operation_then_add_and_show(tmp_path: Path, command: str) -> None:
    """SIGKILL just before the 1st, 2nd, ... file operation of a save; after each,
    the store opens, a new posting gets no text or document of a dead one, and
    temporary files the crash left are cleaned."""
    template = tmp_path / "template"
    template.mkdir()
    _crash_store(template)
    source = posting_file(tmp_path, "Pedel", DEAD)
    args = {"add": ["add", str(source)], "rm": ["rm", "2", "--yes"], "restore": ["restore"]}[command]
    crashes = 0
    for n in range(1, 200):
        folder = tmp_path / f"run{n}"
        shutil.copytree(template, folder)
        db = folder / "jobs.json"
        store = Store(db)  # open and used before the crash: what it knew of the ids must not count
        store.set_meta("seen", n)
        run = subprocess.run(
            [sys.executable, str(HELPERS / "crash_at.py"), str(n), "--db", str(db), *args],
            capture_output=True, text=True, env=ENV, cwd=REPO, timeout=60,
        )
        assert "Traceback" not in run.stderr
        finished = run.returncode == 0
        assert finished or run.returncode == -signal.SIGKILL, run.stderr

        Store(db)  # no crash leaves a store that does not open
        before = {p.id for p in store.postings()}
        new = store.add(Bundle(Posting("Brand new")))
        assert new.id not in before
        assert store.text(new.id) == "" and store.documents.get(new.id) is None, f"killed at operation {n}"
        for p in store.postings():
            text = store.text(p.id or 0)
            assert DEAD not in text or p.title == "Pedel", f"killed at operation {n}: #{p.id} {p.title} shows {text!r}"
        store.close()
        for part in (folder, folder / "jobs-texts", folder / "jobs-documents"):
            assert not stale_temps(part), f"killed at operation {n}"
        if finished:
            assert "done" in run.stderr
            break
        crashes += 1
        shutil.rmtree(folder)
    assert crashes >= 5  # the save really has that many operations, each one a kill point
    shown = ok(jobtrack(db, "show", str(new.id), "--text"))  # and the CLI agrees after the last run
    assert DEAD not in shown


def test_doctor_reports_files_no_posting_owns(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    store = Store(db)
    store.add(Bundle(Posting("a"), text="tekst", document=(b"x", "text/plain")))
    store.texts.put_many({9: "left by a crash"})
    store.documents.put(9, b"y", "text/plain")
    store.close()
    (tmp_path / "jobs-texts" / ".09.json.999999999.tmp").write_bytes(b"{")  # a writer killed mid-write
    out = ok(jobtrack(db, "doctor"))
    assert "texts of postings that do not exist: 9" in out
    assert "documents of postings that do not exist: 9" in out
    assert "temporary" in out and ".09.json.999999999.tmp" in out


# -- 2. bad values in a file that parses --------------------------------------

DAMAGE: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "status": (lambda d: d["postings"]["2"].update(status="Applied"), "posting 2: status 'Applied' is not a status"),
    "date": (lambda d: d["postings"]["2"].update(deadline="2026-13-45"), "posting 2: deadline '2026-13-45' is not a date"),
    "history": (lambda d: d["postings"]["2"].update(history=[{}]), "posting 2: history [{}] is not a list of status changes"),
    "row": (lambda d: d["postings"].update({"2": 5}), "posting 2 is 5, not a record"),
    "key": (lambda d: d["postings"].update({"abc": d["postings"].pop("2")}), "postings has a row under the key 'abc'"),
    "meta row": (lambda d: d["meta"].update({"1": []}), "meta row '1' is [], not a record"),
    "schema text": (lambda d: d["meta"]["1"].update(schema="2"), "meta: schema '2' is not a version number"),
    "schema negative": (lambda d: d["meta"]["1"].update(schema=-1), "meta: schema -1 is not a version number"),
}


def _two_postings(db: Path) -> None:
    db.parent.mkdir(exist_ok=True)
    ok(jobtrack(db, "add", "--title", "First"))
    ok(jobtrack(db, "add", "--title", "Second"))


@pytest.mark.parametrize("case", list(DAMAGE))
def test_bad_value_is_one_line_doctor_reports_and_restore_leads_back(tmp_path: Path, case: str) -> None:
    db = tmp_path / "s" / "jobs.json"
    _two_postings(db)
    damage, expected = DAMAGE[case]
    data = orjson.loads(db.read_bytes())
    damage(data)
    db.write_bytes(orjson.dumps(data))
    backups = list_backups(db)

    for command in (["list"], ["add", "--title", "Third"], ["due"], ["export", "--json", "-"]):
        line = one_error_line(jobtrack(db, *command))
        assert expected in line and str(db) in line and "jobtrack restore" in line, (command, line)
    assert list_backups(db) == backups  # no save, so no new backup holding the bad row

    doctor = jobtrack(db, "doctor")
    assert doctor.returncode == 1 and "Traceback" not in doctor.stderr + doctor.stdout
    assert f"problem  {expected}" in doctor.stdout

    ok(jobtrack(db, "restore"))
    assert "First" in ok(jobtrack(db, "list"))  # the backup from before the damage


@pytest.mark.parametrize(
    ("table", "field", "value", "expected"),
    [
        ("postings", "title", 5, "posting 1: title 5 is not text"),
        ("postings", "tags", "a,b", "posting 1: tags 'a,b' is not a list of texts"),
        ("contacts", "phone", [1], "contact 1: phone [1] is not text"),
        ("contacts", "posting_ids", "zz", "contact 1: posting_ids 'zz' is not a list of ids"),
        ("events", "label", {}, "event 1: label {} is not text"),
        ("events", "day", "2030-02-30", "event 1: day '2030-02-30' is not a date"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_on_reading(tmp_path: Path, table: str, field: str, value: Any, expected: str) -> None:
    """Values the model takes without converting are checked on every load, so none reaches a command."""
    from jobtrack.core.model import Contact, Event, EventKind

    db = tmp_path / "jobs.json"
    store = Store(db)
    store.add(Bundle(Posting("a"), [Contact("Ole")], [Event(0, EventKind.CALL)]))
    store.close()
    data = orjson.loads(db.read_bytes())
    data[table]["1"][field] = value
    db.write_bytes(orjson.dumps(data))
    for command in (["show", "1"], ["export", "--ics", "-"]):  # both read all three tables
        assert expected in one_error_line(jobtrack(db, *command))


def test_a_save_elsewhere_is_refused_while_a_bad_value_is_there(tmp_path: Path) -> None:
    """Editing posting 1 reads nothing of posting 2, yet the save is refused: no new main file or backup keeps the bad row."""
    db = tmp_path / "s" / "jobs.json"
    _two_postings(db)
    data = orjson.loads(db.read_bytes())
    data["postings"]["2"]["deadline"] = "2026-13-45"
    db.write_bytes(orjson.dumps(data))
    before = sorted(p.name for p in db.parent.rglob("*"))
    store = Store(db)
    assert store.posting(1).title == "First"  # what is readable still reads
    with pytest.raises(StoreDamaged, match="posting 2: deadline '2026-13-45' is not a date"):
        store.edit_posting(1, {"notes": "x"})
    assert sorted(p.name for p in db.parent.rglob("*")) == before and db.read_bytes() == orjson.dumps(data)


def test_bad_value_in_a_journal_record(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    store = Store(db)
    p = store.add(Bundle(Posting("a")))
    with journal_path(db).open("ab") as f:
        f.write(orjson.dumps({"set": {"postings": {str(p.id): {"title": "a", "deadline": "2026-13-45"}}}, "del": {}}) + b"\n")
    line = one_error_line(jobtrack(db, "list"))
    assert f"journal {journal_path(db)}, record 2: posting {p.id}: deadline '2026-13-45' is not a date" in line


def test_a_newer_jobtracks_status_and_fields_are_kept_and_shown(tmp_path: Path) -> None:
    db = tmp_path / "s" / "jobs.json"
    _two_postings(db)
    data = orjson.loads(db.read_bytes())
    data["postings"]["2"].update(status="shortlisted", mood="good")
    data["postings"]["2"]["history"].append({"status": "shortlisted", "at": "2026-11-01T10:00:00"})
    db.write_bytes(orjson.dumps(data))
    assert "shortlisted" in ok(jobtrack(db, "list"))
    assert "shortlisted" in ok(jobtrack(db, "show", "2"))
    ok(jobtrack(db, "edit", "2", "--notes", "ringet"))
    ok(jobtrack(db, "doctor"))
    row = Store(db)._rows("postings")["2"]
    assert row["status"] == "shortlisted" and row["mood"] == "good" and row["notes"] == "ringet"


# -- 4. a missing main file ---------------------------------------------------


def test_missing_main_file_beside_backups_points_at_restore(tmp_path: Path) -> None:
    db = tmp_path / "s" / "jobs.json"
    _two_postings(db)
    db.unlink()
    for command in (["list"], ["add", "--title", "Third"]):
        line = one_error_line(jobtrack(db, *command))
        assert f"{db} is missing but its backups are in" in line and "jobtrack restore" in line
    assert not db.exists()
    doctor = jobtrack(db, "doctor")
    assert doctor.returncode == 1 and "Traceback" not in doctor.stderr and "jobtrack restore" in doctor.stderr
    ok(jobtrack(db, "restore"))
    assert "First" in ok(jobtrack(db, "list"))
    assert added_id(ok(jobtrack(db, "add", "--title", "Third"))) == 3  # not 1 again


# -- 10. a damaged text shard -------------------------------------------------


def test_damaged_text_shard_is_named_and_the_rest_still_work(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    store = Store(db)
    a, b = store.add_many([Bundle(Posting("a"), text="tekst a"), Bundle(Posting("b"), text="tekst b")])
    store.close()
    shard = tmp_path / "jobs-texts" / f"{a.id:02d}.json"
    shard.write_bytes(b"\x00garbage")
    shown = jobtrack(db, "show", str(a.id), "--text")
    assert shown.returncode == 0 and "Traceback" not in shown.stderr
    assert str(shard) in shown.stderr and f"the text of posting {a.id} cannot be read" in shown.stderr
    assert "tekst b" in ok(jobtrack(db, "show", str(b.id), "--text"))
    export = jobtrack(db, "export", "--json", "-")
    assert export.returncode == 0 and "tekst b" in export.stdout and str(shard) in export.stderr
    doctor = jobtrack(db, "doctor")
    assert doctor.returncode == 1 and f"problem  the text file {shard} is damaged" in doctor.stdout
    before = shard.read_bytes()
    with pytest.raises(TextsDamaged, match=re.escape(str(shard))):
        Store(db).set_text(a.id or 0, "ny tekst")
    assert shard.read_bytes() == before  # never written over


# -- issue 10, item 15: nothing is created before the first save -------------


def test_db_in_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "x.json"
    for command in (["list"], ["add", "--title", "a"], ["doctor"]):
        line = one_error_line(jobtrack(db, *command))
        assert f"the folder {db.parent} does not exist" in line
    assert not (tmp_path / "no").exists()


def test_read_only_commands_create_no_files(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    for command in (["list"], ["show", "1"], ["due"], ["week"], ["stats"], ["doctor"], ["export", "--json", "-"]):
        result = jobtrack(db, *command)
        assert "Traceback" not in result.stderr, command
        assert list(tmp_path.iterdir()) == [], (command, list(tmp_path.iterdir()))
    ok(jobtrack(db, "add", "--title", "a"))
    assert db.exists()


# -- 3. write errors, and 9. permissions --------------------------------------


def _limited(limit: int) -> Callable[[], None]:
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _store_of_size(db: Path, postings: int) -> None:
    store = Store(db)
    store.add_many([Bundle(Posting(f"posting {n}", notes="x" * 400)) for n in range(postings)])
    store.close()


def test_file_size_limit_changes_nothing_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    _store_of_size(db, 3)
    before = db.read_bytes()
    line = one_error_line(jobtrack(db, "add", "--title", "Too big", preexec_fn=_limited(1)))
    assert "could not save: the file would grow past the size limit" in line and "nothing was changed" in line
    assert db.read_bytes() == before
    assert "Too big" not in ok(jobtrack(db, "list"))


def test_file_size_limit_after_the_save_says_saved_but(tmp_path: Path) -> None:
    """The record fits in the journal, the copy of the main file it keeps as a backup does not: saved, and said so."""
    db = tmp_path / "jobs.json"
    _store_of_size(db, 40)
    result = jobtrack(db, "add", "--title", "Fits", preexec_fn=_limited(db.stat().st_size - 1000))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "added #41" in result.stdout
    [line] = result.stderr.splitlines()
    assert line.startswith("jobtrack: saved, but the version before could not be kept") and "size limit" in line
    assert "Fits" in ok(jobtrack(db, "list"))


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 512 KB tmpfs, mounted for the test (needs root: skipped otherwise)."""
    where = Path(tempfile.mkdtemp(prefix="jobtrack-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k,mode=0755", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
        where.rmdir()


def _fill(disk: Path, leave: int) -> Path:
    """Fill the disk until only about `leave` bytes are free."""
    filler = disk / "filler"
    with filler.open("wb") as f:
        while True:
            free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
            if free <= leave:
                break
            try:
                f.write(b"\0" * min(4096, free - leave))
                f.flush()
            except OSError:
                break
    return filler


def test_full_disk_changes_nothing_and_says_so(small_disk: Path) -> None:
    db = small_disk / "jobs.json"
    _store_of_size(db, 3)
    before = db.read_bytes()
    filler = _fill(small_disk, 0)
    line = one_error_line(jobtrack(db, "add", "--title", "No room"))
    assert "could not save: the disk is full" in line and "nothing was changed" in line
    assert "free some space" in line
    assert db.read_bytes() == before
    assert "posting 1" in ok(jobtrack(db, "list"))  # reading still works on a full disk
    filler.unlink()
    assert "No room" not in ok(jobtrack(db, "list"))
    ok(jobtrack(db, "add", "--title", "Room again"))


def test_full_disk_after_the_save_says_saved_but(small_disk: Path) -> None:
    db = small_disk / "jobs.json"
    _store_of_size(db, 200)  # a main file of about 100 KB: its fold needs that much again
    _fill(small_disk, 8 * 4096)
    result = jobtrack(db, "add", "--title", "Fits")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("jobtrack: saved, but") and "the disk is full" in line
    assert "Fits" in ok(jobtrack(db, "list"))


def test_read_only_disk(small_disk: Path) -> None:
    db = small_disk / "jobs.json"
    _store_of_size(db, 3)
    before = db.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    line = one_error_line(jobtrack(db, "add", "--title", "No"))
    assert "could not save: the disk is read-only" in line and "nothing was changed" in line
    assert "posting 1" in ok(jobtrack(db, "list"))
    assert db.read_bytes() == before


NOBODY = 65534


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp folders are private to root)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a command as another user")
    where = Path(tempfile.mkdtemp(prefix="jobtrack-perm-"))
    where.chmod(0o755)
    try:
        yield where
    finally:
        shutil.rmtree(where)


def as_nobody(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI as the unprivileged user `nobody`, so file modes count (root ignores them)."""
    return subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
         sys.executable, "-m", "jobtrack", "--db", str(db), *args],
        capture_output=True, text=True, env={**ENV, "HOME": "/tmp"}, cwd=REPO, timeout=60,
    )


def test_permission_denied_on_save_changes_nothing(shared_folder: Path) -> None:
    db = shared_folder / "jobs.json"
    _store_of_size(db, 2)
    for path in shared_folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    Path(f"{db}.lock").chmod(0o666)  # the lock is free to take; the store's files are not to write
    before = db.read_bytes()
    line = one_error_line(as_nobody(db, "add", "--title", "No"))
    assert "could not save: permission denied" in line and "nothing was changed" in line and "ls -ld" in line
    assert db.read_bytes() == before
    assert "posting 1" in as_nobody(db, "list").stdout


COMMANDS = [
    ["list"], ["show", "1"], ["due"], ["week"], ["stats"], ["doctor"], ["export", "--json", "-"],
    ["add", "--title", "x"], ["edit", "1", "--notes", "y"], ["status", "1", "applied"], ["rm", "1", "--yes"],
    ["remind", "list"], ["restore"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("closed", ["file", "folder"])
def test_unreadable_store_is_one_line_naming_the_path(shared_folder: Path, command: list[str], closed: str) -> None:
    db = shared_folder / "s" / "jobs.json"
    db.parent.mkdir(mode=0o755)
    _store_of_size(db, 2)
    (db if closed == "file" else db.parent).chmod(0o600 if closed == "file" else 0o700)  # root's alone
    result = as_nobody(db, *command)
    assert result.returncode != 0
    line = one_error_line(result, result.returncode)
    assert str(shared_folder) in line and "permission denied" in line, line
