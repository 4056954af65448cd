"""What the CRM knows about a typed phone, and which of a lead's phones is its primary.

No Qt; runs in a worker (the form's Get Lead) or on the delivery thread.

Get Lead matches any of a lead's phones while the upsert matches only the primary one
(CONTRACT §3, U18). The docs don't say that ``phones[0]`` is the primary (U29), so the
primary is never taken from the list order: ``prove_primary`` asks the server, with a
no-op upsert (create off, nothing else) against each phone until one is accepted. When
none is, ``PrimaryUnknown`` says so and the user is asked; a second lead is never made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from superfone_desk.api.errors import FieldRejected
from superfone_desk.api.models import LeadUpsert

if TYPE_CHECKING:
    from superfone_desk.api.models import Lead

__all__ = ["KnownLead", "PrimaryUnknown", "find_lead", "prove_primary"]


class _Client(Protocol):
    def get_lead(self, phone: str) -> Lead | None: ...

    def upsert_lead(self, payload: LeadUpsert) -> None: ...


@dataclass(frozen=True)
class KnownLead:
    """What Get Lead said about one E.164 phone (``lead`` None: no lead known)."""

    phone: str
    lead: Lead | None

    @property
    def saves_under(self) -> str:
        """The phone Save will most likely go to: a hint for the form; delivery proves it
        (``prove_primary``) before it relies on it."""
        return self.lead.primary_phone if self.lead else self.phone

    @property
    def primary_known(self) -> bool:
        """Whether ``saves_under`` is certain: no lead, or a lead with one phone. With
        several, the docs don't say which is the primary; the form may say "its main
        number will be confirmed when it is sent"."""
        return self.lead is None or len(self.lead.phones) == 1


def find_lead(client: _Client, phone_e164: str) -> KnownLead:
    return KnownLead(phone_e164, client.get_lead(phone_e164))


class PrimaryUnknown(Exception):
    """A lead holds the typed phone, but the server accepted none of its phones as the
    primary (shared or changed phones). The user must say which lead to save to;
    ``field`` is the form field to point at."""

    field = "customer_phone"

    def __init__(self, typed: str, lead: Lead) -> None:
        who = lead.display_name or lead.business_name or "an existing lead"
        phones = ", ".join(lead.phones)
        self.user_message = (
            f"This phone is on {who} ({phones}), but Superfone did not accept any of these "
            "as the lead's main number, so the app did not save it (that could make a "
            "second lead for the same person). Type the lead's main number and save again, "
            "or check the lead in Superfone."
        )
        super().__init__(self.user_message)
        self.typed = typed
        self.lead = lead


def prove_primary(client: _Client, lead: Lead, typed: str, *, not_this: str | None = None) -> str:
    """The phone of ``lead`` the server accepts as its primary (an update with create off
    and nothing else changes nothing). ``not_this``: a phone already refused as primary.

    Raises ``PrimaryUnknown`` when none is accepted; other ``SuperfoneError`` (network,
    429, 5xx) pass through, to be retried like any request.
    """
    candidates = [phone for phone in lead.phones if phone != not_this]
    if len(lead.phones) == 1 and not_this is None:
        return lead.phones[0]  # the only phone is the primary
    for phone in candidates:
        try:
            client.upsert_lead(
                LeadUpsert(customer_phone=phone, create_customer_if_customer_phone_not_found=False)
            )
        except FieldRejected:
            continue  # not a primary (or the primary of several leads): try the next
        return phone
    raise PrimaryUnknown(typed, lead)
