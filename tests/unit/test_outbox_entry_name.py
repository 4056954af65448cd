"""The Outbox's Name of an update that holds only the edits (issue #14): the form gives
the person's name with the save, so the list and its search still show who it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.core.draft import LeadDraft
from superfone_desk.store.outbox import EntryState, Outbox
from superfone_desk.store.outbox_rows import entry_name
from tests.helpers.clock import Clock

CITY_ONLY = LeadDraft(customer_phone="98450 12345", city="Mysuru")  # the edits of an update


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=Clock()) as box:
        yield box


def test_an_update_of_only_the_city_is_listed_under_the_persons_name(outbox: Outbox) -> None:
    outbox.add(CITY_ONLY, "IN", name="Anil Sharma")
    (entry,) = outbox.entries()
    assert entry.name == "Anil Sharma"
    assert entry.draft == CITY_ONLY  # what is sent is still only the edits
    assert [e.name for e in outbox.entries(text="sharma")] == ["Anil Sharma"]


def test_a_fixed_update_keeps_the_name_given(outbox: Outbox) -> None:
    entry_id = outbox.add(CITY_ONLY, "IN", name="Anil Sharma")
    outbox.needs_attention(entry_id, "refused", "city")
    fixed = outbox.replace(entry_id, LeadDraft(customer_phone="98450 12345", city="Mysore"),
                           name="Anil Sharma")  # fmt: skip
    assert (fixed.id, fixed.name, fixed.state) == (entry_id, "Anil Sharma", EntryState.QUEUED)


def test_without_a_name_the_draft_names_itself(outbox: Outbox) -> None:
    walk_in = LeadDraft(customer_phone="80000 00071", business_name="Rao Stores")
    outbox.add(walk_in, "IN", name="  ")
    outbox.add(CITY_ONLY, "IN")
    assert [e.name for e in outbox.entries()] == ["", "Rao Stores"]
    assert entry_name(LeadDraft(first_name=" Asha ", last_name="Rao")) == "Asha Rao"
