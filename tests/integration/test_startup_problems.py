"""A damaged data folder: the app says what happened, keeps the file, starts fresh.

Real files: a text file where the outbox should be, an outbox from a newer app (a
real SQLite file with a higher schema number), settings that are not settings. The
dialogs are real widgets, read as a person would (title, text), not run modally.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from superfone_desk.paths import DataFolderError
from superfone_desk.settings import SettingsStore
from superfone_desk.store.db import DATABASE_FILENAME, SCHEMA_VERSION
from superfone_desk.store.outbox import Outbox
from superfone_desk.ui.startup_problems import (
    StartupProblem,
    folder_problem,
    open_or_start_fresh,
    problem_box,
    settings_problem,
)

pytestmark = pytest.mark.gui


def test_a_text_file_as_outbox_is_moved_aside_and_a_fresh_one_opens(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILENAME
    path.write_text("these are not the leads you are looking for\n" * 100, encoding="utf-8")
    original = path.read_bytes()
    problems: list[StartupProblem] = []

    outbox = open_or_start_fresh(path, Outbox.open, problems.append)

    assert outbox is not None
    try:
        assert outbox.counts() is not None  # a working, empty outbox
    finally:
        outbox.close()
    [problem] = problems
    assert not problem.fatal
    assert problem.file == path
    [moved] = problem.moved_to
    assert moved.read_bytes() == original  # never deleted, byte for byte
    assert moved.name.startswith(f"{DATABASE_FILENAME}.damaged-")
    assert "empty outbox" in problem.text()
    assert moved.name in problem.text()


def test_an_outbox_from_a_newer_app_is_not_touched(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / DATABASE_FILENAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    problems: list[StartupProblem] = []

    assert open_or_start_fresh(path, Outbox.open, problems.append) is None

    [problem] = problems
    assert problem.fatal
    assert "Update the app" in problem.text()
    assert problem.moved_to == ()
    # Nothing opened it for writing: no -wal, no -shm, not a byte changed.
    after = sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    assert after == before


def test_a_good_outbox_opens_without_a_word(tmp_path: Path) -> None:
    problems: list[StartupProblem] = []
    outbox = open_or_start_fresh(tmp_path / DATABASE_FILENAME, Outbox.open, problems.append)
    assert outbox is not None
    outbox.close()
    assert problems == []


def test_the_settings_dialog_says_which_file_what_happened_and_what_was_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "settings.json").write_bytes(b"\xff\xfe\x00garbage")
    store = SettingsStore(tmp_path)
    store.load()
    assert store.damaged is not None
    box = problem_box(settings_problem(store.damaged))
    qtbot.addWidget(box)
    shown = box.informativeText()
    assert str(tmp_path / "settings.json") in shown
    assert "is not UTF-8 text" in shown
    assert "moved aside, not deleted: settings.json.damaged-" in shown
    assert "saved leads and your API key are not affected" in shown
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.textFormat() == Qt.TextFormat.PlainText
    # No label of the dialog interprets the file name or error text as markup.
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_a_read_only_folder_is_fatal_with_a_way_out(qtbot: QtBot, tmp_path: Path) -> None:
    error = DataFolderError(tmp_path / "data", "the disk is read-only")
    box = problem_box(folder_problem(error))
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "the disk is read-only" in box.informativeText()
    assert "--data-dir" in box.informativeText()
    assert box.standardButtons() == QMessageBox.StandardButton.Close
