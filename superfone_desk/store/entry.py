"""One outbox entry as the rest of the app sees it: its state, its note, its errors.

``OutboxEntry`` is an immutable snapshot of one row; ``allowed_actions`` says what the user
may do with it (the one place that maps a state to buttons). See ``store.outbox`` for the
state diagram and docs/outbox.md for the promises.
"""

from __future__ import annotations

import enum
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from superfone_desk.core.draft import LeadDraft, draft_from_json
from superfone_desk.core.i18n import F_, N_

__all__ = [
    "ADDRESS_CAUSES",
    "ATTENTION_STATES",
    "WAITING_STATES",
    "EntryAction",
    "EntryBusy",
    "EntryNotFound",
    "EntryState",
    "NoteStatus",
    "OutboxEntry",
    "OutboxError",
    "PauseCause",
    "allowed_actions",
    "stop_reason",
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


class PauseCause(enum.StrEnum):
    """Why an entry stopped and waits for the user (the ``cause`` column).

    An entry belongs to the account (key and address) it was saved under, and moves to
    another only on the user's word (``Outbox.rebind_paused``): ``AUTH`` (the server
    answered 401: this key is not accepted) after "is the new key for the same
    account?"; the ``ADDRESS_CAUSES`` (the lead never reached a server) after "send
    them to the new address?", and only when the address changed but not the key.
    """

    AUTH = "auth"  # 401: the key was refused
    TLS = "tls"  # the server's certificate was refused
    REDIRECT = "redirect"  # the address answered with a redirect
    ADDRESS = "address"  # the address is unusable (e.g. plain http to a remote host)
    DAMAGED = "damaged"  # the stored row cannot be read (set aside, never sent)


#: Pauses of a lead that never reached a server: fixing the address lets it go there.
ADDRESS_CAUSES: frozenset[PauseCause] = frozenset(
    {PauseCause.TLS, PauseCause.REDIRECT, PauseCause.ADDRESS}
)


WAITING_STATES: frozenset[EntryState] = frozenset({EntryState.QUEUED, EntryState.SENDING})
ATTENTION_STATES: frozenset[EntryState] = frozenset({EntryState.NEEDS_ATTENTION, EntryState.PAUSED})
#: States the user may still change (replace, discard).
EDITABLE_STATES: frozenset[EntryState] = frozenset(
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


class DamagedRow(OutboxError):
    """A stored row cannot be read (broken JSON, unknown state); ``reason`` says how."""

    def __init__(self, entry_id: int, reason: str) -> None:
        super().__init__(f"Outbox entry {entry_id} is damaged: {reason}")
        self.entry_id = entry_id
        self.reason = reason


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
    failure, the field the server objected to (an API field name) or None; ``cause`` why a
    paused (or damaged) entry stopped. ``batch`` is the import the entry came from (None:
    typed in the form); ``followup`` a follow-up task that travels with it (issue #14).
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
    cause: PauseCause | None = None
    batch: str | None = None
    followup: dict[str, Any] | None = None

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
        if self.created:
            return F_("Created lead {lead}", lead=self.summary)
        return F_("Updated lead {lead}", lead=self.summary)

    @classmethod
    def from_row(cls, row: sqlite3.Row, *, check_draft: bool = False) -> OutboxEntry:
        """The entry of ``row``; ``DamagedRow`` when the row cannot be read.

        The draft is parsed on access (``draft``), so listing stays cheap; delivery asks
        for ``check_draft`` so that a broken draft is found before anything is sent.
        """
        try:
            entry = cls._parse(row)
            if check_draft:
                entry.draft  # noqa: B018 - parsed for its errors
        except (ValueError, TypeError, KeyError) as exc:  # JSONDecodeError is a ValueError
            raise DamagedRow(row["id"], f"{type(exc).__name__}: {exc}") from exc
        return entry

    @classmethod
    def _parse(cls, row: sqlite3.Row) -> OutboxEntry:
        requests = None if row["requests_json"] is None else json.loads(row["requests_json"])
        if requests is not None and not (
            isinstance(requests, list) and all(isinstance(body, dict) for body in requests)
        ):
            raise ValueError("the stored requests are not a list of objects")
        followup = None if row["followup_json"] is None else json.loads(row["followup_json"])
        if followup is not None and not isinstance(followup, dict):
            raise ValueError("the stored follow-up is not an object")
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
            cause=None if row["cause"] is None else PauseCause(row["cause"]),
            batch=row["batch"],
            followup=followup,
        )


#: Why an entry waits for the user, in a few words for a status line ("Paused: …").
_STOP_REASONS: dict[PauseCause, str] = {
    PauseCause.AUTH: N_("the API key was not accepted"),
    PauseCause.TLS: N_("the server's certificate was refused"),
    PauseCause.REDIRECT: N_("the server address redirects elsewhere"),
    PauseCause.ADDRESS: N_("the server address cannot be used"),
    PauseCause.DAMAGED: N_("the saved lead is damaged"),
}


def stop_reason(entry: OutboxEntry) -> str | None:
    """Why a paused (or damaged) entry waits, in a few words; None for the others.

    A paused entry without a cause was paused before causes were kept (schema < 4): all
    that is known is that the server refused the connection's settings.
    """
    if entry.cause is not None:
        return _STOP_REASONS[entry.cause]
    if entry.state is EntryState.PAUSED:
        return N_("the connection settings were refused")
    return None


class EntryAction(enum.StrEnum):
    """What the user may do with an entry (the outbox view's buttons)."""

    OPEN = "open"  # open it in the form to fix it; saving replaces it (or adds an update)
    SEND_NOW = "send_now"
    DISCARD = "discard"
    REPOST_NOTE = "repost_note"
    DISMISS_NOTE = "dismiss_note"


def allowed_actions(entry: OutboxEntry) -> frozenset[EntryAction]:
    """The actions the user may take on ``entry`` now (pure: no database access)."""
    if entry.cause is PauseCause.DAMAGED:
        # Its draft cannot be read: the only safe thing is to let the user drop it.
        return frozenset({EntryAction.DISCARD})
    actions: set[EntryAction] = set()
    if entry.state in ATTENTION_STATES:
        actions.add(EntryAction.OPEN)
    if entry.state in EDITABLE_STATES:
        actions.add(EntryAction.DISCARD)
    if entry.state in (EntryState.QUEUED, EntryState.PAUSED):
        actions.add(EntryAction.SEND_NOW)
    if entry.asks_about_note:
        actions |= {EntryAction.REPOST_NOTE, EntryAction.DISMISS_NOTE}
    return frozenset(actions)
