"""FaultPlan and fault tokens, without a server."""

from __future__ import annotations

import threading

import pytest

from superfone_desk.sandbox import Fault, FaultPlan
from superfone_desk.sandbox.faults import Match, reason


@pytest.mark.parametrize(
    ("token", "kind", "status", "processed"),
    [
        ("ok", "ok", None, True),
        ("status:503", "status", 503, False),
        ("drop", "drop", None, False),
        ("drop_after_apply", "drop_after_apply", None, True),
        ("retry_after:2", "rate_limit", None, False),
        ("rate_limit", "rate_limit", None, False),
        ("html", "html", 502, False),
        ("html:200", "html", 200, False),
        ("empty", "empty", 200, True),
        ("empty:502", "empty", 502, True),
        ("truncated", "truncated", None, True),
        ("cut", "cut", None, True),
        ("wrong_shape", "wrong_shape", None, True),
        (" STATUS:500 ", "status", 500, False),
    ],
)
def test_parse_tokens(token: str, kind: str, status: int | None, processed: bool) -> None:
    fault = Fault.parse(token)
    assert (fault.kind, fault.status, fault.processes_request) == (kind, status, processed)


def test_token_round_trip_and_filters() -> None:
    for token in ("status:503", "retry_after:2", "latency:2000", "html:502", "drop",
                  "drop_after_apply@POST /enterprise/api/lead"):  # fmt: skip
        assert str(Fault.parse(token)) == token
    assert Fault.parse("retry_after:9").retry_after == 9
    assert Fault.parse("latency:250").latency_ms == 250
    with pytest.raises(ValueError, match="filter"):
        Fault.parse("drop@GET /x", match="POST /y")


def test_match() -> None:
    assert Match.parse("POST /enterprise/api/lead").matches("post", "/enterprise/api/lead")
    assert not Match.parse("POST /enterprise/api/lead").matches("GET", "/enterprise/api/lead")
    task = Match.parse("/enterprise/api/lead/*/task")
    assert task.matches("GET", "/enterprise/api/lead/1001/task")
    assert not task.matches("POST", "/enterprise/api/lead/1001/task/complete")
    assert Match.parse("GET").matches("GET", "/anything")


def test_decide_latency_and_ok_tokens() -> None:
    plan = FaultPlan(latency_ms=100)
    plan.queue("latency:400", "ok", "status:500")
    assert plan.decide("GET", "/x").latency_ms == 500
    decision = plan.decide("GET", "/x")
    assert (decision.latency_ms, decision.fault) == (100, None)
    fault = plan.decide("GET", "/x").fault
    assert fault is not None
    assert fault.status == 500
    assert plan.decide("GET", "/x").fault is None


def test_configure_is_all_or_nothing() -> None:
    plan = FaultPlan()
    with pytest.raises(ValueError, match="drop_rate"):
        plan.configure(latency_ms=50, drop_rate=-0.1)
    assert plan.latency_ms == 0
    with pytest.raises(ValueError, match="error_statuses"):
        plan.configure(error_statuses=[200])
    with pytest.raises(ValueError, match="malformed_kinds"):
        plan.configure(malformed_kinds=["gzip"])
    with pytest.raises(ValueError, match="latency_ms"):
        plan.configure(latency_ms=True)
    plan.configure(queue=["drop", "status:502"], error_rate=0.25)
    assert plan.to_json()["queue"] == ["drop", "status:502"]
    assert plan.error_rate == 0.25
    plan.reset()
    assert plan.to_json()["queue"] == []
    assert plan.error_rate == 0.0


def test_random_draws_follow_the_seed() -> None:
    def draws(seed: int) -> list[str | None]:
        plan = FaultPlan(error_rate=0.3, drop_rate=0.2, seed=seed)
        out = []
        for _ in range(50):
            fault = plan.decide("GET", "/x").fault
            out.append(str(fault) if fault else None)
        return out

    assert draws(3) == draws(3)
    assert draws(3) != draws(4)
    assert {None, "drop"} <= set(draws(3))


def test_queue_is_thread_safe() -> None:
    plan = FaultPlan()
    plan.queue(*["status:500"] * 400)
    hits: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        count = sum(plan.decide("GET", "/x").fault is not None for _ in range(100))
        with lock:
            hits.append(count)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(hits) == 400


def test_reason_phrases() -> None:
    assert [reason(s) for s in (500, 502, 503, 429)] == [
        "Internal server error", "Bad gateway", "Service unavailable", "Too many requests",
    ]
