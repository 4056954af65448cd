"""The banner over the form: what the window must not let pass unseen (a key Superfone
refused, a lead that needs attention, a full disk), one message at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class Banner(QLabel):
    """A wrapped line of plain text, hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        # Server messages and typed names pass through here: text, never markup (#12.13).
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "banner")
        self.hide()
        #: The line ``say_storage_problem`` showed last, so it takes down only its own.
        self._storage_line: str | None = None

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()

    def say_storage_problem(self, text: str | None) -> None:
        """Delivery can't write to the outbox (``text``), or can again (None)."""
        # A full disk stops sending, never silently (issue #12.2); it resumes by itself.
        if text:
            self._storage_line = text
            self.say(text)
        elif self.text() == self._storage_line:
            self.hide()  # only this line: another message stays
