"""A timeline note is an event: saved once, it leaves the form (issue #12.4).

Every upsert with ``customer_note`` appends a note (CONTRACT U3): Save, fix the city,
Save again must post the note once, not twice.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from superfone_desk.core.draft import Choice
from superfone_desk.sandbox import SandboxServer
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY, WindowFactory, wait_idle

pytestmark = pytest.mark.gui

NOTE = "Walked in at 5, wants the Growth Plan"


def line(window: MainWindow, name: str) -> QLineEdit:
    widget = window.form.widget(name)
    assert isinstance(widget, QLineEdit)
    return widget


def note_box(window: MainWindow) -> QPlainTextEdit:
    widget = window.form.widget("customer_note")
    assert isinstance(widget, QPlainTextEdit)
    return widget


def notes_of(sandbox: SandboxServer, phone: str) -> list[str]:
    (lead,) = [lead for lead in sandbox.snapshot(KEY)["leads"] if phone in lead["phone_numbers"]]
    return [note["text"] for note in lead["notes"]]


def test_save_fix_the_city_save_again_posts_the_note_once(
    qtbot: QtBot, sandbox: SandboxServer, window: MainWindow
) -> None:
    line(window, "customer_phone").setText("80000 00301")
    line(window, "first_name").setText("Ritu")
    line(window, "city").setText("Pune")
    note_box(window).setPlainText(NOTE)
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    # The note left the box; what was posted is shown under it, read-only.
    assert note_box(window).toPlainText() == ""
    receipt = window.save_controller.note_receipt.text()
    assert NOTE in receipt
    assert receipt.startswith(("Note saved", "Note posted"))
    assert not window.form.is_dirty()

    line(window, "city").setText("Mumbai")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    wait_idle(qtbot, window)
    assert notes_of(sandbox, "+918000000301") == [NOTE]
    (lead,) = [
        lead for lead in sandbox.snapshot(KEY)["leads"]
        if "+918000000301" in lead["phone_numbers"]
    ]
    assert lead["city"] == "Mumbai"
    note_posts = [m for m, _p, s in sandbox.request_log if m == "POST" and s == 200]
    assert len(note_posts) == 3  # lead + note, then the lead again: no second note


def test_a_refused_lead_gives_its_note_back_and_the_fix_posts_it_once(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    account = sandbox.account(KEY)
    account.add_stage("Site Visit", position=3)
    window = make_window()
    account.stages[:] = [s for s in account.stages if s.title != "Site Visit"]
    line(window, "customer_phone").setText("80000 00302")
    window.form.picker("lead_stage_name").set_choice(Choice.set("Site Visit"))
    note_box(window).setPlainText(NOTE)
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_button.click()
    # Nothing carried the note (it travels alone and last): it is back to go with the fix.
    assert note_box(window).toPlainText() == NOTE
    assert window.save_controller.note_receipt.text() == ""

    window.form.picker("lead_stage_name").set_choice(Choice.set("Qualified"))
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    assert note_box(window).toPlainText() == ""
    line(window, "first_name").setText("Kiran")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()
    assert notes_of(sandbox, "+918000000302") == [NOTE]
