# mypy: disallow-untyped-defs, disallow-incomplete-defs, disallow-any-generics
# mypy: warn-return-any, no-implicit-reexport, strict-equality, disallow-untyped-calls
"""Delivery's last stage: the follow-up booked with a lead (issue #14).

Runs on the delivery thread after every lead request of an entry was accepted, and
only then: Create Task needs the lead's id, which Get Lead gives once the lead exists.
The entry is ``sending`` meanwhile and is sent only when the task is booked, so a
follow-up rides on the lead's durability: offline it is retried with the same backoff,
after a crash ``recover()`` queues it again (its lead requests are not re-sent, they
are recorded as accepted).

Never twice: the record is ``sending`` (committed) before Create Task goes out; when its
outcome is unknown (a timeout, a 5xx, a crash), the next attempt first looks for the
task with List Tasks (same type, same due time) and books it only when it isn't there.

A refusal, or a time that has passed before it could be sent, makes the entry *needs
attention* with the reason; the lead itself stays as sent (its requests are done).

The task takes the lead's assignee (Create Task has no assignee field, CONTRACT §4.2).
A follow-up for someone else (``FollowUp.assignee_phone``) first makes them the lead's
assignee, with an upsert that changes nothing else (create off): idempotent, so safe to
repeat after a failure. The form books follow-ups for the lead's own assignee (or the
one picked in its Assignee field, which the lead's own upsert carries).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, cast

from superfone_desk.api.errors import FieldRejected, SuperfoneError
from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.followup import Problem, task_request
from superfone_desk.core.followup_record import FollowUpRecord, FollowUpState
from superfone_desk.core.i18n import F_, N_
from superfone_desk.delivery.planning import Refused
from superfone_desk.store.outbox_followup import record_followup

if TYPE_CHECKING:
    from superfone_desk.api.models import Lead, Page, Task, TaskCreate
    from superfone_desk.delivery.policy import LeadClient
    from superfone_desk.store.outbox import Outbox

__all__ = ["send_followup"]

#: Stored as an entry's last_error (English); a module-level template, so the Outbox tab
#: recognises and translates it (translatable.recognise).
_NOT_BOOKED = N_("The lead was saved, but its follow-up was not booked: {reason}")
_NO_LEAD = N_("Superfone did not find the lead to add it to.")


class _TaskClient(Protocol):
    def get_lead(self, phone: str) -> Lead | None: ...

    def create_task(self, lead_id: int, task: TaskCreate) -> Task: ...

    def list_tasks(self, lead_id: int) -> Page[Task]: ...


def _parse_time(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _booked(client: _TaskClient, lead_id: int, record: FollowUpRecord) -> Task | None:
    """The task an earlier Create Task with an unknown outcome made, if any. List Tasks
    is newest first; ours would be among the first page (20) unless 20 more were made
    since, which a booking retried within its backoff does not meet."""
    due = record.followup.due
    for task in client.list_tasks(lead_id).rows:
        if task.type == record.followup.type and _parse_time(task.due_date) == due:
            return task
    return None


def send_followup(
    client: LeadClient, outbox: Outbox, entry_id: int, clock: Callable[[], float]
) -> None:
    """Book the entry's follow-up, if it has one not yet booked; then the entry is sent.

    Raises ``Refused`` (the engine marks the entry needs attention) or the client's
    ``SuperfoneError`` (retried like any request); the record says how far it got.
    """
    entry = outbox.get(entry_id)
    if entry is None or entry.followup is None:
        return
    record = FollowUpRecord.from_json(entry.followup)
    if record.state is FollowUpState.SENT:
        return

    def keep(new: FollowUpRecord, *, sending: bool = False) -> None:
        record_followup(outbox.db, entry_id, new.to_json(), clock(), sending=sending)

    # Committed first: from here a crash leaves the entry for recovery, not "sent".
    keep(record, sending=True)
    tasks = cast(_TaskClient, client)
    lead = tasks.get_lead(entry.primary_phone or entry.phone)
    if lead is None:
        reason = _NO_LEAD
        keep(record.moved(FollowUpState.FAILED, reason=reason))
        raise Refused(F_(_NOT_BOOKED, reason=reason), None)
    if record.needs_check:
        found = _booked(tasks, lead.id, record)
        if found is not None:
            keep(record.moved(FollowUpState.SENT, task_id=found.id))
            outbox.mark_sent(entry_id)
            return
    if record.followup.assignee_phone:
        try:
            client.upsert_lead(
                LeadUpsert(
                    customer_phone=lead.primary_phone,
                    create_customer_if_customer_phone_not_found=False,
                    assignee_user_phone=record.followup.assignee_phone,
                )
            )
        except FieldRejected as exc:
            keep(record.moved(FollowUpState.FAILED, reason=exc.message))
            raise Refused(F_(_NOT_BOOKED, reason=exc.message), None) from exc
    body = task_request(record.followup, datetime.fromtimestamp(clock(), UTC))
    if isinstance(body, Problem):
        keep(record.moved(FollowUpState.FAILED, reason=body.text))
        raise Refused(F_(_NOT_BOOKED, reason=body.text), None)
    keep(record.moved(FollowUpState.SENDING))
    try:
        task = tasks.create_task(lead.id, body)
    except FieldRejected as exc:
        keep(record.moved(FollowUpState.FAILED, reason=exc.message))
        raise Refused(F_(_NOT_BOOKED, reason=exc.message), None) from exc
    except SuperfoneError as exc:
        state = FollowUpState.UNKNOWN if exc.possibly_received else FollowUpState.PENDING
        keep(record.moved(state, reason=exc.user_message))
        raise
    keep(record.moved(FollowUpState.SENT, task_id=task.id))
    outbox.mark_sent(entry_id)
