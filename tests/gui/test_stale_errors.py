"""An error shows only for what the user did to that field, and goes when its cause goes.

Issue 13, bug 3: a red "Enter a phone number" appeared after the first click on a fresh
form, after a keyboard Save & New, after Esc and after Settings, and stayed under a
valid number; "Customer not found." stayed after the phone changed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from superfone_desk.core.fields import CREATE_FIELD
from superfone_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def visible_errors(window: MainWindow) -> list[str]:
    return [
        f"{label.objectName()}: {label.text()}"
        for label in window.findChildren(QLabel)
        if label.objectName().endswith("_error") and label.isVisible() and label.text()
    ]


def edit(window: MainWindow, name: str) -> QLineEdit:
    widget = window.form.widget(name)
    assert isinstance(widget, QLineEdit)
    return widget


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_a_click_on_a_fresh_form_scolds_nobody(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    focus(qtbot, window.form.phone)
    qtbot.mouseClick(edit(window, "first_name"), Qt.MouseButton.LeftButton)
    focus(qtbot, edit(window, "first_name"))
    assert visible_errors(window) == []


def test_keyboard_save_and_new_from_another_field_leaves_no_error(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    focus(qtbot, window.form.phone)
    qtbot.keyClicks(window.form.phone, "98450 00131")
    first = edit(window, "first_name")
    focus(qtbot, first)
    qtbot.keyClicks(first, "Asha")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        qtbot.keyClick(first, Qt.Key.Key_Return, SHIFT_CTRL)
        assert window.form.phone.text() == ""
        assert visible_errors(window) == []
    assert visible_errors(window) == []


def test_escape_leaves_no_error(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    first = edit(window, "first_name")
    focus(qtbot, first)
    qtbot.keyClicks(first, "Asha")
    qtbot.keyClick(first, Qt.Key.Key_Escape)  # the factory answers "yes, clear"
    assert first.text() == ""
    assert visible_errors(window) == []


def test_an_error_goes_as_soon_as_the_number_is_right(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    phone = window.form.phone
    focus(qtbot, phone)
    qtbot.keyClicks(phone, "98450")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    assert [e.split(":")[0] for e in visible_errors(window)] == ["customer_phone_error"]
    focus(qtbot, phone)
    qtbot.keyClicks(phone, "00131")
    assert visible_errors(window) == [], "still red under a valid number"


def test_typing_never_brings_a_new_error(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    phone = window.form.phone
    focus(qtbot, phone)
    qtbot.keyClicks(phone, "98450 00131")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    focus(qtbot, phone)
    qtbot.keyClick(phone, Qt.Key.Key_Backspace)
    assert visible_errors(window) == [], "scolded while still typing"


def test_customer_not_found_goes_when_the_phone_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.form.phone.setText("+91 80000 00041")
    window.form.create_switch.setChecked(False)
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_button.click()
    assert window.form.error_label(CREATE_FIELD).isVisible()
    window.form.phone.setText("+91 80000 00042")
    assert visible_errors(window) == []


def test_the_count_of_fields_reads_right(qtbot: QtBot, window: MainWindow) -> None:
    edit(window, "email").setText("not an email")
    window.form.save_button.click()
    assert window.form.result.text() == "Not saved: 2 fields need attention."
    window.form.phone.setText("98450 00131")
    window.form.save_button.click()
    assert window.form.result.text() == "Not saved: 1 field needs attention."


def test_save_is_refused_when_the_panel_says_it_would_fail(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.form.create_switch.setChecked(False)
    window.form.phone.setText("+91 80000 00043")
    qtbot.waitUntil(lambda: window.finder.found is not None, timeout=5_000)
    window.form.save_button.click()
    label = window.form.error_label(CREATE_FIELD)
    assert label.isVisible()
    assert "Turn it on to create the lead" in label.text()
    assert window.form.result.text() == "Not saved: 1 field needs attention."
    assert window.outbox.unsent_count() == 0
