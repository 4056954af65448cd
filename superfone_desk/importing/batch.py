"""Sending an import: its rows go into the outbox as one batch; the outbox's
``Deliverer`` sends them like any saved lead (durable, resumable, cancellable).

``queue_plan`` adds the plan's sendable rows, each a durable outbox entry, tagged with
the batch id. ``batch_results`` reads back what became of them once delivery is done.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

from superfone_desk.importing.plan import ImportPlan, Outcome, PlannedRow
from superfone_desk.importing.table import Cancel, Progress
from superfone_desk.store.outbox import EntryState, Outbox
from superfone_desk.store.outbox_bulk import BulkItem

#: Rows per durable transaction: 10,000 rows in 20 fsyncs, and a cancel waits at most
#: one chunk (a few tens of milliseconds).
CHUNK = 500

_KNOWN_EXISTS = {Outcome.CREATE: False, Outcome.UPDATE: True, Outcome.SAVE: None}


def new_batch_id(file_name: str, now: datetime | None = None) -> str:
    """A batch id people can read in the Outbox tab: the file and when, plus a few random
    characters so two imports of one file in one second stay apart."""
    when = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S")
    return f"{file_name} {when} #{secrets.token_hex(2)}"


@dataclass(slots=True)
class Queued:
    """Which outbox entry holds which row; ``cancelled`` when the user stopped queueing
    (the rows queued until then stay queued and are sent)."""

    batch: str
    entries: dict[int, PlannedRow] = field(default_factory=dict)
    cancelled: bool = False


def queue_plan(
    outbox: Outbox,
    plan: ImportPlan,
    *,
    batch: str,
    account: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    chunk: int = CHUNK,
) -> Queued:
    """Add every sendable row of ``plan`` to ``outbox`` under ``batch``, in file order.

    Rows go in chunks of ``chunk`` rows, each one durable transaction
    (``Outbox.add_many``): a crash half-way leaves the chunks queued so far in the outbox
    (sent later), and none half-written; cancel is checked between chunks.
    """
    queued = Queued(batch)
    rows = plan.sendable
    for start in range(0, len(rows), chunk):
        if cancel is not None and cancel():
            queued.cancelled = True
            break
        if progress is not None:
            progress(start, len(rows))
        part = rows[start : start + chunk]
        items: list[BulkItem] = []
        for row in part:
            assert row.draft is not None  # every sendable row has its draft
            items.append(
                BulkItem(row.draft, row.known_primary, _KNOWN_EXISTS[row.outcome], row.phone)
            )
        ids = outbox.add_many(items, plan.region, batch=batch, account=account)
        queued.entries.update(zip(ids, part, strict=True))
    if progress is not None:
        progress(len(queued.entries), len(rows))
    return queued


@dataclass(frozen=True, slots=True)
class BatchResults:
    created: int
    updated: int
    #: Rows the server refused (or that cannot go without the user), with the reason.
    refused: tuple[tuple[PlannedRow, str], ...]
    #: Still waiting to send (queued, sending, or paused until a new key).
    waiting: int
    #: Why delivery waits, when it does (a paused entry's message).
    waiting_reason: str | None


def batch_results(outbox: Outbox, queued: Queued) -> BatchResults:
    """What became of the queued rows, from the outbox."""
    created = updated = waiting = 0
    refused: list[tuple[PlannedRow, str]] = []
    reason: str | None = None
    entries = outbox.entries(batch=queued.batch, limit=max(len(queued.entries), 1) + 10)
    for entry in entries:
        row = queued.entries.get(entry.id)
        if row is None:
            continue
        if entry.state is EntryState.SENT:
            if entry.created:
                created += 1
            else:
                updated += 1
        elif entry.state in (EntryState.NEEDS_ATTENTION, EntryState.DISCARDED):
            refused.append((row, entry.last_error or "Refused by Superfone"))
        else:
            waiting += 1
            if entry.state is EntryState.PAUSED and entry.last_error:
                reason = entry.last_error
    refused.sort(key=lambda item: item[0].source.number)
    return BatchResults(created, updated, tuple(refused), waiting, reason)
