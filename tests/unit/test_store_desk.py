"""The outbox on a real desk (issue #12): damaged files and rows, a deleted data folder,
an edit of a lead delivered meanwhile, power cuts, imports' batches, the history kept.

Real SQLite files in ``tmp_path``; no network.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.draft import LeadDraft
from superfone_desk.store import (
    RETENTION,
    EntryAction,
    EntryState,
    NoteStatus,
    Outbox,
    OutboxDamaged,
    OutboxGone,
    OutboxTooNew,
    PauseCause,
    allowed_actions,
    move_aside,
)
from superfone_desk.store.db import SCHEMA_VERSION
from superfone_desk.store.outbox_delivery import NOTE_SYNC_DELAY_S
from tests.helpers.clock import Clock
from tests.helpers.drafts import ASHA

RAVI = LeadDraft(customer_phone="+919845012345", first_name="Ravi")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "superfone-desk.sqlite3"


@pytest.fixture
def outbox(path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(path, clock=clock) as box:
        yield box


def on_disk(path: Path, entry_id: int) -> tuple[str, str] | None:
    """The row as another process would read it from the file at ``path``."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT state, phone FROM outbox WHERE id = ?", (entry_id,))
        return row.fetchone()  # type: ignore[no-any-return]
    finally:
        conn.close()


def deliver_without_network(outbox: Outbox, entry_id: int) -> None:
    """What the engine records for a one-request entry the server accepted."""
    entry = outbox.claim()
    assert entry is not None
    assert entry.id == entry_id
    requests = (LeadUpsert(customer_phone=entry.phone, customer_note=entry.draft.customer_note),)
    outbox.save_plan(entry_id, requests, primary_phone=entry.phone, created=False)
    outbox.begin_request(entry_id, 0, carries_note=True)
    outbox.finish_request(entry_id, 0, carried_note=True, last=True)


# ------------------------------------------------------------------ #12.8 damaged files


def test_a_file_that_is_not_a_database_is_damaged_and_moved_aside_whole(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("these are someone's notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(OutboxDamaged) as caught:
        Outbox.open(path)
    assert caught.value.path == path
    (path.parent / f"{path.name}-wal").write_bytes(b"wal bytes")  # its journal goes too

    moved = move_aside(path, now=datetime(2026, 11, 29, 20, 30, 5, tzinfo=UTC))
    assert [p.name for p in moved] == [
        "superfone-desk.sqlite3.damaged-20261129-203005",
        "superfone-desk.sqlite3.damaged-20261129-203005-wal",
    ]
    assert moved[0].read_text(encoding="utf-8").startswith("these are someone's notes")
    assert not path.exists()
    with Outbox.open(path) as fresh:  # the app starts fresh
        assert fresh.unsent_count() == 0


def test_a_damaged_database_page_is_damaged(path: Path) -> None:
    with Outbox.open(path) as box:
        box.add(ASHA, "IN")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, after the header
    path.write_bytes(bytes(data))
    with pytest.raises(OutboxDamaged):
        Outbox.open(path)


def test_moving_aside_twice_in_one_second_keeps_both(path: Path) -> None:
    when = datetime(2026, 11, 29, tzinfo=UTC)
    path.parent.mkdir(parents=True)
    path.write_text("first", encoding="utf-8")
    (first,) = move_aside(path, now=when)
    path.write_text("second", encoding="utf-8")
    (second,) = move_aside(path, now=when)
    assert first != second
    assert (first.read_text(), second.read_text()) == ("first", "second")


def test_a_newer_outbox_is_refused_and_left_untouched(path: Path) -> None:
    with Outbox.open(path) as box:
        box.add(ASHA, "IN")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(OutboxTooNew, match="Update the app") as caught:
        Outbox.open(path)
    assert caught.value.path == path
    assert path.read_bytes() == before


# ------------------------------------------------------------------ #12.10 folder deleted


def test_a_save_after_the_data_folder_was_deleted_is_on_disk(path: Path, outbox: Outbox) -> None:
    first = outbox.add(ASHA, "IN")
    shutil.rmtree(path.parent)  # someone "cleans up" while the app runs

    second = outbox.add(RAVI, "IN")

    # Both saves are in a real file at the same place, readable by the next start.
    assert on_disk(path, first) == ("queued", "+918000000001")
    assert on_disk(path, second) == ("queued", "+919845012345")
    assert outbox.unsent_count() == 2  # and the app goes on with the same outbox


def test_delivery_progress_made_after_the_folder_went_is_kept_at_close(path: Path) -> None:
    box = Outbox.open(path)
    entry_id = box.add(ASHA, "IN")
    shutil.rmtree(path.parent)
    deliver_without_network(box, entry_id)
    box.close()
    assert on_disk(path, entry_id) == ("sent", "+918000000001")


def test_a_save_never_overwrites_another_file_put_in_its_place(
    path: Path, outbox: Outbox
) -> None:
    outbox.add(ASHA, "IN")
    shutil.rmtree(path.parent)
    path.parent.mkdir()
    path.write_bytes(b"someone else's file")
    with pytest.raises(OutboxGone):
        outbox.add(RAVI, "IN")
    outbox.close()
    assert path.read_bytes() == b"someone else's file"
    (kept,) = path.parent.glob(f"{path.name}.recovered-*")
    with Outbox.open(kept) as recovered:
        assert recovered.unsent_count() == 1  # what was saved before is beside it


# ------------------------------------------------------------------ #12.11 edit after delivery


def test_saving_an_edit_of_a_lead_delivered_meanwhile_adds_an_update(outbox: Outbox) -> None:
    entry_id = outbox.add(ASHA, "IN", known_exists=False, account="A")
    deliver_without_network(outbox, entry_id)  # delivered while the user was editing

    fixed = LeadDraft(
        customer_phone=ASHA.customer_phone,
        first_name="Asha",
        city="Mysuru",
        customer_note=ASHA.customer_note,  # the note they saw, already posted
    )
    saved = outbox.replace(entry_id, fixed)

    assert saved.id != entry_id
    assert saved.state is EntryState.QUEUED
    assert saved.account == "A"
    assert saved.draft.city == "Mysuru"
    assert saved.draft.customer_note == ""  # the posted note is not posted again
    assert saved.note_status is NoteStatus.NONE
    old = outbox.get(entry_id)
    assert old is not None
    assert old.state is EntryState.SENT


def test_an_edit_with_a_new_note_of_a_delivered_lead_posts_the_new_note(outbox: Outbox) -> None:
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    deliver_without_network(outbox, entry_id)
    saved = outbox.replace(entry_id, LeadDraft(customer_phone="80000 00001", customer_note="New"))
    assert (saved.draft.customer_note, saved.note_status) == ("New", NoteStatus.PENDING)


# ------------------------------------------------------------------ #12.13 power cuts


class Statements:
    """The SQL the outbox's connection runs, as SQLite traces it."""

    def __init__(self, outbox: Outbox) -> None:
        self.outbox = outbox
        self.seen: list[str] = []

    def __enter__(self) -> list[str]:
        with self.outbox.db.read() as conn:
            conn.set_trace_callback(self.seen.append)
        return self.seen

    def __exit__(self, *exc: object) -> None:
        with self.outbox.db.read() as conn:
            conn.set_trace_callback(None)


def fsynced_commits(statements: list[str]) -> int:
    """How many commits ran with synchronous=FULL (each one fsyncs the WAL)."""
    count, full = 0, False
    for statement in statements:
        if statement.startswith("PRAGMA synchronous"):
            full = statement.endswith("FULL")
        elif statement == "COMMIT" and full:
            count += 1
    return count


def test_a_save_is_fsynced(outbox: Outbox) -> None:
    with Statements(outbox) as statements:
        outbox.add(ASHA, "IN")
    assert fsynced_commits(statements) == 1


def test_an_accepted_note_is_fsynced_before_delivery_goes_quiet(outbox: Outbox) -> None:
    entry_id = outbox.add(ASHA, "IN", known_exists=False)  # fsynced just now
    with Statements(outbox) as statements:
        deliver_without_network(outbox, entry_id)
        # Busy delivering, with an fsync a moment ago: no fsync per lead...
        assert fsynced_commits(statements) == 0
        # ...but as soon as nothing more is due, the note's acceptance is on disk.
        assert outbox.claim() is None
        assert fsynced_commits(statements) == 1
        assert outbox.claim() is None  # nothing new to record: no more fsyncs
        assert fsynced_commits(statements) == 1


def test_an_accepted_note_is_fsynced_at_once_after_a_quiet_second(
    outbox: Outbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    monkeypatch.setattr(outbox.db, "synced_at", outbox.db.synced_at - NOTE_SYNC_DELAY_S)
    with Statements(outbox) as statements:
        deliver_without_network(outbox, entry_id)
    assert fsynced_commits(statements) == 1


# ------------------------------------------------------------------ #12.2 damaged rows


def damage(path: Path, entry_id: int, **columns: object) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for column, value in columns.items():
            conn.execute(f"UPDATE outbox SET {column} = ? WHERE id = ?", (value, entry_id))
    conn.close()


def test_a_damaged_row_is_set_aside_with_its_reason_and_the_others_go_on(
    path: Path, outbox: Outbox
) -> None:
    broken = outbox.add(ASHA, "IN")
    strange = outbox.add(LeadDraft(customer_phone="+919845000001"), "IN")
    good = outbox.add(RAVI, "IN")
    damage(path, broken, draft_json="{not json")
    damage(path, strange, state="teleported")

    # Listing and counting never raise on them.
    listed = {entry.id: entry for entry in outbox.entries()}
    assert listed[strange].cause is PauseCause.DAMAGED
    assert broken in listed  # its draft is read only when it is opened or sent
    assert outbox.counts()[EntryState.NEEDS_ATTENTION] == 1  # the unknown state

    claimed = outbox.claim()
    assert claimed is not None
    assert claimed.id == good
    assert outbox.set_aside_damaged() == [strange]
    for entry_id, reason in ((broken, "JSONDecodeError"), (strange, "teleported")):
        entry = outbox.get(entry_id)
        assert entry is not None
        assert (entry.state, entry.cause) == (EntryState.NEEDS_ATTENTION, PauseCause.DAMAGED)
        assert entry.last_error is not None
        assert reason in entry.last_error
        assert allowed_actions(entry) == {EntryAction.DISCARD}
    outbox.discard(broken)


# ------------------------------------------------------------------ actions, batches, history


def test_allowed_actions_follow_the_state(outbox: Outbox) -> None:
    queued = outbox.get(outbox.add(ASHA, "IN"))
    assert queued is not None
    assert allowed_actions(queued) == {EntryAction.SEND_NOW, EntryAction.DISCARD}
    outbox.claim()
    sending = outbox.get(queued.id)
    assert sending is not None
    assert allowed_actions(sending) == set()
    outbox.pause(queued.id, "The API key was not accepted.", PauseCause.AUTH)
    paused = outbox.get(queued.id)
    assert paused is not None
    assert allowed_actions(paused) == {
        EntryAction.OPEN,
        EntryAction.SEND_NOW,
        EntryAction.DISCARD,
    }


def test_an_import_batch_is_listed_and_counted_alone(outbox: Outbox) -> None:
    typed = outbox.add(ASHA, "IN")
    imported = [
        outbox.add(LeadDraft(customer_phone=f"+91984500000{n}"), "IN", batch="leads.csv@1")
        for n in range(3)
    ]
    assert [e.id for e in outbox.entries(batch="leads.csv@1")] == imported[::-1]
    assert outbox.counts(batch="leads.csv@1")[EntryState.QUEUED] == 3
    assert outbox.counts()[EntryState.QUEUED] == 4
    entry = outbox.get(typed)
    assert entry is not None
    assert entry.batch is None


def test_a_follow_up_travels_with_the_entry(outbox: Outbox) -> None:
    task = {"type": "CALL", "due_date": "2026-12-01T10:00:00+05:30", "customer_note": "ring"}
    entry = outbox.get(outbox.add(ASHA, "IN", followup=task))
    assert entry is not None
    assert entry.followup == task


def test_history_keeps_sent_entries_ninety_days_and_unresolved_ones_always(
    outbox: Outbox, clock: Clock
) -> None:
    old_sent = outbox.add(ASHA, "IN")
    deliver_without_network(outbox, old_sent)
    old_paused = outbox.add(RAVI, "IN")
    outbox.claim()
    outbox.pause(old_paused, "The API key was not accepted.")
    clock.now += RETENTION.total_seconds() - 60
    recent = outbox.add(LeadDraft(customer_phone="+919845000009"), "IN")
    deliver_without_network(outbox, recent)
    assert outbox.prune() == 0
    clock.now += 120
    assert outbox.prune() == 1
    assert outbox.get(old_sent) is None
    assert outbox.get(old_paused) is not None
    assert outbox.get(recent) is not None
