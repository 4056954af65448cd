"""Every rule of issue #11, through the delivery engine, against every sandbox variant.

Each variant answers one way a real Superfone plausibly might where its docs are silent
(``superfone_desk.sandbox.variants``; docs/sandbox.md "Silent points"). Against each:
a walk-in is created, every catalog row arrives (or the list says what is missing), a
refused lead comes back to the user once and is not re-sent, a lead's secondary phone
updates that lead (never a second one), an update keeps the lead's emails, and no note
is ever posted twice.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.models import Catalog
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import VARIANTS, SandboxServer
from superfone_desk.store.outbox import EntryState, NoteStatus, Outbox
from tests.helpers.clock import Clock, Waits
from tests.integration.conftest import TEST_KEY
from tests.integration.test_delivery_sandbox import (
    EXAMPLE,
    NOTE,
    assert_example_lead,
    got,
    leads_with,
    make_deliverer,
    notes,
    the_lead,
)

ANIL = "+919845012345"  # demo lead with one phone and an email
SUNITA = "+919820098765"  # demo lead with a second phone
SUNITA_SECONDARY = "+912226541234"
EVERY = [None, *VARIANTS]


@pytest.fixture(params=EVERY, ids=lambda v: v or "baseline")
def variant(request: pytest.FixtureRequest, sandbox: SandboxServer) -> str | None:
    name: str | None = request.param
    sandbox.variants.set([name] if name else [])
    return name


@pytest.fixture
def api(sandbox: SandboxServer) -> Iterator[SuperfoneClient]:
    with httpx.Client(timeout=httpx.Timeout(5.0)) as http:
        yield SuperfoneClient(TEST_KEY, sandbox.base_url, http=http, sleep=lambda s: None)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(tmp_path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=clock) as box:
        yield box


@pytest.fixture
def deliver(api: SuperfoneClient, outbox: Outbox, clock: Clock) -> Deliverer:
    return make_deliverer(outbox, lambda: api, clock, Waits(clock))


def posts(sandbox: SandboxServer) -> list[int]:
    return [status for method, _, status in sandbox.request_log if method == "POST"]


@pytest.mark.usefixtures("variant")
@pytest.mark.parametrize("known_exists", [None, False])
def test_a_walk_in_is_created(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer, known_exists: bool | None
) -> None:
    entry_id = outbox.add(EXAMPLE, "IN", known_exists=known_exists)
    deliver.drain()
    assert_example_lead(sandbox)
    assert notes(sandbox) == [NOTE]
    entry = got(outbox, entry_id)
    assert (entry.state, entry.note_status, entry.created) == (
        EntryState.SENT,
        NoteStatus.SENT,
        True,
    )
    assert all(status < 300 for status in posts(sandbox))  # applied once, never re-sent


@pytest.mark.usefixtures("variant")
def test_every_catalog_row_reaches_the_pickers(
    sandbox: SandboxServer, api: SuperfoneClient
) -> None:
    account = sandbox.account(TEST_KEY)
    for i in range(120 - len(account.labels)):
        account.add_label(f"Bulk {i:03d}")
    rows = api.fetch_all(Catalog.LABELS)
    assert rows.complete, rows.summary
    assert [row.id for row in rows] == [label.id for label in account.labels]
    assert len(api.fetch_all(Catalog.STAGES)) == len(account.stages)


@pytest.mark.usefixtures("variant")
def test_a_refused_lead_comes_back_once_and_its_note_waits(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer
) -> None:
    before = notes(sandbox, ANIL)
    bad = LeadDraft(customer_phone=ANIL, lead_stage=Choice.set("Nope"), customer_note="Met")
    entry_id = outbox.add(bad, "IN")
    deliver.drain()
    entry = got(outbox, entry_id)
    assert entry.state is EntryState.NEEDS_ATTENTION
    assert entry.error_field == "lead_stage_name"
    assert "Lead stage name not found" in (entry.last_error or "")
    assert [s for s in posts(sandbox) if s >= 400] != []
    refused = len(sandbox.request_log)
    deliver.wake()
    deliver.drain()
    assert len(sandbox.request_log) == refused  # never re-sent on its own
    # The note travels alone and last: a refused (even half-applied) main took none.
    assert notes(sandbox, ANIL) == before
    outbox.replace(entry_id, dataclasses.replace(bad, lead_stage=Choice.set("Won")))
    deliver.drain()
    assert got(outbox, entry_id).state is EntryState.SENT
    assert notes(sandbox, ANIL) == [*before, "Met"]
    assert the_lead(sandbox, ANIL)["lead_stage"]["title"] == "Won"


@pytest.mark.parametrize("ui_knew", [False, True])
def test_a_secondary_phone_updates_its_lead_never_a_second_one(
    sandbox: SandboxServer,
    outbox: Outbox,
    deliver: Deliverer,
    api: SuperfoneClient,
    ui_knew: bool,
    variant: str | None,
) -> None:
    leads = len(sandbox.snapshot(TEST_KEY)["leads"])
    draft = LeadDraft(customer_phone=SUNITA_SECONDARY, city="Pune", customer_note="Visited")
    if ui_knew:  # what the form's Get Lead said: phones[0], whatever order they came in
        found = api.get_lead(SUNITA_SECONDARY)
        assert found is not None
        entry_id = outbox.add(draft, "IN", known_exists=True, known_primary=found.phones[0])
    else:
        entry_id = outbox.add(draft, "IN")
    deliver.drain()
    assert len(sandbox.snapshot(TEST_KEY)["leads"]) == leads
    lead = the_lead(sandbox, SUNITA_SECONDARY)
    assert (lead["first_name"], lead["city"]) == ("Sunita", "Pune")
    assert [note["text"] for note in lead["notes"]] == ["Visited"]
    entry = got(outbox, entry_id)
    assert (entry.state, entry.primary_phone, entry.created) == (EntryState.SENT, SUNITA, False)
    refused = [status for status in posts(sandbox) if status >= 400]
    # Listed primary-last, the guess went to the secondary with create off: refused once,
    # then the primary was proven. Otherwise the guess was right the first time.
    assert len(refused) == (1 if variant == "phones-reversed" else 0)


@pytest.mark.usefixtures("variant")
def test_an_update_keeps_the_emails_the_lead_has(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer
) -> None:
    had = the_lead(sandbox, ANIL)["email"]
    assert had
    entry_id = outbox.add(
        LeadDraft(customer_phone=ANIL, emails="anil.new@example.com"),
        "IN",
        known_exists=True,
        known_primary=ANIL,
    )
    deliver.drain()
    assert got(outbox, entry_id).state is EntryState.SENT
    assert the_lead(sandbox, ANIL)["email"] == [*had, "anil.new@example.com"]


@pytest.mark.usefixtures("variant")
def test_a_primary_nobody_can_settle_asks_the_user(
    sandbox: SandboxServer, outbox: Outbox, deliver: Deliverer
) -> None:
    # Sunita's primary is also another lead's primary, and the phones come reversed:
    # the guess (her secondary) is refused, and the real primary is ambiguous.
    sandbox.setup(shared_primaries=[SUNITA], api_key=TEST_KEY)
    sandbox.variants.set([*sandbox.variants.active, "phones-reversed"])
    leads = len(sandbox.snapshot(TEST_KEY)["leads"])
    entry_id = outbox.add(LeadDraft(customer_phone=SUNITA_SECONDARY, city="Pune"), "IN")
    deliver.drain()
    entry = got(outbox, entry_id)
    assert entry.state is EntryState.NEEDS_ATTENTION
    assert entry.error_field == "customer_phone"
    assert "main number" in (entry.last_error or "")
    assert len(sandbox.snapshot(TEST_KEY)["leads"]) == leads  # no second lead
    assert all(lead["city"] != "Pune" for lead in leads_with(sandbox, SUNITA))


def test_every_variant_is_covered() -> None:
    # A new variant must be added to docs/sandbox.md's table and is then run above.
    doc = (Path(__file__).parents[2] / "docs" / "sandbox.md").read_text(encoding="utf-8")
    missing = [name for name in VARIANTS if f"`{name}`" not in doc]
    assert missing == []
