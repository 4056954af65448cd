"""The API key's life in the window: welcome, settings, keyring, session-only, demo."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from superfone_desk.demo import DemoBackend
from superfone_desk.sandbox import SandboxServer
from superfone_desk.secrets import ENV_VAR, SERVICE, USERNAME, SecretStore
from superfone_desk.settings import Preset, StickyDefaults
from superfone_desk.ui.main_window import MainWindow
from superfone_desk.ui.settings_dialog import SettingsDialog
from tests.gui.conftest import KEY, WindowFactory, wait_idle

pytestmark = pytest.mark.gui


def settings_dialog(window: MainWindow) -> SettingsDialog:
    (dialog,) = [d for d in window.findChildren(QDialog, "settings_dialog") if d.isVisible()]
    assert isinstance(dialog, SettingsDialog)
    return dialog


def press_save(dialog: SettingsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    box.button(QDialogButtonBox.StandardButton.Save).click()


def enter_key_from_welcome(qtbot: QtBot, window: MainWindow, key: str) -> SettingsDialog:
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5_000)
    window.welcome.key_button.click()
    dialog = settings_dialog(window)
    dialog.findChild(QLineEdit, "api_key").setText(key)
    return dialog


def test_first_start_without_a_key_offers_key_or_demo(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(key=None, wait_catalogs=False)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5_000)
    assert window.findChild(QPushButton, "welcome_enter_key").isVisible()
    assert window.findChild(QPushButton, "welcome_try_demo").isVisible()
    assert window.client is None


def test_entered_key_goes_to_the_keyring_and_is_used_next_start(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(key=None, wait_catalogs=False)
    dialog = enter_key_from_welcome(qtbot, window, KEY)
    assert "system keyring" in dialog.findChild(QLabel, "api_key_where").text()
    press_save(dialog)
    wait_idle(qtbot, window)
    assert make_window.keyring.passwords == {(SERVICE, USERNAME): KEY}
    assert window.pages.currentWidget() is window.tabs
    assert "Inbound" in window.form.picker("lead_group_name").items()

    again = make_window(make_window.services(key=None))
    assert again.client is not None
    assert again.pages.currentWidget() is again.tabs


def test_without_a_keyring_the_key_lasts_this_session_only(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(key=None, backend=fail.Keyring(), wait_catalogs=False)
    dialog = enter_key_from_welcome(qtbot, window, KEY)
    assert "session only" in dialog.findChild(QLabel, "api_key_where").text()
    press_save(dialog)
    wait_idle(qtbot, window)
    assert "session only" in window.banner.text()
    assert window.banner.isVisible()
    assert window.client is not None
    assert make_window.keyring.passwords == {}


def test_key_is_masked_until_shown(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_settings()
    field = dialog.findChild(QLineEdit, "api_key")
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert field.text() == ""  # the stored key is never put back in a widget
    show = next(a for a in field.actions() if a.objectName() == "api_key_show")
    show.trigger()
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    show.trigger()
    assert field.echoMode() == QLineEdit.EchoMode.Password
    dialog.reject()


@pytest.mark.parametrize(("key", "expected"), [(KEY, "Connected"), ("wrong", "Failed")])
def test_test_connection(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, key: str, expected: str
) -> None:
    dialog = window.open_settings()
    dialog.findChild(QLineEdit, "api_key").setText(key)
    dialog.findChild(QLineEdit, "base_url").setText(sandbox.base_url)
    dialog.findChild(QPushButton, "test_connection").click()
    result = dialog.findChild(QLabel, "test_connection_result")
    qtbot.waitUntil(lambda: result.text().startswith(expected), timeout=5_000)
    dialog.reject()


def test_removing_the_key_removes_it_from_the_keyring(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    assert make_window.keyring.passwords
    dialog = window.open_settings()
    dialog.findChild(QPushButton, "api_key_remove").click()
    press_save(dialog)
    wait_idle(qtbot, window)
    assert make_window.keyring.passwords == {}
    assert window.pages.currentWidget() is window.welcome
    assert window.client is None


def test_environment_key_wins_and_is_never_stored(qtbot: QtBot, make_window: WindowFactory) -> None:
    services = make_window.services(key=None)
    services.secret_store = lambda: SecretStore(make_window.keyring, environ={ENV_VAR: KEY})
    window = make_window(services)
    assert window.client is not None
    dialog = window.open_settings()
    assert not dialog.findChild(QLineEdit, "api_key").isEnabled()
    assert ENV_VAR in dialog.findChild(QLabel, "api_key_where").text()
    press_save(dialog)
    wait_idle(qtbot, window)
    assert make_window.keyring.passwords == {}


def test_plain_http_to_a_remote_host_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_settings()
    dialog.findChild(QLineEdit, "base_url").setText("http://crm.example.com/superfone")
    press_save(dialog)
    error = dialog.findChild(QLabel, "base_url_error")
    assert error.isVisible()
    assert dialog.isVisible()
    dialog.reject()


def test_try_the_demo_from_the_welcome_page(qtbot: QtBot, make_window: WindowFactory) -> None:
    backend = DemoBackend()
    services = make_window.services(key=None)
    services.start_demo = backend.start
    try:
        window = make_window(services, wait_catalogs=False)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5_000)
        window.welcome.demo_button.click()
        wait_idle(qtbot, window)
        assert window.demo_marker.isVisible()
        assert "nothing is sent to Superfone" in window.demo_marker.text()
        assert "New Lead" in window.form.picker("lead_stage_name").items()
        window.form.phone.setText("80000 00061")
        with qtbot.waitSignal(window.saved, timeout=10_000):
            window.form.save_button.click()
        assert backend.server is not None
        phones = [
            p
            for lead in backend.server.snapshot(backend.key)["leads"]
            for p in lead["phone_numbers"]
        ]
        assert "+918000000061" in phones
        assert make_window.keyring.passwords == {}
    finally:
        window.pool.shutdown()
        backend.stop()


def test_default_country_changes_how_phones_are_read(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    dialog = window.open_settings()
    country = dialog.findChild(type(dialog.country), "default_country")
    country.setCurrentIndex(country.findData("US"))
    press_save(dialog)
    wait_idle(qtbot, window)
    assert window.region() == "US"
    window.form.phone.setText("(415) 555-2671")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    phones = [p for lead in sandbox.snapshot(KEY)["leads"] for p in lead["phone_numbers"]]
    assert "+14155552671" in phones


def test_presets_and_defaults_are_managed_in_settings(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from PySide6.QtWidgets import QListWidget

    services = make_window.services()
    services.settings.presets = [
        Preset("Walk-in counter", StickyDefaults(source="walk-in")),
        Preset("Phone enquiry", StickyDefaults(source_type="PHONE_CONTACT")),
    ]
    window = make_window(services)
    line = window.form.widget("source")
    line.setText("expo")  # type: ignore[attr-defined]
    window.form.mark_clean()
    dialog = window.open_settings()
    assert "source “expo”" in dialog.findChild(QLabel, "sticky_defaults").text()
    presets = dialog.findChild(QListWidget, "presets")
    assert [presets.item(i).text() for i in range(presets.count())] == [
        "Ctrl+1  Walk-in counter",
        "Ctrl+2  Phone enquiry",
    ]
    presets.setCurrentRow(0)
    dialog.findChild(QPushButton, "remove_preset").click()
    dialog.findChild(QPushButton, "forget_defaults").click()
    press_save(dialog)
    assert [p.name for p in make_window.settings_store.load().presets] == ["Phone enquiry"]
    assert make_window.settings_store.load().defaults == StickyDefaults()
    assert line.text() == ""  # type: ignore[attr-defined]
    action = window.findChild(QAction, "action_preset_1")
    assert action is not None
    assert action.text() == "Phone enquiry"


def test_settings_reopened_right_after_closing_is_a_visible_dialog(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = window.open_settings()
    press_save(first)
    # The closed dialog is deleted only on a later event-loop turn; asking again at once
    # must not hand back that hidden one (the user would see nothing).
    again = window.open_settings("Enter a valid key.")
    assert again is not first
    assert again.isVisible()
    assert settings_dialog(window) is again
    again.reject()
