"""The delivery engine's half of the outbox: claiming entries and recording each step.

``Outbox`` (``store.outbox``) inherits these methods; the engine
(``superfone_desk.delivery.engine``) is their only caller. Every method is one locked
read or one transaction, so a crash at any instant leaves a state ``recover()`` resumes.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Collection, Sequence
from typing import Any

from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.note_rule import sends_note, without_note
from superfone_desk.store.db import Database
from superfone_desk.store.entry import (
    DamagedRow,
    EntryNotFound,
    EntryState,
    NoteStatus,
    OutboxEntry,
    PauseCause,
)
from superfone_desk.store.outbox_rows import (
    ACCOUNT_FILTER,
    account_params,
    entry_or_set_aside,
    require_row,
    select_row,
    set_aside,
)

#: At most this long (seconds) between a note's acceptance and an fsync that records it.
NOTE_SYNC_DELAY_S = 1.0
#: How many rows ``set_aside_damaged`` reads at a time.
_SCAN_ROWS = 500
_KNOWN_STATES = tuple(state.value for state in EntryState)
#: SQL: the entry's follow-up (issue #14) is not booked yet. Its last lead request then
#: leaves the entry ``sending`` in the same transaction that records the request, so a
#: crash before the follow-up stage runs leaves it for ``recover()``, never "sent" with
#: the follow-up forgotten. NULL (no follow-up, or unreadable JSON) counts as false.
FOLLOWUP_LEFT = (
    "(json_valid(followup_json) AND json_extract(followup_json, '$.state') IS NOT 'sent')"
)


class DeliveryLedger:
    """The methods the delivery engine calls (mixed into ``Outbox``).

    Power cuts and the timeline note: a note accepted by the server but not yet recorded
    on disk would be posted again after a power cut. Fsyncing before each request that
    carries the note closes that gap entirely, but costs an fsync (4-6 ms here) per lead
    with a note, which the save and drain targets cannot afford (docs/outbox.md has the
    numbers). So the record that a note was accepted is fsynced soon after instead: at
    once when the last fsync is over ``NOTE_SYNC_DELAY_S`` old, otherwise as soon as
    delivery runs out of due entries (``claim`` finds none). A power cut can then only
    double a note whose request was on the wire or whose acceptance came less than that
    delay before the cut while delivery was busy.
    """

    _db: Database
    _clock: Callable[[], float]
    #: A note was accepted since the last fsync.
    _note_unsynced: bool = False

    def recover(self, *, interrupted_only: bool = False) -> list[int]:
        """Make the outbox consistent after a previous process ended; ids re-queued.

        Call once, before delivery starts (one deliverer per database). Entries left in
        ``sending`` go back to the queue. When one died with a request in flight that
        carried the note, the server may have posted it: the note leaves that request and
        becomes unconfirmed (see ``store.outbox``). Paused entries get one more try (the key
        or the address may have changed since), and backoffs restart from now. Damaged rows
        are set aside. ``interrupted_only``: after a storage error stopped delivery in this
        process, only the entries it left in ``sending`` are recovered.
        """
        now = self._clock()
        self.set_aside_damaged()
        requeued: list[int] = []
        states = [EntryState.SENDING]
        if not interrupted_only:
            states.append(EntryState.PAUSED)
        with self._db.transaction() as conn:
            rows = conn.execute(
                f"SELECT * FROM outbox WHERE state IN ({', '.join('?' * len(states))}) "
                "ORDER BY seq",
                states,
            ).fetchall()
            for row in rows:
                requeued.append(row["id"])
                if row["state"] == EntryState.SENDING and row["in_flight"]:
                    self._strip_note_locked(conn, row, row["next_request"], now)
                # A strip that left nothing to send has made the entry sent: keep that.
                conn.execute(
                    "UPDATE outbox SET state = ?, in_flight = 0, updated_at = ? "
                    "WHERE id = ? AND state IN (?, ?)",
                    (EntryState.QUEUED, now, row["id"], EntryState.SENDING, EntryState.PAUSED),
                )
            if not interrupted_only:
                conn.execute(
                    "UPDATE outbox SET next_attempt_at = 0 WHERE state = ?", (EntryState.QUEUED,)
                )
        return requeued

    def set_aside_damaged(self) -> list[int]:
        """Set aside every unsent row that cannot be read (unknown state, broken JSON) as
        needs_attention with the reason; their ids. The others are untouched."""
        now = self._clock()
        damaged: list[int] = []
        marks = ", ".join("?" * len(_KNOWN_STATES))
        with self._db.transaction() as conn:
            for (entry_id, state) in conn.execute(
                f"SELECT id, state FROM outbox WHERE state NOT IN ({marks})", _KNOWN_STATES
            ).fetchall():
                set_aside(conn, DamagedRow(entry_id, f"unknown state {state!r}"), now)
                damaged.append(entry_id)
            last = 0
            while True:
                rows = conn.execute(
                    "SELECT * FROM outbox WHERE id > ? AND state IN (?, ?, ?) "
                    "AND cause IS NOT 'damaged' ORDER BY id LIMIT ?",
                    (last, EntryState.QUEUED, EntryState.SENDING, EntryState.PAUSED, _SCAN_ROWS),
                ).fetchall()
                if not rows:
                    break
                for row in rows:
                    last = row["id"]
                    if entry_or_set_aside(conn, row, now) is None:
                        damaged.append(row["id"])
        return damaged

    def claim(self, now: float | None = None, *, account: str | None = None) -> OutboxEntry | None:
        """The next entry to deliver, now marked ``sending``; None when none is due.

        The oldest due queued entry whose phone has no earlier entry still queued or
        sending: each phone's saves go out one at a time, in the order they were made,
        while different phones may go out concurrently. With ``account``, only entries
        saved under that account (or under none) qualify. A row that cannot be read is
        set aside (needs attention, with the reason) and the next one is taken.
        """
        now = self._clock() if now is None else now
        while True:
            with self._db.transaction() as conn:
                row = conn.execute(
                    f"""
                    SELECT o.id FROM outbox AS o
                    WHERE o.state = ? AND o.next_attempt_at <= ?
                      {ACCOUNT_FILTER[account is None]}
                      AND NOT EXISTS (
                          SELECT 1 FROM outbox AS p
                          WHERE p.phone = o.phone AND p.seq < o.seq AND p.state IN (?, ?))
                    ORDER BY o.seq LIMIT 1
                    """,
                    (EntryState.QUEUED, now, *account_params(account), EntryState.QUEUED,
                     EntryState.SENDING),
                ).fetchone()
                if row is None:
                    break
                conn.execute(
                    "UPDATE outbox SET state = ?, updated_at = ? WHERE id = ?",
                    (EntryState.SENDING, now, row[0]),
                )
                claimed = select_row(conn, row[0])
                assert claimed is not None
            # Read after the commit: the other senders wait for the lock, not for this.
            try:
                return OutboxEntry.from_row(claimed, check_draft=True)
            except DamagedRow as damage:
                with self._db.transaction() as conn:
                    set_aside(conn, damage, now)
        self.sync_notes()  # nothing due now: a quiet moment to record accepted notes
        return None

    def sync_notes(self) -> None:
        """Fsync the record of notes accepted since the last fsync (if any)."""
        with self._db.read():  # the database lock: one thread pays the debt
            if not self._note_unsynced:
                return
            self._note_unsynced = False
            with self._db.transaction(durable=True) as conn:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('notes_synced_at', ?)",
                    (repr(self._clock()),),
                )

    def next_due(self, *, account: str | None = None) -> float | None:
        """When the next entry ``claim`` could give becomes due (Unix time; 0 = now);
        None if none. Entries waiting behind an earlier save of their phone don't count:
        they are due when that one is done; nor, with ``account``, another account's."""
        with self._db.read() as conn:
            row = conn.execute(
                f"""
                SELECT MIN(o.next_attempt_at) FROM outbox AS o
                WHERE o.state = ? {ACCOUNT_FILTER[account is None]}
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox AS p
                      WHERE p.phone = o.phone AND p.seq < o.seq AND p.state IN (?, ?))
                """,
                (EntryState.QUEUED, *account_params(account), EntryState.QUEUED,
                 EntryState.SENDING),
            ).fetchone()
        return None if row[0] is None else float(row[0])

    def shift_backoffs(self, seconds: float) -> None:
        """Move every queued entry's due time by ``seconds`` (the wall clock jumped: a
        backoff measured on the old clock keeps its length on the new one)."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET next_attempt_at = MAX(0, next_attempt_at + ?) "
                "WHERE state = ? AND next_attempt_at > 0",
                (seconds, EntryState.QUEUED),
            )

    def has_paused(self) -> bool:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM outbox WHERE state = ? LIMIT 1", (EntryState.PAUSED,)
            ).fetchone()
        return row is not None

    def save_plan(
        self,
        entry_id: int,
        requests: Sequence[LeadUpsert],
        *,
        primary_phone: str,
        created: bool,
    ) -> OutboxEntry:
        """Store the request bodies delivery will send; retries reuse exactly these."""
        row = self._store_plan(entry_id, requests, primary_phone, created)
        if row is None:
            raise EntryNotFound(entry_id)
        return OutboxEntry.from_row(row)

    def save_plan_ahead(
        self,
        entry: OutboxEntry,
        requests: Sequence[LeadUpsert],
        *,
        primary_phone: str,
        created: bool,
    ) -> bool:
        """``save_plan`` for an entry no sender has claimed (``delivery.lookahead``),
        planned from ``entry`` as read then: stored only while it is still queued with no
        plan and what the plan was made from is unchanged (the user may have fixed the
        draft meanwhile), so a sender that claimed it, or a fix, is never overruled."""
        unchanged = (
            " AND state = ? AND requests_json IS NULL AND draft_json = ? AND region = ?"
            " AND known_exists IS ? AND known_primary IS ?"
        )
        known = None if entry.known_exists is None else int(entry.known_exists)
        params = (EntryState.QUEUED, entry.draft_json, entry.region, known, entry.known_primary)
        row = self._store_plan(entry.id, requests, primary_phone, created, unchanged, params)
        return row is not None

    def _store_plan(
        self,
        entry_id: int,
        requests: Sequence[LeadUpsert],
        primary_phone: str,
        created: bool,
        condition: str = "",
        params: Sequence[object] = (),
    ) -> sqlite3.Row | None:
        # Encoded before the lock: the other senders wait for it, not for JSON work.
        bodies = json.dumps(
            [request.to_json() for request in requests], ensure_ascii=False, allow_nan=False
        )
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE outbox SET requests_json = ?, next_request = 0, primary_phone = ?, "
                f"created = ?, updated_at = ? WHERE id = ?{condition}",
                (
                    bodies,
                    primary_phone,
                    int(created),
                    self._clock(),
                    entry_id,
                    *params,
                ),
            )
            return select_row(conn, entry_id) if cursor.rowcount else None

    def next_unplanned(
        self,
        window: int,
        wanted: Callable[[OutboxEntry], bool],
        *,
        account: str | None = None,
        skip: Collection[int] = (),
    ) -> OutboxEntry | None:
        """The oldest ``wanted`` entry with no plan yet among the next ``window`` that
        ``claim`` would give now, leaving out ``skip``; None when there is none (for
        looking its phone up ahead of the senders, ``delivery.lookahead``). An entry the
        form found to be a new lead (``known_exists`` false) is never one: it is not even
        read, so the lanes cost next to nothing while the form's saves go out. A damaged
        row is left to ``claim``, which sets it aside."""
        with self._db.read() as conn:
            rows = conn.execute(
                f"""
                SELECT o.id, o.requests_json IS NULL AND o.known_exists IS NOT 0
                FROM outbox AS o
                WHERE o.state = ? AND o.next_attempt_at <= ?
                  {ACCOUNT_FILTER[account is None]}
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox AS p
                      WHERE p.phone = o.phone AND p.seq < o.seq AND p.state IN (?, ?))
                ORDER BY o.seq LIMIT ?
                """,
                (EntryState.QUEUED, self._clock(), *account_params(account), EntryState.QUEUED,
                 EntryState.SENDING, window),
            ).fetchall()
            for entry_id, candidate in rows:
                row = select_row(conn, entry_id) if candidate and entry_id not in skip else None
                if row is None:
                    continue
                try:
                    entry = OutboxEntry.from_row(row, check_draft=True)
                except DamagedRow:
                    continue
                if wanted(entry):
                    return entry
        return None

    def begin_request(self, entry_id: int, index: int, *, carries_note: bool) -> None:
        """Record that request ``index`` is about to go out (committed before sending).

        The commit survives the process being killed (recovery then treats a note in
        flight as unconfirmed). It is not fsynced, even for a request carrying the note:
        see the class docstring for what a power cut can do and why.
        """
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET in_flight = 1, next_request = ? WHERE id = ?",
                (index, entry_id),
            )

    def finish_request(self, entry_id: int, index: int, *, carried_note: bool, last: bool) -> None:
        """Request ``index`` was accepted (``carried_note``: it had the timeline note);
        after the ``last`` one the entry is sent. A note's acceptance is fsynced within
        ``NOTE_SYNC_DELAY_S`` (class docstring)."""
        now = self._clock()
        durable = carried_note and time.monotonic() - self._db.synced_at >= NOTE_SYNC_DELAY_S
        with self._db.transaction(durable=durable) as conn:
            conn.execute(
                "UPDATE outbox SET next_request = ?, in_flight = 0, attempts = 0, "
                "next_attempt_at = 0, last_error = NULL, error_field = NULL, cause = NULL, "
                "note_status = CASE WHEN ? THEN ? ELSE note_status END, "
                f"state = CASE WHEN NOT ? OR {FOLLOWUP_LEFT} THEN state ELSE ? END, "
                f"sent_at = CASE WHEN NOT ? OR {FOLLOWUP_LEFT} THEN NULL ELSE ? END, "
                "updated_at = ? WHERE id = ?",
                (
                    index + 1,
                    carried_note,
                    NoteStatus.SENT,
                    last,
                    EntryState.SENT,
                    last,
                    now,
                    now,
                    entry_id,
                ),
            )
        if carried_note and not durable:
            self._note_unsynced = True  # after the commit: the next sync covers it

    def mark_sent(self, entry_id: int) -> None:
        """An entry with nothing (left) to send is delivered; one whose follow-up is not
        booked yet stays ``sending`` for the follow-up stage (``FOLLOWUP_LEFT``)."""
        now = self._clock()
        with self._db.transaction() as conn:
            conn.execute(
                f"UPDATE outbox SET state = CASE WHEN {FOLLOWUP_LEFT} THEN state ELSE ? END, "
                f"in_flight = 0, sent_at = CASE WHEN {FOLLOWUP_LEFT} THEN sent_at ELSE ? END, "
                "updated_at = ? WHERE id = ?",
                (EntryState.SENT, now, now, entry_id),
            )

    def strip_note(self, entry_id: int, index: int) -> OutboxEntry:
        """Request ``index`` carried the note and its outcome is unknown: send it again
        without the note from now on, and mark the note unconfirmed."""
        now = self._clock()
        with self._db.transaction() as conn:
            row = require_row(conn, entry_id)
            self._strip_note_locked(conn, row, index, now)
            stripped = select_row(conn, entry_id)
        assert stripped is not None
        return OutboxEntry.from_row(stripped)

    def retry_later(self, entry_id: int, message: str, at: float) -> None:
        """A transient failure: back to the queue, due at ``at`` (Unix time)."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, in_flight = 0, attempts = attempts + 1, "
                "next_attempt_at = ?, last_error = ?, error_field = NULL, updated_at = ? "
                "WHERE id = ?",
                (EntryState.QUEUED, at, message, self._clock(), entry_id),
            )

    def needs_attention(self, entry_id: int, message: str, field: str | None) -> None:
        """The server refused the entry; it waits for the user (``replace``/``discard``)."""
        self._stop_with(entry_id, EntryState.NEEDS_ATTENTION, message, field, None)

    def pause(self, entry_id: int, message: str, cause: PauseCause = PauseCause.AUTH) -> None:
        """Delivery cannot go on without the user; ``cause`` says why (key refused,
        certificate refused, redirected, address unusable) and is kept on the entry."""
        self._stop_with(entry_id, EntryState.PAUSED, message, None, cause)

    def _stop_with(
        self,
        entry_id: int,
        state: EntryState,
        message: str,
        field: str | None,
        cause: PauseCause | None,
    ) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, in_flight = 0, next_attempt_at = 0, "
                "last_error = ?, error_field = ?, cause = ?, updated_at = ? WHERE id = ?",
                (state, message, field, cause, self._clock(), entry_id),
            )

    @staticmethod
    def _strip_note_locked(
        conn: sqlite3.Connection, row: sqlite3.Row, index: int, now: float
    ) -> None:
        if row["requests_json"] is None:
            return
        bodies: list[dict[str, Any]] = json.loads(row["requests_json"])
        if not 0 <= index < len(bodies) or not sends_note(bodies[index]):
            return
        rest = without_note(bodies[index])
        note_status = row["note_status"]
        if note_status == NoteStatus.PENDING:
            note_status = NoteStatus.UNCONFIRMED
        if rest is None:
            # Nothing but the note was in it: nothing is left to send at this index, so
            # the next request (if any) moves up to it.
            del bodies[index]
        else:
            bodies[index] = rest
        done = index >= len(bodies)
        conn.execute(
            "UPDATE outbox SET requests_json = ?, note_status = ?, updated_at = ?, "
            f"state = CASE WHEN NOT ? OR {FOLLOWUP_LEFT} THEN state ELSE ? END, "
            f"sent_at = CASE WHEN NOT ? OR {FOLLOWUP_LEFT} THEN sent_at ELSE ? END, "
            "in_flight = CASE WHEN ? THEN 0 ELSE in_flight END WHERE id = ?",
            (
                json.dumps(bodies, ensure_ascii=False),
                note_status,
                now,
                done,
                EntryState.SENT,
                done,
                now,
                done,
                row["id"],
            ),
        )
