"""Search the whole job hunt: titles, employers, posting texts, notes, contacts and tags.

A posting matches when every word of the query is somewhere in it (in any of
those places; case does not matter, accents do). The stored rows are scanned
as they are and only the postings found are loaded; the texts are searched
through short per-shard word lines (`shard_words`), and read whole only for
the snippets of the postings found.
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
from jobtrack.store import derived
from jobtrack.store.store import CONTACTS, EVENTS, POSTINGS
from jobtrack.store.texts import TextsDamaged, TextShards

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


WORDS_VERSION = 1


def words_path(shard: Path) -> Path:
    return shard.parent / "words" / shard.name


def _shard_stamp(shard: Path) -> list[int] | None:
    try:
        st = shard.stat()
    except FileNotFoundError:
        return None
    return [st.st_mtime_ns, st.st_size, st.st_ino]


def _read_texts(shard: Path) -> dict[str, str]:
    """A shard's texts; {} for a damaged one (`doctor` names it)."""
    try:
        return {k: v for k, v in TextShards.read(shard).items() if k.isdigit()}
    except TextsDamaged:
        return {}


def shard_words(shard: Path) -> dict[str, str]:
    """Each text of a shard as its distinct words, case folded, space separated.

    A word typed (no spaces in it) is in a text exactly when it is in that
    line, which is several times shorter than the text: searching it is the
    quick part. The lines are derived data kept in `words/` beside the shards,
    trusted only while the shard is the very file they were made from
    (`store/derived.py` says the same of the other derived files)."""
    stamp = _shard_stamp(shard)
    if stamp is None:
        return {}
    path = words_path(shard)
    try:
        kept = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        kept = None
    if isinstance(kept, dict) and kept.get("version") == WORDS_VERSION and kept.get("shard") == stamp:
        lines = kept.get("texts")
        if isinstance(lines, dict):
            return lines
    lines = {k: " ".join(dict.fromkeys(text.casefold().split())) for k, text in _read_texts(shard).items()}
    if _shard_stamp(shard) == stamp:  # not rewritten while it was read
        derived.save(path, orjson.dumps({"version": WORDS_VERSION, "shard": stamp, "texts": lines}))
    return lines


def text_words(db: Path, words: tuple[str, ...]) -> dict[int, frozenset[str]]:
    """For each posting whose text holds any of `words`: which. Reads only files beside
    the store, so it may run in a thread beside a store in use."""
    found: dict[int, frozenset[str]] = {}
    if not words:
        return found
    for shard in TextShards(db).shards():
        for key, line in shard_words(shard).items():
            present = frozenset(w for w in words if w in line)
            if present:
                found[int(key)] = present
    return found


def snippets(db: Path, wanted: dict[int, frozenset[str]]) -> dict[int, str]:
    """A line around the first word found in each of the texts `wanted`, reading only their shards."""
    shards = TextShards(db)
    by_shard: dict[Path, list[int]] = {}
    for pid in wanted:
        by_shard.setdefault(shards.shard_of(pid), []).append(pid)
    out: dict[int, str] = {}
    for shard, ids in by_shard.items():
        texts = _read_texts(shard)
        for pid in ids:
            text = texts.get(str(pid), "")
            out[pid] = _around(text, text.casefold(), wanted[pid]) if text else ""
    return out


_CONTACT_PARTS = ("name", "role", "organisation", "phone", "email", "reachable", "notes")


def _contact_texts(store: Store) -> dict[int, str]:
    """Each posting's contacts as one text, from the stored rows (no records built)."""
    out: dict[int, list[str]] = {}
    for _, row in store.rows(CONTACTS):
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


def search(store: Store, query: str, now: datetime, with_snippets: bool = True) -> list[Hit]:
    """Every posting holding all the words of `query`, in the list's order (what comes next first).

    The stored rows are scanned as they are; only the postings found are loaded, and
    only their texts are read for snippets (none with `with_snippets` False: the TUI's list)."""
    words = words_of(query)
    if not words:
        return []
    in_texts = text_words(store.path, words)
    contacts = _contact_texts(store)
    found: list[tuple[int, tuple[str, ...], str]] = []
    for key, row in store.rows(POSTINGS):
        pid = int(key)
        seen: dict[str, set[str]] = {}
        for place, value in _places(row, contacts.get(pid, "")).items():
            folded = value.casefold()
            if present := {w for w in words if w in folded}:
                seen[place] = present
        in_text = in_texts.get(pid)
        if in_text is not None:
            seen["text"] = set(in_text)
        if not all(any(w in s for s in seen.values()) for w in words):
            continue
        where = snippet(str(row.get("notes") or ""), words) if "notes" in seen and in_text is None and with_snippets else ""
        found.append((pid, tuple(place for place in PLACES if place in seen), where))
    if with_snippets:
        around = snippets(store.path, {pid: in_texts[pid] for pid, _, _ in found if pid in in_texts})
        found = [(pid, places, around.get(pid, where)) for pid, places, where in found]
    postings = {pid: store.posting(pid) for pid, _, _ in found}
    events = (event_from_dict({**row, "id": k}) for k, row in store.rows(EVENTS) if row.get("posting_id") in postings)
    lines = {line.id: line for line in lines_of(postings.values(), events)}
    hits = [Hit(pid, postings[pid].title, postings[pid].employer, postings[pid].display_status(now), postings[pid].archived,
                places, where) for pid, places, where in found]
    return sorted(hits, key=lambda h: lines[h.id].sort_key(now))
