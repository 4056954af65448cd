"""A faithful local stand-in for the Superfone CRM Enterprise API (no Qt, stdlib only).

See docs/sandbox.md. Typical use in tests::

    with SandboxServer(api_keys=["test-key"]) as sandbox:
        client = httpx.Client(base_url=sandbox.base_url, headers={"x-api-key": "test-key"})
"""

from superfone_desk.sandbox.accounts import Account
from superfone_desk.sandbox.errors import ApiError
from superfone_desk.sandbox.faults import Fault, FaultPlan
from superfone_desk.sandbox.seeds import SEED_DEMO, SEED_EMPTY, SEED_NAMES
from superfone_desk.sandbox.server import SandboxServer
from superfone_desk.sandbox.variants import VARIANTS, Variants

__all__ = [
    "SEED_DEMO",
    "SEED_EMPTY",
    "SEED_NAMES",
    "VARIANTS",
    "Account",
    "ApiError",
    "Fault",
    "FaultPlan",
    "SandboxServer",
    "Variants",
]
