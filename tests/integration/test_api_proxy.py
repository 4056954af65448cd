"""The key never goes in clear through a proxy; https honours the system proxy and trusts
the OS certificate store (issue #12.7). Real sockets: a sandbox and a listening "proxy"
that records what reaches it."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterator

import httpx
import pytest
import truststore

from superfone_desk.api import transport
from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.errors import NetworkError
from superfone_desk.sandbox import SandboxServer
from tests.integration.conftest import TEST_KEY

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


class RecordingProxy:
    """Accepts connections, keeps every byte sent to it, answers 502 to a CONNECT."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(10)
        self.received = bytearray()
        self.connections = 0
        self.closing = False
        self.thread = threading.Thread(target=self._serve, name="recording-proxy", daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.listener.accept()
                if self.closing:
                    conn.close()
                    return
                self.connections += 1
                with conn:
                    conn.settimeout(5)
                    data = conn.recv(65536)
                    self.received += data
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    def close(self) -> None:
        self.closing = True
        with contextlib.suppress(OSError):  # wake the accept() up
            socket.create_connection(self.listener.getsockname(), timeout=5).close()
        self.thread.join(timeout=10)
        self.listener.close()


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingProxy]:
    recorder = RecordingProxy()
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, recorder.url)
    try:
        yield recorder
    finally:
        recorder.close()


def test_plain_http_to_loopback_never_goes_through_a_proxy(
    proxy: RecordingProxy, sandbox: SandboxServer
) -> None:
    with SuperfoneClient(TEST_KEY, sandbox.base_url) as client:
        assert client.get_lead("+919845012345") is not None
    assert proxy.connections == 0
    assert TEST_KEY.encode() not in proxy.received


def test_https_goes_through_the_proxy_as_a_tunnel_the_key_inside(proxy: RecordingProxy) -> None:
    key = "sfk-proxy-secret-4711"
    with (
        SuperfoneClient(key, "https://api.superfone.test/superfone") as client,
        pytest.raises(NetworkError),
    ):
        client.get_lead("+919845012345")
    assert proxy.received.startswith(b"CONNECT api.superfone.test:443 HTTP/1.1\r\n")
    assert key.encode() not in proxy.received  # only the host name, never the request


def test_hosts_the_system_says_to_bypass_go_direct(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "superfone.test")
    assert transport.system_proxy(httpx.URL("https://api.superfone.test/x")) is None
    assert transport.system_proxy(httpx.URL("https://other.test/x")) == proxy.url


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8765/superfone", "https://localhost/superfone", "https://[::1]/x"],
)
def test_loopback_has_no_proxy_whatever_the_environment(proxy: RecordingProxy, url: str) -> None:
    assert transport.system_proxy(httpx.URL(url)) is None


def test_without_proxy_settings_https_goes_direct(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    assert transport.system_proxy(httpx.URL("https://prod-api.superfone.co.in/x")) is None


def test_https_trusts_the_operating_systems_certificate_store() -> None:
    context = transport.verifying_ssl_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    with SuperfoneClient(TEST_KEY, "https://api.superfone.test/superfone") as client:
        assert client._http._transport._pool._ssl_context is context  # type: ignore[attr-defined]


def test_a_proxy_the_app_cannot_speak_is_ignored_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "socks5://127.0.0.1:1080")
    assert transport.system_proxy(httpx.URL("https://api.superfone.test/x")) is None
    with SuperfoneClient(TEST_KEY, "https://api.superfone.test/superfone") as client:
        assert client.base_url == "https://api.superfone.test/superfone"
