"""Looking a typed phone up before saving (no Qt; runs in a worker).

Get Lead matches any of a lead's phones while the upsert matches only the primary one,
so the form asks first: the answer says whether Save will create or update, and under
which primary phone a lead's secondary number is saved (never as a duplicate lead).
Saving itself goes through the outbox (``store.outbox``, ``delivery``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from superfone_desk.api.client import SuperfoneClient
    from superfone_desk.api.models import Lead


@dataclass(frozen=True)
class Lookup:
    """What Get Lead said about one E.164 phone (``lead`` None: no lead has it)."""

    phone: str
    lead: Lead | None

    @property
    def saves_under(self) -> str:
        return self.lead.primary_phone if self.lead else self.phone


def look_up(client: SuperfoneClient, phone_e164: str) -> Lookup:
    return Lookup(phone_e164, client.get_lead(phone_e164))
