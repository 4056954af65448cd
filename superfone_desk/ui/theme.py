"""The app's style sheet for the palette in use, kept right when the desktop switches theme.

``resources/style.qss`` has one part for every palette and, after its ``@dark`` line,
the colours that replace them on a dark palette (an error red that reads on white is
unreadable on charcoal, and no single red passes 4.5:1 on both).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

DARK_MARKER = "/* @dark"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def style_sheet(text: str, palette: QPalette) -> str:
    """The part of ``text`` for every palette, plus the dark part on a dark ``palette``."""
    common, marker, dark = text.partition(DARK_MARKER)
    if not marker or not is_dark(palette):
        return common
    return common + marker + dark


class _ThemeFollower(QObject):
    """Re-applies the style sheet when the application palette changes (theme switch)."""

    def __init__(self, app: QApplication, text: str) -> None:
        super().__init__(app)
        self._app = app
        self._text = text
        self._dark = is_dark(app.palette())
        # A signal, not an application-wide event filter: a filter routes every event of
        # the app through Python, which alone cost about 0.25x of a bare window's start-up.
        app.paletteChanged.connect(self._on_app_palette_changed)

    def _on_app_palette_changed(self, palette: QPalette) -> None:
        dark = is_dark(palette)
        if dark != self._dark:
            self._dark = dark
            self._app.setStyleSheet(style_sheet(self._text, palette))


def apply_style(app: QApplication, resource: Callable[[str], Path]) -> QObject | None:
    """Sets the style sheet for ``app``'s palette and follows later theme switches.

    Returns the object that follows them (delete it to stop), or None without a style file.
    """
    path = resource("style.qss")
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    app.setStyleSheet(style_sheet(text, app.palette()))
    return _ThemeFollower(app, text)
