"""The API key appears nowhere but the keyring: a whole session, then every trace searched.

Session: enter a key in Settings, save leads, fail a save with a refused key (401),
change the key, let the outbox deliver. Searched afterwards: every file in the data and
config folders (settings, outbox and catalog database with its WAL, the log file),
everything logged at any level (httpx and httpcore at DEBUG included), stdout/stderr,
the clipboard after trying to copy the masked field, and the settings dialog as drawn.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from superfone_desk.app import configure_logging
from superfone_desk.paths import AppPaths
from superfone_desk.sandbox import SandboxServer
from superfone_desk.secrets import SecretStore
from superfone_desk.settings import SettingsStore
from superfone_desk.store.db import DATABASE_FILENAME
from superfone_desk.store.outbox import EntryState, Outbox
from superfone_desk.ui.main_window import MainWindow, Services
from tests.helpers.memory_keyring import MemoryKeyring

pytestmark = pytest.mark.gui

FIRST_KEY = "sfk_LEAKCHECK_first_7Q2m9Xw4"
SECOND_KEY = "sfk_LEAKCHECK_second_Vb81Lp0z"
WRONG_KEY = "sfk_LEAKCHECK_wrong_Hh5Tt3Rr"
KEYS = (FIRST_KEY, SECOND_KEY, WRONG_KEY)


def forms_of(key: str) -> list[bytes]:
    raw = key.encode()
    return [raw, key.encode("utf-16-le"), base64.b64encode(raw), raw.hex().encode()]


@pytest.fixture
def session_logs(tmp_path: Path) -> Iterator[AppPaths]:
    paths = AppPaths.under(tmp_path / "app").ensure()
    # configure_logging changes logger levels; put them back as they were before it.
    levels = {name: logging.getLogger(name).level for name in ("", "httpx", "httpcore")}
    handlers = configure_logging(paths)
    root = logging.getLogger()
    for name in levels:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield paths
    for handler in handlers:
        root.removeHandler(handler)
        handler.close()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def settings_dialog(window: MainWindow) -> QDialog:
    (dialog,) = [d for d in window.findChildren(QDialog, "settings_dialog") if d.isVisible()]
    return dialog


def enter_key(window: MainWindow, key: str) -> None:
    dialog = window.open_settings()
    dialog.findChild(QLineEdit, "api_key").setText(key)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def save_lead(qtbot: QtBot, window: MainWindow, phone: str, name: str) -> None:
    window.form.phone.setText(phone)
    window.form.widget("first_name").setText(name)  # type: ignore[attr-defined]
    window.form.save_and_new_button.click()


def test_a_whole_session_leaves_the_key_nowhere(
    qtbot: QtBot,
    session_logs: AppPaths,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    paths = session_logs
    ring = MemoryKeyring()
    outbox = Outbox.open(paths.data_dir / DATABASE_FILENAME)
    settings_store = SettingsStore(paths.config_dir)
    with SandboxServer(api_keys=(FIRST_KEY, SECOND_KEY), seed="demo") as sandbox:
        settings = settings_store.load()
        settings.default_country = "IN"
        services = Services(
            settings_store=settings_store,
            settings=settings,
            secret_store=lambda: SecretStore(ring, environ={}),
            open_outbox=lambda: outbox,
            base_url_override=sandbox.base_url,
            confirm=lambda *_: True,
        )
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome, timeout=5_000)

        enter_key(window, FIRST_KEY)
        qtbot.waitUntil(lambda: window.client is not None, timeout=5_000)
        for n, name in enumerate(["Asha", "Bilal"]):
            with qtbot.waitSignal(window.saved, timeout=10_000):
                save_lead(qtbot, window, f"80000 001{n}0", name)

        # A refused key: the save waits, paused, and Settings opens.
        enter_key(window, WRONG_KEY)
        qtbot.waitUntil(lambda: window.client is not None, timeout=5_000)
        with qtbot.waitSignal(window.save_failed, timeout=10_000):
            save_lead(qtbot, window, "80000 00120", "Chitra")
        dialog = settings_dialog(window)
        field = dialog.findChild(QLineEdit, "api_key")
        field.setText(SECOND_KEY)
        # Masked on screen, and a masked field refuses to copy.
        assert field.echoMode() == QLineEdit.EchoMode.Password
        assert SECOND_KEY not in field.displayText()
        QApplication.clipboard().clear()
        field.selectAll()
        field.copy()
        clipboard = QApplication.clipboard().text()
        dialog.grab().save(str(paths.data_dir / "settings-dialog.png"))
        with qtbot.waitSignal(window.saved, timeout=10_000):
            dialog.findChild(QDialogButtonBox).button(
                QDialogButtonBox.StandardButton.Save
            ).click()
        qtbot.waitUntil(lambda: outbox.unsent_count() == 0, timeout=10_000)
        assert [e.state for e in outbox.entries()] == [EntryState.SENT] * 3
        assert ring.passwords  # the keyring is the one place that holds it
        window.close()
        window.pool.shutdown()
    outbox.close()

    out, err = capfd.readouterr()
    texts = {
        "log records": caplog.text.encode(),
        "stdout": out.encode(),
        "stderr": err.encode(),
        "clipboard": clipboard.encode(),
    }
    for folder in (paths.data_dir, paths.config_dir):
        for file in folder.rglob("*"):
            if file.is_file():
                texts[str(file.relative_to(paths.data_dir.parent))] = file.read_bytes()
    assert any(name.endswith(".log") for name in texts), "the session wrote no log file"
    assert any(DATABASE_FILENAME in name for name in texts)
    assert b"401" in texts["log records"] or b"API key" in texts["log records"]
    for key in KEYS:
        for form in forms_of(key):
            leaks = [name for name, data in texts.items() if form in data]
            assert not leaks, f"a form of the key is in: {leaks}"
