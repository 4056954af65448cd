"""Two launches on one data folder: the second shows the first window and exits.

Real processes of the real app (offscreen, ``--demo``): the first is started and
waited for until its window is up; the second must end promptly with status 0 while
the first logs that it was asked to show its window. Then the first is SIGKILLed and
a new launch must start normally: a dead instance never blocks the next.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

READY = "ready: window shown"
SHOWN = "Another launch asked for the window"
START_TIMEOUT = 90


class App:
    """One launch of the app, its stderr read line by line in a thread."""

    def __init__(self, data_dir: Path) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("SUPERFONE_API_KEY", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "superfone_desk", "--demo", "--data-dir", str(data_dir)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, text: str, timeout: float = START_TIMEOUT) -> None:
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"no {text!r} within {timeout} s; stderr so far: {self.seen}")
            if line is None:
                pytest.fail(f"the app ended before {text!r}; stderr: {self.seen}")
            self.seen.append(line)
            if text in line:
                return

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        assert self.process.stderr is not None
        self.process.stderr.close()


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Callable[[], App]]:
    apps: list[App] = []

    def start() -> App:
        apps.append(App(tmp_path / "desk"))
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
