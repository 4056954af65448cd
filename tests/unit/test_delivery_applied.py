"""``on_applied``: the lead itself is on Superfone and only its note is still to go, so
the form can say "Created lead …" one round trip sooner (the note travels alone and last,
issue #11); the entry is sent only once the note is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.core.draft import LeadDraft
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.store.outbox import EntryState, Outbox
from tests.helpers.clock import Clock, Waits
from tests.helpers.fake_crm import FakeCRM

PHONE = "+918000000001"
ASHA = LeadDraft(customer_phone=PHONE, first_name="Asha", customer_note="Call after 6 PM")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(tmp_path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=clock) as box:
        yield box


def deliverer(outbox: Outbox, crm: FakeCRM, clock: Clock, **listeners: object) -> Deliverer:
    return Deliverer(
        outbox,
        lambda: crm,
        clock=clock,
        monotonic=clock.monotonic,
        wait=Waits(clock),
        senders=1,
        **listeners,  # type: ignore[arg-type]
    )


def test_the_lead_is_reported_applied_before_its_note_goes_out(
    outbox: Outbox, clock: Clock
) -> None:
    crm = FakeCRM()
    seen: list[tuple[int, int, EntryState, int]] = []

    def applied(entry_id: int) -> None:
        entry = outbox.get(entry_id)
        assert entry is not None
        seen.append((entry_id, len(crm.bodies), entry.state, entry.next_request))

    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    deliverer(outbox, crm, clock, on_applied=applied).drain()
    # Once, with the lead's upsert accepted and the note not yet sent; still sending.
    assert seen == [(entry_id, 1, EntryState.SENDING, 1)]
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]
    done = outbox.get(entry_id)
    assert done is not None
    assert done.state is EntryState.SENT


def test_a_lead_without_a_note_or_follow_up_is_only_reported_sent(
    outbox: Outbox, clock: Clock
) -> None:
    crm = FakeCRM()
    seen: list[int] = []
    changes: list[EntryState] = []
    outbox.add(LeadDraft(customer_phone=PHONE, first_name="Asha"), "IN", known_exists=False)
    deliverer(
        outbox, crm, clock, on_applied=seen.append, on_change=lambda _i, s: changes.append(s)
    ).drain()
    assert seen == []
    assert changes == [EntryState.SENDING, EntryState.SENT]


def test_a_failing_applied_listener_does_not_stop_delivery(
    outbox: Outbox, clock: Clock
) -> None:
    def broken(entry_id: int) -> None:
        raise RuntimeError("listener bug")

    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    deliverer(outbox, FakeCRM(), clock, on_applied=broken).drain()
    done = outbox.get(entry_id)
    assert done is not None
    assert done.state is EntryState.SENT
