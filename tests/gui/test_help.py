"""F1 help: the guide, the keyboard sheet and the API-key page, from resources/help/."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from superfone_desk.app import resource_path
from superfone_desk.ui.help_window import PAGES, HelpWindow

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
