"""Row-level helpers shared by the two halves of the outbox (``outbox``, ``outbox_delivery``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from superfone_desk.core.draft import LeadDraft, draft_to_json
from superfone_desk.core.i18n import F_, N_
from superfone_desk.core.payload import describe
from superfone_desk.core.phones import parse_phone
from superfone_desk.core.text import trim
from superfone_desk.store.entry import (
    DamagedRow,
    EntryNotFound,
    EntryState,
    NoteStatus,
    OutboxEntry,
    PauseCause,
)

#: The SQL added to a query for "this account's entries" (index: no account given).
ACCOUNT_FILTER = {False: "AND (o.account IS NULL OR o.account = ?)", True: ""}

#: The columns of a new entry, in the order ``insert_entry`` fills them.
_INSERT = """
    INSERT INTO outbox (seq, created_at, updated_at, state, phone, name, summary, region,
        draft_json, known_primary, known_exists, note_status, account, batch, followup_json)
    VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?)
"""

#: The stored error of an entry that cannot be read back (a module-level template, so
#: the Outbox tab recognises and translates it: translatable.recognise).
DAMAGED = N_("This saved lead is damaged on disk and cannot be sent ({reason}).")


def paused_where(causes: Collection[PauseCause], account: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause (and its parameters) for entries paused for one of ``causes``:
    still paused, or re-queued under their account; with ``account``, only its own."""
    marks = ", ".join("?" * len(causes))
    where = f"cause IN ({marks}) AND state IN (?, ?)"
    params: list[Any] = [*causes, EntryState.PAUSED, EntryState.QUEUED]
    if account is not None:
        where += " AND account = ?"
        params.append(account)
    return where, params


def account_params(account: str | None) -> tuple[str, ...]:
    return () if account is None else (account,)


def select_row(conn: sqlite3.Connection, entry_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM outbox WHERE id = ?", (entry_id,)
    ).fetchone()
    return row


def require_row(conn: sqlite3.Connection, entry_id: int) -> sqlite3.Row:
    row = select_row(conn, entry_id)
    if row is None:
        raise EntryNotFound(entry_id)
    return row


def typed_phone(draft: LeadDraft, region: str) -> str:
    """The draft's phone in E.164 (the ordering key). The form and the importer validate
    drafts before saving; the store only needs a phone to file the entry under."""
    phone = parse_phone(draft.customer_phone, region).e164
    if phone is None:
        raise ValueError("the draft has no valid phone (customer_phone)")
    return phone


def draft_columns(
    draft: LeadDraft,
    region: str,
    known_primary: str | None,
    known_exists: bool | None,
    name: str | None = None,
) -> tuple[Any, ...]:
    """The columns a saved draft fills (name .. known_exists), for add() and replace().
    ``name``: the person's name when the draft lacks it (an update of a loaded lead holds
    only the edits); otherwise the draft's own."""
    return (
        trim(name or "") or entry_name(draft),
        describe(draft, region),
        region,
        json.dumps(draft_to_json(draft), ensure_ascii=False),
        known_primary,
        None if known_exists is None else int(known_exists),
    )


def insert_entry(
    conn: sqlite3.Connection,
    now: float,
    phone: str,
    columns: tuple[Any, ...],
    note_status: str,
    account: str | None,
    batch: str | None,
    followup: dict[str, Any] | None,
) -> int:
    """Insert a queued entry at the back of the line; its id."""
    followup_json = None if followup is None else json.dumps(followup, ensure_ascii=False)
    cursor = conn.execute(
        _INSERT,
        (now, now, EntryState.QUEUED, phone, *columns, note_status, account, batch,
         followup_json),
    )
    entry_id = cursor.lastrowid
    assert entry_id is not None
    return entry_id


#: ``_INSERT`` with the queue position given: a bulk insert reads MAX(seq) once, not
#: per row (no index leads with seq, so each read scans the table).
_INSERT_AT = _INSERT.replace("(SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox)", "?")


def insert_entries(
    conn: sqlite3.Connection,
    now: float,
    rows: Sequence[tuple[str, tuple[Any, ...], str]],
    account: str | None,
    batch: str | None,
) -> list[int]:
    """Insert queued entries (phone, draft columns, note status) at the back, in order."""
    (last,) = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM outbox").fetchone()
    ids: list[int] = []
    for seq, (phone, columns, note_status) in enumerate(rows, start=int(last) + 1):
        cursor = conn.execute(
            _INSERT_AT,
            (seq, now, now, EntryState.QUEUED, phone, *columns, note_status, account, batch,
             None),
        )
        assert cursor.lastrowid is not None
        ids.append(cursor.lastrowid)
    return ids


def set_aside(conn: sqlite3.Connection, damage: DamagedRow, now: float) -> None:
    """Mark a row that cannot be read as needing attention, with the reason; never sent."""
    conn.execute(
        "UPDATE outbox SET state = ?, cause = 'damaged', in_flight = 0, next_attempt_at = 0, "
        "last_error = ?, error_field = NULL, updated_at = ? WHERE id = ?",
        (
            EntryState.NEEDS_ATTENTION,
            f"This saved lead is damaged on disk and cannot be sent ({damage.reason}).",
            now,
            damage.entry_id,
        ),
    )


def entry_or_set_aside(
    conn: sqlite3.Connection, row: sqlite3.Row, now: float
) -> OutboxEntry | None:
    """The entry of ``row`` (its draft checked); None (and the row set aside) when it is
    damaged."""
    try:
        return OutboxEntry.from_row(row, check_draft=True)
    except DamagedRow as damage:
        set_aside(conn, damage, now)
        return None


def fold(text: object) -> str:
    return str(text).casefold() if text is not None else ""


def entry_name(draft: LeadDraft) -> str:
    """The Outbox's Name for ``draft``: the person, else the business."""
    person = " ".join(part for part in (trim(draft.first_name), trim(draft.last_name)) if part)
    return person or trim(draft.business_name)


def listed_entry(row: sqlite3.Row) -> OutboxEntry:
    """The entry of ``row`` for a list; a damaged row as a damaged entry (never raised)."""
    try:
        return OutboxEntry.from_row(row)
    except DamagedRow as damage:
        return OutboxEntry(
            id=row["id"], state=EntryState.NEEDS_ATTENTION,
            created_at=_when(row["created_at"]), updated_at=_when(row["updated_at"]),
            phone=str(row["phone"]), name=str(row["name"]), summary=str(row["summary"]),
            region=str(row["region"]), draft_json="{}", known_primary=None, known_exists=None,
            requests=None, next_request=0, in_flight=False, primary_phone=None, created=None,
            note_status=NoteStatus.NONE, attempts=0, next_attempt_at=None,
            last_error=F_(DAMAGED, reason=damage.reason),
            error_field=None, sent_at=None, note_entry_id=None, account=row["account"],
            cause=PauseCause.DAMAGED, batch=row["batch"],
        )


def _when(timestamp: object) -> datetime:
    seconds = timestamp if isinstance(timestamp, int | float) else 0.0
    return datetime.fromtimestamp(seconds, UTC)
