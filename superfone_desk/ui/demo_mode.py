"""The demo (``--demo``, or "Try the demo" on the welcome page): the in-process sandbox
started in the worker pool, and the window marked as a demo while it runs.

Its texts stay in the window's translation context ("MainWindow"), where they were
translated before this job had its own module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from superfone_desk.ui.i18n import on_language_change
from superfone_desk.ui.workers import WorkerPool, user_message

if TYPE_CHECKING:
    from collections.abc import Callable


class DemoMode(QObject):
    """Starts the demo on request and marks ``window`` while it runs.

    Signals:
        status(str): what the connection line says while the demo starts.
        failed(str): the demo did not start, in words.
        entered(str, str): the demo runs: its key and base URL, for the connection.
    """

    status = Signal(str)
    failed = Signal(str)
    entered = Signal(str, str)

    def __init__(
        self,
        window: QMainWindow,
        pool: WorkerPool,
        start_demo: Callable[[], tuple[str, str]] | None,
        *,
        on: bool,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._pool = pool
        self._start_demo = start_demo
        #: The window is (or starts as) a demo.
        self.on = on
        #: The band over the form; part of the first paint.
        self.marker = QLabel(window)
        self.marker.setObjectName("demo_marker")
        self.marker.setProperty("role", "demo")
        self.marker.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.marker.setVisible(on)
        on_language_change(self.marker, self._retranslate)
        self._retranslate()

    def start(self) -> None:
        """Start the sandbox in the pool; ``entered`` follows (or ``failed``)."""
        if self._start_demo is None:
            return
        self.status.emit(QCoreApplication.translate("MainWindow", "Starting the demo…"))
        self._pool.submit(
            self._start_demo,
            on_result=lambda key_url: self._enter(*key_url),
            on_error=lambda e: self.failed.emit(
                QCoreApplication.translate(
                    "MainWindow", "The demo did not start: {reason}"
                ).format(reason=user_message(e))
            ),
            name="start demo",
        )

    def _enter(self, key: str, base_url: str) -> None:
        self.on = True
        self.marker.show()
        self._retranslate()
        self.entered.emit(key, base_url)

    def _retranslate(self) -> None:
        self.marker.setText(
            QCoreApplication.translate("MainWindow", "Demo — nothing is sent to Superfone")
        )
        if self.on:
            # Qt appends the application's display name: this reads "Demo — Superfone Desk".
            self._window.setWindowTitle(QCoreApplication.translate("MainWindow", "Demo"))
