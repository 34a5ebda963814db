"""What a posting's page says now beside what is stored, and taking the wanted part of it.

`jobtrack refresh`, `jobtrack add --update` and the TUI's add dialog (Update)
show the same `Changes` and apply them with `take`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jobtrack.core.fields import get, read
from jobtrack.core.model import CONTACT_FIELDS, POSTING_FIELDS, Contact, Event, Posting
from jobtrack.core.sanitize import clean_line
from jobtrack.core.values import fmt
from jobtrack.store import Bundle, Store


def _contact_details() -> list[str]:
    """What a new reading may change in a contact it finds again (by name, e-mail or phone)."""
    return [f.key for f in CONTACT_FIELDS if f.updatable]


def _show(value: object) -> str:
    return clean_line(fmt(value))


def _when(e: Event) -> str:
    return f"{_show(e.day) or '(no date)'}{' ' + _show(e.time) if e.time else ''}"


@dataclass
class EventChange:
    """An event on the page: a stored one at another time or with another label, or a new one (`old` None)."""

    old: Event | None
    new: Event

    def line(self) -> str:
        what = f"{self.new.kind.value} {_show(self.new.label)}".strip()
        if self.old is None:
            return f"{'event':<14} (new) {what} {_when(self.new)}"
        return f"{'event':<14} {what}: {_when(self.old)}  →  {_when(self.new)}"


@dataclass
class ContactChange:
    """A contact on the page: a stored one with other details (`fields`), or a new one (`old` None)."""

    old: Contact | None
    new: Contact
    fields: tuple[str, ...] = ()

    def line(self) -> str:
        if self.old is None:
            bits = [self.new.name, *(read(self.new, f) for f in _contact_details())]
            return f"{'contact':<14} (new) " + " · ".join(_show(b) for b in bits if b)
        diffs = "; ".join(f"{f} {_show(read(self.old, f)) or '(empty)'}  →  {_show(read(self.new, f))}"
                          for f in self.fields)
        return f"{'contact':<14} {_show(self.old.name)}: {diffs}"


@dataclass
class Changes:
    """What the page says now beside what is stored; `names` are what `take` accepts."""

    fields: dict[str, tuple[object, object]] = field(default_factory=dict)
    events: list[EventChange] = field(default_factory=list)
    contacts: list[ContactChange] = field(default_factory=list)
    text: bool = False

    def __bool__(self) -> bool:
        return bool(self.fields or self.events or self.contacts or self.text)

    def names(self) -> list[str]:
        extra = [n for n, some in (("events", self.events), ("contacts", self.contacts), ("text", self.text)) if some]
        return [*self.fields, *extra]

    def lines(self) -> list[str]:
        out = [f"{name:<14} {_show(old) or '(empty)'}  →  {_show(new)}" for name, (old, new) in self.fields.items()]
        out += [e.line() for e in self.events] + [c.line() for c in self.contacts]
        if self.text:
            out.append(f"{'text':<14} the posting's text changed")
        return out


def _match_event(new: Event, stored: list[Event]) -> Event | None:
    """The same appointment: same kind and label, else the only extracted one of its kind left."""
    label = new.label.casefold().strip()
    same = [e for e in stored if e.kind == new.kind and e.label.casefold().strip() == label]
    if same:
        return same[0]
    kind = [e for e in stored if e.kind == new.kind and e.evidence]
    return kind[0] if len(kind) == 1 else None


def _match_contact(new: Contact, stored: list[Contact]) -> Contact | None:
    for key in ("name", "email", "phone"):
        value = getattr(new, key).casefold().strip()
        found = next((c for c in stored if value and getattr(c, key).casefold().strip() == value), None)
        if found is not None:
            return found
    return None


def compare(stored: Bundle, fresh: Bundle) -> Changes:
    """Every field, event and contact the fresh reading says otherwise; nothing it leaves out counts."""
    out = Changes(changes_since(stored.posting, fresh.posting))
    left = list(stored.events)
    for e in fresh.events:
        exact = next((o for o in left if (o.kind, o.day, o.time, o.label) == (e.kind, e.day, e.time, e.label)), None)
        old = exact or _match_event(e, left)
        if old is not None:
            left.remove(old)
        if exact is None:
            out.events.append(EventChange(old, e))
    for c in fresh.contacts:
        old_contact = _match_contact(c, stored.contacts)
        if old_contact is None:
            out.contacts.append(ContactChange(None, c))
            continue
        diff = tuple(f for f in _contact_details() if read(c, f) and read(c, f) != read(old_contact, f))
        if diff:
            out.contacts.append(ContactChange(old_contact, c, diff))
    out.text = bool(fresh.text) and fresh.text != stored.text
    return out


def take(store: Store, posting_id: int, fresh: Bundle, changes: Changes, wanted: set[str]) -> Posting:
    """Apply the wanted part of `changes` (field names, "events", "contacts", "text"); a moved event is edited in place."""
    unknown = wanted - set(changes.names())
    if unknown:
        raise ValueError(f"no change in {', '.join(sorted(unknown))} (changed: {', '.join(changes.names())})")
    with store.transaction():
        fields: dict[str, object] = {k: new for k, (_, new) in changes.fields.items() if k in wanted}
        if fields:
            evidence = store.posting(posting_id).evidence
            fields["evidence"] = {**evidence, **{k: v for k, v in fresh.posting.evidence.items() if k in fields}}
            store.edit_posting(posting_id, fields)
        for ec in changes.events if "events" in wanted else []:
            if ec.old is None or ec.old.id is None:
                ec.new.posting_id = posting_id
                store.add_event(ec.new)
            else:
                store.edit_event(ec.old.id, {"day": ec.new.day, "time": ec.new.time, "label": ec.new.label,
                                             "evidence": {**ec.old.evidence, **ec.new.evidence}})
        for cc in changes.contacts if "contacts" in wanted else []:
            if cc.old is None or cc.old.id is None:
                cc.new.posting_ids = [posting_id]
                store.add_contact(cc.new)
            else:
                store.edit_contact(cc.old.id, {f: read(cc.new, f) for f in cc.fields})
        if "text" in wanted:
            store.set_text(posting_id, fresh.text)
            if fresh.document:
                store.documents.put(posting_id, *fresh.document)
        return store.posting(posting_id)


def changes_since(current: Posting, fresh: Posting) -> dict[str, tuple[object, object]]:
    """Fields whose freshly fetched value differs: field → (stored, fresh)."""
    out: dict[str, tuple[object, object]] = {}
    for f in POSTING_FIELDS:
        new, old = get(fresh, f), get(current, f)
        if f.updatable and new not in (None, "") and new != old:
            out[f.key] = (old, new)
    return out
