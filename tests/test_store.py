"""Behaviour of the store: round trips, ids, undo, backups, schema, texts."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime, time
from pathlib import Path

import orjson
import pytest
from jobtrack.core.model import Contact, Event, EventKind, Evidence, Posting, Status, StatusChange
from jobtrack.store import Bundle, NotFound, Store, StoreTooNew, backups
from jobtrack.store.locations import texts_dir
from jobtrack.store.migrations import SCHEMA_VERSION


def full_posting(title: str = "Udvikler") -> Posting:
    return Posting(
        title=title,
        employer="Region Hovedstaden",
        department="IT-afdelingen",
        location="København Ø",
        url="https://example.dk/job/1",
        language="da",
        deadline=date(2026, 4, 14),
        deadline_time=time(12, 0),
        posted=date(2026, 3, 1),
        start_date=date(2026, 6, 1),
        salary="45.000 kr./md.",
        hours="37 timer",
        positions=2,
        tags=["python", "offentlig"],
        priority=3,
        notes="Ring til Mette først",
        status=Status.APPLIED,
        history=[StatusChange(Status.SAVED, datetime(2026, 3, 2, 9, 30)), StatusChange(Status.APPLIED, datetime(2026, 3, 5, 10, 0), "sendt")],
        evidence={"deadline": Evidence("Ansøgningsfrist: 14. april kl. 12", 0.9, 10, 42)},
        created=datetime(2026, 3, 2, 9, 30),
        updated=datetime(2026, 3, 5, 10, 0),
    )


def full_contact() -> Contact:
    return Contact(
        name="Mette Hansen",
        role="Teamleder",
        organisation="Region H",
        phone="+45 12 34 56 78",
        email="mette@example.dk",
        reachable="træffes fra 31/7",
        notes="venlig",
        evidence={"phone": Evidence("tlf. 12 34 56 78", 0.8)},
    )


def full_event() -> Event:
    return Event(
        posting_id=0,
        kind=EventKind.INTERVIEW,
        day=date(2026, 4, 20),
        time=time(10, 30),
        end=time(11, 30),
        label="1. samtale",
        place="Blegdamsvej 9",
        notes="medbring eksamensbevis",
        evidence={"day": Evidence("samtaler afholdes 20. april", 0.7, 1, 5)},
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "jobs.json"


def test_round_trip_all_fields(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(full_posting(), [full_contact()], [full_event()], "Fuld tekst æøå"))
    expected_p, expected_c, expected_e = full_posting(), full_contact(), full_event()
    fresh = Store(db)
    got = fresh.posting(p.id)
    expected_p.id, expected_p.uid = p.id, p.uid
    assert got == expected_p
    [c] = fresh.contacts(p.id)
    expected_c.id, expected_c.posting_ids = c.id, [p.id]
    assert c.uid == store.contacts(p.id)[0].uid  # the identity is saved, not made anew on each read
    expected_c.uid = c.uid
    assert c == expected_c
    [e] = fresh.events(p.id)
    expected_e.id, expected_e.posting_id, expected_e.uid = e.id, p.id, store.events(p.id)[0].uid
    assert e == expected_e
    assert fresh.text(p.id) == "Fuld tekst æøå"
    assert fresh.bundle(p.id).text == "Fuld tekst æøå"


def test_new_posting_gets_initial_history(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(Posting("X")))
    assert [h.status for h in Store(db).posting(p.id).history] == [Status.SAVED]


def test_edit_contact_event_crud(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(Posting("A")))
    edited = store.edit_posting(p.id, {"title": "B", "tags": ["x"], "deadline": date(2027, 1, 2)})
    assert edited.updated is not None
    got = Store(db).posting(p.id)
    assert (got.title, got.tags, got.deadline) == ("B", ["x"], date(2027, 1, 2))

    c = store.add_contact(Contact("Ole", posting_ids=[p.id]))
    store.edit_contact(c.id, {"phone": "11223344"})
    assert Store(db).contact(c.id).phone == "11223344"
    e = store.add_event(Event(p.id, EventKind.CALL, day=date(2027, 1, 1)))
    store.edit_event(e.id, {"label": "opkald"})
    assert Store(db).event(e.id).label == "opkald"
    store.delete_contact(c.id)
    store.delete_event(e.id)
    fresh = Store(db)
    with pytest.raises(NotFound):
        fresh.contact(c.id)
    with pytest.raises(NotFound):
        fresh.event(e.id)
    with pytest.raises(NotFound):
        fresh.posting(999)
    with pytest.raises(NotFound):
        store.add_contact(Contact("Nobody", posting_ids=[999]))


def test_ids_never_reused_after_delete(db: Path) -> None:
    store = Store(db)
    a, b = store.add_many([Bundle(Posting("a"), [Contact("c")], [Event(0, EventKind.OTHER)]) for _ in range(2)])
    c_ids = {c.id for c in store.contacts()}
    e_ids = {e.id for e in store.events()}
    store.delete_posting(b.id)  # the highest id
    store.delete_posting(a.id)
    fresh = Store(db)
    n = fresh.add(Bundle(Posting("n"), [Contact("c")], [Event(0, EventKind.OTHER)]))
    assert n.id > b.id
    assert fresh.contacts()[0].id > max(c_ids)
    assert fresh.events()[0].id > max(e_ids)


def test_delete_and_restore(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(full_posting(), [full_contact()], [full_event()], "tekst", (b"%PDF-1.4 x", "application/pdf")))
    before = store.bundle(p.id)
    gone = store.delete_posting(p.id)
    fresh = Store(db)
    assert fresh.postings() == [] and fresh.contacts() == [] and fresh.events() == []
    assert fresh.text(p.id) == ""
    assert fresh.documents.get(p.id) is None
    fresh.restore(gone)
    again = Store(db).bundle(p.id)
    assert again == before
    assert again.document == (b"%PDF-1.4 x", "application/pdf")


def test_shared_contact_survives_deleting_one_posting(db: Path) -> None:
    store = Store(db)
    a = store.add(Bundle(Posting("a"), [Contact("Delt")]))
    b = store.add(Bundle(Posting("b")))
    [c] = store.contacts(a.id)
    store.edit_contact(c.id, {"posting_ids": [a.id, b.id]})
    bundle = store.delete_posting(a.id)
    fresh = Store(db)
    assert fresh.contact(c.id).posting_ids == [b.id]
    assert [x.id for x in fresh.contacts(b.id)] == [c.id]
    fresh.restore(bundle)
    assert sorted(Store(db).contact(c.id).posting_ids) == [a.id, b.id]
    Store(db).delete_posting(b.id)
    assert Store(db).contact(c.id).posting_ids == [a.id]


def test_status_history(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(Posting("a")))
    store.set_status(p.id, Status.APPLIED, "sendt", at=datetime(2026, 1, 2, 3, 4, 5))
    store.set_status(p.id, Status.APPLIED)  # no change, no new entry
    store.set_status(p.id, Status.INTERVIEWING)
    got = Store(db).posting(p.id)
    assert got.status is Status.INTERVIEWING
    assert [h.status for h in got.history] == [Status.SAVED, Status.APPLIED, Status.INTERVIEWING]
    assert got.history[1] == StatusChange(Status.APPLIED, datetime(2026, 1, 2, 3, 4, 5), "sendt")


def test_files_are_private(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(Posting("a"), text="t", document=(b"x", "text/html")))
    store.edit_posting(p.id, {"title": "b"})
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    for f in texts_dir(db).iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    for f in backups.list_backups(db):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600


def test_backups_created_and_pruned(db: Path) -> None:
    store = Store(db, compact_after=1)  # every save is folded into the main file
    p = store.add(Bundle(Posting("v0")))
    for n in range(1, 25):
        store.edit_posting(p.id, {"title": f"v{n}"})
    found = backups.list_backups(db)
    assert backups.KEEP_RECENT <= len(found) <= backups.KEEP_RECENT + backups.KEEP_DAYS
    # The newest backup is the version before the last save.
    assert orjson.loads(found[0].read_bytes())["postings"][str(p.id)]["title"] == "v23"
    assert backups.backups_to_prune([f.name for f in found]) == []


def test_backups_to_prune_policy() -> None:
    def name(day: int, hour: int) -> str:
        return f"202601{day:02d}T{hour:02d}0000.000000.json"

    # 12 a day for 10 days, newest first
    names = [name(d, h) for d in range(10, 0, -1) for h in range(23, 11, -1)]
    pruned = set(backups.backups_to_prune(names))
    kept = [n for n in names if n not in pruned]
    assert kept[: backups.KEEP_RECENT] == names[: backups.KEEP_RECENT]
    first_of_days = {name(d, 12) for d in range(10, 3, -1)}  # the 7 newest days
    assert first_of_days <= set(kept)
    assert len(kept) == backups.KEEP_RECENT + backups.KEEP_DAYS
    assert name(3, 12) in pruned and name(1, 12) in pruned
    assert backups.backups_to_prune(names[:5]) == []


def test_schema_version_written_with_the_first_save(db: Path) -> None:
    store = Store(db)
    assert store.postings() == [] and not list(db.parent.iterdir())  # opening and reading create nothing
    store.set_meta("theme", "x")
    data = json.loads(db.read_bytes())
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION


def test_newer_schema_refused(db: Path) -> None:
    db.write_bytes(orjson.dumps({"meta": {"1": {"schema": SCHEMA_VERSION + 1}}, "postings": {}}))
    before = db.read_bytes()
    with pytest.raises(StoreTooNew) as info:
        Store(db)
    assert str(db) in str(info.value)
    assert db.read_bytes() == before


def test_v0_file_migrates(db: Path) -> None:
    row = {"title": "Gammel", "employer": "Firma", "status": "applied", "created": "2020-01-01T00:00:00"}
    db.write_bytes(orjson.dumps({"postings": {"3": row}}))
    store = Store(db)
    [p] = store.postings()
    assert (p.id, p.title, p.status) == (3, "Gammel", Status.APPLIED)
    data = orjson.loads(db.read_bytes())
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert {"postings", "contacts", "events", "meta"} <= set(data)
    assert store.add(Bundle(Posting("ny"))).id == 4


def test_texts_kept_out_of_main_file(db: Path) -> None:
    store = Store(db)
    big = "Lorem ipsum dolor sit amet, æøå. " * 3000  # ~100 KB each
    ps = store.add_many([Bundle(Posting(f"p{i}"), text=big + str(i)) for i in range(20)])
    assert db.stat().st_size < 20_000
    assert sum(f.stat().st_size for f in texts_dir(db).iterdir()) > 20 * len(big)
    fresh = Store(db)
    assert all(fresh.text(p.id) == big + str(i) for i, p in enumerate(ps))
    fresh.set_text(ps[0].id, "kort")
    assert Store(db).text(ps[0].id) == "kort"


def test_export_bundles(db: Path) -> None:
    store = Store(db)
    store.add_many([Bundle(Posting(f"p{i}"), [Contact("c")], [Event(0, EventKind.TEST)], f"t{i}") for i in range(3)])
    out = Store(db).export_bundles()
    assert [b.posting.title for b in out] == ["p0", "p1", "p2"]
    assert all(len(b.contacts) == 1 and len(b.events) == 1 for b in out)
    assert [b.text for b in out] == ["t0", "t1", "t2"]


def test_meta_shared(db: Path) -> None:
    Store(db).set_meta("theme", "dark")
    assert Store(db).meta()["theme"] == "dark"


def test_failed_transaction_saves_nothing(db: Path) -> None:
    store = Store(db)
    p = store.add(Bundle(Posting("a")))
    before = db.read_bytes()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.edit_posting(p.id, {"title": "b"})
            raise RuntimeError("boom")
    assert db.read_bytes() == before
    assert store.posting(p.id).title == "a"
    assert os.path.exists(db)
