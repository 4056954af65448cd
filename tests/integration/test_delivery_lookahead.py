"""Looking phones up ahead of the senders (issue #15, ``delivery.lookahead``), over
loopback HTTP to the sandbox with real latency: a long queue of leads saved without a
lookup costs about one request per lead on the senders, and looking ahead never changes
what is sent (a secondary phone still updates its lead; a failed lookup is the sender's).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.models import Lead, LeadUpsert
from superfone_desk.core.draft import LeadDraft
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, Outbox
from tests.helpers.clock import Clock, Waits
from tests.integration.conftest import TEST_KEY

GET = ("GET", "/superfone/enterprise/api/lead")
POST = ("POST", "/superfone/enterprise/api/lead")


class ThreadsSeen(SuperfoneClient):
    """The sandbox client, noting which thread looked each phone up and which posted it."""

    def __init__(self, base_url: str, http: httpx.Client) -> None:
        super().__init__(TEST_KEY, base_url, http=http)
        self.looked_up: dict[str, int] = {}
        self.lookups: Counter[str] = Counter()
        self.posted: dict[str, int] = {}
        self._lock = threading.Lock()

    def get_lead(self, phone: str) -> Lead | None:
        with self._lock:
            self.looked_up[phone] = threading.get_ident()
            self.lookups[phone] += 1
        return super().get_lead(phone)

    def upsert_lead(self, lead: LeadUpsert) -> None:
        with self._lock:
            self.posted[lead.customer_phone] = threading.get_ident()
        super().upsert_lead(lead)

    def planned_ahead(self) -> int:
        """Phones looked up on another thread than the one that posted them: a
        look-ahead lane's (a sender that plans its own entry does both)."""
        return sum(
            1 for phone, poster in self.posted.items() if self.looked_up.get(phone) not in
            (None, poster)
        )


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "data" / "superfone-desk.sqlite3") as box:
        yield box


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[ThreadsSeen]:
    with httpx.Client(timeout=httpx.Timeout(5.0)) as http:
        yield ThreadsSeen(sandbox.base_url, http)


def deliver(outbox: Outbox, client: SuperfoneClient, senders: int = 4) -> None:
    clock = Clock()
    Deliverer(
        outbox,
        lambda: client,
        clock=clock,
        monotonic=clock.monotonic,
        wait=Waits(clock),
        rng=lambda: 0.5,
        senders=senders,
    ).drain()


def phone(n: int) -> str:
    return f"+9181{n:08d}"


def queue_unlooked(outbox: Outbox, count: int) -> None:
    """Leads saved as an import saves them: no lookup by the form (known_exists None)."""
    for n in range(count):
        outbox.add(LeadDraft(customer_phone=phone(n), first_name=f"Row {n}"), "IN")


def api_requests(sandbox: SandboxServer) -> list[tuple[str, str]]:
    return [(method, path) for method, path, _ in sandbox.request_log]


def leads_with(sandbox: SandboxServer, number: str) -> list[dict[str, object]]:
    return [
        lead
        for lead in sandbox.snapshot(TEST_KEY)["leads"]
        if number in lead["phone_numbers"]
    ]


def test_a_long_queue_is_looked_up_ahead_and_every_lead_created_once(
    sandbox: SandboxServer, outbox: Outbox, client: ThreadsSeen
) -> None:
    rows = 40
    queue_unlooked(outbox, rows)
    sandbox.faults.configure(latency_ms=20)
    sandbox.clear_request_log()

    deliver(outbox, client)

    assert outbox.counts()[EntryState.SENT] == rows
    for n in range(rows):
        (lead,) = leads_with(sandbox, phone(n))
        assert lead["first_name"] == f"Row {n}"
    sent = api_requests(sandbox)
    assert sent.count(POST) == rows  # each lead's upsert once, never re-planned
    # Every phone looked up (the secondary-phone rule); twice only when a sender claimed
    # an entry while a lane was looking it up (the sender then plans it itself).
    assert set(client.lookups) == {phone(n) for n in range(rows)}
    assert max(client.lookups.values()) <= 2
    assert sent.count(GET) == sum(client.lookups.values())
    # The lanes did lookups for the queue: those rows' senders only posted (34-35 of 40
    # here, also with three CPU hogs running; the bound leaves room for a slower machine).
    assert client.planned_ahead() >= rows // 8


def test_a_secondary_phone_planned_ahead_still_updates_its_lead(
    sandbox: SandboxServer, outbox: Outbox, client: ThreadsSeen
) -> None:
    primary, secondary = "+917700000001", "+917700000002"
    sandbox.account(TEST_KEY).add_lead(primary, first_name="Asha", phones=[secondary])
    for n in range(12):  # ahead of it in the queue, so a lane reaches it first
        outbox.add(LeadDraft(customer_phone=phone(n), first_name=f"Row {n}"), "IN")
    outbox.add(LeadDraft(customer_phone=secondary, city="Pune"), "IN")
    sandbox.faults.configure(latency_ms=20)

    deliver(outbox, client)

    assert outbox.counts()[EntryState.SENT] == 13
    (lead,) = leads_with(sandbox, secondary)  # no second lead for the secondary phone
    assert lead["phone_numbers"][0] == primary
    assert (lead["first_name"], lead["city"]) == ("Asha", "Pune")


def test_a_refused_lookup_ends_looking_ahead_and_the_sender_carries_on(
    sandbox: SandboxServer, outbox: Outbox, client: ThreadsSeen
) -> None:
    rows = 16
    queue_unlooked(outbox, rows)
    sandbox.faults.configure(
        latency_ms=10, queue=["status:429@GET /enterprise/api/lead" for _ in range(3)]
    )
    sandbox.clear_request_log()

    deliver(outbox, client)

    assert outbox.counts()[EntryState.SENT] == rows
    for n in range(rows):
        assert len(leads_with(sandbox, phone(n))) == 1
    assert api_requests(sandbox).count(POST) == rows


def test_one_sender_never_looks_ahead(
    sandbox: SandboxServer, outbox: Outbox, client: ThreadsSeen
) -> None:
    queue_unlooked(outbox, 6)
    deliver(outbox, client, senders=1)
    assert outbox.counts()[EntryState.SENT] == 6
    assert client.planned_ahead() == 0
