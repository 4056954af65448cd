"""The start-up guards with real files and real dialogs (closed as a user would)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from superfone_desk.instance_lock import InstanceLock
from superfone_desk.paths import AppPaths
from superfone_desk.settings import SettingsStore
from superfone_desk.store.db import DATABASE_FILENAME, SCHEMA_VERSION
from superfone_desk.ui.start_guard import (
    claim_data_folder,
    outbox_opener,
    report_damaged_settings,
)
from superfone_desk.ui.startup_problems import EXIT_DATA_PROBLEM

pytestmark = pytest.mark.gui


class DialogReader:
    """Reads, then closes, each modal dialog the code under test runs."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.seen.append((box.text(), box.informativeText()))
            box.done(0)

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def dialogs(qtbot: QtBot) -> Iterator[DialogReader]:
    reader = DialogReader()
    yield reader
    reader.stop()


def test_damaged_settings_are_reported_in_a_dialog(
    tmp_path: Path, dialogs: DialogReader
) -> None:
    (tmp_path / "settings.json").write_text("[" * 50_000, encoding="utf-8")
    store = SettingsStore(tmp_path)
    store.load()
    report_damaged_settings(store)
    [(title, text)] = dialogs.seen
    assert title == "Settings were reset"
    assert "nested too deeply" in text


def test_good_settings_show_nothing(tmp_path: Path, dialogs: DialogReader) -> None:
    store = SettingsStore(tmp_path)
    store.load()
    report_damaged_settings(store)
    assert dialogs.seen == []


def test_a_damaged_outbox_is_set_aside_and_the_app_goes_on(
    tmp_path: Path, dialogs: DialogReader
) -> None:
    path = tmp_path / DATABASE_FILENAME
    path.write_bytes(b"\x00garbage" * 1000)
    outbox = outbox_opener(path)()
    outbox.close()
    [(title, _)] = dialogs.seen
    assert title == "The outbox could not be read"
    assert len(list(tmp_path.glob(f"{DATABASE_FILENAME}.damaged-*"))) == 1


def test_a_newer_outbox_ends_the_app_after_saying_update(
    tmp_path: Path, dialogs: DialogReader
) -> None:
    path = tmp_path / DATABASE_FILENAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(SystemExit) as ended:
        outbox_opener(path)()
    assert ended.value.code == EXIT_DATA_PROBLEM
    [(title, text)] = dialogs.seen
    assert title == "Update Superfone Desk"
    assert "Update the app" in text


def test_the_data_folder_is_claimed_once(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    lock = claim_data_folder(paths)
    assert isinstance(lock, InstanceLock)
    assert lock.held
    lock.release()


def test_an_unwritable_data_folder_ends_with_a_dialog(
    tmp_path: Path, dialogs: DialogReader
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
    elif subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], check=False
    ).returncode:
        pytest.skip("root without a way to mount a read-only tmpfs")
    try:
        assert claim_data_folder(AppPaths.under(folder)) == EXIT_DATA_PROBLEM
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(folder)], check=True)
        else:
            folder.chmod(0o700)
    [(title, text)] = dialogs.seen
    assert title == "The data folder cannot be written"
    assert "read-only" in text
