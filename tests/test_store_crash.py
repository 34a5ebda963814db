"""The store against real processes: SIGKILL mid-write, two writers at once, damaged files."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from jobtrack.core.model import Posting
from jobtrack.store import Bundle, Store, StoreDamaged
from jobtrack.store.backups import list_backups
from jobtrack.store.locations import journal_path
from jobtrack.store.storage import backup_bytes

REPO = Path(__file__).resolve().parent.parent
HELPERS = Path(__file__).resolve().parent / "helpers"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}

KILLS = 50
COMPACT_AFTER = 3  # in the crash writer: kills land in appends and in compactions


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        cwd=REPO,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="the platform has no SIGKILL")
def test_sigkill_never_loses_acknowledged_writes(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    rng = random.Random(20260401)
    acknowledged: set[int] = set()
    journal_left = 0
    started = time.monotonic()
    for round_no in range(KILLS):
        proc = spawn(str(HELPERS / "store_writer.py"), str(db), f"r{round_no}", str(COMPACT_AFTER))
        assert proc.stdout is not None
        ready = proc.stdout.readline()
        assert ready == "ready\n", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err
        # Only whole lines count: a partial line was never fully acknowledged.
        new = {int(line) for line in out.split("\n")[:-1] if line}
        assert not new & acknowledged, "an id was handed out twice"
        acknowledged |= new
        journal_left += journal_path(db).exists()

        store = Store(db)  # opens fine: no damage after any kill
        present = {p.id for p in store.postings()}
        missing = acknowledged - present
        assert not missing, f"round {round_no}: acknowledged ids lost: {sorted(missing)[:10]}"
        for pid in new:
            assert store.text(pid).startswith(f"tekst for r{round_no}-")
            assert len(store.contacts(pid)) == 1 and len(store.events(pid)) == 1
    assert len(acknowledged) > KILLS  # the writer really wrote between kills
    assert list_backups(db)  # compactions happened
    assert journal_left  # and kills found records not yet folded
    assert time.monotonic() - started < 90


def test_two_processes_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    count = 300
    store = Store(db)
    a, b = store.add_many([Bundle(Posting("counter a")), Bundle(Posting("counter b"))])
    procs = [
        spawn(str(HELPERS / "store_racer.py"), str(db), "A", str(a.id), str(count)),
        spawn(str(HELPERS / "store_racer.py"), str(db), "B", str(b.id), str(count)),
    ]
    for proc in procs:
        assert proc.stdout is not None
        assert proc.stdout.readline() == "ready\n", proc.stderr.read() if proc.stderr else ""
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out == "done\n"

    fresh = Store(db)
    assert fresh.posting(a.id).notes == "x" * count
    assert fresh.posting(b.id).notes == "x" * count
    titles = [p.title for p in fresh.postings()]
    assert len(titles) == len(set(titles)) == 2 + 2 * count
    for name in "AB":
        assert {t for t in titles if t.startswith(f"{name}-")} == {f"{name}-{i}" for i in range(count)}
    # And the store we opened before the race sees the other processes' work.
    assert store.posting(a.id).notes == "x" * count
    assert len(store.postings()) == 2 + 2 * count


def _good_store(db: Path) -> None:
    store = Store(db, compact_after=1)  # every save folded: one backup per version
    p = store.add(Bundle(Posting("god")))
    for n in range(3):
        store.edit_posting(p.id, {"title": f"god {n}"})


def _damage(kind: str, db: Path) -> None:
    if kind == "truncated":
        raw = db.read_bytes()
        db.write_bytes(raw[: len(raw) // 2])
    elif kind == "garbage":
        db.write_bytes(random.Random(7).randbytes(4096))
    else:
        db.write_bytes(b"")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


@pytest.mark.parametrize("kind", ["truncated", "garbage", "empty"])
def test_damaged_file_is_refused_and_untouched(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "jobs.json"
    _good_store(db)
    _damage(kind, db)
    before = _snapshot(tmp_path)
    with pytest.raises(StoreDamaged) as info:
        Store(db)
    message = str(info.value)
    assert str(db) in message
    assert "\n" not in message
    newest = list_backups(db)[0]
    assert str(newest) in message  # names the newest good backup
    orjson.loads(newest.read_bytes())
    assert _snapshot(tmp_path) == before  # nothing written, nothing pruned

    if not (REPO / "jobtrack" / "cli" / "postings.py").exists():
        return  # `jobtrack list` is not there yet; the store part is checked above
    result = subprocess.run(
        [sys.executable, "-m", "jobtrack", "--db", str(db), "list"],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("jobtrack: ")
    assert str(db) in lines[0]
    assert _snapshot(tmp_path) == before


def test_damaged_file_without_backups(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    db.write_bytes(b'{"postings": {"1": {"title": "x"}')
    with pytest.raises(StoreDamaged) as info:
        Store(db)
    assert str(db) in str(info.value) and "no good backup" in str(info.value)
    assert db.read_bytes() == b'{"postings": {"1": {"title": "x"}'


def test_damaged_backups_are_skipped(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    _good_store(db)
    found = list_backups(db)
    found[0].write_bytes(b"{broken")  # hard links: break the newest backup only
    _damage("garbage", db)
    with pytest.raises(StoreDamaged) as info:
        Store(db)
    assert str(found[1]) in str(info.value)


def _store_with_journal(db: Path) -> int:
    """A folded store (with a backup) plus three saves in the journal; returns the posting id."""
    store = Store(db)
    p = store.add(Bundle(Posting("god")))
    store.close()
    for n in range(3):
        store.edit_posting(p.id, {"title": f"god {n}"})
    return p.id or 0


def jobtrack(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jobtrack", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=REPO,
        timeout=60,
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("jobtrack: ")
    return lines[0]


def test_damage_inside_the_journal_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    _store_with_journal(db)
    lines = journal_path(db).read_bytes().split(b"\n")
    lines[1] = b"\x00\x00garbage\x00"
    journal_path(db).write_bytes(b"\n".join(lines))
    before = _snapshot(tmp_path)
    with pytest.raises(StoreDamaged) as info:
        Store(db)
    message = str(info.value)
    assert str(journal_path(db)) in message and "record 2" in message
    assert "\n" not in message
    assert str(list_backups(db)[0]) in message
    for command in ("list", "doctor"):  # doctor reports it the same way
        line = one_error_line(jobtrack(db, command))
        assert str(journal_path(db)) in line
    assert _snapshot(tmp_path) == before


def test_doctor_shows_the_journal(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    _store_with_journal(db)
    with journal_path(db).open("ab") as f:
        f.write(b'{"set": {')
    result = jobtrack(db, "doctor")
    assert result.returncode == 0, result.stderr
    assert "journal  3 save(s) not yet folded" in result.stdout
    assert "cut short by a crash" in result.stdout
    assert result.stdout.strip().endswith("ok")
    journal_path(db).chmod(0o644)
    result = jobtrack(db, "doctor")
    assert result.returncode == 1
    assert f"problem  {journal_path(db)} is readable by others" in result.stdout


def test_restore_sets_the_journal_aside(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    ident = _store_with_journal(db)
    newest = list_backups(db)[0]
    result = jobtrack(db, "restore")
    assert result.returncode == 0, result.stderr
    assert not journal_path(db).exists()
    # The version before the last save (a delta over a copy), with no newer records over it.
    assert [p.title for p in Store(db).postings()] == ["god 1"]
    assert db.read_bytes() == backup_bytes(newest)
    [aside] = [p for p in tmp_path.glob("jobs.json.before-restore-*") if p.suffix != ".journal"]
    assert f"kept aside: {journal_path(aside)}" in result.stdout
    assert Store(aside).posting(ident).title == "god 2"  # the set-aside pair still opens as the old store


def test_journal_without_its_main_file_is_refused_until_restored(tmp_path: Path) -> None:
    db = tmp_path / "jobs.json"
    _store_with_journal(db)
    db.unlink()
    before = _snapshot(tmp_path)
    line = one_error_line(jobtrack(db, "list"))
    assert f"{db} is missing but its journal {journal_path(db)} is there" in line
    assert _snapshot(tmp_path) == before
    result = jobtrack(db, "restore")
    assert result.returncode == 0, result.stderr
    assert "kept aside: " in result.stdout and not journal_path(db).exists()
    assert [p.title for p in Store(db).postings()] == ["god 1"]  # the version before the last save
