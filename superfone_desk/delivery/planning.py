# mypy: disallow-untyped-defs, disallow-incomplete-defs, disallow-any-generics
# mypy: warn-return-any, no-implicit-reexport, strict-equality, disallow-untyped-calls
"""Planning an outbox entry: the exact request bodies delivery will send, stored first.

Done once per entry (and again only when the lead's primary phone turns out to be
another of its phones). Where the docs are silent it assumes the least (issue #11):

* Get Lead answers which lead holds the typed phone (any phone matches); its
  ``phones[0]`` is only a *guess* at the primary, because an update of a known lead goes
  out with create off: a wrong guess is refused ("Customer not found.") instead of
  creating a second lead, and ``retarget`` then proves the primary with
  ``lead_lookup.prove_primary`` (or the lead waits for the user: ``PrimaryUnknown``);
* an update that adds emails carries the lead's own too (``core.payload``), so it needs
  the lead even when the form already knew it exists;
* the timeline note is its own request, last (``core.payload``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from superfone_desk.api.errors import FieldRejected, SuperfoneError
from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.payload import build_requests
from superfone_desk.core.validation import validate
from superfone_desk.delivery.policy import LeadClient
from superfone_desk.lead_lookup import prove_primary
from superfone_desk.store.entry import OutboxEntry
from superfone_desk.store.outbox import Outbox

__all__ = ["Refused", "needs_lookup", "not_a_primary", "plan", "plan_ahead", "retarget"]

_log = logging.getLogger(__name__)


class Refused(Exception):
    """The entry cannot be sent as it is (caught by the engine, never escapes it)."""

    def __init__(self, message: str, field: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def not_a_primary(exc: SuperfoneError, body: Mapping[str, object]) -> bool:
    """The refusal an update with create off gets when its phone is not a primary."""
    return (
        isinstance(exc, FieldRejected)
        and exc.field == "create_customer_if_customer_phone_not_found"
        and body.get("create_customer_if_customer_phone_not_found") is False
    )


def needs_lookup(entry: OutboxEntry) -> bool:
    """Whether planning ``entry`` asks Superfone about its phone first."""
    return entry.known_exists is None or (entry.known_exists and bool(entry.draft.emails.strip()))


def plan(client: LeadClient, outbox: Outbox, entry: OutboxEntry) -> OutboxEntry:
    """Look the phone up when needed, build the requests, store them on the entry."""
    exists, primary, keep_emails = _learn(client, entry)
    requests = _requests(entry, exists, primary, keep_emails)
    created = not exists and entry.draft.create_if_missing
    return outbox.save_plan(entry.id, requests, primary_phone=primary, created=created)


def plan_ahead(client: LeadClient, outbox: Outbox, entry: OutboxEntry) -> bool:
    """``plan`` for a queued entry before a sender claims it (``delivery.lookahead``);
    whether its plan was stored. An entry that cannot be planned is left to its sender,
    which reports why; a failed lookup raises (the caller stops looking ahead)."""
    exists, primary, keep_emails = _learn(client, entry)
    try:
        requests = _requests(entry, exists, primary, keep_emails)
    except Refused:
        return False
    created = not exists and entry.draft.create_if_missing
    return outbox.save_plan_ahead(entry, requests, primary_phone=primary, created=created)


def _learn(client: LeadClient, entry: OutboxEntry) -> tuple[bool, str, tuple[str, ...]]:
    """Whether the lead exists, its primary phone (a guess, see the module docstring)
    and the emails an update must keep."""
    typed = entry.phone
    if needs_lookup(entry):
        lead = client.get_lead(typed)
        if lead is None:
            return False, typed, ()
        return True, lead.primary_phone, lead.email
    return bool(entry.known_exists), entry.known_primary or typed, ()


def retarget(
    client: LeadClient, outbox: Outbox, entry: OutboxEntry, refused: SuperfoneError
) -> OutboxEntry:
    """The main request went to a phone that is no lead's primary: plan again under the
    one the server accepts, or raise ``PrimaryUnknown`` (ask the user)."""
    lead = client.get_lead(entry.phone)
    if lead is None:
        raise refused  # no lead after all: the refusal stands (create was off)
    failed = entry.primary_phone or entry.phone
    primary = prove_primary(client, lead, entry.phone, not_this=failed)
    _log.info("outbox entry %d: the lead's primary is another of its phones", entry.id)
    requests = _requests(entry, True, primary, lead.email)
    return outbox.save_plan(entry.id, requests, primary_phone=primary, created=False)


def _requests(
    entry: OutboxEntry, exists: bool, primary: str, keep_emails: tuple[str, ...]
) -> list[LeadUpsert]:
    typed = entry.phone
    try:
        return build_requests(
            entry.draft,
            entry.region,
            primary_phone=None if primary == typed else primary,
            existing=exists,
            keep_emails=keep_emails,
        )
    except ValueError as exc:
        # add() accepted the draft, so this is rare (e.g. a phone-numbering update
        # between saving and sending). Name the first field with a problem.
        problems = validate(entry.draft, entry.region)
        if problems:
            field, message = next(iter(problems.items()))
            raise Refused(message, field) from exc
        raise
