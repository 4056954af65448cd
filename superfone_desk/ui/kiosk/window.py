"""The counter kiosk's window: full screen, one visitor at a time, no way out without the PIN.

The window knows nothing of SQLite or HTTP: it gets a ``submit(draft) -> bool`` callable
(the outbox, in the app) and the region in its constructor. What a lead holds is decided
in ``core.kiosk``; this module shows the form, the thank-you screen and the admin's
dialogs, and runs the three timers (thank-you, idle reset, long press), all injectable
so tests run them in milliseconds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.kiosk import (
    DEFAULT_NOTICE,
    KioskLeadSetup,
    PinGate,
    build_draft,
    check_answers,
    example_phone,
)
from superfone_desk.settings import KioskSettings
from superfone_desk.ui import i18n
from superfone_desk.ui.kiosk.pin_dialog import AdminPanel, PinDialog
from superfone_desk.ui.kiosk.settings_dialog import KioskSettingsDialog
from superfone_desk.ui.kiosk.visitor_form import VisitorForm

log = logging.getLogger(__name__)

#: The admin's key chord: no visitor presses four keys at once by accident.
ADMIN_CHORD = "Ctrl+Alt+Shift+K"
FONT_POINTS = 22
#: The notice is read, not tapped: a little smaller, so a full paragraph fits beside the form.
NOTICE_POINTS = 18
# str(): Qt types the marker as returning object.
NOT_SAVED = str(
    QT_TRANSLATE_NOOP("KioskWindow", "Sorry, that didn't go through. Please ask at the desk.")
)

# Touch-sized: 48 px is the smallest target touch guidelines accept; the kiosk uses more.
_STYLE = f"""
QWidget {{ font-size: {FONT_POINTS}pt; }}
QLineEdit, QPushButton, QToolButton, QRadioButton, QCheckBox {{ min-height: 64px; }}
QLineEdit {{ padding: 4px 12px; }}
QPushButton#submit {{ min-width: 240px; font-weight: bold; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 40px; height: 40px; }}
QLabel#kiosk_heading {{ font-size: 28pt; font-weight: bold; }}
QLabel#kiosk_thanks {{ font-size: 36pt; font-weight: bold; }}
QLabel#consent_notice {{ font-size: {NOTICE_POINTS}pt; }}
QLabel[role="error"] {{ color: #b3261e; font-weight: bold; }}
"""


@dataclass(frozen=True)
class KioskTimings:
    """Milliseconds. Defaults: thanks < 5 s, idle reset 60 s, long press 3 s."""

    thanks_ms: int = 4_000
    idle_ms: int = 60_000
    long_press_ms: int = 3_000


class KioskWindow(QWidget):
    """The kiosk. ``submit`` queues a lead and says whether it is safe (True) or not.

    Signals:
    left(): the admin left kiosk mode (the window has closed).
    settings_changed(KioskSettings): the admin saved new kiosk settings.
    """

    left = Signal()
    settings_changed = Signal(object)

    def __init__(
        self,
        settings: KioskSettings,
        region: str,
        submit: Callable[[LeadDraft], bool],
        *,
        now: Callable[[], datetime] = datetime.now,
        pin_clock: Callable[[], float] = time.monotonic,
        timings: KioskTimings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self._settings = settings
        self._region = region
        self._submit = submit
        self._now = now
        self._timings = timings or KioskTimings()
        self._gate = PinGate(settings.pin_hash, clock=pin_clock)
        self._leaving = False
        self.setObjectName("kiosk_window")
        self.setStyleSheet(_STYLE)
        self._k = kiosk_catalog(settings)

        self.form = VisitorForm(region, catalog=self._k)
        self.form.submit_requested.connect(self._on_form_submit_requested)
        self.form.edited.connect(self._on_form_edited)
        self.form.set_placeholder_phone(example_phone(region))
        self.failure = QLabel()
        self.failure.setObjectName("kiosk_failure")
        self.failure.setProperty("role", "error")
        self.failure.hide()
        self.thanks = QLabel()
        self.thanks.setObjectName("kiosk_thanks")
        self.thanks.setTextFormat(Qt.TextFormat.PlainText)  # the visitor's own name
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setWordWrap(True)
        self.pages = QStackedWidget()
        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.addWidget(self.form)
        form_layout.addWidget(self.failure)
        self.pages.addWidget(form_page)
        self.pages.addWidget(self.thanks)

        self.logo = QToolButton()
        self.logo.setObjectName("kiosk_logo")
        self.logo.setAccessibleName("Superfone Desk")
        self.logo.setIcon(QApplication.windowIcon())
        self.logo.setIconSize(QSize(48, 48))
        self.logo.setAutoRaise(True)
        # Not in the visitor's Tab path: the form starts at the phone.
        self.logo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logo.pressed.connect(self._on_logo_pressed)
        self.logo.released.connect(self._on_logo_released)
        self._heading = heading = QLabel()
        heading.setObjectName("kiosk_heading")
        heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.logo)
        top.addWidget(heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self._thanks_timer = self._timer(self._timings.thanks_ms, self._on_thanks_timeout)
        self._idle_timer = self._timer(self._timings.idle_ms, self._on_idle_timeout)
        self._press_timer = self._timer(self._timings.long_press_ms, self.request_admin)
        chord = QShortcut(QKeySequence(ADMIN_CHORD), self)
        chord.setContext(Qt.ShortcutContext.WindowShortcut)
        chord.activated.connect(self.request_admin)
        self._apply_settings()
        self.form.clear()

    def _timer(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _apply_settings(self) -> None:
        settings = self._settings
        if self._k.language != kiosk_catalog(settings).language:
            self._k = kiosk_catalog(settings)
            self.form.retranslate(self._k)
        self.setWindowTitle(self._k.translate("KioskWindow", "Kiosk"))
        self._heading.setText(
            self._k.translate("KioskWindow", "Welcome! Leave your number and we'll get in touch.")
        )
        self.form.set_notice(settings.notice_text or DEFAULT_NOTICE, settings.notice_version)
        self.form.set_interests(settings.interests)
        self._gate.set_hash(settings.pin_hash)

    # ------------------------------------------------------------------ the visitor

    def _on_form_submit_requested(self) -> None:
        if self.pages.currentIndex() != 0:
            return
        answers = self.form.answers()
        errors = check_answers(answers, self._region)
        self.form.show_errors(errors)
        if errors:
            self._idle_timer.start()
            return
        settings = self._settings
        setup = KioskLeadSetup(settings.preset, settings.interests, settings.notice_version)
        draft = build_draft(answers, setup, self._now())
        try:
            saved = self._submit(draft)
        except Exception:
            log.exception("The kiosk could not keep a visitor's lead")
            saved = False
        if not saved:
            self.failure.setText(self._k.translate("KioskWindow", NOT_SAVED))
            self.failure.show()
            self._idle_timer.start()
            return
        # Only the first name, typed by the visitor a moment ago: nothing Superfone holds.
        first = answers.first_name.strip()
        self.thanks.setText(
            self._k.translate("KioskWindow", "Thank you, {name}!\n\nWe'll be in touch soon.")
            .format(name=first)
        )
        self.reset()
        self.pages.setCurrentIndex(1)
        self._thanks_timer.start()

    def reset(self) -> None:
        """An empty form for the next visitor."""
        self._idle_timer.stop()
        self.failure.hide()
        self.form.clear()

    def _on_thanks_timeout(self) -> None:
        self.pages.setCurrentIndex(0)
        self.reset()

    def _on_form_edited(self) -> None:
        if not self.form.is_empty():
            self._idle_timer.start()

    def _on_idle_timeout(self) -> None:
        # The next visitor must never see the last one's number.
        if self.pages.currentIndex() == 0:
            self.reset()

    # ------------------------------------------------------------------ staying put

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Alt+F4, the window manager's close button, close(): only the admin leaves.
        if not self._leaving:
            event.ignore()
            return
        for timer in (self._thanks_timer, self._idle_timer, self._press_timer):
            timer.stop()
        event.accept()
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F4):
            event.accept()  # Esc and Alt+F4 do nothing here
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        # Minimised or un-full-screened by the window manager: back to full screen.
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self.isVisible()
            and not self._leaving
            and not self.isFullScreen()
        ):
            QTimer.singleShot(0, self._back_to_full_screen)

    def _back_to_full_screen(self) -> None:
        if not self._leaving and self.isVisible():
            self.showFullScreen()

    # ------------------------------------------------------------------ the admin

    def _on_logo_pressed(self) -> None:
        self._press_timer.start()

    def _on_logo_released(self) -> None:
        self._press_timer.stop()

    def request_admin(self) -> None:
        """The chord or the long press: ask for the PIN (once; a second ask is ignored)."""
        if any(d.isVisible() for d in self.findChildren(QDialog)):
            return
        dialog = PinDialog(self._gate, self)
        dialog.accepted.connect(self._open_admin_panel)
        self._open_dialog(dialog)

    def _open_admin_panel(self) -> None:
        panel = AdminPanel(self)
        panel.settings_requested.connect(self._open_settings, Qt.ConnectionType.QueuedConnection)
        panel.exit_requested.connect(self.leave, Qt.ConnectionType.QueuedConnection)
        self._open_dialog(panel)

    def _open_settings(self) -> None:
        dialog = KioskSettingsDialog(self._settings, self._region, parent=self)
        dialog.accepted.connect(lambda: self._on_settings_saved(dialog.result_settings()))
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished, Qt.ConnectionType.QueuedConnection)
        dialog.open()

    def _on_dialog_finished(self) -> None:
        # The admin is done: the form takes the next visitor's keys at once (and the
        # chord works again) without anyone having to tap the screen first.
        if self._leaving or any(d.isVisible() for d in self.findChildren(QDialog)):
            return
        self.activateWindow()
        if self.pages.currentIndex() == 0:
            self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_settings_saved(self, settings: KioskSettings) -> None:
        self._settings = settings
        self._apply_settings()
        self.settings_changed.emit(settings)

    def leave(self) -> None:
        """Leave kiosk mode (after the PIN): the window closes for real."""
        self._leaving = True
        for dialog in self.findChildren(QDialog):
            dialog.close()  # top-level windows of their own: they would outlive the kiosk
        self.close()


def kiosk_catalog(settings: KioskSettings) -> i18n.Catalog:
    """The visitor's language: the kiosk's own setting, else the app's."""
    return i18n.Catalog(settings.language or i18n.current())
