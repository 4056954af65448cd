"""The app in Hindi (issue #17): chosen by the system locale or in Settings, the kiosk apart.

Samples of what a person reads are checked in Devanagari: menus, the welcome page, the
tabs, the status line, Settings and Qt's own buttons, the kiosk, validation messages.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.validation import validate
from superfone_desk.settings import KioskSettings
from superfone_desk.ui import i18n
from superfone_desk.ui.kiosk.window import KioskTimings, KioskWindow
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _is_devanagari(text: str) -> bool:
    return any("\u0900" <= c <= "\u097f" for c in text)


def test_the_system_locale_chooses_hindi_in_a_fresh_process() -> None:
    env = {**os.environ, "LANG": "hi_IN.UTF-8", "LC_ALL": "hi_IN.UTF-8", "LANGUAGE": "hi"}
    code = (
        "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
        "from superfone_desk.ui import i18n; print(i18n.resolve('system'), i18n.install('system'));"
        "print(QCoreApplication.translate('WindowActions', '&File'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "hi hi"
    assert out[1] == "फ़ाइल (&F)"


def test_system_english_and_explicit_choices_resolve() -> None:
    assert i18n.resolve("system", QLocale("hi_IN")) == "hi"
    assert i18n.resolve("system", QLocale("de_DE")) == "en"
    assert i18n.resolve("hi", QLocale("en_US")) == "hi"
    assert i18n.resolve("en", QLocale("hi_IN")) == "en"


def test_the_window_menus_tabs_and_status_in_hindi(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    i18n.install("hi")
    window = make_window()
    assert _menu_titles(window) == ["फ़ाइल (&F)", "व्यू (&V)", "प्रीसेट", "मदद (&H)"]
    file_actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "सेटिंग्स… (&S)" in file_actions
    assert "कियॉस्क मोड… (&K)" in file_actions
    tabs = window.tabs
    assert tabs.tabText(tabs.indexOf(window.form)) == "लीड"
    assert tabs.tabText(tabs.indexOf(window.outbox_view)) == "आउटबॉक्स"
    qtbot.waitUntil(lambda: window.delivery_status.text() == "सब भेज दी गईं", timeout=5_000)


def test_settings_and_qt_buttons_in_hindi(qtbot: QtBot, make_window: WindowFactory) -> None:
    i18n.install("hi")
    window = make_window()
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "सेटिंग्स"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    assert sorted(b.text() for b in buttons.buttons()) == ["रद्द करें", "सेव करें"]
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"भाषा (&L)", "डिफ़ॉल्ट देश (&C)", "प्रीसेट (&P)"} <= labels
    assert dialog.findChild(QPushButton, "test_connection").text() == "कनेक्शन जाँचें"
    dialog.reject()


def test_switching_language_in_settings_applies_at_once(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(key=None)
    assert _menu_titles(window)[0] == "&File"
    assert window.welcome.key_button.text() == "Enter API key…"
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    language = dialog.findChild(QComboBox, "language")
    assert language is not None
    assert [language.itemData(i) for i in range(language.count())] == ["system", "en", "hi"]
    assert language.itemText(2) == "हिन्दी"
    language.setCurrentIndex(2)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: _menu_titles(window)[0] == "फ़ाइल (&F)", timeout=5_000)
    assert window.welcome.key_button.text() == "API key डालें…"
    assert window.preferences.settings.language == "hi"
    assert make_window.settings_store.load().language == "hi"

    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "सेटिंग्स"
    language = dialog.findChild(QComboBox, "language")
    language.setCurrentIndex(1)  # English, written in English in every language
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: _menu_titles(window)[0] == "&File", timeout=5_000)
    assert window.welcome.key_button.text() == "Enter API key…"


def test_core_messages_shown_in_hindi() -> None:
    i18n.install("hi")
    errors = validate(LeadDraft(customer_phone="", extra_phones="12"), "IN")
    assert i18n.core_text(errors["customer_phone"]) == "फ़ोन नंबर लिखें"
    assert i18n.core_text(errors["add_phones"]) == (
        "“12”: भारत के फ़ोन नंबर के लिए बहुत छोटा है"
    )
    i18n.install("en")
    assert i18n.core_text(errors["add_phones"]) == "“12”: too short for a phone number in India"


def test_the_kiosk_speaks_hindi_while_the_admin_reads_english(qtbot: QtBot) -> None:
    i18n.install("en")
    kiosk = KioskWindow(
        KioskSettings(pin_hash="", language="hi"),
        "IN",
        lambda _draft: True,
        timings=KioskTimings(thanks_ms=60_000, idle_ms=60_000, long_press_ms=60_000),
    )
    qtbot.addWidget(kiosk)
    heading = kiosk.findChild(QLabel, "kiosk_heading")
    assert heading.text() == "स्वागत है! अपना नंबर दें, हम आपसे संपर्क करेंगे।"
    assert kiosk.form.send.text() == "भेजें"
    assert kiosk.form.consent.text() == "मैं ऊपर दी गई सूचना से सहमत हूँ"
    notice = kiosk.findChild(QLabel, "consent_notice").text()
    assert notice.startswith("हम, इस डेस्क वाला बिज़नेस")
    assert kiosk.findChild(QLineEdit, "customer_phone").placeholderText().startswith("जैसे ")
    kiosk.form.send.click()
    phone_error = kiosk.findChild(QLabel, "customer_phone_error")
    assert phone_error.text() == "फ़ोन नंबर लिखें"
    consent_error = kiosk.findChild(QLabel, "consent_error")
    assert _is_devanagari(consent_error.text())
    # The admin's side follows the app (English here), not the visitor's language.
    assert _menu_free_admin_title(kiosk) == "Kiosk PIN"


def _menu_free_admin_title(kiosk: KioskWindow) -> str:
    from superfone_desk.ui.kiosk.pin_dialog import PinDialog

    kiosk.request_admin()
    dialog = kiosk.findChild(PinDialog)
    assert dialog is not None
    title = dialog.windowTitle()
    dialog.reject()
    return title


def _cut_off(root: QWidget) -> list[str]:
    """Visible one-line labels and buttons narrower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if isinstance(widget.parent(), QLineEdit):
            continue  # a line edit's action button shows its icon, not its text
        if isinstance(widget, QLabel | QAbstractButton):
            need = widget.minimumSizeHint().width()
            text = widget.text()
            if text and widget.width() < need:
                found.append(f"{widget.objectName() or type(widget).__name__} {text!r}: "
                             f"{widget.width()} < {need}")
    return found


def test_nothing_is_cut_off_in_hindi_on_a_laptop_screen(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    i18n.install("hi")
    window = make_window()
    window.resize(min(window.width(), 1366), min(window.height(), 768 - 40))
    qtbot.wait(50)  # one layout pass
    assert _cut_off(window) == []
    bar = window.menuBar()
    for action in bar.actions():
        geometry = bar.actionGeometry(action)
        assert geometry.isValid(), f"menu {action.text()!r} has no place in the menu bar"
        assert bar.rect().contains(geometry), f"menu {action.text()!r} is cut off"
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1366
    assert dialog.height() <= 768
    assert _cut_off(dialog) == []
    dialog.reject()


def test_follow_up_times_read_in_hindi() -> None:
    from datetime import datetime, timedelta, timezone

    from superfone_desk.core.followup import display_time

    ist = timezone(timedelta(hours=5, minutes=30))
    due, now = datetime(2026, 11, 26, 11, 0, tzinfo=ist), datetime(2026, 11, 25, tzinfo=ist)
    shown = display_time(due, now)
    assert shown == "Thu 26 Nov, 11:00"
    i18n.install("hi")
    assert i18n.core_text(shown) == "गुरु, 26 नव॰, 11:00"


def test_without_a_devanagari_font_the_app_stays_in_english(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert i18n.devanagari_fonts(), "the test machine needs a Devanagari font (.ci/setup)"
    with caplog.at_level("WARNING", logger="superfone_desk.ui.i18n"):
        assert i18n.install("hi", fonts=list) == "en"
    assert "No Devanagari font" in caplog.text
    assert i18n.current() == "en"
    assert i18n.install("hi") == "hi"


def test_help_in_hindi(qtbot: QtBot, make_window: WindowFactory) -> None:
    i18n.install("hi")
    window = make_window()
    help_window = window.help_menu.show_page("guide")
    qtbot.addWidget(help_window)
    assert help_window.windowTitle() == "मदद"
    assert help_window.tabs.tabText(0) == "यूज़र गाइड"
    assert help_window.page_text("guide").startswith("पाँच मिनट में Superfone Desk")
    assert "Alt+P" in help_window.page_text("shortcuts")
    help_window.close()
