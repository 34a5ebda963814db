"""Storage: a hardened TinyDB file, with no knowledge of any front end."""

from jobtrack.store.errors import NotFound, StoreDamaged, StoreError, StoreLocked, StoreTooNew
from jobtrack.store.store import Bundle, Store

__all__ = ["Bundle", "NotFound", "Store", "StoreDamaged", "StoreError", "StoreLocked", "StoreTooNew"]
