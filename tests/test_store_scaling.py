"""One posting's work costs one posting: rows read by id, saves appended, backups as deltas, the list index patched."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from jobtrack.app import list_index
from jobtrack.core.listing import lines_of
from jobtrack.core.model import Contact, Event, EventKind, Posting
from jobtrack.store import Bundle, Store, backups
from jobtrack.store.journal import journal_path
from jobtrack.store.layout import index_path
from jobtrack.store.storage import backup_bytes, read_good

ENV = {**os.environ, "JOBTRACK_NOW": "2026-11-23T09:00"}


def jobtrack(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "jobtrack", "--db", str(db), *args],
                          capture_output=True, text=True, env=ENV, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store big enough that one save is a small share of it, folded once."""
    path = tmp_path / "jobs.json"
    store = Store(path)
    store.add_many(
        Bundle(
            Posting(f"posting {k}", employer="Fjordbank", notes="x" * 400),
            [Contact(f"contact {k}")],
            [Event(0, EventKind.INTERVIEW, day=date(2026, 12, 1 + k % 20))] if k % 2 else [],
        )
        for k in range(1, 121)
    )
    store.close()
    return path


def view(store: Store) -> dict[str, Any]:
    ids = [p.id or 0 for p in store.postings()]
    return {
        "postings": store.postings(),
        "by posting": {i: (store.contacts(i), store.events(i)) for i in ids},
        "one": [store.posting(i) for i in ids],
        "meta": store.meta(),
    }


def test_a_fold_writes_a_row_index_that_reads_one_row_alone(db: Path) -> None:
    assert index_path(db).exists()
    raw = db.read_bytes()
    start = raw.index(b'\n"2":') + len(b'\n"2":')
    end = raw.index(b"\n", start)
    st = os.stat(db)
    with db.open("r+b") as f:  # posting 2 garbled in place, the file's version kept
        f.seek(start)
        f.write(b"#" * (end - start - 1))
    os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns))
    store = Store(db)
    assert store.posting(1).title == "posting 1"  # read without parsing posting 2
    assert [c.name for c in store.contacts(1)] == ["contact 1"]
    proc = subprocess.run([sys.executable, "-m", "jobtrack", "--db", str(db), "show", "2"], capture_output=True, text=True, env=ENV)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert str(db) in line and "damaged" in line


def test_rows_read_by_id_are_the_rows_of_the_whole_file(db: Path) -> None:
    store = Store(db)
    store.edit_posting(3, {"title": "edited"})
    shared = store.add_contact(Contact("shared", posting_ids=[4, 5]))
    store.delete_event(store.events(7)[0].id or 0)
    store.add_event(Event(8, EventKind.CALL, day=date(2026, 12, 24)))
    store.delete_posting(9)
    by_index = view(Store(db))
    index_path(db).unlink()  # the row index gone: the file is parsed whole
    whole = view(Store(db))
    assert by_index == whole
    assert shared in whole["by posting"][4][0] and shared in whole["by posting"][5][0]
    assert whole["by posting"][7][1] == [] and 9 not in whole["by posting"]


def test_a_stale_row_index_is_ignored(db: Path) -> None:
    data = orjson.loads(db.read_bytes())
    data["postings"]["1"]["title"] = "by hand"
    db.write_bytes(orjson.dumps(data))  # another layout, another version: the index no longer fits
    assert Store(db).posting(1).title == "by hand"
    data["postings"]["1"]["deadline"] = "2026-13-45"
    db.write_bytes(orjson.dumps(data))
    proc = subprocess.run([sys.executable, "-m", "jobtrack", "--db", str(db), "show", "1"], capture_output=True, text=True, env=ENV)
    assert proc.returncode != 0 and "deadline '2026-13-45' is not a date" in proc.stderr


def test_a_command_appends_and_patches_the_list_index(db: Path) -> None:
    jobtrack(db, "list")  # the list index of the folded store
    main = db.read_bytes()
    for args in (
        ["edit", "3", "--title", "Renamed"],
        ["status", "4", "interviewing"],
        ["event", "add", "6", "--kind", "interview", "--when", "2026-12-03 10:00"],
        ["event", "rm", "1"],
        ["rm", "--yes", "5"],
        ["add", "--title", "New one", "--employer", "Birch"],
    ):
        jobtrack(db, *args)
        assert db.read_bytes() == main, args  # appended to the journal, not rewritten
        store = Store(db)
        first = list_index.load(db)
        assert first is not None and first.stamp == store.stamp(), args
        assert sorted(first.lines, key=lambda x: x.id) == sorted(lines_of(store.postings(), store.events()), key=lambda x: x.id)
    assert journal_path(db).exists()


def test_every_kept_version_can_be_restored(db: Path) -> None:
    for n in range(1, 4):
        jobtrack(db, "edit", "1", "--title", f"v{n}")
    found = backups.list_backups(db)
    assert [b.suffix for b in found[:3]] == [".delta", ".delta", ".json"]  # before v3, v2; v1 saved over the main file alone
    titles = [orjson.loads(backup_bytes(b))["postings"]["1"]["title"] for b in found[:3]]
    assert titles == ["v2", "v1", "posting 1"]
    assert "restored" in jobtrack(db, "restore", str(found[1])).stdout
    assert Store(db).posting(1).title == "v1"
    assert orjson.loads(jobtrack(db, "show", "1", "--json").stdout)["title"] == "v1"


def test_pruning_keeps_every_copy_a_kept_delta_is_made_over(db: Path) -> None:
    store = Store(db, compact_after=4)
    for n in range(30):
        store.edit_posting(1 + n % 5, {"notes": f"edit {n}"})
    kept = backups.list_backups(db)
    assert len(kept) <= backups.KEEP_RECENT + backups.KEEP_DAYS + 2  # and at most the copies under the kept deltas
    for b in kept:  # each one a whole, good store
        read_good(b)
    assert sum(b.suffix == ".delta" for b in kept) >= backups.KEEP_RECENT // 2


def test_a_backup_is_not_damaged_with_the_live_files(db: Path) -> None:
    """Copies, not links: a main file or journal overwritten in place leaves the versions before intact."""
    for n in range(1, 4):
        jobtrack(db, "edit", "1", "--title", f"v{n}")
    newest = backups.list_backups(db)[0]
    journal_path(db).write_bytes(b"garbage\n")
    db.write_bytes(b"{")
    assert orjson.loads(backup_bytes(newest))["postings"]["1"]["title"] == "v2"
    jobtrack(db, "restore")
    assert Store(db).posting(1).title == "v2"


def test_a_save_by_another_process_in_between_rebuilds_the_list_index(db: Path) -> None:
    mine = Store(db)
    list_index.refresh(mine)
    mine.edit_posting(3, {"title": "mine"})
    Store(db).edit_posting(4, {"title": "theirs"})  # another process, between two saves of mine
    mine.edit_posting(5, {"title": "mine again"})
    mine.close(when_due=True)
    list_index.refresh(mine)
    first = list_index.load(db)
    assert first is not None
    titles = {line.id: line.title for line in first.lines}
    assert (titles[3], titles[4], titles[5]) == ("mine", "theirs", "mine again")


def test_a_fold_that_does_not_fit_after_the_save_says_saved_but(tmp_path: Path) -> None:
    """A small store is folded by the command that saves: the record and the backup copy fit, the fold does not."""
    small = tmp_path / "jobs.json"
    store = Store(small)
    store.add_many([Bundle(Posting(f"posting {n}", notes="x" * 400)) for n in range(3)])
    store.close()
    limit = small.stat().st_size + 50  # the copy of the main file fits, the main file with the new posting does not

    def limited() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run([sys.executable, "-m", "jobtrack", "--db", str(small), "add", "--title", "Fits"],
                            capture_output=True, text=True, env=ENV, timeout=60, preexec_fn=limited)
    assert result.returncode == 0 and "added #4" in result.stdout, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("jobtrack: saved, but the journal could not be folded") and "size limit" in line
    assert journal_path(small).exists() and Store(small).posting(4).title == "Fits"


def test_a_command_patches_a_current_due_index(db: Path) -> None:
    from jobtrack.app import due_index
    from jobtrack.core.model import to_dict
    from jobtrack.store import derived

    def project(records: list[Any], kept: tuple[str, ...] | None) -> list[dict[str, Any]]:
        """What the index holds of each: a posting's due-line fields, an event without its evidence and notes."""
        rows = [to_dict(r) for r in records]
        rows = [{k: v for k, v in r.items() if (k in kept or k == "id" if kept else k not in due_index.EVENT_SLIM)} for r in rows]
        return sorted(rows, key=lambda r: r["id"])

    first, end = date(2026, 11, 23), date(2026, 12, 23)
    jobtrack(db, "due")  # builds the index
    for args in (
        ["edit", "3", "--deadline", "2026-12-10"],
        ["event", "add", "6", "--kind", "interview", "--when", "2026-12-03 10:00"],
        ["event", "rm", "1"],
        ["rm", "--yes", "5"],
        ["status", "3", "withdrawn"],
    ):
        jobtrack(db, *args)
        patched = due_index.load(db, first, end)
        assert patched is not None, args  # current: `due` need not read the store
        store = Store(db)
        fresh = due_index.select(
            due_index.build_rows(derived.store_stamp(db), store.rows("postings"), store.rows("events"), first, end), first, end
        )
        assert fresh is not None
        for got, want, kept in zip(patched, fresh, (due_index.POSTING_FIELDS, None), strict=True):
            assert project(got, kept) == project(want, kept), args
