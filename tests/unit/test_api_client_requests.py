"""What the client sends, where, and what it makes of good answers (httpx.MockTransport)."""

from __future__ import annotations

import json
import logging
import ssl
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import superfone_desk
from superfone_desk.api import client as client_module
from superfone_desk.api.client import (
    DEFAULT_BASE_URL,
    SuperfoneClient,
)
from superfone_desk.api.errors import (
    InsecureURLError,
    MalformedAPIKey,
    ServerError,
    SuperfoneError,
)
from superfone_desk.api.models import (
    AddressUpdate,
    Catalog,
    CatalogItem,
    LeadUpsert,
    TaskCreate,
)
from superfone_desk.api.urls import check_base_url

KEY = "sfk_live_Zq8r7SECRETx93"
BASE = "https://api.test/superfone"
SUCCESS_NULL = {"data": None, "message": "success"}

LEAD = {
    "id": 12345,
    "first_name": "Asha",
    "phones": [
        {"phone": "+918000000001", "customer_id": 12345},
        {"phone": "+918000000002", "customer_id": 12345},
    ],
}
TASK = {
    "id": 4567,
    "customer_id": 12345,
    "title": None,
    "type": "FOLLOW_UP_CALL",
    "due_date": "2026-05-20T15:00:00.000Z",
    "notify_at": "2026-05-20T14:50:00.000Z",
    "task_status": "PENDING",
    "status": "ACTIVE",
    "assignee_user_id": None,
}

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A fake server: answers with ``handler`` and keeps every request."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self._lock:
            self.requests.append(request)
        return self.handler(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], tuple[SuperfoneClient, Recorder]]]:
    opened: list[httpx.Client] = []

    def make(handler: Handler) -> tuple[SuperfoneClient, Recorder]:
        recorder = Recorder(handler)
        http = httpx.Client(transport=httpx.MockTransport(recorder))
        opened.append(http)
        return SuperfoneClient(KEY, BASE, http=http), recorder

    yield make
    for http in opened:
        http.close()


def ok(data: object = None) -> Handler:
    return lambda request: httpx.Response(200, json={"data": data, "message": "success"})


# ------------------------------------------------------------------- construction


@pytest.mark.parametrize(
    "url",
    [
        "http://prod-api.superfone.co.in/superfone",
        "http://example.com",
        "http://10.0.0.5:8080",
        "http://192.168.1.1",
        "http://localhost.evil.test",
        "http://127.0.0.1.evil.test",
        "http://[::2]:80",
        "",
        "prod-api.superfone.co.in/superfone",
        "localhost:8000",
        "ftp://example.com",
        "https://",
        "/superfone",
        "https://user:pass@api.test/superfone",
        "https://api.test/superfone?x=1",
        "https://api.test/superfone#frag",
        "https://exa mple.com",
    ],
)
def test_unsafe_or_broken_base_urls_are_refused(url: str) -> None:
    called = False

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal called
        called = True
        return httpx.Response(200, json=SUCCESS_NULL)

    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as http,
        pytest.raises(InsecureURLError) as info,
    ):
        SuperfoneClient(KEY, url, http=http)
    assert not called
    assert isinstance(info.value, ValueError)
    assert KEY not in str(info.value)
    # The Settings dialog's check (no httpx) refuses it with the same message.
    with pytest.raises(InsecureURLError) as light:
        check_base_url(url)
    assert light.value.user_message == info.value.user_message


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://127.0.0.1:8765/superfone", "127.0.0.1"),
        ("http://127.42.0.9", "127.42.0.9"),
        ("http://localhost:8765", "localhost"),
        ("HTTP://LOCALHOST:8765", "localhost"),
        ("http://[::1]:8765/superfone", "::1"),
        ("https://api.test/superfone/", "api.test"),
        (DEFAULT_BASE_URL, "prod-api.superfone.co.in"),
    ],
)
def test_https_and_loopback_http_are_accepted(url: str, host: str) -> None:
    recorder = Recorder(ok())
    with httpx.Client(transport=httpx.MockTransport(recorder)) as http:
        client = SuperfoneClient(KEY, url, http=http)
        client.upsert_lead(LeadUpsert(customer_phone="+918000000001"))
    assert recorder.last.url.host == host
    assert recorder.last.url.path.endswith("/enterprise/api/lead")
    assert "//enterprise" not in recorder.last.url.path
    assert check_base_url(url).lower() == client.base_url.lower()


@pytest.mark.parametrize(
    "url",
    [
        "http://999.0.0.1",
        "https://[::zz]/superfone",
        "https://api.test:99999/superfone",
        "https://api.test:port/superfone",
        "https://[::1/superfone",
    ],
)
def test_malformed_base_urls_are_refused_by_both_checks(url: str) -> None:
    with pytest.raises(InsecureURLError):
        check_base_url(url)
    with pytest.raises(InsecureURLError):
        SuperfoneClient(KEY, url)


def test_international_host_names_are_accepted_by_both_checks() -> None:
    assert check_base_url("https://bücher.example/superfone/") == "https://bücher.example/superfone"
    with SuperfoneClient(KEY, "https://bücher.example/superfone") as client:
        assert client.base_url == "https://xn--bcher-kva.example/superfone"


def test_plain_http_to_loopback_skips_the_ca_bundle_but_still_verifies(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_bundle() -> ssl.SSLContext:
        raise AssertionError("the CA bundle was loaded for a plain-http client")

    monkeypatch.setattr(client_module.transport, "verifying_ssl_context", no_bundle)
    with SuperfoneClient(KEY, "http://127.0.0.1:8765/superfone") as client:
        context = client._http._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert context.verify_mode == ssl.CERT_REQUIRED
        assert context.check_hostname
        assert context.cert_store_stats()["x509_ca"] == 0  # trusts no one: https fails
    with pytest.raises(AssertionError, match="CA bundle"):
        SuperfoneClient(KEY, "https://api.test/superfone")


@pytest.mark.parametrize("key", ["", "   ", "two words", "line\nbreak", "tab\tkey", "ключ"])
def test_keys_no_header_can_carry_are_refused(key: str) -> None:
    with pytest.raises(MalformedAPIKey) as info:
        SuperfoneClient(key, BASE)
    if key.strip():
        assert key not in str(info.value)


def test_pasted_key_with_a_trailing_newline_is_trimmed() -> None:
    recorder = Recorder(ok())
    with httpx.Client(transport=httpx.MockTransport(recorder)) as http:
        client = SuperfoneClient(f"  {KEY}\n", BASE, http=http)
        client.upsert_lead(LeadUpsert(customer_phone="+918000000001"))
    assert recorder.last.headers["x-api-key"] == KEY


def test_repr_and_str_hide_the_key() -> None:
    with SuperfoneClient(KEY, BASE) as client:
        assert KEY not in repr(client)
        assert KEY not in str(client)
        assert BASE in repr(client)


def test_own_client_is_safe_by_construction() -> None:
    client = SuperfoneClient(KEY, BASE)
    http = client._http  # white-box: the settings of the client it built
    assert http.timeout == httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
    assert http.follow_redirects is False
    context = http._transport._pool._ssl_context  # type: ignore[attr-defined]
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    client.close()
    assert http.is_closed


def test_own_client_takes_a_custom_timeout() -> None:
    timeout = httpx.Timeout(2.0)
    with SuperfoneClient(KEY, BASE, timeout=timeout) as client:
        assert client._http.timeout == timeout


def test_injected_client_is_left_open() -> None:
    with httpx.Client(transport=httpx.MockTransport(ok())) as http:
        with SuperfoneClient(KEY, BASE, http=http) as client:
            client.upsert_lead(LeadUpsert(customer_phone="+918000000001"))
        assert not http.is_closed


def test_timeout_given_with_an_injected_client_goes_on_each_request() -> None:
    recorder = Recorder(ok())
    with httpx.Client(transport=httpx.MockTransport(recorder), timeout=99) as http:
        SuperfoneClient(KEY, BASE, http=http, timeout=httpx.Timeout(3.0)).upsert_lead(
            LeadUpsert(customer_phone="+918000000001")
        )
        SuperfoneClient(KEY, BASE, http=http).upsert_lead(
            LeadUpsert(customer_phone="+918000000001")
        )
    first, second = (r.extensions["timeout"] for r in recorder.requests)
    assert first["read"] == 3.0
    assert second["read"] == 99


# ------------------------------------------------------------------------ headers


def test_key_and_user_agent_go_on_every_request(serve: Any) -> None:
    client, recorder = serve(ok())
    client.upsert_lead(LeadUpsert(customer_phone="+918000000001"))
    for request in recorder.requests:
        assert request.headers["x-api-key"] == KEY
        agent = request.headers["user-agent"]
        assert agent.startswith(f"SuperfoneDesk/{superfone_desk.__version__} ")
        assert "httpx" in agent
        assert request.headers["accept"] == "application/json"


def test_our_key_wins_over_an_injected_clients_headers() -> None:
    recorder = Recorder(ok())
    transport = httpx.MockTransport(recorder)
    with httpx.Client(transport=transport, headers={"x-api-key": "other"}) as http:
        SuperfoneClient(KEY, BASE, http=http).upsert_lead(LeadUpsert(customer_phone="+91800"))
    assert recorder.last.headers.get_list("x-api-key") == [KEY]


def test_log_records_never_hold_the_key(serve: Any, caplog: pytest.LogCaptureFixture) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(500, json={"message": f"echo {KEY}"})
        return httpx.Response(200, json=SUCCESS_NULL)

    client, _ = serve(handler)
    with caplog.at_level(logging.DEBUG):
        client.upsert_lead(LeadUpsert(customer_phone="+918000000001"))
        with pytest.raises(ServerError):
            client.get_lead("+918000000001")
    ours = [r for r in caplog.records if r.name == client_module.__name__]
    assert len(ours) == 2
    for record in caplog.records:
        assert KEY not in record.getMessage()
    # Our own lines name the path, not the query (phones are personal data).
    assert all("918000000001" not in r.getMessage() for r in ours)


# -------------------------------------------------------------------------- leads


def test_upsert_sends_the_exact_json(serve: Any) -> None:
    client, recorder = serve(ok())
    payload = LeadUpsert(
        customer_phone="+918000000001",
        first_name="Aśha",
        lead_stage_name=None,
        address=AddressUpdate(text="12 MG Road"),
        add_labels=("Hot",),
    )
    assert client.upsert_lead(payload) is None
    request = recorder.last
    assert (request.method, request.url.path) == ("POST", "/superfone/enterprise/api/lead")
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == payload.to_json()


def test_upsert_success_with_data_is_still_success(serve: Any) -> None:
    client, _ = serve(ok({"id": 1}))
    client.upsert_lead(LeadUpsert(customer_phone="+918000000001"))


def test_get_lead_encodes_the_plus(serve: Any) -> None:
    client, recorder = serve(ok(LEAD))
    lead = client.get_lead("+918000000002")
    assert lead is not None
    assert lead.id == 12345
    assert lead.primary_phone == "+918000000001"
    assert recorder.last.method == "GET"
    assert recorder.last.url.path == "/superfone/enterprise/api/lead"
    assert recorder.last.url.query == b"phone=%2B918000000002"


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "Customer not found."), (404, "Lead not found"), (400, "Customer not found.")],
)
def test_get_lead_not_found_is_none(serve: Any, status: int, message: str) -> None:
    client, _ = serve(lambda r: httpx.Response(status, json={"message": message}))
    assert client.get_lead("+918000000001") is None


def test_get_lead_null_data_is_none(serve: Any) -> None:
    client, _ = serve(ok(None))
    assert client.get_lead("+918000000001") is None


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, {"message": "Invalid phone number."}),
        (400, {"message": "phone is required"}),
        (400, {"message": "Customer not found"}),
        (400, {"message": "Lead not found"}),
        (400, {"statusCode": 400, "message": ["phone must be a phone"], "error": "Bad Request"}),
        (403, {"message": "Forbidden"}),
        (404, "<html>Not Found</html>"),
        (422, {"message": {"phone": "bad"}}),
    ],
)
def test_get_lead_is_advisory_any_refusal_means_no_lead_known(
    serve: Any, status: int, body: object
) -> None:
    # Issue #11: the lookup never blocks a save; the upsert's own errors decide.
    if isinstance(body, str):
        client, _ = serve(lambda r: httpx.Response(status, text=body))
    else:
        client, _ = serve(lambda r: httpx.Response(status, json=body))
    assert client.get_lead("+918000000001") is None


@pytest.mark.parametrize("status", [401, 429, 500, 502, 503])
def test_get_lead_raises_when_nothing_is_known(serve: Any, status: int) -> None:
    client, _ = serve(lambda r: httpx.Response(status, json={"message": "no"}))
    with pytest.raises(SuperfoneError):
        client.get_lead("+918000000001")


# -------------------------------------------------------------------------- tasks


def test_create_task(serve: Any) -> None:
    client, recorder = serve(ok(TASK))
    task = client.create_task(
        12345, TaskCreate(type="FOLLOW_UP_CALL", due_date="2026-05-20T15:00:00Z")
    )
    assert task.id == 4567
    assert recorder.last.method == "POST"
    assert recorder.last.url.path == "/superfone/enterprise/api/lead/12345/task"
    assert json.loads(recorder.last.content) == {
        "type": "FOLLOW_UP_CALL",
        "due_date": "2026-05-20T15:00:00Z",
    }


def test_complete_task_sends_no_body(serve: Any) -> None:
    client, recorder = serve(ok(dict(TASK, task_status="COMPLETE", status="COMPLETE")))
    task = client.complete_task(12345)
    assert task.task_status == "COMPLETE"
    assert recorder.last.method == "POST"
    assert recorder.last.url.path == "/superfone/enterprise/api/lead/12345/task/complete"
    assert recorder.last.content == b""
    assert "content-type" not in recorder.last.headers


def test_list_tasks(serve: Any) -> None:
    page = {"rows": [TASK], "total_pages": 3, "current_page": 2, "page_size": 5, "total_items": 11}
    client, recorder = serve(ok(page))
    result = client.list_tasks(12345, page=2, page_size=5)
    assert [t.id for t in result.rows] == [4567]
    assert (result.total_pages, result.current_page, result.total_items) == (3, 2, 11)
    assert recorder.last.url.path == "/superfone/enterprise/api/lead/12345/task"
    assert dict(recorder.last.url.params) == {"page": "2", "page_size": "5"}


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.list_tasks(1, page_size=21),
        lambda c: c.list_tasks(1, page=0),
        lambda c: c.list_tasks(0),
        lambda c: c.list_tasks(True),
        lambda c: c.complete_task(-4),
        lambda c: c.create_task("12", TaskCreate(type="REMINDER", due_date="x")),
        lambda c: c.list_catalog(Catalog.LABELS, page=0),
        lambda c: c.list_catalog(Catalog.LABELS, page_size=0),
    ],
)
def test_arguments_no_request_could_carry_raise_value_error(serve: Any, call: Any) -> None:
    client, recorder = serve(ok())
    with pytest.raises(ValueError):  # noqa: PT011 - the messages vary per argument
        call(client)
    assert recorder.requests == []


# ----------------------------------------------------------------------- catalogs


def catalog_server(
    total: int,
    *,
    max_size: int = 100,
    title: Callable[[int], str] = lambda i: f"Label {i}",
    barrier: threading.Barrier | None = None,
) -> Handler:
    """A catalog of ``total`` rows with ids 1..total, paged like the contract says."""

    def handler(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        page, size = int(params.get("page", "1")), int(params.get("page_size", "50"))
        if size > max_size:
            return httpx.Response(400, json={"message": f"page_size must not be > {max_size}"})
        if barrier is not None and page > 1:
            barrier.wait()
        ids = [i for i in range(1, total + 1) if params.get("text", "") in title(i).lower()]
        rows = [{"id": i, "title": title(i)} for i in ids[(page - 1) * size : page * size]]
        pages = -(-len(ids) // size)
        data = {
            "rows": rows,
            "total_pages": pages,
            "current_page": page,
            "page_size": size,
            "total_items": len(ids),
        }
        return httpx.Response(200, json={"data": data, "message": "success"})

    return handler


def test_list_catalog_sends_paging_and_text(serve: Any) -> None:
    client, recorder = serve(catalog_server(120))
    page = client.list_catalog(Catalog.LABELS, text="label 1", page=2, page_size=10)
    assert recorder.last.url.path == "/superfone/enterprise/api/label"
    assert dict(recorder.last.url.params) == {"page": "2", "page_size": "10", "text": "label 1"}
    assert page.current_page == 2
    assert all(isinstance(row, CatalogItem) for row in page.rows)


def test_list_catalog_without_text_sends_none(serve: Any) -> None:
    client, recorder = serve(catalog_server(3))
    assert [r.title for r in client.list_catalog(Catalog.GROUPS).rows] == [
        "Label 1",
        "Label 2",
        "Label 3",
    ]
    assert dict(recorder.last.url.params) == {"page": "1", "page_size": "50"}
