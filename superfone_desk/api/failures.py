"""The one mapping from what went wrong on the wire to a typed ``api.errors`` error.

Where the API docs are silent (CONTRACT §12, docs/sandbox.md "Silent points"), this
module assumes the least:

* any 4xx except 401, 408 and 429 is a *refusal* (``FieldRejected``, its field found by
  ``errors.field_for_message`` or None for the banner): the server looked at the request
  and said no, so re-sending the same bytes can only be refused again;
* an error body's ``message`` may be a string, a list (NestJS validation errors) or an
  object; whatever it is, it is shown joined and readable;
* any 2xx is "applied" (``reply_applied``); only reads need a body (``success_data``).
"""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from superfone_desk.api.errors import (
    AuthError,
    MalformedResponse,
    NetworkError,
    RateLimited,
    RequestTimeout,
    ServerError,
    SuperfoneError,
    TLSError,
    UnexpectedStatus,
    rejection,
)
from superfone_desk.translatable import F_, N_

__all__ = [
    "MAX_RETRY_AFTER",
    "WEB_PAGE",
    "CutOff",
    "Reply",
    "failure",
    "retry_after_seconds",
    "server_message",
    "success_data",
]

#: The longest Retry-After honoured (seconds); longer values are cut to this.
MAX_RETRY_AFTER = 24 * 60 * 60.0
#: Server messages are shown to people; nobody reads more than this.
MAX_MESSAGE_CHARS = 1000
#: A refusal without a message of its own (a template: see core.i18n.recognise).
REFUSED = N_("Superfone refused the request (HTTP {status}).")
#: A web page where the API's JSON should be (a catch-all site at a mistyped address).
WEB_PAGE = N_("a web page instead of data; is the server address right?")
#: More digits than this in a Retry-After is garbage (int() refuses > 4300 digits).
_MAX_RETRY_AFTER_DIGITS = 12


@dataclass(frozen=True, slots=True)
class Reply:
    """A complete HTTP answer: status, headers and the whole (size-capped) body."""

    status: int
    headers: httpx.Headers
    body: bytes


@dataclass(frozen=True, slots=True)
class CutOff:
    """The connection broke after the status line arrived: the httpx error it raised."""

    cause: httpx.HTTPError


def failure(cause: httpx.HTTPError | CutOff | Reply, scrub: Callable[[str], str]) -> SuperfoneError:
    """The typed error for an httpx exception raised before any answer arrived, a
    ``CutOff`` (the answer began, then the connection broke) or a complete answer that is
    no success. ``scrub`` removes the API key from any text the server sent."""
    if isinstance(cause, Reply):
        return _status_failure(cause, scrub)
    if isinstance(cause, CutOff):
        # The status line arrived, so the server received the request and answered.
        exc = cause.cause
        if isinstance(exc, httpx.TimeoutException):
            return RequestTimeout(
                N_("Superfone started to answer, then stopped. The request was received; "
                   "check the result before sending it again."),
                possibly_received=True,
            )
        if isinstance(exc, httpx.DecodingError):
            return MalformedResponse(N_("its compressed body is corrupt"))
        if isinstance(exc, httpx.RemoteProtocolError):
            return MalformedResponse(N_("the answer was cut off before its end"))
        return NetworkError(
            N_("The connection dropped while Superfone was answering. The request was "
               "received; check the result before sending it again."),
            possibly_received=True,
        )
    return _transport_failure(cause)


def _transport_failure(exc: httpx.HTTPError) -> SuperfoneError:
    # What the server can have done depends on *when* the connection failed:
    # - connecting (ConnectError, ConnectTimeout) or waiting for a pooled connection
    #   (PoolTimeout): nothing was sent;
    # - writing (WriteTimeout, WriteError): the request did not get out whole, and no
    #   server acts on a request it has not fully read (a JSON body must be complete to
    #   parse); a stale keep-alive connection fails this way too;
    # - reading (ReadTimeout, ReadError, RemoteProtocolError "Server disconnected without
    #   sending a response"): the whole request went out, and the server may have acted
    #   on it before the answer was lost. That is the case where a blind retry can
    #   duplicate a timeline note (CONTRACT §11, U3).
    if isinstance(exc, httpx.ConnectTimeout):
        return RequestTimeout(
            N_("Could not connect to Superfone in time. Check the internet connection."),
            possibly_received=False,
        )
    if isinstance(exc, httpx.PoolTimeout):
        return RequestTimeout(
            N_("The app waited too long for a free connection to Superfone. Try again."),
            possibly_received=False,
        )
    if isinstance(exc, httpx.WriteTimeout):
        return RequestTimeout(
            N_("Sending to Superfone took too long and was stopped before it finished. "
               "Nothing was saved; try again."),
            possibly_received=False,
        )
    if isinstance(exc, httpx.ReadTimeout):
        return RequestTimeout(
            N_("Superfone did not answer in time. The request may have been received; "
               "check the result before sending it again."),
            possibly_received=True,
        )
    if isinstance(exc, httpx.TimeoutException):  # future subclasses: assume the worst
        return RequestTimeout(N_("Superfone did not answer in time."), possibly_received=True)
    if isinstance(exc, httpx.ConnectError):
        tls = _tls_cause(exc)
        if isinstance(tls, ssl.SSLCertVerificationError):
            return TLSError(
                N_("Could not connect securely to Superfone (certificate not trusted). If your "
                   "network inspects HTTPS traffic, ask your IT person to make its certificate "
                   "trusted; the app never connects without checking.")
            )
        if tls is not None:
            return TLSError(
                N_("Could not set up a secure connection to Superfone (the TLS handshake failed).")
            )
        return NetworkError(
            N_("Could not reach Superfone. Check the internet connection and the server "
               "address in Settings."),
            possibly_received=False,
        )
    if isinstance(exc, httpx.WriteError | httpx.LocalProtocolError | httpx.ProxyError):
        return NetworkError(
            N_("The connection to Superfone failed before the request was sent. Nothing was "
               "saved; try again."),
            possibly_received=False,
        )
    if isinstance(exc, httpx.UnsupportedProtocol):
        return NetworkError(
            N_("The server address uses a protocol the app cannot speak."), possibly_received=False
        )
    if isinstance(exc, httpx.DecodingError):
        return MalformedResponse(N_("its compressed body is corrupt"))
    # ReadError, RemoteProtocolError and anything unknown: the request may be through.
    return NetworkError(
        N_("The connection to Superfone dropped before it answered. The request may have been "
           "received; check the result before sending it again."),
        possibly_received=True,
    )


def _tls_cause(exc: BaseException) -> ssl.SSLError | None:
    """The ssl error httpx and httpcore wrapped (``raise ... from``), if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _status_failure(reply: Reply, scrub: Callable[[str], str]) -> SuperfoneError:
    status = reply.status
    message = server_message(reply.body)
    if message is not None:
        message = scrub(message)[:MAX_MESSAGE_CHARS]
    if status == 401:
        # CONTRACT U23: any 401 is about the key, whatever its text.
        return AuthError(message)
    if status == 408:
        # The server gave up waiting for the request: it did not act on it.
        return RequestTimeout(
            N_("Superfone gave up waiting for the request (HTTP 408). Nothing was saved; "
               "it is sent again."),
            possibly_received=False,
        )
    if status == 429:
        return RateLimited(retry_after_seconds(reply.headers.get("retry-after")))
    if 400 <= status <= 499:
        # Docs silent on anything but 400/404: a refusal is a refusal (issue #11).
        return rejection(status, message or F_(REFUSED, status=status))
    if 500 <= status <= 599:
        return ServerError(status, message)
    return UnexpectedStatus(status, message)


def server_message(body: bytes) -> str | None:
    """The readable ``message`` of an error body, whatever its shape.

    ``{"message": "..."}`` (the documented shape), ``{"message": ["a", "b"]}`` (NestJS
    validation errors: joined with "; "), ``{"message": {...}}`` (its values joined), or
    ``{"error": "..."}`` when there is no message. None when nothing readable is there.
    """
    try:
        doc = _loads(body)
    except ValueError:
        return None
    if not isinstance(doc, dict):
        return None
    for key in ("message", "error"):
        text = _readable(doc.get(key))
        if text:
            return text
    return None


def _readable(value: object, depth: int = 0) -> str:
    if isinstance(value, str):
        return value.strip()
    if depth > 3:
        return ""
    if isinstance(value, list):
        parts = [_readable(item, depth + 1) for item in value]
    elif isinstance(value, dict):
        parts = [_readable(item, depth + 1) for item in value.values()]
    elif isinstance(value, bool) or value is None:
        return ""
    elif isinstance(value, int | float):
        return str(value)
    else:
        return ""
    return "; ".join(part for part in parts if part)


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (RFC 9110: seconds or an HTTP-date),
    at most ``MAX_RETRY_AFTER``; None when absent or unreadable. Never raises."""
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        if len(value.lstrip("0")) > _MAX_RETRY_AFTER_DIGITS:
            # int() of a 5,000-digit string raises ValueError; it means "very long".
            return MAX_RETRY_AFTER
        seconds = float(int(value))
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:  # "-0000": RFC 5322 "UTC, local zone unknown"
            when = when.replace(tzinfo=UTC)
        seconds = max(0.0, when.timestamp() - time.time())
    # A garbage-sized wait must not park the outbox for years.
    return min(seconds, MAX_RETRY_AFTER)


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not JSON")


def _loads(body: bytes) -> Any:
    try:
        return json.loads(body, parse_constant=_reject_constant)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


def success_data(reply: Reply) -> Any:
    """The ``data`` of a success envelope ``{"data": ..., "message": "success"}``.

    For reads only: they need the data. The ``message`` is not checked (the docs show
    ``"success"``, a server saying ``"OK"`` means the same); ``data`` must be there.
    """
    body = reply.body.strip()
    if not body:
        raise MalformedResponse(N_("the answer was empty"))
    try:
        doc = _loads(body)
    except ValueError:
        if body[:1] == b"<":
            raise MalformedResponse(WEB_PAGE) from None
        raise MalformedResponse(N_("the answer is not valid JSON")) from None
    if not isinstance(doc, dict):
        raise MalformedResponse(N_("the answer is not a JSON object"))
    if "data" not in doc:
        raise MalformedResponse(N_("the answer has no data"))
    return doc["data"]
