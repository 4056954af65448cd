"""Two launches on one data folder: the second shows the first window and exits.

Real processes of the real app (offscreen, ``--demo``): the first is started and
waited for until its window is up; the second must end promptly with status 0 while
the first logs that it was asked to show its window. Then the first is SIGKILLed and
a new launch must start normally: a dead instance never blocks the next.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.processes import READY, App

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

SHOWN = "Another launch asked for the window"


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Callable[[], App]]:
    apps: list[App] = []

    def start() -> App:
        apps.append(App(tmp_path / "desk", "--demo"))
        return apps[-1]

    yield start
    for app in apps:
        app.stop()


def test_second_launch_shows_the_first_and_a_killed_one_never_blocks(
    launch: Callable[[], App],
) -> None:
    first = launch()
    first.wait_for(READY)

    second = launch()
    assert second.process.wait(timeout=30) == 0
    second.wait_for("already running")
    first.wait_for(SHOWN, timeout=30)
    assert first.process.poll() is None  # the first window goes on

    first.process.send_signal(signal.SIGKILL)
    first.process.wait(timeout=30)

    third = launch()
    third.wait_for(READY)
    assert third.process.poll() is None
