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
from tests.helpers.contract import EXAMPLE_UPSERT

TEST_KEY = "test-key"
OTHER_KEY = "other-key"




@pytest.fixture
def example_upsert() -> dict[str, Any]:
    """A fresh copy of the CONTRACT §2.7 example request body."""
    return copy.deepcopy(dict(EXAMPLE_UPSERT))


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
