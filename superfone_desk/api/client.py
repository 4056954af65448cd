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

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any

import httpx

import superfone_desk
from superfone_desk.api import transport
from superfone_desk.api.catalogs import (
    CATALOG_DEFAULT_PAGE_SIZE,
    FETCH_ATTEMPTS,
    FETCH_WORKERS,
    MAX_CATALOG_PAGES,
    CatalogRows,
    fetch_catalog,
)
from superfone_desk.api.errors import (
    FieldRejected,
    MalformedAPIKey,
    MalformedResponse,
)
from superfone_desk.api.failures import (
    MAX_RETRY_AFTER,
    WEB_PAGE,
    CutOff,
    Reply,
    failure,
    success_data,
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
from superfone_desk.api.transport import DEFAULT_DEADLINE, build_http_client
from superfone_desk.api.urls import (
    DEFAULT_BASE_URL,
    check_base_url,
    invalid,
    is_loopback,
    needs_https,
    plain_http,
    with_credentials,
)
from superfone_desk.translatable import F_, N_

__all__ = [
    "CATALOG_DEFAULT_PAGE_SIZE",
    "DEFAULT_BASE_URL",
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "FETCH_ATTEMPTS",
    "FETCH_WORKERS",
    "MAX_BODY_BYTES",
    "MAX_CATALOG_PAGES",
    "MAX_RETRY_AFTER",
    "TASK_PAGE_SIZE_MAX",
    "USER_AGENT",
    "CatalogRows",
    "SuperfoneClient",
]

_log = logging.getLogger(__name__)

#: CONTRACT U31. ``pool`` bounds the wait for a free connection when threads share one.
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
USER_AGENT = f"SuperfoneDesk/{superfone_desk.__version__} (+python-httpx/{httpx.__version__})"

#: No answer of this API comes near this; a bigger body is a wrong server or an attack.
MAX_BODY_BYTES = 5 * 1024 * 1024
#: MalformedResponse's detail when the body passes it (a template: core.i18n.recognise).
TOO_BIG = N_("the answer is larger than {megabytes} MB")
#: CONTRACT §4.4: List Tasks refuses larger pages.
TASK_PAGE_SIZE_MAX = 20

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
        raise invalid() from exc
    scheme = url.scheme.lower()
    if scheme not in ("http", "https") or not _HOST.fullmatch(url.raw_host):
        raise needs_https()
    if url.userinfo or url.query or url.fragment:
        raise with_credentials()
    if scheme == "http" and not is_loopback(url.host):
        raise plain_http(url.host)
    return str(url).rstrip("/")


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
        deadline: float | None = DEFAULT_DEADLINE,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        self._base_url = _check_base_url(base_url)
        self._api_key = _check_api_key(api_key)
        self._headers = {
            "x-api-key": self._api_key,
            "user-agent": USER_AGENT,
            "accept": "application/json",
        }
        self._timeout: httpx.Timeout | None = timeout
        self._deadline = deadline
        self._sleep = sleep
        self._owns_http = http is None
        if http is None:
            # Only https needs a CA store; plain http is allowed to loopback only.
            plain_http = self._base_url.lower().startswith("http://")
            context = (
                transport.loopback_ssl_context()
                if plain_http
                else transport.verifying_ssl_context()
            )
            self._http = build_http_client(self._base_url, timeout or DEFAULT_TIMEOUT, context)
        else:
            self._http = http
        self._lock = threading.Lock()

    # -- life cycle

    @property
    def base_url(self) -> str:
        return self._base_url

    def close(self) -> None:
        """Close the ``httpx.Client`` this object built (an injected one is left open)."""
        if self._owns_http:
            self._http.close()

    def abort(self) -> None:
        """End this client's requests in flight now and refuse new ones (at quit).

        Each fails as a broken connection would: an unknown outcome, which delivery and
        the next start's recovery handle (``transport.abort_requests``). An injected
        ``httpx.Client`` is left alone.
        """
        if self._owns_http:
            transport.abort_requests(self._http)

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
        self._call("POST", "/enterprise/api/lead", body=payload.to_json(), data_optional=True)

    def get_lead(self, phone: str) -> Lead | None:
        """The lead holding ``phone`` (primary or secondary), or None when none is known.

        Advisory (issue #11): the docs say how a lead comes back, not how "no lead" does
        (404, or 400 "Customer not found." to mirror the upsert, CONTRACT U7), so any
        refusal (4xx other than 401/408/429) means "no lead known", whatever its text or
        shape. The upsert's own documented errors then decide. Raises for 401, 429, 5xx,
        an unreadable answer or a transport failure: then nothing is known.
        """
        try:
            data = self._call("GET", "/enterprise/api/lead", params={"phone": phone})
        except FieldRejected as exc:
            _log.debug("Get Lead answered HTTP %d: taken as no lead", exc.status)
            return None
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

    def fetch_all(self, catalog: Catalog, *, text: str | None = None) -> CatalogRows:
        """Every row of a catalog, in the server's order, each id once.

        Checked against the server's ``total_items`` (``api.catalogs``): when rows are
        still missing after a few reads, the list comes back with ``complete`` False and
        ``summary`` "118 of 120 loaded", never silently short.
        """

        def read(page: int, page_size: int) -> Page[CatalogItem]:
            return self.list_catalog(catalog, text=text, page=page, page_size=page_size)

        return fetch_catalog(read, self._sleep, catalog.path)

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
        data_optional: bool = False,
    ) -> Any:
        """Send one request; the ``data`` of its success envelope, or a typed error.

        ``data_optional``: a write whose answer carries nothing we need (the upsert).
        """
        reply = self._exchange(method, path, params=params, body=body)
        if not 200 <= reply.status <= 299:
            raise failure(reply, self._scrub)
        if method != "GET" and data_optional:
            # Any 2xx is "applied" (201, 204, another message): re-sending it would apply
            # it again. Only a web page is not the API (a catch-all site at a mistyped
            # address): that must not count as saved.
            if reply.body.lstrip()[:1] == b"<":
                raise MalformedResponse(WEB_PAGE)
            return None
        return success_data(reply)

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None,
        body: Mapping[str, Any] | None,
    ) -> Reply:
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
        # One deadline for the whole exchange (connect, send, headers, body): per-read
        # timeouts alone let a server trickling a byte every 10 s hold it forever.
        with transport.deadline(self._deadline):
            try:
                # follow_redirects=False per request, whatever an injected client says:
                # httpx strips only Authorization on a cross-host redirect, not x-api-key.
                response = self._http.send(request, stream=True, follow_redirects=False)
            except httpx.HTTPError as exc:
                _log.debug("%s %s failed: %s", method, path, type(exc).__name__)
                raise failure(exc, self._scrub) from exc
            try:
                content = _read_capped(response)
            except httpx.HTTPError as exc:
                _log.debug("%s %s cut off: %s", method, path, type(exc).__name__)
                raise failure(CutOff(exc), self._scrub) from exc
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
        return Reply(response.status_code, response.headers, content)

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
        if transport.past_deadline():  # an injected client has no deadline of its own
            raise httpx.ReadTimeout("the request's overall deadline passed")
    return b"".join(chunks)


def _too_big() -> str:
    return F_(TOO_BIG, megabytes=MAX_BODY_BYTES // (1024 * 1024))
