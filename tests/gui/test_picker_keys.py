"""Lists in the form: Esc closes an open list and nothing else, Tab takes the highlighted
entry, a label typed that names nothing is flagged on leaving, and a wrong assignee gets
the red border the other fields get (issue 13, bug 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QListView, QWidget
from pytestqt.qtbot import QtBot

from superfone_desk.app import resource_path
from superfone_desk.core.draft import Choice
from superfone_desk.ui.main_window import MainWindow
from superfone_desk.ui.theme import style_sheet
from tests.gui.conftest import WindowFactory

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(
        r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints)",
        extend=True,
    ),
]


def popup_of(edit: QWidget) -> QListView:
    view = edit.completer().popup()  # type: ignore[attr-defined]
    assert isinstance(view, QListView)
    return view


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_esc_closes_the_open_list_and_asks_nothing(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.activateWindow()
    window.form.phone.setText("98450 00131")
    edit = window.form.picker("lead_stage_name").focusProxy()
    focus(qtbot, edit)
    qtbot.keyClicks(edit, "Qu")
    view = popup_of(edit)
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert make_window.questions == []
    assert window.form.phone.text() == "98450 00131"


def test_tab_takes_the_highlighted_entry(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    stage = window.form.picker("lead_stage_name")
    edit = stage.focusProxy()
    focus(qtbot, edit)
    qtbot.keyClicks(edit, "Qual")
    view = popup_of(edit)
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert stage.choice() == Choice.set("Qualified")
    assert not window.form.error_label("lead_stage_name").text()


def test_a_label_that_names_nothing_is_flagged_on_leaving(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    edit = window.form.multi("add_labels").focusProxy()
    focus(qtbot, edit)
    qtbot.keyClicks(edit, "Zzyzx")
    popup_of(edit).hide()
    focus(qtbot, window.form.phone)
    assert "Zzyzx" in window.form.error_label("add_labels").text()


def test_a_wrong_assignee_gets_a_red_border(qtbot: QtBot, window: MainWindow) -> None:
    # The app's style sheet, as the app sets it (the tests' windows run without it).
    text = resource_path("style.qss").read_text(encoding="utf-8")
    window.setStyleSheet(style_sheet(text, window.palette()))
    window.activateWindow()
    assignee = window.form.assignee
    focus(qtbot, assignee.edit)
    qtbot.keyClicks(assignee.edit, "123")
    focus(qtbot, window.form.phone)
    assert window.form.error_label("assignee_user_phone").text()
    image = assignee.grab().toImage()
    red = QColor("#a4231c").rgb()
    edge = [image.pixel(x, 0) for x in range(4, image.width() - 4)]
    assert edge.count(red) > image.width() // 2, "no red border on the assignee"


def test_source_types_are_shown_in_words_and_sent_as_the_api_value(
    qtbot: QtBot, window: MainWindow
) -> None:
    picker = window.form.picker("source_type")
    edit = picker.focusProxy()
    window.activateWindow()
    focus(qtbot, edit)
    qtbot.keyClicks(edit, "whatsapp m")
    view = popup_of(edit)
    qtbot.waitUntil(view.isVisible)
    shown = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert shown == ["WhatsApp message"]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert edit.text() == "WhatsApp message"
    assert window.form.draft().source_type == "WHATSAPP_MESSAGE"
