"""Every server message reads as a clerk's sentence with what to do; the original is kept."""

from __future__ import annotations

import re

import pytest

from superfone_desk.api.errors import SERVER_MESSAGE_FIELDS
from superfone_desk.core.server_text import UNAUTHORIZED, explain, known_messages

# What must never reach a clerk: API field names and the server's odd grammar.
JARGON = re.compile(r"add_phones|_name|user_phone|UnAuthorized|customer_phone|Provide unique")


@pytest.mark.parametrize("message", known_messages())
def test_every_known_message_has_clerk_wording(message: str) -> None:
    shown = explain(message, value="Ravi Patel")
    assert shown.original == message
    assert shown.text != message
    assert not JARGON.search(shown.text), shown.text
    assert shown.text.endswith(".")
    assert shown.field == SERVER_MESSAGE_FIELDS.get(message)


def test_the_table_and_the_wording_cover_the_same_messages() -> None:
    assert set(known_messages()) == {*SERVER_MESSAGE_FIELDS, UNAUTHORIZED}


def test_a_phone_of_another_lead_names_the_lead_and_what_to_do() -> None:
    message = (
        "Phone number +919845000131 in add_phones is already present in different customer"
        " (id 77)"
    )
    shown = explain(message, other_lead="Anil Sharma")
    assert shown.text == (
        "+91 98450 00131 already belongs to another lead (Anil Sharma). "
        "Remove it there first, or leave it out here."
    )
    assert shown.field == "add_phones"
    assert shown.original == message
    assert "another lead in Superfone" in explain(message).text


def test_invalid_phone_names_the_phone_the_caller_knows() -> None:
    assert "extra phones" in explain("Invalid phone number.", field="add_phones").text
    assert "this phone number" in explain("Invalid phone number.").text


def test_an_inactive_assignee_is_named_and_told_what_to_do() -> None:
    shown = explain("Assignee user is not part of your team", value="Ravi Patel")
    assert shown.text.startswith("Ravi Patel is not an active member of your team")
    assert "Pick someone else" in shown.text
    assert explain("Assignee user is not part of your team").text.startswith("This person")


def test_stage_names_are_quoted() -> None:
    assert "“Qualifed”" in explain("Lead stage name not found", value="Qualifed").text


def test_messages_match_however_the_server_spaces_or_cases_them() -> None:
    assert explain("customer  NOT found").text == explain("Customer not found.").text


def test_the_key_message_points_to_settings_not_a_field() -> None:
    shown = explain(UNAUTHORIZED)
    assert "Settings" in shown.text
    assert shown.field is None


def test_an_unknown_message_is_shown_as_superfone_said_it() -> None:
    shown = explain("Email is not valid", field="email")
    assert shown.text == "Superfone refused the lead and said: “Email is not valid”."
    assert shown.original == "Email is not valid"
    assert shown.field == "email"
