"""core.followup_record: a follow-up as the outbox keeps it, and its words in lists."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from superfone_desk.core.followup import FollowUp
from superfone_desk.core.followup_record import (
    FollowUpRecord,
    FollowUpState,
    followup_line,
    followup_outcome,
)

NOW = datetime(2026, 11, 29, 20, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
CALL = FollowUp("FOLLOW_UP_CALL", datetime(2026, 11, 30, 5, 30, tzinfo=UTC))


def test_round_trip_keeps_state_task_and_reason() -> None:
    record = FollowUpRecord(CALL).moved(FollowUpState.UNKNOWN, reason="timed out")
    assert FollowUpRecord.from_json(record.to_json()) == record
    assert record.needs_check
    booked = record.moved(FollowUpState.SENT, task_id=4001)
    assert FollowUpRecord.from_json(booked.to_json()) == booked
    assert not booked.needs_check


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        {"followup": CALL.to_json(), "state": "lost", "task_id": None, "reason": None},
        {"followup": CALL.to_json(), "state": "sent", "task_id": "7", "reason": None},
        {"followup": CALL.to_json(), "state": "sent", "task_id": True, "reason": None},
        {"followup": {"type": "X"}, "state": "sent", "task_id": None, "reason": None},
        {"followup": CALL.to_json(), "state": "sent", "task_id": None},
    ],
)
def test_anything_else_is_refused(raw: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each kind of damage has its own text
        FollowUpRecord.from_json(raw)


@pytest.mark.parametrize(
    ("state", "line", "outcome"),
    [
        (FollowUpState.PENDING, "waiting to be booked", ""),
        (FollowUpState.SENDING, "waiting to be booked", ""),
        (FollowUpState.UNKNOWN, "checking whether it was booked", ""),
        (FollowUpState.SENT, "booked", "; Follow-up call, Mon 30 Nov, 11:00 booked"),
        (FollowUpState.FAILED, "not booked", "; its follow-up was not booked"),
    ],
)
def test_words_for_lists_and_the_result_line(
    state: FollowUpState, line: str, outcome: str
) -> None:
    stored = FollowUpRecord(CALL, state).to_json()
    assert followup_line(stored, NOW) == f"Follow-up call, Mon 30 Nov, 11:00: {line}"
    assert followup_outcome(stored, NOW) == outcome


def test_no_follow_up_no_words_and_damage_is_said() -> None:
    assert followup_line(None, NOW) == ""
    assert followup_outcome(None, NOW) == ""
    assert followup_line({"bad": 1}, NOW) == "Follow-up: can't be read"
    assert followup_outcome({"bad": 1}, NOW) == ""
