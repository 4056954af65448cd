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
