"""The physical floor of start-up and memory: a bare PySide6 window with one QLineEdit.

It does what the app's start-up does at the least: make a QApplication, show a main
window whose line edit has focus, and say so from the first event-loop turn (on stderr,
like the app's ``ready:`` log line). Run as a script by the start-up and memory
benchmarks, with the same Python and environment as the app.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    edit = QLineEdit(window)
    window.setCentralWidget(edit)
    window.resize(760, 900)
    window.show()
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    exit_when_ready = "--exit-when-ready" in sys.argv[1:]  # startup_instructions.py
    QTimer.singleShot(0, lambda: _ready(exit_when_ready))
    return int(app.exec())


def _ready(leave: bool) -> None:
    print("ready: window shown, line edit has focus", file=sys.stderr, flush=True)
    if leave:
        os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
