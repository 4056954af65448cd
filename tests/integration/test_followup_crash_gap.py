"""A crash between a lead's last request and its follow-up stage never loses the
follow-up (issue #14): the transaction that records the last lead request leaves the
entry ``sending`` while its follow-up is not booked, so the next start's recovery
queues it and the task is booked, once, without sending the lead again.

The crash is injected where the process would die: right after ``finish_request`` (or
after a note whose outcome was unknown was stripped and nothing else was left), before
the follow-up stage's first write. The outbox is then closed and opened afresh.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

import superfone_desk.delivery.engine as engine
from superfone_desk.api.client import SuperfoneClient
from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.followup import FollowUp
from superfone_desk.core.followup_record import FollowUpRecord, FollowUpState
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, Outbox
from tests.helpers.clock import Clock, Waits
from tests.integration.conftest import TEST_KEY

PHONE = "+918000000093"
WALK_IN = LeadDraft(customer_phone="80000 00093", first_name="Crash", last_name="Gap")
LEAD_POST = ("POST", "/superfone/enterprise/api/lead")


class Killed(BaseException):
    """The process dying: not an ``Exception``, so delivery's handlers don't catch it."""


def die(*_: Any) -> None:
    raise Killed


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(verify=False, timeout=httpx.Timeout(5.0)) as client:
        yield client


def deliver_once(path: Path, client: SuperfoneClient, clock: Clock) -> None:
    with Outbox.open(path, clock=clock) as outbox:
        run = Deliverer(
            outbox,
            lambda: client,
            clock=clock,
            monotonic=clock.monotonic,
            wait=Waits(clock),
            rng=lambda: 0.5,
        )
        run.drain()


def crash_before_the_followup_stage(
    monkeypatch: pytest.MonkeyPatch, path: Path, client: SuperfoneClient, clock: Clock
) -> int:
    due = datetime.fromtimestamp(clock(), UTC).replace(second=0, microsecond=0)
    followup = FollowUp("FOLLOW_UP_CALL", due + timedelta(days=1))
    with Outbox.open(path, clock=clock) as outbox:
        entry_id = outbox.add(WALK_IN, "IN", followup=FollowUpRecord(followup).to_json())
    with monkeypatch.context() as patch:
        patch.setattr(engine, "send_followup", die)
        with pytest.raises(Killed):
            deliver_once(path, client, clock)
    return entry_id


def booked(client: SuperfoneClient) -> list[str]:
    lead = client.get_lead(PHONE)
    assert lead is not None
    return [task.type for task in client.list_tasks(lead.id).rows]


def test_a_crash_after_the_last_lead_request_still_books_the_follow_up(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sandbox: SandboxServer, http: httpx.Client
) -> None:
    client = SuperfoneClient(TEST_KEY, sandbox.base_url, http=http)
    clock = Clock(time.time())  # the sandbox checks due times against its real clock
    path = tmp_path / "outbox.sqlite3"
    entry_id = crash_before_the_followup_stage(monkeypatch, path, client, clock)
    with Outbox.open(path, clock=clock) as outbox:
        left = outbox.get(entry_id)
        assert left is not None
        assert left.state is EntryState.SENDING  # not "sent": the follow-up is owed
        assert left.sent_at is None
        assert left.next_request == len(left.requests or ())  # the lead is recorded done
    assert [r for r in sandbox.request_log if r[:2] == LEAD_POST] == [(*LEAD_POST, 200)]
    assert booked(client) == []

    sandbox.clear_request_log()
    deliver_once(path, client, clock)  # the next start: recovery, then delivery

    assert booked(client) == ["FOLLOW_UP_CALL"]
    assert not [r for r in sandbox.request_log if r[:2] == LEAD_POST]  # lead not re-sent
    with Outbox.open(path, clock=clock) as outbox:
        done = outbox.get(entry_id)
        assert done is not None
        assert done.state is EntryState.SENT
        assert done.followup is not None
        assert FollowUpRecord.from_json(done.followup).state is FollowUpState.SENT


def test_an_entry_without_a_follow_up_is_sent_by_its_last_request(tmp_path: Path) -> None:
    clock = Clock()
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=clock) as outbox:
        entry_id = outbox.add(WALK_IN, "IN")
        assert outbox.claim() is not None
        outbox.begin_request(entry_id, 0, carries_note=False)
        outbox.finish_request(entry_id, 0, carried_note=False, last=True)
        sent = outbox.get(entry_id)
        assert sent is not None
        assert sent.state is EntryState.SENT
        assert sent.sent_at is not None
