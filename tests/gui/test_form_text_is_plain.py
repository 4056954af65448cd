"""Catalog titles and a server's words in the form show as typed, never as markup (#12.13).

A catalog is the account's own data ("<b>VIP</b>" is a label anyone can create in the
dashboard) and a server's message can say anything. In the form they reach the chips,
a picker's status line, a field's error label (and its tooltip) and the result line:
each must show the tags as text.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.ui.services import ask_yes_no
from tests.gui.conftest import KEY, WindowFactory

pytestmark = pytest.mark.gui

VIP = "<b>VIP</b>"
MARKUP = "<b>Blocked</b> <img src='http://192.0.2.1/x.png'>"
#: Names the stage field (so it lands under it), then carries markup.
REFUSAL = f"Lead stage name not found; {MARKUP}"


def _front(sandbox_url: str) -> type[BaseHTTPRequestHandler]:
    """The sandbox, except: the labels list fails (500) and every upsert is refused (400),
    each with markup in its message."""

    class Front(BaseHTTPRequestHandler):
        def _reply(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _marked(self, status: int, message: str) -> None:
            self._reply(status, json.dumps({"message": message}).encode(), "application/json")

        def _forward(self, method: str) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            if "/enterprise/api/label" in self.path:
                self._marked(500, MARKUP)
                return
            if method == "POST" and self.path.endswith("/enterprise/api/lead"):
                self._marked(400, REFUSAL)
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
            answer = httpx.request(
                method, sandbox_url + self.path, headers=headers, content=body, timeout=10
            )
            self._reply(answer.status_code, answer.content, answer.headers["content-type"])

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self._forward("GET")

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            self._forward("POST")

        def log_message(self, *_args: object) -> None:
            pass

    return Front


@pytest.fixture
def front_url(sandbox: SandboxServer) -> Iterator[str]:
    origin = httpx.URL(sandbox.base_url)
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), _front(f"{origin.scheme}://{origin.host}:{origin.port}")
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield sandbox.base_url.replace(str(origin.port), str(server.server_address[1]), 1)
    server.shutdown()
    server.server_close()


def test_a_catalog_label_titled_with_tags_shows_them(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    sandbox.account(KEY).add_label(VIP)
    window = make_window()
    picker = window.form.multi("add_labels")
    qtbot.waitUntil(lambda: VIP in picker.items(), timeout=10_000)
    picker.set_values([VIP])
    chip_text = next(
        label for label in picker.findChildren(QLabel) if label.text() == VIP
    )
    assert chip_text.textFormat() == Qt.TextFormat.PlainText
    [remove] = [b for b in picker.findChildren(QToolButton) if b.text() == "×"]
    # A tooltip has no text format: the title goes in escaped, so it reads as typed.
    assert "&lt;b&gt;VIP&lt;/b&gt;" in remove.toolTip()
    assert VIP not in remove.toolTip()


def test_a_servers_markup_in_the_form_shows_as_text(
    qtbot: QtBot, make_window: WindowFactory, front_url: str
) -> None:
    services = make_window.services()
    services.base_url_override = front_url
    window = make_window(services)
    labels = window.form.multi("add_labels")
    qtbot.waitUntil(lambda: "Blocked" in labels.status_text(), timeout=10_000)
    assert MARKUP in labels.status_text()
    status = [w for w in labels.findChildren(QLabel) if w.text() == labels.status_text()]
    assert status
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in status)

    window.form.widget("customer_phone").setText("80000 00611")  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_button.click()
    error = window.form.error_label("lead_stage_name")
    assert error.isVisible()
    assert MARKUP in error.text()
    assert error.textFormat() == Qt.TextFormat.PlainText
    # Superfone's own words, one hover away: escaped, as the tooltip takes rich text.
    assert "Superfone said: Lead stage name not found; &lt;b&gt;Blocked" in error.toolTip()
    result = window.form.findChild(QWidget, "save_result")
    assert isinstance(result, QLabel)
    assert result.text()
    assert result.textFormat() == Qt.TextFormat.PlainText


def test_a_question_naming_a_lead_shows_its_tags(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box)
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    assert ask_yes_no(parent, "Discard?", f"Discard the lead of {VIP}?")
    [box] = seen
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert VIP in box.text()
