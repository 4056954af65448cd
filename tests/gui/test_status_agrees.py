"""The status bar and the Outbox tab say the same (issue 13, bug 10: "All sent" while
the Outbox table still listed three waiting)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from superfone_desk.core.draft import LeadDraft
from superfone_desk.sandbox import SandboxServer
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY, wait_idle

pytestmark = pytest.mark.gui


def test_the_status_line_counts_what_the_outbox_tab_lists(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.form.phone.setText("80000 00090")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.status.settled, timeout=5_000)
    assert window.delivery_status.text() == "All sent"
    # Leads that reach the outbox without this window's Save (the kiosk, leads saved
    # under another API key) and that delivery does not touch: no outcome tells the
    # status line about them.
    for phone in ("80000 00091", "80000 00092", "80000 00093"):
        window.outbox.add(LeadDraft(customer_phone=phone), "IN", account="another-key")
    view = window.outbox_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 4, timeout=5_000)
    states = sorted(view.table.item(r, 3).text() for r in range(4))
    assert states == ["Sent", "Waiting to send", "Waiting to send", "Waiting to send"]
    qtbot.waitUntil(
        lambda: window.delivery_status.text() == "3 waiting to send", timeout=5_000
    )
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Outbox"


def test_the_outbox_tab_title_counts_the_leads_that_need_the_user(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    members = sandbox.snapshot(KEY)["team_members"]
    inactive = next(m["phone"] for m in members if m["active"] is False)
    window.form.phone.setText("80000 00094")
    window.form.assignee.edit.setText(inactive)
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_and_new_button.click()
    tabs, view = window.tabs, window.outbox_view
    qtbot.waitUntil(lambda: tabs.tabText(tabs.indexOf(view)) == "Outbox (1)", timeout=5_000)
    assert "1 needs attention" in window.delivery_status.text()


def test_the_outbox_tab_shown_follows_what_the_status_line_counts(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.outbox_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: "Nothing saved yet" in view.summary.text(), timeout=5_000)
    # An import queued while the tab is shown (no delivery outcome follows for leads
    # of another key): the status line counts them, and the rows follow.
    for phone in ("80000 00095", "80000 00096"):
        window.outbox.add(
            LeadDraft(customer_phone=phone), "IN", account="another-key", batch="import-1"
        )
    window.importer.batch_queued.emit("import-1")
    qtbot.waitUntil(
        lambda: window.delivery_status.text() == "2 waiting to send", timeout=5_000
    )
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=5_000)


def test_the_outbox_tab_reads_its_rows_when_the_window_is_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    view = window.outbox_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: "Nothing saved yet" in view.summary.text(), timeout=5_000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.status.settled, timeout=5_000)
    # The kiosk hides the window and saves into the same outbox; it shows it on leaving.
    window.hide()
    window.outbox.add(LeadDraft(customer_phone="80000 00097"), "IN", account="another-key")
    window.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(
        lambda: window.delivery_status.text() == "1 waiting to send", timeout=5_000
    )
