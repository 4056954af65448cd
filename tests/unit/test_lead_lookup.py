"""lead_lookup: what the form shows about a typed phone, and proving a lead's primary."""

from __future__ import annotations

import pytest

from superfone_desk.api.errors import FieldRejected, NetworkError
from superfone_desk.api.models import Lead, LeadUpsert
from superfone_desk.lead_lookup import KnownLead, PrimaryUnknown, find_lead, prove_primary

PRIMARY, SECONDARY, THIRD = "+919820098765", "+912226541234", "+919820098766"


class Server:
    """Accepts an upsert (create off, nothing else) only for ``primaries``."""

    def __init__(self, *primaries: str, lead: Lead | None = None) -> None:
        self.primaries = set(primaries)
        self.lead = lead
        self.probes: list[dict[str, object]] = []
        self.gets: list[str] = []

    def get_lead(self, phone: str) -> Lead | None:
        self.gets.append(phone)
        return self.lead

    def upsert_lead(self, payload: LeadUpsert) -> None:
        self.probes.append(payload.to_json())
        if payload.customer_phone not in self.primaries:
            raise FieldRejected(400, "Customer not found.", None)


def test_a_phone_no_lead_has_saves_under_itself() -> None:
    known = find_lead(Server(), PRIMARY)
    assert known == KnownLead(PRIMARY, None)
    assert (known.saves_under, known.primary_known) == (PRIMARY, True)


def test_with_several_phones_the_primary_is_only_a_guess() -> None:
    lead = Lead(id=1, phones=(SECONDARY, PRIMARY))
    known = find_lead(Server(lead=lead), SECONDARY)
    assert (known.saves_under, known.primary_known) == (SECONDARY, False)


def test_a_lead_with_one_phone_needs_no_probe() -> None:
    server = Server()
    assert prove_primary(server, Lead(id=1, phones=(PRIMARY,)), PRIMARY) == PRIMARY
    assert server.probes == []


@pytest.mark.parametrize("phones", [(PRIMARY, SECONDARY), (SECONDARY, PRIMARY, THIRD)])
def test_the_primary_is_the_phone_the_server_accepts_whatever_the_order(
    phones: tuple[str, ...],
) -> None:
    server = Server(PRIMARY)
    assert prove_primary(server, Lead(id=1, phones=phones), SECONDARY) == PRIMARY
    # Each probe changes nothing: create off, no other field.
    assert all(
        probe == {"customer_phone": probe["customer_phone"],
                  "create_customer_if_customer_phone_not_found": False}
        for probe in server.probes
    )  # fmt: skip


def test_a_refused_phone_is_not_probed_again() -> None:
    server = Server(PRIMARY)
    lead = Lead(id=1, phones=(SECONDARY, PRIMARY))
    assert prove_primary(server, lead, SECONDARY, not_this=SECONDARY) == PRIMARY
    assert [p["customer_phone"] for p in server.probes] == [PRIMARY]


def test_no_accepted_phone_asks_the_user() -> None:
    lead = Lead(id=1, phones=(SECONDARY, PRIMARY), first_name="Sunita")
    with pytest.raises(PrimaryUnknown) as info:
        prove_primary(Server(), lead, SECONDARY)
    assert info.value.field == "customer_phone"
    assert "Sunita" in info.value.user_message
    assert info.value.lead is lead


def test_a_network_failure_while_probing_is_not_a_verdict() -> None:
    class Down(Server):
        def upsert_lead(self, payload: LeadUpsert) -> None:
            raise NetworkError("down", possibly_received=False)

    with pytest.raises(NetworkError):
        prove_primary(Down(), Lead(id=1, phones=(SECONDARY, PRIMARY)), SECONDARY)
