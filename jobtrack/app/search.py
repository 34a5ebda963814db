"""Search the whole job hunt: titles, employers, posting texts, notes, contacts and tags.

A posting matches when every word of the query is somewhere in it (in any of
those places, case and accents as typed aside from case). The texts are read
straight from their shards (`store/texts.py`), one shard at a time, so a
search never holds every text in memory and never loads a posting object
for a text that does not match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from jobtrack.core.listing import lines_of
from jobtrack.core.model import event_from_dict
from jobtrack.core.sanitize import clean_line
from jobtrack.store.store import CONTACTS, EVENTS, POSTINGS
from jobtrack.store.texts import TextShards

if TYPE_CHECKING:
    from jobtrack.store import Store

PLACES = ("title", "employer", "tags", "notes", "contacts", "text")
SNIPPET = 40  # characters either side of the first word found


def words_of(query: str) -> tuple[str, ...]:
    """The query's words, case folded, each once."""
    return tuple(dict.fromkeys(query.casefold().split()))


@dataclass(frozen=True)
class Hit:
    id: int
    title: str
    employer: str
    status: str
    archived: bool
    places: tuple[str, ...]  # where the words were found, in PLACES order
    snippet: str  # a line of the text or notes around a word, "" when only names matched

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "employer": self.employer, "status": self.status,
                "archived": self.archived, "found_in": list(self.places), "snippet": self.snippet}


@dataclass(frozen=True)
class InText:
    words: frozenset[str]
    snippet: str


def text_words(db: Path, words: tuple[str, ...]) -> dict[int, InText]:
    """For each posting whose text holds any of `words`: which, and a line around the first.
    Reads only the shard files, so it may run in a thread beside a store in use.
    A damaged shard is skipped (`doctor` names it)."""
    found: dict[int, InText] = {}
    if not words:
        return found
    shards = TextShards(db)
    for shard in shards.shards():
        try:
            raw = shard.read_bytes()
        except FileNotFoundError:
            continue
        try:
            texts = orjson.loads(raw)
        except orjson.JSONDecodeError:
            continue
        if not isinstance(texts, dict):
            continue
        for key, text in texts.items():
            if not isinstance(text, str) or not key.isdigit():
                continue
            folded = text.casefold()
            present = frozenset(w for w in words if w in folded)
            if present:
                found[int(key)] = InText(present, _around(text, folded, present))
    return found


_CONTACT_PARTS = ("name", "role", "organisation", "phone", "email", "reachable", "notes")


def _contact_texts(store: Store) -> dict[int, str]:
    """Each posting's contacts as one text, from the stored rows (no records built)."""
    out: dict[int, list[str]] = {}
    for row in store.rows(CONTACTS).values():
        text = " ".join(str(row.get(k) or "") for k in _CONTACT_PARTS)
        for pid in row.get("posting_ids") or ():
            out.setdefault(pid, []).append(text)
    return {pid: " ".join(texts) for pid, texts in out.items()}


def _places(row: dict[str, Any], contacts: str) -> dict[str, str]:
    return {"title": str(row.get("title") or ""), "employer": str(row.get("employer") or ""),
            "tags": " ".join(row.get("tags") or ()), "notes": str(row.get("notes") or ""), "contacts": contacts}


def _around(text: str, folded: str, words: Iterable[str]) -> str:
    """Where folding kept every character in place, the folded text's offsets are the text's."""
    if len(folded) != len(text):
        return snippet(text, words)
    start = min(folded.find(w) for w in words)
    word = next(w for w in words if folded.find(w) == start)
    return _cut(text, start, start + len(word))


def _cut(text: str, start: int, end: int) -> str:
    start, end = max(0, start - SNIPPET), min(len(text), end + SNIPPET)
    return f"{'…' if start else ''}{clean_line(text[start:end]).strip()}{'…' if end < len(text) else ''}"


def snippet(text: str, words: Iterable[str]) -> str:
    """One line of `text` around the first of `words` it holds, with "…" where it was cut."""
    for word in words:
        match = re.search(re.escape(word), text, re.IGNORECASE)
        if match is not None:
            return _cut(text, match.start(), match.end())
    return ""


def search(store: Store, query: str, now: datetime) -> list[Hit]:
    """Every posting holding all the words of `query`, in the list's order (what comes next first).

    The stored rows are scanned as they are; only the postings found are loaded."""
    words = words_of(query)
    if not words:
        return []
    in_texts = text_words(store.path, words)
    contacts = _contact_texts(store)
    found: list[tuple[int, tuple[str, ...], str]] = []
    for key, row in store.rows(POSTINGS).items():
        pid = int(key)
        seen: dict[str, set[str]] = {}
        for place, value in _places(row, contacts.get(pid, "")).items():
            folded = value.casefold()
            if present := {w for w in words if w in folded}:
                seen[place] = present
        in_text = in_texts.get(pid)
        if in_text is not None:
            seen["text"] = set(in_text.words)
        if not all(any(w in s for s in seen.values()) for w in words):
            continue
        where = in_text.snippet if in_text else snippet(str(row.get("notes") or ""), words) if "notes" in seen else ""
        found.append((pid, tuple(place for place in PLACES if place in seen), where))
    postings = {pid: store.posting(pid) for pid, _, _ in found}
    events = (event_from_dict({**row, "id": int(k)}) for k, row in store.rows(EVENTS).items() if row.get("posting_id") in postings)
    lines = {line.id: line for line in lines_of(postings.values(), events)}
    hits = [Hit(pid, postings[pid].title, postings[pid].employer, postings[pid].display_status(now), postings[pid].archived,
                places, where) for pid, places, where in found]
    return sorted(hits, key=lambda h: lines[h.id].sort_key(now))
