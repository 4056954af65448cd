"""Stage/group: the button that wipes the lead's value says so and is a Tab stop, and a
pick is undone with Ctrl+Z (issue 13, bug 7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from superfone_desk.core.draft import Choice
from superfone_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_remove_button_says_what_it_does_and_takes_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    stage = window.form.picker("lead_stage_name")
    button = stage.findChild(QToolButton, "lead_stage_name_clear")
    assert button is not None
    assert button.text() == "Remove stage from lead"
    group_button = window.findChild(QToolButton, "lead_group_name_clear")
    assert group_button is not None
    assert group_button.text() == "Remove group from lead"
    window.activateWindow()
    edit = stage.focusProxy()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert stage.choice() == Choice.cleared()
    undo = window.findChild(QToolButton, "lead_stage_name_reset")
    assert undo is not None
    assert undo.text() == "Undo remove"


def test_ctrl_z_undoes_a_pick(qtbot: QtBot, window: MainWindow) -> None:
    stage = window.form.picker("lead_stage_name")
    stage.set_choice(Choice.set("Qualified"))
    stage.set_choice(Choice.set("New Lead"))
    window.activateWindow()
    edit = stage.focusProxy()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stage.choice() == Choice.set("Qualified")
    labels = window.form.multi("add_labels")
    labels.set_values(("Hot",))
    labels_edit = labels.focusProxy()
    labels_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is labels_edit)
    qtbot.keyClick(labels_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert labels.values() == ()
