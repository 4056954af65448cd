"""Load: 8 workers and 10,000 upserts against the sandbox, and an outbox backlog drained
by the delivery engine: every request served right, every lead delivered exactly once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, Outbox

KEY = "load-key"
WORKERS = 8
UPSERTS = 10_000
BACKLOG = 2_000

pytestmark = pytest.mark.slow


@pytest.fixture
def empty_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(api_keys=(KEY,), seed="empty") as server:
        server.account(KEY).add_label("Hot")
        server.account(KEY).add_stage("New Lead", position=1)
        yield server


def phone(n: int) -> str:
    return f"+9170{n:08d}"


def test_ten_thousand_upserts_from_eight_workers(empty_sandbox: SandboxServer) -> None:
    failures: list[BaseException] = []
    lock = threading.Lock()

    def work(worker: int) -> None:
        with SuperfoneClient(KEY, empty_sandbox.base_url) as client:
            for n in range(worker, UPSERTS, WORKERS):
                try:
                    client.upsert_lead(
                        LeadUpsert(
                            phone(n),
                            create_customer_if_customer_phone_not_found=True,
                            first_name=f"Lead {n}",
                            deal_value=float(n),
                            add_labels=("Hot",),
                            lead_stage_name="New Lead",
                        )
                    )
                except BaseException as exc:  # collected and asserted below
                    with lock:
                        failures.append(exc)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(work, range(WORKERS)))
    assert failures == []
    leads = empty_sandbox.snapshot(KEY)["leads"]
    assert len(leads) == UPSERTS
    by_phone = {lead["phone_numbers"][0]: lead for lead in leads}
    assert len(by_phone) == UPSERTS
    for n in (0, 1, 4_999, UPSERTS - 1):
        lead = by_phone[phone(n)]
        assert lead["first_name"] == f"Lead {n}"
        assert lead["deal_value"] == n
        assert lead["label_titles"] == ["Hot"]
        assert lead["lead_stage"]["title"] == "New Lead"


def test_outbox_backlog_delivered_exactly_once(
    empty_sandbox: SandboxServer, tmp_path: Path
) -> None:
    outbox = Outbox.open(tmp_path / "outbox.sqlite3")
    try:
        for n in range(BACKLOG):
            outbox.add(
                LeadDraft(
                    customer_phone=phone(n),
                    first_name=f"Queued {n}",
                    lead_stage=Choice.set("New Lead"),
                    customer_note=f"note {n}",
                ),
                "IN",
                known_exists=False,
            )
        # Two saves of one phone must land in order: the second name wins.
        outbox.add(LeadDraft(customer_phone=phone(0), first_name="Renamed"), "IN")
        with SuperfoneClient(KEY, empty_sandbox.base_url) as client:
            Deliverer(outbox, lambda: client, senders=4).drain()
        counts = outbox.counts()
        assert counts[EntryState.SENT] == BACKLOG + 1
        assert outbox.unsent_count() == 0
    finally:
        outbox.close()
    leads = {lead["phone_numbers"][0]: lead for lead in empty_sandbox.snapshot(KEY)["leads"]}
    assert len(leads) == BACKLOG
    assert leads[phone(0)]["first_name"] == "Renamed"
    for n in range(1, BACKLOG):
        lead = leads[phone(n)]
        assert lead["first_name"] == f"Queued {n}"
        assert [note["text"] for note in lead["notes"]] == [f"note {n}"]
