"""A follow-up survives the runner being SIGKILLed while Create Task is in flight.

The headless runner (a real subprocess) sends a saved walk-in and its follow-up to a
sandbox in this process; the sandbox processes Create Task and then trickles its answer,
and the runner is killed meanwhile. Restarted, it finishes without booking a second
task: the follow-up was recorded as in flight, so List Tasks is asked first.
"""

from __future__ import annotations

import fnmatch
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.followup import FollowUp
from superfone_desk.core.followup_record import FollowUpRecord, FollowUpState
from superfone_desk.sandbox import FaultPlan, SandboxServer
from superfone_desk.store.db import DATABASE_FILENAME
from superfone_desk.store.outbox import EntryState, Outbox
from tests.integration.conftest import TEST_KEY
from tests.integration.test_outbox_crash import finish, only_entry, runner, start_and_kill_when

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

TASK = "/enterprise/api/lead/*/task"
PHONE = "+918000000081"


class TaskWatch(FaultPlan):
    """Signals when Create Task reaches the sandbox with the fault that holds it."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived = threading.Event()

    def decide(self, method: str, path: str) -> Any:
        decision = super().decide(method, path)
        held = decision.fault is not None and decision.fault.kind == "trickle"
        if method == "POST" and fnmatch.fnmatchcase(path, TASK) and held:
            self.arrived.set()
        return decision


def test_killed_while_create_task_is_in_flight_books_it_once(tmp_path: Path) -> None:
    faults = TaskWatch()
    faults.queue("trickle:60", match=f"POST {TASK}")  # processed; the answer never ends
    data_dir = tmp_path / "portable"
    database = data_dir / "data" / DATABASE_FILENAME
    database.parent.mkdir(parents=True)
    due = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(days=1)
    with Outbox.open(database) as outbox:
        outbox.add(
            LeadDraft(customer_phone="80000 00081", first_name="Walk-in"),
            "IN",
            followup=FollowUpRecord(FollowUp("SITE_VISIT", due)).to_json(),
        )
    with SandboxServer(api_keys=(TEST_KEY,), faults=faults) as sandbox:
        command = runner(data_dir, sandbox.base_url)
        start_and_kill_when(command, faults.arrived)
        crashed = only_entry(data_dir)
        assert crashed.state is EntryState.SENDING  # never "sent" before its task
        assert crashed.followup is not None
        assert FollowUpRecord.from_json(crashed.followup).state is FollowUpState.SENDING

        done = finish(command)
        assert "sent=1" in done.stdout
        [lead] = [x for x in sandbox.snapshot(TEST_KEY)["leads"] if PHONE in x["phone_numbers"]]
        # One task, whether the held Create Task got there before the kill or not.
        assert [(t["type"], t["task_status"]) for t in lead["tasks"]] == [("SITE_VISIT", "PENDING")]
        entry = only_entry(data_dir)
        assert entry.state is EntryState.SENT
        assert entry.followup is not None
        record = FollowUpRecord.from_json(entry.followup)
        assert record.state is FollowUpState.SENT
        assert record.task_id == lead["tasks"][0]["id"]
        checks = [p for m, p, _ in sandbox.request_log if m == "GET" and p.endswith("/task")]
        assert checks, "the restarted runner did not look before booking again"
