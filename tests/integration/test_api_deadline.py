"""Every request has an overall deadline (issue #12.5), over real loopback sockets.

A server that trickles one byte every 10 s never trips a per-read timeout; the client's
deadline ends the request anyway, as an *unknown* outcome, and later leads go out.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from superfone_desk.api import transport
from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.errors import RequestTimeout
from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.draft import LeadDraft
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, NoteStatus, Outbox
from tests.helpers.clock import Clock, Waits
from tests.integration.conftest import TEST_KEY
from tests.integration.test_delivery_sandbox import got, make_deliverer, notes

DEADLINE = 1.0
ANIL = "+919845012345"


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[SuperfoneClient]:
    with SuperfoneClient(TEST_KEY, sandbox.base_url, deadline=DEADLINE) as api:
        yield api


def test_the_deadline_rides_on_the_client_it_builds(client: SuperfoneClient) -> None:
    # httpx has no public hook for a pool's network backend: this pins the private one.
    pool = client._http._transport._pool  # type: ignore[attr-defined]
    assert isinstance(pool._network_backend, transport._DeadlineBackend)


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_trickling_answer_ends_at_the_deadline_as_an_unknown_outcome(
    sandbox: SandboxServer, client: SuperfoneClient, method: str
) -> None:
    sandbox.faults.queue("trickle:10", match=f"{method} /enterprise/api/lead")
    started = time.monotonic()
    call = {
        "POST": lambda: client.upsert_lead(LeadUpsert(customer_phone=ANIL, city="Trickle")),
        "GET": lambda: client.get_lead(ANIL),
    }[method]
    with pytest.raises(RequestTimeout) as info:
        call()
    took = time.monotonic() - started
    assert DEADLINE <= took < DEADLINE + 2  # not 10 s per byte, not forever
    assert info.value.possibly_received  # the server got it: never assume it did not
    assert client.get_lead(ANIL) is not None  # the next request is not held up


@pytest.fixture
def slow_headers() -> Iterator[str]:
    """A server that sends its status line one byte a second (headers never finish)."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        with contextlib.suppress(OSError):
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                for byte in b"HTTP/1.1 200 OK\r\n":
                    if stop.wait(1.0):
                        return
                    conn.sendall(bytes([byte]))

    thread = threading.Thread(target=serve, name="slow-headers", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/superfone"
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=10)


def test_headers_trickling_in_end_at_the_deadline_too(slow_headers: str) -> None:
    with SuperfoneClient("k", slow_headers, deadline=DEADLINE) as api:
        started = time.monotonic()
        with pytest.raises(RequestTimeout) as info:
            api.upsert_lead(LeadUpsert(customer_phone=ANIL))
        assert time.monotonic() - started < DEADLINE + 2
    assert info.value.possibly_received


def test_an_injected_client_gets_the_deadline_between_chunks(sandbox: SandboxServer) -> None:
    sandbox.faults.queue("trickle:1", match="GET /enterprise/api/lead")
    with httpx.Client(timeout=httpx.Timeout(30.0)) as http:
        api = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http, deadline=DEADLINE)
        started = time.monotonic()
        with pytest.raises(RequestTimeout):
            api.get_lead(ANIL)
        assert time.monotonic() - started < DEADLINE + 2


def test_a_stuck_lead_does_not_hold_up_the_next_ones(
    sandbox: SandboxServer, client: SuperfoneClient, tmp_path: Path
) -> None:
    clock = Clock()
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=clock) as outbox:
        stuck = outbox.add(
            LeadDraft(customer_phone="+918000000001", first_name="Asha", customer_note="n1"),
            "IN",
            known_exists=False,
        )
        later = [
            outbox.add(LeadDraft(customer_phone=f"+91800000001{n}", customer_note=f"m{n}"), "IN")
            for n in range(3)
        ]
        sandbox.faults.queue("trickle:10", match="POST /enterprise/api/lead")
        deliverer = make_deliverer(outbox, lambda: client, clock, Waits(clock))
        started = time.monotonic()
        deliverer.drain()
        assert time.monotonic() - started < DEADLINE + 5
        assert all(got(outbox, entry_id).state is EntryState.SENT for entry_id in later)
        assert [notes(sandbox, f"+91800000001{n}") for n in range(3)] == [["m0"], ["m1"], ["m2"]]
        entry = got(outbox, stuck)
        # Its main request (no note) had an unknown outcome and was simply sent again;
        # the note then went once.
        assert (entry.state, entry.note_status) == (EntryState.SENT, NoteStatus.SENT)
        assert notes(sandbox, "+918000000001") == ["n1"]
