"""store.outbox: saving, listing, counting and the user's actions on entries (no network)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from superfone_desk.api.models import OMITTED, AddressUpdate, LeadUpsert
from superfone_desk.core.draft import Choice, LeadDraft, draft_from_json, draft_to_json
from superfone_desk.core.payload import build_requests
from superfone_desk.store.outbox import (
    EntryBusy,
    EntryNotFound,
    EntryState,
    NoteStatus,
    Outbox,
)
from tests.helpers.clock import Clock
from tests.helpers.drafts import ASHA, FULL_DRAFT

#: Where the note is in ASHA's plan: alone and last (issue #11), after the lead itself.
NOTE = 1


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(tmp_path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "data" / "outbox.sqlite3", clock=clock) as box:
        yield box


# ------------------------------------------------------------------ drafts as JSON


@pytest.mark.parametrize("draft", [LeadDraft(), ASHA, FULL_DRAFT])
def test_draft_json_round_trip_is_lossless(draft: LeadDraft) -> None:
    text = json.dumps(draft_to_json(draft))
    assert draft_from_json(json.loads(text)) == draft


def test_draft_from_json_refuses_what_it_cannot_keep() -> None:
    good = draft_to_json(ASHA)
    with pytest.raises(ValueError, match="unknown draft fields: nickname"):
        draft_from_json({**good, "nickname": "A"})
    with pytest.raises(ValueError, match="unknown Choice state"):
        draft_from_json({**good, "lead_stage": {"state": "maybe", "value": ""}})
    with pytest.raises(ValueError, match="add_labels must be a list of strings"):
        draft_from_json({**good, "add_labels": "Hot"})
    with pytest.raises(ValueError, match="create_if_missing must be a bool"):
        draft_from_json({**good, "create_if_missing": "yes"})
    with pytest.raises(ValueError, match="version"):
        draft_from_json({**good, "v": 99})
    with pytest.raises(ValueError, match="JSON object"):
        draft_from_json([])


def test_draft_from_json_fills_in_missing_fields() -> None:
    assert draft_from_json({"customer_phone": "+918000000001"}) == LeadDraft(
        customer_phone="+918000000001"
    )


@pytest.mark.parametrize(
    "upsert",
    [
        LeadUpsert(customer_phone="+918000000001"),
        LeadUpsert(
            customer_phone="+918000000001",
            create_customer_if_customer_phone_not_found=True,
            email=("a@example.com",),
            address=AddressUpdate(text="x", latitude=12.5, longitude=None),
            deal_value=150000,
            lead_stage_name=None,
            assignee_user_phone=None,
            add_labels=("Hot",),
            customer_note="n",
        ),
        *build_requests(FULL_DRAFT, "IN"),
    ],
)
def test_lead_upsert_from_json_round_trips(upsert: LeadUpsert) -> None:
    body = json.loads(json.dumps(upsert.to_json()))
    again = LeadUpsert.from_json(body)
    assert again.to_json() == upsert.to_json()
    assert again.lead_group_name == upsert.lead_group_name  # None stays None, OMITTED stays


def test_lead_upsert_from_json_keeps_omitted_fields_omitted() -> None:
    assert LeadUpsert.from_json({"customer_phone": "+918000000001"}).lead_stage_name is OMITTED


# ------------------------------------------------------------------ add / get


def test_add_stores_the_draft_as_typed(outbox: Outbox, clock: Clock) -> None:
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.draft == ASHA
    assert entry.state is EntryState.QUEUED
    assert entry.phone == "+918000000001"
    assert entry.name == "Asha Kumar"
    assert entry.summary == "+91 80000 00001 — Asha Kumar"
    assert entry.region == "IN"
    assert (entry.known_exists, entry.known_primary) == (False, None)
    assert entry.note_status is NoteStatus.PENDING
    assert entry.requests is None
    assert entry.created_at == datetime.fromtimestamp(clock.now, UTC)
    assert entry.last_error is None


def test_a_save_without_a_note_has_no_note_status(outbox: Outbox) -> None:
    entry_id = outbox.add(LeadDraft(customer_phone="8000000001", customer_note="  "), "IN")
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.note_status is NoteStatus.NONE
    assert entry.known_exists is None


def test_add_refuses_a_draft_without_a_usable_phone(outbox: Outbox) -> None:
    # The form and the importer validate; the store only needs a phone to file it under.
    with pytest.raises(ValueError, match="customer_phone"):
        outbox.add(LeadDraft(customer_phone="12"), "IN")
    assert outbox.counts()[EntryState.QUEUED] == 0


def test_a_saved_lead_is_on_disk_when_add_returns(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    with Outbox.open(path) as box:
        entry_id = box.add(ASHA, "IN")
        # Another connection (another process, after a crash) sees it at once.
        other = sqlite3.connect(path)
        try:
            row = other.execute("SELECT state, phone FROM outbox WHERE id = ?", (entry_id,))
            assert row.fetchone() == ("queued", "+918000000001")
        finally:
            other.close()


def test_get_of_an_unknown_entry_is_none(outbox: Outbox) -> None:
    assert outbox.get(404) is None


# ------------------------------------------------------------------ listing and counts


def _add_many(outbox: Outbox, clock: Clock) -> list[int]:
    ids = []
    for number, (first, business) in enumerate(
        [("Asha", ""), ("Ravi", ""), ("", "Zoë Traders"), ("Meera", "")], start=1
    ):
        clock.now += 1
        draft = LeadDraft(
            customer_phone=f"+91 98450 1234{number}", first_name=first, business_name=business
        )
        ids.append(outbox.add(draft, "IN"))
    return ids


def test_entries_are_listed_newest_first(outbox: Outbox, clock: Clock) -> None:
    ids = _add_many(outbox, clock)
    assert [entry.id for entry in outbox.entries()] == ids[::-1]
    assert [entry.id for entry in outbox.entries(limit=2, offset=1)] == ids[::-1][1:3]


def test_entries_filter_by_name_phone_and_state(outbox: Outbox, clock: Clock) -> None:
    ids = _add_many(outbox, clock)
    assert [e.id for e in outbox.entries(text="ravi")] == [ids[1]]
    assert [e.id for e in outbox.entries(text="ZOË")] == [ids[2]]  # Unicode case folding
    assert [e.id for e in outbox.entries(text="98450 12344")] == [ids[3]]
    assert [e.id for e in outbox.entries(text="+91-98450")] == ids[::-1]
    assert outbox.entries(text="nobody") == []
    assert [e.id for e in outbox.entries(text="Meera 4")] == []  # "4" is no phone here
    outbox.discard(ids[0])
    assert [e.id for e in outbox.entries(states={EntryState.DISCARDED})] == [ids[0]]
    assert [e.id for e in outbox.entries(text="asha", states={EntryState.QUEUED})] == []
    assert outbox.entries(states=set()) == []


def test_counts_by_state(outbox: Outbox, clock: Clock) -> None:
    ids = _add_many(outbox, clock)
    outbox.discard(ids[0])
    claimed = outbox.claim()
    assert claimed is not None
    outbox.needs_attention(claimed.id, "Lead stage name not found", "lead_stage_name")
    paused = outbox.claim()
    assert paused is not None
    outbox.pause(paused.id, "key refused")
    counts = outbox.counts()
    assert counts[EntryState.QUEUED] == 1
    assert counts[EntryState.DISCARDED] == 1
    assert counts[EntryState.NEEDS_ATTENTION] == 1
    assert counts[EntryState.PAUSED] == 1
    assert counts[EntryState.SENT] == 0
    assert set(counts) == set(EntryState)
    assert outbox.unsent_count() == 1
    assert outbox.attention_count() == 2


# ------------------------------------------------------------------ the user's actions


def _rejected(outbox: Outbox, draft: LeadDraft = ASHA) -> int:
    entry_id = outbox.add(draft, "IN")
    claimed = outbox.claim()
    assert claimed is not None
    assert claimed.id == entry_id
    outbox.needs_attention(entry_id, "Lead stage name not found", "lead_stage_name")
    return entry_id


def test_a_rejected_entry_keeps_message_and_field(outbox: Outbox) -> None:
    entry = outbox.get(_rejected(outbox))
    assert entry is not None
    assert entry.state is EntryState.NEEDS_ATTENTION
    assert (entry.last_error, entry.error_field) == (
        "Lead stage name not found",
        "lead_stage_name",
    )


def test_replace_requeues_the_same_entry_at_the_back(outbox: Outbox, clock: Clock) -> None:
    first = _rejected(outbox)
    clock.now += 5
    later = outbox.add(LeadDraft(customer_phone="+919845012345"), "IN")
    fixed = LeadDraft(customer_phone="8000000001", first_name="Asha", lead_stage=Choice.cleared())
    entry = outbox.replace(first, fixed, known_exists=True, known_primary="+918000000001")
    assert entry.id == first
    assert entry.state is EntryState.QUEUED
    assert entry.draft == fixed
    assert (entry.last_error, entry.error_field) == (None, None)
    assert (entry.known_exists, entry.known_primary) == (True, "+918000000001")
    assert entry.note_status is NoteStatus.NONE
    # As a new save, it goes after what was saved meanwhile.
    first_claim = outbox.claim()
    assert first_claim is not None
    assert first_claim.id == later


def test_replace_does_not_post_a_note_that_may_be_on_the_lead(outbox: Outbox) -> None:
    entry_id = outbox.add(ASHA, "IN")
    outbox.claim()
    outbox.save_plan(
        entry_id, build_requests(ASHA, "IN"), primary_phone="+918000000001", created=True
    )
    outbox.strip_note(entry_id, NOTE)  # outcome unknown
    outbox.needs_attention(entry_id, "Lead stage name not found", "lead_stage_name")
    same_note = outbox.replace(entry_id, ASHA)
    assert same_note.draft.customer_note == ""
    assert same_note.note_status is NoteStatus.UNCONFIRMED
    outbox.claim()
    outbox.needs_attention(entry_id, "again", None)
    new_note = outbox.replace(entry_id, LeadDraft(customer_phone="8000000001", customer_note="B"))
    assert new_note.draft.customer_note == "B"
    assert new_note.note_status is NoteStatus.PENDING


def test_discard_and_its_limits(outbox: Outbox) -> None:
    queued = outbox.add(ASHA, "IN")
    outbox.discard(queued)
    entry = outbox.get(queued)
    assert entry is not None
    assert entry.state is EntryState.DISCARDED
    with pytest.raises(EntryBusy, match="discarded and cannot be discarded"):
        outbox.discard(queued)
    sending = outbox.add(LeadDraft(customer_phone="+919845012345"), "IN")
    assert outbox.claim() is not None
    with pytest.raises(EntryBusy, match="sending"):
        outbox.discard(sending)
    with pytest.raises(EntryNotFound, match="Outbox entry 999 does not exist"):
        outbox.discard(999)


def test_send_now_clears_the_backoff_and_unpauses(outbox: Outbox, clock: Clock) -> None:
    entry_id = outbox.add(ASHA, "IN")
    outbox.claim()
    outbox.retry_later(entry_id, "Superfone had a problem (HTTP 500).", clock.now + 30)
    assert outbox.claim() is None
    assert outbox.next_due() == clock.now + 30
    outbox.send_now(entry_id)
    claimed = outbox.claim()
    assert claimed is not None
    assert claimed.id == entry_id
    outbox.pause(entry_id, "key refused")
    assert outbox.has_paused()
    outbox.send_now(entry_id)
    assert not outbox.has_paused()
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.QUEUED


def test_resume_paused_requeues_every_paused_entry(outbox: Outbox) -> None:
    ids = [outbox.add(LeadDraft(customer_phone=f"+91984501234{n}"), "IN") for n in range(3)]
    for _ in ids[:2]:
        claimed = outbox.claim()
        assert claimed is not None
        outbox.pause(claimed.id, "key refused")
    assert outbox.resume_paused() == ids[:2]
    assert outbox.counts()[EntryState.QUEUED] == 3


def test_note_questions_repost_and_dismiss(outbox: Outbox) -> None:
    entry_id = outbox.add(ASHA, "IN")
    outbox.claim()
    outbox.save_plan(
        entry_id, build_requests(ASHA, "IN"), primary_phone="+918000000001", created=True
    )
    with pytest.raises(EntryBusy, match="no unconfirmed note"):
        outbox.repost_note(entry_id)
    outbox.finish_request(entry_id, 0, carried_note=False, last=False)  # the lead itself
    outbox.strip_note(entry_id, NOTE)  # the note alone, outcome unknown: nothing left
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.requests is not None
    assert all("customer_note" not in body for body in entry.requests)
    assert entry is not None
    assert entry.asks_about_note
    assert entry.result_message == "Created lead +91 80000 00001 — Asha Kumar"
    assert outbox.note_question_count() == 1

    repost = outbox.repost_note(entry_id)
    original = outbox.get(entry_id)
    assert original is not None
    assert (original.note_status, original.note_entry_id) == (NoteStatus.REPOSTED, repost)
    assert outbox.note_question_count() == 0
    new = outbox.get(repost)
    assert new is not None
    assert new.draft == LeadDraft(
        customer_phone="+918000000001", customer_note="Call after 6 PM", create_if_missing=False
    )
    assert (new.known_exists, new.known_primary) == (True, "+918000000001")
    assert new.note_status is NoteStatus.PENDING
    with pytest.raises(EntryBusy):
        outbox.repost_note(entry_id)  # only once
    with pytest.raises(EntryBusy, match="no unconfirmed note"):
        outbox.dismiss_note(entry_id)


def test_dismiss_note(outbox: Outbox) -> None:
    entry_id = outbox.add(ASHA, "IN")
    outbox.claim()
    outbox.save_plan(
        entry_id, build_requests(ASHA, "IN"), primary_phone="+918000000001", created=True
    )
    outbox.strip_note(entry_id, NOTE)
    outbox.dismiss_note(entry_id)
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.note_status is NoteStatus.DISMISSED


def test_prune_keeps_what_still_matters(outbox: Outbox, clock: Clock) -> None:
    old_sent = outbox.add(LeadDraft(customer_phone="+919845012341"), "IN")
    outbox.claim()
    outbox.mark_sent(old_sent)
    waiting = outbox.add(LeadDraft(customer_phone="+919845012342"), "IN")
    clock.now += 100
    assert outbox.prune(datetime.fromtimestamp(clock.now - 50, UTC)) == 1
    assert outbox.get(old_sent) is None
    assert outbox.get(waiting) is not None


# ------------------------------------------------------------------ claiming and recovery


def test_claim_keeps_each_phones_saves_in_order(outbox: Outbox) -> None:
    a1 = outbox.add(LeadDraft(customer_phone="+919845012341", first_name="A1"), "IN")
    a2 = outbox.add(LeadDraft(customer_phone="+919845012341", first_name="A2"), "IN")
    b1 = outbox.add(LeadDraft(customer_phone="+919845012342", first_name="B1"), "IN")
    first = outbox.claim()
    second = outbox.claim()
    assert (first and first.id, second and second.id) == (a1, b1)  # a2 waits for a1
    assert outbox.claim() is None
    outbox.finish_request(a1, 0, carried_note=False, last=True)
    third = outbox.claim()
    assert third is not None
    assert third.id == a2


def test_a_later_save_waits_while_an_earlier_one_backs_off(outbox: Outbox, clock: Clock) -> None:
    a1 = outbox.add(LeadDraft(customer_phone="+919845012341"), "IN")
    outbox.add(LeadDraft(customer_phone="+919845012341", first_name="later"), "IN")
    outbox.claim()
    outbox.retry_later(a1, "HTTP 500", clock.now + 10)
    assert outbox.claim() is None
    clock.now += 10
    claimed = outbox.claim()
    assert claimed is not None
    assert claimed.id == a1


def test_recover_requeues_and_flags_a_note_in_flight(outbox: Outbox) -> None:
    in_flight = outbox.add(ASHA, "IN")
    looking_up = outbox.add(LeadDraft(customer_phone="+919845012345", customer_note="n"), "IN")
    paused = outbox.add(LeadDraft(customer_phone="+919845012346"), "IN")
    for _ in range(3):
        assert outbox.claim() is not None
    outbox.save_plan(
        in_flight, build_requests(ASHA, "IN"), primary_phone="+918000000001", created=True
    )
    outbox.begin_request(in_flight, 0, carries_note=False)
    outbox.finish_request(in_flight, 0, carried_note=False, last=False)
    outbox.begin_request(in_flight, NOTE, carries_note=True)
    outbox.pause(paused, "key refused")
    assert outbox.recover() == [in_flight, looking_up, paused]
    entries = {entry.id: entry for entry in outbox.entries()}
    assert entries[looking_up].state is entries[paused].state is EntryState.QUEUED
    # The note (alone, last) was in flight: it may be on the lead, nothing else is left.
    assert entries[in_flight].state is EntryState.SENT
    assert entries[in_flight].note_status is NoteStatus.UNCONFIRMED
    assert entries[in_flight].requests is not None
    assert [body["first_name"] for body in entries[in_flight].requests] == ["Asha"]
    assert not entries[in_flight].in_flight
    # Died during the lookup: no request had gone out, the note is still to be sent.
    assert entries[looking_up].note_status is NoteStatus.PENDING


def test_recover_of_a_note_only_request_has_nothing_left_to_send(outbox: Outbox) -> None:
    draft = LeadDraft(customer_phone="+918000000001", customer_note="n", create_if_missing=False)
    entry_id = outbox.add(draft, "IN", known_exists=True)
    outbox.claim()
    outbox.save_plan(
        entry_id, build_requests(draft, "IN"), primary_phone="+918000000001", created=False
    )
    outbox.begin_request(entry_id, 0, carries_note=True)
    outbox.recover()
    entry = outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.SENT
    assert entry.requests == ()
    assert entry.asks_about_note


# ------------------------------------------------------------------ threads


def test_saves_from_one_thread_while_another_delivers(outbox: Outbox) -> None:
    errors: list[BaseException] = []
    done = threading.Event()

    def deliver() -> None:
        try:
            while not done.is_set() or outbox.unsent_count():
                entry = outbox.claim()
                if entry is not None:
                    outbox.finish_request(entry.id, 0, carried_note=False, last=True)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    worker = threading.Thread(target=deliver)
    worker.start()
    try:
        for n in range(200):
            outbox.add(LeadDraft(customer_phone=f"+9198450{n:05d}"), "IN")
    finally:
        done.set()
        worker.join()
    assert errors == []
    assert outbox.counts()[EntryState.SENT] == 200
