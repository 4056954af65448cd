"""The main window: a shell that builds the app's parts and wires them together.

Each job has its own controller, which takes its collaborators in its constructor and
talks back through signals, never by calling the window:

* ``Preferences`` (ui.preferences): settings and sticky defaults, saved as they change;
* ``Connection`` (ui.connection): the key, the client, the account;
* ``SaveController`` (ui.save_controller): live checks, the save, delivery's outcomes;
* ``SettingsFlow``, ``DeliveryStatus``, ``LeadFinder``, ``CatalogLoader``, and the
  form (ui.form) and Outbox tab (ui.outbox_view) widgets.

The window owns the layout, menus and shortcuts, and the start and the shutdown.

Fast start: the constructor builds only what the first paint needs (the Customer group,
the buttons, menus and the status bar); ``start`` builds the rest (``_build_rest``, the
one place the second stage happens) and then reads the key, in later event-loop turns
when ``Services.fast_start`` is on, so the phone field takes keys meanwhile.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from superfone_desk import APP_NAME
from superfone_desk.settings import Preset
from superfone_desk.ui.banner import Banner
from superfone_desk.ui.demo_mode import DemoMode
from superfone_desk.ui.form.lead_form import LeadForm
from superfone_desk.ui.help_menu import HelpMenu
from superfone_desk.ui.i18n import on_language_change
from superfone_desk.ui.plain_text import plain
from superfone_desk.ui.preferences import Preferences
from superfone_desk.ui.services import Services, ask_yes_no
from superfone_desk.ui.window_actions import WindowActions
from superfone_desk.ui.window_place import WindowPlacer
from superfone_desk.ui.workers import WorkerPool

# What the first paint does not need is imported by ``_build_rest``.
if TYPE_CHECKING:
    from superfone_desk.api.client import SuperfoneClient
    from superfone_desk.ui.settings_dialog import SettingsDialog

# Services lives in its own module; callers build it next to the window.
__all__ = ["MainWindow", "Services", "ask_yes_no"]

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Signals:
    saved(object): an OutboxEntry of this session reached Superfone.
    save_failed(object): an OutboxEntry of this session needs the user (refused, or paused
        on the API key), after the window showed why.
    client_changed(): a key was loaded or changed (None client: no key).
    built(): the parts the first paint did not need are built (the whole window).
    """

    saved = Signal(object)
    save_failed = Signal(object)
    client_changed = Signal()
    built = Signal()

    def __init__(self, services: Services, pool: WorkerPool | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle(APP_NAME)
        self._services = services
        self._pool = pool or WorkerPool(parent=self)
        self._started = False
        self._built = False
        self._shut_down = False
        self._stopped_cleanly = True
        self.preferences = Preferences(
            services.settings_store,
            services.settings,
            base_url_override=services.base_url_override,
            parent=self,
        )

        # The first paint: the Customer group with the phone field, the buttons, menus
        # and the status bar.
        self.form = LeadForm(self.preferences.region(), self)
        self.banner = Banner(self)
        self.demo = DemoMode(self, self._pool, services.start_demo, on=services.demo_at_start)
        self.demo_marker = self.demo.marker

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        # No mnemonics on the tabs: the form's labels use the letters (Pr&oducts).
        self.tabs.addTab(self.form, self.tr("Lead"))
        on_language_change(self, self._retranslate)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.tabs)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.demo_marker)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.delivery_status = QLabel(self)
        self.delivery_status.setObjectName("delivery_status")
        self.connection_status = QLabel(self)
        self.connection_status.setObjectName("connection_status")
        plain(self.delivery_status, self.connection_status)  # server words, account names
        self.statusBar().addPermanentWidget(self.delivery_status)
        self.statusBar().addPermanentWidget(self.connection_status)
        self.menu_actions = WindowActions(self, self.preferences)
        self.refresh_action = self.menu_actions.refresh
        self.menu_actions.preset_chosen.connect(self.apply_preset)
        self.menu_actions.save_preset_requested.connect(self.save_preset)
        self.help_menu = HelpMenu(self, self.menu_actions.help_menu)
        self.preferences.problem.connect(self.banner.say)
        self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)
        # Inside the screen, as left there: never 760x900 on a 768-pixel laptop (#13).
        self._placer = WindowPlacer(self, services.settings_store.path.parent, 760, 900)
        self._placer.place()

    def region(self) -> str:
        return self.preferences.region()

    @property
    def client(self) -> SuperfoneClient | None:
        return self.connection.client

    @property
    def pool(self) -> WorkerPool:
        return self._pool

    # ------------------------------------------------------------------ start

    def start(self) -> None:
        """Build the rest of the window, then read the key and connect.

        With ``Services.fast_start`` this returns at once and the steps follow one per
        event-loop turn, keys typed meanwhile handled between them. Otherwise the window
        is complete when this returns.
        """
        if self._started:
            return
        self._started = True
        self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)
        steps = [self.form.build_rest, self._build_rest, self._connect_at_start]
        if not self._services.fast_start:
            for step in steps:
                step()
            return

        def next_step() -> None:
            if self._shut_down:
                return  # closed before the rest was built: nothing more to build
            steps.pop(0)()
            if steps:
                QTimer.singleShot(0, next_step)

        QTimer.singleShot(0, next_step)

    def _build_rest(self) -> None:
        """The second stage: everything the first paint did not need, built and wired."""
        from superfone_desk.store.account import account_identity
        from superfone_desk.store.catalog_cache import CatalogCache
        from superfone_desk.ui.catalog_loader import CatalogLoader
        from superfone_desk.ui.connection import Connection
        from superfone_desk.ui.delivery_service import DeliveryService
        from superfone_desk.ui.delivery_status import DeliveryStatus
        from superfone_desk.ui.lead_finder import LeadFinder
        from superfone_desk.ui.outbox_view import OutboxView
        from superfone_desk.ui.paused_leads import PausedLeads
        from superfone_desk.ui.save_controller import SaveController
        from superfone_desk.ui.settings_flow import SettingsFlow
        from superfone_desk.ui.welcome import WelcomePage

        services, form, preferences, pool = self._services, self.form, self.preferences, self._pool
        self.outbox = outbox = services.open_outbox()
        catalog_cache = CatalogCache(outbox.db)
        #: Reads and edits of the outbox for the view and the status line: one at a time,
        #: in order, off the GUI thread (and never queued behind a slow catalog fetch).
        self._reader = reader = WorkerPool(max_threads=1, parent=self)
        self.connection = connection = Connection(
            pool,
            secret_store=services.secret_store,
            identify=partial(account_identity, outbox.db),
            demo=self.demo.on,
            parent=self,
        )
        self.delivery = delivery = DeliveryService(
            outbox, connection, senders=preferences.settings.import_senders, parent=self
        )
        self.outbox_view = OutboxView(
            outbox,
            reader,
            send_now=delivery.send_now,
            confirm=self._confirm,
            account=lambda: connection.account,
            parent=self,
        )
        self.tabs.addTab(self.outbox_view, self.tr("Outbox"))
        self.catalogs = CatalogLoader(form, pool, connection, cache=catalog_cache, parent=self)
        self.finder = LeadFinder(form, pool, connection, preferences.region, self)
        self.save_controller = save = SaveController(
            form,
            outbox=outbox,
            preferences=preferences,
            connection=connection,
            finder=self.finder,
            delivery=delivery,
            confirm=self._confirm,
            parent=self,
        )
        self.status = DeliveryStatus(
            self.delivery_status,
            outbox=outbox,
            reader=reader,
            delivery=delivery,
            connection=connection,
            tabs=self.tabs,
            outbox_tab=self.outbox_view,
            parent=self,
        )
        self._paused_leads = PausedLeads(
            outbox=outbox,
            reader=reader,
            connection=connection,
            delivery=delivery,
            confirm=self._confirm,
            parent=self,
        )
        self.settings_flow = SettingsFlow(
            self,
            pool=pool,
            preferences=preferences,
            connection=connection,
            form=form,
            team=save.team,
        )
        self.welcome = WelcomePage(self)
        self.pages.addWidget(self.welcome)

        connection.changed.connect(self._on_connection_changed)
        connection.status.connect(self.connection_status.setText)
        connection.connecting.connect(lambda: self.pages.setCurrentWidget(self.tabs))
        connection.no_key.connect(self._show_welcome)
        connection.problem.connect(self.banner.say)
        save.saved.connect(self.saved)
        save.save_failed.connect(self.save_failed)
        save.banner.connect(self.banner.say)
        save.banner_hidden.connect(self.banner.hide)
        save.settings_needed.connect(self.open_settings)
        save.form_wanted.connect(lambda: self.tabs.setCurrentWidget(form))
        save.outbox_changed.connect(self.status.schedule)
        self.catalogs.auth_failed.connect(self._on_catalogs_auth_failed)
        delivery.changed.connect(self.outbox_view.on_delivery_changed)
        delivery.storage_problem.connect(self.banner.say_storage_problem)
        self.outbox_view.open_requested.connect(save.open_entry)
        self.outbox_view.changed.connect(self.status.schedule)
        # Rows shown fresh: the status line counts again, so the two always agree.
        self.outbox_view.refreshed.connect(self.status.schedule)
        self.status.counted.connect(self.outbox_view.on_counted)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        form.save_requested.connect(self._on_form_save_requested)
        form.clear_requested.connect(save.clear)
        self.welcome.enter_key.connect(self.open_settings)
        self.welcome.try_demo.connect(self.demo.start)
        self.demo.status.connect(self.connection_status.setText)
        self.demo.failed.connect(self.banner.say)
        self.demo.entered.connect(connection.use_demo)
        self._wire_actions()
        from superfone_desk.ui.import_wizard.entry import ImportEntry, window_context

        context = window_context(self, services.settings_store.path.parent)
        self.importer = ImportEntry(self, self.menu_actions.import_file, context)
        self.importer.batch_queued.connect(lambda _batch: self.status.schedule())

        # Whatever was typed meanwhile (the phone field takes keys from the first paint)
        # stays, on top of the sticky defaults, and counts as unsaved.
        focused = self.focusWidget()
        typed = form.phone.text()
        form.clear_all(preferences.defaults)
        if typed:
            form.phone.setText(typed)
        if focused is not None and focused is not form.phone:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status.schedule()
        self._built = True
        self.built.emit()

    def _connect_at_start(self) -> None:
        for warm_up in self._services.warm_ups:
            self._pool.submit(warm_up, name="warm up")
        if self._services.demo_at_start:
            self.demo.start()
        else:
            self.connection.load_key(self.preferences.base_url())

    def _show_welcome(self) -> None:
        self.pages.setCurrentWidget(self.welcome)
        self.welcome.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_connection_changed(self) -> None:
        if self.connection.client is not None:
            if self.tabs.currentWidget() is self.form:
                self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)
            self.catalogs.load_all()
            self.finder.refresh()
            self.delivery.start()
            # Leads paused on a refused key get their chance with this one.
            self._paused_leads.on_connected()
        self.client_changed.emit()

    def _on_catalogs_auth_failed(self) -> None:
        self.open_settings(
            self.tr(
                "Superfone did not accept the API key, so the lists could not be loaded. "
                "Enter a valid key."
            )
        )

    def open_settings(self, message: str = "") -> SettingsDialog:
        """Open the settings dialog (non-blocking), or bring the open one up; returns it."""
        return self.settings_flow.open(message)

    # ------------------------------------------------------------------ menus, presets

    def _wire_actions(self) -> None:
        actions = self.menu_actions
        actions.settings.triggered.connect(lambda: self.open_settings())
        # Same account: the lists shown stay until the fresh copies arrive.
        actions.refresh.triggered.connect(lambda: self.catalogs.refresh())
        actions.show_form.triggered.connect(lambda: self.tabs.setCurrentWidget(self.form))
        actions.show_outbox.triggered.connect(
            lambda: self.tabs.setCurrentWidget(self.outbox_view)
        )
        actions.bind_form_shortcuts(self.form)
        actions.save_requested.connect(self._on_form_save_requested)
        actions.clear_requested.connect(self.save_controller.clear)
        actions.forget_kept.triggered.connect(self.save_controller.kept.forget)
        actions.kiosk.triggered.connect(self._on_kiosk_triggered)
        self.help_menu.set_sources(self._pool, self.outbox.counts, self.connection.key_where)

    def _on_kiosk_triggered(self) -> None:
        from superfone_desk.ui.kiosk.from_window import enter_kiosk  # off the start-up path

        enter_kiosk(self)

    def apply_preset(self, preset: Preset) -> None:
        self.form.apply_sticky(preset.defaults)
        self.statusBar().showMessage(
            self.tr("Preset “{name}” applied").format(name=preset.name), 4000
        )

    def save_preset(self, name: str) -> Preset:
        return self.preferences.save_preset(name, self.form.sticky())

    # ------------------------------------------------------------------ form and tabs

    def _on_form_save_requested(self, and_new: bool) -> None:
        # Only what the user sees can be saved (the shortcuts reach a hidden form too).
        if self.pages.currentWidget() is self.tabs and self.tabs.currentWidget() is self.form:
            self.save_controller.save(and_new)

    def _retranslate(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.form), self.tr("Lead"))

    def _on_tabs_current_changed(self, _index: int) -> None:
        # The Outbox tab reads its rows itself when shown.
        if self.tabs.currentWidget() is not self.outbox_view:
            self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ close

    def _confirm(self, title: str, text: str) -> bool:
        return (self._services.confirm or ask_yes_no)(self, title, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._built and not self._may_close():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def _may_close(self) -> bool:
        if (
            self.form.is_dirty()
            and self.pages.currentWidget() is self.tabs
            and not self._confirm(
                self.tr("Quit without saving?"), self.tr("This lead has not been saved. Quit?")
            )
        ):
            return False
        unsent = self.outbox.unsent_count()
        return not unsent or self._confirm(
            self.tr("Quit with leads waiting?"),
            self.tr(
                "%n saved lead(s) waiting to send, sent the next time you start {app}. "
                "Quit now?",
                "",
                unsent,
            ).format(app=APP_NAME),
        )

    def shutdown(self) -> bool:
        """End the requests in flight, stop delivery, wait (briefly) for the workers,
        close the clients. Once; the window calls it on close, the app when its loop
        ends. True when every worker finished (False: one is stuck, e.g. in the OS key
        store, and the app leaves without it)."""
        if self._shut_down:
            return self._stopped_cleanly
        self._shut_down = True
        stopped = True
        if self._built:
            # Closing or a logout ends the process within 2 s (issue #12.9): a request
            # in flight is aborted, an unknown outcome that delivery or the next start's
            # recovery handles like any broken connection (docs/outbox.md).
            self.connection.abort_requests()
            self.delivery.stop(timeout=0.8)
            stopped = self._reader.shutdown(timeout_ms=400)
        stopped = self._pool.shutdown(timeout_ms=400) and stopped
        if self._built:
            self.connection.close()
        self._stopped_cleanly = stopped
        return stopped
