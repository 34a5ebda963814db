"""The store's journal: every save is one record, replayed on open and folded into the main file."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from jobtrack.core.model import Contact, Event, EventKind, Posting, Status
from jobtrack.store import Bundle, Store, StoreDamaged, backups
from jobtrack.store.locations import journal_path
from jobtrack.store.storage import SafeStorage
from tinydb import TinyDB


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "jobs.json"


def view(store: Store) -> dict[str, Any]:
    """Everything a user can see in the store."""
    return {
        "bundles": store.export_bundles(),
        "contacts": store.contacts(),
        "events": store.events(),
        "meta": store.meta(),
    }


def main_title(db: Path, ident: int) -> str:
    return orjson.loads(db.read_bytes())["postings"][str(ident)]["title"]


def test_every_store_method_survives_reopening(db: Path) -> None:
    """Each save goes to the journal only, and a fresh Store replays it to the same data."""
    store = Store(db)
    steps = []

    def step(name: str) -> None:
        steps.append(name)
        assert view(Store(db)) == view(store), f"after {steps}"

    p = store.add(Bundle(Posting("a"), [Contact("Ole")], [Event(0, EventKind.CALL)], "tekst"))
    step("add")
    main_before = db.read_bytes()  # the first save made an empty store and put the posting in the journal
    assert "postings" not in orjson.loads(main_before)
    q, r = store.add_many([Bundle(Posting("b")), Bundle(Posting("c"), [Contact("Kim")])])
    step("add_many")
    store.edit_posting(p.id, {"title": "a2", "deadline": date(2027, 1, 2)})
    step("edit_posting")
    store.set_status(p.id, Status.APPLIED, "sendt")
    step("set_status")
    store.set_text(q.id, "ny tekst")
    step("set_text")
    c = store.add_contact(Contact("Mette", posting_ids=[p.id, q.id]))
    step("add_contact")
    store.edit_contact(c.id, {"phone": "11223344"})
    step("edit_contact")
    e = store.add_event(Event(q.id, EventKind.INTERVIEW, day=date(2027, 2, 3)))
    step("add_event")
    store.edit_event(e.id, {"label": "samtale"})
    step("edit_event")
    gone = store.delete_posting(p.id)
    step("delete_posting")
    store.restore(gone)
    step("restore")
    store.delete_contact(c.id)
    step("delete_contact")
    store.delete_event(e.id)
    step("delete_event")
    store.set_meta("theme", "ember")
    step("set_meta")
    store.delete_posting(r.id)
    step("delete_posting again")
    assert db.read_bytes() == main_before  # all of it went to the journal
    assert Store(db).journal().records == len(steps) - 1  # set_text writes only a text shard


def test_another_store_sees_an_edit(db: Path) -> None:
    writer, reader = Store(db), Store(db)
    p = writer.add(Bundle(Posting("a")))
    seen = reader.stamp()
    assert reader.posting(p.id).title == "a"
    writer.edit_posting(p.id, {"title": "b"})
    assert reader.stamp() != seen
    assert reader.posting(p.id).title == "b"  # only the journal's new record was read
    writer.close()  # folded: a new main file, no journal
    assert reader.posting(p.id).title == "b"
    reader.edit_posting(p.id, {"title": "c"})
    assert writer.posting(p.id).title == "c"


def test_compaction_folds_and_keeps_the_previous_main_file(db: Path) -> None:
    store = Store(db, compact_after=4)
    p = store.add(Bundle(Posting("v0")))
    for n in range(1, 8):
        store.edit_posting(p.id, {"title": f"v{n}"})
    # add + v1..v3 filled the journal (fold 1), v4..v7 filled it again (fold 2)
    assert not journal_path(db).exists()
    assert main_title(db, p.id) == "v7"
    found = backups.list_backups(db)
    assert len(found) == 8  # the version before each save: full ones where the journal was empty, deltas between
    full = [b for b in found if b.suffix == ".json"]
    assert len(full) == 2
    assert orjson.loads(full[0].read_bytes())["postings"][str(p.id)]["title"] == "v3"
    store.edit_posting(p.id, {"title": "v8"})
    assert main_title(db, p.id) == "v7" and store.journal().records == 1
    assert Store(db).posting(p.id).title == "v8"


def test_close_folds_only_after_writing(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(Posting("a")))
    reader = Store(db)
    reader.postings()
    reader.close()  # read only: leaves the files alone
    assert journal_path(db).exists()
    store.close()
    assert not journal_path(db).exists()
    assert main_title(db, p.id) == "a"
    assert [b.name for b in backups.list_backups(db)]  # the version before the fold


@pytest.mark.parametrize(
    "torn",
    [
        b'{"set": {"postings": {"99": {"title": "hal',  # killed mid-append
        b'{"set": {"postings": {"99": {"title": "hal\x00\x00\x00\x00"}}, "del": {}}\n',  # power cut: a block never written
    ],
)
def test_torn_last_record_is_ignored_and_later_saves_are_fine(db: Path, torn: bytes) -> None:
    store = Store(db)
    p = store.add(Bundle(Posting("a")))
    with journal_path(db).open("ab") as f:
        f.write(torn)
    fresh = Store(db)
    assert [x.title for x in fresh.postings()] == ["a"]
    assert fresh.journal().torn
    fresh.edit_posting(p.id, {"title": "b"})  # folds the whole records first, then appends
    assert not fresh.journal().torn and fresh.journal().records == 1
    fresh.edit_posting(p.id, {"title": "c"})
    again = Store(db)
    assert [(x.id, x.title) for x in again.postings()] == [(p.id, "c")]
    assert b"hal" not in journal_path(db).read_bytes()


def test_stale_journal_after_a_crash_mid_compaction(db: Path) -> None:
    """Killed between the rename of the new main file and the journal's removal."""
    store = Store(db)
    p = store.add(Bundle(Posting("a"), [Contact("Ole")]))
    store.edit_posting(p.id, {"title": "b"})
    q = store.add(Bundle(Posting("x")))
    store.delete_posting(q.id)
    stale = journal_path(db).read_bytes()
    expected = view(store)
    store.close()
    journal_path(db).write_bytes(stale)  # the removal never happened
    fresh = Store(db)
    assert view(fresh) == expected
    fresh.edit_posting(p.id, {"title": "c"})
    assert Store(db).posting(p.id).title == "c"
    assert [x.id for x in Store(db).postings()] == [p.id]


def test_journal_is_private(db: Path) -> None:
    store = Store(db)
    store.add(Bundle(Posting("a")))
    assert stat.S_IMODE(journal_path(db).stat().st_mode) == 0o600


def test_generic_tinydb_write_rewrites_everything(db: Path) -> None:
    """TinyDB's own write does not say what changed, so it folds the journal and rewrites."""
    store = Store(db)
    p = store.add(Bundle(Posting("a")))
    tiny = TinyDB(str(db), storage=SafeStorage)
    tiny.table("notes").insert({"text": "hej"})
    assert not journal_path(db).exists()
    data = orjson.loads(db.read_bytes())
    assert data["postings"][str(p.id)]["title"] == "a"
    assert list(data["notes"].values()) == [{"text": "hej"}]
    assert Store(db).posting(p.id).title == "a"


def test_failed_transaction_leaves_the_journal_alone(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(Posting("a")))
    before = journal_path(db).read_bytes()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.edit_posting(p.id, {"title": "b"})
            raise RuntimeError("boom")
    assert journal_path(db).read_bytes() == before
    assert Store(db).posting(p.id).title == "a"


def test_damage_in_new_records_stops_an_open_store(db: Path) -> None:
    writer, reader = Store(db), Store(db)
    p = writer.add(Bundle(Posting("a")))
    assert reader.posting(p.id).title == "a"
    writer.edit_posting(p.id, {"title": "b"})
    writer.edit_posting(p.id, {"title": "c"})
    lines = journal_path(db).read_bytes().split(b"\n")
    lines[1] = b"x" * len(lines[1])  # the first record the reader has not read yet
    journal_path(db).write_bytes(b"\n".join(lines))
    before = journal_path(db).read_bytes(), db.read_bytes()
    with pytest.raises(StoreDamaged, match="record 2 is not valid"):
        reader.postings()
    with pytest.raises(StoreDamaged):
        reader.edit_posting(p.id, {"title": "d"})
    assert (journal_path(db).read_bytes(), db.read_bytes()) == before
