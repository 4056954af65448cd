"""On a real X server with a window manager, a second launch brings back the first
window even when it was minimised (what staff see when they double-click twice)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.processes import App
from tests.realwindow.xserver import Display, x_display, xvfb_missing_reason

pytestmark = [
    pytest.mark.slow,
    pytest.mark.gui,
    pytest.mark.skipif(
        not sys.platform.startswith("linux")
        or xvfb_missing_reason() is not None
        or shutil.which("xdotool") is None
        or shutil.which("xwininfo") is None,
        reason="needs Xvfb, openbox and xdotool (bash .ci/setup installs them)",
    ),
]


@pytest.fixture
def display() -> Iterator[Display]:
    with x_display(1366, 768) as shown:
        yield shown


def xdotool(display: Display, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={"DISPLAY": display.name, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def map_state(display: Display, window: str) -> str:
    done = subprocess.run(
        ["xwininfo", "-id", window],
        env={"DISPLAY": display.name, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.split("Map State:")[1].split()[0]


def main_window_of(display: Display, app: App) -> str:
    """The X window id of ``app``'s main window, once it is mapped.

    Found by the process (``_NET_WM_PID``), not by ``--name``: xdotool matches the
    legacy ``WM_NAME``, which holds only the window's own title ("Demo" in the demo),
    while Qt adds " — Superfone Desk" to ``_NET_WM_NAME`` alone, the title window
    managers show. ``getwindowname`` reads that one, so the title is still checked.
    """
    # --sync: xdotool itself waits until a window is mapped (no sleeping here).
    found = xdotool(display, "search", "--sync", "--onlyvisible", "--pid", str(app.process.pid))
    named = {w: xdotool(display, "getwindowname", w) for w in found.split()}
    windows = [w for w, name in named.items() if "Superfone Desk" in name]
    assert len(windows) == 1, f"not one window titled 'Superfone Desk' among {named}"
    return windows[0]


def test_a_second_launch_restores_the_minimised_window(display: Display, tmp_path: Path) -> None:
    first = App(tmp_path, "--demo", display=display.name)
    try:
        first.wait_for("built: the whole window is built")
        window = main_window_of(display, first)
        xdotool(display, "windowminimize", "--sync", window)
        assert map_state(display, window) == "IsUnMapped"

        second = App(tmp_path, "--demo", display=display.name)
        try:
            assert second.process.wait(timeout=60) == 0
        finally:
            second.stop()
        first.wait_for("Another launch asked for the window", timeout=30)
        # The window manager maps it back a moment later: poll its map state (each
        # poll is an X round trip, no sleeping), for at most 30 s.
        deadline = time.monotonic() + 30
        while map_state(display, window) != "IsViewable":
            assert time.monotonic() < deadline, "the minimised window was not shown again"
    finally:
        first.stop()
