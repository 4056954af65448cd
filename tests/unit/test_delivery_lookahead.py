"""A look-ahead lane on its own (issue #15, ``delivery.lookahead``): what it plans, and
that an entry it cannot plan is left to its sender instead of being looked up again and
again."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.api.errors import RateLimited
from superfone_desk.api.models import Lead, LeadUpsert
from superfone_desk.core.draft import LeadDraft
from superfone_desk.delivery.lookahead import Lookahead
from superfone_desk.store.outbox import Outbox
from tests.helpers.clock import Clock


class Crm:
    """Get Lead answers "no such lead" (or 429 for ``limited``), counted per phone."""

    def __init__(self, limited: frozenset[str] = frozenset()) -> None:
        self.looked_up: Counter[str] = Counter()
        self._limited = limited

    def get_lead(self, phone: str) -> Lead | None:
        self.looked_up[phone] += 1
        if phone in self._limited:
            raise RateLimited("Too many requests", retry_after=1.0)
        return None

    def upsert_lead(self, lead: LeadUpsert) -> None:
        raise AssertionError("a lane never sends")


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=Clock()) as box:
        yield box


def run_lane(outbox: Outbox, crm: Crm, until: threading.Event, window: int = 8) -> None:
    """One lane until ``until`` is set (or the lane ends by itself)."""
    lane = Lookahead(outbox, lambda: crm, window=window, account=lambda: None,
                     blocked=lambda: False)
    done = threading.Event()
    thread = threading.Thread(target=lane.run, args=(done,))
    thread.start()
    until.wait(10)
    done.set()
    thread.join(10)
    assert not thread.is_alive()


def planned(outbox: Outbox, entry_id: int) -> bool:
    entry = outbox.get(entry_id)
    assert entry is not None
    return entry.requests is not None


def test_a_lane_plans_the_queue_ahead_as_a_sender_would(outbox: Outbox) -> None:
    ids = [
        outbox.add(LeadDraft(customer_phone=f"+91800000{n:04d}", first_name="Ravi"), "IN")
        for n in range(5)
    ]
    all_planned = threading.Event()

    class Watching(Crm):
        def get_lead(self, phone: str) -> Lead | None:
            if len(self.looked_up) == len(ids) - 1:
                all_planned.set()  # the last lookup: its plan is stored right after
            return super().get_lead(phone)

    crm = Watching()
    run_lane(outbox, crm, all_planned)
    assert len(crm.looked_up) == len(ids)
    assert set(crm.looked_up.values()) == {1}  # each phone once
    entry = outbox.claim()
    assert entry is not None
    assert entry.requests == (
        {"customer_phone": "+918000000000", "first_name": "Ravi",
         "create_customer_if_customer_phone_not_found": True},
    )


def test_an_entry_a_lane_cannot_plan_is_looked_up_once_and_left(outbox: Outbox) -> None:
    # Stored, but no request can be built from it (the store does not validate): its
    # sender will mark it for the user with the reason.
    bad = outbox.add(LeadDraft(customer_phone="+918000000100", emails="not an address"), "IN")
    good = outbox.add(LeadDraft(customer_phone="+918000000101", first_name="Asha"), "IN")
    crm = Crm()
    quiet = threading.Event()
    threading.Timer(0.5, quiet.set).start()  # long enough for hundreds of lookups
    run_lane(outbox, crm, quiet)
    assert crm.looked_up["+918000000100"] == 1
    assert not planned(outbox, bad)
    assert planned(outbox, good)


def test_a_failed_lookup_ends_the_lane_and_plans_nothing(outbox: Outbox) -> None:
    first = outbox.add(LeadDraft(customer_phone="+918000000200", first_name="Ravi"), "IN")
    second = outbox.add(LeadDraft(customer_phone="+918000000201", first_name="Asha"), "IN")
    crm = Crm(limited=frozenset({"+918000000200"}))
    never = threading.Event()
    lane = Lookahead(outbox, lambda: crm, window=8, account=lambda: None,
                     blocked=lambda: False)
    lane.run(never)  # returns by itself: the 429 is the sender's to handle
    assert crm.looked_up == Counter({"+918000000200": 1})
    assert not planned(outbox, first)
    assert not planned(outbox, second)
