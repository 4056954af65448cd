"""Outbox.add_many: many drafts in one durable transaction; batches listed with counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from superfone_desk.core.draft import LeadDraft
from superfone_desk.store.outbox import EntryState, Outbox
from superfone_desk.store.outbox_bulk import STOPPED, BulkItem


def test_add_many_queues_in_order_under_the_batch(tmp_path: Path) -> None:
    items = [BulkItem(LeadDraft(customer_phone=f"98765 0000{i}", first_name=f"N{i}"))
             for i in range(3)]  # fmt: skip
    with Outbox.open(tmp_path / "o.db") as outbox:
        ids = outbox.add_many(items, "IN", batch="b1", account="acct")
        assert ids == sorted(ids)
        assert len(ids) == 3
        entries = outbox.entries(batch="b1")
        assert [e.phone for e in reversed(entries)] == [
            "+919876500000", "+919876500001", "+919876500002"
        ]  # fmt: skip
        assert {e.state for e in entries} == {EntryState.QUEUED}
        assert {e.account for e in entries} == {"acct"}
        outbox.add(LeadDraft(customer_phone="9876511111"), "IN")  # not an import
        [summary] = outbox.batches()
        assert (summary.batch, summary.total, summary.refused) == ("b1", 3, 0)


def test_add_many_is_all_or_nothing(tmp_path: Path) -> None:
    items = [BulkItem(LeadDraft(customer_phone="9876500000")), BulkItem(LeadDraft())]
    with Outbox.open(tmp_path / "o.db") as outbox:
        with pytest.raises(ValueError, match="phone"):
            outbox.add_many(items, "IN", batch="b")
        assert outbox.counts(batch="b")[EntryState.QUEUED] == 0


def test_discard_waiting_stops_only_that_import(tmp_path: Path) -> None:
    items = [BulkItem(LeadDraft(customer_phone=f"98765 0000{i}")) for i in range(3)]
    with Outbox.open(tmp_path / "o.db") as outbox:
        outbox.add_many(items, "IN", batch="a")
        outbox.add_many(items[:1], "IN", batch="b")
        assert outbox.discard_waiting("a") == 3
        entries = outbox.entries(batch="a")
        assert {e.state for e in entries} == {EntryState.DISCARDED}
        assert {e.last_error for e in entries} == {STOPPED}
        assert outbox.counts(batch="b")[EntryState.QUEUED] == 1
