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
from superfone_desk.core.payload import build_requests
from superfone_desk.core.validation import validate
from superfone_desk.delivery.policy import LeadClient
from superfone_desk.lead_lookup import prove_primary
from superfone_desk.store.entry import OutboxEntry
from superfone_desk.store.outbox import Outbox

__all__ = ["Refused", "not_a_primary", "plan", "retarget"]

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


def plan(client: LeadClient, outbox: Outbox, entry: OutboxEntry) -> OutboxEntry:
    """Look the phone up when needed, build the requests, store them on the entry."""
    typed = entry.phone
    keep_emails: tuple[str, ...] = ()
    if entry.known_exists is None or (entry.known_exists and entry.draft.emails.strip()):
        lead = client.get_lead(typed)
        exists = lead is not None
        primary = lead.primary_phone if lead is not None else typed  # a guess, see above
        keep_emails = lead.email if lead is not None else ()
    else:
        exists = entry.known_exists
        primary = entry.known_primary or typed
    return _save(outbox, entry, exists, primary, keep_emails)


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
    return _save(outbox, entry, True, primary, lead.email)


def _save(
    outbox: Outbox, entry: OutboxEntry, exists: bool, primary: str, keep_emails: tuple[str, ...]
) -> OutboxEntry:
    typed = entry.phone
    try:
        requests = build_requests(
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
    created = not exists and entry.draft.create_if_missing
    return outbox.save_plan(entry.id, requests, primary_phone=primary, created=created)
