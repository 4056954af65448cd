"""The HTTP client of the Superfone Enterprise API (CONTRACT.md). No Qt.

``SuperfoneClient`` turns each endpoint into one blocking method and every failure into
one of the typed errors of ``superfone_desk.api.errors``; callers never see an httpx
exception or a status code. It is thread-safe (it shares one ``httpx.Client``), so the
app's worker threads may use one instance, and ``fetch_all`` pages through a catalog with
a few threads of its own.

The API key:

* goes out only in the ``x-api-key`` header, set on each request (so it is sent also
  through an injected ``httpx.Client``), and only over https, or plain http to loopback;
* never appears in an exception message, in ``repr()`` or in a log record: errors are
  built from statuses, URL paths and server messages (with the key scrubbed out of the
  latter, in case a server echoes it), never from request headers.

What httpx and httpcore log (checked against httpx 0.28 / httpcore 1.0): httpx logs one
INFO line per request with the method, the full URL (query included, so phones) and the
status; never headers. httpcore's DEBUG trace logs ``request=<Request [b'GET']>`` (the
repr shows the method only) and the *response* headers, never the request headers. This
module logs at DEBUG the method, the URL path without its query, the status and the time.
``tests/integration/test_api_client_sandbox.py`` checks, with both loggers at DEBUG,
that no record holds the key.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Any, TypeVar

import httpx

import superfone_desk
from superfone_desk.api.errors import (
    AuthError,
    FieldRejected,
    InsecureURLError,
    MalformedAPIKey,
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
from superfone_desk.api.models import (
    Catalog,
    CatalogItem,
    Lead,
    LeadUpsert,
    Page,
    Task,
    TaskCreate,
)
from superfone_desk.api.urls import DEFAULT_BASE_URL, check_base_url, is_loopback

__all__ = [
    "CATALOG_DEFAULT_PAGE_SIZE",
    "CATALOG_PAGE_SIZE",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "MAX_BODY_BYTES",
    "MAX_CATALOG_PAGES",
    "MAX_RETRY_AFTER",
    "TASK_PAGE_SIZE_MAX",
    "USER_AGENT",
    "SuperfoneClient",
]

_log = logging.getLogger(__name__)

T = TypeVar("T")

#: CONTRACT U31. ``pool`` bounds the wait for a free connection when threads share one.
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
USER_AGENT = f"SuperfoneDesk/{superfone_desk.__version__} (+python-httpx/{httpx.__version__})"

#: No answer of this API comes near this; a bigger body is a wrong server or an attack.
MAX_BODY_BYTES = 5 * 1024 * 1024
#: The page size ``fetch_all`` asks for first (the sandbox's maximum, CONTRACT U10)...
CATALOG_PAGE_SIZE = 100
#: ...and the documented default it falls back to if the server refuses that.
CATALOG_DEFAULT_PAGE_SIZE = 50
#: More pages than this is a broken server (200,000 rows at 100 a page), not a catalog.
MAX_CATALOG_PAGES = 2000
#: Threads ``fetch_all`` uses for pages 2..n. Few, so we stay polite to the server.
FETCH_WORKERS = 6
#: How often ``fetch_all`` starts over when the catalog changes while it reads it.
FETCH_ATTEMPTS = 3
#: CONTRACT §4.4: List Tasks refuses larger pages.
TASK_PAGE_SIZE_MAX = 20
#: The longest Retry-After honoured (seconds); longer values are cut to this.
MAX_RETRY_AFTER = 24 * 60 * 60.0
#: Server messages are shown to people; nobody reads more than this.
_MAX_MESSAGE_CHARS = 1000

#: A host name (IDNA-encoded by httpx), an IPv4 or an IPv6 address; httpx lets a space
#: through as "%20", which no host has.
_HOST = re.compile(rb"[A-Za-z0-9._:-]+")


# ---------------------------------------------------------------------- validation


def _check_base_url(base_url: str) -> str:
    """The base URL without a trailing slash, or InsecureURLError.

    ``api.urls.check_base_url`` (what the Settings dialog runs, without httpx) decides;
    the same rules are then checked again on httpx's own reading of the URL, the one the
    requests will go to, so a difference between the two parsers can only refuse more.
    """
    check_base_url(base_url)
    try:
        url = httpx.URL(base_url.strip())
    except (httpx.InvalidURL, TypeError) as exc:
        raise InsecureURLError(
            f"The server address is not a valid URL. It should look like {DEFAULT_BASE_URL}."
        ) from exc
    scheme = url.scheme.lower()
    if scheme not in ("http", "https") or not _HOST.fullmatch(url.raw_host):
        raise InsecureURLError(
            f"The server address must start with https:// and name a host, like {DEFAULT_BASE_URL}."
        )
    if url.userinfo or url.query or url.fragment:
        raise InsecureURLError(
            "The server address must not contain a user name, a password, '?' or '#'."
        )
    if scheme == "http" and not is_loopback(url.host):
        raise InsecureURLError(
            f"Refusing plain http:// to {url.host}: the API key would travel unencrypted. "
            "Use https://."
        )
    return str(url).rstrip("/")


@functools.cache
def _verifying_ssl_context() -> ssl.SSLContext:
    """What ``verify=True`` gives (certificates and host names checked), built once.

    Loading the CA bundle takes ~0.1 s, so every client of the process shares one
    context (SSLContext is safe to share between connections and threads).
    """
    context = httpx.create_ssl_context(verify=True)
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise RuntimeError("httpx built an SSL context that does not verify")  # never
    return context


@functools.cache
def _loopback_ssl_context() -> ssl.SSLContext:
    """The context of a client whose base URL is plain http to loopback (demo, tests).

    Its requests never use TLS, so the ~0.1 s of loading the CA bundle is skipped. It
    still verifies (certificates required, host names checked) but trusts no CA at all:
    should anything ever go over https with it, the handshake fails, never unverified.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise RuntimeError("ssl built a client context that does not verify")  # never
    return context


def _check_api_key(api_key: str) -> str:
    # Pasted keys often carry a trailing newline; anything else unusual is refused here,
    # because h11 would otherwise raise an error whose text quotes the header value.
    key = api_key.strip() if isinstance(api_key, str) else ""
    if not key or not all("\x21" <= ch <= "\x7e" for ch in key):
        raise MalformedAPIKey()
    return key


def _check_page(page: int, page_size: int, *, max_size: int | None = None) -> None:
    for name, value in (("page", page), ("page_size", page_size)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if max_size is not None and page_size > max_size:
        raise ValueError(f"page_size must not be greater than {max_size}, got {page_size}")


def _lead_path(lead_id: int, suffix: str) -> str:
    if isinstance(lead_id, bool) or not isinstance(lead_id, int) or lead_id < 1:
        raise ValueError(f"lead_id must be a positive integer, got {lead_id!r}")
    return f"/enterprise/api/lead/{lead_id}{suffix}"


# ------------------------------------------------------------------ error mapping


@dataclass(frozen=True, slots=True)
class _Reply:
    """A complete HTTP answer: status, headers and the whole (size-capped) body."""

    status: int
    headers: httpx.Headers
    body: bytes


@dataclass(frozen=True, slots=True)
class _CutOff:
    """The connection broke after the status line arrived: the httpx error it raised."""

    cause: httpx.HTTPError


def _failure(
    cause: httpx.HTTPError | _CutOff | _Reply, scrub: Callable[[str], str]
) -> SuperfoneError:
    """The one mapping from what went wrong to the typed error the app sees.

    ``cause`` is an httpx exception raised before any answer arrived, a ``_CutOff`` (the
    answer began, then the connection broke) or a complete answer that is no success.
    ``scrub`` removes the API key from any text the server sent.
    """
    if isinstance(cause, _Reply):
        return _status_failure(cause, scrub)
    if isinstance(cause, _CutOff):
        # The status line arrived, so the server received the request and answered.
        exc = cause.cause
        if isinstance(exc, httpx.TimeoutException):
            return RequestTimeout(
                "Superfone started to answer, then stopped. The request was received; "
                "check the result before sending it again.",
                possibly_received=True,
            )
        if isinstance(exc, httpx.DecodingError):
            return MalformedResponse("its compressed body is corrupt")
        if isinstance(exc, httpx.RemoteProtocolError):
            return MalformedResponse("the answer was cut off before its end")
        return NetworkError(
            "The connection dropped while Superfone was answering. The request was "
            "received; check the result before sending it again.",
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
            "Could not connect to Superfone in time. Check the internet connection.",
            possibly_received=False,
        )
    if isinstance(exc, httpx.PoolTimeout):
        return RequestTimeout(
            "The app waited too long for a free connection to Superfone. Try again.",
            possibly_received=False,
        )
    if isinstance(exc, httpx.WriteTimeout):
        return RequestTimeout(
            "Sending to Superfone took too long and was stopped before it finished. "
            "Nothing was saved; try again.",
            possibly_received=False,
        )
    if isinstance(exc, httpx.ReadTimeout):
        return RequestTimeout(
            "Superfone did not answer in time. The request may have been received; "
            "check the result before sending it again.",
            possibly_received=True,
        )
    if isinstance(exc, httpx.TimeoutException):  # future subclasses: assume the worst
        return RequestTimeout("Superfone did not answer in time.", possibly_received=True)
    if isinstance(exc, httpx.ConnectError):
        tls = _tls_cause(exc)
        if isinstance(tls, ssl.SSLCertVerificationError):
            return TLSError(
                "Could not connect securely to Superfone (certificate not trusted). If your "
                "network inspects HTTPS traffic, ask your IT person to make its certificate "
                "trusted; the app never connects without checking."
            )
        if tls is not None:
            return TLSError(
                "Could not set up a secure connection to Superfone (the TLS handshake failed)."
            )
        return NetworkError(
            "Could not reach Superfone. Check the internet connection and the server "
            "address in Settings.",
            possibly_received=False,
        )
    if isinstance(exc, httpx.WriteError | httpx.LocalProtocolError | httpx.ProxyError):
        return NetworkError(
            "The connection to Superfone failed before the request was sent. Nothing was "
            "saved; try again.",
            possibly_received=False,
        )
    if isinstance(exc, httpx.UnsupportedProtocol):
        return NetworkError(
            "The server address uses a protocol the app cannot speak.", possibly_received=False
        )
    if isinstance(exc, httpx.DecodingError):
        return MalformedResponse("its compressed body is corrupt")
    # ReadError, RemoteProtocolError and anything unknown: the request may be through.
    return NetworkError(
        "The connection to Superfone dropped before it answered. The request may have been "
        "received; check the result before sending it again.",
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


def _status_failure(reply: _Reply, scrub: Callable[[str], str]) -> SuperfoneError:
    status = reply.status
    message = _server_message(reply.body)
    if message is not None:
        message = scrub(message)[:_MAX_MESSAGE_CHARS]
    if status == 401:
        # CONTRACT U23: any 401 is about the key, whatever its text.
        return AuthError(message)
    if status in (400, 404):
        if message is None:
            return MalformedResponse(f"HTTP {status} without an error message")
        return rejection(status, message)
    if status == 429:
        return RateLimited(_retry_after(reply.headers.get("retry-after")))
    if 500 <= status <= 599:
        return ServerError(status, message)
    return UnexpectedStatus(status, message)


def _server_message(body: bytes) -> str | None:
    """The ``message`` of an error body ``{"message": "..."}``, if it has one."""
    try:
        doc = _loads(body)
    except ValueError:
        return None
    if isinstance(doc, dict):
        message = doc.get("message")
        if isinstance(message, str) and message.strip():
            return message
    return None


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (RFC 9110: seconds or an HTTP-date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
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


def _success_data(reply: _Reply) -> Any:
    """The ``data`` of a success envelope ``{"data": ..., "message": "success"}``."""
    body = reply.body.strip()
    if not body:
        raise MalformedResponse("the answer was empty")
    try:
        doc = _loads(body)
    except ValueError:
        if body[:1] == b"<":
            raise MalformedResponse(
                "a web page instead of data; is the server address right?"
            ) from None
        raise MalformedResponse("the answer is not valid JSON") from None
    if not isinstance(doc, dict):
        raise MalformedResponse("the answer is not a JSON object")
    if doc.get("message") != "success":
        raise MalformedResponse("the answer does not say it succeeded")
    if "data" not in doc:
        raise MalformedResponse("the answer has no data")
    return doc["data"]


# ------------------------------------------------------------------------- client


class SuperfoneClient:
    """Blocking, thread-safe client of the Superfone Enterprise API.

    Every method raises only ``SuperfoneError`` subclasses for anything the network or
    the server does, and ``ValueError`` for arguments no request could carry.

    ``http`` injects the ``httpx.Client`` to use (tests pass one with a
    ``MockTransport``); its owner closes it. Then the key and User-Agent still go on
    each request, redirects are still not followed, but its TLS settings are its own.
    Without ``http`` the client builds one (verify on, no redirects, CONTRACT U31
    timeouts) and ``close()`` closes it.
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        http: httpx.Client | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> None:
        self._base_url = _check_base_url(base_url)
        self._api_key = _check_api_key(api_key)
        self._headers = {
            "x-api-key": self._api_key,
            "user-agent": USER_AGENT,
            "accept": "application/json",
        }
        self._timeout: httpx.Timeout | None = timeout
        self._owns_http = http is None
        if http is None:
            # Only https needs the CA bundle; plain http is allowed to loopback only.
            plain_http = self._base_url.lower().startswith("http://")
            self._http = httpx.Client(
                timeout=timeout or DEFAULT_TIMEOUT,
                verify=_loopback_ssl_context() if plain_http else _verifying_ssl_context(),
                follow_redirects=False,
            )
        else:
            self._http = http
        self._lock = threading.Lock()
        self._catalog_page_size = CATALOG_PAGE_SIZE

    # -- life cycle

    @property
    def base_url(self) -> str:
        return self._base_url

    def close(self) -> None:
        """Close the ``httpx.Client`` this object built (an injected one is left open)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> SuperfoneClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SuperfoneClient(base_url={self._base_url!r})"

    # -- leads

    def upsert_lead(self, payload: LeadUpsert) -> None:
        """Create or update the lead whose primary phone is ``payload.customer_phone``.

        Success carries no data (CONTRACT §2.4); call ``get_lead`` for the lead's id.
        """
        self._call("POST", "/enterprise/api/lead", body=payload.to_json())

    def get_lead(self, phone: str) -> Lead | None:
        """The lead holding ``phone`` (primary or secondary), or None when none does.

        Raises ``FieldRejected`` (field ``customer_phone``) when the server refuses the
        phone itself.
        """
        try:
            data = self._call("GET", "/enterprise/api/lead", params={"phone": phone})
        except FieldRejected as exc:
            # CONTRACT U7: not-found may come as 404, or as 400 "Customer not found." to
            # mirror the upsert. Either way it is an answer, not an error.
            if exc.status == 404 or exc.message.strip() == "Customer not found.":
                return None
            if exc.field == "customer_phone":
                raise
            raise FieldRejected(exc.status, exc.message, "customer_phone") from exc
        if data is None:
            # Not in the contract, but "no data" can only mean "no such lead".
            return None
        return Lead.parse(data)

    # -- catalogs

    def list_catalog(
        self,
        catalog: Catalog,
        *,
        text: str | None = None,
        page: int = 1,
        page_size: int = CATALOG_DEFAULT_PAGE_SIZE,
    ) -> Page[CatalogItem]:
        """One page of a catalog; ``text`` filters titles by substring (CONTRACT §1.5)."""
        _check_page(page, page_size)
        params: dict[str, str | int] = {"page": page, "page_size": page_size}
        if text:
            params["text"] = text
        data = self._call("GET", catalog.path, params=params)
        return Page.parse(data, CatalogItem.parse)

    def fetch_all(self, catalog: Catalog, *, text: str | None = None) -> list[CatalogItem]:
        """Every row of a catalog, in the server's order, each id once.

        Page 1 is read first (with 100 rows a page, or 50 if the server refuses 100);
        the other pages are then read in parallel. If the catalog changes while it is
        read (the pages disagree on their totals), the read starts over, up to
        ``FETCH_ATTEMPTS`` times.
        """
        for _attempt in range(FETCH_ATTEMPTS):
            rows = self._fetch_consistent(catalog, text)
            if rows is not None:
                return rows
        raise MalformedResponse("the list kept changing while it was being read; try again later")

    def _fetch_consistent(self, catalog: Catalog, text: str | None) -> list[CatalogItem] | None:
        first, size = self._first_catalog_page(catalog, text)
        total = first.total_pages
        if first.current_page != 1:
            raise MalformedResponse(f"asked for page 1, got page {first.current_page}")
        if total < 0 or total > MAX_CATALOG_PAGES:
            raise MalformedResponse(f"the list claims {total} pages")
        pages = [first]
        if total > 1:
            pages += self._parallel(
                [
                    functools.partial(self.list_catalog, catalog, text=text, page=n, page_size=size)
                    for n in range(2, total + 1)
                ]
            )
        for number, page in enumerate(pages, start=1):
            if page.current_page != number:
                raise MalformedResponse(f"asked for page {number}, got page {page.current_page}")
            if page.total_pages != total or page.total_items != first.total_items:
                _log.info("%s changed while being read; starting over", catalog.path)
                return None
        # Rows shifting between pages can show one row twice; keep its first sighting.
        seen: set[int] = set()
        rows: list[CatalogItem] = []
        for page in pages:
            for row in page.rows:
                if row.id not in seen:
                    seen.add(row.id)
                    rows.append(row)
        return rows

    def _first_catalog_page(
        self, catalog: Catalog, text: str | None
    ) -> tuple[Page[CatalogItem], int]:
        size = self._catalog_page_size
        try:
            return self.list_catalog(catalog, text=text, page=1, page_size=size), size
        except FieldRejected as exc:
            # CONTRACT U10: the maximum page size is not documented. A server that
            # refuses ours gets the documented default from now on.
            if exc.status != 400 or size == CATALOG_DEFAULT_PAGE_SIZE:
                raise
            size = CATALOG_DEFAULT_PAGE_SIZE
            first = self.list_catalog(catalog, text=text, page=1, page_size=size)
            with self._lock:
                self._catalog_page_size = size
            return first, size

    @staticmethod
    def _parallel(calls: list[Callable[[], T]]) -> list[T]:
        """Run ``calls`` on a few threads; results in call order; first error raised."""
        workers = min(FETCH_WORKERS, len(calls))
        with ThreadPoolExecutor(workers, thread_name_prefix="superfone-fetch") as pool:
            futures: list[Future[T]] = [pool.submit(call) for call in calls]
            try:
                return [future.result() for future in futures]
            except BaseException:
                # Don't start pages nobody will use; the `with` waits for running ones.
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    # -- tasks

    def create_task(self, lead_id: int, task: TaskCreate) -> Task:
        """Create a task on the lead (its ``id`` from ``get_lead``)."""
        data = self._call("POST", _lead_path(lead_id, "/task"), body=task.to_json())
        return Task.parse(data)

    def complete_task(self, lead_id: int) -> Task:
        """Close the lead's most recent open task; returns it, now COMPLETE."""
        data = self._call("POST", _lead_path(lead_id, "/task/complete"))
        return Task.parse(data)

    def list_tasks(
        self, lead_id: int, *, page: int = 1, page_size: int = TASK_PAGE_SIZE_MAX
    ) -> Page[Task]:
        """One page of the lead's tasks, newest first."""
        _check_page(page, page_size, max_size=TASK_PAGE_SIZE_MAX)
        params: dict[str, str | int] = {"page": page, "page_size": page_size}
        data = self._call("GET", _lead_path(lead_id, "/task"), params=params)
        return Page.parse(data, Task.parse)

    # -- transport

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> Any:
        """Send one request; the ``data`` of its success envelope, or a typed error."""
        reply = self._exchange(method, path, params=params, body=body)
        if not 200 <= reply.status <= 299:
            raise _failure(reply, self._scrub)
        # Any 2xx with a proper envelope is a success: the contract says 200, and a
        # server answering 201 to a create means the same.
        return _success_data(reply)

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None,
        body: Mapping[str, Any] | None,
    ) -> _Reply:
        headers = dict(self._headers)
        content: bytes | None = None
        if body is not None:
            # allow_nan=False: a NaN would be invalid JSON (LeadUpsert refuses it first).
            content = json.dumps(body, allow_nan=False, ensure_ascii=False).encode()
            headers["content-type"] = "application/json"
        request = self._http.build_request(
            method,
            self._base_url + path,
            params=params,
            content=content,
            headers=headers,
            timeout=self._timeout if self._timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )
        started = time.monotonic()
        try:
            # follow_redirects=False per request, whatever an injected client says:
            # httpx strips only Authorization on a cross-host redirect, not x-api-key.
            response = self._http.send(request, stream=True, follow_redirects=False)
        except httpx.HTTPError as exc:
            _log.debug("%s %s failed: %s", method, path, type(exc).__name__)
            raise _failure(exc, self._scrub) from exc
        try:
            content = _read_capped(response)
        except httpx.HTTPError as exc:
            _log.debug("%s %s cut off: %s", method, path, type(exc).__name__)
            raise _failure(_CutOff(exc), self._scrub) from exc
        finally:
            response.close()
        _log.debug(
            "%s %s -> %d (%d bytes, %.0f ms)",
            method,
            path,
            response.status_code,
            len(content),
            (time.monotonic() - started) * 1000,
        )
        return _Reply(response.status_code, response.headers, content)

    def _scrub(self, text: str) -> str:
        return text.replace(self._api_key, "[API key]")


def _read_capped(response: httpx.Response) -> bytes:
    """The whole body, or MalformedResponse once it passes ``MAX_BODY_BYTES``.

    The cap applies to the decoded bytes, so a small gzip bomb is stopped too.
    """
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise MalformedResponse(_too_big())
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise MalformedResponse(_too_big())
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big() -> str:
    return f"the answer is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB"
