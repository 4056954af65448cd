"""Every way a call can fail, through httpx.MockTransport, and the typed error it becomes."""

from __future__ import annotations

import json
import ssl
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from superfone_desk.api.client import MAX_BODY_BYTES, MAX_RETRY_AFTER, SuperfoneClient
from superfone_desk.api.errors import (
    AuthError,
    FieldRejected,
    MalformedResponse,
    NetworkError,
    RateLimited,
    RequestTimeout,
    ServerError,
    SuperfoneError,
    TLSError,
    UnexpectedStatus,
)
from superfone_desk.api.models import Catalog, LeadUpsert, TaskCreate

KEY = "sfk_live_Zq8r7SECRETx93"
BASE = "https://api.test/superfone"

Handler = Callable[[httpx.Request], httpx.Response]
Call = Callable[[SuperfoneClient], object]

# One call of each endpoint, so each failure is checked on all of them where it matters.
CALLS: dict[str, Call] = {
    "upsert_lead": lambda c: c.upsert_lead(LeadUpsert(customer_phone="+918000000001")),
    "get_lead": lambda c: c.get_lead("+918000000001"),
    "list_catalog": lambda c: c.list_catalog(Catalog.LABELS),
    "fetch_all": lambda c: c.fetch_all(Catalog.STAGES),
    "create_task": lambda c: c.create_task(
        7, TaskCreate(type="REMINDER", due_date="2030-01-01T00:00:00Z")
    ),
    "complete_task": lambda c: c.complete_task(7),
    "list_tasks": lambda c: c.list_tasks(7),
}


@pytest.fixture
def call_with() -> Iterator[Callable[[Handler, Call], SuperfoneError]]:
    """Run ``call`` on a client whose server is ``handler``; return the error raised."""
    opened: list[httpx.Client] = []

    def run(handler: Handler, call: Call) -> SuperfoneError:
        http = httpx.Client(transport=httpx.MockTransport(handler))
        opened.append(http)
        client = SuperfoneClient(KEY, BASE, http=http)
        with pytest.raises(SuperfoneError) as info:
            call(client)
        assert_key_absent(info.value)
        return info.value

    yield run
    for http in opened:
        http.close()


def assert_key_absent(error: BaseException) -> None:
    """Neither the error nor anything it chains to shows the key in text."""
    seen: BaseException | None = error
    while seen is not None:
        for text in (str(seen), repr(seen), *(str(a) for a in seen.args)):
            assert KEY not in text
        if isinstance(seen, SuperfoneError):
            assert KEY not in seen.user_message
        seen = seen.__cause__ or seen.__context__


def answer(status: int, body: object = None, **kwargs: Any) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(body, bytes | str):
            return httpx.Response(status, content=body, **kwargs)
        return httpx.Response(status, json=body, **kwargs)

    return handler


def raising(exc: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


# ----------------------------------------------------------------------------- 401


@pytest.mark.parametrize("name", list(CALLS))
@pytest.mark.parametrize(
    "body",
    [
        {"message": "UnAuthorized, Please Provide Valid API Key"},
        {"message": "UnAuthorized, Please Provide API Key"},
        b"",
        b"<html>401</html>",
    ],
)
def test_any_401_is_an_auth_error(call_with: Any, name: str, body: object) -> None:
    error = call_with(answer(401, body), CALLS[name])
    assert type(error) is AuthError
    assert not error.retriable


def test_auth_error_keeps_the_server_text() -> None:
    http = httpx.Client(transport=httpx.MockTransport(answer(401, {"message": "Key revoked"})))
    with http, pytest.raises(AuthError) as info:
        SuperfoneClient(KEY, BASE, http=http).list_catalog(Catalog.LABELS)
    assert info.value.server_message == "Key revoked"


# ------------------------------------------------------------------------- 400/404


@pytest.mark.parametrize(
    ("status", "message", "field"),
    [
        (400, "Customer not found.", "create_customer_if_customer_phone_not_found"),
        (400, "Invalid phone number.", "customer_phone"),
        (404, "Lead stage name not found", "lead_stage_name"),
        (404, "Assignee user not found", "assignee_user_phone"),
        (400, "Multiple lead groups found with this name. Provide unique", "lead_group_name"),
    ],
)
def test_upsert_rejections_name_the_field(
    call_with: Any, status: int, message: str, field: str
) -> None:
    error = call_with(answer(status, {"message": message}), CALLS["upsert_lead"])
    assert isinstance(error, FieldRejected)
    assert (error.status, error.message, error.field) == (status, message, field)
    assert not error.possibly_received


def test_add_phones_conflict_carries_the_phone(call_with: Any) -> None:
    message = "Phone number +918000000009 in add_phones is already present in different customer"
    error = call_with(answer(400, {"message": message}), CALLS["upsert_lead"])
    assert isinstance(error, FieldRejected)
    assert (error.field, error.phone) == ("add_phones", "+918000000009")


@pytest.mark.parametrize("name", ["complete_task", "create_task", "list_tasks"])
def test_task_rejections_keep_the_message(call_with: Any, name: str) -> None:
    error = call_with(answer(404, {"message": "Lead not found"}), CALLS[name])
    assert isinstance(error, FieldRejected)
    assert (error.status, error.message, error.field) == (404, "Lead not found", None)


@pytest.mark.parametrize("status", [400, 403, 404, 405, 409, 413, 418, 422, 499])
@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html><body>Not Found</body></html>",
        {"msg": "x"},
        {"message": 5},
        {"message": ""},
        ["message"],
    ],
)
def test_any_4xx_is_a_refusal_even_without_a_readable_message(
    call_with: Any, status: int, body: object
) -> None:
    # Issue #11: the server looked and said no; re-sending can only be refused again.
    error = call_with(answer(status, body), CALLS["upsert_lead"])
    assert type(error) is FieldRejected
    assert error.status == status
    assert not error.retriable
    assert not error.possibly_received
    assert error.message


@pytest.mark.parametrize(
    ("body", "shown", "field"),
    [
        (
            {"statusCode": 400, "message": ["Lead stage name not found"], "error": "Bad Request"},
            "Lead stage name not found",
            "lead_stage_name",
        ),
        (
            {"statusCode": 400, "message": ["city must be a string", "Invalid phone number."]},
            "city must be a string; Invalid phone number.",
            "customer_phone",
        ),
        ({"message": {"city": "too long", "code": 7}}, "too long; 7", None),
        ({"statusCode": 422, "error": "Unprocessable Entity"}, "Unprocessable Entity", None),
    ],
)
def test_a_message_that_is_not_a_string_is_shown_joined(
    call_with: Any, body: object, shown: str, field: str | None
) -> None:
    error = call_with(answer(422, body), CALLS["upsert_lead"])
    assert isinstance(error, FieldRejected)
    assert (error.message, error.field) == (shown, field)


@pytest.mark.parametrize("status", [200, 201, 202, 204])
@pytest.mark.parametrize(
    "body", [b"", b'{"message": "success"}', b'{"message": "Lead updated"}', b"null", b"{}"]
)
def test_any_2xx_to_the_upsert_is_applied(status: int, body: bytes) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer(status, body)(request)

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        client = SuperfoneClient(KEY, BASE, http=http)
        result = client.upsert_lead(LeadUpsert(customer_phone="+918000000001"))  # type: ignore[func-returns-value]
    assert result is None
    assert len(seen) == 1


def test_408_is_retried_as_not_received(call_with: Any) -> None:
    error = call_with(answer(408, {"message": "Request Timeout"}), CALLS["upsert_lead"])
    assert isinstance(error, RequestTimeout)
    assert error.retriable
    assert not error.possibly_received


@pytest.mark.parametrize("digits", [20, 5000])
def test_a_huge_retry_after_is_a_typed_error(call_with: Any, digits: int) -> None:
    error = call_with(answer(429, b"", headers={"Retry-After": "9" * digits}), CALLS["get_lead"])
    assert isinstance(error, RateLimited)
    assert error.retry_after == MAX_RETRY_AFTER


# ----------------------------------------------------------------------------- 429


def http_date(seconds_from_now: float) -> str:
    return format_datetime(datetime.now(UTC) + timedelta(seconds=seconds_from_now), usegmt=True)


@pytest.mark.parametrize(
    ("header", "low", "high"),
    [
        (lambda: "7", 7.0, 7.0),
        (lambda: "0", 0.0, 0.0),
        (lambda: " 120 ", 120.0, 120.0),
        # Dates are made when the test runs, not when it is collected.
        (lambda: http_date(300), 280.0, 301.0),
        (lambda: http_date(-300), 0.0, 0.0),  # a date in the past: retry now
        (lambda: "99999999999999999999999", 86400.0, 86400.0),  # capped at a day
        (lambda: http_date(300).replace("GMT", "-0000"), 280.0, 301.0),
    ],
    ids=["7", "0", "spaces", "date", "past-date", "huge", "date-0000"],
)
def test_rate_limited_reads_retry_after(
    call_with: Any, header: Callable[[], str], low: float, high: float
) -> None:
    handler = answer(429, {"message": "Too many requests"}, headers={"Retry-After": header()})
    error = call_with(handler, CALLS["upsert_lead"])
    assert isinstance(error, RateLimited)
    assert error.retry_after is not None
    assert low <= error.retry_after <= high
    assert error.retriable
    assert not error.possibly_received


@pytest.mark.parametrize("header", [None, "soon", "-5", "1e3", "nan", "", "Mon, 99 Foo 2026"])
def test_rate_limited_without_a_usable_retry_after(call_with: Any, header: str | None) -> None:
    headers = {} if header is None else {"Retry-After": header}
    error = call_with(answer(429, b"", headers=headers), CALLS["list_catalog"])
    assert isinstance(error, RateLimited)
    assert error.retry_after is None


# ----------------------------------------------------------------------------- 5xx


@pytest.mark.parametrize("status", [500, 502, 503, 504, 599])
def test_5xx_is_a_server_error(call_with: Any, status: int) -> None:
    error = call_with(answer(status, {"message": "Failed to save: db down"}), CALLS["get_lead"])
    assert type(error) is ServerError
    assert error.status == status
    assert error.server_message == "Failed to save: db down"
    assert error.retriable


def test_5xx_with_an_html_body(call_with: Any) -> None:
    error = call_with(answer(502, b"<html>Bad Gateway</html>"), CALLS["upsert_lead"])
    assert type(error) is ServerError
    assert error.server_message is None
    assert error.possibly_received


# ----------------------------------------------------------------- other statuses


@pytest.mark.parametrize("status", [100, 301, 302, 303, 307, 308])
def test_other_statuses_are_unexpected(call_with: Any, status: int) -> None:
    headers = {"Location": "https://evil.test/steal"} if 300 <= status < 400 else {}
    error = call_with(answer(status, b"", headers=headers), CALLS["upsert_lead"])
    assert type(error) is UnexpectedStatus
    assert error.status == status
    if 300 <= status < 400:
        assert "redirect" in error.user_message


@pytest.mark.parametrize("follow", [False, True])
def test_redirect_is_not_followed_and_the_key_stays_home(follow: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "api.test":
            return httpx.Response(307, headers={"Location": "https://evil.test/superfone"})
        return httpx.Response(200, json={"data": None, "message": "success"})

    # Even an injected client configured to follow redirects must not follow ours.
    with httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=follow) as http:
        client = SuperfoneClient(KEY, BASE, http=http)
        with pytest.raises(UnexpectedStatus):
            client.upsert_lead(LeadUpsert(customer_phone="+918000000001"))
    assert [r.url.host for r in seen] == ["api.test"]


# ------------------------------------------------------------- malformed successes


MALFORMED_200: dict[str, bytes] = {
    "html": b"<!DOCTYPE html><html><body>Welcome to the hotel Wi-Fi</body></html>",
    "empty": b"",
    "whitespace": b"  \n",
    "truncated": b'{"data": {"rows": [{"id": 1, "ti',
    "array": b"[]",
    "null": b"null",
    "no_message": b'{"data": null}',
    "not_success": b'{"data": null, "message": "error"}',
    "no_data": b'{"message": "success"}',
    "nan": b'{"data": NaN, "message": "success"}',
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "latin1": '{"data": null, "message": "succès"}'.encode("latin-1"),
}


# Any 2xx to the upsert is applied (issue #11), only a web page is not; reads take the
# data whatever the message says.
UNREADABLE = [
    (name, kind)
    for name in CALLS
    for kind in MALFORMED_200
    if (name != "upsert_lead" or kind == "html") and kind not in ("no_message", "not_success")
]


@pytest.mark.parametrize(("name", "kind"), UNREADABLE)
def test_unreadable_success_is_malformed(call_with: Any, name: str, kind: str) -> None:
    error = call_with(answer(200, MALFORMED_200[kind]), CALLS[name])
    assert type(error) is MalformedResponse
    assert error.possibly_received


def test_html_says_it_is_a_web_page(call_with: Any) -> None:
    error = call_with(answer(200, MALFORMED_200["html"]), CALLS["get_lead"])
    assert "web page" in error.user_message


def success(data: object) -> bytes:
    return json.dumps({"data": data, "message": "success"}).encode()


PAGE = {"total_pages": 1, "current_page": 1, "page_size": 50, "total_items": 1}
WRONG_SHAPES: list[tuple[str, bytes]] = [
    ("list_catalog", success("rows")),
    ("list_catalog", success({k: v for k, v in PAGE.items()})),  # rows missing
    ("list_catalog", success(dict(PAGE, rows=[{"id": "1", "title": "Hot"}]))),
    ("list_catalog", success(dict(PAGE, rows=[{"id": 1, "title": "Hot"}], total_pages="1"))),
    ("fetch_all", success(dict(PAGE, rows=[{"id": 1}]))),
    ("fetch_all", success(None)),
    ("get_lead", success("lead")),
    ("get_lead", success({"id": "12", "phones": [{"phone": "+918000000001"}]})),
    ("get_lead", success({"id": 12, "phones": []})),
    ("create_task", success(None)),
    ("create_task", success({"id": 1})),
    ("complete_task", success([])),
    ("list_tasks", success(dict(PAGE, rows=[{"id": 1}]))),
]


@pytest.mark.parametrize(("name", "body"), WRONG_SHAPES)
def test_success_of_the_wrong_shape_is_malformed(call_with: Any, name: str, body: bytes) -> None:
    error = call_with(answer(200, body), CALLS[name])
    assert type(error) is MalformedResponse


# ------------------------------------------------------------------------ body size


def test_ten_megabyte_body_is_refused(call_with: Any) -> None:
    body = b'{"data": null, "message": "success", "pad": "' + b"x" * (10 * 1024 * 1024) + b'"}'
    error = call_with(answer(200, body), CALLS["upsert_lead"])
    assert type(error) is MalformedResponse
    assert "5 MB" in str(error)


def test_streamed_body_stops_being_read_past_the_cap(call_with: Any) -> None:
    produced = 0

    def endless() -> Iterator[bytes]:
        nonlocal produced
        while True:
            produced += 1
            yield b"x" * (1024 * 1024)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=endless())

    error = call_with(handler, CALLS["list_catalog"])
    assert type(error) is MalformedResponse
    assert produced <= MAX_BODY_BYTES // (1024 * 1024) + 1


def test_declared_oversize_body_is_refused_before_reading(call_with: Any) -> None:
    read = False

    def body() -> Iterator[bytes]:
        nonlocal read
        read = True
        yield b"{}"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body(), headers={"Content-Length": str(6 << 20)})

    error = call_with(handler, CALLS["get_lead"])
    assert type(error) is MalformedResponse
    assert not read


def test_body_just_under_the_cap_is_read() -> None:
    pad = MAX_BODY_BYTES - 100
    body = b'{"data": null, "message": "success", "p": "' + b"x" * pad + b'"}'
    assert len(body) <= MAX_BODY_BYTES
    with httpx.Client(transport=httpx.MockTransport(answer(200, body))) as http:
        SuperfoneClient(KEY, BASE, http=http).upsert_lead(LeadUpsert(customer_phone="+91800"))


# ------------------------------------------------------------------ transport errors


def cert_error() -> httpx.ConnectError:
    # What httpx raises: ConnectError from httpcore.ConnectError from the ssl error.
    inner = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] self-signed")
    try:
        try:
            raise inner
        except ssl.SSLError as exc:
            raise OSError("httpcore.ConnectError") from exc
    except OSError as exc:
        outer = httpx.ConnectError(str(inner))
        outer.__cause__ = exc
        return outer


def handshake_error() -> httpx.ConnectError:
    outer = httpx.ConnectError("[SSL: WRONG_VERSION_NUMBER] wrong version number")
    outer.__cause__ = ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number")
    return outer


@pytest.mark.parametrize(
    ("exc", "kind", "possibly_received"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), NetworkError, False),
        (httpx.ConnectError("[Errno -2] Name or service not known"), NetworkError, False),
        (httpx.ConnectTimeout("timed out"), RequestTimeout, False),
        (httpx.PoolTimeout("timed out"), RequestTimeout, False),
        # The request did not get out whole, so the server cannot have acted on it.
        (httpx.WriteTimeout("timed out"), RequestTimeout, False),
        (httpx.WriteError("[Errno 32] Broken pipe"), NetworkError, False),
        # The whole request went out; the answer was lost.
        (httpx.ReadTimeout("timed out"), RequestTimeout, True),
        (httpx.ReadError("[Errno 104] Connection reset by peer"), NetworkError, True),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            NetworkError,
            True,
        ),
        (httpx.ProxyError("407 Proxy Authentication Required"), NetworkError, False),
    ],
)
@pytest.mark.parametrize("name", ["upsert_lead", "get_lead", "complete_task"])
def test_transport_errors(
    call_with: Any,
    name: str,
    exc: Exception,
    kind: type[NetworkError],
    possibly_received: bool,
) -> None:
    error = call_with(raising(exc), CALLS[name])
    assert type(error) is kind
    assert isinstance(error, NetworkError)
    assert error.possibly_received is possibly_received
    assert error.__cause__ is exc


def test_untrusted_certificate_is_a_tls_error(call_with: Any) -> None:
    error = call_with(raising(cert_error()), CALLS["upsert_lead"])
    assert type(error) is TLSError
    assert "certificate not trusted" in error.user_message
    assert not error.retriable
    assert not error.possibly_received


def test_failed_handshake_is_a_tls_error(call_with: Any) -> None:
    error = call_with(raising(handshake_error()), CALLS["list_catalog"])
    assert type(error) is TLSError
    assert "certificate" not in error.user_message


def cut_after(first: bytes, exc: Exception) -> Handler:
    def body() -> Iterator[bytes]:
        yield first
        raise exc

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body())

    return handler


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (httpx.ReadTimeout("timed out"), RequestTimeout),
        (httpx.ReadError("reset"), NetworkError),
        (
            httpx.RemoteProtocolError("peer closed connection without sending complete body"),
            MalformedResponse,
        ),
        (httpx.DecodingError("bad gzip"), MalformedResponse),
    ],
)
def test_answer_cut_off_mid_body(call_with: Any, exc: Exception, kind: type) -> None:
    error = call_with(cut_after(b'{"data": nu', exc), CALLS["upsert_lead"])
    assert type(error) is kind
    # The status line arrived: the server got the request.
    assert error.possibly_received
