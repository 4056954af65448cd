"""core.lead_card: the stored lead as form values, edits only, the change list."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from superfone_desk.api.models import Address, AssigneeUser, GroupRef, Lead, LeadLabel, StageRef
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.lead_card import changes, edits_only, fill, only_fill_empty, stored_values
from superfone_desk.core.payload import build_requests

TYPED = "+919876543210"
LEAD = Lead(
    id=7,
    phones=(TYPED, "+919876543211"),
    first_name="Asha",
    last_name="Kumar",
    email=("asha@example.com",),
    business_name="Acme",
    city="Pune",
    deal_value=50000.0,
    source="walk-in",
    source_type="OFFLINE",
    address=Address(text="12 MG Road", latitude=12.5),
    labels=(LeadLabel(1, "Hot", None, None, None), LeadLabel(2, "VIP", None, None, None)),
    lead_stage=StageRef(3, "New Lead"),
    lead_group=GroupRef(4, "Retail"),
    assignee_user=AssigneeUser(9, "Priya", "Sharma"),
)
CARD = stored_values(LEAD, TYPED)


def test_every_stored_value_becomes_a_form_value() -> None:
    d = CARD.draft
    assert (d.first_name, d.last_name, d.business_name) == ("Asha", "Kumar", "Acme")
    assert d.emails == "asha@example.com"
    assert d.extra_phones == "+919876543211"
    assert d.lead_stage == Choice.set("New Lead")
    assert d.lead_group == Choice.set("Retail")
    assert CARD.labels == ("Hot", "VIP")
    assert d.add_labels == ()
    assert (d.deal_value, d.city, d.source) == ("50000", "Pune", "walk-in")
    assert d.source_type == "OFFLINE"
    assert (d.address_text, d.latitude) == ("12 MG Road", "12.5")
    assert CARD.assignee_name == "Priya Sharma"
    assert CARD.lead_id == 7
    assert "customer_note" not in CARD.filled_attrs()


def test_fill_keeps_what_the_user_typed() -> None:
    typed = LeadDraft(customer_phone="98765 43210", city="Mumbai", add_labels=("Walk-in",))
    filled, which = fill(typed, CARD)
    assert filled.city == "Mumbai"
    assert "city" not in which
    assert filled.first_name == "Asha"
    assert filled.add_labels == ("Walk-in",)
    assert filled.customer_phone == "98765 43210"


def test_untouched_card_sends_nothing_but_the_phone() -> None:
    shown, _ = fill(LeadDraft(customer_phone="98765 43210"), CARD)
    edits = edits_only(shown, CARD)
    assert edits == dataclasses.replace(LeadDraft(customer_phone="98765 43210"))
    assert changes(CARD, edits) == []


def test_changing_only_the_city_sends_only_phone_and_city() -> None:
    shown, _ = fill(LeadDraft(customer_phone="98765 43210"), CARD)
    edits = edits_only(dataclasses.replace(shown, city="Mumbai"), CARD)
    [request] = build_requests(edits, "IN", existing=True)
    assert request.to_json() == {
        "customer_phone": TYPED,
        "create_customer_if_customer_phone_not_found": False,
        "city": "Mumbai",
    }
    assert [c.text for c in changes(CARD, edits)] == ["City: Pune → Mumbai"]


def test_labels_the_lead_has_are_not_added_again() -> None:
    shown, _ = fill(LeadDraft(customer_phone="98765 43210"), CARD)
    typed = dataclasses.replace(shown, add_labels=("VIP", "Cold"), remove_labels=("Hot",))
    edits = edits_only(typed, CARD)
    assert (edits.add_labels, edits.remove_labels) == (("Cold",), ("Hot",))
    assert [c.text for c in changes(CARD, edits)] == ["Labels: + Cold, − Hot"]


def test_emails_only_added_and_deal_value_compared_as_an_amount() -> None:
    shown, _ = fill(LeadDraft(customer_phone="98765 43210"), CARD)
    typed = dataclasses.replace(
        shown, emails="ASHA@example.com, new@example.com", deal_value="50,000"
    )
    edits = edits_only(typed, CARD)
    assert (edits.emails, edits.deal_value) == ("new@example.com", "")
    assert [c.text for c in changes(CARD, edits)] == ["Email: + new@example.com"]


def test_stage_change_assignee_and_cleared_group_are_listed() -> None:
    shown, _ = fill(LeadDraft(customer_phone="98765 43210"), CARD)
    typed = dataclasses.replace(
        shown,
        lead_stage=Choice.set("Qualified"),
        lead_group=Choice.cleared(),
        assignee_phone=Choice.set("+918000000009"),
        deal_value="2.5L",
        source_type="WHATSAPP_MESSAGE",
    )
    edits = edits_only(typed, CARD)
    texts = [c.text for c in changes(CARD, edits, names={"+918000000009": "Ravi"}.get)]
    assert texts == [
        "Stage: New Lead → Qualified",
        "Group: Retail → (none)",
        "Assignee: Priya Sharma → Ravi",
        "Deal value: ₹50,000 → ₹2,50,000",
        "Source type: Offline → WhatsApp message",
    ]


def test_only_fill_empty_never_overwrites() -> None:
    shown, _ = fill(LeadDraft(customer_phone="98765 43210"), CARD)
    typed = dataclasses.replace(
        shown,
        city="Mumbai",
        website="acme.in",
        add_labels=("Cold",),
        remove_labels=("Hot",),
        lead_stage=Choice.set("Qualified"),
        emails="asha@example.com, new@example.com",
        customer_note="Called",
    )
    kept = only_fill_empty(edits_only(typed, CARD), CARD)
    assert kept.city == ""
    assert kept.lead_stage.is_untouched
    assert kept.website == "acme.in"
    assert (kept.add_labels, kept.remove_labels) == (("Cold",), ())
    assert kept.emails == "new@example.com"
    assert kept.customer_note == "Called"


def test_without_a_card_nothing_is_taken_out() -> None:
    typed = LeadDraft(customer_phone="98765 43210", city="Pune")
    assert edits_only(typed, None) is typed
    assert only_fill_empty(typed, None) is typed


_PLAIN = ("first_name", "last_name", "business_name", "city", "source", "additional_info")
_WORDS = st.sampled_from(["", "Pune", " Pune ", "Mumbai", "Acme", "walk-in", "Asha"])


@given(stored=st.tuples(*[_WORDS] * len(_PLAIN)), typed=st.tuples(*[_WORDS] * len(_PLAIN)))
def test_only_what_differs_from_the_stored_lead_is_sent(
    stored: tuple[str, ...], typed: tuple[str, ...]
) -> None:
    lead = Lead(id=1, phones=(TYPED,), **dict(zip(_PLAIN, stored, strict=True)))
    card = stored_values(lead, TYPED)
    shown, _ = fill(LeadDraft(customer_phone="98765 43210"), card)
    edited = dataclasses.replace(shown, **dict(zip(_PLAIN, typed, strict=True)))
    [request] = build_requests(edits_only(edited, card), "IN", existing=True)
    always = {"customer_phone", "create_customer_if_customer_phone_not_found"}
    sent = set(request.to_json()) - always
    expected = {
        name
        for name, old, new in zip(_PLAIN, stored, typed, strict=True)
        if new.strip() and new.strip() != old.strip()
    }
    assert sent == expected
