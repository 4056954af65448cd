"""Crash safety: the headless runner is SIGKILLed mid-delivery, restarted, and finishes.

The runner (``python -m superfone_desk.delivery``) is a real subprocess sending to a
sandbox in this process. The sandbox tells us when the request we want to interrupt has
arrived (a FaultPlan that sets an Event), and holds it with a ``latency`` fault, so the
kill lands while that request is in flight, without any sleeping.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from superfone_desk.core.draft import Choice, LeadDraft, draft_to_json
from superfone_desk.sandbox import FaultPlan, SandboxServer
from superfone_desk.store.db import DATABASE_FILENAME
from superfone_desk.store.outbox import EntryState, NoteStatus, Outbox, OutboxEntry
from tests.integration.conftest import TEST_KEY

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

PHONE = "+918000000001"
NOTE = "Wants a demo on Monday."
DRAFT = LeadDraft(
    customer_phone="80000 00001",
    first_name="Asha",
    last_name="Kumar",
    city="Bengaluru",
    lead_stage=Choice.set("Qualified"),
    add_labels=("Hot",),
    customer_note=NOTE,
)
#: Long enough that the held request never completes during the test; stopping the
#: sandbox ends the wait without processing it.
HOLD = "latency:60000"
PROCESS_TIMEOUT = 60


class WatchedFaults(FaultPlan):
    """A fault plan that signals when a request for ``method path`` reaches the sandbox."""

    def __init__(self, method: str, path: str) -> None:
        super().__init__()
        self._watched = (method, path)
        self.arrived = threading.Event()

    def decide(self, method: str, path: str) -> Any:
        decision = super().decide(method, path)
        if (method, path) == self._watched and decision.latency_ms:  # the held request
            self.arrived.set()
        return decision


def start_sandbox(method: str) -> tuple[SandboxServer, WatchedFaults]:
    faults = WatchedFaults(method, "/enterprise/api/lead")
    return SandboxServer(api_keys=(TEST_KEY,), faults=faults).start(), faults


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "portable"


def runner(data_dir: Path, base_url: str, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "superfone_desk.delivery",
        "--data-dir",
        str(data_dir),
        "--base-url",
        base_url,
        *extra,
    ]


def runner_env() -> dict[str, str]:
    return {**os.environ, "SUPERFONE_API_KEY": TEST_KEY}


def enqueue_file(tmp_path: Path, known_exists: bool | None) -> Path:
    file = tmp_path / "drafts.json"
    item = {"draft": draft_to_json(DRAFT), "region": "IN", "known_exists": known_exists}
    file.write_text(json.dumps([item]), encoding="utf-8")
    return file


def start_and_kill_when(
    command: list[str], arrived: threading.Event
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run ``command``, SIGKILL it once ``arrived`` is set; its result and stdout."""
    proc = subprocess.Popen(
        command, env=runner_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert arrived.wait(PROCESS_TIMEOUT), "the request never reached the sandbox"
        os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=PROCESS_TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == -signal.SIGKILL, err
    return subprocess.CompletedProcess(command, proc.returncode, out, err), out


def finish(command: list[str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, env=runner_env(), capture_output=True, text=True, timeout=PROCESS_TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    return done


def only_entry(data_dir: Path) -> OutboxEntry:
    with Outbox.open(data_dir / "data" / DATABASE_FILENAME) as outbox:
        entries = outbox.entries()
    assert len(entries) == 1
    return entries[0]


def lead_of(sandbox: SandboxServer) -> dict[str, Any]:
    leads = [lead for lead in sandbox.snapshot(TEST_KEY)["leads"] if PHONE in lead["phone_numbers"]]
    assert len(leads) == 1, f"{len(leads)} leads have the phone"
    lead = leads[0]
    assert (lead["first_name"], lead["last_name"], lead["city"]) == ("Asha", "Kumar", "Bengaluru")
    assert lead["lead_stage"]["title"] == "Qualified"
    assert lead["label_titles"] == ["Hot"]
    return lead


@pytest.fixture
def post_sandbox() -> Iterator[tuple[SandboxServer, WatchedFaults]]:
    sandbox, faults = start_sandbox("POST")
    try:
        yield sandbox, faults
    finally:
        sandbox.stop()


@pytest.fixture
def get_sandbox() -> Iterator[tuple[SandboxServer, WatchedFaults]]:
    sandbox, faults = start_sandbox("GET")
    try:
        yield sandbox, faults
    finally:
        sandbox.stop()


def test_killed_while_the_upsert_is_in_flight(
    tmp_path: Path, data_dir: Path, post_sandbox: tuple[SandboxServer, WatchedFaults]
) -> None:
    sandbox, faults = post_sandbox
    # The lead goes through; its note, alone and last (issue #11), is held in flight.
    faults.queue("ok", HOLD, match="POST /enterprise/api/lead")
    command = runner(data_dir, sandbox.base_url)
    _, out = start_and_kill_when(
        [*command, "--enqueue-json", str(enqueue_file(tmp_path, known_exists=False))],
        faults.arrived,
    )
    assert out.splitlines() == ["enqueued 1"]
    crashed = only_entry(data_dir)
    assert (crashed.state, crashed.in_flight) == (EntryState.SENDING, True)

    done = finish(command)
    assert "sent=1" in done.stdout
    lead = lead_of(sandbox)
    # The note's request is still held (it never completes here); the note is not sent
    # again, because the first one may have posted it. At most once, and flagged.
    assert [note["text"] for note in lead["notes"]] == []
    entry = only_entry(data_dir)
    assert (entry.state, entry.note_status) == (EntryState.SENT, NoteStatus.UNCONFIRMED)
    assert entry.asks_about_note


def test_killed_between_saving_and_sending(
    tmp_path: Path, data_dir: Path, get_sandbox: tuple[SandboxServer, WatchedFaults]
) -> None:
    sandbox, faults = get_sandbox
    # The runner's first network step is the lookup: hold it, so the upsert never left.
    faults.queue(HOLD, match="GET /enterprise/api/lead")
    command = runner(data_dir, sandbox.base_url)
    _, out = start_and_kill_when(
        [*command, "--enqueue-json", str(enqueue_file(tmp_path, known_exists=None))],
        faults.arrived,
    )
    assert out.splitlines() == ["enqueued 1"]
    saved = only_entry(data_dir)
    assert saved.draft == DRAFT
    assert saved.requests is None  # killed before any request was planned or sent

    finish(command)
    lead = lead_of(sandbox)
    assert [note["text"] for note in lead["notes"]] == [NOTE]
    entry = only_entry(data_dir)
    assert (entry.state, entry.note_status, entry.created) == (
        EntryState.SENT,
        NoteStatus.SENT,
        True,
    )


def test_killed_while_waiting_to_retry(
    tmp_path: Path, data_dir: Path, post_sandbox: tuple[SandboxServer, WatchedFaults]
) -> None:
    sandbox, faults = post_sandbox
    faults.queue("status:503", match="POST /enterprise/api/lead")
    command = runner(data_dir, sandbox.base_url)
    proc = subprocess.Popen(
        [*command, "--verbose", "--enqueue-json", str(enqueue_file(tmp_path, known_exists=False))],
        env=runner_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        # The runner logs the backoff it starts; kill it during that wait.
        for line in proc.stderr:
            if "ServerError; retry 1 in" in line:
                break
        else:
            pytest.fail("the runner never started a backoff")
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=PROCESS_TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    waiting = only_entry(data_dir)
    assert (waiting.state, waiting.attempts) == (EntryState.QUEUED, 1)

    finish(command)
    lead = lead_of(sandbox)
    assert [note["text"] for note in lead["notes"]] == [NOTE]  # a 503 did nothing: sent once
    assert only_entry(data_dir).note_status is NoteStatus.SENT
