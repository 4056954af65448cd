"""A misbehaving server cannot crash delivery or corrupt the outbox.

A hostile stand-in on loopback answers the upsert with HTML, nothing, cut JSON, the
wrong shape, 10 MB, odd statuses, a redirect to another host, a 401 worded otherwise,
or a body that trickles in slower than the read timeout. Each ends as a typed error with
a clear message; the outbox entry keeps the lead exactly as typed, and waits to be
retried where a retry makes sense.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.core.draft import LeadDraft
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.store.outbox import EntryState, Outbox

KEY = "sfk_hostile_test_key_0042"
DRAFT = LeadDraft(customer_phone="+918000000091", first_name="Intact", customer_note="hello")


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = "html"
    redirect_to = ""
    seen: list[tuple[str, str | None]]
    stop: threading.Event

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _reply(
        self,
        status: int,
        body: bytes,
        ctype: str = "application/json",
        extra: dict[str, str] | None = None,
        length: int | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).seen.append((self.path, self.headers.get("x-api-key")))
        mode = type(self).mode
        if mode == "html":
            self._reply(200, b"<html><body>Gateway error</body></html>", "text/html")
        elif mode == "empty":
            self._reply(200, b"")
        elif mode == "truncated":
            self._reply(200, b'{"data": null, "mess')
        elif mode == "wrong_shape":
            self._reply(200, b'{"rows": [], "total_pages": "1"}')
        elif mode == "huge":
            self._reply(200, b'{"data": "' + b"x" * (10 * 1024 * 1024) + b'"}')
        elif mode in ("418", "499"):
            self._reply(int(mode), b'{"message": "odd"}')
        elif mode == "redirect":
            self._reply(302, b"", extra={"Location": type(self).redirect_to})
        elif mode == "401":
            self._reply(401, b'{"message": "Token expired"}')
        elif mode == "trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "36")
            self.end_headers()
            for byte in b'{"data": null, "message": "success"}':
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                # The server's pace, slower than the client's read timeout; ends at teardown.
                if type(self).stop.wait(0.4):
                    return


def _serve(host: str) -> tuple[ThreadingHTTPServer, type[_Hostile]]:
    handler = type("Handler", (_Hostile,), {"seen": [], "stop": threading.Event()})
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    return server, handler


@pytest.fixture
def hostile() -> Iterator[tuple[str, type[_Hostile], type[_Hostile], str]]:
    server, handler = _serve("127.0.0.1")
    other, other_handler = _serve("127.0.0.2")
    handler.redirect_to = (
        f"http://127.0.0.2:{other.server_address[1]}/superfone/enterprise/api/lead"
    )
    base = f"http://127.0.0.1:{server.server_address[1]}/superfone"
    yield base, handler, other_handler, handler.redirect_to
    handler.stop.set()
    for srv in (server, other):
        srv.shutdown()
        srv.server_close()


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("html", EntryState.QUEUED),  # a web page is not the API
        ("empty", EntryState.SENT),  # any 2xx is applied (issue #11): never re-sent
        ("truncated", EntryState.SENT),
        ("wrong_shape", EntryState.SENT),
        ("huge", EntryState.QUEUED),
        ("418", EntryState.NEEDS_ATTENTION),  # any other 4xx is a refusal: back to the user
        ("499", EntryState.NEEDS_ATTENTION),
        ("redirect", EntryState.PAUSED),
        ("401", EntryState.PAUSED),
        ("trickle", EntryState.QUEUED),
    ],
)
def test_hostile_answer_keeps_the_lead_intact(
    hostile: tuple[str, type[_Hostile], type[_Hostile], str],
    tmp_path: Path,
    mode: str,
    expected: EntryState,
) -> None:
    base, handler, other, _ = hostile
    handler.mode = mode
    outbox = Outbox.open(tmp_path / "outbox.sqlite3")
    try:
        entry_id = outbox.add(DRAFT, "IN", known_exists=False)
        timeout = httpx.Timeout(5.0, read=0.3)
        with SuperfoneClient(KEY, base, timeout=timeout) as client:
            assert Deliverer(outbox, lambda: client).run_once()
        entry = outbox.get(entry_id)
        assert entry is not None
        assert entry.state is expected, entry.last_error
        assert entry.draft == DRAFT  # exactly as typed
        if expected is EntryState.SENT:
            assert entry.last_error is None
            return
        assert entry.last_error
        assert KEY not in entry.last_error
        assert "Traceback" not in entry.last_error
        if expected is EntryState.QUEUED:
            assert entry.next_attempt_at is not None  # waits for a retry
    finally:
        outbox.close()
    assert handler.seen == [("/superfone/enterprise/api/lead", KEY)]
    assert other.seen == []  # the redirect was not followed, the key not sent on
