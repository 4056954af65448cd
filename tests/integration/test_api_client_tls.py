"""A real TLS handshake with an untrusted certificate becomes TLSError, not NetworkError.

The unit tests build the exception chain by hand; this checks it is what httpx and
httpcore really raise.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.errors import TLSError

x509 = pytest.importorskip("cryptography.x509")
hashes = pytest.importorskip("cryptography.hazmat.primitives.hashes")
serialization = pytest.importorskip("cryptography.hazmat.primitives.serialization")
ec = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.ec")

KEY = "sfk-tls-secret-0815"


def self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def untrusted_https(tmp_path: Path) -> Iterator[str]:
    """``https://localhost:PORT`` served with a self-signed certificate (one handshake)."""
    cert, key = self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)
    port = listener.getsockname()[1]

    def serve() -> None:
        with contextlib.suppress(OSError):  # ssl.SSLError is an OSError
            conn, _ = listener.accept()
            with conn, context.wrap_socket(conn, server_side=True) as tls:
                tls.recv(1)

    thread = threading.Thread(target=serve, name="untrusted-https", daemon=True)
    thread.start()
    try:
        yield f"https://localhost:{port}/superfone"
    finally:
        listener.close()
        thread.join(timeout=10)
        assert not thread.is_alive()


def test_untrusted_certificate_is_a_tls_error(untrusted_https: str) -> None:
    with SuperfoneClient(KEY, untrusted_https) as client, pytest.raises(TLSError) as info:
        client.get_lead("+918000000001")
    assert "certificate not trusted" in info.value.user_message
    assert not info.value.possibly_received
    assert KEY not in str(info.value)
    assert isinstance(info.value.__cause__, Exception)
    assert KEY not in str(info.value.__cause__)
