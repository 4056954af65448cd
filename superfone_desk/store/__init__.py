"""Local storage in one SQLite file: the outbox and its history, the catalog cache.

Plain Python, no Qt. ``db`` opens the file and migrates its schema, ``outbox`` keeps every
saved lead until Superfone accepted it (or the user discarded it), ``catalog_cache`` keeps
the pickers' lists per account. See docs/outbox.md.
"""

from superfone_desk.store.catalog_cache import CatalogCache
from superfone_desk.store.db import DATABASE_FILENAME, Database, SchemaTooNew
from superfone_desk.store.outbox import (
    ATTENTION_STATES,
    WAITING_STATES,
    EntryBusy,
    EntryNotFound,
    EntryState,
    NoteStatus,
    Outbox,
    OutboxEntry,
    OutboxError,
)

__all__ = [
    "ATTENTION_STATES",
    "DATABASE_FILENAME",
    "WAITING_STATES",
    "CatalogCache",
    "Database",
    "EntryBusy",
    "EntryNotFound",
    "EntryState",
    "NoteStatus",
    "Outbox",
    "OutboxEntry",
    "OutboxError",
    "SchemaTooNew",
]
