"""One save, from a validated draft to the server's answer (no Qt; runs in a worker).

The durable path is the outbox: ``store.outbox.Outbox.add`` and ``delivery.Deliverer``
do the same lookup-build-send steps with every step on disk, retries and the timeline-note
rule (docs/outbox.md). ``Lookup``/``look_up`` stay here for the form's lookup panel;
``save_lead`` is the direct save the window used before the outbox.

Two API rules shape it. The upsert matches only a lead's *primary* phone while Get Lead
matches any, so a number that is a lead's secondary phone is saved under that lead's
primary phone, never as a duplicate lead. And ``add_labels`` and ``remove_labels``
cannot share a request, so a save that does both sends two requests in order, the
second only after the first succeeded (``core.payload.build_requests``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from superfone_desk.api.errors import SuperfoneError
from superfone_desk.api.models import Lead
from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.payload import build_requests, describe
from superfone_desk.core.phones import display_phone, parse_phone

if TYPE_CHECKING:
    from superfone_desk.api.client import SuperfoneClient


@dataclass(frozen=True)
class Lookup:
    """What Get Lead said about one E.164 phone (``lead`` None: no lead has it)."""

    phone: str
    lead: Lead | None

    @property
    def saves_under(self) -> str:
        return self.lead.primary_phone if self.lead else self.phone


@dataclass(frozen=True)
class SaveOutcome:
    created: bool
    phone: str
    summary: str

    @property
    def message(self) -> str:
        return f"{'Created' if self.created else 'Updated'} lead {self.summary}"


class PartlySaved(SuperfoneError):
    """The first request (fields, labels to add, note) went through; removing labels failed.

    ``cause`` is the typed error of the second request. The note is on the lead now, so
    whoever retries must not send it again.
    """

    def __init__(self, cause: SuperfoneError) -> None:
        super().__init__(f"The lead was saved, but removing labels failed: {cause.user_message}")
        self.cause = cause


def look_up(client: SuperfoneClient, phone_e164: str) -> Lookup:
    return Lookup(phone_e164, client.get_lead(phone_e164))


def save_lead(
    client: SuperfoneClient, draft: LeadDraft, region: str, known: Lookup | None
) -> SaveOutcome:
    """Send ``draft`` (already validated). Raises the API's typed errors."""
    parsed = parse_phone(draft.customer_phone, region)
    if parsed.e164 is None:
        raise ValueError("save_lead needs a validated draft")
    lookup = known if known is not None and known.phone == parsed.e164 else None
    if lookup is None:
        lookup = look_up(client, parsed.e164)
    primary = lookup.lead.primary_phone if lookup.lead else None
    requests = build_requests(draft, region, primary_phone=primary)
    for index, request in enumerate(requests):
        try:
            client.upsert_lead(request)
        except SuperfoneError as exc:
            if index == 0:
                raise
            raise PartlySaved(exc) from exc
    summary = describe(draft, region)
    if primary and primary != parsed.e164:
        summary += f" (under its primary phone {display_phone(primary)})"
    return SaveOutcome(created=lookup.lead is None, phone=lookup.saves_under, summary=summary)
