"""A full disk while sending is said in the window, and sending resumes (issue #12.2).

The delivery engine survives a failed write and reports it ("Can't write to the
outbox: disk full"); the window must show that line, not go quiet, and take it down
once a write succeeds again. The outbox lives on a real 1 MiB tmpfs filled to the
last byte while the lead's request is held by the sandbox. Needs root (``mount``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, Outbox
from tests.gui.conftest import KEY, WindowFactory
from tests.integration.test_delivery_disk_full import fill, small_disk

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(sys.platform != "linux", reason="tmpfs is Linux"),
]

__all__ = ["small_disk"]  # the fixture, imported for this module's tests


@pytest.fixture
def small_outbox(small_disk: Path) -> Iterator[Outbox]:
    outbox = Outbox.open(small_disk / "outbox.sqlite3")
    yield outbox
    outbox.close()


def test_a_full_disk_is_shown_and_sending_resumes_by_itself(
    qtbot: QtBot,
    sandbox: SandboxServer,
    make_window: WindowFactory,
    small_disk: Path,
    small_outbox: Outbox,
) -> None:
    services = make_window.services()
    services.open_outbox = lambda: small_outbox
    window = make_window(services)
    # The upsert is held long enough to fill the disk behind it.
    sandbox.faults.queue("latency:1500", match="POST /enterprise/api/lead")
    window.form.phone.setText("80000 00801")
    window.form.widget("first_name").setText("Devi")  # type: ignore[attr-defined]
    window.form.save_and_new_button.click()
    qtbot.waitUntil(
        lambda: [e.state for e in small_outbox.entries()] == [EntryState.SENDING],
        timeout=10_000,
    )
    filler = fill(small_disk)
    qtbot.waitUntil(lambda: "disk full" in window.banner.text(), timeout=15_000)
    assert window.banner.isVisible()

    filler.unlink()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=30_000)
    qtbot.waitUntil(
        lambda: [e.state for e in small_outbox.entries()] == [EntryState.SENT], timeout=30_000
    )
    leads = [
        lead for lead in sandbox.snapshot(KEY)["leads"]
        if "+918000000801" in lead["phone_numbers"]
    ]
    assert len(leads) == 1
