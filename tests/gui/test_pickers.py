"""SinglePicker and MultiPicker driven as a user would: typing, keys and clicks."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from superfone_desk.core.draft import Choice
from superfone_desk.ui.form.catalog_index import CatalogIndex
from superfone_desk.ui.form.multi_picker import MultiPicker
from superfone_desk.ui.form.single_picker import SinglePicker

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot raise the completer's popup or grab the keyboard for
    # it and says so at warning level; the popup still works.
    pytest.mark.qt_log_ignore(
        r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints)",
        extend=True,
    ),
]

STAGES = ("New", "Contacted", "Qualified", "Disqualified", "Won", "Lost")
LABELS = ("Hot", "Hotel", "Cold", "Warm", "VIP", "Follow-up")


class Form(QWidget):
    """A picker and a plain edit after it, so focus can leave the picker."""

    def __init__(self, picker: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(picker)
        self.other = QLineEdit(self)
        self.other.setObjectName("other")
        layout.addWidget(self.other)


def _show(qtbot: QtBot, picker: SinglePicker | MultiPicker) -> Form:
    form = Form(picker)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    picker.setFocus()
    qtbot.waitUntil(lambda: edit(picker).hasFocus())
    return form


@pytest.fixture
def stage(qtbot: QtBot) -> Iterator[SinglePicker]:
    picker = SinglePicker(clearable=True, placeholder="Pick a stage", noun="stages")
    picker.set_names("lead_stage_name")
    form = _show(qtbot, picker)  # noqa: F841 - qtbot holds widgets weakly
    picker.set_items(STAGES)
    yield picker
    popup(picker).hide()


@pytest.fixture
def labels(qtbot: QtBot) -> Iterator[MultiPicker]:
    picker = MultiPicker(placeholder="Add labels", noun="labels")
    picker.set_names("add_labels")
    form = _show(qtbot, picker)  # noqa: F841 - qtbot holds widgets weakly
    picker.set_items(LABELS)
    yield picker
    popup(picker).hide()


def part(picker: QWidget, cls: type, suffix: str) -> QWidget:
    found = picker.findChild(cls, f"{picker.objectName()}_{suffix}")
    assert found is not None, suffix
    return found  # type: ignore[no-any-return]


def edit(picker: QWidget) -> QLineEdit:
    found = part(picker, QLineEdit, "edit")
    assert isinstance(found, QLineEdit)
    return found


def popup(picker: QWidget) -> QListView:
    # The completer owns its popup, a top-level window: not a child of the picker.
    view = edit(picker).completer().popup()
    assert isinstance(view, QListView)
    assert view.objectName() == f"{picker.objectName()}_popup"
    return view


def shown(picker: QWidget) -> list[str]:
    """The rows the popup lists, when it is open."""
    view = popup(picker)
    if not view.isVisible():
        return []
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def press(qtbot: QtBot, picker: QWidget, key: Qt.Key) -> None:
    """Press ``key`` where the user's keyboard goes: the popup while it is open."""
    view = popup(picker)
    qtbot.keyClick(view if view.isVisible() else edit(picker), key)


def chips(picker: MultiPicker) -> list[QFrame]:
    name = f"{picker.objectName()}_chip"
    return [c for c in picker.findChildren(QFrame, name) if c.isVisibleTo(picker)]


def remove_button(picker: MultiPicker, title: str) -> QToolButton:
    for chip in chips(picker):
        if chip.findChild(QLabel).text() == title:  # type: ignore[union-attr]
            button = chip.findChild(QToolButton, f"{picker.objectName()}_chip_remove")
            assert isinstance(button, QToolButton)
            return button
    raise AssertionError(f"no chip {title}")


# ---------------------------------------------------------------------- SinglePicker


def test_typing_filters_case_insensitively_and_enter_picks(
    qtbot: QtBot, stage: SinglePicker
) -> None:
    qtbot.keyClicks(edit(stage), "qual")
    assert shown(stage) == ["Qualified", "Disqualified"]
    assert stage.choice() == Choice.untouched()
    with qtbot.waitSignal(stage.choice_changed):
        press(qtbot, stage, Qt.Key.Key_Return)
    assert stage.choice() == Choice.set("Qualified")
    assert edit(stage).text() == "Qualified"
    assert not popup(stage).isVisible()
    assert stage.invalid_text() is None


def test_down_opens_the_whole_list_and_esc_closes_it(qtbot: QtBot, stage: SinglePicker) -> None:
    press(qtbot, stage, Qt.Key.Key_Down)
    assert shown(stage) == list(STAGES)
    press(qtbot, stage, Qt.Key.Key_Down)
    press(qtbot, stage, Qt.Key.Key_Return)
    assert stage.choice() == Choice.set("Contacted")

    # With a title chosen, Down offers every title again, not just that one.
    press(qtbot, stage, Qt.Key.Key_Down)
    assert shown(stage) == list(STAGES)
    press(qtbot, stage, Qt.Key.Key_Escape)
    assert not popup(stage).isVisible()
    assert stage.choice() == Choice.set("Contacted")


def test_clicking_a_listed_title_picks_it(qtbot: QtBot, stage: SinglePicker) -> None:
    qtbot.keyClicks(edit(stage), "o")
    view = popup(stage)
    row = shown(stage).index("Lost")
    rect = view.visualRect(view.model().index(row, 0))
    with qtbot.waitSignal(stage.choice_changed):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert stage.choice() == Choice.set("Lost")
    assert edit(stage).text() == "Lost"


@pytest.mark.parametrize("leave", ["enter", "focus_out"])
def test_exact_title_in_other_case_snaps(qtbot: QtBot, stage: SinglePicker, leave: str) -> None:
    qtbot.keyClicks(edit(stage), "wON")
    press(qtbot, stage, Qt.Key.Key_Escape)  # close the list: commit the text itself
    with qtbot.waitSignal(stage.editing_finished):
        if leave == "enter":
            press(qtbot, stage, Qt.Key.Key_Return)
        else:
            stage.window().findChild(QLineEdit, "other").setFocus()
    assert stage.choice() == Choice.set("Won")
    assert edit(stage).text() == "Won"


def test_unknown_text_is_kept_and_reported(qtbot: QtBot, stage: SinglePicker) -> None:
    stage.set_choice(Choice.set("Won"))
    edit(stage).selectAll()
    qtbot.keyClicks(edit(stage), "Wonderful")
    assert not popup(stage).isVisible()  # nothing matches
    with qtbot.waitSignal(stage.choice_changed):
        press(qtbot, stage, Qt.Key.Key_Return)
    assert edit(stage).text() == "Wonderful"
    assert stage.invalid_text() == "Wonderful"
    assert stage.choice() == Choice.untouched()


def test_clear_and_reset(qtbot: QtBot, stage: SinglePicker) -> None:
    clear = part(stage, QToolButton, "clear")
    reset = part(stage, QToolButton, "reset")
    assert isinstance(clear, QAbstractButton)
    assert isinstance(reset, QAbstractButton)
    stage.set_choice(Choice.set("Won"))
    assert clear.isVisible()
    assert not reset.isVisible()

    with qtbot.waitSignal(stage.choice_changed):
        qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert stage.choice() == Choice.cleared()
    assert edit(stage).text() == ""
    assert edit(stage).placeholderText() == "— will be cleared —"
    assert edit(stage).property("cleared") is True
    assert reset.isVisible()
    assert not clear.isVisible()

    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert stage.choice() == Choice.untouched()
    assert edit(stage).placeholderText() == "Pick a stage"
    assert edit(stage).property("cleared") is False


def test_delete_in_empty_field_toggles_cleared(qtbot: QtBot, stage: SinglePicker) -> None:
    qtbot.keyClick(edit(stage), Qt.Key.Key_Delete)
    assert stage.choice() == Choice.cleared()
    qtbot.keyClick(edit(stage), Qt.Key.Key_Delete)
    assert stage.choice() == Choice.untouched()

    qtbot.keyClick(edit(stage), Qt.Key.Key_Delete)
    qtbot.keyClicks(edit(stage), "lo")  # typing drops the clearing
    assert stage.choice() == Choice.untouched()
    assert shown(stage) == ["Lost"]
    press(qtbot, stage, Qt.Key.Key_Return)
    assert stage.choice() == Choice.set("Lost")


def test_not_clearable(qtbot: QtBot) -> None:
    picker = SinglePicker(clearable=False, placeholder="Source type", noun="source types")
    picker.set_names("source_type")
    form = _show(qtbot, picker)  # noqa: F841 - qtbot holds widgets weakly
    picker.set_items(("Walk-in", "Referral"))
    assert not part(picker, QToolButton, "clear").isVisible()
    qtbot.keyClick(edit(picker), Qt.Key.Key_Delete)
    assert picker.choice() == Choice.untouched()
    with pytest.raises(ValueError, match="cannot be cleared"):
        picker.set_choice(Choice.cleared())


def test_set_items_keeps_a_present_value_and_flags_a_missing_one(
    qtbot: QtBot, stage: SinglePicker
) -> None:
    stage.set_choice(Choice.set("Won"))
    edit(stage).clearFocus()
    stage.set_items(("Won", "Lost"))
    assert stage.choice() == Choice.set("Won")

    with qtbot.waitSignal(stage.choice_changed):
        stage.set_items(("New", "Lost"))
    assert stage.choice() == Choice.untouched()
    assert edit(stage).text() == "Won"
    assert stage.invalid_text() == "Won"

    # When the title comes back (say the list was refreshed), the kept text counts again.
    stage.set_items(STAGES)
    assert stage.choice() == Choice.set("Won")
    assert stage.invalid_text() is None


def test_a_value_restored_before_loading_is_trusted_until_the_list_arrives(
    qtbot: QtBot,
) -> None:
    picker = SinglePicker(clearable=True, placeholder="Group", noun="groups")
    qtbot.addWidget(picker)
    picker.set_loading()
    picker.set_choice(Choice.set("Retail"))
    assert picker.choice() == Choice.set("Retail")
    assert picker.invalid_text() is None
    picker.set_items(("Wholesale",))
    assert picker.choice() == Choice.untouched()
    assert picker.invalid_text() == "Retail"


def test_names_focus_and_accessibility(qtbot: QtBot, stage: SinglePicker) -> None:
    for suffix, cls in [
        ("edit", QLineEdit),
        ("status", QLabel),
        ("retry", QToolButton),
        ("stale", QLabel),
        ("clear", QToolButton),
        ("reset", QToolButton),
    ]:
        part(stage, cls, suffix)
    assert stage.focusProxy() is edit(stage)
    stage.setAccessibleName("Lead stage")
    stage.setAccessibleDescription("No stage called “x”")
    assert edit(stage).accessibleName() == "Lead stage"
    assert edit(stage).accessibleDescription() == "No stage called “x”"

    stage.setObjectName("renamed")
    assert stage.findChild(QLineEdit, "renamed_edit") is edit(stage)


def test_error_border_and_disabling(qtbot: QtBot, stage: SinglePicker) -> None:
    stage.set_error(True)
    assert edit(stage).property("error") is True
    stage.set_error(False)
    assert edit(stage).property("error") is False
    stage.setEnabled(False)
    assert not edit(stage).isEnabled()


# ---------------------------------------------------------------------- both: list states


@pytest.fixture(params=["single", "multi"])
def picker(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[SinglePicker | MultiPicker]:
    made: SinglePicker | MultiPicker
    if request.param == "single":
        made = SinglePicker(clearable=True, placeholder="Stage", noun="stages")
    else:
        made = MultiPicker(placeholder="Labels", noun="stages")
    made.set_names("field")
    form = _show(qtbot, made)  # noqa: F841 - qtbot holds widgets weakly
    yield made
    popup(made).hide()


def test_loading_failed_empty_and_ready(qtbot: QtBot, picker: SinglePicker | MultiPicker) -> None:
    status = part(picker, QLabel, "status")
    retry = part(picker, QToolButton, "retry")
    assert isinstance(status, QLabel)
    assert not status.isVisible()

    picker.set_loading()
    assert status.isVisible()
    assert status.text() == "Loading stages…"
    assert not retry.isVisible()

    picker.set_failed("Could not load the list: timed out")
    assert status.text() == "Could not load the list: timed out"
    assert retry.isVisible()
    with qtbot.waitSignal(picker.retry_requested):
        qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)

    picker.set_items([])
    assert status.text() == "No stages in this account"
    assert not retry.isVisible()

    picker.set_items(STAGES)
    assert not status.isVisible()
    press(qtbot, picker, Qt.Key.Key_Down)
    assert shown(picker) == list(STAGES)


def test_stale_note(picker: SinglePicker | MultiPicker) -> None:
    stale = part(picker, QLabel, "stale")
    assert isinstance(stale, QLabel)
    picker.set_stale_note("as of 10:42")
    assert stale.isVisible()
    assert stale.text() == "as of 10:42"
    picker.set_stale_note(None)
    assert not stale.isVisible()


def test_refresh_with_items_shown_keeps_the_layout(
    qtbot: QtBot, picker: SinglePicker | MultiPicker
) -> None:
    status = part(picker, QLabel, "status")
    picker.set_items(STAGES)
    qtbot.wait(1)
    height = picker.sizeHint().height()
    picker.set_loading()
    assert picker.is_refreshing()
    assert not status.isVisible()  # no status row appearing: the form does not move
    assert picker.sizeHint().height() == height
    assert "refreshing" in edit(picker).placeholderText()
    assert picker.items() == list(STAGES)  # still usable meanwhile
    picker.set_items(("New", "Won"))
    assert not picker.is_refreshing()
    assert "refreshing" not in edit(picker).placeholderText()
    assert picker.sizeHint().height() == height


def test_refresh_of_an_empty_list_changes_its_line_in_place(
    picker: SinglePicker | MultiPicker,
) -> None:
    status = part(picker, QLabel, "status")
    retry = part(picker, QToolButton, "retry")
    picker.set_items([])
    picker.set_failed("Could not load the list: timed out")
    assert retry.isVisible()
    picker.set_loading()
    assert status.isVisible()
    assert picker.status_text() == "Loading stages…"
    assert not retry.isVisible()


def test_refreshing_keeps_the_cleared_placeholder(stage: SinglePicker) -> None:
    stage.set_choice(Choice.cleared())
    stage.set_loading()
    assert edit(stage).placeholderText() == "— will be cleared —"
    stage.set_choice(Choice.untouched())
    assert edit(stage).placeholderText() == "Pick a stage (refreshing stages…)"
    stage.set_items(STAGES)
    assert edit(stage).placeholderText() == "Pick a stage"


def test_catalog_index() -> None:
    index = CatalogIndex(["Hot", "Hotel", "Hot", "HOT", "Cold"])
    assert index.titles == ("Hot", "Hotel", "HOT", "Cold")  # duplicates dropped, order kept
    assert len(index) == 4
    assert "Hotel" in index
    assert "hotel" not in index
    assert index.lookup("Hotel") == "Hotel"
    assert index.lookup("  hotel ") == "Hotel"
    assert index.lookup("hot") is None  # "Hot" and "HOT" fold alike: no safe snap
    assert index.lookup("HOT") == "HOT"
    assert index.lookup("Warm") is None
    assert index.matching("ot") == ["Hot", "Hotel", "HOT"]
    assert index.matching("ot", {"Hot"}) == ["Hotel", "HOT"]
    assert index.matching("") == ["Hot", "Hotel", "HOT", "Cold"]
    assert CatalogIndex().matching("") == []


def test_one_index_built_off_the_gui_thread_serves_several_pickers(qtbot: QtBot) -> None:
    titles = [f"Label {n:05d}" for n in range(10_000)]
    built: list[CatalogIndex] = []
    worker = threading.Thread(target=lambda: built.append(CatalogIndex(titles)))
    worker.start()
    worker.join()
    (index,) = built

    add = MultiPicker(placeholder="Add labels", noun="labels")
    add.set_names("add_labels")
    remove = MultiPicker(placeholder="Remove labels", noun="labels")
    remove.set_names("remove_labels")
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    layout.addWidget(add)
    layout.addWidget(remove)
    host.show()
    qtbot.waitExposed(host)

    add.set_index(index)
    remove.set_index(index)
    assert add.index() is index
    assert remove.index() is index
    assert add.items() == remove.items() == titles
    # Nothing shows the list yet, so its model is not filled with 10,000 rows.
    assert popup(add).model().rowCount() == 0
    assert popup(remove).model().rowCount() == 0

    remove.setFocus()
    qtbot.waitUntil(lambda: edit(remove).hasFocus())
    qtbot.keyClicks(edit(remove), "07777")
    assert shown(remove) == ["Label 07777"]
    press(qtbot, remove, Qt.Key.Key_Return)
    assert remove.values() == ("Label 07777",)
    assert add.values() == ()  # the pickers share the index, not their choices
    press(qtbot, remove, Qt.Key.Key_Down)
    assert len(shown(remove)) == 9_999  # the chosen one is left out
    popup(remove).hide()


def test_new_items_refill_an_open_or_typed_in_list(qtbot: QtBot, labels: MultiPicker) -> None:
    qtbot.keyClicks(edit(labels), "ho")
    assert shown(labels) == ["Hot", "Hotel"]
    labels.set_items(("Hot", "Hotel", "Shopping", "Cold"))
    assert shown(labels) == ["Hot", "Hotel", "Shopping"]
    popup(labels).hide()
    edit(labels).clear()
    labels.set_items(("Hotel", "Cold"))
    press(qtbot, labels, Qt.Key.Key_Down)
    assert shown(labels) == ["Hotel", "Cold"]


# ---------------------------------------------------------------------- MultiPicker


def test_typing_and_enter_adds_a_chip(qtbot: QtBot, labels: MultiPicker) -> None:
    qtbot.keyClicks(edit(labels), "ho")
    assert shown(labels) == ["Hot", "Hotel"]
    with qtbot.waitSignal(labels.values_changed):
        press(qtbot, labels, Qt.Key.Key_Return)
    assert labels.values() == ("Hot",)
    assert edit(labels).text() == ""
    assert [c.findChild(QLabel).text() for c in chips(labels)] == ["Hot"]  # type: ignore[union-attr]
    assert remove_button(labels, "Hot").accessibleName() == "Remove label Hot"

    # Chosen titles leave the list.
    qtbot.keyClicks(edit(labels), "ho")
    assert shown(labels) == ["Hotel"]
    press(qtbot, labels, Qt.Key.Key_Down)
    press(qtbot, labels, Qt.Key.Key_Return)
    assert labels.values() == ("Hot", "Hotel")
    press(qtbot, labels, Qt.Key.Key_Down)
    assert "Hot" not in shown(labels)
    assert "Hotel" not in shown(labels)


def test_clicking_a_listed_title_adds_it(qtbot: QtBot, labels: MultiPicker) -> None:
    qtbot.keyClicks(edit(labels), "o")
    view = popup(labels)
    rect = view.visualRect(view.model().index(shown(labels).index("Cold"), 0))
    with qtbot.waitSignal(labels.values_changed):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert labels.values() == ("Cold",)
    assert edit(labels).text() == ""  # the completer wrote "Cold" there first


def test_exact_text_with_the_list_closed_is_added(qtbot: QtBot, labels: MultiPicker) -> None:
    qtbot.keyClicks(edit(labels), "COLD")
    press(qtbot, labels, Qt.Key.Key_Escape)
    press(qtbot, labels, Qt.Key.Key_Return)
    assert labels.values() == ("Cold",)

    qtbot.keyClicks(edit(labels), "vip")
    press(qtbot, labels, Qt.Key.Key_Escape)
    with qtbot.waitSignal(labels.values_changed):
        labels.window().findChild(QLineEdit, "other").setFocus()
    assert labels.values() == ("Cold", "VIP")


def test_unknown_text_is_not_added(qtbot: QtBot, labels: MultiPicker) -> None:
    qtbot.keyClicks(edit(labels), "Hottest")
    assert not popup(labels).isVisible()
    with (
        qtbot.assertNotEmitted(labels.values_changed),
        qtbot.waitSignal(labels.editing_finished),
    ):
        press(qtbot, labels, Qt.Key.Key_Return)
    assert labels.values() == ()
    assert edit(labels).text() == "Hottest"
    assert labels.invalid_text() == "Hottest"


def test_remove_chips_by_click_and_backspace(qtbot: QtBot, labels: MultiPicker) -> None:
    labels.set_values(["Hot", "Cold", "VIP"])
    assert len(chips(labels)) == 3

    with qtbot.waitSignal(labels.values_changed):
        qtbot.mouseClick(remove_button(labels, "Cold"), Qt.MouseButton.LeftButton)
    assert labels.values() == ("Hot", "VIP")
    assert len(chips(labels)) == 2

    qtbot.keyClick(edit(labels), Qt.Key.Key_Backspace)
    assert labels.values() == ("Hot",)
    qtbot.keyClicks(edit(labels), "x")
    qtbot.keyClick(edit(labels), Qt.Key.Key_Backspace)  # only deletes the "x"
    assert labels.values() == ("Hot",)
    qtbot.keyClick(edit(labels), Qt.Key.Key_Backspace)
    assert labels.values() == ()
    qtbot.waitUntil(lambda: not chips(labels))
    qtbot.keyClick(edit(labels), Qt.Key.Key_Backspace)  # nothing left: harmless


def test_chips_by_keyboard(qtbot: QtBot, labels: MultiPicker) -> None:
    labels.set_values(["Hot", "Cold", "VIP"])
    hot, cold, vip = (remove_button(labels, t) for t in ("Hot", "Cold", "VIP"))
    # Not tab stops (Tab goes to the next field), but next to the edit in the focus chain.
    assert hot.focusPolicy() == Qt.FocusPolicy.ClickFocus
    assert edit(labels).nextInFocusChain() is hot
    assert cold.nextInFocusChain() is vip

    qtbot.keyClicks(edit(labels), "ab")
    qtbot.keyClick(edit(labels), Qt.Key.Key_Left)  # still inside the text
    assert edit(labels).hasFocus()
    edit(labels).setCursorPosition(0)
    qtbot.keyClick(edit(labels), Qt.Key.Key_Left)
    qtbot.waitUntil(vip.hasFocus)
    qtbot.keyClick(vip, Qt.Key.Key_Left)
    qtbot.waitUntil(cold.hasFocus)

    with qtbot.waitSignal(labels.values_changed):
        qtbot.keyClick(cold, Qt.Key.Key_Delete)
    assert labels.values() == ("Hot", "VIP")
    qtbot.waitUntil(vip.hasFocus)  # focus stays among the chips
    qtbot.keyClick(vip, Qt.Key.Key_Space)
    assert labels.values() == ("Hot",)
    qtbot.waitUntil(edit(labels).hasFocus)

    qtbot.keyClick(edit(labels), Qt.Key.Key_Home)
    qtbot.keyClick(edit(labels), Qt.Key.Key_Left)
    qtbot.waitUntil(hot.hasFocus)
    qtbot.keyClick(hot, Qt.Key.Key_Right)
    qtbot.waitUntil(edit(labels).hasFocus)
    assert edit(labels).text() == "ab"  # nothing typed was lost on the way


def test_set_values_and_unknown_titles(qtbot: QtBot, labels: MultiPicker) -> None:
    with qtbot.waitSignal(labels.values_changed):
        labels.set_values(["VIP", "Hot", "VIP"])
    assert labels.values() == ("VIP", "Hot")
    with qtbot.assertNotEmitted(labels.values_changed):
        labels.set_values(["VIP", "Hot"])

    labels.set_values(["VIP", "Retired label"])
    assert labels.invalid_text() == "Retired label"
    labels.clear_values()
    assert labels.values() == ()
    assert labels.invalid_text() is None


def test_ten_thousand_items(qtbot: QtBot, labels: MultiPicker) -> None:
    titles = [f"Label {n:05d}" for n in range(10_000)]
    labels.set_items(titles)
    qtbot.keyClicks(edit(labels), "7")
    expected = [t for t in titles if "7" in t]
    assert popup(labels).model().rowCount() == len(expected)
    assert shown(labels)[:3] == expected[:3]
    qtbot.keyClicks(edit(labels), "777")
    assert shown(labels) == [t for t in titles if "7777" in t]
    press(qtbot, labels, Qt.Key.Key_Return)
    assert labels.values() == ("Label 07777",)

    assert labels.filter_for("label 0777") == 10 - 1  # 07770..07779 minus the chosen one
    assert labels.filter_for("") == 9_999
