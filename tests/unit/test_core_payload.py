"""core.payload: from a valid draft to the exact upsert bodies (CONTRACT §2)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from superfone_desk.api.models import OMITTED, AddressUpdate
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.payload import build_requests, describe
from tests.helpers.contract import EXAMPLE_UPSERT

PHONE = "98765 43210"
E164 = "+919876543210"




def draft(**changes: Any) -> LeadDraft:
    return dataclasses.replace(LeadDraft(customer_phone=PHONE), **changes)


def body(**changes: Any) -> dict[str, Any]:
    """The one request of the draft, or the main one merged with the note's."""
    requests = [r.to_json() for r in build_requests(draft(**changes), "IN")]
    if len(requests) == 2 and set(requests[1]) == {*NOTE_ONLY}:
        return {**requests[0], "customer_note": requests[1]["customer_note"]}
    assert len(requests) == 1
    return requests[0]


NOTE_ONLY = ("customer_phone", "create_customer_if_customer_phone_not_found", "customer_note")


def test_contract_example_from_a_draft_typed_the_way_staff_type() -> None:
    typed = LeadDraft(
        customer_phone="080000 00001",
        first_name=" Asha",
        last_name="Kumar ",
        emails="asha@example.com",
        business_name="Acme Pvt Ltd",
        city="Bengaluru",
        deal_value="50,000",
        source="website-form",
        source_type="OTHERS",
        lead_stage=Choice.set("New Lead"),
        lead_group=Choice.set("Inbound"),
        add_labels=("Hot", "Demo Requested"),
        add_products=("Starter Plan",),
        assignee_phone=Choice.set("98765 43210"),
        extra_phones="+91 80000 00002",
        customer_note="Asked for a callback after 6 PM.\n",
    )
    main, note = build_requests(typed, "IN")
    expected = dict(EXAMPLE_UPSERT)
    # The note travels alone and last (issue #11): everything else is the docs' example.
    assert note.to_json() == {
        "customer_phone": expected["customer_phone"],
        "create_customer_if_customer_phone_not_found": False,
        "customer_note": expected.pop("customer_note"),
    }
    assert main.to_json() == expected
    assert type(main.to_json()["deal_value"]) is int


def test_minimal_draft_sends_only_the_phone_and_the_create_flag() -> None:
    assert body() == {
        "customer_phone": E164,
        "create_customer_if_customer_phone_not_found": True,
    }


def test_create_flag_is_always_explicit() -> None:
    assert body(create_if_missing=False) == {
        "customer_phone": E164,
        "create_customer_if_customer_phone_not_found": False,
    }


@pytest.mark.parametrize(
    "attribute",
    [
        "first_name",
        "last_name",
        "business_name",
        "emails",
        "website",
        "extra_phones",
        "deal_value",
        "source",
        "source_type",
        "address_text",
        "address_additional",
        "address_initials",
        "latitude",
        "longitude",
        "city",
        "additional_info",
        "customer_note",
    ],
)
def test_empty_or_blank_text_fields_are_omitted(attribute: str) -> None:
    expected = {"customer_phone": E164, "create_customer_if_customer_phone_not_found": True}
    assert body(**{attribute: ""}) == expected
    assert body(**{attribute: "  \n "}) == expected


def test_text_fields_are_trimmed() -> None:
    sent = body(
        first_name="  Asha ",
        business_name="\tAcme Pvt Ltd\n",
        city=" Bengaluru",
        website=" acme.in ",
        source=" expo ",
        source_type=" OTHERS ",
        additional_info="\n line one\n line two \n",
        customer_note="  Call back  ",
    )
    assert sent["first_name"] == "Asha"
    assert sent["business_name"] == "Acme Pvt Ltd"
    assert sent["city"] == "Bengaluru"
    assert sent["website"] == "acme.in"
    assert sent["source"] == "expo"
    assert sent["source_type"] == "OTHERS"
    assert sent["additional_info"] == "line one\n line two"
    assert sent["customer_note"] == "Call back"


@pytest.mark.parametrize(
    ("attribute", "field"),
    [("lead_stage", "lead_stage_name"), ("lead_group", "lead_group_name")],
)
def test_stage_and_group_three_states(attribute: str, field: str) -> None:
    assert field not in body(**{attribute: Choice.untouched()})
    assert body(**{attribute: Choice.cleared()})[field] is None
    # Titles go exactly as picked: no trimming (CONTRACT U14).
    assert body(**{attribute: Choice.set(" New Lead")})[field] == " New Lead"


def test_assignee_three_states_and_e164() -> None:
    assert "assignee_user_phone" not in body(assignee_phone=Choice.untouched())
    assert body(assignee_phone=Choice.cleared())["assignee_user_phone"] is None
    assert body(assignee_phone=Choice.set("080000 00001"))["assignee_user_phone"] == (
        "+918000000001"
    )


def test_choices_in_the_model_objects() -> None:
    (request,) = build_requests(draft(lead_stage=Choice.cleared()), "IN")
    assert request.lead_stage_name is None
    assert request.lead_group_name is OMITTED
    assert request.assignee_user_phone is OMITTED


def test_emails_are_a_list_split_deduplicated_and_normalised() -> None:
    assert body(emails="asha@example.com")["email"] == ["asha@example.com"]
    assert body(emails="Asha@Example.COM; ravi@example.in\nasha@example.com, ")["email"] == [
        "Asha@example.com",
        "ravi@example.in",
    ]


def test_emails_that_normalize_to_one_address_are_sent_once() -> None:
    composed, decomposed = "jos\u00e9@example.com", "jose\u0301@example.com"
    assert body(emails=f"{composed}, {decomposed}")["email"] == [composed]


def test_extra_phones_are_e164_and_deduplicated() -> None:
    sent = body(extra_phones="080 4000 1234, +91 80 4000 1234\n+1 (415) 555-2671;")
    assert sent["add_phones"] == ["+918040001234", "+14155552671"]


def test_extra_phones_that_are_all_the_primary_are_omitted() -> None:
    # Validation refuses the primary in the extra box, so pass it only through the override.
    requests = build_requests(
        draft(extra_phones="080 4000 1234"), "IN", primary_phone="+918040001234"
    )
    assert "add_phones" not in requests[0].to_json()


def test_labels_and_products_are_sent_as_given() -> None:
    sent = body(add_labels=(" Hot ", "Demo  Requested"), add_products=("Starter Plan",))
    assert sent["add_labels"] == [" Hot ", "Demo  Requested"]
    assert sent["add_products"] == ["Starter Plan"]
    assert "remove_labels" not in sent
    assert body(remove_labels=("Cold",))["remove_labels"] == ["Cold"]
    assert "add_labels" not in body(remove_labels=("Cold",))


@pytest.mark.parametrize(
    ("typed", "sent"),
    [("50,000", 50_000), ("2.5L", 250_000), ("2500.50", 2500.5), ("0", 0), ("1 crore", 10**7)],
)
def test_deal_value_is_a_number(typed: str, sent: int | float) -> None:
    value = body(deal_value=typed)["deal_value"]
    assert value == sent
    assert type(value) is type(sent)


def test_address_has_only_the_parts_typed() -> None:
    assert body(address_text=" 12 MG Road ")["address"] == {"text": "12 MG Road"}
    assert body(latitude="12.9716", longitude="-77.5")["address"] == {
        "latitude": 12.9716,
        "longitude": -77.5,
    }
    full = body(
        address_text="12 MG Road",
        address_additional="Flat 3",
        address_initials="AK",
        latitude="12.9716",
        longitude="−77.5946",
    )
    assert full["address"] == {
        "text": "12 MG Road",
        "additional": "Flat 3",
        "initials": "AK",
        "latitude": 12.9716,
        "longitude": -77.5946,
    }
    (request,) = build_requests(draft(address_initials="AK"), "IN")
    assert request.address == AddressUpdate(initials="AK")


def test_add_and_remove_labels_become_two_requests() -> None:
    requests = build_requests(
        draft(
            first_name="Asha",
            add_labels=("Hot",),
            remove_labels=("Cold", "Lost"),
            customer_note="Wants a demo",
            lead_stage=Choice.set("New Lead"),
        ),
        "IN",
    )
    assert [r.to_json() for r in requests] == [
        {
            "customer_phone": E164,
            "create_customer_if_customer_phone_not_found": True,
            "first_name": "Asha",
            "lead_stage_name": "New Lead",
            "add_labels": ["Hot"],
        },
        {
            "customer_phone": E164,
            "create_customer_if_customer_phone_not_found": False,
            "remove_labels": ["Cold", "Lost"],
        },
        {
            "customer_phone": E164,
            "create_customer_if_customer_phone_not_found": False,
            "customer_note": "Wants a demo",
        },
    ]
    assert [r.sends_note() for r in requests] == [False, False, True]


def test_secondary_phone_sends_to_the_primary_instead() -> None:
    requests = build_requests(
        draft(first_name="Asha", extra_phones="080 4000 1234", customer_note="hi"),
        "IN",
        primary_phone="+918000000001",
    )
    assert [r.to_json() for r in requests] == [
        {
            "customer_phone": "+918000000001",
            # A lead holds the phone: never create a second one if this is not its primary.
            "create_customer_if_customer_phone_not_found": False,
            "first_name": "Asha",
            # The typed phone is already on that lead: it is not added again.
            "add_phones": ["+918040001234"],
        },
        {
            "customer_phone": "+918000000001",
            "create_customer_if_customer_phone_not_found": False,
            "customer_note": "hi",
        },
    ]


def test_secondary_phone_override_applies_to_both_label_requests() -> None:
    requests = build_requests(
        draft(add_labels=("Hot",), remove_labels=("Cold",)), "IN", primary_phone="+918000000001"
    )
    assert [r.customer_phone for r in requests] == ["+918000000001", "+918000000001"]


def test_primary_phone_equal_to_the_typed_one_changes_nothing() -> None:
    assert build_requests(draft(), "IN", primary_phone=E164) == build_requests(draft(), "IN")


def test_invalid_drafts_are_refused() -> None:
    with pytest.raises(ValueError, match="customer_phone, email"):
        build_requests(LeadDraft(emails="nope"), "IN")
    with pytest.raises(ValueError, match="remove_labels"):
        build_requests(draft(add_labels=("Hot",), remove_labels=("Hot",)), "IN")


def test_invalid_primary_phone_override_is_refused() -> None:
    with pytest.raises(ValueError, match="not a valid phone number"):
        build_requests(draft(), "IN", primary_phone="12")


def test_region_reads_the_phones() -> None:
    (request,) = build_requests(
        LeadDraft(customer_phone="(415) 555-2671", extra_phones="415.555.0100"), "US"
    )
    assert request.customer_phone == "+14155552671"
    assert request.add_phones == ("+14155550100",)


# ------------------------------------------------------------------ describe


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"customer_phone": "80000 00001", "first_name": "Asha", "last_name": "Kumar"},
         "+91 80000 00001 — Asha Kumar"),
        ({"customer_phone": "+91 80000 00001", "first_name": " Asha "},
         "+91 80000 00001 — Asha"),
        ({"customer_phone": "80000 00001", "last_name": "Kumar", "business_name": "Acme"},
         "+91 80000 00001 — Kumar"),
        ({"customer_phone": "80000 00001", "business_name": "Acme Pvt Ltd"},
         "+91 80000 00001 — Acme Pvt Ltd"),
        ({"customer_phone": "80000 00001"}, "+91 80000 00001"),
        ({"customer_phone": " 12 ", "first_name": "Asha"}, "12 — Asha"),
    ],
)
def test_describe(changes: dict[str, Any], text: str) -> None:
    assert describe(LeadDraft(**changes), "IN") == text


def test_describe_uses_the_locale_region_by_default() -> None:
    assert describe(LeadDraft(customer_phone="+91 80000 00001", first_name="Asha")) == (
        "+91 80000 00001 — Asha"
    )


@pytest.mark.parametrize("extra", [{}, {"add_labels": ("Hot",), "remove_labels": ("Cold",)}])
def test_the_note_travels_alone_and_last(extra: dict[str, Any]) -> None:
    requests = build_requests(draft(city="Pune", customer_note="Called at 5", **extra), "IN")
    assert [r.sends_note() for r in requests] == [False] * (len(requests) - 1) + [True]
    assert requests[-1].to_json() == {
        "customer_phone": E164,
        "create_customer_if_customer_phone_not_found": False,
        "customer_note": "Called at 5",
    }


def test_an_existing_lead_is_updated_with_create_off() -> None:
    (request,) = build_requests(draft(city="Pune"), "IN", existing=True)
    assert request.create_customer_if_customer_phone_not_found is False


def test_an_update_keeps_the_emails_the_lead_has() -> None:
    keep = ("asha@acme.in", "Asha.K@Example.com")
    (request,) = build_requests(
        draft(emails="new@acme.in, asha.k@example.com"), "IN", existing=True, keep_emails=keep
    )
    # The lead's own addresses first, as the server spells them; one each, case aside.
    assert request.email == ("asha@acme.in", "Asha.K@Example.com", "new@acme.in")


def test_emails_are_left_alone_when_none_is_typed() -> None:
    (request,) = build_requests(draft(), "IN", existing=True, keep_emails=("a@b.in",))
    assert request.email is OMITTED


def test_a_new_lead_gets_only_the_typed_emails() -> None:
    (request,) = build_requests(draft(emails="new@acme.in"), "IN", keep_emails=("a@b.in",))
    assert request.email == ("new@acme.in",)
