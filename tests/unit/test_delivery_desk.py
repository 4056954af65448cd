"""Delivery on a real desk (issue #12): the clock set back, a store that fails, damaged
rows, the listener that gets the entry itself, and the history pruned on schedule.

A real SQLite outbox and the scripted ``FakeCRM``; clocks injected, nothing sleeps.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.api.errors import NetworkError
from superfone_desk.core.draft import LeadDraft
from superfone_desk.delivery.engine import Backoff, Deliverer, Outcome
from superfone_desk.store import RETENTION, EntryState, NoteStatus, Outbox, PauseCause
from tests.helpers.clock import Clock, Waits
from tests.helpers.drafts import ASHA
from tests.helpers.fake_crm import FakeCRM

PHONE = "+918000000001"
RAVI = LeadDraft(customer_phone="+919845012345", first_name="Ravi")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def crm() -> FakeCRM:
    return FakeCRM()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "outbox.sqlite3"


@pytest.fixture
def outbox(path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(path, clock=clock) as box:
        yield box


def deliverer(outbox: Outbox, crm: FakeCRM, clock: Clock, **kwargs: object) -> Deliverer:
    kwargs.setdefault("wait", Waits(clock))
    return Deliverer(
        outbox,
        lambda: crm,
        clock=clock,
        monotonic=clock.monotonic,
        rng=lambda: 0.5,
        **kwargs,  # type: ignore[arg-type]
    )


def state_of(outbox: Outbox, entry_id: int) -> EntryState:
    entry = outbox.get(entry_id)
    assert entry is not None
    return entry.state


# ------------------------------------------------------------------ #12.6 the wall clock


def test_a_clock_set_back_two_hours_never_stretches_a_backoff(
    outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    crm.fail(NetworkError("offline", possibly_received=False))
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    waits: list[float | None] = []

    def wait(timeout: float | None) -> None:
        assert timeout is not None
        waits.append(timeout)
        if len(waits) == 1:
            clock.set_wall(-2 * 3600)  # someone corrects the PC's clock meanwhile
        clock.now += timeout

    deliverer(outbox, crm, clock, wait=wait).drain()

    assert state_of(outbox, entry_id) is EntryState.SENT
    assert waits
    assert max(waits) <= Backoff().cap


def test_a_clock_set_forward_keeps_the_backoff_too(
    outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    crm.fail(NetworkError("offline", possibly_received=False))
    crm.fail(NetworkError("offline", possibly_received=False))
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    waits = Waits(clock)
    first = deliverer(outbox, crm, clock, wait=waits)
    assert first.run_once()
    clock.set_wall(3600)
    first.drain()
    # The second try waited its backoff instead of going at once on the jumped clock.
    assert waits.seconds
    assert waits.seconds[0] is not None
    assert waits.seconds[0] > 0
    assert state_of(outbox, entry_id) is EntryState.SENT


# ------------------------------------------------------------------ #12.2 the store fails


class FailingWrites:
    """Makes the outbox's ``method`` raise a storage error ``times`` times."""

    def __init__(
        self, outbox: Outbox, method: str, message: str, times: int = 1, after: int = 0
    ) -> None:
        self._real = getattr(outbox, method)
        self.left = times
        self.after = after  # calls that go through before the failures start
        self.message = message
        setattr(outbox, method, self)

    def __call__(self, *args: object, **kwargs: object) -> object:
        if self.after:
            self.after -= 1
        elif self.left:
            self.left -= 1
            raise sqlite3.OperationalError(self.message)
        return self._real(*args, **kwargs)


def test_a_failed_write_is_reported_retried_and_delivery_goes_on(
    outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    FailingWrites(outbox, "finish_request", "database or disk is full", times=2)
    # The recovery after the first failure hits the full disk too; it is tried again.
    FailingWrites(outbox, "recover", "database or disk is full", after=1)
    first = outbox.add(ASHA, "IN", known_exists=False)
    second = outbox.add(
        RAVI, "IN", known_exists=False
    )
    statuses: list[str | None] = []
    waits = Waits(clock)

    deliverer(outbox, crm, clock, wait=waits, on_status=statuses.append).drain()

    assert statuses == [
        "Can't write to the outbox: disk full",
        "Can't write to the outbox: disk full",
        "Can't write to the outbox: disk full",
        None,
    ]
    assert len(waits.seconds) == 3  # backed off, never spun
    assert (state_of(outbox, first), state_of(outbox, second)) == (
        EntryState.SENT,
        EntryState.SENT,
    )
    # The lead's own request was accepted but not recorded: it carries no note (the note
    # travels alone and last), so it is simply sent again; the note goes once.
    assert crm.notes_of(PHONE) == [ASHA.customer_note]
    entry = outbox.get(first)
    assert entry is not None
    assert entry.note_status is NoteStatus.SENT


def test_a_failing_claim_does_not_end_the_delivery_thread(
    outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    FailingWrites(outbox, "claim", "disk I/O error", times=3)
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    statuses: list[str | None] = []
    deliverer(outbox, crm, clock, on_status=statuses.append).drain()
    assert statuses[0] == "Can't write to the outbox: disk I/O error"
    assert statuses[-1] is None
    assert state_of(outbox, entry_id) is EntryState.SENT


def test_a_damaged_row_is_set_aside_and_the_others_are_delivered(
    path: Path, outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    broken = outbox.add(ASHA, "IN", known_exists=False)
    good = outbox.add(
        RAVI, "IN", known_exists=False
    )
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE outbox SET requests_json = '[{broken' WHERE id = ?", (broken,))
    conn.close()

    deliverer(outbox, crm, clock).drain()

    assert state_of(outbox, good) is EntryState.SENT
    damaged = outbox.get(broken)
    assert damaged is not None
    assert (damaged.state, damaged.cause) == (EntryState.NEEDS_ATTENTION, PauseCause.DAMAGED)
    assert crm.notes_of(PHONE) == []


# ------------------------------------------------------------------ the listener


def test_the_listener_gets_the_entry_and_the_counts(
    outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    outcomes: list[Outcome] = []
    deliverer(outbox, crm, clock, on_outcome=outcomes.append).drain()
    assert [o.state for o in outcomes] == [EntryState.SENDING, EntryState.SENT]
    last = outcomes[-1]
    assert last.entry is not None
    assert last.entry.id == entry_id
    assert last.entry.state is EntryState.SENT
    assert last.entry.created is True
    assert last.counts[EntryState.SENT] == 1
    assert last.counts[EntryState.QUEUED] == 0


# ------------------------------------------------------------------ history


def test_delivery_prunes_the_history_at_start(
    outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    old = outbox.add(ASHA, "IN", known_exists=False)
    deliverer(outbox, crm, clock).drain()
    clock.now += RETENTION.total_seconds() + 1
    deliverer(outbox, crm, clock).drain()
    assert outbox.get(old) is None


def test_a_long_running_delivery_prunes_daily(outbox: Outbox, crm: FakeCRM, clock: Clock) -> None:
    old = outbox.add(ASHA, "IN", known_exists=False)
    waits: list[float | None] = []
    stop_after = 3
    stop = threading.Event()

    def wait(timeout: float | None) -> None:
        waits.append(timeout)
        assert timeout is not None, "an idle delivery still wakes for the daily prune"
        clock.now += timeout
        if len(waits) == 1:
            clock.now += RETENTION.total_seconds()
        if len(waits) >= stop_after or outbox.get(old) is None:
            stop.set()

    deliverer(outbox, crm, clock, wait=wait).run(stop)
    assert outbox.get(old) is None
