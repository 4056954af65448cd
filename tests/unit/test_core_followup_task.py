"""A booked follow-up as the outbox keeps it, and the Create Task body it becomes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from superfone_desk.api.models import OMITTED, TASK_TYPES, TaskCreate
from superfone_desk.core.followup import (
    DEFAULT_TYPE,
    FOLLOWUP_TYPES,
    FollowUp,
    Problem,
    Understood,
    read_followup,
    task_request,
)

KOLKATA = ZoneInfo("Asia/Kolkata")
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=KOLKATA)
DUE = datetime(2026, 11, 26, 5, 30, tzinfo=UTC)  # Thu 26 Nov, 11:00 in Mumbai


def test_types_are_the_contracts_with_follow_up_call_first() -> None:
    assert DEFAULT_TYPE == "FOLLOW_UP_CALL"
    assert list(FOLLOWUP_TYPES) == [
        "FOLLOW_UP_CALL", "CALLBACK_REQUEST", "SITE_VISIT", "BOOKING", "REMINDER"
    ]
    assert set(FOLLOWUP_TYPES) <= set(TASK_TYPES)


def test_due_is_kept_in_utc_whatever_zone_it_came_in() -> None:
    followup = FollowUp(DEFAULT_TYPE, DUE.astimezone(KOLKATA))
    assert followup.due == DUE
    assert followup.due.tzinfo == UTC


@pytest.mark.parametrize("kind", ["FIRST_CALL", "follow_up_call", "", "CALL"])
def test_refuses_a_type_the_picker_does_not_offer(kind: str) -> None:
    with pytest.raises(ValueError, match="type"):
        FollowUp(kind, DUE)


def test_refuses_a_naive_due_time() -> None:
    with pytest.raises(ValueError, match="aware"):
        FollowUp(DEFAULT_TYPE, datetime(2026, 11, 26, 11, 0))


@pytest.mark.parametrize("assignee", [None, "+919876543210"])
def test_json_round_trip_through_text(assignee: str | None) -> None:
    followup = FollowUp("SITE_VISIT", DUE, assignee_phone=assignee)
    stored = json.dumps(followup.to_json())
    assert json.loads(stored) == {
        "type": "SITE_VISIT", "due": "2026-11-26T05:30:00Z", "assignee_phone": assignee
    }
    assert FollowUp.from_json(json.loads(stored)) == followup


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        {},
        {"type": "SITE_VISIT", "due": "2026-11-26T05:30:00Z"},
        {"type": "SITE_VISIT", "due": "2026-11-26T05:30:00Z", "assignee_phone": 5},
        {"type": "SITE_VISIT", "due": 1764135000, "assignee_phone": None},
        {"type": "SITE_VISIT", "due": "tomorrow", "assignee_phone": None},
        {"type": "SITE_VISIT", "due": "2026-11-26T05:30:00", "assignee_phone": None},
        {"type": "FIRST_CALL", "due": "2026-11-26T05:30:00Z", "assignee_phone": None},
        {"type": "SITE_VISIT", "due": "2026-11-26T05:30:00Z", "assignee_phone": None, "x": 1},
    ],
)
def test_from_json_refuses_anything_it_did_not_write(raw: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case fails on a different check
        FollowUp.from_json(raw)


def test_describes_itself_in_the_reps_zone() -> None:
    assert FollowUp(DEFAULT_TYPE, DUE).describe(NOW) == "Follow-up call, Thu 26 Nov, 11:00"
    dubai = NOW.astimezone(ZoneInfo("Asia/Dubai"))
    assert FollowUp("SITE_VISIT", DUE).describe(dubai) == "Site visit, Thu 26 Nov, 09:30"


def test_non_reminders_close_the_leads_other_open_tasks() -> None:
    closing = {kind for kind in FOLLOWUP_TYPES if FollowUp(kind, DUE).closes_other_tasks}
    assert closing == {"FOLLOW_UP_CALL", "CALLBACK_REQUEST", "SITE_VISIT", "BOOKING"}


def test_typed_time_becomes_the_body_the_contract_asks_for() -> None:
    understood = read_followup("tomorrow 11am", NOW)
    assert isinstance(understood, Understood)
    request = task_request(FollowUp(DEFAULT_TYPE, understood.utc), NOW)
    assert request == TaskCreate(type="FOLLOW_UP_CALL", due_date="2026-11-26T05:30:00Z")
    # notify_at is omitted: the server's default (due − 10 min) is in the future.
    assert request.to_json() == {"type": "FOLLOW_UP_CALL", "due_date": "2026-11-26T05:30:00Z"}


@pytest.mark.parametrize(
    ("kind", "minutes_ahead", "sends_notify_at"),
    [
        ("FOLLOW_UP_CALL", 11, False),
        ("FOLLOW_UP_CALL", 10, True),  # default notify_at would be now: not > now
        ("CALLBACK_REQUEST", 3, True),
        ("REMINDER", 3, False),  # a reminder's default is the due time itself
        ("REMINDER", 1, False),
    ],
)
def test_notify_at_is_sent_only_when_the_default_would_be_refused(
    kind: str, minutes_ahead: int, sends_notify_at: bool
) -> None:
    due = NOW + timedelta(minutes=minutes_ahead)
    request = task_request(FollowUp(kind, due), NOW)
    assert isinstance(request, TaskCreate)
    if sends_notify_at:
        # The latest time the rule now < notify_at <= due_date allows.
        assert request.notify_at == request.due_date
    else:
        assert request.notify_at is OMITTED
    assert request.due_date == due.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("late", [timedelta(0), timedelta(minutes=1), timedelta(days=2)])
def test_a_time_passed_before_sending_is_not_sent(late: timedelta) -> None:
    followup = FollowUp(DEFAULT_TYPE, DUE)
    result = task_request(followup, DUE.astimezone(KOLKATA) + late)
    assert isinstance(result, Problem)
    assert result.id == "followup.expired"
    assert "11:00" in result.text
