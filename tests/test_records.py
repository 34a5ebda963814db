"""The edits both front ends make go through `jobtrack.app.records`: the rules hold whoever calls."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from jobtrack.app import records
from jobtrack.core.model import EventKind, Posting, Status
from jobtrack.store import Bundle, Store

REPO = Path(__file__).resolve().parent.parent

# Store methods that change what is tracked: a front end calls the use case in jobtrack.app instead.
WRITES = {"add", "add_many", "edit_posting", "set_status", "delete_posting", "restore", "add_contact", "edit_contact",
          "delete_contact", "add_event", "edit_event", "delete_event", "set_text", "set_meta", "import_bundles"}


def _posting(store: Store, title: str) -> int:
    ident = store.add(Bundle(Posting(title=title, employer="Acme"))).id
    assert ident is not None
    return ident


def test_a_shared_contact_is_unlinked_from_one_posting_and_deleted_with_the_last(store: Store) -> None:
    first, second = _posting(store, "Chef"), _posting(store, "Cook")
    contact = records.add_contact(store, first, {"name": "Jette", "phone": "+4512345678"})
    assert contact.id is not None
    store.edit_contact(contact.id, {"posting_ids": [first, second]})

    kept = records.remove_contact(store, contact.id, first)
    assert kept.posting_ids == [second] and store.contacts(first) == [] and len(store.contacts(second)) == 1

    records.remove_contact(store, contact.id, second)
    assert contact.id not in {c.id for c in store.contacts()}


def test_a_contact_without_a_name_is_refused(store: Store) -> None:
    ident = _posting(store, "Chef")
    with pytest.raises(ValueError, match="name"):
        records.add_contact(store, ident, {"phone": "+4512345678"})
    assert store.contacts(ident) == []


def test_a_new_event_is_an_interview_unless_told(store: Store) -> None:
    ident = _posting(store, "Chef")
    assert records.add_event(store, ident, {"label": "1. samtale"}).kind is EventKind.INTERVIEW
    assert records.add_event(store, ident, {"kind": EventKind.TEST}).kind is EventKind.TEST


def test_delete_then_restore_brings_the_posting_back_with_its_history(store: Store) -> None:
    ident = _posting(store, "Chef")
    records.set_status(store, ident, Status.APPLIED, "sent by mail")
    deleted = records.delete_posting(store, ident)
    assert ident not in {p.id for p in store.postings()}
    back = records.restore_posting(store, deleted)
    assert back.id == ident and [h.note for h in back.history][-1] == "sent by mail"


def _store_writes(path: Path) -> list[str]:
    """Calls such as `store.set_status(…)`, `ctx.store().add_event(…)` or `self.jt.store.restore(…)`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
            receiver = ast.unparse(node.func.value)
            if receiver.removesuffix("()").endswith("store"):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {receiver}.{node.func.attr}")
    return found


def test_the_front_ends_change_the_store_only_through_the_application_layer() -> None:
    """The CLI and the TUI call jobtrack.app's use cases; neither reaches around them to write."""
    offenders = [hit for wing in ("cli", "tui") for path in sorted((REPO / "jobtrack" / wing).rglob("*.py"))
                 for hit in _store_writes(path)]
    assert offenders == []
