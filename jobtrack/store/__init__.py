"""Storage: a hardened TinyDB file, with no knowledge of any front end.

`Store` and `Bundle` load on first use, so that catching a `StoreError`
costs a quick command nothing (TinyDB and filelock take tens of ms to import).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from jobtrack.store.errors import NotFound, StoreDamaged, StoreError, StoreLocked, StoreTooNew

if TYPE_CHECKING:
    from jobtrack.store.store import Bundle, Store

__all__ = ["Bundle", "NotFound", "Store", "StoreDamaged", "StoreError", "StoreLocked", "StoreTooNew"]


def __getattr__(name: str) -> Any:
    if name in ("Bundle", "Store"):
        return getattr(importlib.import_module("jobtrack.store.store"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
