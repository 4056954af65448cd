"""A faithful local stand-in for the Superfone CRM Enterprise API (no Qt, stdlib only).

See docs/sandbox.md. Typical use in tests::

    with SandboxServer(api_keys=["test-key"]) as sandbox:
        client = httpx.Client(base_url=sandbox.base_url, headers={"x-api-key": "test-key"})
"""

from .accounts import Account
from .errors import ApiError
from .faults import Fault, FaultPlan
from .seeds import SEED_DEMO, SEED_EMPTY, SEED_NAMES
from .server import SandboxServer
from .variants import VARIANTS, Variants

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
