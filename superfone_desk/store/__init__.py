"""Local storage in one SQLite file: the outbox and its history, the catalog cache.

Plain Python, no Qt. ``db`` opens the file and migrates its schema, ``outbox`` keeps every
saved lead until Superfone accepted it (or the user discarded it; ``entry`` is one saved
lead, ``outbox_delivery`` the delivery engine's side), ``catalog_cache`` keeps the
pickers' lists per account, ``account`` tells accounts apart without the key. See
docs/outbox.md.
"""

from superfone_desk.store.account import account_identity
from superfone_desk.store.catalog_cache import CatalogCache
from superfone_desk.store.db import (
    DATABASE_FILENAME,
    Database,
    OutboxDamaged,
    OutboxGone,
    OutboxOpenError,
    OutboxTooNew,
    SchemaTooNew,
    move_aside,
)
from superfone_desk.store.entry import (
    ATTENTION_STATES,
    WAITING_STATES,
    EntryAction,
    EntryBusy,
    EntryNotFound,
    EntryState,
    NoteStatus,
    OutboxEntry,
    OutboxError,
    PauseCause,
    allowed_actions,
    stop_reason,
)
from superfone_desk.store.outbox import RETENTION, Outbox

__all__ = [
    "ATTENTION_STATES",
    "DATABASE_FILENAME",
    "RETENTION",
    "WAITING_STATES",
    "CatalogCache",
    "Database",
    "EntryAction",
    "EntryBusy",
    "EntryNotFound",
    "EntryState",
    "NoteStatus",
    "Outbox",
    "OutboxDamaged",
    "OutboxEntry",
    "OutboxError",
    "OutboxGone",
    "OutboxOpenError",
    "OutboxTooNew",
    "PauseCause",
    "SchemaTooNew",
    "account_identity",
    "allowed_actions",
    "move_aside",
    "stop_reason",
]
