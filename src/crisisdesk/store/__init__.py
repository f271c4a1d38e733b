"""The evidence base: `open_store(url)` picks a backend by URL scheme.

path or sqlite:///relative/path or sqlite:////absolute/path   → SQLiteStore
sqlite:// or sqlite:///:memory:                                → SQLiteStore in memory
postgresql://…                                                 → not yet available
"""

from pathlib import Path

from crisisdesk.errors import StoreError
from crisisdesk.store.base import (
    ActorCount,
    DevelopmentScope,
    Located,
    SentenceHit,
    Status,
    Store,
    StoredDevelopment,
    StoredEvent,
    StoryLink,
)
from crisisdesk.store.sqlite import SQLiteStore

__all__ = [
    "ActorCount",
    "DevelopmentScope",
    "Located",
    "SQLiteStore",
    "SentenceHit",
    "Status",
    "Store",
    "StoredDevelopment",
    "StoredEvent",
    "StoryLink",
    "open_store",
]


def open_store(url: str | Path, *, create: bool = True) -> Store:
    """Open (migrating if needed) the store at a path or URL; a missing one is created, or
    with `create=False` refused with a StoreError (read-only commands: nothing is created)."""
    if isinstance(url, Path):
        return SQLiteStore(url, create=create)
    scheme, sep, rest = url.partition("://")
    if not sep:
        return SQLiteStore(url, create=create)
    if scheme == "sqlite":
        return SQLiteStore(rest.removeprefix("/") or ":memory:", create=create)
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        raise StoreError("PostgreSQL backend not yet available")
    raise StoreError(f"unknown store URL scheme {scheme!r}: use a path, sqlite:// or postgresql://")
