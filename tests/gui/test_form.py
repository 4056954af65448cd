"""The lead form against the sandbox: dropdowns, lookup, saving, defaults, presets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from superfone_desk.core.draft import Choice
from superfone_desk.sandbox import SandboxServer
from superfone_desk.settings import Preset, StickyDefaults
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY, WindowFactory, wait_idle

pytestmark = pytest.mark.gui


def line(window: MainWindow, name: str) -> QLineEdit:
    widget = window.form.widget(name)
    assert isinstance(widget, QLineEdit)
    return widget


def lead_by_phone(sandbox: SandboxServer, phone: str) -> dict:
    leads = [lead for lead in sandbox.snapshot(KEY)["leads"] if phone in lead["phone_numbers"]]
    assert len(leads) == 1, f"{len(leads)} leads have {phone}"
    return leads[0]


def save(qtbot: QtBot, window: MainWindow, *, and_new: bool = False) -> None:
    button = window.form.save_and_new_button if and_new else window.form.save_button
    with qtbot.waitSignal(window.saved, timeout=10_000):
        button.click()


# ---------------------------------------------------------------- dropdowns


def test_dropdowns_come_from_the_account(window: MainWindow, sandbox: SandboxServer) -> None:
    snapshot = sandbox.snapshot(KEY)
    stages = window.form.picker("lead_stage_name").items()
    assert stages == [s["title"] for s in snapshot["lead_stages"] if s["status"] == "ACTIVE"]
    assert stages[0] == "New Lead"
    labels = window.form.multi("add_labels").items()
    active = [x["title"] for x in snapshot["labels"] if x["status"] == "ACTIVE"]
    disabled = [x["title"] for x in snapshot["labels"] if x["status"] == "DISABLED"]
    assert labels == active
    assert disabled
    assert not set(disabled) & set(labels)
    assert window.form.multi("remove_labels").items() == labels
    assert "Starter Plan" in window.form.multi("add_products").items()
    assert "Inbound" in window.form.picker("lead_group_name").items()
    assert "Others" in window.form.picker("source_type").items()  # in words (issue 13)


def test_failed_catalog_load_shows_retry_that_works(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    sandbox.faults.queue("status:503", "status:503", match="GET /enterprise/api/lead-group*")
    window = make_window()
    picker = window.form.picker("lead_group_name")
    retry = picker.findChild(QWidget, "lead_group_name_retry")
    assert retry is not None
    assert retry.isVisible()
    assert "Could not load" in picker.status_text()
    sandbox.faults.reset()
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "Inbound" in picker.items()
    assert not retry.isVisible()


def test_ten_thousand_labels_stay_usable(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    account = sandbox.account(KEY)
    for n in range(10_000):
        account.add_label(f"Bulk label {n:05d}")
    window = make_window()
    picker = window.form.multi("add_labels")
    assert len(picker.items()) >= 10_000
    edit = picker.findChild(QLineEdit, "add_labels_edit")
    edit.setFocus()
    qtbot.keyClicks(edit, "label 09999")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert picker.values() == ("Bulk label 09999",)


def test_gui_keeps_running_while_a_save_waits(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    line(window, "customer_phone").setText("80000 00041")
    wait_idle(qtbot, window)  # the lookup has answered
    sandbox.faults.queue("latency:2000", match="POST /enterprise/api/lead")
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    window.form.save_button.click()
    assert not window.form.save_button.isEnabled()
    assert window.form.save_button.text() == "Saving…"
    with qtbot.waitSignal(window.saved, timeout=10_000):
        pass
    timer.stop()
    # 2 s at 10 ms: a frozen GUI thread would have let only a few ticks through.
    assert len(ticks) > 60
    assert window.form.save_button.isEnabled()
    assert lead_by_phone(sandbox, "+918000000041")


# ---------------------------------------------------------------- lookup


def test_lookup_says_create_or_update(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    lookup = window.form.lead_status
    line(window, "customer_phone").setText("80000 00042")
    qtbot.waitUntil(lambda: "create" in lookup.text(), timeout=5_000)
    window.form.create_switch.setChecked(False)
    assert "will fail" in lookup.text()

    existing = sandbox.snapshot(KEY)["leads"][0]
    line(window, "customer_phone").setText(existing["phone_numbers"][0])
    qtbot.waitUntil(lambda: "update" in lookup.text(), timeout=5_000)
    assert existing["first_name"] in lookup.text()


def test_secondary_phone_updates_that_lead(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    sandbox.account(KEY).add_lead("+918000000043", first_name="Kiran", phones=["+918000000044"])
    window = make_window()
    line(window, "customer_phone").setText("80000 00044")
    line(window, "last_name").setText("Rao")
    qtbot.waitUntil(lambda: "secondary phone" in window.form.lead_status.text(), timeout=5_000)
    save(qtbot, window)
    lead = lead_by_phone(sandbox, "+918000000044")
    assert lead["phone_numbers"] == ["+918000000043", "+918000000044"]
    assert lead["last_name"] == "Rao"
    assert "Updated lead" in window.form.result.text()


def test_secondary_phone_saved_before_lookup_answers(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    sandbox.account(KEY).add_lead("+918000000045", first_name="Lata", phones=["+918000000046"])
    window = make_window()
    line(window, "customer_phone").setText("80000 00046")
    line(window, "first_name").setText("Lata M")
    save(qtbot, window)  # at once: the save looks the phone up itself
    assert lead_by_phone(sandbox, "+918000000046")["first_name"] == "Lata M"


def test_existing_labels_can_be_marked_for_removal(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    sandbox.account(KEY).add_lead("+918000000047", first_name="Nisha", labels=["Hot"])
    window = make_window()
    line(window, "customer_phone").setText("80000 00047")
    button = None
    qtbot.waitUntil(
        lambda: window.findChild(QWidget, "existing_label_Hot") is not None, timeout=5_000
    )
    button = window.findChild(QWidget, "existing_label_Hot")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.form.multi("remove_labels").values() == ("Hot",)
    window.form.multi("add_labels").set_values(("Cold Lead",) if False else ("Follow Up",))
    save(qtbot, window)
    assert lead_by_phone(sandbox, "+918000000047")["label_titles"] == ["Follow Up"]


# ---------------------------------------------------------------- saving


def test_untouched_fields_are_not_sent(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    sandbox.account(KEY).add_lead(
        "+918000000048", first_name="Old", city="Pune", stage="Qualified", group="Inbound"
    )
    window = make_window()
    line(window, "customer_phone").setText("80000 00048")
    line(window, "first_name").setText("New")
    save(qtbot, window)
    lead = lead_by_phone(sandbox, "+918000000048")
    assert lead["first_name"] == "New"
    assert lead["city"] == "Pune"
    assert lead["lead_stage"]["title"] == "Qualified"
    assert lead["lead_group"]["title"] == "Inbound"


def test_stage_and_assignee_can_be_cleared(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    sandbox.account(KEY).add_lead(
        "+918000000049", first_name="Clear", stage="Qualified", assignee_phone="+919876543210"
    )
    window = make_window()
    line(window, "customer_phone").setText("80000 00049")
    window.form.picker("lead_stage_name").set_choice(Choice.cleared())
    window.form.assignee.unassign.click()
    save(qtbot, window)
    lead = lead_by_phone(sandbox, "+918000000049")
    assert lead["lead_stage"] is None
    assert lead["assignee_user"] is None


def test_add_and_remove_labels_in_one_save(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    sandbox.account(KEY).add_lead("+918000000050", labels=["Hot", "Follow Up"])
    window = make_window()
    line(window, "customer_phone").setText("80000 00050")
    window.form.multi("add_labels").set_values(("Demo Requested",))
    window.form.multi("remove_labels").set_values(("Hot",))
    window.form.widget("customer_note").setPlainText("Switched plan")
    save(qtbot, window)
    lead = lead_by_phone(sandbox, "+918000000050")
    assert sorted(lead["label_titles"]) == ["Demo Requested", "Follow Up"]
    assert [n["text"] for n in lead["notes"]] == ["Switched plan"]


def test_local_errors_shown_inline_and_nothing_lost(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    before = len(sandbox.snapshot(KEY)["leads"])
    line(window, "customer_phone").setText("12345")
    line(window, "email").setText("asha@example")
    line(window, "deal_value").setText("-5")
    window.form.save_button.click()
    assert window.form.error_label("customer_phone").isVisible()
    assert window.form.error_label("email").isVisible()
    assert "negative" in window.form.error_label("deal_value").text()
    focus = QApplication.focusWidget()
    assert focus is line(window, "customer_phone")
    assert line(window, "email").text() == "asha@example"
    assert len(sandbox.snapshot(KEY)["leads"]) == before


def test_live_check_starts_after_leaving_the_field(qtbot: QtBot, window: MainWindow) -> None:
    phone = line(window, "customer_phone")
    error = window.form.error_label("customer_phone")
    qtbot.keyClicks(phone, "123")
    assert not error.isVisible()  # nobody is scolded while still typing
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    assert error.isVisible()
    assert "short" in error.text()
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClicks(phone, "98765 11111")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    assert not error.isVisible()
    assert phone.accessibleDescription() == ""


def test_save_and_new_keeps_the_sticky_defaults(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    form = window.form
    line(window, "customer_phone").setText("80000 00051")
    line(window, "first_name").setText("Ravi")
    line(window, "source").setText("walk-in")
    form.picker("lead_stage_name").set_choice(Choice.set("Qualified"))
    form.multi("add_labels").set_values(("Hot",))
    save(qtbot, window, and_new=True)
    assert "Created lead +91 80000 00051" in form.result.text()
    assert line(window, "customer_phone").text() == ""
    assert line(window, "first_name").text() == ""
    assert line(window, "source").text() == "walk-in"
    assert form.picker("lead_stage_name").choice() == Choice.set("Qualified")
    assert form.multi("add_labels").values() == ("Hot",)
    assert QApplication.focusWidget() is line(window, "customer_phone")
    assert lead_by_phone(sandbox, "+918000000051")["lead_stage"]["title"] == "Qualified"


def test_counter_walk_in_with_preset_in_few_keystrokes(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    services = make_window.services()
    services.settings.presets = [
        Preset(
            "Walk-in counter",
            StickyDefaults(
                source="walk-in", source_type="OTHERS", lead_stage="New Lead", add_labels=("Hot",)
            ),
        )
    ]
    window = make_window(services)
    keystrokes = 0

    def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        nonlocal keystrokes
        keystrokes += 1
        qtbot.keyClick(QApplication.focusWidget(), key, modifiers)

    def type_text(text: str) -> None:
        nonlocal keystrokes
        keystrokes += len(text)
        qtbot.keyClicks(QApplication.focusWidget(), text)

    press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    type_text("8000000052")
    press(Qt.Key.Key_Tab)
    type_text("Asha")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        press(
            Qt.Key.Key_Return,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert keystrokes <= 25
    lead = lead_by_phone(sandbox, "+918000000052")
    assert lead["first_name"] == "Asha"
    assert lead["source"] == "walk-in"
    assert lead["lead_stage"]["title"] == "New Lead"
    assert lead["label_titles"] == ["Hot"]
    assert QApplication.focusWidget() is line(window, "customer_phone")
    assert line(window, "customer_phone").text() == ""


def test_keypad_enter_saves(qtbot: QtBot, window: MainWindow) -> None:
    line(window, "customer_phone").setText("80000 00053")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        qtbot.keyClick(
            line(window, "customer_phone"),
            Qt.Key.Key_Enter,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier,
        )


def test_escape_clears_after_confirm(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    make_window.confirm_answers = [False, True]
    phone = line(window, "customer_phone")
    phone.setText("80000 00054")
    qtbot.keyClick(phone, Qt.Key.Key_Escape)
    assert phone.text() == "80000 00054"
    qtbot.keyClick(phone, Qt.Key.Key_Escape)
    assert phone.text() == ""
    assert make_window.questions == ["Clear the form?", "Clear the form?"]


def test_closing_mid_save_keeps_the_lead_for_the_next_start(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    window = make_window()
    line(window, "customer_phone").setText("80000 00055")
    line(window, "first_name").setText("Tara")
    wait_idle(qtbot, window)
    sandbox.faults.queue("latency:1500", match="POST /enterprise/api/lead")
    window.form.save_button.click()
    qtbot.waitUntil(lambda: window.outbox.unsent_count() == 1, timeout=5_000)
    make_window.confirm_answers = [True]
    window.close()
    assert not window.isVisible()
    assert "Quit with leads waiting?" in make_window.questions

    # The next start delivers it (or finds it delivered): once, never lost.
    again = make_window()
    qtbot.waitUntil(lambda: again.outbox.unsent_count() == 0, timeout=10_000)
    assert lead_by_phone(sandbox, "+918000000055")["first_name"] == "Tara"


def test_accessible_names_on_every_field(window: MainWindow) -> None:
    from superfone_desk.core.fields import FIELDS

    for spec in FIELDS:
        widget = window.form.widget(spec.name)
        target = widget.focusProxy() or widget
        assert widget.accessibleName() or target.accessibleName(), spec.name


def test_a_fresh_form_says_what_the_lookup_space_is_for(
    qtbot: QtBot, window: MainWindow
) -> None:
    lookup = window.form.lead_status
    assert lookup.isVisible()
    assert lookup.text().startswith("Type the phone first")
    line(window, "customer_phone").setText("80000 00045")
    qtbot.waitUntil(lambda: "create" in lookup.text(), timeout=5_000)
    assert "Type the phone first" not in lookup.text()
    window.form.clear_button.click()
    qtbot.waitUntil(lambda: lookup.text().startswith("Type the phone first"), timeout=5_000)
