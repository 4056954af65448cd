"""Settings' "Phones sent to at once" (Settings.import_senders, issue #15): shown, saved,
and used by delivery from the next start, as the dialog says."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from superfone_desk.ui.settings_dialog import SettingsDialog
from tests.gui.conftest import WindowFactory, wait_idle

pytestmark = pytest.mark.gui


def senders_box(dialog: SettingsDialog) -> QSpinBox:
    box = dialog.findChild(QSpinBox, "import_senders")
    assert box is not None
    return box


def press_save(dialog: SettingsDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_senders_are_chosen_in_settings_and_used_from_the_next_start(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    assert window.delivery.senders == 4
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    box = senders_box(dialog)
    assert box.value() == 4
    assert (box.minimum(), box.maximum()) == (1, 16)
    note = dialog.findChild(QLabel, "import_senders_note")
    assert note is not None
    assert note.isVisible()
    assert "next start" in note.text()

    box.setValue(8)
    press_save(dialog)
    wait_idle(qtbot, window)
    assert make_window.settings_store.load().import_senders == 8
    assert window.delivery.senders == 4  # this run keeps its senders, as the note says

    again = make_window(make_window.services())
    assert again.delivery.senders == 8
    reopened = again.open_settings()
    assert senders_box(reopened).value() == 8
    reopened.reject()


def test_the_box_keeps_to_the_settings_range(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    dialog = window.open_settings()
    box = senders_box(dialog)
    box.setValue(40)
    assert box.value() == 16
    box.setValue(0)
    assert box.value() == 1
    press_save(dialog)
    assert make_window.settings_store.load().import_senders == 1
