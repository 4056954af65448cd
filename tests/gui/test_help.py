"""F1 help: the guide, the keyboard sheet and the API-key page, from resources/help/."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from superfone_desk.app import resource_path
from superfone_desk.ui.help_window import PAGES, HelpWindow
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY

pytestmark = pytest.mark.gui


def test_every_page_shows_its_text(qtbot: QtBot) -> None:
    window = HelpWindow(resource_path)
    qtbot.addWidget(window)
    window.show_page("shortcuts")
    assert window.isVisible()
    assert window.tabs.currentWidget().objectName() == "help_shortcuts"
    assert "Ctrl+Shift+Enter" in window.page_text("shortcuts")
    assert "Save & New" in window.page_text("guide")
    assert "Settings" in window.page_text("api_key")
    for name in PAGES:
        assert "missing" not in window.page_text(name)


def test_a_missing_page_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    window = HelpWindow(lambda name: tmp_path / name)
    qtbot.addWidget(window)
    assert "missing (guide.html)" in window.page_text("guide")


def test_f1_and_the_help_menu_open_the_pages(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    def trigger(name: str) -> None:
        action = window.findChild(QAction, name)
        assert action is not None, name
        action.trigger()

    trigger("action_help_guide")
    help_window = window.findChild(HelpWindow, "help_window")
    assert help_window is not None
    assert help_window.isVisible()
    assert help_window.tabs.currentWidget().objectName() == "help_guide"
    trigger("action_help_api_key")
    assert help_window.tabs.currentWidget().objectName() == "help_api_key"
    action = window.findChild(QAction, "action_help_guide")
    assert action is not None
    assert action.shortcut().toString() == "F1"


def test_copy_diagnostics_holds_no_customer_data(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QAction, QGuiApplication

    window.form.phone.setText("98450 00177")
    window.form.widget("first_name").setText("Zoravar")  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    QGuiApplication.clipboard().clear()
    action = window.findChild(QAction, "action_copy_diagnostics")
    assert action is not None
    action.trigger()
    qtbot.waitUntil(lambda: "diagnostics" in QGuiApplication.clipboard().text())
    report = QGuiApplication.clipboard().text()
    assert "Outbox:" in report
    assert "sent 1" in report
    for secret in ("98450", "00177", "Zoravar", KEY):
        assert secret not in report
