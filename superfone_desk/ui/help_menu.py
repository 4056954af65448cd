"""The Help menu: the user guide (F1), the keyboard shortcuts, where to find the API
key, Copy diagnostics and About.

Copy diagnostics puts ``superfone_desk.diagnostics``' report on the clipboard: version,
system, Qt, keyring, outbox counts and recent warnings, never a key, phone, name or
note. The outbox is counted in a worker (SQLite stays off the GUI thread).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from superfone_desk import APP_NAME, __version__
from superfone_desk.ui.i18n import on_language_change

if TYPE_CHECKING:
    from superfone_desk.ui.help_window import HelpWindow
    from superfone_desk.ui.workers import WorkerPool


def log_file() -> Path | None:
    """The app's log file, from the logging set-up (None when logging to a file is off)."""
    from logging.handlers import RotatingFileHandler

    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


class HelpMenu(QObject):
    """Fills ``menu``; ``set_sources`` once the outbox and the key store exist."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self._help: HelpWindow | None = None
        self._pool: WorkerPool | None = None
        self._counts: Callable[[], Mapping[Any, int]] | None = None
        self._keyring: Callable[[], str] = lambda: "not loaded yet"
        self._actions: dict[str, QAction] = {}
        for page, keys in (("guide", "F1"), ("shortcuts", ""), ("api_key", "")):
            action = self._actions[page] = QAction(window)
            action.setObjectName(f"action_help_{page}")
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, p=page: self.show_page(p))
            menu.addAction(action)
        diagnostics = self._actions["diagnostics"] = QAction(window)
        diagnostics.setObjectName("action_copy_diagnostics")
        diagnostics.triggered.connect(self.copy_diagnostics)
        menu.addAction(diagnostics)
        menu.addSeparator()
        about = self._actions["about"] = QAction(window)
        about.setObjectName("action_about")
        about.triggered.connect(self._on_about_triggered)
        menu.addAction(about)
        self._retranslate()
        on_language_change(window, self._retranslate)

    def _retranslate(self) -> None:
        texts = {
            "guide": self.tr("&User guide"),
            "shortcuts": self.tr("&Keyboard shortcuts"),
            "api_key": self.tr("&Where do I find my API key?"),
            "diagnostics": self.tr("&Copy diagnostics"),
            "about": self.tr("&About {app}").format(app=APP_NAME),
        }
        for name, text in texts.items():
            self._actions[name].setText(text)

    def set_sources(
        self,
        pool: WorkerPool,
        outbox_counts: Callable[[], Mapping[Any, int]],
        keyring: Callable[[], str],
    ) -> None:
        self._pool = pool
        self._counts = outbox_counts
        self._keyring = keyring

    def show_page(self, name: str) -> HelpWindow:
        if self._help is None:
            from superfone_desk.app import resource_path
            from superfone_desk.ui.help_window import HelpWindow

            self._help = HelpWindow(resource_path, self._window)
        self._help.show_page(name)
        return self._help

    def copy_diagnostics(self) -> None:
        """Builds the report in a worker and puts it on the clipboard."""
        from superfone_desk.diagnostics import build_report

        counts = self._counts
        keyring = self._keyring()

        def build() -> str:
            found = counts() if counts is not None else {}
            return build_report(
                qt_version=qVersion(),
                keyring_backend=keyring,
                outbox_counts={getattr(k, "value", str(k)): n for k, n in found.items()},
                log_file=log_file(),
            )

        if self._pool is None:
            self._on_report(build())
            return
        self._pool.submit(build, on_result=self._on_report, name="diagnostics")

    def _on_report(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        status = self._window.statusBar()
        status.showMessage(
            self.tr("Diagnostics copied: paste them into your message to support."), 6000
        )

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self._window,
            self.tr("About {app}").format(app=APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            + self.tr("<p>Enter leads into Superfone CRM from the desktop.</p>")
            + self.tr("<p>License: MIT</p>"),
        )
