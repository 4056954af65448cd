"""The running window hears a second launch: a real second process sends ``show``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from superfone_desk.ui.single_instance import InstanceServer, bring_to_front, server_name

pytestmark = pytest.mark.gui

ASK = (
    "import sys\n"
    "from pathlib import Path\n"
    "from superfone_desk.ui.single_instance import ask_running_instance_to_show\n"
    "sys.exit(0 if ask_running_instance_to_show(Path(sys.argv[1]), connect_for_s=%s) else 5)\n"
)


def ask(data_dir: Path, connect_for_s: float = 5.0) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", ASK % connect_for_s, str(data_dir)])


def test_a_second_launch_asks_the_window_to_show(qtbot: QtBot, tmp_path: Path) -> None:
    server = InstanceServer(tmp_path)
    assert server.listen()
    try:
        with qtbot.waitSignal(server.show_requested, timeout=20_000):
            child = ask(tmp_path)
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=20_000)
        assert child.returncode == 0
    finally:
        server.close()


def test_nobody_listening_is_reported_not_hung(tmp_path: Path) -> None:
    child = ask(tmp_path, connect_for_s=0.3)
    assert child.wait(timeout=30) == 5


def test_a_leftover_socket_from_a_killed_window_does_not_block(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first = InstanceServer(tmp_path)
    assert first.listen()
    # A SIGKILLed window leaves its socket file behind; the next holder takes the name.
    second = InstanceServer(tmp_path)
    try:
        assert second.listen()
        with qtbot.waitSignal(second.show_requested, timeout=20_000):
            child = ask(tmp_path)
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=20_000)
    finally:
        first.close()
        second.close()


def test_names_differ_per_folder_and_stay_short(tmp_path: Path) -> None:
    deep = tmp_path / ("x" * 200)
    assert server_name(tmp_path) != server_name(deep)
    assert server_name(tmp_path) == server_name(tmp_path / ".")
    assert len(server_name(deep)) < 60


def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert not window.isMinimized()
    assert window.isVisible()
