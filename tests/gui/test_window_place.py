"""The main window opens inside its screen and where the user left it on that screen.

Offscreen the screen is 800x600 and there is no frame; the real-window tests check the
same on 1366x768 and at 150 % with a window manager.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from superfone_desk.ui.window_place import PLACES_FILE, WindowPlacer

pytestmark = pytest.mark.gui


def _window(qtbot: QtBot, folder: Path) -> tuple[QMainWindow, WindowPlacer]:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window, WindowPlacer(window, folder, 760, 900)


def test_a_form_taller_than_the_screen_opens_inside_it(qtbot: QtBot, tmp_path: Path) -> None:
    window, placer = _window(qtbot, tmp_path)
    placer.place()
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)
    assert window.width() == 760


def test_the_place_on_this_screen_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    window, placer = _window(qtbot, tmp_path)
    placer.place()
    window.show()
    qtbot.waitExposed(window)
    window.setGeometry(40, 50, 500, 400)
    window.close()
    saved = json.loads((tmp_path / PLACES_FILE).read_text(encoding="utf-8"))["screens"]
    assert list(saved.values()) == [
        {"x": 40, "y": 50, "width": 500, "height": 400, "maximized": False}
    ]

    again, placer = _window(qtbot, tmp_path)
    placer.place()
    assert (again.x(), again.y(), again.width(), again.height()) == (40, 50, 500, 400)


def test_a_damaged_places_file_is_ignored(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / PLACES_FILE).write_text("{nope", encoding="utf-8")
    window, placer = _window(qtbot, tmp_path)
    placer.place()
    assert window.screen().availableGeometry().contains(window.geometry())
