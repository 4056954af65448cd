"""Opens the main window inside its screen, where the user left it on that screen.

``core.window_fit`` decides in plain numbers; this applies it to a real window: before
the first show (with a guessed frame), once more when the window manager has framed
the window (with the real frame), and remembers the size, place and maximised state
per screen in ``window.json`` in the config folder when the window closes.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QMainWindow

from superfone_desk.core.window_fit import GUESSED_FRAME, Frame, Rect, fit, screen_key

log = logging.getLogger(__name__)

PLACES_FILE = "window.json"
#: How long after the first show moves and resizes are the window manager's doing.
SETTLE_MS = 3000


def _rect(r: QRect) -> Rect:
    return Rect(r.x(), r.y(), r.width(), r.height())


def _screen_key(screen: QScreen) -> str:
    return screen_key(screen.name(), _rect(screen.geometry()))


def load_places(path: Path) -> dict[str, dict[str, Any]]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    screens = raw.get("screens") if isinstance(raw, dict) else None
    return screens if isinstance(screens, dict) else {}


def _saved_rect(place: dict[str, Any] | None) -> Rect | None:
    if not isinstance(place, dict):
        return None
    try:
        return Rect(int(place["x"]), int(place["y"]), int(place["width"]), int(place["height"]))
    except (KeyError, TypeError, ValueError):
        return None


class WindowPlacer(QObject):
    """Keeps ``window`` on its screen and remembers where it was, per screen.

    ``place()`` before the first show; it then follows the window's close by itself.
    """

    def __init__(
        self, window: QMainWindow, folder: Path, preferred_width: int, preferred_height: int
    ) -> None:
        super().__init__(window)
        self._window = window
        self._path = folder / PLACES_FILE
        self._preferred = (preferred_width, preferred_height)
        self._places = load_places(self._path)
        self._shown = QElapsedTimer()
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(50)
        self._recheck.timeout.connect(self._check_frame)
        window.installEventFilter(self)

    def _screen(self) -> QScreen:
        return self._window.screen() or QApplication.primaryScreen()

    def place(self) -> None:
        """Sets the window's geometry for its screen (call before ``show``)."""
        self._apply(GUESSED_FRAME)

    def _apply(self, frame: Frame) -> None:
        screen = self._screen()
        place = self._places.get(_screen_key(screen))
        window = self._window
        hint = window.minimumSizeHint()
        client = fit(
            *self._preferred,
            _rect(screen.availableGeometry()),
            frame=frame,
            saved=_saved_rect(place),
            minimum_width=hint.width(),
            minimum_height=hint.height(),
        )
        # The layout's minimum must not hold the window taller than the screen: the form
        # scrolls instead, and the buttons stay below the scrolling part.
        window.setMinimumSize(min(hint.width(), client.width), min(hint.height(), client.height))
        window.setGeometry(client.x, client.y, client.width, client.height)
        if isinstance(place, dict) and place.get("maximized") and not window.isVisible():
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._window:
            kind = event.type()
            if kind == QEvent.Type.Show and not self._shown.isValid():
                self._shown.start()
                self._recheck.start()
            elif kind in (QEvent.Type.Move, QEvent.Type.Resize) and self._settling():
                # The window manager frames, places and may resize the window in several
                # steps after the show: check again after each, for a moment.
                self._recheck.start()
            elif kind == QEvent.Type.Close:
                self.remember()
        return False

    def _settling(self) -> bool:
        return self._shown.isValid() and self._shown.elapsed() < SETTLE_MS

    def _check_frame(self) -> None:
        window = self._window
        if window.isMaximized() or window.isFullScreen():
            return
        frame, client = window.frameGeometry(), window.geometry()
        if frame.size() == client.size():
            return  # not framed (yet, or no window manager): the guessed frame stands
        available = self._screen().availableGeometry()
        if available.contains(frame):
            return
        self._apply(
            Frame(
                left=client.x() - frame.x(),
                top=client.y() - frame.y(),
                right=frame.right() - client.right(),
                bottom=frame.bottom() - client.bottom(),
            )
        )

    def remember(self) -> None:
        """Keeps the window's place on its current screen in ``window.json``."""
        window = self._window
        normal = window.normalGeometry() if window.isMaximized() else window.geometry()
        self._places[_screen_key(self._screen())] = {
            "x": normal.x(),
            "y": normal.y(),
            "width": normal.width(),
            "height": normal.height(),
            "maximized": window.isMaximized(),
        }
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._path.with_name(self._path.name + ".tmp")
            tmp.write_text(json.dumps({"screens": self._places}, indent=1), encoding="utf-8")
            os.replace(tmp, self._path)
        except OSError as exc:
            # Only the window's place is lost: never stop a close for it.
            log.warning("Could not remember the window's place: %s", exc.strerror or exc)
