"""DeliveryService turns a burst of the delivery thread's changes into one ``changed``
on the GUI thread (each queued call costs the GUI thread a wait for the GIL while an
import is sent)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from superfone_desk.store.outbox import EntryState
from superfone_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_a_burst_of_changes_is_one_changed_and_a_later_change_another(
    qtbot: QtBot, window: MainWindow
) -> None:
    delivery = window.delivery
    seen: list[int] = []
    delivery.changed.connect(lambda: seen.append(1))

    def burst() -> None:
        # What the Deliverer calls on its thread as entries go out (no entry is read for
        # "sending").
        for entry_id in range(1, 51):
            delivery._on_deliverer_change(entry_id, EntryState.SENDING)

    worker = threading.Thread(target=burst)
    worker.start()
    worker.join()
    assert seen == []  # queued to the GUI thread
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5_000)
    QCoreApplication.processEvents()
    assert seen == [1]

    worker = threading.Thread(target=burst)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    QCoreApplication.processEvents()
    assert seen == [1, 1]
