"""``--demo``: the sandbox in this process, seeded with a practice account.

It needs no key, no network and no keyring: the key is a random one the sandbox is
started with, and the server listens on loopback only.
"""

from __future__ import annotations

import secrets as _random_secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from superfone_desk.sandbox import SandboxServer


class DemoBackend:
    """Starts the sandbox on first use; ``stop`` shuts it down at exit."""

    def __init__(self, seed: str = "demo") -> None:
        self._seed = seed
        self._server: SandboxServer | None = None
        self.key = "demo-" + _random_secrets.token_hex(8)

    def start(self) -> tuple[str, str]:
        if self._server is None:
            # Imported here: the sandbox is not on the path to the first window otherwise.
            from superfone_desk.sandbox import SandboxServer

            self._server = SandboxServer(api_keys=(self.key,), seed=self._seed).start()
        return self.key, self._server.base_url

    @property
    def server(self) -> SandboxServer | None:
        return self._server

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
