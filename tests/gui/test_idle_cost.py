"""What an idle window does not pay for: the follow-up reader (dateparser, ~0.3 s and
~18 MiB) is warmed up when the Follow-up field is first reached, not at start."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from superfone_desk.ui.form import lead_card
from tests.gui.conftest import WindowFactory, wait_idle

pytestmark = pytest.mark.gui


def test_the_follow_up_reader_warms_up_on_first_focus_only(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    done = threading.Event()

    def recorded_warm_up() -> None:
        calls.append(threading.current_thread().name)
        done.set()

    monkeypatch.setattr(lead_card, "warm_up", recorded_warm_up)
    window = make_window()
    wait_idle(qtbot, window)
    assert calls == []  # built, connected, idle: not warmed up

    edit = window.save_controller.card.followup.edit
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    qtbot.waitUntil(done.is_set, timeout=5_000)
    assert calls[0] != threading.main_thread().name  # on a worker, not the GUI thread
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    wait_idle(qtbot, window)
    assert len(calls) == 1  # once per window
