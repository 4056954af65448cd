"""The result line and the status bar never contradict what happens (issue 13, bug 10)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY

pytestmark = pytest.mark.gui


def test_no_sending_while_offline(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    sandbox.faults.queue("drop", "drop", "drop", match="POST /enterprise/api/lead")
    window.form.phone.setText("80000 00071")
    window.form.save_and_new_button.click()
    qtbot.waitUntil(lambda: window.delivery.offline_until is not None, timeout=10_000)
    window.form.phone.setText("80000 00072")
    window.form.save_and_new_button.click()
    assert "sending" not in window.form.result.text()
    assert window.form.result.text() == (
        "Saved on this computer: it is sent when Superfone can be reached."
    )
    assert "Connected" not in window.connection_status.text()


def test_a_refusal_after_moving_on_replaces_sending(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    members = sandbox.snapshot(KEY)["team_members"]
    inactive = next(m["phone"] for m in members if m["active"] is False)
    window.form.phone.setText("80000 00073")
    window.form.widget("first_name").setText("Meena")  # type: ignore[attr-defined]
    window.form.assignee.edit.setText(inactive)
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_and_new_button.click()
    assert window.form.result.text() == "Not sent: Meena needs attention."


def test_a_refused_lead_stays_when_the_form_saves_another_phone(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    from superfone_desk.core.draft import Choice
    from superfone_desk.store.outbox import EntryState

    members = sandbox.snapshot(KEY)["team_members"]
    inactive = next(m["phone"] for m in members if m["active"] is False)
    window.form.phone.setText("80000 00074")
    window.form.assignee.edit.setText(inactive)
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_button.click()
    # The user types another customer's phone into the refused lead's form.
    window.form.phone.setText("80000 00075")
    window.form.assignee.set_choice(Choice.untouched())
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    counts = window.outbox.counts()
    assert counts[EntryState.NEEDS_ATTENTION] == 1, "the refused lead vanished"
    assert counts[EntryState.SENT] == 1


def test_the_outbox_tab_says_what_it_holds(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    view = window.outbox_view
    view.refresh()
    qtbot.waitUntil(lambda: "Nothing saved yet" in view.summary.text(), timeout=5_000)
    members = sandbox.snapshot(KEY)["team_members"]
    inactive = next(m["phone"] for m in members if m["active"] is False)
    window.form.phone.setText("80000 00076")
    window.form.assignee.edit.setText(inactive)
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_and_new_button.click()
    window.form.phone.setText("80000 00077")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_and_new_button.click()
    view.refresh()
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=5_000)
    states = {view.table.item(r, 1).text(): view.table.item(r, 3) for r in range(2)}
    refused, sent = states["+91 80000 00076"], states["+91 80000 00077"]
    assert refused.text().startswith("⚠")
    assert refused.font().bold()
    assert not sent.text().startswith("⚠")
    assert not sent.font().bold()


def test_send_now_says_it_is_sending(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    from PySide6.QtWidgets import QPushButton

    sandbox.faults.queue("drop", "drop", "drop", match="POST /enterprise/api/lead")
    window.form.phone.setText("80000 00078")
    window.form.widget("first_name").setText("Kavya")  # type: ignore[attr-defined]
    window.form.save_and_new_button.click()
    qtbot.waitUntil(lambda: window.delivery.offline_until is not None, timeout=10_000)
    view = window.outbox_view
    view.refresh()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5_000)
    view.table.selectRow(0)
    send = view.findChild(QPushButton, "outbox_send_now")
    assert send is not None
    assert send.isEnabled()
    send.click()
    qtbot.waitUntil(lambda: view.summary.text() == "Sending Kavya now…", timeout=5_000)
