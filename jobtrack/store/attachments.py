"""Files attached to postings (CVs, cover letters), kept as copies beside the store.

A copy, never a link: the user's own file may move or change, the copy
stays what was sent. Each file is named by the SHA-256 of its bytes, so
the same CV attached to twenty applications is stored once, an import of
an export finds its files by the same names, and a name always says which
bytes it holds. Copies are read-only, so opening one in an editor cannot
change what was sent.

A file no posting uses any more (its posting deleted, or the file
detached) moves into the backups folder rather than away: a restored
backup or an undone delete still finds it there (`path`).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from jobtrack.store.atomic import atomic_write, ensure_dir, fsync_dir
from jobtrack.store.locations import attachments_dir, retired_dir

_SHA = re.compile(r"[0-9a-f]{64}")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Attachments:
    def __init__(self, db: Path) -> None:
        self.folder = attachments_dir(db)
        self.retired = retired_dir(db)

    def put(self, data: bytes) -> str:
        """Keep a read-only copy of `data` (once); its name, the SHA-256."""
        sha = digest(data)
        target = self.folder / sha
        if not target.exists():
            old = self.retired / sha
            if old.exists():  # brought back: the retired copy is the same bytes
                ensure_dir(self.folder)
                os.replace(old, target)
                fsync_dir(self.folder)
            else:
                atomic_write(target, data)
                os.chmod(target, 0o400)
        return sha

    def path(self, sha: str) -> Path | None:
        """Where the copy is: beside the store, or retired into the backups; None when lost."""
        if not _SHA.fullmatch(sha):
            return None
        for folder in (self.folder, self.retired):
            if (folder / sha).is_file():
                return folder / sha
        return None

    def read(self, sha: str) -> bytes | None:
        found = self.path(sha)
        return found.read_bytes() if found is not None else None

    def retire(self, sha: str) -> None:
        """Move a copy no posting uses into the backups folder."""
        source = self.folder / sha
        if not _SHA.fullmatch(sha) or not source.exists():
            return
        ensure_dir(self.retired)
        os.replace(source, self.retired / sha)
        fsync_dir(self.retired)
        fsync_dir(self.folder)
