"""``superfone-desk --self-test``: prove this install works, one line per check.

Installers run it after building (offscreen, no account, no network): it builds the
real main window, saves one lead through it against the in-process sandbox and reads
it back, and checks that a keyring backend can be found. Exit code 0 only if all pass.

A machine without a system keyring gets a WARNING, not a failure: the app works
there, it keeps the key for the session only (secrets.py) and says so.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from superfone_desk import APP_NAME, __version__

Check = tuple[str, Callable[[], str]]


class CheckWarning(Exception):
    """A check found something the user should know, but the app works."""


def _keyring_backend() -> str:
    import keyring

    from superfone_desk.secrets import backend_is_usable, describe_backend

    backend = keyring.get_keyring()
    if not backend_is_usable(backend):
        raise CheckWarning(
            f"no system keyring (found {type(backend).__module__}): the app works, but the "
            "API key is kept for the session only and must be entered again at each start"
        )
    return describe_backend(backend)


def _phone_metadata() -> str:
    from superfone_desk.core.phones import parse_phone

    result = parse_phone("98765 43210", "IN")
    if result.e164 != "+919876543210":
        raise RuntimeError(f"phone parsing gave {result.e164!r}")
    return "98765 43210 -> +919876543210"


def _round_trip(data_dir: Path) -> Callable[[], str]:
    def check() -> str:
        from PySide6.QtCore import QEventLoop, QTimer

        from superfone_desk.app import make_application
        from superfone_desk.demo import DemoBackend
        from superfone_desk.settings import SettingsStore
        from superfone_desk.store.db import DATABASE_FILENAME
        from superfone_desk.store.outbox import Outbox
        from superfone_desk.ui.main_window import MainWindow, Services

        app = make_application()
        backend = DemoBackend()
        key, base_url = backend.start()
        outbox = Outbox.open(data_dir / DATABASE_FILENAME)
        try:
            store = SettingsStore(data_dir)
            services = Services(
                settings_store=store,
                settings=store.load(),
                open_outbox=lambda: outbox,
                start_demo=lambda: (key, base_url),
                demo_at_start=True,
                confirm=lambda *_: True,
            )
            window = MainWindow(services)
            window.show()
            window.start()
            phone = "+919000012345"
            window.form.phone.setText(phone)
            window.form.widget("first_name").setText("Self")  # type: ignore[attr-defined]
            window.form.widget("last_name").setText("Test")  # type: ignore[attr-defined]
            outcome: list[object] = []
            loop = QEventLoop()

            def finished(result: object) -> None:
                outcome.append(result)
                loop.quit()

            window.saved.connect(finished)
            window.save_failed.connect(finished)
            QTimer.singleShot(20_000, loop.quit)
            window.form.save_button.click()
            loop.exec()
            if not outcome:
                raise RuntimeError("the save did not finish within 20 s")
            if isinstance(outcome[0], BaseException):
                raise RuntimeError(f"the save failed: {outcome[0]}")
            client = window.client
            assert client is not None
            lead = client.get_lead(phone)
            if lead is None or lead.first_name != "Self":
                raise RuntimeError("the saved lead did not read back")
            window.close()
            window.pool.shutdown()
            del app
            return f"saved and read back lead {lead.id} through the window and the outbox"
        finally:
            backend.stop()
            outbox.close()

    return check


def _bundle_parts(data_dir: Path) -> Callable[[], str]:
    """What a trimmed bundle could lose unnoticed: QtNetwork (the second-launch server)
    and the compiled Hindi translation."""

    def check() -> str:
        from PySide6.QtCore import QTranslator
        from PySide6.QtWidgets import QApplication

        from superfone_desk.ui.i18n import translations_dir
        from superfone_desk.ui.single_instance import InstanceServer

        app = QApplication.instance() or QApplication([])
        server = InstanceServer(data_dir)
        try:
            if not server.listen():
                raise RuntimeError("the second-launch server could not listen")
        finally:
            server.close()
        hindi = QTranslator()
        if not hindi.load("superfone_desk_hi", str(translations_dir())):
            raise RuntimeError(f"no Hindi translation in {translations_dir()}")
        del app
        return "second-launch server listens; Hindi translation loads"

    return check


def run_self_test(data_dir: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"{APP_NAME} {__version__} self-test (Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory(prefix="superfone-self-test-") as tmp:
        checks: list[Check] = [
            ("phone numbers", _phone_metadata),
            ("keyring backend", _keyring_backend),
            ("main window + demo round trip", _round_trip(data_dir or Path(tmp))),
            ("bundle parts", _bundle_parts(Path(tmp))),
        ]
        failed = warned = 0
        for name, check in checks:
            started = time.perf_counter()
            try:
                detail = check()
            except CheckWarning as exc:
                warned += 1
                print(f"WARNING {name}: {exc}", flush=True)
            except Exception as exc:  # every failure is reported, then counted
                failed += 1
                print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
            else:
                ms = (time.perf_counter() - started) * 1000
                print(f"ok   {name}: {detail} ({ms:.0f} ms)", flush=True)
    if failed:
        print(f"self-test FAILED ({failed} check(s))")
    else:
        print("self-test passed" + (f" with {warned} warning(s)" if warned else ""))
    return 0 if not failed else 1
