"""A follow-up booked while fixing a refused lead is stored with the fix, in one write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.core.draft import LeadDraft
from superfone_desk.store.outbox import EntryState, Outbox
from tests.helpers.clock import Clock

LEAD = LeadDraft(customer_phone="98450 12345", first_name="Anil", city="Mysuru")
FIXED = LeadDraft(customer_phone="98450 12345", first_name="Anil", city="Mysore")
BOOKED = {"type": "FOLLOW_UP_CALL", "due": "2026-11-30T05:30:00+00:00"}
EARLIER = {"type": "SITE_VISIT", "due": "2026-12-01T05:30:00+00:00"}


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=Clock()) as box:
        yield box


def test_a_follow_up_booked_with_the_fix_replaces_the_entrys_own(outbox: Outbox) -> None:
    entry_id = outbox.add(LEAD, "IN", followup=EARLIER)
    outbox.needs_attention(entry_id, "refused", "city")
    fixed = outbox.replace(entry_id, FIXED, followup=BOOKED)
    assert (fixed.id, fixed.state, fixed.followup) == (entry_id, EntryState.QUEUED, BOOKED)


def test_a_fix_without_a_follow_up_keeps_the_one_booked_before(outbox: Outbox) -> None:
    entry_id = outbox.add(LEAD, "IN", followup=EARLIER)
    outbox.needs_attention(entry_id, "refused", "city")
    assert outbox.replace(entry_id, FIXED).followup == EARLIER


def test_a_fix_of_a_lead_delivered_meanwhile_carries_the_new_follow_up(outbox: Outbox) -> None:
    entry_id = outbox.add(LEAD, "IN")
    outbox.mark_sent(entry_id)
    fixed = outbox.replace(entry_id, FIXED, followup=BOOKED)
    assert fixed.id != entry_id  # a new save: an update after the delivered one
    assert (fixed.state, fixed.followup) == (EntryState.QUEUED, BOOKED)
