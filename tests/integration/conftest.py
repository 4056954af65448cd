"""Fixtures for integration tests: a real sandbox over loopback.

Clients use ``verify=False``: the sandbox is plain http on loopback, and skipping the
CA bundle load keeps each client's construction cheap.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from superfone_desk.sandbox import SandboxServer

TEST_KEY = "test-key"
OTHER_KEY = "other-key"

# CONTRACT §2.7, verbatim.
EXAMPLE_UPSERT: dict[str, Any] = {
    "customer_phone": "+918000000001",
    "create_customer_if_customer_phone_not_found": True,
    "first_name": "Asha",
    "last_name": "Kumar",
    "email": ["asha@example.com"],
    "business_name": "Acme Pvt Ltd",
    "city": "Bengaluru",
    "deal_value": 50000,
    "source": "website-form",
    "source_type": "OTHERS",
    "lead_stage_name": "New Lead",
    "lead_group_name": "Inbound",
    "add_labels": ["Hot", "Demo Requested"],
    "add_products": ["Starter Plan"],
    "assignee_user_phone": "+919876543210",
    "add_phones": ["+918000000002"],
    "customer_note": "Asked for a callback after 6 PM.",
}


@pytest.fixture
def example_upsert() -> dict[str, Any]:
    """A fresh copy of the CONTRACT §2.7 example request body."""
    return copy.deepcopy(EXAMPLE_UPSERT)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A started sandbox (demo seed) with accounts ``test-key`` and ``other-key``."""
    server = SandboxServer(api_keys=(TEST_KEY, OTHER_KEY), seed="demo").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    """An httpx client on the ``test-key`` account."""
    with httpx.Client(
        base_url=sandbox.base_url, headers={"x-api-key": TEST_KEY}, timeout=10, verify=False
    ) as http:
        yield http


@pytest.fixture
def other_client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    """An httpx client on the ``other-key`` account."""
    with httpx.Client(
        base_url=sandbox.base_url, headers={"x-api-key": OTHER_KEY}, timeout=10, verify=False
    ) as http:
        yield http
