"""The kiosk as a person meets it: ``superfone-desk --kiosk --demo`` on Xvfb with openbox.

The offscreen tests (tests/gui/test_kiosk.py) drive the widgets; here the real window
manager frames the window and sends the keys, so "covers the whole screen" and "Alt+F4
does not close it" are what openbox does, not what a test pretends. Screenshots land in
build/screens/kiosk*.png (a laptop screen, and full HD at 150 %).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from superfone_desk.core.kiosk import KioskInterest, hash_pin
from superfone_desk.settings import KioskSettings, SettingsStore
from superfone_desk.store.db import DATABASE_FILENAME
from tests.realwindow.scenarios import REPO, SCREENS
from tests.realwindow.xserver import Display, x_display, xvfb_missing_reason

pytestmark = [pytest.mark.realwindow, pytest.mark.slow]

PIN = "246810"


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int
    scale: float = 1.0


#: A common laptop, and a full-HD screen at 150 % (1280x720 logical pixels).
SCREENS_TRIED = (Screen("kiosk", 1366, 768), Screen("kiosk-150", 1920, 1080, 1.5))
GRAB = (
    "import sys\n"
    "from PySide6.QtGui import QGuiApplication\n"
    "app = QGuiApplication(sys.argv[:1])\n"
    "assert app.primaryScreen().grabWindow(0).save(sys.argv[1])\n"
)


class Kiosk:
    """The app's process on ``display``; ``ready`` is set once it logged the kiosk shown."""

    def __init__(self, display: Display, workdir: Path, screen: Screen) -> None:
        self.screen = screen
        self.display = display
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "SUPERFONE_")) and key != "WAYLAND_DISPLAY"
        }
        home = workdir / "kiosk-home"
        home.mkdir()
        self.env.update(
            DISPLAY=display.name, QT_QPA_PLATFORM="xcb", QT_QPA_PLATFORMTHEME="",
            QT_SCALE_FACTOR=str(screen.scale),
            HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
        )
        self.data_dir = workdir / "data"
        self.ready = threading.Event()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "superfone_desk", "--kiosk", "--demo",
             "--data-dir", str(self.data_dir)],
            env=self.env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._reader.join(10)
        assert self.process.stderr is not None
        self.process.stderr.close()

    def _read_log(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)
            if "ready: kiosk shown" in line:
                self.ready.set()

    def xdotool(self, *args: str) -> str:
        return subprocess.run(
            ["xdotool", *args], env=self.env, check=True, capture_output=True, text=True,
            timeout=20,
        ).stdout

    def window(self, name: str) -> str:
        """The visible window whose title contains ``name`` (waits for it), focused."""
        found = self.xdotool("search", "--sync", "--onlyvisible", "--name", name).split()[0]
        # Mapped is not focused yet: keys typed before the window manager gives it the
        # focus go to the window behind.
        self.xdotool("windowactivate", "--sync", found)
        return found

    def sent_states(self) -> list[str]:
        """The outbox entries' states once none is waiting any more (read-only, live)."""
        database = self.data_dir / "data" / f"demo-{DATABASE_FILENAME}"
        states: list[str] = []
        for _ in range(100):
            if database.exists():
                with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
                    states = [row[0] for row in db.execute("SELECT state FROM outbox")]
                if states and not {"queued", "sending"} & set(states):
                    break
            self.still_running_after(0.1)  # the pause between looks
        return states

    def still_running_after(self, seconds: float) -> bool:
        try:
            self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return True
        return False


@pytest.fixture(params=SCREENS_TRIED, ids=lambda screen: screen.name)
def kiosk(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Kiosk]:
    screen: Screen = request.param
    reason = xvfb_missing_reason()
    if reason:
        pytest.skip(reason)
    store = SettingsStore(tmp_path / "data" / "config")
    settings = store.load()
    settings.default_country = "IN"
    interests = tuple(map(KioskInterest, ("Starter plans", "Business plans", "Just looking")))
    settings.kiosk = KioskSettings(pin_hash=hash_pin(PIN), notice_version="2",
                                   interests=interests)
    store.save(settings)
    with x_display(screen.width, screen.height) as display:
        k = Kiosk(display, tmp_path, screen)
        try:
            assert k.ready.wait(60), "".join(k.log)
            yield k
        finally:
            k.stop()


def test_kiosk_covers_the_screen_ignores_close_and_leaves_with_the_pin(kiosk: Kiosk) -> None:
    window = kiosk.window("Kiosk")
    screen = kiosk.screen
    geometry = kiosk.xdotool("getwindowgeometry", "--shell", window)
    assert f"WIDTH={screen.width}" in geometry
    assert f"HEIGHT={screen.height}" in geometry
    state = subprocess.run(
        ["xprop", "-id", window, "_NET_WM_STATE"], env=kiosk.env, capture_output=True,
        text=True, check=True,
    ).stdout
    assert "_NET_WM_STATE_FULLSCREEN" in state

    SCREENS.mkdir(parents=True, exist_ok=True)
    shot = SCREENS / f"{screen.name}.png"
    subprocess.run([sys.executable, "-c", GRAB, str(shot)], env=kiosk.env, check=True,
                   timeout=30)
    assert shot.stat().st_size > 0

    # With every message showing, the form still fits: the window stays the screen's size.
    kiosk.xdotool("type", "--delay", "20", "98765")
    kiosk.xdotool("key", "Return")
    assert kiosk.still_running_after(1)
    subprocess.run([sys.executable, "-c", GRAB, str(SCREENS / f"{screen.name}-errors.png")],
                   env=kiosk.env, check=True, timeout=30)
    geometry = kiosk.xdotool("getwindowgeometry", "--shell", window)
    assert f"HEIGHT={screen.height}" in geometry

    # A visitor with the keyboard alone: the lead reaches the demo account.
    kiosk.xdotool("key", "ctrl+a", "BackSpace")
    kiosk.xdotool("type", "--delay", "20", "98450 00177")
    kiosk.xdotool("key", "Tab")
    kiosk.xdotool("type", "--delay", "20", "Asha")
    # Last name, the interest choices (one stop; arrows pick), then the consent box.
    kiosk.xdotool("key", "Tab", "Tab", "Down", "Tab", "space", "Return")
    assert kiosk.sent_states() == ["sent"], "".join(kiosk.log)

    # openbox turns Alt+F4 into a close request; Esc goes to the window.
    kiosk.xdotool("key", "--clearmodifiers", "alt+F4")
    kiosk.xdotool("key", "Escape")
    assert kiosk.still_running_after(2), "".join(kiosk.log)

    kiosk.xdotool("key", "ctrl+alt+shift+k")
    kiosk.window("Kiosk PIN")
    kiosk.xdotool("type", "--delay", "50", PIN)
    kiosk.xdotool("key", "Return")
    kiosk.window("Kiosk admin")
    # The panel's buttons: Kiosk settings…, Leave kiosk mode, Back; Tab to the second.
    kiosk.xdotool("key", "Tab")
    kiosk.xdotool("key", "space")
    assert kiosk.process.wait(timeout=20) == 0, "".join(kiosk.log)
