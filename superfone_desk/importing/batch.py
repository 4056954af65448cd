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
) -> Queued:
    """Add every sendable row of ``plan`` to ``outbox`` under ``batch``, in file order.

    Each add is its own durable transaction: a crash half-way leaves the rows queued so
    far in the outbox (sent later), and none half-written.
    """
    queued = Queued(batch)
    rows = plan.sendable
    for index, row in enumerate(rows):
        if cancel is not None and cancel():
            queued.cancelled = True
            break
        if progress is not None and index % 50 == 0:
            progress(index, len(rows))
        assert row.draft is not None
        entry_id = outbox.add(
            row.draft,
            plan.region,
            known_primary=row.known_primary,
            known_exists=_KNOWN_EXISTS[row.outcome],
            account=account,
            batch=batch,
        )
        queued.entries[entry_id] = row
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
