"""Every way a Superfone call can fail, as exceptions the app can act on.

Widgets never look at status codes or message text: they catch one of these classes,
and ``FieldRejected.field`` names the form field (the API field name) the server
objected to. ``SERVER_MESSAGE_FIELDS`` is the one table that maps server messages to
fields (CONTRACT.md §2.6).

No exception here ever carries the API key: messages are built from the server's
message, the status and the URL path, never from request headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from superfone_desk.translatable import F_, N_, as_message

# What the user reads, marked for translation (core.i18n). Templates stay at module
# level: a text stored as English (an entry's last_error) is recognised by them.
KEY_REFUSED = N_("Superfone did not accept the API key. Check it in Settings.")
KEY_MALFORMED = N_(
    "The API key is empty or contains characters an API key cannot have "
    "(spaces or line breaks inside it?). Check it in Settings."
)
RATE_LIMITED = N_("Superfone is limiting requests right now.")
RATE_LIMITED_RETRY = N_("Superfone is limiting requests right now. Retrying in {seconds} s.")
SERVER_PROBLEM = N_("Superfone had a problem (HTTP {status}).")
SERVER_PROBLEM_SAID = N_("Superfone had a problem (HTTP {status}): {message}.")
REDIRECTED = N_(
    "Superfone answered with a redirect (HTTP {status}), which the app does not "
    "follow. Check the server address in Settings."
)
UNEXPECTED = N_("Superfone gave an answer the app does not expect (HTTP {status}).")
UNEXPECTED_SAID = N_(
    "Superfone gave an answer the app does not expect (HTTP {status}): {message}."
)
UNREADABLE = N_("Superfone sent a response the app cannot read ({detail}).")


class SuperfoneError(Exception):
    """Base of all API failures. ``user_message`` is safe to show as-is."""

    #: Whether sending the same request again later may succeed.
    retriable: bool = False

    #: Whether the server may have acted on the request although the call failed. False
    #: for answers that say it did nothing (401, 400/404 rejections, 429: CONTRACT U5);
    #: ``NetworkError``, ``ServerError`` and ``MalformedResponse`` set it per case.
    possibly_received: bool = False

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class InsecureURLError(SuperfoneError, ValueError):
    """The base URL would send the key in clear text (plain http to a remote host)."""


class NetworkError(SuperfoneError):
    """No HTTP response arrived.

    ``possibly_received`` is True when the request may have reached the server before
    the failure (it was sent, then the connection dropped or the read timed out). A
    request with a timeline note must then not be blindly re-sent (CONTRACT §11, U3).
    """

    retriable = True

    def __init__(self, user_message: str, *, possibly_received: bool) -> None:
        super().__init__(user_message)
        self.possibly_received = possibly_received


class RequestTimeout(NetworkError):
    """Connecting or reading took longer than the client's timeout."""


class TLSError(NetworkError):
    """The server's certificate is not trusted; we never fall back to unverified."""

    retriable = False

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message, possibly_received=False)


class AuthError(SuperfoneError):
    """HTTP 401: the API key is missing or invalid. Any 401 counts (CONTRACT U23)."""

    def __init__(self, server_message: str | None = None) -> None:
        super().__init__(KEY_REFUSED)
        self.server_message = server_message


class MalformedAPIKey(AuthError, ValueError):
    """The key is empty or holds characters no HTTP header can carry (checked locally).

    Raised by the client's constructor, before anything is sent.
    """

    def __init__(self) -> None:
        super().__init__(None)
        self.user_message = KEY_MALFORMED
        self.args = (self.user_message,)


@dataclass(frozen=True, slots=True)
class _Rejection:
    field: str | None
    phone: str | None = None


class FieldRejected(SuperfoneError):
    """Any 4xx but 401/408/429: the server refused the input; never re-sent as it is.

    ``field`` is the API field name it concerns (``customer_phone``, ``add_phones``,
    ``lead_stage_name``, ...) or None when the message names no field. ``phone`` is
    the phone pulled out of the ``add_phones`` conflict message.
    """

    def __init__(
        self, status: int, message: str, field: str | None, phone: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.phone = phone


class RateLimited(SuperfoneError):
    """HTTP 429. ``retry_after`` is in seconds, when the server said."""

    retriable = True

    def __init__(self, retry_after: float | None) -> None:
        super().__init__(
            RATE_LIMITED
            if retry_after is None
            else F_(RATE_LIMITED_RETRY, seconds=f"{retry_after:g}")
        )
        self.retry_after = retry_after


class ServerError(SuperfoneError):
    """HTTP 5xx, or a status the contract does not know.

    502 and 504 come from gateways that may have passed the request on, so the
    outcome is unknown: ``possibly_received`` says so, as on ``NetworkError``.
    """

    retriable = True

    def __init__(self, status: int, server_message: str | None = None) -> None:
        super().__init__(
            F_(SERVER_PROBLEM_SAID, status=status, message=server_message)
            if server_message
            else F_(SERVER_PROBLEM, status=status)
        )
        self.status = status
        self.server_message = server_message
        self.possibly_received = status != 503


class UnexpectedStatus(ServerError):
    """A status the contract never uses (3xx, 403, 418, 499, ...).

    Redirects are never followed: following one would send the API key to whatever
    host the ``Location`` names, so a 3xx lands here too.
    """

    def __init__(self, status: int, server_message: str | None = None) -> None:
        super().__init__(status, server_message)
        if 300 <= status < 400:
            text = F_(REDIRECTED, status=status)
        elif server_message:
            text = F_(UNEXPECTED_SAID, status=status, message=server_message)
        else:
            text = F_(UNEXPECTED, status=status)
        self.user_message = text
        self.args = (text,)


class MalformedResponse(SuperfoneError):
    """The response was not the JSON the contract promises (HTML, empty, wrong shape).

    An answer arrived, so the request may well have been acted on.
    """

    retriable = True
    possibly_received = True

    def __init__(self, detail: str) -> None:
        # ``detail`` is one of our texts (marked where it is written): translated too.
        super().__init__(F_(UNREADABLE, detail=as_message(detail)))
        self.detail = detail


# ------------------------------------------------------------ message -> field table

#: CONTRACT §2.6, exact messages. ``customer_phone`` stands for both the primary phone
#: and "Invalid phone number." (which does not say which phone; the app validates
#: phones before sending, so a server-side one is almost always the primary).
SERVER_MESSAGE_FIELDS: dict[str, str | None] = {
    "Customer phone is required to identify the record to update": "customer_phone",
    "Invalid phone number.": "customer_phone",
    "Customer not found.": "create_customer_if_customer_phone_not_found",
    "Customer phone exists in multiple contact": "customer_phone",
    "add_labels and remove_labels cannot be used in the same request": "add_labels",
    "Assignee user's phone is invalid": "assignee_user_phone",
    "Assignee user not found": "assignee_user_phone",
    "Assignee user is not part of your team": "assignee_user_phone",
    "Lead stage name not found": "lead_stage_name",
    "Multiple lead stages found with this name. Provide unique": "lead_stage_name",
    "Lead group name not found": "lead_group_name",
    "Multiple lead groups found with this name. Provide unique": "lead_group_name",
}

# CONTRACT U6: the docs cut this message off with "...", so match its stable parts only.
_ADD_PHONES_CONFLICT = re.compile(
    r"(?i)^Phone number (?P<phone>\S+) in add_phones is already present in different customer"
)


def _normal(message: str) -> str:
    """Case, surrounding whitespace, inner runs of spaces and a final full stop
    don't matter: "customer not found" and "Customer not found." are one message."""
    return " ".join(message.split()).rstrip(".").strip().casefold()


_NORMAL_FIELDS: dict[str, str | None] = {
    _normal(message): field for message, field in SERVER_MESSAGE_FIELDS.items()
}


def field_for_message(message: str) -> _Rejection:
    """The form field a server message concerns (None when it names none).

    Tolerant of case, whitespace and a missing or extra full stop. A joined list
    message ("a; b", from a NestJS-style body) is matched part by part.
    """
    for part in (message, *message.split("; ")):
        normal = _normal(part)
        if normal in _NORMAL_FIELDS:
            return _Rejection(_NORMAL_FIELDS[normal])
        match = _ADD_PHONES_CONFLICT.match(" ".join(part.split()))
        if match:
            return _Rejection("add_phones", match.group("phone"))
    return _Rejection(None)


def rejection(status: int, message: str) -> FieldRejected:
    found = field_for_message(message)
    return FieldRejected(status, message, found.field, found.phone)
