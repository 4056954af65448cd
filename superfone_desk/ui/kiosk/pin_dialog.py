"""The admin's way out of the kiosk: the PIN, then a choice of what to do.

``PinDialog`` asks ``core.kiosk.PinGate`` and shows its answer (wrong, locked for N s);
``AdminPanel`` opens only after the right PIN: kiosk settings, leave kiosk mode, or back.
Both open window-modal with ``open()``, never ``exec()``: the kiosk's timers keep running
and nothing blocks the event loop.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.kiosk import PIN_MAX_DIGITS, PinCheck, PinGate


class PinDialog(QDialog):
    """Asks for the kiosk PIN; ``accept()`` only when ``gate`` says it is right."""

    def __init__(self, gate: PinGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self.setObjectName("kiosk_pin_dialog")
        self.setWindowTitle(self.tr("Kiosk PIN"))
        self.pin = QLineEdit()
        self.pin.setObjectName("kiosk_pin")
        self.pin.setAccessibleName(self.tr("Kiosk PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_MAX_DIGITS)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.message = QLabel(
            self.tr("Enter the kiosk PIN to leave kiosk mode or change its settings.")
        )
        self.message.setObjectName("kiosk_pin_message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.pin)
        layout.addLayout(self._keypad())
        layout.addWidget(buttons)
        # Re-enables the dialog when the lock is over.
        self._unlock_timer = QTimer(self)
        self._unlock_timer.setSingleShot(True)
        self._unlock_timer.timeout.connect(self._on_unlock_timer_timeout)
        self._show_lock()

    def _keypad(self) -> QGridLayout:
        """Digits on screen: a touch-only kiosk has no keyboard to type the PIN with."""
        grid = QGridLayout()
        keys = [*"123456789", "⌫", "0"]
        for index, key in enumerate(keys):
            button = QPushButton(key)
            button.setObjectName(f"pin_key_{'back' if key == '⌫' else key}")
            button.setAccessibleName(self.tr("Delete") if key == "⌫" else key)
            button.setMinimumSize(72, 64)
            button.setAutoDefault(False)  # Return stays "OK"
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key == "⌫":
                button.clicked.connect(self.pin.backspace)
            else:
                button.clicked.connect(lambda _=False, digit=key: self.pin.insert(digit))
            grid.addWidget(button, index // 3, index % 3)
        return grid

    def _on_ok_clicked(self) -> None:
        result = self._gate.check(self.pin.text())
        self.pin.clear()
        if result is PinCheck.OK:
            self.accept()
        elif result is PinCheck.LOCKED:
            self._show_lock()
        else:
            left = self._gate.tries_left
            self.message.setText(self.tr("Wrong PIN. %n try(s) left.", "", left))

    def _show_lock(self) -> None:
        seconds = self._gate.locked_for()
        locked = seconds > 0
        self.pin.setEnabled(not locked)
        self._ok.setEnabled(not locked)
        if locked:
            self.message.setText(
                self.tr("Too many wrong PINs. Try again in %n second(s).", "", math.ceil(seconds))
            )
            self._unlock_timer.start(math.ceil(seconds * 1000))
        else:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_unlock_timer_timeout(self) -> None:
        self._show_lock()
        if self._gate.locked_for() == 0:
            self.message.setText(self.tr("Enter the kiosk PIN."))


class AdminPanel(QDialog):
    """What the admin can do once the PIN was right.

    Signals:
    settings_requested(): open the kiosk settings.
    exit_requested(): leave kiosk mode.
    """

    settings_requested = Signal()
    exit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_admin_panel")
        self.setWindowTitle(self.tr("Kiosk admin"))
        layout = QVBoxLayout(self)
        for name, text, signal in (
            ("admin_settings", self.tr("Kiosk settings…"), self.settings_requested),
            ("admin_exit", self.tr("Leave kiosk mode"), self.exit_requested),
            ("admin_back", self.tr("Back to the kiosk"), None),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            if signal is not None:
                button.clicked.connect(signal)
            button.clicked.connect(self.accept)
            layout.addWidget(button)
