"""The page shown instead of the form while there is no API key: enter one, or try the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from superfone_desk import APP_NAME
from superfone_desk.ui.i18n import on_language_change


class WelcomePage(QWidget):
    """Signals: enter_key(), try_demo()."""

    enter_key = Signal()
    try_demo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self._title = title = QLabel(self)
        self._text = text = QLabel(self)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setMinimumWidth(420)
        self.key_button = QPushButton(self)
        self.key_button.setObjectName("welcome_enter_key")
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("welcome_try_demo")
        self._retranslate()
        on_language_change(self, self._retranslate)
        self.key_button.clicked.connect(self.enter_key)
        self.demo_button.clicked.connect(self.try_demo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.key_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setFocusProxy(self.key_button)

    def _retranslate(self) -> None:
        self._title.setText(self.tr("<h2>Welcome to {app}</h2>").format(app=APP_NAME))
        self._text.setText(
            self.tr(
                "Enter leads into your Superfone CRM account, fast, from the keyboard.\n"
                "To connect, you need the account's API key (ask Superfone or your admin)."
            )
        )
        self.key_button.setText(self.tr("Enter API key…"))
        self.demo_button.setText(self.tr("Try the demo"))
        self.demo_button.setToolTip(
            self.tr("A built-in practice account; nothing is sent to Superfone")
        )
