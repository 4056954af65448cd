"""The outbox: every lead the user saved, durable before any network I/O, until delivered.

Pressing Save calls ``Outbox.add()``: one INSERT, committed with an fsync, and the lead is
safe from crashes and power cuts. The delivery engine (``superfone_desk.delivery``) then
takes entries in order and records each step here, so a crash at any instant resumes
where it stopped and never re-sends a request that carried the timeline note. The rows
stay afterwards as the history the outbox view lists.

States (``EntryState``)::

    queued ──claim──▶ sending ──all requests accepted──▶ sent
      ▲                 │
      │                 ├─ network / 429 / 5xx / unreadable answer ─▶ queued (backoff)
      │                 ├─ server refused a field ─────────────────▶ needs_attention
      │                 └─ key refused / TLS / redirect ───────────▶ paused
      ├── replace() ◀── needs_attention, paused          (the user fixed the draft)
      ├── send_now() ◀─ paused                           (try again now)
      ├── resume_paused() ◀─ paused                      (a new key was set)
      └── recover() ◀── sending                          (the process died mid-delivery)
    discard(): queued, needs_attention, paused ──▶ discarded

"Waiting to send" is queued + sending (``unsent_count``); "needs attention" is
needs_attention + paused (``attention_count``).

The timeline note (``NoteStatus``): ``pending`` until the request carrying it is
accepted (``sent``). When that request's outcome is unknown (timeout or dropped connection
after sending, 502/504, an unreadable answer, or a crash while it was in flight) the note
is taken out of the request, which is retried without it (every other upsert field is
idempotent), and the note becomes ``unconfirmed``: it may or may not be on the lead. Once
the entry is sent the UI asks the user, who chooses ``repost_note()`` (a new entry with only
the note: ``reposted``) or ``dismiss_note()`` (``dismissed``). See docs/outbox.md.

Threading: see ``store.db``; every method here is one locked read or one transaction.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import sqlite3
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from superfone_desk.api.models import OMITTED, AddressUpdate, LeadUpsert
from superfone_desk.core.draft import LeadDraft, draft_from_json, draft_to_json
from superfone_desk.core.payload import describe
from superfone_desk.core.phones import parse_phone
from superfone_desk.core.text import trim
from superfone_desk.core.validation import validate
from superfone_desk.store.db import Database

__all__ = [
    "ATTENTION_STATES",
    "WAITING_STATES",
    "EntryBusy",
    "EntryNotFound",
    "EntryState",
    "NoteStatus",
    "Outbox",
    "OutboxEntry",
    "OutboxError",
    "upsert_from_json",
]


class EntryState(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    NEEDS_ATTENTION = "needs_attention"
    PAUSED = "paused"
    DISCARDED = "discarded"


class NoteStatus(enum.StrEnum):
    NONE = "none"  # the save has no timeline note
    PENDING = "pending"  # not sent yet
    SENT = "sent"  # the server accepted the request carrying it
    UNCONFIRMED = "unconfirmed"  # may or may not have been posted: ask the user
    DISMISSED = "dismissed"  # the user said it is there (or not wanted)
    REPOSTED = "reposted"  # the user had it posted again (``note_entry_id``)


WAITING_STATES: frozenset[EntryState] = frozenset({EntryState.QUEUED, EntryState.SENDING})
ATTENTION_STATES: frozenset[EntryState] = frozenset({EntryState.NEEDS_ATTENTION, EntryState.PAUSED})
#: States the user may still change (replace, discard).
_EDITABLE_STATES: frozenset[EntryState] = frozenset(
    {EntryState.QUEUED, EntryState.NEEDS_ATTENTION, EntryState.PAUSED}
)


class OutboxError(Exception):
    """A store action that cannot be done; the message is safe to show."""


class EntryNotFound(OutboxError, KeyError):
    def __init__(self, entry_id: int) -> None:
        super().__init__(f"Outbox entry {entry_id} does not exist.")
        self.entry_id = entry_id

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class EntryBusy(OutboxError):
    """The entry's state does not allow the action (e.g. discarding one being sent)."""


def _dt(timestamp: float | None) -> datetime | None:
    return None if timestamp is None else datetime.fromtimestamp(timestamp, UTC)


def _bool_or_none(value: object) -> bool | None:
    return None if value is None else bool(value)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One saved lead and where its delivery stands. Times are aware UTC datetimes.

    ``phone`` is the typed phone in E.164 (the ordering key); ``primary_phone`` the phone the
    upsert goes to (differs when the typed one is a lead's secondary phone), known once
    delivery planned the requests. ``requests`` are the exact JSON bodies to send, in order
    (None until planned), ``next_request`` how many were accepted. ``created`` says whether
    saving created the lead (None until known). ``last_error``/``error_field``: the latest
    failure, the field the server objected to (an API field name) or None.
    """

    id: int
    state: EntryState
    created_at: datetime
    updated_at: datetime
    phone: str
    name: str
    summary: str
    region: str
    draft_json: str
    known_primary: str | None
    known_exists: bool | None
    requests: tuple[dict[str, Any], ...] | None
    next_request: int
    in_flight: bool
    primary_phone: str | None
    created: bool | None
    note_status: NoteStatus
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    error_field: str | None
    sent_at: datetime | None
    note_entry_id: int | None
    #: The account it was saved under (an identity, never the key); None: any account.
    account: str | None = None

    @property
    def draft(self) -> LeadDraft:
        """The draft as the user typed it (parsed on each access: listing stays cheap)."""
        return draft_from_json(json.loads(self.draft_json))

    @property
    def asks_about_note(self) -> bool:
        """Delivered, but the timeline note may be missing: ask "Post it again?"."""
        return self.state is EntryState.SENT and self.note_status is NoteStatus.UNCONFIRMED

    @property
    def result_message(self) -> str:
        """The success line, e.g. "Created lead …" (meaningful once sent)."""
        return f"{'Created' if self.created else 'Updated'} lead {self.summary}"

    @classmethod
    def _from_row(cls, row: sqlite3.Row) -> OutboxEntry:
        requests = None if row["requests_json"] is None else json.loads(row["requests_json"])
        return cls(
            id=row["id"],
            state=EntryState(row["state"]),
            created_at=datetime.fromtimestamp(row["created_at"], UTC),
            updated_at=datetime.fromtimestamp(row["updated_at"], UTC),
            phone=row["phone"],
            name=row["name"],
            summary=row["summary"],
            region=row["region"],
            draft_json=row["draft_json"],
            known_primary=row["known_primary"],
            known_exists=_bool_or_none(row["known_exists"]),
            requests=None if requests is None else tuple(requests),
            next_request=row["next_request"],
            in_flight=bool(row["in_flight"]),
            primary_phone=row["primary_phone"],
            created=_bool_or_none(row["created"]),
            note_status=NoteStatus(row["note_status"]),
            attempts=row["attempts"],
            next_attempt_at=_dt(row["next_attempt_at"] or None),
            last_error=row["last_error"],
            error_field=row["error_field"],
            sent_at=_dt(row["sent_at"]),
            note_entry_id=row["note_entry_id"],
            account=row["account"],
        )


# ------------------------------------------------------------- request bodies


def upsert_from_json(body: Mapping[str, Any]) -> LeadUpsert:
    """The ``LeadUpsert`` whose ``to_json()`` is ``body`` (absent keys stay OMITTED)."""
    kwargs: dict[str, Any] = {}
    for key, value in body.items():
        if key == "address" and isinstance(value, dict):
            kwargs[key] = AddressUpdate(**value)
        elif isinstance(value, list):
            kwargs[key] = tuple(value)
        else:
            kwargs[key] = value
    return LeadUpsert(**kwargs)


def sends_note(body: Mapping[str, Any]) -> bool:
    return body.get("customer_note") not in (None, OMITTED, "")


_ONLY_ADDRESSING = frozenset({"customer_phone", "create_customer_if_customer_phone_not_found"})


def _without_note(body: Mapping[str, Any]) -> dict[str, Any] | None:
    """``body`` minus the note; None when nothing worth sending is left.

    Left with only the phone and no "create" it would change nothing; with "create" it is
    kept, because it may be what creates the lead.
    """
    rest = {key: value for key, value in body.items() if key != "customer_note"}
    if (
        set(rest) <= _ONLY_ADDRESSING
        and rest.get("create_customer_if_customer_phone_not_found") is not True
    ):
        return None
    return rest


def _draft_columns(
    draft: LeadDraft, region: str, known_primary: str | None, known_exists: bool | None
) -> tuple[Any, ...]:
    """The columns a saved draft fills (name .. known_exists), for add() and replace()."""
    return (
        _name(draft),
        describe(draft, region),
        region,
        json.dumps(draft_to_json(draft), ensure_ascii=False),
        known_primary,
        None if known_exists is None else int(known_exists),
    )


def _name(draft: LeadDraft) -> str:
    person = " ".join(part for part in (trim(draft.first_name), trim(draft.last_name)) if part)
    return person or trim(draft.business_name)


def _fold(text: object) -> str:
    return str(text).casefold() if text is not None else ""


# ---------------------------------------------------------------------- store


class Outbox:
    """The outbox and history, over a ``Database``. Safe to use from any thread.

    The UI uses the first group of methods; ``superfone_desk.delivery`` the second.
    """

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock
        self._owns_db = False
        # For the text filter of entries(): Unicode-aware, unlike SQLite's lower().
        with db.read() as conn:
            conn.create_function("sfd_fold", 1, _fold, deterministic=True)

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
    ) -> int:
        """Queue a validated ``draft``; its id. Durable (fsynced) when this returns.

        ``known_exists``/``known_primary``: what the lookup panel already knew about the
        typed phone (None = unknown; delivery then looks it up itself). ``ValueError`` if
        ``validate`` finds problems: only what the form accepted enters the outbox.
        """
        phone = self._checked_phone(draft, region)
        now = self._clock()
        with self._db.transaction(durable=True) as conn:
            cursor = conn.execute(
                """
                INSERT INTO outbox (seq, created_at, updated_at, state, phone, name, summary,
                    region, draft_json, known_primary, known_exists, note_status, account)
                VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?)
                """,
                (
                    now,
                    now,
                    EntryState.QUEUED,
                    phone,
                    *_draft_columns(draft, region, known_primary, known_exists),
                    self._initial_note_status(draft),
                    account,
                ),
            )
            entry_id = cursor.lastrowid
        assert entry_id is not None
        return entry_id

    def get(self, entry_id: int) -> OutboxEntry | None:
        with self._db.read() as conn:
            row = _select(conn, entry_id)
        return None if row is None else OutboxEntry._from_row(row)

    def entries(
        self,
        *,
        text: str | None = None,
        states: Collection[EntryState] | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[OutboxEntry]:
        """Entries newest first. ``text`` matches a substring of the name, or, when it has
        no letters, of the phone by its digits (spaces and punctuation ignored);
        ``states`` keeps only those states."""
        where: list[str] = []
        params: list[Any] = []
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
        return [OutboxEntry._from_row(row) for row in rows]

    def counts(self) -> dict[EntryState, int]:
        """How many entries are in each state (every state present, 0 when none)."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall()
        found = {EntryState(state): count for state, count in rows}
        return {state: found.get(state, 0) for state in EntryState}

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
    ) -> OutboxEntry:
        """Put the user's fixed ``draft`` in place of a queued, paused or needs_attention
        entry: the same row (same id) with the new draft, planned afresh and queued at the
        back, as a new save would be.

        A timeline note that was already posted (or may have been) is not posted again
        when the fixed draft carries the same text: it is taken out of the new draft, and
        the note keeps its status. A different text is a new note.
        """
        now = self._clock()
        with self._db.transaction(durable=True) as conn:
            row = self._editable(conn, entry_id, "changed")
            old = OutboxEntry._from_row(row)
            region = old.region if region is None else region
            note_status = NoteStatus(old.note_status)
            already = note_status in (NoteStatus.SENT, NoteStatus.UNCONFIRMED)
            if already and trim(draft.customer_note) == trim(old.draft.customer_note):
                draft = dataclasses.replace(draft, customer_note="")
            else:
                note_status = self._initial_note_status(draft)
            phone = self._checked_phone(draft, region)
            conn.execute(
                """
                UPDATE outbox SET seq = (SELECT MAX(seq) + 1 FROM outbox), updated_at = ?,
                    state = ?, phone = ?, name = ?, summary = ?, region = ?, draft_json = ?,
                    known_primary = ?, known_exists = ?, requests_json = NULL,
                    next_request = 0, in_flight = 0, primary_phone = NULL, created = NULL,
                    note_status = ?, attempts = 0, next_attempt_at = 0, last_error = NULL,
                    error_field = NULL, account = COALESCE(?, account)
                WHERE id = ?
                """,
                (
                    now,
                    EntryState.QUEUED,
                    phone,
                    *_draft_columns(draft, region, known_primary, known_exists),
                    note_status,
                    account,
                    entry_id,
                ),
            )
            new = _select(conn, entry_id)
        assert new is not None
        return OutboxEntry._from_row(new)

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
            row = self._require(conn, entry_id)
            state = EntryState(row["state"])
            if state not in (EntryState.QUEUED, EntryState.PAUSED):
                raise EntryBusy(f"Outbox entry {entry_id} is {state.value}; nothing to send.")
            conn.execute(
                "UPDATE outbox SET state = ?, next_attempt_at = 0, updated_at = ? WHERE id = ?",
                (EntryState.QUEUED, self._clock(), entry_id),
            )

    def resume_paused(self, account: str | None = None) -> list[int]:
        """Re-queue every paused entry (a new key or address was set); their ids.

        With ``account``, they move to it: a save paused because its key was refused (or
        its address unusable) was never accepted anywhere, so it goes with the key the
        user set to fix that.
        """
        with self._db.transaction() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM outbox WHERE state = ? ORDER BY seq", (EntryState.PAUSED,)
                )
            ]
            conn.execute(
                "UPDATE outbox SET state = ?, next_attempt_at = 0, attempts = 0, updated_at = ?, "
                "account = COALESCE(?, account) WHERE state = ?",
                (EntryState.QUEUED, self._clock(), account, EntryState.PAUSED),
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
            row = self._require(conn, entry_id)
            old = OutboxEntry._from_row(row)
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
            cursor = conn.execute(
                """
                INSERT INTO outbox (seq, created_at, updated_at, state, phone, name, summary,
                    region, draft_json, known_primary, known_exists, note_status, account)
                VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, 1, ?, ?)
                """,
                (
                    now,
                    now,
                    EntryState.QUEUED,
                    old.phone,
                    old.name,
                    f"{old.summary} (timeline note posted again)",
                    old.region,
                    json.dumps(draft_to_json(draft), ensure_ascii=False),
                    target,
                    NoteStatus.PENDING,
                    old.account,
                ),
            )
            new_id = cursor.lastrowid
            assert new_id is not None
            conn.execute(
                "UPDATE outbox SET note_status = ?, note_entry_id = ?, updated_at = ? WHERE id = ?",
                (NoteStatus.REPOSTED, new_id, now, entry_id),
            )
        return new_id

    def dismiss_note(self, entry_id: int) -> None:
        """The user says the unconfirmed note needs no re-post: stop asking."""
        with self._db.transaction() as conn:
            row = self._require(conn, entry_id)
            if row["note_status"] != NoteStatus.UNCONFIRMED:
                raise EntryBusy(f"Outbox entry {entry_id} has no unconfirmed note.")
            conn.execute(
                "UPDATE outbox SET note_status = ?, updated_at = ? WHERE id = ?",
                (NoteStatus.DISMISSED, self._clock(), entry_id),
            )

    def prune(self, before: datetime) -> int:
        """Forget sent and discarded entries last changed before ``before``; how many.

        Entries whose note still waits for the user's answer are kept.
        """
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM outbox WHERE state IN (?, ?) AND updated_at < ? AND note_status != ?",
                (
                    EntryState.SENT,
                    EntryState.DISCARDED,
                    before.timestamp(),
                    NoteStatus.UNCONFIRMED,
                ),
            )
        return cursor.rowcount

    # ===================================================== for the delivery engine

    def recover(self) -> list[int]:
        """Make the outbox consistent after a previous process ended; ids re-queued.

        Call once, before delivery starts (one deliverer per database). Entries left in
        ``sending`` go back to the queue. When one died with a request in flight that
        carried the note, the server may have posted it: the note leaves that request and
        becomes unconfirmed (the module docstring). Paused entries get one more try (the
        key or the address may have changed since), and backoffs restart from now.
        """
        now = self._clock()
        requeued: list[int] = []
        with self._db.transaction() as conn:
            rows = conn.execute(
                "SELECT * FROM outbox WHERE state IN (?, ?) ORDER BY seq",
                (EntryState.SENDING, EntryState.PAUSED),
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
            conn.execute(
                "UPDATE outbox SET next_attempt_at = 0 WHERE state = ?", (EntryState.QUEUED,)
            )
        return requeued

    def claim(self, now: float | None = None, *, account: str | None = None) -> OutboxEntry | None:
        """The next entry to deliver, now marked ``sending``; None when none is due.

        The oldest due queued entry whose phone has no earlier entry still queued or
        sending: each phone's saves go out one at a time, in the order they were made,
        while different phones may go out concurrently. With ``account``, only entries
        saved under that account (or under none) qualify.
        """
        now = self._clock() if now is None else now
        with self._db.transaction() as conn:
            row = conn.execute(
                f"""
                SELECT o.id FROM outbox AS o
                WHERE o.state = ? AND o.next_attempt_at <= ? {_ACCOUNT_FILTER[account is None]}
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox AS p
                      WHERE p.phone = o.phone AND p.seq < o.seq AND p.state IN (?, ?))
                ORDER BY o.seq LIMIT 1
                """,
                (EntryState.QUEUED, now, *_account_params(account), EntryState.QUEUED,
                 EntryState.SENDING),
            ).fetchone()
            if row is None:
                return None
            conn.execute(
                "UPDATE outbox SET state = ?, updated_at = ? WHERE id = ?",
                (EntryState.SENDING, now, row[0]),
            )
            claimed = _select(conn, row[0])
        assert claimed is not None
        return OutboxEntry._from_row(claimed)

    def next_due(self, *, account: str | None = None) -> float | None:
        """When the next entry ``claim`` could give becomes due (Unix time; 0 = now);
        None if none. Entries waiting behind an earlier save of their phone don't count:
        they are due when that one is done; nor, with ``account``, another account's."""
        with self._db.read() as conn:
            row = conn.execute(
                f"""
                SELECT MIN(o.next_attempt_at) FROM outbox AS o
                WHERE o.state = ? {_ACCOUNT_FILTER[account is None]}
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox AS p
                      WHERE p.phone = o.phone AND p.seq < o.seq AND p.state IN (?, ?))
                """,
                (EntryState.QUEUED, *_account_params(account), EntryState.QUEUED,
                 EntryState.SENDING),
            ).fetchone()
        return None if row[0] is None else float(row[0])

    def has_paused(self) -> bool:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM outbox WHERE state = ? LIMIT 1", (EntryState.PAUSED,)
            ).fetchone()
        return row is not None

    def release(self, entry_id: int) -> None:
        """Give a claimed entry back untouched (e.g. there is no API key right now)."""
        self._set_state(entry_id, EntryState.QUEUED, only_from=EntryState.SENDING)

    def save_plan(
        self,
        entry_id: int,
        requests: Sequence[LeadUpsert],
        *,
        primary_phone: str,
        created: bool,
    ) -> OutboxEntry:
        """Store the request bodies delivery will send; retries reuse exactly these."""
        bodies = [request.to_json() for request in requests]
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET requests_json = ?, next_request = 0, primary_phone = ?, "
                "created = ?, updated_at = ? WHERE id = ?",
                (
                    json.dumps(bodies, ensure_ascii=False, allow_nan=False),
                    primary_phone,
                    int(created),
                    self._clock(),
                    entry_id,
                ),
            )
            row = _select(conn, entry_id)
        if row is None:
            raise EntryNotFound(entry_id)
        return OutboxEntry._from_row(row)

    def begin_request(self, entry_id: int, index: int, *, carries_note: bool) -> None:
        """Record that request ``index`` is about to go out (committed before sending).

        For a request carrying the note this commit is fsynced: if it were lost to a power
        cut, recovery could not know the note may be on the server.
        """
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET in_flight = 1, next_request = ? WHERE id = ?",
                (index, entry_id),
            )

    def finish_request(self, entry_id: int, index: int, *, carried_note: bool, last: bool) -> None:
        """Request ``index`` was accepted (``carried_note``: it had the timeline note);
        after the ``last`` one the entry is sent."""
        now = self._clock()
        with self._db.transaction() as conn:
            self._advance_locked(conn, entry_id, index, now, carried_note=carried_note, last=last)

    def mark_sent(self, entry_id: int) -> None:
        """An entry with nothing (left) to send is delivered."""
        now = self._clock()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, in_flight = 0, sent_at = ?, updated_at = ? "
                "WHERE id = ?",
                (EntryState.SENT, now, now, entry_id),
            )

    def strip_note(self, entry_id: int, index: int) -> OutboxEntry:
        """Request ``index`` carried the note and its outcome is unknown: send it again
        without the note from now on, and mark the note unconfirmed."""
        now = self._clock()
        with self._db.transaction() as conn:
            row = self._require(conn, entry_id)
            self._strip_note_locked(conn, row, index, now)
            stripped = _select(conn, entry_id)
        assert stripped is not None
        return OutboxEntry._from_row(stripped)

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
        self._stop_with(entry_id, EntryState.NEEDS_ATTENTION, message, field)

    def pause(self, entry_id: int, message: str) -> None:
        """Delivery cannot go on without the user (API key refused, TLS, address)."""
        self._stop_with(entry_id, EntryState.PAUSED, message, None)

    # ================================================================ internals

    @staticmethod
    def _initial_note_status(draft: LeadDraft) -> NoteStatus:
        return NoteStatus.PENDING if trim(draft.customer_note) else NoteStatus.NONE

    @staticmethod
    def _checked_phone(draft: LeadDraft, region: str) -> str:
        problems = validate(draft, region)
        if problems:
            raise ValueError(f"the draft has problems in: {', '.join(problems)}")
        phone = parse_phone(draft.customer_phone, region).e164
        if phone is None:  # validate() refuses such drafts; this is for the type checker
            raise ValueError("the draft has no valid phone")
        return phone

    def _count_states(self, states: Collection[EntryState]) -> int:
        marks = ", ".join("?" * len(states))
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT COUNT(*) FROM outbox WHERE state IN ({marks})",
                [state.value for state in states],
            ).fetchone()
        return int(row[0])

    @staticmethod
    def _require(conn: sqlite3.Connection, entry_id: int) -> sqlite3.Row:
        row = _select(conn, entry_id)
        if row is None:
            raise EntryNotFound(entry_id)
        return row

    def _editable(self, conn: sqlite3.Connection, entry_id: int, what: str) -> sqlite3.Row:
        row = self._require(conn, entry_id)
        state = EntryState(row["state"])
        if state not in _EDITABLE_STATES:
            raise EntryBusy(
                f"Outbox entry {entry_id} is {state.value.replace('_', ' ')} and cannot be "
                f"{what} now."
            )
        return row

    def _set_state(self, entry_id: int, state: EntryState, *, only_from: EntryState) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, in_flight = 0, updated_at = ? "
                "WHERE id = ? AND state = ?",
                (state, self._clock(), entry_id, only_from),
            )

    def _stop_with(self, entry_id: int, state: EntryState, message: str, field: str | None) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = ?, in_flight = 0, next_attempt_at = 0, "
                "last_error = ?, error_field = ?, updated_at = ? WHERE id = ?",
                (state, message, field, self._clock(), entry_id),
            )

    @staticmethod
    def _advance_locked(
        conn: sqlite3.Connection,
        entry_id: int,
        index: int,
        now: float,
        *,
        carried_note: bool,
        last: bool,
    ) -> None:
        conn.execute(
            "UPDATE outbox SET next_request = ?, in_flight = 0, attempts = 0, "
            "next_attempt_at = 0, last_error = NULL, error_field = NULL, "
            "note_status = CASE WHEN ? THEN ? ELSE note_status END, "
            "state = CASE WHEN ? THEN ? ELSE state END, sent_at = ?, updated_at = ? "
            "WHERE id = ?",
            (
                index + 1,
                carried_note,
                NoteStatus.SENT,
                last,
                EntryState.SENT,
                now if last else None,
                now,
                entry_id,
            ),
        )

    def _strip_note_locked(
        self, conn: sqlite3.Connection, row: sqlite3.Row, index: int, now: float
    ) -> None:
        if row["requests_json"] is None:
            return
        bodies: list[dict[str, Any]] = json.loads(row["requests_json"])
        if not 0 <= index < len(bodies) or not sends_note(bodies[index]):
            return
        rest = _without_note(bodies[index])
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
            "state = CASE WHEN ? THEN ? ELSE state END, "
            "sent_at = CASE WHEN ? THEN ? ELSE sent_at END, "
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


#: The SQL added to a query for "this account's entries" (index: no account given).
_ACCOUNT_FILTER = {False: "AND (o.account IS NULL OR o.account = ?)", True: ""}


def _account_params(account: str | None) -> tuple[str, ...]:
    return () if account is None else (account,)


def _select(conn: sqlite3.Connection, entry_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM outbox WHERE id = ?", (entry_id,)
    ).fetchone()
    return row
