"""A follow-up as the outbox keeps it with its lead: what to book and how far it got.

No Qt. The outbox entry's ``followup`` column holds ``FollowUpRecord.to_json()``; the
delivery engine's follow-up stage (``delivery.followup_stage``) moves it on, and the
Outbox tab shows ``describe_state``. States:

    pending ──▶ sending ──accepted──▶ sent
                  │  └── refused (or its time passed) ──▶ failed (the entry needs attention)
                  └──── outcome unknown (timeout, 5xx, crash) ──▶ unknown

``sending`` and ``unknown`` are checked with List Tasks before Create Task is sent
again, so a follow-up is never booked twice.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from superfone_desk.core.followup import FollowUp
from superfone_desk.core.i18n import F_, N_

__all__ = ["FollowUpRecord", "FollowUpState", "followup_line", "followup_outcome"]


class FollowUpState(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    UNKNOWN = "unknown"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FollowUpRecord:
    """``followup`` and its delivery: ``task_id`` once booked, ``reason`` of a failure."""

    followup: FollowUp
    state: FollowUpState = FollowUpState.PENDING
    task_id: int | None = None
    reason: str | None = None

    @property
    def needs_check(self) -> bool:
        """Create Task may have reached the server: look before sending it again."""
        return self.state in (FollowUpState.SENDING, FollowUpState.UNKNOWN)

    def moved(
        self, state: FollowUpState, *, task_id: int | None = None, reason: str | None = None
    ) -> FollowUpRecord:
        return replace(self, state=state, task_id=task_id, reason=reason)

    def describe_state(self, now: datetime) -> str:
        """One line for the Outbox tab: "Follow-up call, Thu 26 Nov, 11:00: booked"."""
        what = self.followup.describe(now)
        if self.state is FollowUpState.SENT:
            return F_("{what}: booked", what=what)
        if self.state is FollowUpState.FAILED:
            return F_("{what}: not booked", what=what)  # the entry's own error says why
        if self.state is FollowUpState.UNKNOWN:
            return F_("{what}: checking whether it was booked", what=what)
        return F_("{what}: waiting to be booked", what=what)

    def to_json(self) -> dict[str, Any]:
        return {
            "followup": self.followup.to_json(),
            "state": self.state.value,
            "task_id": self.task_id,
            "reason": self.reason,
        }

    @classmethod
    def from_json(cls, raw: object) -> FollowUpRecord:
        """The inverse of ``to_json``; ``ValueError`` on anything else."""
        if not isinstance(raw, dict) or set(raw) != {"followup", "state", "task_id", "reason"}:
            raise ValueError(f"not a stored follow-up record: {raw!r}")
        task_id, reason = raw["task_id"], raw["reason"]
        if task_id is not None and type(task_id) is not int:
            raise ValueError(f"not a task id: {task_id!r}")
        if reason is not None and not isinstance(reason, str):
            raise ValueError(f"not a reason: {reason!r}")
        return cls(
            followup=FollowUp.from_json(raw["followup"]),
            state=FollowUpState(raw["state"]),
            task_id=task_id,
            reason=reason,
        )


def followup_line(stored: object, now: datetime) -> str:
    """The Outbox tab's words for an entry's ``followup`` column ("" when it has none)."""
    if stored is None:
        return ""
    try:
        return FollowUpRecord.from_json(stored).describe_state(now)
    except ValueError:
        return N_("Follow-up: can't be read")


def followup_outcome(stored: object, now: datetime) -> str:
    """What the form's result line adds for a delivered entry's follow-up: "; Follow-up
    call, Mon 30 Nov, 11:00 booked", or that it was not booked ("" when it has none)."""
    try:
        record = None if stored is None else FollowUpRecord.from_json(stored)
    except ValueError:
        return ""
    if record is None:
        return ""
    if record.state is FollowUpState.SENT:
        return F_("; {what} booked", what=record.followup.describe(now))
    if record.state is FollowUpState.FAILED:
        return N_("; its follow-up was not booked")
    return ""
