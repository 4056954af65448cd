"""Values Save & New keeps for the next lead are marked, can be forgotten in one key,
and a value Superfone refused is never kept (issue 13, bug 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from superfone_desk.core.draft import Choice
from superfone_desk.sandbox import SandboxServer
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY, WindowFactory

pytestmark = pytest.mark.gui


def marker(window: MainWindow, name: str) -> QLabel:
    found = window.findChild(QLabel, f"{name}_kept")
    assert found is not None, f"no kept marker for {name}"
    return found


def marked(window: MainWindow) -> list[str]:
    return sorted(
        label.objectName().removesuffix("_kept")
        for label in window.findChildren(QLabel)
        if label.objectName().endswith("_kept") and label.isVisible()
    )


def save_and_new(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_and_new_button.click()


def fill_walk_in(window: MainWindow, phone: str) -> None:
    form = window.form
    form.phone.setText(phone)
    form.picker("lead_stage_name").set_choice(Choice.set("Qualified"))
    form.picker("lead_group_name").set_choice(Choice.set("Inbound"))
    form.multi("add_labels").set_values(("Hot",))


def test_kept_values_are_marked_with_a_tooltip(qtbot: QtBot, window: MainWindow) -> None:
    assert marked(window) == []
    fill_walk_in(window, "80000 00061")
    save_and_new(qtbot, window)
    assert marked(window) == ["add_labels", "lead_group_name", "lead_stage_name"]
    tip = marker(window, "lead_stage_name").toolTip()
    assert "the lead you just saved" in tip
    assert "Ctrl+Shift+K" in tip
    assert "Kept values stay: Stage, Group, Add labels" in window.form.clear_button.toolTip()


def test_changing_a_kept_value_takes_its_marker_away(qtbot: QtBot, window: MainWindow) -> None:
    fill_walk_in(window, "80000 00062")
    save_and_new(qtbot, window)
    window.form.picker("lead_stage_name").set_choice(Choice.set("New Lead"))
    assert marked(window) == ["add_labels", "lead_group_name"]


def test_one_key_forgets_every_kept_value_for_good(
    qtbot: QtBot, window: MainWindow, make_window: WindowFactory
) -> None:
    fill_walk_in(window, "80000 00063")
    save_and_new(qtbot, window)
    window.activateWindow()
    window.form.phone.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.form.phone)
    qtbot.keyClick(window.form.phone, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    form = window.form
    assert marked(window) == []
    assert form.picker("lead_stage_name").choice() == Choice.untouched()
    assert form.multi("add_labels").values() == ()
    assert form.result.text() == "Forgotten: Stage, Group, Add labels."
    again = make_window()
    assert again.form.picker("lead_stage_name").choice() == Choice.untouched()


def test_kept_values_of_the_last_session_are_marked(
    qtbot: QtBot, window: MainWindow, make_window: WindowFactory
) -> None:
    fill_walk_in(window, "80000 00064")
    save_and_new(qtbot, window)
    again = make_window()
    qtbot.waitUntil(lambda: marked(again) == ["add_labels", "lead_group_name", "lead_stage_name"])
    assert "your last session" in marker(again, "lead_group_name").toolTip()


def test_clear_says_what_it_keeps(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    fill_walk_in(window, "80000 00065")
    save_and_new(qtbot, window)
    window.form.phone.setText("80000 00066")
    make_window.confirm_answers.append(True)
    window.form.clear_button.click()
    assert make_window.questions[-1] == "Clear the form?"
    assert window.form.result.text() == (
        "Cleared. Kept for the next lead: Stage, Group, Add labels (Ctrl+Shift+K forgets them)."
    )
    assert marked(window) == ["add_labels", "lead_group_name", "lead_stage_name"]


def test_a_refused_assignee_is_not_carried_to_the_next_lead(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    members = sandbox.snapshot(KEY)["team_members"]
    inactive = next(m["phone"] for m in members if m["active"] is False)
    window.form.phone.setText("80000 00067")
    window.form.assignee.edit.setText(inactive)
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_and_new_button.click()
    # The next lead got the assignee as a kept value; Superfone's refusal took it out.
    assert window.form.assignee.edit.text() == ""
    assert "assignee_user_phone" not in marked(window)
    assert window.preferences.defaults.assignee_phone == ""
