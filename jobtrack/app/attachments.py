"""Attaching the files sent with an application, and opening them again.

`attach` copies the file beside the store (`store/attachments.py`) and
names it on the posting; `detach` takes it off; `open_file` hands a copy
to the system's opener (`$JOBTRACK_OPENER` when set, else `open` on macOS,
the default program on Windows, `xdg-open` elsewhere).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from jobtrack.core import clock
from jobtrack.core.model import Attachment, Posting
from jobtrack.core.sanitize import clean_line
from jobtrack.store import Store
from jobtrack.store.attachments import digest

MAX_BYTES = 50 * 1024 * 1024  # a CV or a portfolio; not a video


class AttachError(ValueError):
    """A file that cannot be attached, opened or found: one line saying why."""


def attach(store: Store, ident: int, source: Path, kind: str = "") -> tuple[Posting, Attachment]:
    """Copy `source` beside the store and name it on posting `ident`."""
    try:
        if source.is_dir():
            raise AttachError(f"{source} is a folder: attach the files in it one by one")
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise AttachError(f"{source} is {size / 1e6:.0f} MB; attachments are at most {MAX_BYTES // 2**20} MB")
        data = source.read_bytes()
    except FileNotFoundError:
        raise AttachError(f"no such file: {source}") from None
    sha = digest(data)
    with store.transaction():
        p = store.posting(ident)
        same = next((a for a in p.attachments if a.sha256 == sha), None)
        if same is not None:
            raise AttachError(f"#{ident} has this file already, as {clean_line(same.name)}")
        store.attachments.put(data)
        added = Attachment(clean_line(source.name) or "file", sha, len(data), clean_line(kind), clock.now())
        p = store.edit_posting(ident, {"attachments": [*p.attachments, added]})
    return p, added


def chosen(p: Posting, number: int) -> Attachment:
    """The attachment `number` (from 1, as `show` lists them)."""
    if not 1 <= number <= len(p.attachments):
        have = f"1 to {len(p.attachments)}" if p.attachments else "none"
        raise AttachError(f"#{p.id} has no attachment {number} (it has {have})")
    return p.attachments[number - 1]


def detach(store: Store, ident: int, number: int) -> Attachment:
    """Take attachment `number` off the posting; a copy no posting uses goes to the backups folder."""
    with store.transaction():
        p = store.posting(ident)
        gone = chosen(p, number)
        store.edit_posting(ident, {"attachments": [a for a in p.attachments if a is not gone]})
    if not any(gone.sha256 in {a.sha256 for a in other.attachments} for other in store.postings()):
        store.attachments.retire(gone.sha256)
    return gone


def copy_path(store: Store, attachment: Attachment) -> Path:
    found = store.attachments.path(attachment.sha256)
    if found is None:
        raise AttachError(f"the copy of {clean_line(attachment.name)} is missing from {store.attachments.folder}")
    return found


def opener() -> list[str]:
    """The command that opens a file with the program the system chose for it."""
    if os.environ.get("JOBTRACK_OPENER"):
        return [os.environ["JOBTRACK_OPENER"]]
    if sys.platform == "darwin":
        return ["open"]
    found = shutil.which("xdg-open")
    if found is None:
        raise AttachError("no program to open files with: install xdg-utils, or set $JOBTRACK_OPENER")
    return [found]


def open_file(store: Store, attachment: Attachment) -> Path:
    """Open the kept copy (read-only) under its own name, so the program shows the name that was sent."""
    source = copy_path(store, attachment)
    name = Path(attachment.name).name  # a name from an imported file never leaves its folder
    shown = store.attachments.folder.parent / f".{store.path.stem}-open" / attachment.sha256[:16] / (
        name if name not in ("", ".", "..") else "file")
    if not shown.exists():
        shown.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        shutil.copyfile(source, shown)
        shown.chmod(0o400)
    if sys.platform == "win32":
        os.startfile(shown)
        return shown
    try:
        subprocess.Popen([*opener(), str(shown)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        raise AttachError(f"could not start {opener()[0]}: {exc.strerror or exc}") from None
    return shown
