"""The connection: the API key, the client built from it and the account it belongs to.

This is the one owner of the current client. Everything that talks to Superfone (the
lead finder, the catalog loader, delivery) asks ``client`` when it is about to, and
hears ``changed`` when it is replaced. The key is read from and written to the key
store in the pool (importing keyring and asking D-Bus is slow); the client is built in
the pool too (httpx is slow to import).

When the key changes, the old client is retired at once (never closed under a request),
so nothing more goes out with it; retired clients close on ``close``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from superfone_desk.secrets import KeySource, SecretStore, StoredKey
from superfone_desk.ui.workers import WorkerPool, user_message

if TYPE_CHECKING:
    from superfone_desk.api.client import SuperfoneClient


def make_client(key: str, base_url: str) -> SuperfoneClient:
    # Imported here: httpx is not on the path to the first window.
    from superfone_desk.api.client import SuperfoneClient

    return SuperfoneClient(key, base_url)


class Connection(QObject):
    """Signals:
    changed(): ``client`` was replaced: a new one is ready, or there is none (no key).
    status(str): one line on where the connection stands ("Connecting…").
    connecting(): a key is being put to use (the form shows, not the welcome page).
    no_key(): there is no usable key: the user must enter one or try the demo.
    problem(str): something to tell the user (a banner).
    """

    changed = Signal()
    status = Signal(str)
    connecting = Signal()
    no_key = Signal()
    problem = Signal(str)

    def __init__(
        self,
        pool: WorkerPool,
        *,
        secret_store: Callable[[], SecretStore] | None,
        identify: Callable[[str, str], str],
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        """``secret_store`` builds the key store (None: no keyring, e.g. the demo);
        ``identify(base_url, key)`` is the account identity (runs in the pool)."""
        super().__init__(parent)
        self._pool = pool
        self._secret_store = secret_store
        self._identify = identify
        self._demo = demo
        self._store: SecretStore | None = None
        self._key = StoredKey(None, KeySource.NONE)
        self._client: SuperfoneClient | None = None
        self._identity: str | None = None
        # The addresses a client was built for, with their key, this session; and the
        # account identities of the current key at its earlier addresses.
        self._connected: list[tuple[str, str]] = []
        self._earlier: tuple[str, ...] = ()
        self._generation = 0
        self._retired: list[SuperfoneClient] = []

    @property
    def client(self) -> SuperfoneClient | None:
        """The client to send with now; None while there is no (accepted) key."""
        return self._client

    @property
    def account(self) -> str | None:
        """Which account the key belongs to (an HMAC tag, never the key itself)."""
        return self._identity

    @property
    def earlier_accounts(self) -> tuple[str, ...]:
        """The identities the current key had at the addresses used before this one in
        this session: leads paused there by a bad address may follow the key here
        (``PausedLeads``, on the user's word)."""
        return self._earlier

    @property
    def demo(self) -> bool:
        """Connected to the built-in demo sandbox (its key is fixed; nothing is stored)."""
        return self._demo

    def use_demo(self, key: str, base_url: str) -> None:
        """Connect to the demo sandbox the app started."""
        self._demo = True
        self.connect_with(key, base_url)

    @property
    def has_key(self) -> bool:
        return bool(self._key.key)

    @property
    def key_locked(self) -> bool:
        """The key can't be changed here: it comes from the environment, or the demo."""
        return self._key.source is KeySource.ENVIRONMENT or self.demo

    def key_where(self) -> str:
        """Where the key is kept, in words for the Settings dialog."""
        if self.demo:
            return self.tr("Demo mode: the built-in sandbox needs no key.")
        if self._store is not None:
            return self._store.where(self._key.source)
        return self.tr("The key is stored in your system keyring when there is one.")

    # ------------------------------------------------------------------ the key

    def load_key(self, base_url: str) -> None:
        """Read the saved key (in the pool) and connect with it, or say there is none."""
        factory = self._secret_store
        if factory is None:
            self._on_no_key()
            return
        self.status.emit(self.tr("Reading the API key…"))

        def load() -> tuple[SecretStore, StoredKey]:
            store = factory()
            return store, store.load()

        def loaded(result: tuple[SecretStore, StoredKey]) -> None:
            self._store, self._key = result
            if self._key.key:
                self.connect_with(self._key.key, base_url)
            else:
                self._on_no_key()

        def failed(exc: BaseException) -> None:
            self.problem.emit(
                self.tr("Could not read the saved API key: {reason}").format(
                    reason=user_message(exc)
                )
            )
            self._on_no_key()

        self._pool.submit(load, on_result=loaded, on_error=failed, name="read key")

    def store_key(self, key: str, base_url: str) -> None:
        """Use ``key`` from now on and keep it in the key store (in the pool)."""
        factory = self._secret_store
        self.connect_with(key, base_url)

        def store() -> tuple[SecretStore, KeySource]:
            secret_store = self._store or (factory() if factory else SecretStore())
            return secret_store, secret_store.save(key)

        def stored(result: tuple[SecretStore, KeySource]) -> None:
            self._store, source = result
            self._key = StoredKey(key, source)
            if source is KeySource.SESSION:
                self.problem.emit(
                    self.tr(
                        "No system keyring was found: the API key is kept for this session "
                        "only and must be entered again next time."
                    )
                )

        self._pool.submit(
            store,
            on_result=stored,
            on_error=lambda e: self.problem.emit(user_message(e)),
            name="store key",
        )

    def forget_key(self) -> None:
        """Stop using the key and delete it from the key store."""
        store = self._store
        self._key = StoredKey(None, KeySource.NONE)
        self._retire()
        self.changed.emit()
        self._on_no_key()
        if store is not None:
            self._pool.submit(store.delete, name="delete key")

    def reconnect(self, base_url: str) -> None:
        """The base URL may have changed: build the client again with the same key."""
        if self._key.key and not self.demo:
            self.connect_with(self._key.key, base_url)

    def _on_no_key(self) -> None:
        self.status.emit(self.tr("Not connected"))
        self.no_key.emit()

    # ------------------------------------------------------------------ the client

    def connect_with(self, key: str, base_url: str) -> None:
        """Use ``key`` from now on; the client is built in the pool."""
        self._generation += 1
        generation = self._generation
        # From now on nothing may go out with the old key: delivery and lookups wait
        # (no client) until the new one is built.
        self._retire()
        self.connecting.emit()
        self.status.emit(self.tr("Connecting…"))
        identify = self._identify
        earlier_urls = {url for used, url in self._connected if used == key and url != base_url}

        def build() -> tuple[SuperfoneClient, str, tuple[str, ...]]:
            earlier = tuple(identify(url, key) for url in sorted(earlier_urls))
            return make_client(key, base_url), identify(base_url, key), earlier

        def built(result: tuple[SuperfoneClient, str, tuple[str, ...]]) -> None:
            client, identity, earlier = result
            if generation != self._generation:
                client.close()  # a newer key or URL won meanwhile
                return
            self._retire()
            self._client = client
            self._identity = identity
            self._earlier = earlier
            if (key, base_url) not in self._connected:
                self._connected.append((key, base_url))
            # Where leads go, not a claim about the network: "Offline" beside a
            # "Connected to …" contradicted it (issue 13, bug 10).
            self.status.emit(
                self.tr("Demo account")
                if self.demo
                else self.tr("Account at {url}").format(url=base_url)
            )
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self._client = None
            self.problem.emit(
                self.tr("Cannot use the base URL: {reason}").format(reason=user_message(exc))
            )
            self._on_no_key()

        self._pool.submit(build, on_result=built, on_error=failed, name="build client")

    def _retire(self) -> None:
        """Stop handing out the current client without closing it under a request.

        The delivery thread or a lookup may be mid-request with it; closing it there
        would fail that request. Retired clients close with ``close`` (a key changes a
        handful of times in a session at most).
        """
        if self._client is not None:
            self._retired.append(self._client)
            self._client = None

    def abort_requests(self) -> None:
        """At quit: end every request in flight at once and send nothing more.

        No slow answer may keep the app alive (issue #12.9). An aborted request is an
        unknown outcome, which delivery (or the next start's recovery) handles safely.
        """
        self._retire()
        for client in self._retired:
            client.abort()

    def close(self) -> None:
        """At shutdown, after delivery and the pool stopped: close every client."""
        self._retire()
        for client in self._retired:
            client.close()
        self._retired.clear()
