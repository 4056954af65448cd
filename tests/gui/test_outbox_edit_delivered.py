"""A lead opened from the Outbox and delivered meanwhile is saved as an update (#12.11).

Before, saving it said "Could not keep the lead on this computer" and the edit could
only be thrown away. Now the save is a new entry (an update of the lead); nothing typed
is lost, and the note the first delivery posted is not posted again.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.entry import PauseCause
from superfone_desk.store.outbox import EntryState
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY, wait_idle
from tests.helpers.drafts import ASHA

pytestmark = pytest.mark.gui

PHONE = "+918000000701"


def test_an_opened_lead_delivered_meanwhile_is_saved_as_an_update(
    qtbot: QtBot, sandbox: SandboxServer, window: MainWindow
) -> None:
    outbox = window.outbox
    draft = dataclasses.replace(ASHA, customer_phone="80000 00701", city="Pune")
    entry_id = outbox.add(draft, "IN", account=window.connection.account)
    outbox.pause(entry_id, "The API key was not accepted.", PauseCause.AUTH)
    opened = outbox.get(entry_id)
    assert opened is not None
    window.save_controller.open_entry(opened)
    city = window.form.widget("city")
    assert isinstance(city, QLineEdit)
    assert city.text() == "Pune"

    # Meanwhile (another Send now, the key fixed): delivered.
    outbox.send_now(entry_id)
    window.delivery.send_now()
    qtbot.waitUntil(lambda: outbox.get(entry_id).state is EntryState.SENT, timeout=10_000)

    city.setText("Mumbai")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    wait_idle(qtbot, window)
    assert "Not saved" not in window.form.result.text()
    assert len(outbox.entries()) == 2  # the delivered one, and the update
    (lead,) = [lead for lead in sandbox.snapshot(KEY)["leads"] if PHONE in lead["phone_numbers"]]
    assert lead["city"] == "Mumbai"
    assert [note["text"] for note in lead["notes"]] == [ASHA.customer_note]
