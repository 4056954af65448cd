"""Sandbox variants: each answers the way its name says, over real loopback HTTP.

The client and delivery engine are run against every variant in
``tests/integration/test_api_variants.py``; this file checks the sandbox itself: the
Python handle, ``/__sandbox__/variants``, ``/__sandbox__/setup`` and the CLI options.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from superfone_desk.sandbox import VARIANTS, SandboxServer
from superfone_desk.sandbox.variants import PAGE_CAP
from tests.integration.conftest import TEST_KEY
from tests.integration.test_sandbox_cli import first_line, spawn

ANIL = "+919845012345"
SUNITA = "+919820098765"  # demo lead with a secondary phone
SUNITA_SECONDARY = "+912226541234"
UNKNOWN = "+918999999999"
LEAD = "/enterprise/api/lead"


@pytest.fixture
def http(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, headers={"x-api-key": TEST_KEY}) as client:
        yield client


@pytest.fixture
def control(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.url + "/__sandbox__") as client:
        yield client


@pytest.mark.parametrize(
    ("variant", "status", "message"),
    [
        (None, 404, "Customer not found."),
        ("not-found-404", 404, "Customer not found."),
        ("not-found-400", 400, "Customer not found."),
        ("not-found-400-bare", 400, "Customer not found"),
        ("not-found-lead", 400, "Lead not found"),
    ],
)
def test_get_lead_not_found_forms(
    sandbox: SandboxServer, http: httpx.Client, variant: str | None, status: int, message: str
) -> None:
    sandbox.variants.set([variant] if variant else [])
    response = http.get(LEAD, params={"phone": UNKNOWN})
    assert (response.status_code, response.json()) == (status, {"message": message})


def test_page_cap_serves_fewer_rows_than_it_echoes(
    sandbox: SandboxServer, http: httpx.Client
) -> None:
    account = sandbox.account(TEST_KEY)
    for i in range(120 - len(account.labels)):
        account.add_label(f"Bulk {i:03d}")
    sandbox.variants.set(["page-cap"])
    data = http.get("/enterprise/api/label", params={"page_size": 50}).json()["data"]
    assert (len(data["rows"]), data["page_size"], data["total_pages"]) == (PAGE_CAP, 50, 3)
    assert data["total_items"] == 120
    page_2 = http.get("/enterprise/api/label", params={"page": 2, "page_size": 30}).json()
    assert [row["id"] for row in page_2["data"]["rows"]] == [
        label.id for label in account.labels[30:60]
    ]


def test_nest_errors_carry_a_list_message(sandbox: SandboxServer, http: httpx.Client) -> None:
    sandbox.variants.set(["nest-errors"])
    response = http.post(LEAD, json={"customer_phone": ANIL, "lead_stage_name": "Nope"})
    assert response.status_code == 404
    assert response.json() == {
        "statusCode": 404,
        "message": ["Lead stage name not found"],
        "error": "Not Found",
    }


@pytest.mark.parametrize("status", [403, 413, 422])
def test_refusals_in_other_statuses(
    sandbox: SandboxServer, http: httpx.Client, status: int
) -> None:
    sandbox.variants.set([f"refuse-{status}"])
    response = http.post(LEAD, json={"customer_phone": ANIL, "lead_group_name": "Nope"})
    assert (response.status_code, response.json()) == (
        status,
        {"message": "Lead group name not found"},
    )
    assert http.get(LEAD, params={"phone": UNKNOWN}).status_code == 404  # Get Lead unchanged


@pytest.mark.parametrize(
    ("variant", "status", "body"),
    [
        ("created-201", 201, b'{"data": null, "message": "Created"}'),
        ("no-content-204", 204, b""),
        ("success-other", 200, b'{"message": "Lead updated"}'),
    ],
)
def test_other_successes_still_apply(
    sandbox: SandboxServer, http: httpx.Client, variant: str, status: int, body: bytes
) -> None:
    sandbox.variants.set([variant])
    response = http.post(LEAD, json={"customer_phone": ANIL, "city": variant})
    assert (response.status_code, response.content) == (status, body)
    assert sandbox.account(TEST_KEY).find_leads(ANIL)[0].city == variant


def test_partial_apply_stores_the_note_then_refuses(
    sandbox: SandboxServer, http: httpx.Client
) -> None:
    sandbox.variants.set(["partial-apply"])
    body = {"customer_phone": ANIL, "customer_note": "Called", "assignee_user_phone": UNKNOWN}
    response = http.post(LEAD, json=body)
    assert (response.status_code, response.json()) == (404, {"message": "Assignee user not found"})
    assert [note.text for note in sandbox.account(TEST_KEY).find_leads(ANIL)[0].notes] == [
        "Called"
    ]


def test_phones_reversed_lists_the_primary_last(
    sandbox: SandboxServer, http: httpx.Client
) -> None:
    sandbox.variants.set(["phones-reversed"])
    lead = http.get(LEAD, params={"phone": SUNITA_SECONDARY}).json()["data"]
    assert [p["phone"] for p in lead["phones"]] == [SUNITA_SECONDARY, SUNITA]


def test_variants_through_the_control_endpoint(
    sandbox: SandboxServer, control: httpx.Client
) -> None:
    assert control.get("/variants").json() == {"variants": [], "known": list(VARIANTS)}
    answer = control.post("/variants", json={"variants": ["page-cap", "not-found-lead"]})
    assert answer.json()["variants"] == ["not-found-lead", "page-cap"]
    assert "page-cap" in sandbox.variants
    clash = control.post("/variants", json={"variants": ["refuse-403", "refuse-422"]})
    assert clash.status_code == 400
    assert control.post("/variants", json={"variants": ["nope"]}).status_code == 400
    assert control.post("/variants", json={"variants": "page-cap"}).status_code == 400
    assert sandbox.variants.active == ("not-found-lead", "page-cap")  # unchanged by refusals
    control.post("/reset")
    assert sandbox.variants.active == ()


def test_setup_provokes_the_documented_duplicate_errors(
    sandbox: SandboxServer, http: httpx.Client, control: httpx.Client
) -> None:
    answer = control.post(
        "/setup",
        json={
            "duplicates": ["stage:Won", "group:Inbound", "label:Hot"],
            "shared_primaries": [ANIL],
            "api_key": TEST_KEY,
        },
    )
    assert answer.status_code == 200
    cases: list[tuple[dict[str, Any], str]] = [
        ({"customer_phone": SUNITA, "lead_stage_name": "Won"},
         "Multiple lead stages found with this name. Provide unique"),
        ({"customer_phone": SUNITA, "lead_group_name": "Inbound"},
         "Multiple lead groups found with this name. Provide unique"),
        ({"customer_phone": ANIL, "city": "X"}, "Customer phone exists in multiple contact"),
    ]  # fmt: skip
    for body, message in cases:
        response = http.post(LEAD, json=body)
        assert (response.status_code, response.json()["message"]) == (400, message)
    titles = [row["title"] for row in http.get("/enterprise/api/label").json()["data"]["rows"]]
    assert titles.count("Hot") == 2
    assert control.post("/setup", json={"duplicates": ["task:X"]}).status_code == 400
    assert control.post("/setup", json={"api_key": "nobody"}).status_code == 404


def test_cli_takes_variants_and_setups() -> None:
    process = spawn(
        "--port", "0", "--api-key", "cli-key", "--variant", "not-found-400-bare",
        "--variant", "phones-reversed", "--duplicate", "stage:Won", "--shared-primary", ANIL,
    )  # fmt: skip
    try:
        base_url = first_line(process)
        with httpx.Client(base_url=base_url, headers={"x-api-key": "cli-key"}) as client:
            missing = client.get(LEAD, params={"phone": UNKNOWN})
            assert (missing.status_code, missing.json()["message"]) == (400, "Customer not found")
            stage = client.post(LEAD, json={"customer_phone": SUNITA, "lead_stage_name": "Won"})
            assert stage.json()["message"].startswith("Multiple lead stages")
            shared = client.post(LEAD, json={"customer_phone": ANIL, "city": "X"})
            assert shared.json()["message"] == "Customer phone exists in multiple contact"
    finally:
        process.kill()
        process.communicate(timeout=10)


def test_cli_refuses_an_unknown_variant() -> None:
    command = [sys.executable, "-m", "superfone_desk.sandbox", "--port", "0", "--variant", "nope"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr

