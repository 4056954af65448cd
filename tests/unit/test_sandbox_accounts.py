"""Account rules and seeds, called directly (no HTTP)."""

from __future__ import annotations

import copy
import threading
from datetime import UTC, datetime, timedelta

import pytest

from superfone_desk.sandbox import SEED_NAMES, Account, ApiError
from superfone_desk.sandbox.__main__ import build_parser, is_loopback
from superfone_desk.sandbox.accounts import IdSource
from superfone_desk.sandbox.model import is_valid_phone, iso, parse_iso
from superfone_desk.sandbox.seeds import make_account
from tests.helpers.contract import EXAMPLE_UPSERT

NOW = datetime(2026, 5, 19, 8, 30, 0, 123456, tzinfo=UTC)



def demo(clock: datetime = NOW) -> Account:
    return make_account("demo", 42, IdSource(), lambda: clock)


@pytest.mark.parametrize(
    ("phone", "valid"),
    [
        ("+918000000001", True), ("+14155552671", True), ("+12345678", True),
        ("+123456789012345", True), ("+1234567", False), ("+1234567890123456", False),
        ("+018000000001", False), ("918000000001", False), ("+91 8000000001", False),
        ("+918000000001\n", False), (918000000001, False), ("+९१८०००००००००१", False),
        ("+9१८००००००००", False),
    ],
)  # fmt: skip
def test_phone_rule(phone: object, valid: bool) -> None:
    assert is_valid_phone(phone) is valid


def test_timestamps() -> None:
    assert iso(NOW) == "2026-05-19T08:30:00.123Z"
    assert parse_iso("2026-05-20T15:00:00Z") == datetime(2026, 5, 20, 15, tzinfo=UTC)
    assert parse_iso("2026-05-20T20:30:00+05:30") == datetime(2026, 5, 20, 15, tzinfo=UTC)
    assert parse_iso("2026-05-20T15:00:00") == datetime(2026, 5, 20, 15, tzinfo=UTC)
    assert parse_iso("20th May") is None


def test_seeds_are_deterministic() -> None:
    assert demo().snapshot() == demo().snapshot()
    assert SEED_NAMES == ("demo", "empty")
    with pytest.raises(ValueError, match="unknown seed"):
        make_account("full", 1)


def test_demo_seed_contents() -> None:
    account = demo()
    assert len(account.leads) == 20
    assert [(s.title, s.position, s.type) for s in account.stages][0] == ("New Lead", 1, "INITIAL")
    assert {"Qualified", "Won", "Lost"} <= {s.title for s in account.stages}
    assert [g.title for g in account.groups][0] == "Inbound"
    assert len(account.groups) == 3
    assert len(account.labels) == 12
    assert [label.status for label in account.labels].count("DISABLED") == 1
    assert len(account.products) == 5
    ravi = account.team[0]
    assert (ravi.phone, ravi.first_name, ravi.last_name, ravi.active) == (
        "+919876543210", "Ravi", "Patel", True)  # fmt: skip
    assert [m.active for m in account.team] == [True, True, False]
    phones = {phone for lead in account.leads for phone in lead.phones}
    assert not {"+918000000001", "+918000000002"} & phones
    assert sum(len(lead.phones) > 1 for lead in account.leads) >= 3
    assert all(is_valid_phone(phone) for phone in phones)


def test_docs_example_on_a_fresh_demo_account() -> None:
    account = demo()
    account.upsert_lead(copy.deepcopy(dict(EXAMPLE_UPSERT)))
    lead = account.get_lead("+918000000002")
    assert lead["created_at"] == "2026-05-19T08:30:00.123Z"
    assert [p["phone"] for p in lead["phones"]] == ["+918000000001", "+918000000002"]


def test_first_call_notify_at_is_now_and_default_is_clamped() -> None:
    account = demo()
    lead_id = str(account.leads[0].id)
    task = account.create_task(lead_id, {"type": "FIRST_CALL", "due_date": "2026-06-01T00:00:00Z"})
    assert task["notify_at"] == "2026-05-19T08:30:00.123Z" == task["created_at"]
    soon = (NOW + timedelta(minutes=5)).isoformat()
    task = account.create_task(lead_id, {"type": "SITE_VISIT", "due_date": soon})
    assert task["notify_at"] == "2026-05-19T08:30:00.123Z"
    task = account.create_task(lead_id, {"type": "BOOKING", "due_date": "2026-05-19T09:00:00Z"})
    assert task["notify_at"] == "2026-05-19T08:50:00.000Z"
    with pytest.raises(ApiError, match="notify_at must be after"):
        account.create_task(lead_id, {"type": "BOOKING", "due_date": "2026-05-19T09:00:00Z",
                                      "notify_at": iso(NOW)})  # fmt: skip


def test_concurrent_creates_make_one_lead() -> None:
    account = demo()
    body = {"customer_phone": "+917000000001", "create_customer_if_customer_phone_not_found": True,
            "customer_note": "n"}  # fmt: skip

    def worker() -> None:
        for _ in range(20):
            account.upsert_lead(body)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    leads = account.find_leads("+917000000001")
    assert len(leads) == 1
    assert len(leads[0].notes) == 160


def test_ids_are_unique_across_accounts() -> None:
    ids = IdSource()
    first, second = make_account("demo", 42, ids), make_account("demo", 43, ids)
    assert not {lead.id for lead in first.leads} & {lead.id for lead in second.leads}


def test_cli_helpers() -> None:
    assert is_loopback("127.0.0.1")
    assert is_loopback("localhost")
    assert is_loopback("::1")
    assert not is_loopback("0.0.0.0")
    assert not is_loopback("192.168.1.5")
    args = build_parser().parse_args([])
    assert (args.host, args.port, args.seed, args.api_keys) == ("127.0.0.1", 8765, "demo", None)
