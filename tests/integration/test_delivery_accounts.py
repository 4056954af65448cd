"""A lead saved under one API key is never sent with another account's key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.core.draft import LeadDraft
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.outbox import EntryState, Outbox, PauseCause

KEY_A = "account-a-key"
KEY_B = "account-b-key"


@pytest.fixture
def two_accounts() -> Iterator[SandboxServer]:
    with SandboxServer(api_keys=(KEY_A, KEY_B), seed="empty") as server:
        yield server


def phones(sandbox: SandboxServer, key: str) -> list[str]:
    return [p for lead in sandbox.snapshot(key)["leads"] for p in lead["phone_numbers"]]


def test_saves_wait_for_their_own_account(two_accounts: SandboxServer, tmp_path: Path) -> None:
    outbox = Outbox.open(tmp_path / "outbox.sqlite3")
    try:
        saved_a = outbox.add(
            LeadDraft(customer_phone="+918000000201", first_name="For A"), "IN", account="A"
        )
        saved_b = outbox.add(
            LeadDraft(customer_phone="+918000000202", first_name="For B"), "IN", account="B"
        )
        anyone = outbox.add(LeadDraft(customer_phone="+918000000203"), "IN")

        # The key was changed to account B: only B's save and the unbound one go out.
        with SuperfoneClient(KEY_B, two_accounts.base_url) as client_b:
            Deliverer(outbox, lambda: client_b, account=lambda: "B").drain()
        assert outbox.get(saved_a).state is EntryState.QUEUED  # type: ignore[union-attr]
        assert outbox.get(saved_b).state is EntryState.SENT  # type: ignore[union-attr]
        assert outbox.get(anyone).state is EntryState.SENT  # type: ignore[union-attr]
        assert sorted(phones(two_accounts, KEY_B)) == ["+918000000202", "+918000000203"]
        assert phones(two_accounts, KEY_A) == []
        assert outbox.next_due(account="B") is None  # nothing for B: no busy waiting

        # Back on account A's key: its save goes to A.
        with SuperfoneClient(KEY_A, two_accounts.base_url) as client_a:
            Deliverer(outbox, lambda: client_a, account=lambda: "A").drain()
        assert outbox.get(saved_a).state is EntryState.SENT  # type: ignore[union-attr]
        assert phones(two_accounts, KEY_A) == ["+918000000201"]
    finally:
        outbox.close()


def test_a_save_refused_for_its_key_moves_only_on_the_users_word(
    two_accounts: SandboxServer, tmp_path: Path
) -> None:
    outbox = Outbox.open(tmp_path / "outbox.sqlite3")
    try:
        entry = outbox.add(LeadDraft(customer_phone="+918000000204"), "IN", account="typo")
        with SuperfoneClient("a-typo-in-the-key", two_accounts.base_url) as wrong:
            Deliverer(outbox, lambda: wrong, account=lambda: "typo").drain()
        paused = outbox.get(entry)
        assert paused is not None
        assert (paused.state, paused.cause) == (EntryState.PAUSED, PauseCause.AUTH)

        with SuperfoneClient(KEY_A, two_accounts.base_url) as fixed:
            deliverer = Deliverer(outbox, lambda: fixed, account=lambda: "A")
            # A new key alone never moves the save to it: the lead stays with its account.
            deliverer.resume_after_auth()
            deliverer.drain()
            assert phones(two_accounts, KEY_A) == []
            assert outbox.get(entry).account == "typo"  # type: ignore[union-attr]
            # The user confirmed the new key is the same account: now it moves and goes.
            assert outbox.rebind_paused("A", {PauseCause.AUTH}) == [entry]
            deliverer.drain()
        assert outbox.get(entry).state is EntryState.SENT  # type: ignore[union-attr]
        assert outbox.get(entry).account == "A"  # type: ignore[union-attr]
        assert phones(two_accounts, KEY_A) == ["+918000000204"]
    finally:
        outbox.close()
