# mypy: disallow-untyped-defs, disallow-incomplete-defs, disallow-any-generics
# mypy: warn-return-any, no-implicit-reexport, strict-equality, disallow-untyped-calls
"""Delivery's rules, apart from its loop: the backoff, what a failure pauses, what the
listener is told, and how a storage failure is worded. Pure: no I/O."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from superfone_desk.api.errors import (
    AuthError,
    FieldRejected,
    InsecureURLError,
    SuperfoneError,
    TLSError,
    UnexpectedStatus,
)
from superfone_desk.api.models import Lead, LeadUpsert
from superfone_desk.core.i18n import F_, N_
from superfone_desk.store.entry import EntryState, OutboxEntry, PauseCause

# Stored as an entry's last_error (English); module-level templates, so the Outbox tab
# recognises and translates them (translatable.recognise).
EXCEPT_LABELS = N_("The lead was saved, except removing labels: {message}")
EXCEPT_NOTE = N_("The lead was saved, except the timeline note: {message}")

__all__ = ["Backoff", "LeadClient", "Outcome", "pause_cause", "refusal", "storage_problem"]


class LeadClient(Protocol):
    """What delivery needs of ``api.client.SuperfoneClient`` (tests pass fakes)."""

    def get_lead(self, phone: str) -> Lead | None: ...

    def upsert_lead(self, payload: LeadUpsert) -> None: ...


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with equal jitter.

    Attempt n (1-based) waits between half and all of ``min(cap, base × factor^(n-1))``:
    never less than half, so a crowd of clients spreads out while each one still backs
    off steadily. A server's Retry-After wins when it is longer.
    """

    base: float = 1.0
    factor: float = 2.0
    cap: float = 60.0

    def ceiling(self, attempt: int) -> float:
        # Clamp the exponent: 2.0 ** 1100 overflows, and the cap is reached long before.
        return min(self.cap, self.base * self.factor ** min(max(attempt, 1) - 1, 64))

    def delay(
        self, attempt: int, rng: Callable[[], float], retry_after: float | None = None
    ) -> float:
        ceiling = self.ceiling(attempt)
        delay = ceiling / 2 + rng() * ceiling / 2
        if retry_after is not None:
            delay = max(delay, retry_after)
        return delay


@dataclass(frozen=True, slots=True)
class Outcome:
    """One change, as the listener gets it: the entry as it now is (None if it vanished)
    and how many entries are in each state, read on the delivery thread."""

    entry_id: int
    state: EntryState
    entry: OutboxEntry | None
    counts: Mapping[EntryState, int]


def storage_problem(exc: sqlite3.Error) -> str:
    """A short, user-facing line for a failed outbox write."""
    text = str(exc).lower()
    if "full" in text:
        reason = "disk full"
    elif "i/o" in text:
        reason = "disk I/O error"
    elif "locked" in text or "busy" in text:
        reason = "the file is locked"
    elif "readonly" in text or "read-only" in text:
        reason = "the file is read-only"
    else:
        reason = str(exc) or type(exc).__name__
    return f"Can't write to the outbox: {reason}"


def pause_cause(exc: SuperfoneError) -> PauseCause | None:
    """Why ``exc`` stops all delivery until the user acts; None when it does not."""
    if isinstance(exc, AuthError):
        return PauseCause.AUTH
    if isinstance(exc, TLSError):
        return PauseCause.TLS
    if isinstance(exc, InsecureURLError):
        return PauseCause.ADDRESS
    if isinstance(exc, UnexpectedStatus) and 300 <= exc.status < 400:
        return PauseCause.REDIRECT
    return None


def refusal(
    requests: Sequence[Mapping[str, object]], index: int | None, exc: FieldRejected
) -> tuple[str, str | None]:
    """What a lead refused at request ``index`` of its plan shows, and next to which
    field. A refusal of a later request says what was saved before it: the second half
    of a split (removing labels), or the note, which travels alone and last."""
    later = index is not None and 0 < index < len(requests)
    if later and "remove_labels" in requests[index or 0]:
        return F_(EXCEPT_LABELS, message=exc.message), "remove_labels"
    if later and "customer_note" in requests[index or 0]:
        return F_(EXCEPT_NOTE, message=exc.message), "customer_note"
    return exc.message, exc.field if index is not None else (exc.field or "customer_phone")
