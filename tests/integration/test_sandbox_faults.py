"""Fault injection as an httpx client sees it, plus the /__sandbox__ control endpoint."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from superfone_desk.sandbox import FaultPlan, SandboxServer

TEST_KEY = "test-key"
LEAD = "/enterprise/api/lead"
LABELS = "/enterprise/api/label"
NEW = {"customer_phone": "+918000000001", "create_customer_if_customer_phone_not_found": True,
       "customer_note": "hello"}  # fmt: skip


def created(sandbox: SandboxServer) -> bool:
    return bool(sandbox.account(TEST_KEY).find_leads("+918000000001"))


def notes(sandbox: SandboxServer) -> int:
    leads = sandbox.account(TEST_KEY).find_leads("+918000000001")
    return len(leads[0].notes) if leads else 0


@pytest.mark.parametrize(("status", "message"), [
    (500, "Internal server error"), (502, "Bad gateway"), (503, "Service unavailable"),
    (504, "Gateway timeout"),
])  # fmt: skip
def test_status_fault_does_not_process(
    client: httpx.Client, sandbox: SandboxServer, status: int, message: str
) -> None:
    sandbox.faults.queue(f"status:{status}")
    response = client.post(LEAD, json=NEW)
    assert (response.status_code, response.json()) == (status, {"message": message})
    assert not created(sandbox)
    assert client.post(LEAD, json=NEW).status_code == 200  # one-shot
    assert created(sandbox)


def test_drop_closes_without_answer_and_does_not_process(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.queue("drop")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(LEAD, json=NEW)
    assert not created(sandbox)
    assert client.post(LEAD, json=NEW).status_code == 200  # the client reconnects
    assert sandbox.request_log[-2:] == [
        ("POST", "/superfone/enterprise/api/lead", 0),
        ("POST", "/superfone/enterprise/api/lead", 200),
    ]


def test_drop_after_apply_changes_state_but_gives_no_answer(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.queue("drop_after_apply")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(LEAD, json=NEW)
    assert created(sandbox)
    assert notes(sandbox) == 1
    assert client.post(LEAD, json=NEW).status_code == 200
    assert notes(sandbox) == 2  # a blind retry duplicates the note (CONTRACT §11)


def test_retry_after(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("retry_after:2", "rate_limit")
    first = client.get(LABELS)
    assert (first.status_code, first.json()) == (429, {"message": "Too many requests"})
    assert first.headers["retry-after"] == "2"
    second = client.get(LABELS)
    assert (second.status_code, second.headers["retry-after"]) == (429, "1")
    assert client.get(LABELS).status_code == 200


@pytest.mark.parametrize(("token", "status"), [("html", 502), ("html:200", 200)])
def test_html_page(
    client: httpx.Client, sandbox: SandboxServer, token: str, status: int
) -> None:
    sandbox.faults.queue(token)
    response = client.post(LEAD, json=NEW)
    assert response.status_code == status
    assert response.headers["content-type"] == "text/html"
    assert response.text.startswith("<html>")
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert not created(sandbox)


def test_empty_body_after_processing(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("empty")
    response = client.post(LEAD, json=NEW)
    assert (response.status_code, response.content) == (200, b"")
    assert created(sandbox)


def test_truncated_json(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("truncated")
    response = client.get(LABELS)
    assert response.status_code == 200
    assert response.text
    assert response.text.startswith('{"data": {"rows": [')
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_cut_body_is_a_protocol_error(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("cut")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post(LEAD, json=NEW)
    assert created(sandbox)


def test_wrong_shape(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("wrong_shape")
    response = client.get(LABELS)
    assert response.json() == {"data": "unexpected", "message": "success"}


def test_latency_token_makes_the_client_time_out(sandbox: SandboxServer) -> None:
    sandbox.faults.queue("latency:5000")
    with httpx.Client(base_url=sandbox.base_url, headers={"x-api-key": TEST_KEY},
                      timeout=0.2, verify=False) as http:  # fmt: skip
        with pytest.raises(httpx.ReadTimeout):
            http.get(LABELS)
        assert http.get(LABELS).status_code == 200  # the slow one was used up


def test_global_latency(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.configure(latency_ms=150)
    response = client.get(LABELS)
    assert response.status_code == 200
    assert response.elapsed.total_seconds() >= 0.15


def test_queue_is_fifo_and_filters_match(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("status:503", match="POST /enterprise/api/lead")
    sandbox.faults.queue("status:500@GET /enterprise/api/label", "status:502")
    assert sandbox.faults.pending() == [
        "status:503@POST /enterprise/api/lead", "status:500@GET /enterprise/api/label",
        "status:502",
    ]  # fmt: skip
    assert client.get("/enterprise/api/product").status_code == 502  # first one that matches
    assert client.get(LABELS).status_code == 500
    assert client.get(LABELS).status_code == 200
    assert client.post(LEAD, json=NEW).status_code == 503
    assert client.post(LEAD, json=NEW).status_code == 200
    assert sandbox.faults.pending() == []


def test_random_errors_use_the_given_statuses(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.configure(error_rate=1.0, error_statuses=[502])
    assert {client.get(LABELS).status_code for _ in range(5)} == {502}
    sandbox.faults.reset()
    assert client.get(LABELS).status_code == 200


def test_random_faults_are_deterministic_per_seed() -> None:
    def run() -> list[int]:
        plan = FaultPlan(error_rate=0.5, seed=7)
        with SandboxServer(api_keys=["k"], faults=plan) as server, httpx.Client(
            base_url=server.base_url, headers={"x-api-key": "k"}, verify=False
        ) as http:
            return [http.get(LABELS).status_code for _ in range(12)]

    first, second = run(), run()
    assert first == second
    assert 200 in first
    assert any(code >= 500 for code in first)


def test_drop_rate_rate_limit_and_malformed_rates(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    sandbox.faults.configure(drop_rate=1.0)
    with pytest.raises(httpx.RemoteProtocolError):
        client.get(LABELS)
    sandbox.faults.reset()
    sandbox.faults.configure(rate_limit_rate=1.0, retry_after=7)
    response = client.get(LABELS)
    assert (response.status_code, response.headers["retry-after"]) == (429, "7")
    sandbox.faults.reset()
    sandbox.faults.configure(malformed_rate=1.0, malformed_kinds=["wrong_shape"])
    assert client.get(LABELS).json()["data"] == "unexpected"


def test_plan_match_limits_random_faults(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.faults.configure(error_rate=1.0, match="POST /enterprise/api/lead")
    assert client.get(LABELS).status_code == 200
    assert client.post(LEAD, json=NEW).status_code >= 500


def test_faults_come_before_auth(sandbox: SandboxServer) -> None:
    sandbox.faults.queue("status:503")
    with httpx.Client(base_url=sandbox.base_url, verify=False) as http:
        assert http.get(LABELS).status_code == 503
        assert http.get(LABELS).status_code == 401


def test_bad_fault_tokens_are_rejected() -> None:
    plan = FaultPlan()
    for token in ("nope", "status:abc", "status:999", "latency:-1", "html:x", "drop:3"):
        with pytest.raises(ValueError, match="fault"):
            plan.queue(token)
    assert plan.pending() == []


# ---------------------------------------------------------------------- control endpoint
def test_control_state_faults_requests_and_reset(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    with httpx.Client(base_url=sandbox.url + "/__sandbox__", verify=False) as control:
        state = control.get("/state", params={"api_key": TEST_KEY})
        assert state.status_code == 200
        assert len(state.json()["leads"]) == 20
        missing = control.get("/state", params={"api_key": "nope"})
        assert (missing.status_code, missing.json()) == (404, {"message": "Unknown api_key"})

        configured = control.post("/faults", json={"queue": ["status:503"], "latency_ms": 0,
                                                   "error_statuses": [500]})  # fmt: skip
        assert configured.status_code == 200
        assert configured.json()["queue"] == ["status:503"]
        assert control.get("/faults").json()["error_statuses"] == [500]
        assert control.get("/faults").status_code == 200  # control is never faulted
        assert client.get(LABELS).status_code == 503

        bad = control.post("/faults", json={"error_rate": 2})
        assert (bad.status_code, bad.json()) == (
            400, {"message": "error_rate must be a number between 0 and 1"})  # fmt: skip
        unknown = control.post("/faults", json={"explode": True})
        assert unknown.status_code == 400

        assert client.post(LEAD, json=NEW).status_code == 200
        log = control.get("/requests").json()["requests"]
        assert log[-2:] == [
            {"method": "GET", "path": "/superfone/enterprise/api/label", "status": 503,
             "body": None},
            {"method": "POST", "path": "/superfone/enterprise/api/lead", "status": 200,
             "body": NEW},
        ]  # fmt: skip
        control.post("/faults", json={"queue": ["drop"]})
        assert control.post("/faults", json={"reset": True}).json()["queue"] == []

        assert control.post("/reset").json() == {"message": "success"}
        assert not created(sandbox)
        assert control.get("/requests").json() == {"requests": []}
        assert control.get("/nope").status_code == 404


def test_stop_ends_keep_alive_connections_and_slow_requests(sandbox: SandboxServer) -> None:
    with httpx.Client(base_url=sandbox.base_url, headers={"x-api-key": TEST_KEY},
                      verify=False) as http:  # fmt: skip
        assert http.get(LABELS).status_code == 200  # leaves an idle keep-alive connection
        sandbox.stop()
        assert not sandbox.running
        with pytest.raises(httpx.TransportError):
            http.get(LABELS)


def test_snapshot_is_json_serialisable(sandbox: SandboxServer) -> None:
    snapshot: dict[str, Any] = sandbox.snapshot(TEST_KEY)
    assert json.loads(json.dumps(snapshot)) == snapshot
    sunita = next(x for x in snapshot["leads"] if x["first_name"] == "Sunita")
    assert sunita["phone_numbers"] == ["+919820098765", "+912226541234"]
    assert sunita["label_titles"] == ["Warm", "Demo Requested"]
    assert [t["task_status"] for t in sunita["tasks"]] == ["COMPLETE", "PENDING"]
