"""The typed errors and the one server-message -> form-field table (CONTRACT §2.6)."""

from __future__ import annotations

import pytest

from superfone_desk.api import errors
from superfone_desk.api.errors import (
    SERVER_MESSAGE_FIELDS,
    AuthError,
    FieldRejected,
    MalformedAPIKey,
    MalformedResponse,
    NetworkError,
    RateLimited,
    ServerError,
    SuperfoneError,
    TLSError,
    UnexpectedStatus,
    rejection,
)

# Every documented upsert message (CONTRACT §2.5, exact bytes) and the field it concerns.
DOCUMENTED = [
    ("Customer phone is required to identify the record to update", "customer_phone"),
    ("Invalid phone number.", "customer_phone"),
    ("Customer not found.", "create_customer_if_customer_phone_not_found"),
    ("Customer phone exists in multiple contact", "customer_phone"),
    ("add_labels and remove_labels cannot be used in the same request", "add_labels"),
    ("Assignee user's phone is invalid", "assignee_user_phone"),
    ("Assignee user not found", "assignee_user_phone"),
    ("Assignee user is not part of your team", "assignee_user_phone"),
    ("Lead stage name not found", "lead_stage_name"),
    ("Multiple lead stages found with this name. Provide unique", "lead_stage_name"),
    ("Lead group name not found", "lead_group_name"),
    ("Multiple lead groups found with this name. Provide unique", "lead_group_name"),
]


def test_table_holds_exactly_the_documented_messages() -> None:
    assert dict(DOCUMENTED) == SERVER_MESSAGE_FIELDS


@pytest.mark.parametrize(("message", "field"), DOCUMENTED)
def test_each_documented_message_maps_to_its_field(message: str, field: str) -> None:
    error = rejection(400, message)
    assert isinstance(error, FieldRejected)
    assert (error.status, error.message, error.field, error.phone) == (400, message, field, None)
    assert error.user_message == message


@pytest.mark.parametrize(
    "message",
    [
        "Phone number +918000000002 in add_phones is already present in different customer",
        "Phone number +918000000002 in add_phones is already present in different customer ...",
        "Phone number +918000000002 in add_phones is already present in different customer "
        "(lead 12)",
    ],
)
def test_add_phones_conflict_matches_by_prefix_and_extracts_the_phone(message: str) -> None:
    error = rejection(400, message)
    assert error.field == "add_phones"
    assert error.phone == "+918000000002"


@pytest.mark.parametrize(
    "message",
    [
        "Lead stage not found",  # a different text, not a different spelling
        "Something else entirely",
        "Phone number in add_phones is already present in different customer",  # no phone
    ],
)
def test_unknown_messages_name_no_field(message: str) -> None:
    error = rejection(400, message)
    assert error.field is None
    assert error.phone is None
    assert error.message == message


def test_surrounding_whitespace_is_ignored_when_matching() -> None:
    assert rejection(404, "  Lead group name not found\n").field == "lead_group_name"


def test_auth_error_message_is_the_same_for_every_401_text() -> None:
    other = AuthError("UnAuthorized, Please Provide API Key")
    assert other.user_message == AuthError().user_message
    assert "API key" in AuthError().user_message


def test_malformed_api_key_is_an_auth_error_and_a_value_error() -> None:
    error = MalformedAPIKey()
    assert isinstance(error, AuthError)
    assert isinstance(error, ValueError)
    assert str(error) == error.user_message
    assert "Settings" in error.user_message


def test_rate_limited_says_when() -> None:
    assert "Retrying in 2 s" in RateLimited(2.0).user_message
    assert "Retrying" not in RateLimited(None).user_message
    assert RateLimited(None).retriable


@pytest.mark.parametrize(("status", "possibly_received"), [(500, True), (502, True), (503, False)])
def test_server_error_possibly_received(status: int, possibly_received: bool) -> None:
    error = ServerError(status, "Failed to save")
    assert error.possibly_received is possibly_received
    assert f"HTTP {status}" in str(error)
    assert "Failed to save" in str(error)


def test_unexpected_status_is_a_server_error_with_plain_words() -> None:
    redirect = UnexpectedStatus(302)
    assert isinstance(redirect, ServerError)
    assert "redirect" in str(redirect)
    assert str(redirect) == redirect.user_message
    teapot = UnexpectedStatus(418, "I'm a teapot")
    assert "HTTP 418" in str(teapot)
    assert "teapot" in teapot.user_message


def test_possibly_received_defaults() -> None:
    # Answers that say the server did nothing.
    assert rejection(400, "Customer not found.").possibly_received is False
    assert AuthError().possibly_received is False
    assert RateLimited(1).possibly_received is False
    # An answer arrived, but could not be read: the request may have been acted on.
    assert MalformedResponse("x").possibly_received is True
    assert TLSError("certificate not trusted").possibly_received is False
    assert NetworkError("x", possibly_received=True).possibly_received is True


def test_every_error_is_a_superfone_error() -> None:
    for name in dir(errors):
        value = getattr(errors, name)
        if (
            isinstance(value, type)
            and issubclass(value, Exception)
            and value.__module__ == (errors.__name__)
        ):
            assert issubclass(value, SuperfoneError), name


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("Invalid phone number", "customer_phone"),  # no full stop
        ("lead stage name not found", "lead_stage_name"),  # case
        ("  Lead  group name not found.  ", "lead_group_name"),  # spaces, extra stop
        ("CUSTOMER NOT FOUND", "create_customer_if_customer_phone_not_found"),
        ("Assignee user not found..", "assignee_user_phone"),
        ("phone number +918000000009 in add_phones is already present in different customer",
         "add_phones"),
        ("city must be a string; Lead stage name not found", "lead_stage_name"),  # joined list
    ],
)
def test_message_matching_tolerates_case_spaces_and_full_stops(message: str, field: str) -> None:
    assert rejection(400, message).field == field
