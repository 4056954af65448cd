"""The outbox: every lead the user saved, durable before any network I/O, until delivered.

Pressing Save calls ``Outbox.add()``: one INSERT, committed with an fsync, and the lead is
safe from crashes and power cuts. The delivery engine (``superfone_desk.delivery.engine``)
then takes entries in order and records each step here, so a crash at any instant resumes
where it stopped and never re-sends a request that carried the timeline note. The rows
stay afterwards as the history the outbox view lists.

States (``EntryState``)::

    queued ──claim──▶ sending ──all requests accepted──▶ sent
      ▲                 │
      │                 ├─ network / 429 / 5xx / unreadable answer ─▶ queued (backoff)
      │                 ├─ server refused a field ─────────────────▶ needs_attention
      │                 └─ key refused / TLS / redirect ───────────▶ paused (with its cause)
      ├── replace() ◀── needs_attention, paused          (the user fixed the draft)
      ├── send_now() ◀─ paused                           (try again now)
      ├── resume_paused() ◀─ paused                      (a new key or address was set)
      ├── rebind_paused(account) ◀─ paused by 401    (the user said: same account)
      └── recover() ◀── sending                          (the process died mid-delivery)
    discard(): queued, needs_attention, paused ──▶ discarded
    replace() of an entry already sent (or being sent) adds a new entry: an update.
    A row that cannot be read is set aside as needs_attention (cause ``damaged``).

"Waiting to send" is queued + sending (``unsent_count``); "needs attention" is
needs_attention + paused (``attention_count``).

The timeline note (``NoteStatus``): ``pending`` until the request carrying it is
accepted (``sent``). When that request's outcome is unknown (timeout or dropped connection
after sending, 502/504, an unreadable answer, or a crash while it was in flight) the note
is taken out of the request, which is retried without it (every other upsert field is
idempotent), and the note becomes ``unconfirmed``: it may or may not be on the lead. Once
the entry is sent the UI asks the user, who chooses ``repost_note()`` (a new entry with only
the note: ``reposted``) or ``dismiss_note()`` (``dismissed``). See docs/outbox.md.

History: sent and discarded entries are kept ``RETENTION`` (90 days) after their last
change, then ``prune`` forgets them (the delivery engine calls it at start and daily);
entries not yet resolved are kept until they are.

This module holds the user's half; ``store.outbox_delivery`` the engine's half, and
``store.entry`` the entry itself. Threading: see ``store.db``; every method is one locked
read or one transaction.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from superfone_desk.core.draft import LeadDraft, draft_to_json
from superfone_desk.core.text import trim
from superfone_desk.store.db import Database
from superfone_desk.store.entry import (
    ATTENTION_STATES,
    EDITABLE_STATES,
    WAITING_STATES,
    EntryBusy,
    EntryNotFound,
    EntryState,
    NoteStatus,
    OutboxEntry,
    OutboxError,
    PauseCause,
)
from superfone_desk.store.outbox_bulk import BulkOutbox
from superfone_desk.store.outbox_delivery import DeliveryLedger
from superfone_desk.store.outbox_rows import (
    draft_columns,
    fold,
    insert_entry,
    listed_entry,
    paused_where,
    require_row,
    select_row,
    typed_phone,
)

__all__ = [
    "ATTENTION_STATES",
    "RETENTION",
    "WAITING_STATES",
    "EntryBusy",
    "EntryNotFound",
    "EntryState",
    "NoteStatus",
    "Outbox",
    "OutboxEntry",
    "OutboxError",
    "PauseCause",
]

#: How long sent and discarded entries stay in the history after their last change.
RETENTION = timedelta(days=90)

class Outbox(BulkOutbox, DeliveryLedger):
    """The outbox and history, over a ``Database``. Safe to use from any thread.

    The UI (and the importer) use the methods here; the delivery engine those of
    ``DeliveryLedger`` (``store.outbox_delivery``).
    """

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock
        self._owns_db = False
        # For the text filter of entries(): Unicode-aware, unlike SQLite's lower().
        db.create_function("sfd_fold", 1, fold)

    @classmethod
    def open(cls, path: Path | str, *, clock: Callable[[], float] = time.time) -> Outbox:
        """An outbox owning its own ``Database`` at ``path`` (closed by ``close()``)."""
        db = Database.open(path)
        try:
            outbox = cls(db, clock=clock)
        except BaseException:
            db.close()
            raise
        outbox._owns_db = True
        return outbox

    @property
    def db(self) -> Database:
        return self._db

    def close(self) -> None:
        if self._owns_db:
            self._db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ================================================================ for the UI

    def add(
        self,
        draft: LeadDraft,
        region: str,
        *,
        known_primary: str | None = None,
        known_exists: bool | None = None,
        account: str | None = None,
        batch: str | None = None,
        followup: dict[str, Any] | None = None,
        name: str | None = None,
    ) -> int:
        """Queue ``draft`` (validated by the caller: the form, the importer); its id.
        Durable (fsynced, and on disk even if the data folder was deleted meanwhile) when
        this returns.

        ``known_exists``/``known_primary``: what the lookup panel already knew about the
        typed phone (None = unknown; delivery then looks it up itself). ``batch``: the
        import it comes from; ``followup``: a follow-up task (a JSON object) that travels
        with it; ``name``: the Name shown when the draft lacks it (an update that holds
        only the edits). ``ValueError`` when the draft has no usable phone.
        """
        phone = typed_phone(draft, region)
        with self._db.transaction(durable=True) as conn:
            return insert_entry(
                conn,
                self._clock(),
                phone,
                draft_columns(draft, region, known_primary, known_exists, name),
                self._initial_note_status(draft),
                account,
                batch,
                followup,
            )

    def get(self, entry_id: int) -> OutboxEntry | None:
        """The entry, or None; a row that cannot be read comes back as damaged."""
        with self._db.read() as conn:
            row = select_row(conn, entry_id)
        return None if row is None else listed_entry(row)

    def entries(
        self,
        *,
        text: str | None = None,
        states: Collection[EntryState] | None = None,
        batch: str | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[OutboxEntry]:
        """Entries newest first. ``text`` matches a substring of the name, or, when it has
        no letters, of the phone by its digits (spaces and punctuation ignored);
        ``states`` keeps only those states, ``batch`` only that import's entries. A row
        that cannot be read is listed as damaged (needs attention), not raised."""
        where: list[str] = []
        params: list[Any] = []
        if batch is not None:
            where.append("batch = ?")
            params.append(batch)
        if states is not None:
            if not states:
                return []
            where.append(f"state IN ({', '.join('?' * len(states))})")
            params += [EntryState(state).value for state in states]
        needle = trim(text or "")
        if needle:
            # Phone matching only for phone-like text: "Asha 2" must not match every
            # phone with a 2 in it.
            phone_like = not any(ch.isalpha() for ch in needle)
            digits = "".join(ch for ch in needle if ch.isdigit()) if phone_like else ""
            clauses = ["instr(sfd_fold(name), ?) > 0", "instr(sfd_fold(summary), ?) > 0"]
            params += [needle.casefold(), needle.casefold()]
            if digits:
                clauses.append("instr(phone, ?) > 0")
                params.append(digits)
            where.append("(" + " OR ".join(clauses) + ")")
        sql = "SELECT * FROM outbox"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
        params += [limit, offset]
        with self._db.read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [listed_entry(row) for row in rows]

    def counts(self, *, batch: str | None = None) -> dict[EntryState, int]:
        """How many entries are in each state (every state present, 0 when none); with
        ``batch``, of that import only. A row in a state this app does not know counts as
        needing attention (delivery sets it aside so)."""
        sql = "SELECT state, COUNT(*) FROM outbox"
        params: tuple[str, ...] = ()
        if batch is not None:
            sql, params = sql + " WHERE batch = ?", (batch,)
        with self._db.read() as conn:
            rows = conn.execute(sql + " GROUP BY state", params).fetchall()
        counts = dict.fromkeys(EntryState, 0)
        for state, count in rows:
            known = state in EntryState.__members__.values()
            counts[EntryState(state) if known else EntryState.NEEDS_ATTENTION] += count
        return counts

    def unsent_count(self) -> int:
        """Entries waiting to send: queued + sending."""
        return self._count_states(WAITING_STATES)

    def attention_count(self) -> int:
        """Entries that wait for the user: needs_attention + paused."""
        return self._count_states(ATTENTION_STATES)

    def note_question_count(self) -> int:
        """Sent entries whose timeline note is unconfirmed (the UI should ask)."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT COUNT(*) FROM outbox WHERE state = ? AND note_status = ?",
                (EntryState.SENT, NoteStatus.UNCONFIRMED),
            ).fetchone()
        return int(row[0])

    def replace(
        self,
        entry_id: int,
        draft: LeadDraft,
        region: str | None = None,
        *,
        known_primary: str | None = None,
        known_exists: bool | None = None,
        account: str | None = None,
        name: str | None = None,
        followup: dict[str, Any] | None = None,
    ) -> OutboxEntry:
        """Put the user's fixed ``draft`` in place of a queued, paused or needs_attention
        entry: the same row (same id) with the new draft, planned afresh and queued at the
        back, as a new save would be. If the entry was sent (or is being sent, or was
        discarded) meanwhile, the draft is added as a new entry instead (an update of the
        lead): what the user typed is never lost. The entry saved is returned.

        A timeline note that was already posted (or may have been) is not posted again
        when the fixed draft carries the same text: it is taken out of the new draft, and
        the note keeps its status. A different text is a new note. ``name`` as for add();
        ``followup``: booked with the fix, in the same transaction (None keeps the old).
        """
        now = self._clock()
        with self._db.transaction(durable=True) as conn:
            old = OutboxEntry.from_row(require_row(conn, entry_id))
            region = old.region if region is None else region
            note_status = NoteStatus(old.note_status)
            already = note_status in (NoteStatus.SENT, NoteStatus.UNCONFIRMED)
            if already and trim(draft.customer_note) == trim(old.draft.customer_note):
                draft = dataclasses.replace(draft, customer_note="")
                if old.state not in EDITABLE_STATES:
                    note_status = NoteStatus.NONE  # the new entry has no note of its own
            else:
                note_status = self._initial_note_status(draft)
            phone = typed_phone(draft, region)
            columns = draft_columns(draft, region, known_primary, known_exists, name)
            if old.state not in EDITABLE_STATES:
                # Delivered (or on its way) meanwhile: this save is an update after it.
                entry_id = insert_entry(
                    conn, now, phone, columns, note_status, account or old.account,
                    old.batch, old.followup if followup is None else followup,
                )
            else:
                conn.execute(
                    """
                    UPDATE outbox SET seq = (SELECT MAX(seq) + 1 FROM outbox),
                        updated_at = ?, state = ?, phone = ?, name = ?, summary = ?,
                        region = ?, draft_json = ?, known_primary = ?, known_exists = ?,
                        requests_json = NULL, next_request = 0, in_flight = 0,
                        primary_phone = NULL, created = NULL, note_status = ?, attempts = 0,
                        next_attempt_at = 0, last_error = NULL, error_field = NULL,
                        cause = NULL, account = COALESCE(?, account),
                        followup_json = COALESCE(?, followup_json)
                    WHERE id = ?
                    """,
                    (now, EntryState.QUEUED, phone, *columns, note_status, account,
                     None if followup is None else json.dumps(followup, ensure_ascii=False),
                     entry_id),
                )
            new = select_row(conn, entry_id)
        assert new is not None
        return OutboxEntry.from_row(new)

    def discard(self, entry_id: int) -> None:
        """The user gives up on a queued, paused or needs_attention entry."""
        with self._db.transaction() as conn:
            self._editable(conn, entry_id, "discarded")
            conn.execute(
                "UPDATE outbox SET state = ?, updated_at = ?, next_attempt_at = 0 WHERE id = ?",
                (EntryState.DISCARDED, self._clock(), entry_id),
            )

    def send_now(self, entry_id: int) -> None:
        """Clear the entry's backoff (and re-queue it if paused); then call the
        deliverer's ``wake()``."""
        with self._db.transaction() as conn:
            row = require_row(conn, entry_id)
            state = EntryState(row["state"])
            if state not in (EntryState.QUEUED, EntryState.PAUSED):
                raise EntryBusy(f"Outbox entry {entry_id} is {state.value}; nothing to send.")
            conn.execute(
                "UPDATE outbox SET state = ?, next_attempt_at = 0, updated_at = ? WHERE id = ?",
                (EntryState.QUEUED, self._clock(), entry_id),
            )

    def resume_paused(self) -> list[int]:
        """Re-queue every paused entry (a new key or address was set); their ids.

        They stay with the account they were saved under: a lead is never moved to
        another account here (``rebind_paused`` does that, on the user's word).
        """
        with self._db.transaction() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM outbox WHERE state = ? ORDER BY seq", (EntryState.PAUSED,)
                )
            ]
            conn.execute(
                "UPDATE outbox SET state = ?, next_attempt_at = 0, attempts = 0, updated_at = ? "
                "WHERE state = ?",
                (EntryState.QUEUED, self._clock(), EntryState.PAUSED),
            )
        return ids

    def paused_for(
        self, causes: Collection[PauseCause], account: str | None = None
    ) -> list[OutboxEntry]:
        """Entries paused for one of ``causes`` (still paused, or re-queued under their
        account), optionally of one account, oldest first: those the UI may offer to move
        to another account after asking the user (``rebind_paused``)."""
        where, params = paused_where(causes, account)
        with self._db.read() as conn:
            rows = conn.execute(f"SELECT * FROM outbox WHERE {where} ORDER BY seq", params)
            return [listed_entry(row) for row in rows.fetchall()]

    def rebind_paused(
        self, to_account: str, causes: Collection[PauseCause], *, from_account: str | None = None
    ) -> list[int]:
        """Move the entries paused for one of ``causes`` to ``to_account`` and queue
        them; their ids. Only on the user's word: a 401 (``AUTH``) after "is the new key
        for the same account?"; a bad address (``ADDRESS_CAUSES``) after "send them to
        the new address?", when only the address changed, not the key."""
        where, params = paused_where(causes, from_account)
        with self._db.transaction() as conn:
            rows = conn.execute(f"SELECT id FROM outbox WHERE {where} ORDER BY seq", params)
            ids = [row[0] for row in rows]
            conn.execute(
                "UPDATE outbox SET state = ?, account = ?, cause = NULL, next_attempt_at = 0, "
                f"attempts = 0, updated_at = ? WHERE {where}",
                (EntryState.QUEUED, to_account, self._clock(), *params),
            )
        return ids

    def clear_backoff(self) -> None:
        """Make every queued entry due now (the user asked to retry now)."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET next_attempt_at = 0 WHERE state = ? AND next_attempt_at > 0",
                (EntryState.QUEUED,),
            )

    def repost_note(self, entry_id: int) -> int:
        """Queue the unconfirmed note of a sent entry again, alone; the new entry's id.

        The new entry carries only the lead's primary phone, "create" off and the note, so
        it adds the note and changes nothing else.
        """
        with self._db.transaction(durable=True) as conn:
            row = require_row(conn, entry_id)
            old = OutboxEntry.from_row(row)
            if not old.asks_about_note:
                raise EntryBusy(
                    f"Outbox entry {entry_id} has no unconfirmed note of a delivered lead."
                )
            target = old.primary_phone or old.phone
            draft = LeadDraft(
                customer_phone=target,
                customer_note=old.draft.customer_note,
                create_if_missing=False,
            )
            now = self._clock()
            columns = (
                old.name,
                f"{old.summary} (timeline note posted again)",
                old.region,
                json.dumps(draft_to_json(draft), ensure_ascii=False),
                target,
                1,
            )
            new_id = insert_entry(
                conn, now, old.phone, columns, NoteStatus.PENDING, old.account, old.batch, None
            )
            conn.execute(
                "UPDATE outbox SET note_status = ?, note_entry_id = ?, updated_at = ? WHERE id = ?",
                (NoteStatus.REPOSTED, new_id, now, entry_id),
            )
        return new_id

    def dismiss_note(self, entry_id: int) -> None:
        """The user says the unconfirmed note needs no re-post: stop asking."""
        with self._db.transaction() as conn:
            row = require_row(conn, entry_id)
            if row["note_status"] != NoteStatus.UNCONFIRMED:
                raise EntryBusy(f"Outbox entry {entry_id} has no unconfirmed note.")
            conn.execute(
                "UPDATE outbox SET note_status = ?, updated_at = ? WHERE id = ?",
                (NoteStatus.DISMISSED, self._clock(), entry_id),
            )

    def prune(self, before: datetime | None = None) -> int:
        """Forget sent and discarded entries last changed before ``before`` (default: the
        ``RETENTION`` ago); how many. Entries whose note still waits for the user's answer
        are kept, and so is every entry not resolved yet."""
        cutoff = (
            before.timestamp() if before is not None else self._clock() - RETENTION.total_seconds()
        )
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM outbox WHERE state IN (?, ?) AND updated_at < ? AND note_status != ?",
                (EntryState.SENT, EntryState.DISCARDED, cutoff, NoteStatus.UNCONFIRMED),
            )
        return cursor.rowcount

    # ================================================================ internals

    @staticmethod
    def _initial_note_status(draft: LeadDraft) -> NoteStatus:
        return NoteStatus.PENDING if trim(draft.customer_note) else NoteStatus.NONE

    def _count_states(self, states: Collection[EntryState]) -> int:
        marks = ", ".join("?" * len(states))
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT COUNT(*) FROM outbox WHERE state IN ({marks})",
                [state.value for state in states],
            ).fetchone()
        return int(row[0])

    def _editable(self, conn: sqlite3.Connection, entry_id: int, what: str) -> sqlite3.Row:
        row = require_row(conn, entry_id)
        state = EntryState(row["state"])
        if state not in EDITABLE_STATES:
            raise EntryBusy(
                f"Outbox entry {entry_id} is {state.value.replace('_', ' ')} and cannot be "
                f"{what} now."
            )
        return row
