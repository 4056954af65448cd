"""core.validation: one message per bad field, keyed by form field name, in form order."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from superfone_desk.api.models import SOURCE_TYPES
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.validation import (
    DRAFT_ATTRIBUTE,
    FORM_FIELD_ORDER,
    split_emails,
    split_phones,
    validate,
)
from tests.helpers.drafts import EVERY_FIELD

PHONE = "98765 43210"
CONTROL = "Contains invisible control characters"


def draft(**changes: Any) -> LeadDraft:
    return dataclasses.replace(LeadDraft(customer_phone=PHONE), **changes)


def errors(**changes: Any) -> dict[str, str]:
    return validate(draft(**changes), "IN")


def test_form_field_order_is_the_documented_one() -> None:
    assert FORM_FIELD_ORDER == (
        "customer_phone",
        "first_name",
        "last_name",
        "business_name",
        "email",
        "add_phones",
        "website",
        "lead_stage_name",
        "lead_group_name",
        "assignee_user_phone",
        "add_labels",
        "remove_labels",
        "add_products",
        "deal_value",
        "source",
        "source_type",
        "address.text",
        "address.additional",
        "address.initials",
        "address.latitude",
        "address.longitude",
        "city",
        "additional_info",
        "customer_note",
    )
    draft_fields = {f.name for f in dataclasses.fields(LeadDraft)}
    assert set(DRAFT_ATTRIBUTE.values()) == draft_fields - {"create_if_missing"}


def test_minimal_draft_is_valid() -> None:
    assert errors() == {}


def test_a_full_draft_is_valid() -> None:
    full = EVERY_FIELD
    assert validate(full, "IN") == {}


def test_every_field_reported_in_form_order() -> None:
    bad = LeadDraft(
        customer_phone="",
        first_name="A" * 101,
        last_name="B" * 101,
        business_name="C" * 201,
        emails="not-an-email",
        extra_phones="12345",
        website="not a website",
        lead_stage=Choice.set(" "),
        lead_group=Choice.set(""),
        assignee_phone=Choice.set("abc"),
        add_labels=("Hot", ""),
        remove_labels=("\x07",),
        add_products=("",),
        deal_value="lots",
        source="S" * 201,
        source_type="Online",
        address_text="T" * 501,
        address_additional="A" * 501,
        address_initials="I" * 501,
        latitude="north",
        longitude="east",
        city="C" * 201,
        additional_info="N" * 10_001,
        customer_note="N" * 10_001,
    )
    result = validate(bad, "IN")
    assert tuple(result) == FORM_FIELD_ORDER


def test_order_does_not_depend_on_which_check_runs_first() -> None:
    result = errors(
        customer_note="\x00", latitude="100", longitude="0", first_name="\x01", customer_phone="1"
    )
    assert list(result) == ["customer_phone", "first_name", "address.latitude", "customer_note"]


# ------------------------------------------------------------------ phones


def test_customer_phone_is_required() -> None:
    assert errors(customer_phone="  ") == {"customer_phone": "Enter a phone number"}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12345", "Too short for a phone number in India"),
        ("98765 abcde", "Phone numbers can't contain letters"),
        ("+91 2222 2222", "Not a valid number for India"),
        ("98765\x1f43210", CONTROL),
        ("98765 43210\x1f", CONTROL),
    ],
)
def test_customer_phone_messages(typed: str, message: str) -> None:
    assert errors(customer_phone=typed) == {"customer_phone": message}


def test_customer_phone_with_surrounding_line_breaks_is_fine() -> None:
    assert errors(customer_phone="\n 98765 43210 \r\n") == {}


def test_extra_phones_say_which_one_is_wrong() -> None:
    assert errors(extra_phones="080 4000 1234, 12345") == {
        "add_phones": "“12345”: too short for a phone number in India"
    }
    assert errors(extra_phones="080 4000 1234\n98x") == {
        "add_phones": "“98x”: phone numbers can't contain letters"
    }


def test_extra_phone_equal_to_the_main_one() -> None:
    assert errors(extra_phones="080 4000 1234; +91 98765-43210") == {
        "add_phones": "“+91 98765-43210” is the same as the main phone number"
    }


def test_extra_phones_are_not_compared_with_an_invalid_main_phone() -> None:
    assert errors(customer_phone="1", extra_phones="98765 43210") == {
        "customer_phone": "Too short for a phone number in India"
    }


def test_assignee_phone() -> None:
    assert errors(assignee_phone=Choice.set("12")) == {
        "assignee_user_phone": "Too short for a phone number in India"
    }
    assert errors(assignee_phone=Choice.set("")) == {
        "assignee_user_phone": "Enter a phone number"
    }
    assert errors(assignee_phone=Choice.set("98765 00000")) == {}
    assert errors(assignee_phone=Choice.cleared()) == {}


def test_phones_use_the_region() -> None:
    assert validate(LeadDraft(customer_phone="8123 4567"), "SG") == {}
    assert validate(LeadDraft(customer_phone="8123 4567"), "IN") == {
        "customer_phone": "Not a valid number for India"
    }


# ------------------------------------------------------------------ text fields


@pytest.mark.parametrize(
    ("field", "attribute", "limit"),
    [
        ("first_name", "first_name", 100),
        ("last_name", "last_name", 100),
        ("business_name", "business_name", 200),
        ("source", "source", 200),
        ("city", "city", 200),
        ("address.text", "address_text", 500),
        ("address.additional", "address_additional", 500),
        ("address.initials", "address_initials", 500),
        ("additional_info", "additional_info", 10_000),
        ("customer_note", "customer_note", 10_000),
    ],
)
def test_length_limits(field: str, attribute: str, limit: int) -> None:
    assert errors(**{attribute: "x" * limit}) == {}
    # Surrounding whitespace is trimmed before counting.
    assert errors(**{attribute: "  " + "x" * limit + "  "}) == {}
    assert errors(**{attribute: "x" * (limit + 1)}) == {
        field: f"Too long: {limit + 1:,} characters (at most {limit:,})"
    }


def test_too_long_message_uses_thousands_separators() -> None:
    assert errors(first_name="a" * 1_000_012) == {
        "first_name": "Too long: 1,000,012 characters (at most 100)"
    }


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u202e"])
@pytest.mark.parametrize(
    ("field", "attribute"),
    [
        ("first_name", "first_name"),
        ("city", "city"),
        ("source", "source"),
        ("address.initials", "address_initials"),
        ("customer_note", "customer_note"),
        ("additional_info", "additional_info"),
    ],
)
def test_control_characters_are_reported(char: str, field: str, attribute: str) -> None:
    assert errors(**{attribute: f"Asha{char}Kumar"}) == {field: CONTROL}


def test_a_control_character_at_the_end_is_not_trimmed_away() -> None:
    assert errors(first_name="Asha\x1f") == {"first_name": CONTROL}


@pytest.mark.parametrize("text", ["two\nlines", "tab\there", "windows\r\nline"])
def test_line_breaks_and_tabs_only_in_multiline_fields(text: str) -> None:
    assert errors(customer_note=text, additional_info=text, address_text=text) == {}
    assert errors(first_name=text, city=text) == {"first_name": CONTROL, "city": CONTROL}


def test_joiners_used_by_indic_scripts_are_allowed() -> None:
    assert errors(first_name="क्\u200dष", last_name="न्\u200cय") == {}


# ------------------------------------------------------------------ email


def test_emails() -> None:
    assert errors(emails="asha@example.com") == {}
    assert errors(emails="asha@example.com, ravi@example.in\nsales@acme.co.in") == {}
    assert errors(emails="asha@") == {"email": "“asha@”: something is missing after the @"}
    assert errors(emails="asha@example.com; ravi.example.com") == {
        "email": "“ravi.example.com”: an email address needs an @ (like name@example.com)"
    }


def test_several_bad_emails_name_the_first_and_count_the_rest() -> None:
    message = errors(emails="a@, b@, ok@example.com, c")["email"]
    assert message.startswith("“a@”: ")
    assert message.endswith("(and 2 more)")


# ------------------------------------------------------------------ website


@pytest.mark.parametrize(
    "website",
    [
        "acme.in",
        "www.acme.co.in",
        "https://acme.in/x",
        "http://acme.in",
        "HTTPS://ACME.IN",
        "acme.in/contact?x=1#top",
        "acme.in:8080",
        "https://sub.acme.in:8443/path",
        "bücher.de",
        "xn--bcher-kva.de",
        "1.2.3.4",
        " acme.in ",
    ],
)
def test_plausible_websites(website: str) -> None:
    assert errors(website=website) == {}


@pytest.mark.parametrize(
    ("website", "message"),
    [
        ("acme", "Enter a web address, like acme.in or https://acme.in"),
        ("http://acme", "Enter a web address, like acme.in or https://acme.in"),
        ("acme.i", "Enter a web address, like acme.in or https://acme.in"),
        ("-acme.in", "Enter a web address, like acme.in or https://acme.in"),
        ("acme..in", "Enter a web address, like acme.in or https://acme.in"),
        ("acme_corp.in", "Enter a web address, like acme.in or https://acme.in"),
        ("https://acme.in:99999", "Enter a web address, like acme.in or https://acme.in"),
        ("https://", "Enter a web address, like acme.in or https://acme.in"),
        ("acme .in", "A web address can't contain spaces"),
        ("ftp://acme.in", "Use a web address starting with http:// or https://"),
        ("javascript:alert(1)", "Use a web address starting with http:// or https://"),
        ("mailto:asha@acme.in", "Use a web address starting with http:// or https://"),
        ("asha@acme.in", "That looks like an email address; enter a website, like acme.in"),
        ("https://" + "a" * 2050 + ".in", "Too long: 2,061 characters (at most 2,048)"),
    ],
)
def test_implausible_websites(website: str, message: str) -> None:
    assert errors(website=website) == {"website": message}


# ------------------------------------------------------------------ pickers and lists


def test_stage_and_group() -> None:
    assert errors(lead_stage=Choice.set("New Lead"), lead_group=Choice.cleared()) == {}
    assert errors(lead_stage=Choice.set("  "), lead_group=Choice.set("")) == {
        "lead_stage_name": "Choose a stage, or clear it",
        "lead_group_name": "Choose a group, or clear it",
    }
    assert errors(lead_stage=Choice.set("New\x00Lead")) == {"lead_stage_name": CONTROL}


def test_labels_and_products() -> None:
    assert errors(add_labels=("Hot", " Demo Requested"), add_products=("Starter Plan",)) == {}
    assert errors(add_labels=("Hot", " ")) == {"add_labels": "A label has no name"}
    assert errors(add_products=("",)) == {"add_products": "A product has no name"}
    assert errors(add_labels=("Hot\x1b",)) == {
        "add_labels": "“Hot\x1b”: contains invisible control characters"
    }


def test_a_label_both_added_and_removed() -> None:
    assert errors(add_labels=("Hot", "Warm"), remove_labels=("Cold",)) == {}
    assert errors(add_labels=("Hot", "Warm"), remove_labels=("Hot", "Cold")) == {
        "remove_labels": "“Hot” is both added and removed; pick one"
    }
    assert errors(add_labels=("Hot", "Warm"), remove_labels=("Warm", "Hot", "Hot")) == {
        "remove_labels": "“Warm”, “Hot” are both added and removed; pick one"
    }


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("lots", "Enter a number, like 50000 or 2.5L"),
        ("-5", "Deal value can't be negative"),
        ("nan", "Enter a number, like 50000 or 2.5L"),
        ("1e99", "Enter a number, like 50000 or 2.5L"),
        ("99999999999999", "Deal value is too large (at most 10,000,000,000,000)"),
    ],
)
def test_deal_value(typed: str, message: str) -> None:
    assert errors(deal_value=typed) == {"deal_value": message}


def test_deal_value_empty_is_fine() -> None:
    assert errors(deal_value="  ") == {}
    assert errors(deal_value="1,50,000") == {}


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        ("12.9716", "77.5946"),
        ("-90", "180"),
        ("90", "-180"),
        ("0", "0"),
        ("+12.5", "−77.5"),  # a typographic minus
        ("", ""),
        ("  ", " "),
    ],
)
def test_good_coordinates(latitude: str, longitude: str) -> None:
    assert errors(latitude=latitude, longitude=longitude) == {}


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        ("90.0001", "0", {"address.latitude": "The latitude must be between -90 and 90"}),
        ("-91", "0", {"address.latitude": "The latitude must be between -90 and 90"}),
        ("0", "180.5", {"address.longitude": "The longitude must be between -180 and 180"}),
        ("0", "-181", {"address.longitude": "The longitude must be between -180 and 180"}),
        ("north", "0", {"address.latitude": "Enter the latitude as a number, like 12.9716"}),
        ("nan", "inf", {
            "address.latitude": "Enter the latitude as a number, like 12.9716",
            "address.longitude": "Enter the longitude as a number, like 77.5946",
        }),
        ("12.97, 77.59", "", {
            "address.latitude": "Enter only the latitude here, like 12.9716",
            "address.longitude": "Enter the longitude too, or clear the latitude",
        }),
        ("12.97", "", {"address.longitude": "Enter the longitude too, or clear the latitude"}),
        ("", "77.59", {"address.latitude": "Enter the latitude too, or clear the longitude"}),
    ],
)
def test_bad_coordinates(latitude: str, longitude: str, expected: dict[str, str]) -> None:
    assert errors(latitude=latitude, longitude=longitude) == expected


@pytest.mark.parametrize("source_type", ["", "  ", *SOURCE_TYPES])
def test_known_source_types(source_type: str) -> None:
    assert errors(source_type=source_type) == {}


@pytest.mark.parametrize("source_type", ["Online", "others", "OTHER"])
def test_unknown_source_types(source_type: str) -> None:
    assert errors(source_type=source_type) == {
        "source_type": f"Unknown source type “{source_type}”; choose one from the list"
    }


# ------------------------------------------------------------------ splitting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        (" ,; \n", []),
        ("a@x.in", ["a@x.in"]),
        ("a@x.in, b@x.in; c@x.in\nd@x.in e@x.in\tf@x.in", [
            "a@x.in", "b@x.in", "c@x.in", "d@x.in", "e@x.in", "f@x.in",
        ]),
        ("b@x.in, A@x.in, a@X.IN, b@x.in", ["b@x.in", "A@x.in"]),
        (",,a@x.in,,", ["a@x.in"]),
    ],
)
def test_split_emails(text: str, expected: list[str]) -> None:
    assert split_emails(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("98765 43210", ["98765 43210"]),
        ("98765 43210, 80000 00001;+91 80000 00002\n080 4000 1234\r\n", [
            "98765 43210", "80000 00001", "+91 80000 00002", "080 4000 1234",
        ]),
        (" 98765 43210 ,98765 43210,, ;", ["98765 43210"]),
    ],
)
def test_split_phones(text: str, expected: list[str]) -> None:
    assert split_phones(text) == expected


def test_validate_returns_a_fresh_dict_each_time() -> None:
    draft = LeadDraft(customer_phone="12")
    first = validate(draft, "IN")
    assert "customer_phone" in first
    first.clear()
    assert "customer_phone" in validate(draft, "IN")


def test_validate_takes_an_unhashable_draft_too() -> None:
    draft = LeadDraft(customer_phone="98765 43210", add_labels=["Hot", " "])  # type: ignore[arg-type]
    assert validate(draft, "IN") == {"add_labels": "A label has no name"}
