"""Bulky posting texts, kept out of the main store file.

Listing postings should not parse megabytes of posting text, so full texts
live in a few shard files beside the store (a posting's shard is its id
modulo SHARDS). A bulk import writes each shard once; adding one posting
rewrites one small shard. Every write is atomic, like the store's.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from jobtrack.store.atomic import atomic_write

SHARDS = 32


def texts_dir(db: Path) -> Path:
    return db.with_name(f"{db.stem}-texts")


def documents_dir(db: Path) -> Path:
    return db.with_name(f"{db.stem}-documents")


class TextShards:
    def __init__(self, db: Path) -> None:
        self.folder = texts_dir(db)

    def _shard(self, posting_id: int) -> Path:
        return self.folder / f"{posting_id % SHARDS:02d}.json"

    def _read(self, shard: Path) -> dict[str, str]:
        try:
            return orjson.loads(shard.read_bytes())
        except FileNotFoundError:
            return {}

    def get(self, posting_id: int) -> str:
        return self._read(self._shard(posting_id)).get(str(posting_id), "")

    def put_many(self, texts: dict[int, str | None]) -> None:
        """Set (or with None, drop) texts; each touched shard is written once."""
        by_shard: dict[Path, dict[int, str | None]] = {}
        for pid, text in texts.items():
            by_shard.setdefault(self._shard(pid), {})[pid] = text
        for shard, items in by_shard.items():
            data = self._read(shard)
            for pid, text in items.items():
                if text:
                    data[str(pid)] = text
                else:
                    data.pop(str(pid), None)
            atomic_write(shard, orjson.dumps(data))


class Documents:
    """The original page or PDF of a posting, so it outlives the employer's site."""

    def __init__(self, db: Path) -> None:
        self.folder = documents_dir(db)

    def _path(self, posting_id: int) -> Path:
        return self.folder / f"{posting_id}.bin"

    def get(self, posting_id: int) -> tuple[bytes, str] | None:
        try:
            blob = self._path(posting_id).read_bytes()
        except FileNotFoundError:
            return None
        content_type, _, body = blob.partition(b"\n")
        return body, content_type.decode("ascii", "replace")

    def put(self, posting_id: int, body: bytes, content_type: str) -> None:
        atomic_write(self._path(posting_id), content_type.encode("ascii", "replace") + b"\n" + body)

    def drop(self, posting_id: int) -> None:
        self._path(posting_id).unlink(missing_ok=True)
