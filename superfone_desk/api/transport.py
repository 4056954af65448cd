"""The ``httpx.Client`` the API client builds for itself: trust, proxies and a deadline.

Three promises (docs/security.md "Connections"):

* **Trust**: https is verified against the operating system's certificate store
  (``truststore``), so an office whose IT installed a TLS-inspection certificate in
  Windows or macOS works without turning verification off. Never unverified.
* **Proxies**: the key never goes in clear through a proxy. Plain http is only allowed
  to loopback (``api.urls``), and loopback never goes through a proxy (whatever
  ``HTTP_PROXY``/``ALL_PROXY`` say). https honours the system's proxy settings
  (environment variables, and the Windows/macOS settings through ``urllib.request``),
  tunnelled with CONNECT, so the proxy sees only the host name.
* **Deadline**: every request ends within ``deadline`` seconds overall, not only per
  read: a server trickling one byte every 10 s never resets it. Past the deadline the
  socket operation in progress times out, so httpx raises its usual timeout error and
  the outcome is "unknown" (``failures``), handled as such by delivery.
* **Abort**: ``abort_requests(client)`` ends every request of that client at once (its
  sockets are shut down, which wakes a blocked read) and refuses new ones. At quit or
  SIGTERM (a desktop logout) a trickling answer must not keep the process alive; the
  aborted request is an unknown outcome like any broken connection.
"""

from __future__ import annotations

import functools
import logging
import socket
import ssl
import threading
import time
import urllib.request
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

import httpcore
import httpx

from superfone_desk.api.urls import is_loopback

__all__ = [
    "DEFAULT_DEADLINE",
    "abort_requests",
    "build_http_client",
    "deadline",
    "system_proxy",
]

#: The longest one request may take from start to last byte (seconds).
DEFAULT_DEADLINE = 60.0

_local = threading.local()
_log = logging.getLogger(__name__)


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Within this block, every socket operation of this thread's requests ends by
    ``seconds`` from now (None: no overall deadline)."""
    previous = getattr(_local, "until", None)
    _local.until = None if seconds is None else time.monotonic() + seconds
    try:
        yield
    finally:
        _local.until = previous


def past_deadline() -> bool:
    until: float | None = getattr(_local, "until", None)
    return until is not None and time.monotonic() >= until


def _clamp(timeout: float | None) -> float | None:
    """``timeout`` shortened to what is left of the thread's deadline."""
    until: float | None = getattr(_local, "until", None)
    if until is None:
        return timeout
    left = max(0.0, until - time.monotonic())
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, owner: _DeadlineBackend) -> None:
        self._stream = stream
        self._owner = owner
        owner.track(self)

    def abort(self) -> None:
        """Wake a read or write blocked on this connection (close alone would not)."""
        sock = self._stream.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            # Already closed or never connected: then nothing is blocked on it.
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        if self._owner.aborted:
            raise httpcore.ReadError("the app is closing")
        timeout = _clamp(timeout)
        if timeout == 0.0:
            raise httpcore.ReadTimeout("the request's overall deadline passed")
        return self._stream.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if self._owner.aborted:
            raise httpcore.WriteError("the app is closing")
        timeout = _clamp(timeout)
        if timeout == 0.0:
            raise httpcore.WriteTimeout("the request's overall deadline passed")
        self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _clamp(timeout))
        return _DeadlineStream(tls, self._owner)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend with every timeout clamped to the thread's deadline."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend
        self._lock = threading.Lock()
        self._streams: weakref.WeakSet[_DeadlineStream] = weakref.WeakSet()
        #: Set once by ``abort``: no request of this client goes out any more.
        self.aborted = False

    def track(self, stream: _DeadlineStream) -> None:
        with self._lock:
            self._streams.add(stream)
            aborted = self.aborted
        if aborted:  # connected while aborting: end it too
            stream.abort()

    def abort(self) -> None:
        with self._lock:
            self.aborted = True
            streams = list(self._streams)
        for stream in streams:
            stream.abort()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if self.aborted:
            raise httpcore.ConnectError("the app is closing")
        stream = self._backend.connect_tcp(
            host, port, _clamp(timeout), local_address, socket_options
        )
        return _DeadlineStream(stream, self)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:  # pragma: no cover - never used (no uds)
        return _DeadlineStream(self._backend.connect_unix_socket(path, _clamp(timeout)), self)

    def sleep(self, seconds: float) -> None:  # pragma: no cover - retries are off
        self._backend.sleep(seconds)


class _DeadlineTransport(httpx.HTTPTransport):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # httpx has no public way to give its pool a network backend; both pool kinds
        # (direct, HTTP proxy) keep it in ``_network_backend``. A test pins this
        # (tests/integration/test_api_deadline.py), so an httpx change fails loudly.
        pool: Any = self._pool
        backend = getattr(pool, "_network_backend", None)
        self.backend: _DeadlineBackend | None = None
        if backend is None:  # pragma: no cover - only if httpcore renames it
            _log.warning("no overall request deadline: httpcore changed its pool")
            return
        self.backend = pool._network_backend = _DeadlineBackend(backend)


@functools.cache
def verifying_ssl_context() -> ssl.SSLContext:
    """Certificates and host names checked against the OS trust store, built once.

    ``truststore`` asks Windows/macOS to verify the chain (so certificates the office IT
    installed count); on Linux it uses the system's OpenSSL CA store. Built once per
    process: SSLContext is safe to share between connections and threads.
    """
    import truststore  # only when an https client is built, after the window shows

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise RuntimeError("truststore built an SSL context that does not verify")  # never
    return context


@functools.cache
def loopback_ssl_context() -> ssl.SSLContext:
    """The context of a client whose base URL is plain http to loopback (demo, tests).

    Its requests never use TLS, so loading a CA store is skipped. It still verifies
    (certificates required, host names checked) but trusts no CA at all: should anything
    ever go over https with it, the handshake fails, never unverified.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise RuntimeError("ssl built a client context that does not verify")  # never
    return context


def system_proxy(url: httpx.URL) -> str | None:
    """The proxy to reach ``url`` through, or None for a direct connection.

    Only https gets one (the key travels inside the TLS tunnel); loopback and hosts the
    system says to bypass never do.
    """
    if url.scheme != "https" or is_loopback(url.host):
        return None
    proxies = urllib.request.getproxies()
    proxy = proxies.get("https") or proxies.get("all")
    if not proxy:
        return None
    if urllib.request.proxy_bypass(url.host):
        return None
    proxy = proxy if "://" in proxy else f"http://{proxy}"
    if not proxy.lower().startswith(("http://", "https://")):
        # SOCKS and others need extra packages httpx would import (and fail on) here.
        _log.warning("ignoring a proxy setting the app cannot use (%s)", proxy.split(":", 1)[0])
        return None
    return proxy


def build_http_client(
    base_url: str,
    timeout: httpx.Timeout,
    verify: ssl.SSLContext,
) -> httpx.Client:
    """The client ``SuperfoneClient`` uses when none is injected (see the module doc).

    ``trust_env=False``: proxies are chosen here (``system_proxy``), never by httpx
    from the environment, which would send plain-http loopback traffic to a proxy.
    """
    url = httpx.URL(base_url)
    transport = _DeadlineTransport(verify=verify, proxy=system_proxy(url), trust_env=False)
    client = httpx.Client(
        transport=transport, timeout=timeout, follow_redirects=False, trust_env=False
    )
    if transport.backend is not None:
        _backends[client] = transport.backend
    return client


#: The network backend of each client ``build_http_client`` made (for ``abort_requests``).
_backends: weakref.WeakKeyDictionary[httpx.Client, _DeadlineBackend] = (
    weakref.WeakKeyDictionary()
)


def abort_requests(client: httpx.Client) -> bool:
    """End ``client``'s requests in flight now and refuse new ones (see the module doc).

    False for a client this module did not build (an injected one): nothing is done.
    """
    backend = _backends.get(client)
    if backend is None:
        return False
    backend.abort()
    return True
