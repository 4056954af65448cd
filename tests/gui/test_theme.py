"""The style sheet's coloured text reads at WCAG AA (4.5:1) on light and dark palettes.

The real-window tests measure the painted window; this one checks every role of
resources/style.qss against the window colour of a light and a dark palette, fast and
without a display, and that a theme switch while running swaps the colours.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from superfone_desk.app import resource_path
from superfone_desk.ui.theme import apply_style, is_dark, style_sheet
from tests.realwindow.contrast import AA_NORMAL_TEXT, contrast_ratio
from tests.realwindow.probe import dark_palette

pytestmark = pytest.mark.gui

ROLES = ("error", "success", "kept", "hint", "banner", "demo", "lookup")


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def _light_palette() -> QPalette:
    palette = QPalette(QColor("#efefef"))  # Qt derives a light palette from a button colour
    palette.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    return palette


@pytest.mark.parametrize("palette_name", ["light", "dark"])
@pytest.mark.parametrize("role", ROLES)
def test_role_text_meets_aa(qtbot: QtBot, palette_name: str, role: str) -> None:
    palette = dark_palette() if palette_name == "dark" else _light_palette()
    assert is_dark(palette) == (palette_name == "dark")
    text = resource_path("style.qss").read_text(encoding="utf-8")
    # palette(...) in a style sheet reads the application's palette, as a desktop sets it.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(palette)
    qtbot.addWidget(host := QWidget())
    host.setStyleSheet(style_sheet(text, palette))
    label = QLabel("Enter a phone number", host)
    label.setProperty("role", role)
    host.show()
    label.ensurePolished()
    fg = label.palette().color(label.foregroundRole())
    # A role with its own background is read against it; the others against the window.
    own_background = label.palette().color(label.backgroundRole())
    paints_background = role in ("banner", "demo", "lookup")
    background = own_background if paints_background else palette.color(QPalette.ColorRole.Window)
    ratio = contrast_ratio(_rgb(fg), _rgb(background))
    app.setPalette(before)
    assert ratio >= AA_NORMAL_TEXT, f"{role} on {palette_name}: {fg.name()} on {background.name()}"


def test_a_theme_switch_swaps_the_colours(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before_palette, before_sheet = app.palette(), app.styleSheet()
    follower = None
    try:
        app.setPalette(_light_palette())
        follower = apply_style(app, resource_path)
        assert "#ffb4ab" not in app.styleSheet()
        app.setPalette(dark_palette())
        qtbot.waitUntil(lambda: "#ffb4ab" in app.styleSheet())
    finally:
        if follower is not None:
            app.removeEventFilter(follower)
            follower.setParent(None)
        app.setStyleSheet(before_sheet)
        app.setPalette(before_palette)
