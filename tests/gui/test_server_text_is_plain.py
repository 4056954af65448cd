"""A server's words are shown as text, never as markup (issue #12.13).

A server (or whatever answers at its address) can put anything in a message. The
window shows it in the banner and in the lookup line under the phone: tags there must
show as typed, never render (an image fetched, a link, text hidden).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui

MARKUP = "<b>Blocked</b> <img src='http://192.0.2.1/x.png'>"


class _Marked(BaseHTTPRequestHandler):
    """Reads answer 500, the upsert 400, each with markup in its message."""

    def _answer(self, status: int) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        body = json.dumps({"message": MARKUP}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self._answer(500)

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self._answer(400)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def marked_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Marked)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/superfone"
    server.shutdown()
    server.server_close()


def test_markup_in_a_servers_message_shows_as_text(
    qtbot: QtBot, make_window: WindowFactory, marked_url: str
) -> None:
    services = make_window.services()
    services.base_url_override = marked_url
    window = make_window(services)
    window.form.phone.setText("80000 00601")
    status = window.form.findChild(QLabel, "lookup_status")
    qtbot.waitUntil(lambda: "Blocked" in status.text(), timeout=10_000)
    assert "<b>" not in status.text()  # escaped in this rich-text line: shown as typed
    assert "&lt;b&gt;Blocked" in status.text()

    window.form.widget("first_name").setText("Zoya")  # type: ignore[attr-defined]
    window.form.save_and_new_button.click()
    # Delivery's look-up meets the same answer; the banner says why it is retrying.
    qtbot.waitUntil(lambda: "Blocked" in window.banner.text(), timeout=10_000)
    assert window.banner.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in window.banner.text()
