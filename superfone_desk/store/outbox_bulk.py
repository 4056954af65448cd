"""The outbox's bulk half, for imports: many drafts queued in one durable transaction,
and the imports (batches) listed with their counts for the Outbox tab.

Queueing 10,000 rows one ``Outbox.add`` at a time is 10,000 fsynced commits (14.5 s on
the development machine); ``add_many`` is one, and its rows are on disk together or not
at all, so a crash never leaves half a chunk queued.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.i18n import N_
from superfone_desk.core.text import trim
from superfone_desk.store.entry import EntryState, NoteStatus
from superfone_desk.store.outbox_rows import draft_columns, insert_entries, typed_phone

if TYPE_CHECKING:
    from superfone_desk.store.db import Database


#: The reason a stopped import's unsent rows carry (the errors file shows it).
STOPPED = N_("Not sent: the import was stopped")


@dataclass(frozen=True, slots=True)
class BulkItem:
    """One draft to queue, with what a lookup already knew about its phone."""

    draft: LeadDraft
    known_primary: str | None = None
    known_exists: bool | None = None
    #: The main phone in E.164 when the caller already parsed it (the import's plan did).
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """One import in the outbox: its id and how many entries are in each state."""

    batch: str
    counts: dict[EntryState, int]
    last_change: float

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def refused(self) -> int:
        return self.counts[EntryState.NEEDS_ATTENTION] + self.counts[EntryState.DISCARDED]


class BulkOutbox:
    """Mixed into ``Outbox``: uses its database and clock."""

    _db: Database
    _clock: Callable[[], float]

    def add_many(
        self,
        items: Iterable[BulkItem],
        region: str,
        *,
        batch: str | None,
        account: str | None = None,
    ) -> list[int]:
        """Queue every item, in order, in ONE durable transaction; their ids.

        All or nothing: ``ValueError`` (a draft without a usable phone) queues none.
        """
        # Work that needs no lock (payload summaries, JSON) is done before taking it, so
        # the delivery thread is not held up while 10,000 drafts are described.
        rows = [
            (
                item.phone or typed_phone(item.draft, region),
                draft_columns(item.draft, region, item.known_primary, item.known_exists),
                NoteStatus.PENDING if trim(item.draft.customer_note) else NoteStatus.NONE,
            )
            for item in items
        ]
        now = self._clock()
        with self._db.transaction(durable=True) as conn:
            return insert_entries(conn, now, rows, account, batch)

    def discard_waiting(self, batch: str) -> int:
        """Stop an import: its entries not yet sent (queued or paused) are discarded, in
        one transaction; how many. An entry being sent right now goes on."""
        states = (EntryState.QUEUED.value, EntryState.PAUSED.value)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE outbox SET state = ?, updated_at = ?, next_attempt_at = 0, "
                "last_error = ? WHERE batch = ? AND state IN (?, ?)",
                (EntryState.DISCARDED.value, self._clock(), STOPPED, batch, *states),
            )
            return cursor.rowcount

    def batches(self, limit: int = 50) -> list[BatchSummary]:
        """The imports in the outbox, the most recently changed first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT batch, state, COUNT(*), MAX(updated_at) FROM outbox "
                "WHERE batch IS NOT NULL GROUP BY batch, state"
            ).fetchall()
        return _summaries(rows)[:limit]


def _summaries(rows: Sequence[sqlite3.Row]) -> list[BatchSummary]:
    counts: dict[str, dict[EntryState, int]] = {}
    changed: dict[str, float] = {}
    for batch, state, count, updated in rows:
        per_state = counts.setdefault(str(batch), dict.fromkeys(EntryState, 0))
        known = state in EntryState.__members__.values()
        per_state[EntryState(state) if known else EntryState.NEEDS_ATTENTION] += int(count)
        changed[str(batch)] = max(changed.get(str(batch), 0.0), float(updated or 0))
    found = [BatchSummary(b, c, changed[b]) for b, c in counts.items()]
    found.sort(key=lambda s: s.last_change, reverse=True)
    return found
