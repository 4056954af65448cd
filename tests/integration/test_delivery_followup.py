"""Follow-ups ride with their lead through the outbox (issue #14), against the sandbox.

The lead goes first; the task is booked on it after (lead id from Get Lead), retried
offline like the lead, checked with List Tasks when its outcome is unknown (never two),
and a refused or expired one leaves the entry needing attention while the lead is sent.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.followup import FollowUp, Understood, read_followup
from superfone_desk.core.followup_record import FollowUpRecord, FollowUpState
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, Outbox, OutboxEntry
from tests.helpers.clock import Clock, Waits
from tests.integration.conftest import TEST_KEY

PHONE = "+918000000077"
WALK_IN = LeadDraft(customer_phone="80000 00077", first_name="Walk", last_name="In")
TASK = "POST /enterprise/api/lead/*/task"
KOLKATA = ZoneInfo("Asia/Kolkata")


@pytest.fixture
def clock() -> Clock:
    return Clock(time.time())  # the sandbox checks times against its own (real) clock


@pytest.fixture
def waits(clock: Clock) -> Waits:
    return Waits(clock)


@pytest.fixture
def outbox(tmp_path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=clock) as box:
        yield box


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(verify=False, timeout=httpx.Timeout(5.0)) as client:
        yield client


def deliverer(outbox: Outbox, client: SuperfoneClient, clock: Clock, waits: Waits) -> Deliverer:
    return Deliverer(
        outbox, lambda: client, clock=clock, monotonic=clock.monotonic, wait=waits, rng=lambda: 0.5
    )


def tomorrow_11(now: datetime) -> FollowUp:
    understood = read_followup("tomorrow 11am", now)
    assert isinstance(understood, Understood)
    return FollowUp("FOLLOW_UP_CALL", understood.utc)


def record_of(entry: OutboxEntry | None) -> FollowUpRecord:
    assert entry is not None
    assert entry.followup is not None
    return FollowUpRecord.from_json(entry.followup)


def tasks_of(client: SuperfoneClient, phone: str = PHONE) -> list[tuple[str, str, str]]:
    lead = client.get_lead(phone)
    assert lead is not None
    return [(t.type, t.due_date, t.task_status) for t in client.list_tasks(lead.id).rows]


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_tomorrow_11am_in_kolkata_is_booked_at_05_30_utc_after_the_lead(
    sandbox: SandboxServer, http: httpx.Client, outbox: Outbox, clock: Clock, waits: Waits
) -> None:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    now = datetime.fromtimestamp(clock(), KOLKATA)
    followup = tomorrow_11(now)
    local_due = followup.due.astimezone(KOLKATA)
    assert (local_due.date(), local_due.hour, local_due.minute) == (
        now.date() + timedelta(days=1), 11, 0
    )
    assert (followup.due.hour, followup.due.minute) == (5, 30)  # IST is UTC+05:30
    entry_id = outbox.add(WALK_IN, "IN", followup=FollowUpRecord(followup).to_json())
    sandbox.clear_request_log()
    deliverer(outbox, client, clock, waits).drain()
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.SENT
    record = record_of(entry)
    assert record.state is FollowUpState.SENT
    assert record.task_id is not None
    assert [(m, p.rsplit("/", 1)[-1], s) for m, p, s in sandbox.request_log] == [
        ("GET", "lead", 404),
        ("POST", "lead", 200),  # the lead first
        ("GET", "lead", 200),  # its id
        ("POST", "task", 200),  # then the task, once
    ]
    assert tasks_of(client) == [("FOLLOW_UP_CALL", iso(followup.due), "PENDING")]


def test_offline_then_online_books_the_follow_up_once(
    http: httpx.Client, outbox: Outbox, clock: Clock, waits: Waits
) -> None:
    probe = SandboxServer(api_keys=(TEST_KEY,)).start()
    port, base_url = probe.port, probe.base_url
    probe.stop()
    client = SuperfoneClient(TEST_KEY, base_url, http=http)
    followup = tomorrow_11(datetime.fromtimestamp(clock(), KOLKATA))
    entry_id = outbox.add(WALK_IN, "IN", followup=FollowUpRecord(followup).to_json())
    run = deliverer(outbox, client, clock, waits)
    assert run.run_once()
    waiting = outbox.get(entry_id)
    assert waiting is not None
    assert waiting.state is EntryState.QUEUED
    assert record_of(waiting).state is FollowUpState.PENDING
    with SandboxServer(api_keys=(TEST_KEY,), port=port):
        run.wake()
        run.drain()
        assert tasks_of(client) == [("FOLLOW_UP_CALL", iso(followup.due), "PENDING")]
    done = outbox.get(entry_id)
    assert done is not None
    assert done.state is EntryState.SENT
    assert record_of(done).state is FollowUpState.SENT


def test_offline_after_the_lead_retries_only_the_task(
    sandbox: SandboxServer, http: httpx.Client, outbox: Outbox, clock: Clock, waits: Waits
) -> None:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    followup = tomorrow_11(datetime.fromtimestamp(clock(), KOLKATA))
    sandbox.faults.queue("drop", match=TASK)  # refused before it did anything
    entry_id = outbox.add(WALK_IN, "IN", followup=FollowUpRecord(followup).to_json())
    sandbox.clear_request_log()
    deliverer(outbox, client, clock, waits).drain()
    lead = ("POST", "/superfone/enterprise/api/lead")
    lead_posts = [r for r in sandbox.request_log if r[:2] == lead]
    assert len(lead_posts) == 1  # the lead was not sent again
    assert tasks_of(client) == [("FOLLOW_UP_CALL", iso(followup.due), "PENDING")]
    assert record_of(outbox.get(entry_id)).state is FollowUpState.SENT


def test_an_unknown_outcome_is_checked_with_list_tasks_not_booked_twice(
    sandbox: SandboxServer, http: httpx.Client, outbox: Outbox, clock: Clock, waits: Waits
) -> None:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    followup = tomorrow_11(datetime.fromtimestamp(clock(), KOLKATA))
    sandbox.faults.queue("drop_after_apply", match=TASK)  # booked, then the line dropped
    entry_id = outbox.add(WALK_IN, "IN", followup=FollowUpRecord(followup).to_json())
    run = deliverer(outbox, client, clock, waits)
    assert run.run_once()
    waiting = outbox.get(entry_id)
    assert waiting is not None
    assert waiting.state is EntryState.QUEUED
    assert record_of(waiting).state is FollowUpState.UNKNOWN
    sandbox.clear_request_log()
    run.wake()
    run.drain()
    assert [(m, p.rsplit("/", 1)[-1]) for m, p, _ in sandbox.request_log] == [
        ("GET", "lead"),
        ("GET", "task"),  # found: not created again
    ]
    assert tasks_of(client) == [("FOLLOW_UP_CALL", iso(followup.due), "PENDING")]
    record = record_of(outbox.get(entry_id))
    assert record.state is FollowUpState.SENT
    assert record.task_id is not None


def test_a_time_passed_before_sending_needs_attention_but_the_lead_is_sent(
    sandbox: SandboxServer, http: httpx.Client, outbox: Outbox, clock: Clock, waits: Waits
) -> None:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    gone = FollowUp("SITE_VISIT", datetime.fromtimestamp(clock(), UTC) - timedelta(hours=1))
    entry_id = outbox.add(WALK_IN, "IN", followup=FollowUpRecord(gone).to_json())
    deliverer(outbox, client, clock, waits).drain()
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.NEEDS_ATTENTION
    assert entry.last_error is not None
    assert entry.last_error.startswith("The lead was saved, but its follow-up was not booked")
    assert "passed" in entry.last_error
    assert record_of(entry).state is FollowUpState.FAILED
    assert client.get_lead(PHONE) is not None  # the lead itself got there
    assert tasks_of(client) == []


def test_a_follow_up_for_someone_else_makes_them_the_leads_assignee_first(
    sandbox: SandboxServer, http: httpx.Client, outbox: Outbox, clock: Clock, waits: Waits
) -> None:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    priya = "+919812345678"  # a team member of the demo seed
    booked = tomorrow_11(datetime.fromtimestamp(clock(), KOLKATA))
    followup = dataclasses.replace(booked, assignee_phone=priya)
    entry_id = outbox.add(WALK_IN, "IN", followup=FollowUpRecord(followup).to_json())
    deliverer(outbox, client, clock, waits).drain()
    assert record_of(outbox.get(entry_id)).state is FollowUpState.SENT
    lead = client.get_lead(PHONE)
    assert lead is not None
    assert lead.assignee_user is not None
    assert lead.assignee_user.first_name == "Priya"
    [task] = client.list_tasks(lead.id).rows
    assert task.assignee_user_id == lead.assignee_user.id


def test_an_unknown_assignee_leaves_the_lead_saved_and_the_follow_up_refused(
    sandbox: SandboxServer, http: httpx.Client, outbox: Outbox, clock: Clock, waits: Waits
) -> None:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    booked = tomorrow_11(datetime.fromtimestamp(clock(), KOLKATA))
    followup = dataclasses.replace(booked, assignee_phone="+919000000999")  # not on the team
    entry_id = outbox.add(WALK_IN, "IN", followup=FollowUpRecord(followup).to_json())
    deliverer(outbox, client, clock, waits).drain()
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.NEEDS_ATTENTION
    assert record_of(entry).state is FollowUpState.FAILED
    assert client.get_lead(PHONE) is not None
    assert tasks_of(client) == []
