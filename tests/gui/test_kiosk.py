"""The counter kiosk end to end: a real window, a real outbox file, the sandbox over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFontInfo
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.core.kiosk import (
    CONSENT_MISSING,
    DEFAULT_NOTICE,
    KioskInterest,
    KioskPreset,
    hash_pin,
    verify_pin,
)
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import SandboxServer
from superfone_desk.settings import KioskSettings, SettingsStore
from superfone_desk.store.outbox import EntryState, Outbox
from superfone_desk.ui.kiosk.pin_dialog import AdminPanel, PinDialog
from superfone_desk.ui.kiosk.run import (
    KioskServices,
    ask_for_first_pin,
    open_kiosk,
    store_saver,
)
from superfone_desk.ui.kiosk.settings_dialog import KioskSettingsDialog
from superfone_desk.ui.kiosk.window import NOT_SAVED, KioskTimings, KioskWindow
from tests.gui.conftest import KEY, WindowFactory

pytestmark = pytest.mark.gui

PIN = "246810"
FAST = KioskTimings(thanks_ms=300, idle_ms=400, long_press_ms=200)
PRESET = KioskPreset(
    source="kiosk", source_type="OTHERS", lead_stage="New Lead", lead_group="Inbound",
    assignee_phone="+919876543210", labels=("Hot",),
)
INTERESTS = (KioskInterest("Plans", labels=("Demo Requested",), products=("Starter Plan",)),)


class Kiosk:
    """A kiosk opened by ``open_kiosk`` on a real outbox, delivering to the sandbox."""

    def __init__(self, qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.store = SettingsStore(tmp_path / "config")
        settings = self.store.load()
        settings.kiosk = KioskSettings(
            pin_hash=hash_pin(PIN), notice_version="2", preset=PRESET, interests=INTERESTS
        )
        self.store.save(settings)
        self.outbox = Outbox.open(tmp_path / "outbox.sqlite3")
        self.client = SuperfoneClient(KEY, sandbox.base_url)
        self.nudged = 0
        self.window = open_kiosk(
            KioskServices(self.outbox, self.store.load().kiosk, store_saver(self.store), "IN",
                          nudge=self._on_nudge, timings=FAST)
        )
        qtbot.addWidget(self.window)
        qtbot.waitExposed(self.window)

    def _on_nudge(self) -> None:
        self.nudged += 1

    def deliver(self) -> None:
        """What the delivery thread does after the nudge, here and now: send to the sandbox."""
        assert self.nudged == len(self.outbox.entries())
        Deliverer(self.outbox, lambda: self.client).drain()
        assert {e.state for e in self.outbox.entries()} == {EntryState.SENT}

    def find(self, kind: type[Any], name: str) -> Any:
        widget = self.window.findChild(kind, name)
        assert widget is not None, name
        return widget

    def lead(self, e164: str) -> dict[str, Any]:
        leads = [lead for lead in self.sandbox.snapshot(KEY)["leads"]
                 if e164 in lead["phone_numbers"]]
        assert len(leads) == 1, leads
        return leads[0]

    def close(self) -> None:
        self.window.leave()
        self.client.close()
        self.outbox.close()


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer) -> Iterator[Kiosk]:
    k = Kiosk(qtbot, tmp_path, sandbox)
    yield k
    k.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    qtbot.keyClick(focused(), key, mod)


def type_at(qtbot: QtBot, name: str, text: str) -> None:
    assert focused().objectName() == name, f"focus on {focused().objectName()!r}, not {name!r}"
    qtbot.keyClicks(focused(), text)


def fill_by_keyboard(qtbot: QtBot, phone: str, first: str, last: str = "", *,
                     consent: bool = True) -> None:
    type_at(qtbot, "customer_phone", phone)
    press(qtbot, Qt.Key.Key_Tab)
    type_at(qtbot, "first_name", first)
    press(qtbot, Qt.Key.Key_Tab)
    type_at(qtbot, "last_name", last)
    press(qtbot, Qt.Key.Key_Tab)
    while focused().objectName() != "consent":  # past the optional interest choice
        assert isinstance(focused(), QRadioButton), focused().objectName()
        press(qtbot, Qt.Key.Key_Tab)
    if consent:
        press(qtbot, Qt.Key.Key_Space)


def test_full_screen_large_touch_sized_and_phone_first(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert window.isFullScreen()
    assert window.geometry() == window.screen().geometry()
    assert window.findChild(QMenuBar) is None
    assert focused() is kiosk.find(QLineEdit, "customer_phone")
    assert kiosk.find(QLineEdit, "customer_phone").placeholderText() == "e.g. 81234 56789"
    for kind, name in ((QLineEdit, "customer_phone"), (QLineEdit, "first_name"),
                       (QCheckBox, "consent"), (QPushButton, "submit"),
                       (QRadioButton, "interest_0")):
        widget = kiosk.find(kind, name)
        assert widget.height() >= 48, name
        assert QFontInfo(widget.font()).pointSize() >= 20, name
    consent = kiosk.find(QCheckBox, "consent")
    assert consent.accessibleName().startswith("I agree")
    notice = kiosk.find(QLabel, "consent_notice")
    assert notice.text() == f"{DEFAULT_NOTICE}\n(Notice v2)"
    assert notice.textFormat() == Qt.TextFormat.PlainText
    assert notice.isVisible()


def test_without_consent_nothing_is_saved_and_the_box_says_why(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    fill_by_keyboard(qtbot, "98765 00001", "Asha", consent=False)
    press(qtbot, Qt.Key.Key_Return)
    error = kiosk.find(QLabel, "consent_error")
    assert error.isVisible()
    assert error.text() == CONSENT_MISSING
    assert focused().objectName() == "consent"
    assert kiosk.outbox.entries() == []
    # Ticking it takes the message away; Return now saves.
    press(qtbot, Qt.Key.Key_Space)
    assert not error.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    assert len(kiosk.outbox.entries()) == 1


def test_keyboard_only_visitor_lead_arrives_with_preset_and_consent_note(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    before = datetime.now()
    fill_by_keyboard(qtbot, "98765 00002", "Asha", "Rao")
    press(qtbot, Qt.Key.Key_Return)
    thanks = kiosk.find(QLabel, "kiosk_thanks")
    assert thanks.isVisible()
    assert thanks.text().startswith("Thank you, Asha!")
    assert "Rao" not in thanks.text()
    assert "98765" not in thanks.text()
    # Thanked once the lead is on disk, before any network: offline works the same.
    (entry,) = kiosk.outbox.entries()
    assert entry.state is EntryState.QUEUED
    kiosk.deliver()
    lead = kiosk.lead("+919876500002")
    assert (lead["first_name"], lead["last_name"]) == ("Asha", "Rao")
    assert lead["source"] == "kiosk"
    assert lead["source_type"] == "OTHERS"
    assert lead["lead_stage"]["title"] == "New Lead"
    assert lead["lead_group"]["title"] == "Inbound"
    assert lead["assignee_user"]["first_name"] == "Ravi"  # +91 98765 43210 in the seed
    assert lead["label_titles"] == ["Hot"]
    (note,) = (note["text"] for note in lead["notes"])
    assert note.startswith(f"Consent given at the kiosk, {before.day} {before:%b %Y} ")
    assert note.endswith(", notice v2")
    # Then an empty form, phone focused, within the thank-you time.
    qtbot.waitUntil(lambda: kiosk.find(QLineEdit, "customer_phone").isVisible(), timeout=2_000)
    assert kiosk.window.form.is_empty()
    assert focused().objectName() == "customer_phone"


def test_interest_choice_adds_its_labels_and_products(qtbot: QtBot, kiosk: Kiosk) -> None:
    type_at(qtbot, "customer_phone", "98765 00003")
    kiosk.find(QLineEdit, "first_name").setText("Ravi")
    qtbot.mouseClick(kiosk.find(QRadioButton, "interest_0"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.find(QCheckBox, "consent"), Qt.MouseButton.LeftButton,
                     pos=QPoint(20, kiosk.find(QCheckBox, "consent").height() // 2))
    qtbot.mouseClick(kiosk.find(QPushButton, "submit"), Qt.MouseButton.LeftButton)
    kiosk.deliver()
    lead = kiosk.lead("+919876500003")
    assert sorted(lead["label_titles"]) == ["Demo Requested", "Hot"]
    assert lead["products"] == ["Starter Plan"]


def test_returning_visitor_is_updated_not_duplicated_and_sees_only_thanks(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    existing = kiosk.sandbox.snapshot(KEY)["leads"][0]
    phone = existing["phone_numbers"][0]
    count = len(kiosk.sandbox.snapshot(KEY)["leads"])
    fill_by_keyboard(qtbot, phone, "Visitor")
    press(qtbot, Qt.Key.Key_Return)
    thanks = kiosk.find(QLabel, "kiosk_thanks").text()
    assert thanks == "Thank you, Visitor!\n\nWe'll be in touch soon."
    kiosk.deliver()
    assert len(kiosk.sandbox.snapshot(KEY)["leads"]) == count
    assert kiosk.lead(phone)["first_name"] == "Visitor"


def test_invalid_phone_gets_a_large_message_next_to_it(qtbot: QtBot, kiosk: Kiosk) -> None:
    fill_by_keyboard(qtbot, "98765", "Asha")
    press(qtbot, Qt.Key.Key_Return)
    error = kiosk.find(QLabel, "customer_phone_error")
    assert error.isVisible()
    assert error.text() == "Too short for a phone number in India"
    assert QFontInfo(error.font()).pointSize() >= 20
    assert focused().objectName() == "customer_phone"
    assert kiosk.find(QLineEdit, "customer_phone").accessibleDescription() == error.text()
    assert kiosk.outbox.entries() == []
    # Fixing it takes the message away at once; Send checks again.
    qtbot.keyClicks(focused(), " 43210")
    assert not error.isVisible()
    assert kiosk.find(QLineEdit, "customer_phone").accessibleDescription() == ""


def test_a_pasted_message_leaves_just_its_number(qtbot: QtBot, kiosk: Kiosk) -> None:
    QApplication.clipboard().setText("Hi! I'm Asha, please call me on 98765 00004 after 5")
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert kiosk.find(QLineEdit, "customer_phone").text() == "+91 98765 00004"
    assert kiosk.find(QLineEdit, "first_name").text() == "Asha"
    # Two different numbers: the visitor chooses; the text stays as pasted.
    kiosk.window.reset()
    QApplication.clipboard().setText("98765 00004 or 98765 00005, Asha")
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert kiosk.find(QLineEdit, "customer_phone").text() == "98765 00004 or 98765 00005, Asha"


def test_form_clears_after_idle(qtbot: QtBot, kiosk: Kiosk) -> None:
    type_at(qtbot, "customer_phone", "98765 00005")
    assert not kiosk.window.form.is_empty()
    qtbot.waitUntil(kiosk.window.form.is_empty, timeout=3_000)
    assert kiosk.find(QLineEdit, "customer_phone").text() == ""


def test_close_paths_do_not_end_kiosk_mode(qtbot: QtBot, kiosk: Kiosk) -> None:
    window = kiosk.window
    with qtbot.assertNotEmitted(window.left):
        assert window.close() is False
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
        event = QCloseEvent()
        QApplication.sendEvent(window, event)
        assert not event.isAccepted()
    assert window.isVisible()
    assert window.isFullScreen()


def open_pin_dialog(qtbot: QtBot, kiosk: Kiosk) -> PinDialog:
    open_pin_dialog_on(qtbot, kiosk.window)
    return visible(qtbot, kiosk.window, PinDialog)


def open_pin_dialog_on(qtbot: QtBot, window: KioskWindow) -> None:
    mods = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_K, mods)


def visible(qtbot: QtBot, window: QWidget, kind: type[Any]) -> Any:
    """The shown dialog of ``kind`` (closed ones linger until deleted)."""
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(kind)), timeout=2_000
    )
    return next(d for d in window.findChildren(kind) if d.isVisible())


def enter_pin(qtbot: QtBot, dialog: PinDialog, pin: str) -> None:
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def test_chord_and_pin_leave_kiosk_mode(qtbot: QtBot, kiosk: Kiosk) -> None:
    dialog = open_pin_dialog(qtbot, kiosk)
    enter_pin(qtbot, dialog, PIN)
    qtbot.waitUntil(lambda: kiosk.window.findChild(AdminPanel) is not None, timeout=2_000)
    panel = kiosk.window.findChild(AdminPanel)
    with qtbot.waitSignal(kiosk.window.left, timeout=2_000):
        qtbot.mouseClick(panel.findChild(QPushButton, "admin_exit"), Qt.MouseButton.LeftButton)
    assert not kiosk.window.isVisible()


def test_long_press_on_the_logo_and_the_keypad_open_the_admin_panel_a_tap_does_not(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    logo = kiosk.window.logo
    qtbot.mouseClick(logo, Qt.MouseButton.LeftButton)
    qtbot.wait(FAST.long_press_ms * 2)  # the tap's timer would have fired by now
    assert kiosk.window.findChild(PinDialog) is None
    qtbot.mousePress(logo, Qt.MouseButton.LeftButton)
    dialog = visible(qtbot, kiosk.window, PinDialog)
    qtbot.mouseRelease(logo, Qt.MouseButton.LeftButton)
    # No keyboard on a touch screen: the PIN from the dialog's keypad.
    for key in "2469⌫":
        name = "back" if key == "⌫" else key
        qtbot.mouseClick(dialog.findChild(QPushButton, f"pin_key_{name}"),
                         Qt.MouseButton.LeftButton)
    assert dialog.pin.text() == "246"
    for key in PIN[3:]:
        qtbot.mouseClick(dialog.findChild(QPushButton, f"pin_key_{key}"),
                         Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    visible(qtbot, kiosk.window, AdminPanel)


def test_five_wrong_pins_lock_the_exit_for_a_minute(qtbot: QtBot, tmp_path: Path) -> None:
    now = [100.0]
    window = KioskWindow(
        KioskSettings(pin_hash=hash_pin(PIN)), "IN", lambda _draft: True,
        pin_clock=lambda: now[0], timings=FAST,
    )
    qtbot.addWidget(window)
    window.showFullScreen()
    qtbot.waitExposed(window)
    window.request_admin()
    dialog = window.findChild(PinDialog)
    for tries_left in (4, 3, 2, 1):
        enter_pin(qtbot, dialog, "000000")
        assert dialog.message.text() == (
            f"Wrong PIN. {tries_left} {'try' if tries_left == 1 else 'tries'} left."
        )
    enter_pin(qtbot, dialog, "000000")
    assert dialog.message.text() == "Too many wrong PINs. Try again in 60 seconds."
    assert not dialog.pin.isEnabled()
    dialog.reject()
    # Asking again within the minute: still locked, the right PIN can't even be typed.
    now[0] += 30
    window.request_admin()
    dialog = next(d for d in window.findChildren(PinDialog) if d.isVisible())
    assert not dialog.pin.isEnabled()
    assert "30 seconds" in dialog.message.text()
    dialog.reject()
    now[0] += 31
    window.request_admin()
    dialog = next(d for d in window.findChildren(PinDialog) if d.isVisible())
    assert dialog.pin.isEnabled()
    enter_pin(qtbot, dialog, PIN)
    qtbot.waitUntil(lambda: window.findChild(AdminPanel) is not None, timeout=2_000)
    window.leave()


def save(dialog: KioskSettingsDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_admin_changes_settings_after_the_pin_and_the_pin_is_never_stored_plain(
    qtbot: QtBot, kiosk: Kiosk
) -> None:
    enter_pin(qtbot, open_pin_dialog(qtbot, kiosk), PIN)
    qtbot.waitUntil(lambda: kiosk.window.findChild(AdminPanel) is not None, timeout=2_000)
    panel = kiosk.window.findChild(AdminPanel)
    qtbot.mouseClick(panel.findChild(QPushButton, "admin_settings"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.window.findChild(KioskSettingsDialog) is not None,
                    timeout=2_000)
    dialog = kiosk.window.findChild(KioskSettingsDialog)
    dialog.findChild(QPlainTextEdit, "notice_text").setPlainText("Acme Homes keeps your number.")
    dialog.findChild(QLineEdit, "notice_version").setText("3")
    dialog.findChild(QPlainTextEdit, "interests").setPlainText("Flats | Hot\nVillas")
    dialog.findChild(QLineEdit, "new_pin").setText("135790")
    dialog.findChild(QLineEdit, "new_pin_again").setText("135799")
    save(dialog)
    assert dialog.findChild(QLabel, "kiosk_settings_error").text() == "The two PINs differ"
    dialog.findChild(QLineEdit, "new_pin_again").setText("135790")
    with qtbot.waitSignal(kiosk.window.settings_changed, timeout=2_000):
        save(dialog)

    text = kiosk.store.path.read_text(encoding="utf-8")
    assert "135790" not in text
    assert PIN not in text
    saved = json.loads(text)["kiosk"]
    assert saved["pin_hash"].startswith("scrypt$")
    assert saved["notice_text"] == "Acme Homes keeps your number."
    assert [i["title"] for i in saved["interests"]] == ["Flats", "Villas"]
    assert kiosk.find(QLabel, "consent_notice").text() == (
        "Acme Homes keeps your number.\n(Notice v3)"
    )
    assert kiosk.find(QRadioButton, "interest_1").text() == "Villas"
    # Back to the visitor's form, phone focused; the new PIN opens the exit, the old doesn't.
    phone = kiosk.find(QLineEdit, "customer_phone")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is phone, timeout=2_000)
    dialog = open_pin_dialog(qtbot, kiosk)
    enter_pin(qtbot, dialog, PIN)
    assert dialog.message.text().startswith("Wrong PIN")
    enter_pin(qtbot, dialog, "135790")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2_000)


def test_settings_dialog_refuses_a_preset_no_lead_could_pass(qtbot: QtBot) -> None:
    dialog = KioskSettingsDialog(KioskSettings(), "IN", pin_required=True)
    qtbot.addWidget(dialog)
    save(dialog)
    assert dialog.error.text() == "Enter a PIN"
    dialog.new_pin.setText("2468")
    dialog.new_pin_again.setText("2468")
    dialog.labels.setText("Hot, \x1b")
    save(dialog)
    assert "control characters" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted


@pytest.mark.parametrize("failure", ["refused", "raised"])
def test_a_lead_that_could_not_be_kept_stays_on_screen_with_a_message(
    qtbot: QtBot, failure: str
) -> None:
    def submit(_draft: object) -> bool:
        if failure == "raised":
            raise OSError("disk full")
        return False

    window = KioskWindow(KioskSettings(pin_hash=hash_pin(PIN)), "IN", submit, timings=FAST)
    qtbot.addWidget(window)
    window.showFullScreen()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.form.phone, timeout=2_000)
    fill_by_keyboard(qtbot, "98765 00006", "Asha")
    press(qtbot, Qt.Key.Key_Return)
    failure_label = window.findChild(QLabel, "kiosk_failure")
    assert failure_label.isVisible()
    assert failure_label.text() == NOT_SAVED
    assert not window.findChild(QLabel, "kiosk_thanks").isVisible()
    assert window.form.answers().phone == "98765 00006"
    window.leave()


@pytest.mark.parametrize("answer", ["pin", "cancel"])
def test_first_start_asks_for_a_pin_and_keeps_only_its_hash(
    qtbot: QtBot, tmp_path: Path, answer: str
) -> None:
    store = SettingsStore(tmp_path / "config")
    seen: list[str] = []

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, KioskSettingsDialog)
            seen.append(dialog.windowTitle())
            if answer == "pin":
                dialog.new_pin.setText("97531")
                dialog.new_pin_again.setText("97531")
                save(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never leave exec() waiting, whatever failed

    QTimer.singleShot(0, answer_dialog)
    assert ask_for_first_pin(store, "IN") is (answer == "pin")
    assert seen == ["Kiosk settings"]
    if answer == "pin":
        assert "97531" not in store.path.read_text(encoding="utf-8")
        assert verify_pin("97531", store.load().kiosk.pin_hash)
    else:
        assert store.load().kiosk.pin_hash == ""


def test_kiosk_mode_from_the_window_menu_behind_the_pin(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window()
    action = window.findChild(QAction, "action_kiosk")
    # The first time there is no PIN: the kiosk settings ask for one.
    action.trigger()
    setup = visible(qtbot, window, KioskSettingsDialog)
    setup.new_pin.setText(PIN)
    setup.new_pin_again.setText(PIN)
    save(setup)
    kiosk = visible(qtbot, window, KioskWindow)
    assert kiosk.isFullScreen()
    assert not window.isVisible()
    assert verify_pin(PIN, make_window.settings_store.load().kiosk.pin_hash)
    assert verify_pin(PIN, window.preferences.settings.kiosk.pin_hash)

    # A visitor's lead goes through the window's own outbox and delivery thread.
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is kiosk.form.phone, timeout=2_000)
    fill_by_keyboard(qtbot, "98765 00008", "Meera")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.outbox.counts()[EntryState.SENT] == 1, timeout=10_000
    )
    (lead,) = (lead for lead in sandbox.snapshot(KEY)["leads"]
               if "+919876500008" in lead["phone_numbers"])
    assert (lead["first_name"], lead["source"]) == ("Meera", "kiosk")

    # The admin leaves: the window comes back; the next time the PIN is asked.
    open_pin_dialog_on(qtbot, kiosk)
    enter_pin(qtbot, visible(qtbot, kiosk, PinDialog), PIN)
    panel = visible(qtbot, kiosk, AdminPanel)
    qtbot.mouseClick(panel.findChild(QPushButton, "admin_exit"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isVisible, timeout=2_000)
    action.trigger()
    action.trigger()  # a double click asks once
    dialog = visible(qtbot, window, PinDialog)
    assert [d.isVisible() for d in window.findChildren(PinDialog)].count(True) == 1
    enter_pin(qtbot, dialog, "000000")
    assert dialog.message.text() == "Wrong PIN. 4 tries left."
    dialog.reject()
