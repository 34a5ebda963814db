"""Bulky posting texts, kept out of the main store file.

Listing postings should not parse megabytes of posting text, so full texts
live in a few shard files beside the store (a posting's shard is its id
modulo SHARDS). A bulk import writes each shard once; adding one posting
rewrites one small shard. Every write is atomic, like the store's.
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from jobtrack.store.atomic import atomic_write
from jobtrack.store.errors import StoreError
from jobtrack.store.locations import documents_dir, texts_dir

SHARDS = 32


class TextsDamaged(StoreError):
    """A shard that does not parse: its texts are lost to this version, the other shards are not.
    It is never written over, so nothing more is lost until the user moves it aside."""

    def __init__(self, shard: Path, posting_id: int | None = None) -> None:
        self.shard = shard
        whose = f"the text of posting {posting_id} cannot be read: " if posting_id is not None else ""
        super().__init__(
            f"{whose}the text file {shard} is damaged; move it aside to lose only the texts it holds "
            f"(postings whose id divided by {SHARDS} leaves {shard.stem.lstrip('0') or '0'})"
        )


class TextShards:
    def __init__(self, db: Path) -> None:
        self.folder = texts_dir(db)

    def shard_of(self, posting_id: int) -> Path:
        return self.folder / f"{posting_id % SHARDS:02d}.json"

    @staticmethod
    def read(shard: Path) -> dict[str, str]:
        """A shard's texts by posting id; {} for one not written yet."""
        try:
            data = orjson.loads(shard.read_bytes())
        except FileNotFoundError:
            return {}
        except orjson.JSONDecodeError:
            raise TextsDamaged(shard) from None
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise TextsDamaged(shard)
        return data

    def get(self, posting_id: int) -> str:
        shard = self.shard_of(posting_id)
        try:
            return self.read(shard).get(str(posting_id), "")
        except TextsDamaged:
            raise TextsDamaged(shard, posting_id) from None

    def shards(self) -> list[Path]:
        return sorted(self.folder.glob("[0-9][0-9].json"))

    def ids(self) -> set[int]:
        """The posting ids that have a text, in the shards that can be read."""
        found: set[int] = set()
        for shard in self.shards():
            try:
                found.update(int(k) for k in self.read(shard) if k.isdigit())
            except TextsDamaged:
                continue
        return found

    def damaged(self) -> list[TextsDamaged]:
        found = []
        for shard in self.shards():
            try:
                self.read(shard)
            except TextsDamaged as exc:
                found.append(exc)
        return found

    def put_many(self, texts: dict[int, str | None]) -> None:
        """Set (or with None, drop) texts; each touched shard is written once."""
        by_shard: dict[Path, dict[int, str | None]] = {}
        for pid, text in texts.items():
            by_shard.setdefault(self.shard_of(pid), {})[pid] = text
        for shard, items in by_shard.items():
            data = self.read(shard)
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

    def ids(self) -> set[int]:
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return set()
        return {int(n[:-4]) for n in names if n.endswith(".bin") and n[:-4].isdigit()}
