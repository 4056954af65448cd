"""The outbox's half of looking ahead (issue #15): which entry a look-ahead lane may plan
(``Outbox.next_unplanned``) and that its plan never lands on an entry a sender holds
(``Outbox.save_plan_ahead``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.draft import LeadDraft
from superfone_desk.store.entry import OutboxEntry
from superfone_desk.store.outbox import EntryState, Outbox
from tests.helpers.clock import Clock

A, B, C = "+918000000101", "+918000000102", "+918000000103"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(tmp_path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=clock) as box:
        yield box


def add(
    outbox: Outbox, number: str, known_exists: bool | None = None, account: str | None = None
) -> int:
    draft = LeadDraft(customer_phone=number, first_name="Ravi")
    return outbox.add(draft, "IN", known_exists=known_exists, account=account)


def anything(entry: OutboxEntry) -> bool:
    return True


def upsert(number: str) -> list[LeadUpsert]:
    return [LeadUpsert(customer_phone=number, first_name="Ravi")]


def next_id(outbox: Outbox, window: int = 8, skip: frozenset[int] = frozenset()) -> int | None:
    entry = outbox.next_unplanned(window, anything, skip=skip)
    return None if entry is None else entry.id


def test_the_next_unplanned_is_what_claim_would_give_next(outbox: Outbox) -> None:
    first_a, b = add(outbox, A), add(outbox, B)
    add(outbox, A)
    assert next_id(outbox) == first_a
    # A phone's later save waits for its earlier one: never planned before it is sent.
    assert next_id(outbox, skip=frozenset({first_a})) == b
    assert next_id(outbox, skip=frozenset({first_a, b})) is None
    outbox.save_plan(first_a, upsert(A), primary_phone=A, created=True)
    assert next_id(outbox) == b  # planned entries are passed over


def test_only_within_the_window_and_only_due_entries(outbox: Outbox, clock: Clock) -> None:
    a, b, c = add(outbox, A), add(outbox, B), add(outbox, C)
    outbox.save_plan(a, upsert(A), primary_phone=A, created=True)
    assert next_id(outbox, window=1) is None  # the senders are a window behind
    assert next_id(outbox, window=2) == b
    outbox.retry_later(b, "Offline", clock() + 60)  # backing off: not due
    assert next_id(outbox, window=2) == c


def test_wanted_and_account_narrow_the_choice(outbox: Outbox) -> None:
    add(outbox, A, known_exists=False)  # the form already knew: nothing to look up
    b = add(outbox, B, account="other")
    c = add(outbox, C, account="mine")
    assert next_id(outbox) == b  # a new lead the form settled is never read
    looked_up = outbox.next_unplanned(8, lambda entry: entry.known_exists is None)
    assert looked_up is not None
    assert looked_up.id == b
    mine = outbox.next_unplanned(
        8, lambda entry: entry.known_exists is None, account="mine"
    )
    assert mine is not None
    assert mine.id == c


def read(outbox: Outbox, entry_id: int) -> OutboxEntry:
    """The entry as a lane reads it before its lookup."""
    entry = outbox.get(entry_id)
    assert entry is not None
    return entry


def test_a_plan_ahead_is_stored_on_a_queued_entry_and_claim_gives_it(outbox: Outbox) -> None:
    a = add(outbox, A)
    assert outbox.save_plan_ahead(read(outbox, a), upsert(A), primary_phone=A, created=True)
    claimed = outbox.claim()
    assert claimed is not None
    assert claimed.id == a
    assert claimed.requests == ({"customer_phone": A, "first_name": "Ravi"},)
    assert (claimed.primary_phone, claimed.created) == (A, True)


def test_a_plan_ahead_never_lands_on_an_entry_a_sender_holds(outbox: Outbox) -> None:
    a = add(outbox, A)
    seen = read(outbox, a)
    held = outbox.claim()  # a sender claimed it while a lane was looking it up
    assert held is not None
    assert held.id == a
    assert not outbox.save_plan_ahead(seen, upsert(B), primary_phone=B, created=False)
    entry = outbox.get(a)
    assert entry is not None
    assert (entry.state, entry.requests, entry.primary_phone) == (EntryState.SENDING, None, None)


def test_a_plan_ahead_never_replaces_a_plan(outbox: Outbox) -> None:
    a = add(outbox, A)
    seen = read(outbox, a)
    outbox.save_plan(a, upsert(A), primary_phone=A, created=True)
    assert not outbox.save_plan_ahead(seen, upsert(B), primary_phone=B, created=False)
    assert read(outbox, a).primary_phone == A


def test_a_plan_ahead_never_overrules_a_fix_made_during_the_lookup(outbox: Outbox) -> None:
    a = add(outbox, A)
    seen = read(outbox, a)  # the lane read it, and looks its phone up
    fixed = LeadDraft(customer_phone=A, first_name="Ravindra")
    outbox.replace(a, fixed, "IN")  # the user fixed the draft meanwhile: still queued
    assert not outbox.save_plan_ahead(seen, upsert(A), primary_phone=A, created=True)
    entry = read(outbox, a)
    assert entry.requests is None  # its sender plans the fixed draft
    assert entry.draft.first_name == "Ravindra"
