"""An update of a loaded lead keeps the person's name in the Outbox tab (issue #14): the
saved draft holds only the edits (here the city), the Name column still says who."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from superfone_desk.store.outbox import EntryState
from superfone_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

NAME_COLUMN = 2


def line(window: MainWindow, name: str) -> QLineEdit:
    widget = window.form.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def test_the_outbox_names_the_person_of_a_city_only_update(
    qtbot: QtBot, window: MainWindow
) -> None:
    line(window, "customer_phone").setText("98450 12345")  # Anil Sharma, a demo lead
    qtbot.waitUntil(lambda: line(window, "first_name").text() == "Anil", timeout=5_000)
    line(window, "city").setText("Mysuru")
    window.save_controller.save(and_new=False)
    qtbot.waitUntil(lambda: window.outbox.entries()[0].state is EntryState.SENT, timeout=10_000)
    (entry,) = window.outbox.entries()
    assert (entry.draft.first_name, entry.draft.city) == ("", "Mysuru")  # only the edit
    assert entry.name == "Anil Sharma"
    window.tabs.setCurrentWidget(window.outbox_view)
    table = window.outbox_view.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=5_000)
    item = table.item(0, NAME_COLUMN)
    assert item is not None
    assert item.text() == "Anil Sharma"
