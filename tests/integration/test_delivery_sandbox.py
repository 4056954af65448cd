"""Delivery over loopback HTTP to the real sandbox, with its fault injection.

Backoff waits go through an injected wait that only advances a fake clock, so the
sequences of 5xx, 429 and dropped connections run without sleeping; latency faults are
real (and short).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, NoteStatus, Outbox, OutboxEntry
from tests.helpers.clock import Clock, Waits
from tests.helpers.drafts import CONTRACT_EXAMPLE
from tests.integration.conftest import TEST_KEY

PHONE = "+918000000001"
NOTE = CONTRACT_EXAMPLE.customer_note
EXAMPLE = CONTRACT_EXAMPLE
LEAD = "POST /enterprise/api/lead"



@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def waits(clock: Clock) -> Waits:
    return Waits(clock)


@pytest.fixture
def outbox(tmp_path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "data" / "superfone-desk.sqlite3", clock=clock) as box:
        yield box


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    timeout = httpx.Timeout(5.0)
    with httpx.Client(verify=False, timeout=timeout, follow_redirects=False) as client:
        yield client


def make_deliverer(
    outbox: Outbox,
    client: Callable[[], SuperfoneClient | None],
    clock: Clock,
    waits: Waits,
    senders: int = 1,
) -> Deliverer:
    return Deliverer(
        outbox,
        client,
        clock=clock,
        monotonic=clock.monotonic,
        wait=waits,
        rng=lambda: 0.5,
        senders=senders,
    )


@pytest.fixture
def deliver(
    sandbox: SandboxServer, http: httpx.Client, outbox: Outbox, clock: Clock, waits: Waits
) -> Deliverer:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    return make_deliverer(outbox, lambda: client, clock, waits)


def leads_with(sandbox: SandboxServer, phone: str) -> list[dict[str, Any]]:
    return [lead for lead in sandbox.snapshot(TEST_KEY)["leads"] if phone in lead["phone_numbers"]]


def the_lead(sandbox: SandboxServer, phone: str = PHONE) -> dict[str, Any]:
    found = leads_with(sandbox, phone)
    assert len(found) == 1, f"{len(found)} leads have {phone}"
    return found[0]


def notes(sandbox: SandboxServer, phone: str = PHONE) -> list[str]:
    return [note["text"] for note in the_lead(sandbox, phone)["notes"]]


def got(outbox: Outbox, entry_id: int) -> OutboxEntry:
    entry = outbox.get(entry_id)
    assert entry is not None
    return entry


def assert_example_lead(sandbox: SandboxServer) -> None:
    lead = the_lead(sandbox)
    assert lead["phone_numbers"] == [PHONE, "+918000000002"]
    assert (lead["first_name"], lead["last_name"]) == ("Asha", "Kumar")
    assert lead["email"] == ["asha@example.com"]
    assert (lead["business_name"], lead["city"]) == ("Acme Pvt Ltd", "Bengaluru")
    assert lead["deal_value"] == 50000
    assert (lead["source"], lead["source_type"]) == ("website-form", "OTHERS")
    assert lead["lead_stage"]["title"] == "New Lead"
    assert lead["lead_group"]["title"] == "Inbound"
    assert sorted(lead["label_titles"]) == ["Demo Requested", "Hot"]
    assert lead["products"] == ["Starter Plan"]
    assert lead["assignee_user"]["first_name"] == "Ravi"


# ------------------------------------------------------------------ delivered


def test_a_saved_lead_reaches_the_sandbox_exactly(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer
) -> None:
    entry_id = outbox.add(EXAMPLE, "IN")
    deliver.drain()
    assert_example_lead(sandbox)
    assert notes(sandbox) == [NOTE]
    entry = got(outbox, entry_id)
    assert (entry.state, entry.note_status, entry.created) == (
        EntryState.SENT,
        NoteStatus.SENT,
        True,
    )
    assert entry.result_message == "Created lead +91 80000 00001 — Asha Kumar"
    assert sandbox.request_log == [
        ("GET", "/superfone/enterprise/api/lead", 404),
        ("POST", "/superfone/enterprise/api/lead", 200),
        ("POST", "/superfone/enterprise/api/lead", 200),  # the note, alone and last
    ]


def test_sandbox_down_then_up(
    tmp_path: Path, outbox: Outbox, http: httpx.Client, clock: Clock, waits: Waits
) -> None:
    probe = SandboxServer(api_keys=(TEST_KEY,)).start()
    port = probe.port
    base_url = probe.base_url
    probe.stop()
    client = SuperfoneClient(TEST_KEY, base_url, http=http)
    deliverer = make_deliverer(outbox, lambda: client, clock, waits)
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=False)
    assert deliverer.run_once()
    waiting = got(outbox, entry_id)
    assert waiting.state is EntryState.QUEUED
    assert waiting.last_error is not None
    assert "Could not reach Superfone" in waiting.last_error
    assert waiting.note_status is NoteStatus.PENDING  # nothing was sent: the note stays
    with SandboxServer(api_keys=(TEST_KEY,), port=port) as sandbox:
        deliverer.wake()
        deliverer.drain()
        assert_example_lead(sandbox)
        assert notes(sandbox) == [NOTE]
    assert got(outbox, entry_id).state is EntryState.SENT


def test_503_429_503_are_retried_with_backoff_and_retry_after(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer, waits: Waits
) -> None:
    sandbox.faults.queue("status:503", "retry_after:5", "status:503", match=LEAD)
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=False)
    deliver.drain()
    assert waits.seconds == [0.75, 5, 3]
    assert [status for _, _, status in sandbox.request_log] == [503, 429, 503, 200, 200]
    assert_example_lead(sandbox)
    assert notes(sandbox) == [NOTE]  # 503 and 429 say nothing was done: the note is kept
    assert got(outbox, entry_id).note_status is NoteStatus.SENT


def test_a_500_leaves_the_note_unconfirmed(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer, waits: Waits
) -> None:
    sandbox.faults.queue("ok", "status:500", match=LEAD)  # the lead, then its note
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=False)
    deliver.drain()
    assert waits.seconds == []  # nothing but the note was left: nothing to retry
    assert_example_lead(sandbox)
    assert notes(sandbox) == []  # the sandbox's 500 did nothing; the client can't know
    assert got(outbox, entry_id).asks_about_note


@pytest.mark.parametrize(
    ("fault", "posted"),
    [
        ("drop_after_apply", [NOTE]),  # applied, then the connection dropped
        ("drop", []),  # dropped before anything happened
        ("cut", [NOTE]),  # applied; the answer cut off half way
        ("html", []),  # a gateway's error page (502)
        ("status:504", []),
    ],
)
def test_unknown_outcomes_never_post_the_note_twice(
    sandbox: SandboxServer,
    outbox: Outbox,
    deliver: Deliverer,
    fault: str,
    posted: list[str],
) -> None:
    sandbox.faults.queue("ok", fault, match=LEAD)  # the lead goes through; the note does not
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=False)
    deliver.drain()
    assert_example_lead(sandbox)
    assert notes(sandbox) == posted
    entry = got(outbox, entry_id)
    assert (entry.state, entry.note_status) == (EntryState.SENT, NoteStatus.UNCONFIRMED)
    assert entry.asks_about_note


def test_repost_after_a_drop_posts_the_note_exactly_once(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer
) -> None:
    sandbox.faults.queue("ok", "drop", match=LEAD)
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=False)
    deliver.drain()
    assert notes(sandbox) == []
    repost = outbox.repost_note(entry_id)
    deliver.nudge()
    deliver.drain()
    assert notes(sandbox) == [NOTE]
    assert_example_lead(sandbox)  # nothing else changed
    assert got(outbox, repost).state is EntryState.SENT
    assert got(outbox, entry_id).note_status is NoteStatus.REPOSTED


def test_dismissing_after_drop_after_apply_leaves_one_note(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer
) -> None:
    sandbox.faults.queue("ok", "drop_after_apply", match=LEAD)
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=False)
    deliver.drain()
    outbox.dismiss_note(entry_id)
    deliver.drain()
    assert notes(sandbox) == [NOTE]
    assert outbox.note_question_count() == 0


def test_a_slow_answer_is_just_waited_for(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer, waits: Waits
) -> None:
    sandbox.faults.queue("latency:300", match=LEAD)
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=False)
    deliver.drain()
    assert waits.seconds == []
    assert notes(sandbox) == [NOTE]
    assert got(outbox, entry_id).note_status is NoteStatus.SENT


# ------------------------------------------------------------------ lookups, order


def test_a_secondary_phone_updates_its_lead_instead_of_duplicating_it(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer
) -> None:
    before = len(sandbox.snapshot(TEST_KEY)["leads"])
    entry_id = outbox.add(LeadDraft(customer_phone="022 2654 1234", city="Pune"), "IN")
    deliver.drain()
    assert len(sandbox.snapshot(TEST_KEY)["leads"]) == before
    lead = the_lead(sandbox, "+912226541234")
    assert (lead["first_name"], lead["city"]) == ("Sunita", "Pune")
    entry = got(outbox, entry_id)
    assert (entry.primary_phone, entry.created) == ("+919820098765", False)
    assert entry.result_message.startswith("Updated lead")


def test_many_leads_with_concurrent_senders_keep_each_phones_order(
    sandbox: SandboxServer, outbox: Outbox, http: httpx.Client, clock: Clock, waits: Waits
) -> None:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    for n in range(60):
        draft = LeadDraft(customer_phone=f"+91800000{n % 12:04d}", first_name=f"v{n}")
        outbox.add(draft, "IN", known_exists=n >= 12)
    make_deliverer(outbox, lambda: client, clock, waits, senders=4).drain()
    assert outbox.counts()[EntryState.SENT] == 60
    for n in range(12):
        lead = the_lead(sandbox, f"+91800000{n:04d}")
        assert lead["first_name"] == f"v{48 + n}"  # the last save of each phone won


# ------------------------------------------------------------------ user needed


def test_an_unknown_stage_needs_attention_and_the_queue_goes_on(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer
) -> None:
    bad = outbox.add(
        LeadDraft(customer_phone="+918000000009", lead_stage=Choice.set("Nope")),
        "IN",
        known_exists=False,
    )
    good = outbox.add(EXAMPLE, "IN", known_exists=False)
    deliver.drain()
    rejected = got(outbox, bad)
    assert rejected.state is EntryState.NEEDS_ATTENTION
    assert (rejected.last_error, rejected.error_field) == (
        "Lead stage name not found",
        "lead_stage_name",
    )
    assert got(outbox, good).state is EntryState.SENT
    assert leads_with(sandbox, "+918000000009") == []
    # The user fixes it; the same entry goes out.
    outbox.replace(bad, LeadDraft(customer_phone="+918000000009", lead_stage=Choice.set("Won")))
    deliver.nudge()
    deliver.drain()
    assert the_lead(sandbox, "+918000000009")["lead_stage"]["title"] == "Won"
    assert got(outbox, bad).state is EntryState.SENT


def test_a_wrong_key_pauses_until_a_new_key_and_is_never_stored(
    sandbox: SandboxServer,
    tmp_path: Path,
    outbox: Outbox,
    http: httpx.Client,
    clock: Clock,
    waits: Waits,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "wrong-key-5f1e0c9d"
    current = {"client": SuperfoneClient(wrong, sandbox.base_url, http=http)}
    deliverer = make_deliverer(outbox, lambda: current["client"], clock, waits)
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=False)
    deliverer.drain()
    paused = got(outbox, entry_id)
    assert paused.state is EntryState.PAUSED
    assert paused.last_error == "Superfone did not accept the API key. Check it in Settings."
    assert leads_with(sandbox, PHONE) == []
    current["client"] = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    deliverer.resume_after_auth()
    deliverer.drain()
    assert got(outbox, entry_id).state is EntryState.SENT
    assert notes(sandbox) == [NOTE]
    with outbox.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for file in (tmp_path / "data").iterdir():
        assert wrong.encode() not in file.read_bytes()
        assert TEST_KEY.encode() not in file.read_bytes()
    assert not [r for r in caplog.records if wrong in r.getMessage() or TEST_KEY in r.getMessage()]
