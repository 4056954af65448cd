"""``superfone-desk --kiosk``: the kiosk window on the app's own outbox and delivery.

``open_kiosk`` wires a ``KioskWindow`` to services the caller built (outbox, client,
account identity, settings): a visitor's lead goes into the outbox exactly like a lead
typed at the counter (fsynced before anything is sent; delivery sends it when it can,
so the kiosk works offline). ``run_kiosk`` builds those services for a whole process,
with the pieces ``app.py`` uses for the normal window.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from superfone_desk.core.draft import LeadDraft
from superfone_desk.settings import KioskSettings, SettingsStore
from superfone_desk.ui.kiosk.settings_dialog import KioskSettingsDialog
from superfone_desk.ui.kiosk.window import KioskTimings, KioskWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from superfone_desk.paths import AppPaths
    from superfone_desk.store.outbox import Outbox

log = logging.getLogger(__name__)


def _nothing() -> None:
    return None


@dataclass
class KioskServices:
    """What the kiosk needs from the app.

    ``kiosk`` are the kiosk settings to start with and ``save_kiosk`` keeps the admin's
    changes (``store_saver`` for a settings file). ``nudge`` tells delivery a lead is
    waiting (``DeliveryService.nudge``); ``account`` is the connection's account, stored
    with each lead like the counter form does.
    """

    outbox: Outbox
    kiosk: KioskSettings
    save_kiosk: Callable[[KioskSettings], None]
    region: str
    nudge: Callable[[], None] = _nothing
    account: Callable[[], str | None] = _nothing
    timings: KioskTimings | None = None


def make_submit(services: KioskServices) -> Callable[[LeadDraft], bool]:
    """``submit(draft)``: into the outbox (durable on return), then wake delivery."""

    def submit(draft: LeadDraft) -> bool:
        services.outbox.add(draft, services.region, account=services.account())
        services.nudge()
        return True

    return submit


def store_saver(store: SettingsStore) -> Callable[[KioskSettings], None]:
    """``save_kiosk`` for a settings file the kiosk has to itself (``--kiosk``)."""

    def save(kiosk: KioskSettings) -> None:
        # Read again: the file may have changed since the kiosk started.
        settings = store.load()
        settings.kiosk = kiosk
        store.save(settings)

    return save


def open_kiosk(services: KioskServices, parent: QWidget | None = None) -> KioskWindow:
    """The kiosk window, full screen, saving through ``services``.

    With ``parent`` it lives as long as that widget, yet is a window of its own.
    """
    window = KioskWindow(
        services.kiosk,
        services.region,
        make_submit(services),
        timings=services.timings,
        parent=parent,
    )
    window.settings_changed.connect(services.save_kiosk)
    window.showFullScreen()
    return window


def ask_for_first_pin(store: SettingsStore, region: str) -> bool:
    """No PIN yet: the admin sets one (and the rest) before the kiosk opens. False if not."""
    dialog = KioskSettingsDialog(store.load().kiosk, region, pin_required=True)
    if dialog.exec() != KioskSettingsDialog.DialogCode.Accepted:
        return False
    store_saver(store)(dialog.result_settings())
    return True


def run_kiosk(*, demo: bool, base_url: str | None, data_dir: Path | None) -> int:
    """The kiosk as the whole process: returns the exit code once the admin leaves.

    The same start-up guards as the window (``ui.start_guard``): no display, a data
    folder that can't be written or another instance on it, damaged settings or outbox.
    """
    from superfone_desk.app import configure_logging, make_application
    from superfone_desk.core.phones import default_region
    from superfone_desk.paths import AppPaths
    from superfone_desk.startup_checks import prepare_process
    from superfone_desk.ui.start_guard import claim_data_folder, report_damaged_settings

    problem = prepare_process()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2  # as the window does
    paths = AppPaths.under(data_dir) if data_dir else AppPaths.default()
    lock = claim_data_folder(paths)
    if isinstance(lock, int):
        return lock
    with lock:
        configure_logging(paths)
        app = make_application()
        store = SettingsStore(paths.config_dir)
        settings = store.load()
        # The admin's language for the dialogs; the visitor's screen has its own.
        from superfone_desk.ui import i18n

        i18n.install(settings.language)
        report_damaged_settings(store)
        region = settings.default_country or default_region()
        if not settings.kiosk.pin_hash and not ask_for_first_pin(store, region):
            print("error: the kiosk needs a PIN; none was set", file=sys.stderr)
            return 1
        return _serve(app, paths, store, region, demo=demo, base_url=base_url)


def _serve(
    app: QApplication, paths: AppPaths, store: SettingsStore, region: str, *, demo: bool,
    base_url: str | None,
) -> int:
    from superfone_desk.app import _database_path
    from superfone_desk.secrets import SecretStore
    from superfone_desk.store.catalog_cache import CatalogCache
    from superfone_desk.ui.connection import Connection
    from superfone_desk.ui.delivery_service import DeliveryService
    from superfone_desk.ui.start_guard import listen_for_other_launches, outbox_opener
    from superfone_desk.ui.workers import WorkerPool

    outbox = outbox_opener(_database_path(paths, demo))()
    pool = WorkerPool()
    # The same connection as the window's: the key read in the pool, the client built
    # there; without a key, visitors' leads wait in the outbox until one is set.
    connection = Connection(
        pool,
        secret_store=None if demo else SecretStore,
        identify=CatalogCache(outbox.db).api_identity,
        demo=demo,
    )
    delivery = DeliveryService(outbox, connection)
    connection.changed.connect(delivery.resume_after_auth)
    connection.changed.connect(delivery.send_now)
    connection.problem.connect(lambda text: log.warning("Kiosk connection: %s", text))
    demo_backend = None
    try:
        delivery.start()
        if demo:
            from superfone_desk.demo import DemoBackend

            demo_backend = DemoBackend()
            connection.connect_with(*demo_backend.start())
        else:
            connection.load_key(base_url or store.load().base_url)
        window = open_kiosk(
            KioskServices(
                outbox,
                store.load().kiosk,
                store_saver(store),
                region,
                nudge=delivery.nudge,
                account=lambda: connection.account,
            )
        )
        window.left.connect(app.quit)
        # A second launch (the autostart entry run twice) brings the kiosk forward.
        listen_for_other_launches(paths.data_dir, window)
        log.info("ready: kiosk shown")
        # The counter PC is shut down at closing time: SIGTERM ends the kiosk within
        # 2 s, as it does the window (issue #12.9, ui/quit_signals.py).
        from superfone_desk.ui.quit_signals import QuitOnSignals

        _quit_signals = QuitOnSignals(lambda: app.exit(0), parent=app)
        return int(app.exec())
    finally:
        # A request in flight is aborted (an unknown outcome, recovered at the next
        # start), so no slow answer keeps the process alive.
        connection.abort_requests()
        delivery.stop(timeout=0.8)
        pool.shutdown(timeout_ms=800)
        connection.close()
        if demo_backend is not None:
            demo_backend.stop()
        outbox.close()
