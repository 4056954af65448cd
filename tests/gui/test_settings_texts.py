"""Settings shows no literal "&" and its Alt+letters are unique and reach a field
(issue 13, bug 9)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from superfone_desk.ui.main_window import MainWindow
from tests.realwindow.probe import mnemonic

pytestmark = pytest.mark.gui


def test_settings_labels_read_right_and_their_keys_are_unique(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    keys: list[str] = []
    for label in dialog.findChildren(QLabel):
        text = label.text()
        if "<" in text:
            continue  # rich text: "&" is an entity there
        if label.buddy() is None:
            assert "&" not in text.replace("& ", ""), f"{text!r} shows its '&' on screen"
        elif (key := mnemonic(text)) is not None:
            keys.append(key)
    for button in dialog.findChildren(QAbstractButton):
        if (key := mnemonic(button.text())) is not None:
            keys.append(key)
    assert keys, "no Alt+letters in Settings"
    assert [k for k, n in Counter(keys).items() if n > 1] == []
    dialog.reject()


def test_settings_show_the_base_url_in_use_and_keep_the_saved_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLineEdit

    saved = window.preferences.settings.base_url
    in_use = window.preferences.base_url()  # --base-url: the sandbox
    assert in_use != saved
    dialog = window.open_settings()
    field = dialog.findChild(QLineEdit, "base_url")
    assert field is not None
    assert field.text() == in_use, "Settings showed (and tested) another server"
    dialog.accept()
    assert window.preferences.settings.base_url == saved, "a --base-url got saved"


def test_test_connection_without_a_typed_key_tests_the_key_in_use(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton

    dialog = window.open_settings()
    button = dialog.findChild(QPushButton, "test_connection")
    result = dialog.findChild(QLabel, "test_connection_result")
    assert button is not None
    assert result is not None
    button.click()
    qtbot.waitUntil(lambda: "Connected" in result.text(), timeout=10_000)
    dialog.reject()
