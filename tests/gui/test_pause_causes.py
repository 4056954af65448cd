"""A paused lead says its real cause, and only a 401 moves to a new key (issue #12.3).

A lead saved under account A must never land in account B. A redirect (or a refused
certificate, or an unusable address) says nothing about the key: the window must not
say "the API key was not accepted", and such a lead never moves to another key. A lead
refused with a 401 moves to a new key only after the user says it is the same account.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.store.entry import PauseCause
from superfone_desk.store.outbox import EntryState, OutboxEntry
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY, OTHER_KEY, WindowFactory
from tests.helpers.drafts import ASHA

pytestmark = pytest.mark.gui

WRONG_KEY = "gui-wrong-key"


class _Redirects(BaseHTTPRequestHandler):
    """Every request is answered 307 to another host (a captive portal, a moved API)."""

    def _redirect(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        self.send_response(307)
        self.send_header("Location", "http://192.0.2.1/superfone" + self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = _redirect  # noqa: N815 - http.server's names

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def redirecting_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirects)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/superfone"
    server.shutdown()
    server.server_close()


def settings_text(window: MainWindow) -> str:
    (dialog,) = window.findChildren(QDialog, "settings_dialog")
    return dialog.findChild(QLabel, "settings_message").text()


def type_lead(window: MainWindow, phone: str, name: str) -> None:
    window.form.phone.setText(phone)
    window.form.widget("first_name").setText(name)  # type: ignore[attr-defined]


def test_a_redirect_is_said_as_a_redirect_not_as_a_refused_key(
    qtbot: QtBot, make_window: WindowFactory, redirecting_url: str
) -> None:
    services = make_window.services()
    services.base_url_override = redirecting_url
    window = make_window(services)
    type_lead(window, "80000 00201", "Ravi")
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_button.click()
    (entry,) = window.outbox.entries()
    assert entry.state is EntryState.PAUSED
    assert entry.cause is PauseCause.REDIRECT
    result = window.form.result.text()
    assert "redirect" in result
    assert "API key" not in result
    shown = settings_text(window)
    assert "redirect" in shown
    assert "API key" not in shown


def test_only_a_401_moves_to_a_new_key_and_only_on_the_users_word(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    window = make_window(key=WRONG_KEY)
    type_lead(window, "80000 00202", "Asha")
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_button.click()
    (refused,) = window.outbox.entries()
    assert refused.cause is PauseCause.AUTH
    assert "API key" in window.form.result.text()
    # Saved under the same (old) account, paused by a redirect: nothing about it says
    # the key was wrong, so it must never move.
    outbox = window.outbox
    redirected = outbox.get(
        outbox.add(
            dataclasses.replace(ASHA, customer_phone="80000 00203"),
            "IN",
            account=refused.account,
        )
    )
    assert redirected is not None
    outbox.pause(redirected.id, "Superfone answered with a redirect", PauseCause.REDIRECT)

    make_window.confirm_answers.append(False)  # "Is the new key for the same account?" No
    dialog = window.open_settings()
    dialog.findChild(QLineEdit, "api_key").setText(KEY)
    with qtbot.waitSignal(window.client_changed, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: len(make_window.questions) == 1, timeout=10_000)
    assert "key" in make_window.questions[0]
    # Re-queued under the account they were saved with, so they wait for its key.
    accounts = {e.id: e.account for e in outbox.entries()}
    assert accounts == {refused.id: refused.account, redirected.id: refused.account}
    assert [m for m, _p, _s in sandbox.request_log if m == "POST"] == []

    # Asked again (the key connects again) and answered yes: the 401 one moves and is
    # delivered; the redirected one stays where it was saved.
    make_window.confirm_answers.append(True)
    window.connection.reconnect(sandbox.base_url)
    qtbot.waitUntil(lambda: outbox.get(refused.id).state is EntryState.SENT, timeout=10_000)
    after = outbox.get(redirected.id)
    assert after is not None
    assert after.account == refused.account
    assert after.state is not EntryState.SENT
    phones = [p for lead in sandbox.snapshot(KEY)["leads"] for p in lead["phone_numbers"]]
    assert "+918000000202" in phones
    assert "+918000000203" not in phones


def redirected_lead(
    qtbot: QtBot, make_window: WindowFactory, redirecting_url: str, phone: str
) -> tuple[MainWindow, OutboxEntry]:
    """A window whose address redirects, and the one lead paused by it."""
    services = make_window.services()
    services.base_url_override = redirecting_url
    window = make_window(services)
    type_lead(window, phone, "Ravi")
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_button.click()
    (entry,) = window.outbox.entries()
    assert entry.cause is PauseCause.REDIRECT
    return window, entry


def waits_where_saved(
    qtbot: QtBot, window: MainWindow, entry: OutboxEntry, sandbox: SandboxServer
) -> None:
    """Once the window is idle: ``entry`` is queued under its own account, unsent."""
    qtbot.waitUntil(lambda: window.pool.active_count == 0, timeout=10_000)
    after = window.outbox.get(entry.id)
    assert after is not None
    assert (after.account, after.state) == (entry.account, EntryState.QUEUED)
    assert [m for m, _p, _s in sandbox.request_log if m == "POST"] == []


def test_a_lead_paused_by_a_bad_address_follows_the_corrected_address_when_asked(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory, redirecting_url: str
) -> None:
    window, entry = redirected_lead(qtbot, make_window, redirecting_url, "80000 00204")
    # The user corrects the address; the key stays. The account identity includes the
    # address, so the lead was "saved under another account" and waited for ever.
    make_window.confirm_answers.append(True)
    window.connection.reconnect(sandbox.base_url)
    qtbot.waitUntil(lambda: window.outbox.get(entry.id).state is EntryState.SENT, timeout=10_000)
    assert make_window.questions == ["Send the waiting leads to this address?"]
    assert window.outbox.get(entry.id).account == window.connection.account
    phones = [p for lead in sandbox.snapshot(KEY)["leads"] for p in lead["phone_numbers"]]
    assert "+918000000204" in phones


def test_a_lead_paused_by_a_bad_address_stays_when_the_user_says_no(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory, redirecting_url: str
) -> None:
    window, entry = redirected_lead(qtbot, make_window, redirecting_url, "80000 00205")
    make_window.confirm_answers.append(False)
    window.connection.reconnect(sandbox.base_url)
    qtbot.waitUntil(lambda: len(make_window.questions) == 1, timeout=10_000)
    waits_where_saved(qtbot, window, entry, sandbox)


def test_a_lead_paused_by_a_bad_address_never_follows_another_key(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory, redirecting_url: str
) -> None:
    window, entry = redirected_lead(qtbot, make_window, redirecting_url, "80000 00206")
    with qtbot.waitSignal(window.client_changed, timeout=10_000):
        window.connection.connect_with(OTHER_KEY, sandbox.base_url)
    waits_where_saved(qtbot, window, entry, sandbox)
    assert make_window.questions == []  # nothing to ask: another key, another account
