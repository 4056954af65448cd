"""Save says "Created lead …" once the lead itself is on Superfone, while its timeline
note (which travels alone and last, issue #11) is still going out: the buttons are free,
``saved`` is emitted once, the Outbox tab says "Sending the note…", and the entry is sent
only once the note is."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, OutboxEntry
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY, wait_idle

pytestmark = pytest.mark.gui

LEAD_POST = "POST /enterprise/api/lead"
PHONE = "+918000000401"


def notes_of(sandbox: SandboxServer, phone: str) -> list[str]:
    leads = [lead for lead in sandbox.snapshot(KEY)["leads"] if phone in lead["phone_numbers"]]
    return [note["text"] for lead in leads for note in lead["notes"]]


def only_entry(window: MainWindow) -> OutboxEntry:
    (entry,) = window.outbox.entries()
    return entry


def test_the_lead_is_reported_saved_while_its_note_is_still_sending(
    qtbot: QtBot, sandbox: SandboxServer, window: MainWindow
) -> None:
    first = window.form.widget("first_name")
    note = window.form.widget("customer_note")
    assert isinstance(first, QLineEdit)
    assert isinstance(note, QPlainTextEdit)
    window.form.phone.setText("80000 00401")
    first.setText("Ritu")
    note.setPlainText("Wants a quote")
    wait_idle(qtbot, window)
    # The lead's upsert goes through at once; the note's request takes 3 s.
    sandbox.faults.queue("ok", "latency:3000", match=LEAD_POST)
    saved: list[OutboxEntry] = []
    window.saved.connect(saved.append)

    window.form.save_button.click()
    qtbot.waitUntil(lambda: len(saved) == 1, timeout=10_000)
    assert saved[0].state is EntryState.SENDING
    assert window.form.result.text().startswith("Created lead +91 80000 00401")
    assert "sending the note" in window.form.result.text()
    assert window.form.save_button.isEnabled()
    assert notes_of(sandbox, PHONE) == []  # the note is still on its way
    window.tabs.setCurrentWidget(window.outbox_view)
    view = window.outbox_view
    qtbot.waitUntil(
        lambda: view.table.rowCount() == 1 and view.table.item(0, 3).text() == "Sending the note…",
        timeout=5_000,
    )

    qtbot.waitUntil(lambda: only_entry(window).state is EntryState.SENT, timeout=10_000)
    qtbot.waitUntil(lambda: "sending" not in window.form.result.text(), timeout=5_000)
    assert window.form.result.text().startswith("Created lead +91 80000 00401")
    assert notes_of(sandbox, PHONE) == ["Wants a quote"]
    qtbot.waitUntil(lambda: view.table.item(0, 3).text() == "Sent", timeout=5_000)
    assert len(saved) == 1  # once per entry
