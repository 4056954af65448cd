"""The GUI thread paints: in a whole session its only SQLite access is the save itself.

Every read and write of the outbox's database is recorded with the thread it ran on,
while the window saves leads, delivery reports their outcomes, the status line counts,
and the Outbox tab lists, filters and discards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState
from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui

LEAD_POST = "POST /enterprise/api/lead"


def record_gui_thread_access(database: Any, log: list[str]) -> None:
    """Wrap ``database.read``/``transaction`` to log the ones run on the GUI thread."""
    gui = threading.main_thread()

    def wrap(name: str, original: Callable[..., AbstractContextManager[Any]]) -> None:
        @contextmanager
        def recorded(*args: Any, **kwargs: Any) -> Iterator[Any]:
            if threading.current_thread() is gui:
                log.append(name)
            with original(*args, **kwargs) as conn:
                yield conn

        setattr(database, name, recorded)

    wrap("read", database.read)
    wrap("transaction", database.transaction)


def test_the_only_sqlite_on_the_gui_thread_is_the_save(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window()
    on_gui: list[str] = []
    record_gui_thread_access(window.outbox.db, on_gui)

    # A save delivered, one refused for good (reported, shown in the Outbox tab).
    for phone, name in [("80000 00301", "Gita"), ("80000 00302", "Hari")]:
        window.form.widget("customer_phone").setText(phone)  # type: ignore[attr-defined]
        window.form.widget("first_name").setText(name)  # type: ignore[attr-defined]
        if name == "Hari":
            sandbox.faults.configure(error_rate=1.0, error_statuses=(503,), match=LEAD_POST)
            window.form.save_and_new_button.click()
            qtbot.waitUntil(lambda: "waiting" in window.delivery_status.text(), timeout=5_000)
        else:
            with qtbot.waitSignal(window.saved, timeout=10_000):
                window.form.save_and_new_button.click()
    assert on_gui == ["transaction", "transaction"]  # the two saves, nothing else

    # The Outbox tab: listed, filtered, and the waiting lead discarded.
    view = window.outbox_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=5_000)
    view.findChild(QLineEdit, "outbox_filter").setText("hari")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5_000)
    view.table.selectRow(0)
    with qtbot.waitSignal(view.changed, timeout=5_000):
        view.findChild(QPushButton, "outbox_discard").click()
    qtbot.waitUntil(lambda: "Discarded" in view.table.item(0, 3).text(), timeout=5_000)
    assert on_gui == ["transaction", "transaction"]
    # (The test's own read, on the GUI thread, comes after the check.)
    states = sorted(entry.state for entry in window.outbox.entries())
    assert states == sorted([EntryState.SENT, EntryState.DISCARDED])
