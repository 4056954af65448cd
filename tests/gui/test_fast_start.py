"""The fast start is one mechanism: the first paint opens nothing, ``start`` builds the
rest once, in later event-loop turns, and a window closed before that builds nothing."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from superfone_desk.store.outbox import Outbox
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui


def fast_window(qtbot: QtBot, make_window: WindowFactory, opened: list[Outbox]) -> MainWindow:
    """A window as the app starts it (fast start), shown; ``opened`` logs outbox opens."""

    def open_outbox() -> Outbox:
        opened.append(make_window.outbox)
        return make_window.outbox

    services = dataclasses.replace(
        make_window.services(), fast_start=True, open_outbox=open_outbox
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    make_window.windows.append(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_rest_is_built_once_after_the_first_paint(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    opened: list[Outbox] = []
    window = fast_window(qtbot, make_window, opened)
    assert opened == []  # the first paint opens no database
    assert window.tabs.count() == 1

    with qtbot.waitSignal(window.built, timeout=5_000):
        window.start()
        assert opened == []  # start() returned at once
        # The phone field takes keys meanwhile, and keeps them.
        qtbot.keyClicks(window.form.phone, "80000 00401")
    assert len(opened) == 1
    assert window.tabs.count() == 2
    assert window.form.phone.text() == "80000 00401"
    qtbot.waitUntil(lambda: window.client is not None, timeout=5_000)
    window.start()  # a second start changes nothing
    assert len(opened) == 1


def test_closing_before_the_rest_is_built_builds_nothing(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    opened: list[Outbox] = []
    window = fast_window(qtbot, make_window, opened)
    window.start()
    window.close()  # before the next event-loop turn
    window.shutdown()  # as run_app does after the loop: once is enough
    qtbot.wait(50)
    assert opened == []
    assert not window.isVisible()
