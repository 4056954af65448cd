"""The data folder deleted while the window runs (issue #12.10).

A save must be on disk when the window says so: the outbox file is recreated (the save
is on disk), or, when another file now stands at its path, the save is refused and the
window says "Not saved", with what was typed still in the form.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from superfone_desk.store.outbox import Outbox
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui


@pytest.fixture
def folder_outbox(tmp_path: Path) -> Iterator[tuple[Path, Outbox]]:
    folder = tmp_path / "data"
    folder.mkdir()
    outbox = Outbox.open(folder / "outbox.sqlite3")
    yield folder, outbox
    outbox.close()


def window_on(make_window: WindowFactory, outbox: Outbox) -> MainWindow:
    services = make_window.services()
    services.open_outbox = lambda: outbox
    return make_window(services)


def type_lead(window: MainWindow, phone: str, name: str) -> None:
    window.form.phone.setText(phone)
    first = window.form.widget("first_name")
    assert isinstance(first, QLineEdit)
    first.setText(name)


def test_a_save_after_the_folder_was_deleted_is_on_disk(
    qtbot: QtBot, make_window: WindowFactory, folder_outbox: tuple[Path, Outbox]
) -> None:
    folder, outbox = folder_outbox
    window = window_on(make_window, outbox)
    shutil.rmtree(folder)
    type_lead(window, "80000 00901", "Gita")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    # What the window called saved is in the file at the path, not in an unlinked one.
    with Outbox.open(folder / "outbox.sqlite3") as reopened:
        assert [e.name for e in reopened.entries()] == ["Gita"]


def test_another_file_in_its_place_refuses_the_save_and_keeps_the_form(
    make_window: WindowFactory, folder_outbox: tuple[Path, Outbox]
) -> None:
    folder, outbox = folder_outbox
    window = window_on(make_window, outbox)
    shutil.rmtree(folder)
    folder.mkdir()
    (folder / "outbox.sqlite3").write_text("someone else's file\n", encoding="utf-8")
    type_lead(window, "80000 00902", "Hari")
    window.form.save_button.click()
    assert window.form.result.text().startswith("Not saved")
    assert "saved" not in window.form.result.text().removeprefix("Not saved").lower()
    assert window.banner.isVisible()
    first = window.form.widget("first_name")
    assert isinstance(first, QLineEdit)
    assert first.text() == "Hari"  # nothing typed is lost
    assert (folder / "outbox.sqlite3").read_text(encoding="utf-8") == "someone else's file\n"
