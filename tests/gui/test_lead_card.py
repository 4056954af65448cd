"""The lead card (issue #14) in the real window against the sandbox: the stored lead in
the form, only edits sent, its open tasks, and a follow-up saved with Ctrl+Enter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.core.followup import FollowUp, Problem, task_request
from superfone_desk.core.followup_record import FollowUpRecord, FollowUpState
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, OutboxEntry
from superfone_desk.ui.form.followup_field import FollowUpField
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY, WindowFactory

pytestmark = pytest.mark.gui

ANIL = "+919845012345"  # Sharma Traders, Bengaluru; no tasks
MEERA = "+919830045678"  # an open follow-up call


def line(window: MainWindow, name: str) -> QLineEdit:
    widget = window.form.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


@pytest.fixture
def api(sandbox: SandboxServer) -> Iterator[SuperfoneClient]:
    """A client of our own, to read back what the window sent."""
    with httpx.Client(verify=False, timeout=5) as http:
        yield SuperfoneClient(KEY, sandbox.base_url, http=http)


def latest_entry(window: MainWindow) -> OutboxEntry:
    entries = window.outbox.entries(limit=1)
    assert entries
    return entries[0]


def wait_sent(qtbot: QtBot, window: MainWindow) -> OutboxEntry:
    qtbot.waitUntil(lambda: latest_entry(window).state is EntryState.SENT, timeout=10_000)
    return latest_entry(window)


def test_a_demo_leads_phone_fills_the_form_with_what_is_stored(
    qtbot: QtBot, window: MainWindow
) -> None:
    card = window.save_controller.card
    line(window, "customer_phone").setText("98450 12345")
    qtbot.waitUntil(lambda: line(window, "first_name").text() == "Anil", timeout=5_000)
    draft = window.form.draft()
    assert (draft.last_name, draft.business_name, draft.city) == (
        "Sharma", "Sharma Traders", "Bengaluru"
    )
    assert (draft.deal_value, draft.source, draft.source_type) == (
        "25000", "website-form", "OTHERS"
    )
    assert (draft.lead_stage.value, draft.lead_group.value) == ("New Lead", "Inbound")
    assert "Ravi" in window.form.assignee.edit.placeholderText()
    city = line(window, "city")
    assert city.property("stored") is True
    assert "Stored in Superfone" in city.accessibleDescription()
    # Typing makes it the user's own: no longer marked, and listed as a change.
    city.setText("Mysuru")
    assert not city.property("stored")
    assert card.change_list.isVisible()
    assert "City: Bengaluru → Mysuru" in card.change_list.label.text()
    # Another phone takes the stored values out; what was typed stays.
    line(window, "customer_phone").setText("80000 00071")
    qtbot.waitUntil(lambda: line(window, "first_name").text() == "", timeout=5_000)
    assert city.text() == "Mysuru"
    assert card.stored is None


def test_changing_only_the_city_sends_only_the_phone_and_the_city(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, api: SuperfoneClient
) -> None:
    line(window, "customer_phone").setText("98450 12345")
    qtbot.waitUntil(lambda: line(window, "first_name").text() == "Anil", timeout=5_000)
    line(window, "city").setText("Mysuru")
    sandbox.clear_request_log()
    window.save_controller.save(and_new=False)
    entry = wait_sent(qtbot, window)
    assert entry.requests == (
        {
            "customer_phone": ANIL,
            "create_customer_if_customer_phone_not_found": False,
            "city": "Mysuru",
        },
    )
    # What Superfone received, read from the sandbox's request log: one upsert whose lead
    # fields are the phone and the city (the create flag is a switch, not a field).
    posts = [(r.path, r.status, r.body) for r in sandbox.requests if r.method == "POST"]
    assert posts == [
        (
            "/superfone/enterprise/api/lead",
            200,
            {
                "customer_phone": ANIL,
                "create_customer_if_customer_phone_not_found": False,
                "city": "Mysuru",
            },
        )
    ]
    lead = api.get_lead(ANIL)
    assert lead is not None
    assert (lead.city, lead.first_name, lead.deal_value) == ("Mysuru", "Anil", 25000)


def test_open_tasks_are_listed_and_a_new_follow_up_warns_it_closes_them(
    qtbot: QtBot, window: MainWindow, api: SuperfoneClient
) -> None:
    card = window.save_controller.card
    line(window, "customer_phone").setText("98300 45678")
    qtbot.waitUntil(lambda: card.tasks.list.count() == 1, timeout=5_000)
    assert card.tasks.list.item(0).text().startswith("Follow-up call · ")
    assert card.tasks.list.item(0).text().endswith(" · Priya Sharma")
    card.followup.edit.setText("tomorrow 11am")
    assert card.followup.warning.isVisibleTo(window)
    assert "closes the lead's open Follow-up call" in card.followup.warning.text()
    card.followup.type.setCurrentIndex(card.followup.type.findData("REMINDER"))
    assert not card.followup.warning.isVisibleTo(window)
    # Complete Task closes it; the list follows.
    qtbot.mouseClick(card.tasks.complete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.tasks.list.count() == 0, timeout=5_000)
    lead = api.get_lead(MEERA)
    assert lead is not None
    rows = api.list_tasks(lead.id).rows
    assert [t.task_status for t in rows] == ["COMPLETE"]


def test_follow_up_field_reads_and_refuses_next_to_itself(
    qtbot: QtBot, window: MainWindow
) -> None:
    field = window.save_controller.card.followup
    assert field.edit.accessibleName() == "Follow-up"
    field.edit.setText("tomorrow 11am")
    qtbot.waitUntil(lambda: field.understood.text() != "", timeout=2_000)
    tomorrow = datetime.now().astimezone() + timedelta(days=1)
    assert field.understood.text().endswith(f"{tomorrow.day} {tomorrow:%b}, 11:00")
    field.edit.setText("whenever")
    qtbot.waitUntil(lambda: "Couldn't read" in field.understood.text(), timeout=2_000)
    assert field.edit.text() == "whenever"  # nothing typed is lost
    # Save refuses it next to the field, and nothing goes into the outbox.
    line(window, "customer_phone").setText("80000 00072")
    window.save_controller.save(and_new=True)
    assert window.outbox.entries() == []
    assert "follow-up" in window.form.result.text()


def test_tomorrow_11am_on_a_walk_in_saved_with_ctrl_enter_books_the_call(
    qtbot: QtBot, window: MainWindow, api: SuperfoneClient
) -> None:
    line(window, "customer_phone").setText("80000 00073")
    line(window, "first_name").setText("Walk-in")
    field = window.save_controller.card.followup
    field.edit.setText("tomorrow 11am")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    entry = wait_sent(qtbot, window)
    assert field.edit.text() == ""  # booked with the saved lead
    qtbot.waitUntil(lambda: "Follow-up call" in window.form.result.text(), timeout=5_000)
    assert window.form.result.text().startswith("Created lead +91 80000 00073 — Walk-in; ")
    assert window.form.result.text().endswith(", 11:00 booked")
    assert entry.followup is not None
    record = FollowUpRecord.from_json(entry.followup)
    assert record.state is FollowUpState.SENT
    lead = api.get_lead("+918000000073")
    assert lead is not None
    [task] = api.list_tasks(lead.id).rows
    due = datetime.fromisoformat(task.due_date.replace("Z", "+00:00")).astimezone()
    tomorrow = datetime.now().astimezone().date() + timedelta(days=1)
    assert (task.type, due.date(), due.hour, due.minute) == ("FOLLOW_UP_CALL", tomorrow, 11, 0)


def test_only_fill_empty_fields_is_off_by_default_and_remembered(
    make_window: WindowFactory,
) -> None:
    window = make_window()
    switch = window.save_controller.card.change_list.only_empty
    assert not switch.isChecked()
    switch.setChecked(True)
    window.shutdown()
    again = make_window()
    assert again.save_controller.card.change_list.only_empty.isChecked()


def test_a_follow_up_saved_offline_is_booked_once_superfone_answers(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    port = sandbox.port
    sandbox.stop()
    line(window, "customer_phone").setText("80000 00074")
    field = window.save_controller.card.followup
    field.edit.setText("tomorrow 11am")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: latest_entry(window).last_error is not None, timeout=10_000)
    assert latest_entry(window).state is EntryState.QUEUED
    # The Outbox tab shows the follow-up's own state next to the lead's.
    window.outbox_view.refresh()
    table = window.outbox_view.table

    def shows_waiting_follow_up() -> None:
        cell = table.item(0, 4)
        assert cell is not None
        assert "Follow-up call" in cell.text()
        assert "waiting to be booked" in cell.text()

    qtbot.waitUntil(shows_waiting_follow_up, timeout=5_000)
    with (
        SandboxServer(api_keys=(KEY,), seed="demo", port=port) as back,
        httpx.Client(verify=False, timeout=5) as http,
    ):
        window.delivery.send_now()
        entry = wait_sent(qtbot, window)
        assert entry.followup is not None
        assert FollowUpRecord.from_json(entry.followup).state is FollowUpState.SENT
        client = SuperfoneClient(KEY, back.base_url, http=http)
        lead = client.get_lead("+918000000074")
        assert lead is not None
        [task] = client.list_tasks(lead.id).rows
        due = datetime.fromisoformat(task.due_date.replace("Z", "+00:00")).astimezone()
        assert (task.type, due.hour, due.minute) == ("FOLLOW_UP_CALL", 11, 0)


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "America/New_York", "Europe/London", "UTC"])
def test_the_rep_types_local_time_and_the_api_gets_utc(qtbot: QtBot, zone: str) -> None:
    here = ZoneInfo(zone)
    field = FollowUpField(now=lambda: datetime.now(here))
    qtbot.addWidget(field)
    field.edit.setText("tomorrow 11am")
    value = field.value()
    assert isinstance(value, FollowUp)
    local = value.due.astimezone(here)
    tomorrow = datetime.now(here).date() + timedelta(days=1)
    assert (local.date(), local.hour, local.minute) == (tomorrow, 11, 0)
    assert value.due.tzinfo is UTC
    body = task_request(value, datetime.now(UTC))
    assert not isinstance(body, Problem)
    assert body.due_date == value.due.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert datetime.fromisoformat(body.due_date.replace("Z", "+00:00")) == local


def test_tab_runs_from_the_note_through_the_follow_up_to_the_buttons(
    qtbot: QtBot, window: MainWindow
) -> None:
    note = window.form.widget("customer_note")
    note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is note, timeout=2_000)
    seen = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        seen.append(QApplication.focusWidget().objectName())
    assert seen[:5] == [
        "followup",
        "followup_type",
        "followup_pick_in_1_hour",
        "followup_pick_this_evening",
        "followup_pick_tomorrow_morning",
    ]
    assert seen[5] == "create_customer_if_customer_phone_not_found"


def test_save_and_new_never_carries_a_stored_value_to_the_next_lead(
    qtbot: QtBot, window: MainWindow
) -> None:
    line(window, "customer_phone").setText("98300 45678")  # Meera: Negotiation, referral
    qtbot.waitUntil(lambda: line(window, "first_name").text() == "Meera", timeout=5_000)
    line(window, "city").setText("Howrah")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.save_controller.save(and_new=True)
    draft = window.form.draft()
    assert draft.lead_stage.is_untouched
    assert draft.source == ""
    assert window.preferences.defaults.lead_stage == ""
    assert window.preferences.defaults.source == ""


def test_after_a_plain_save_the_card_shows_the_lead_as_now_stored(
    qtbot: QtBot, window: MainWindow
) -> None:
    card = window.save_controller.card
    line(window, "customer_phone").setText("98300 45678")
    qtbot.waitUntil(lambda: line(window, "first_name").text() == "Meera", timeout=5_000)
    city = line(window, "city")
    city.setText("Howrah")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.save_controller.save(and_new=False)
    qtbot.waitUntil(lambda: line(window, "first_name").text() == "Meera", timeout=5_000)
    qtbot.waitUntil(lambda: city.property("stored") is True, timeout=5_000)
    assert city.text() == "Howrah"
    assert card.change_list.label.text() == "Will change: nothing yet"
    assert not window.form.is_dirty()


def test_what_is_typed_while_the_lookup_runs_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    card = window.save_controller.card
    stage = window.form.picker("lead_stage_name").focusProxy()
    assert isinstance(stage, QLineEdit)
    line(window, "customer_phone").setText("98300 45678")
    first = line(window, "first_name")
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=2_000)
    first.setText("Meena")  # being typed when the answer comes
    first.setCursorPosition(2)
    stage.setText("Qualifed")  # names no stage: kept as typed, never replaced
    qtbot.waitUntil(lambda: card.stored is not None, timeout=5_000)
    qtbot.waitUntil(lambda: line(window, "city").text() == "Kolkata", timeout=5_000)
    assert first.text() == "Meena"
    assert first.cursorPosition() == 2
    assert stage.text() == "Qualifed"
    assert "First name: Meera → Meena" in card.change_list.label.text()


def test_a_refused_follow_up_is_fixed_from_the_outbox_and_booked(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, api: SuperfoneClient
) -> None:
    sandbox.faults.queue("status:400", match="POST /enterprise/api/lead/*/task")
    line(window, "customer_phone").setText("80000 00075")
    field = window.save_controller.card.followup
    field.edit.setText("tomorrow 11am")
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.save_controller.save(and_new=False)
    refused = latest_entry(window)
    assert refused.state is EntryState.NEEDS_ATTENTION
    assert refused.last_error is not None
    assert refused.last_error.startswith("The lead was saved, but its follow-up was not booked")
    assert window.form.result.text() == "Saved; its follow-up was not booked."
    assert api.get_lead("+918000000075") is not None  # the lead itself is there
    window.save_controller.open_entry(refused)
    field.edit.setText("tomorrow 5pm")
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.save_controller.save(and_new=False)
    fixed = latest_entry(window)
    assert fixed.id == refused.id  # the same entry, replaced
    assert fixed.followup is not None
    assert FollowUpRecord.from_json(fixed.followup).state is FollowUpState.SENT
    lead = api.get_lead("+918000000075")
    assert lead is not None
    [task] = api.list_tasks(lead.id).rows
    due = datetime.fromisoformat(task.due_date.replace("Z", "+00:00")).astimezone()
    assert (due.hour, due.minute) == (17, 0)


def test_the_time_shown_is_the_time_booked(qtbot: QtBot) -> None:
    clock = [datetime(2026, 11, 29, 10, 0, tzinfo=ZoneInfo("Asia/Kolkata"))]
    field = FollowUpField(now=lambda: clock[0])
    qtbot.addWidget(field)
    field.edit.setText("in 1 hour")
    qtbot.waitUntil(lambda: field.understood.text() == "Sun 29 Nov, 11:00", timeout=2_000)
    clock[0] += timedelta(minutes=5)  # Save comes a little later
    value = field.value()
    assert isinstance(value, FollowUp)
    assert value.due == datetime(2026, 11, 29, 5, 30, tzinfo=UTC)  # 11:00 IST, as shown
    clock[0] += timedelta(hours=2)  # the shown time has passed: read again, from now
    value = field.value()
    assert isinstance(value, FollowUp)
    assert value.due == datetime(2026, 11, 29, 7, 35, tzinfo=UTC)
