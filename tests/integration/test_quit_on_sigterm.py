"""A logout's SIGTERM with a request hanging ends the app within 2 s (issue #12.9).

The window and the counter kiosk alike.

The real app (``python -m superfone_desk``) sends a saved lead to a sandbox in this
process; the answer to the lead's note trickles one byte every 10 s, a link that never
times out. SIGTERM must end the process within 2 s (it lived 56 s before), and the
aborted request is an unknown outcome: the next start delivers the lead without posting
the note a second time, and asks the user about it.
"""

from __future__ import annotations

import dataclasses
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.kiosk import hash_pin
from superfone_desk.sandbox import FaultPlan, SandboxServer
from superfone_desk.settings import SettingsStore
from superfone_desk.store.db import DATABASE_FILENAME
from superfone_desk.store.outbox import EntryState, NoteStatus, Outbox
from tests.helpers.processes import READY, App
from tests.integration.conftest import TEST_KEY

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")

PHONE = "+918000000401"
NOTE = "Came in at closing time; call back on Monday."
DRAFT = LeadDraft(customer_phone="80000 00401", first_name="Farah", customer_note=NOTE)
PROCESS_TIMEOUT = 60
#: What the issue asks: closing or a logout ends the process within 2 s.
QUIT_WITHIN = 2.0


class TrickleWatch(FaultPlan):
    """Says when the trickling request (the note's, the second upsert) is under way."""

    def __init__(self) -> None:
        super().__init__()
        self.trickling = threading.Event()

    def decide(self, method: str, path: str) -> Any:
        decision = super().decide(method, path)
        if decision.fault is not None and decision.fault.kind == "trickle":
            self.trickling.set()
        return decision


def start_app(data_dir: Path, base_url: str, *mode: str) -> App:
    """The app with the API key in its environment (a managed install), not a keyring."""
    app = App.__new__(App)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SUPERFONE_API_KEY": TEST_KEY}
    app.process = subprocess.Popen(
        [sys.executable, "-m", "superfone_desk", *mode, "--data-dir", str(data_dir),
         "--base-url", base_url],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )  # fmt: skip
    app.lines = queue.Queue()
    app.seen = []
    threading.Thread(target=app._read, daemon=True).start()
    return app


@pytest.mark.parametrize(
    ("mode", "ready"), [((), READY), (("--kiosk",), "ready: kiosk shown")], ids=["window", "kiosk"]
)
def test_sigterm_with_a_request_hanging_ends_the_app_within_2_s(
    tmp_path: Path, mode: tuple[str, ...], ready: str
) -> None:
    data_dir = tmp_path / "desk"
    database = data_dir / "data" / DATABASE_FILENAME
    database.parent.mkdir(parents=True)
    if mode:
        # The counter PC's kiosk, set up by its admin (a PIN), runs all day.
        store = SettingsStore(data_dir / "config")
        settings = store.load()
        settings.kiosk = dataclasses.replace(settings.kiosk, pin_hash=hash_pin("4821"))
        store.save(settings)
    with Outbox.open(database) as outbox:
        outbox.add(DRAFT, "IN", known_primary=None, known_exists=False)
    faults = TrickleWatch()
    # The lead is applied; the note's own request (alone and last) is processed, then
    # its answer trickles.
    faults.queue("ok", "trickle:10", match="POST /enterprise/api/lead")
    with SandboxServer(api_keys=(TEST_KEY,), faults=faults) as sandbox:
        app = start_app(data_dir, sandbox.base_url, *mode)
        try:
            app.wait_for(ready)
            assert faults.trickling.wait(PROCESS_TIMEOUT), f"no note request: {app.seen}"
            started = time.monotonic()
            app.process.send_signal(signal.SIGTERM)
            status = app.process.wait(timeout=PROCESS_TIMEOUT)
            took = time.monotonic() - started
        finally:
            app.stop()
        assert took < QUIT_WITHIN, f"the app took {took:.1f} s to end after SIGTERM"
        assert status == 0

        # The next start (here the headless runner) finishes it: the lead once, the note
        # never posted twice, and the user asked whether it is there.
        done = subprocess.run(
            [
                sys.executable, "-m", "superfone_desk.delivery",
                "--data-dir", str(data_dir), "--base-url", sandbox.base_url,
            ],
            env={**os.environ, "SUPERFONE_API_KEY": TEST_KEY},
            capture_output=True,
            text=True,
            timeout=PROCESS_TIMEOUT,
            check=False,
        )  # fmt: skip
        assert done.returncode in (0, 3), done.stderr
        leads = [
            lead for lead in sandbox.snapshot(TEST_KEY)["leads"] if PHONE in lead["phone_numbers"]
        ]
        assert len(leads) == 1
        assert [note["text"] for note in leads[0]["notes"]] == [NOTE]
    with Outbox.open(database) as outbox:
        (entry,) = outbox.entries()
    assert entry.state is EntryState.SENT
    assert entry.note_status is NoteStatus.UNCONFIRMED
    assert entry.asks_about_note
