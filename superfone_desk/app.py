"""Builds the application: QApplication, services, the main window; runs the event loop."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from superfone_desk import APP_ID, APP_NAME, __version__
from superfone_desk.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from superfone_desk.demo import DemoBackend
    from superfone_desk.secrets import SecretStore
    from superfone_desk.store.outbox import Outbox

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    """A file from ``resources/``, in a source checkout and in the frozen bundle alike."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources" / name
    return RESOURCES / name


LOG_FILE = "superfone-desk.log"


_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _EarlyRecords(logging.Handler):
    """Keeps the records logged before the log file is attached (``attach_log_file``)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def configure_logging(paths: AppPaths, *, file_later: bool = False) -> list[logging.Handler]:
    """Log to a rotating file in the data folder and to stderr; returns the handlers.

    ``file_later``: the file is attached by ``attach_log_file`` (the window calls it after
    the first paint: ``logging.handlers`` pulls in socket, pickle and queue, ~10 ms on the
    path); what is logged before goes to stderr at once and to the file then.
    """
    stream = logging.StreamHandler()
    stream.setFormatter(logging.Formatter(_FORMAT))
    handlers: list[logging.Handler] = [stream, _EarlyRecords()]
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for handler in handlers:
        root.addHandler(handler)
    # httpx logs every request line at INFO, phone numbers in query strings included;
    # the log keeps what a person needs: failures.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if not file_later:
        handlers[1] = attach_log_file(paths)
    return handlers


def attach_log_file(paths: AppPaths) -> logging.Handler:
    """The rotating log file, with what was logged since ``configure_logging``."""
    from logging.handlers import RotatingFileHandler

    handler = RotatingFileHandler(
        paths.data_dir / LOG_FILE, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    for early in [h for h in root.handlers if isinstance(h, _EarlyRecords)]:
        root.removeHandler(early)
        for record in early.records:
            handler.handle(record)
    root.addHandler(handler)
    return handler


def make_application(argv: list[str] | None = None) -> QApplication:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from superfone_desk.ui.pyside_scan import skip_source_scan

    # Before the window's modules load: PySide6 would read and keep each one's source.
    skip_source_scan()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Superfone Desk")
    app.setDesktopFileName(APP_ID)
    icon = resource_path("icons/superfone-desk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    from superfone_desk.ui.theme import apply_style

    apply_style(app, resource_path)
    return app


def run_app(*, demo: bool, base_url: str | None, data_dir: Path | None) -> int:
    from superfone_desk.startup_checks import prepare_process
    from superfone_desk.ui import start_guard

    # Before Qt: no display is one clear line; no core dumps; new files private.
    no_display = prepare_process()
    if no_display is not None:
        print(no_display, file=sys.stderr)
        return 2
    paths = AppPaths.under(data_dir) if data_dir else AppPaths.default()
    # Private, writable and ours alone (a second launch shows the first window).
    lock = start_guard.claim_data_folder(paths)
    if isinstance(lock, int):
        return lock
    configure_logging(paths, file_later=True)
    app = make_application()

    import gc

    from PySide6.QtCore import QTimer

    from superfone_desk.core.phones import warm_up
    from superfone_desk.settings import SettingsStore
    from superfone_desk.ui.main_window import MainWindow, Services

    # The outbox, the key store and the demo sandbox are imported and opened when first
    # needed, after the first paint: none of them is on the path to the window.
    demo_backend: list[DemoBackend] = []
    opened: list[Outbox] = []

    def start_demo() -> tuple[str, str]:
        from superfone_desk.demo import DemoBackend

        backend = DemoBackend()
        demo_backend.append(backend)
        return backend.start()

    def secret_store() -> SecretStore:
        from superfone_desk.secrets import SecretStore

        return SecretStore()

    def open_outbox() -> Outbox:
        path = _database_path(paths, demo)
        # A damaged outbox is moved aside (with a dialog); a newer one ends the app.
        open_checked = start_guard.outbox_opener(path)
        if demo and path.exists():
            # The last demo's outbox passes the same guard before it is forgotten: a
            # damaged one is kept aside with its dialog, a newer app's is left untouched
            # (issue #12.8); only one this app can read is removed.
            open_checked().close()
            forget_demo_history(path)
        opened.append(open_checked())
        return opened[-1]

    store = SettingsStore(paths.config_dir)
    settings = store.load()
    # Before any dialog or the window: every text is built in the chosen language.
    from superfone_desk.ui import i18n

    i18n.install(settings.language)
    start_guard.report_damaged_settings(store)
    services = Services(
        settings_store=store,
        settings=settings,
        secret_store=None if demo else secret_store,
        open_outbox=open_outbox,
        base_url_override=base_url,
        start_demo=start_demo,
        demo_at_start=demo,
        # Phone metadata loads in a worker after the first paint, not on the first key.
        warm_ups=[warm_up],
        # The rest of the window, the key and the warm-ups follow the first paint.
        fast_start=True,
    )
    window = MainWindow(services)
    window.show()
    # Logged from the first turn of the event loop: the window is on screen and the
    # phone field takes keys. The benchmarks time start-up by this line. Queued before
    # start(), whose next steps (the other groups, the outbox tab, the key) come after.
    QTimer.singleShot(0, lambda: log.info("ready: window shown, phone field has focus"))
    QTimer.singleShot(0, lambda: attach_log_file(paths))
    window.start()
    start_guard.listen_for_other_launches(paths.data_dir, window)
    # What start-up built stays for the whole run: keep the collector from walking it
    # (now, and again once the rest of the window is built).
    gc.freeze()
    window.built.connect(_on_window_built)
    # A logout's SIGTERM (or Ctrl+C, a closed terminal) ends the loop like closing the
    # window, without its questions: what is unsent stays in the outbox (issue #12.9).
    from superfone_desk.ui.quit_signals import QuitOnSignals

    # exit(), not quit(): quit() closes the windows first, and a window's close asks
    # questions ("Quit with leads waiting?") nobody is there to answer at a logout.
    quit_signals = QuitOnSignals(lambda: app.exit(0), parent=app)
    status = 1
    try:
        status = int(app.exec())
    finally:
        # Closing the window shut it down already; a loop ended otherwise did not.
        stopped = window.shutdown()
        for backend in demo_backend:
            backend.stop()
        for outbox in opened:
            outbox.close()
        lock.release()
    quit_signals.uninstall()
    if not stopped:
        _leave_now(status)
    return status


def _leave_now(status: int) -> NoReturn:
    """A worker ignored the abort (an OS key store call, a connect to a dead host).

    Qt's thread pool would wait for it at exit and keep the process alive past a
    logout. Everything of ours is closed (the outbox, the lock): leave without it.
    """
    log.warning("A background job did not finish at quit; leaving without it")
    logging.shutdown()
    os._exit(status)


def _on_window_built() -> None:
    import gc

    gc.freeze()
    log.info("built: the whole window is built")


def _database_path(paths: AppPaths, demo: bool) -> Path:
    from superfone_desk.store.db import DATABASE_FILENAME

    # The demo keeps its own outbox: practice leads must never go to a real account.
    name = f"demo-{DATABASE_FILENAME}" if demo else DATABASE_FILENAME
    return paths.data_dir / name


def forget_demo_history(path: Path) -> None:
    """Removes the last demo's outbox: its sandbox starts empty every time, and a history
    of sent leads the fresh practice account does not have confused people (issue 13)."""
    for leftover in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        leftover.unlink(missing_ok=True)
