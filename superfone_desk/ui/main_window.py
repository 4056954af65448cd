"""The main window: the lead form, the welcome page, menus, shortcuts and the save flow.

It wires the services it is given (settings, the key store, a client factory, the
worker pool) to the form. All network and keyring work goes through the pool; the
GUI thread only decides what to show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from superfone_desk import APP_NAME, __version__
from superfone_desk.core.phones import default_region, display_phone, region_name
from superfone_desk.secrets import KeySource, SecretStore, StoredKey
from superfone_desk.settings import Preset, Settings, SettingsStore, StickyDefaults
from superfone_desk.ui.form.lead_form import CREATE_FIELD, LeadForm
from superfone_desk.ui.workers import WorkerPool, user_message

# What the first paint does not need is imported when the rest of the window is built
# (``MainWindow._finish_building``), after the window is on screen.
if TYPE_CHECKING:
    from superfone_desk.api.client import SuperfoneClient
    from superfone_desk.core.draft import LeadDraft
    from superfone_desk.store.catalog_cache import CatalogCache
    from superfone_desk.store.outbox import Outbox, OutboxEntry
    from superfone_desk.ui.catalog_loader import CatalogLoader
    from superfone_desk.ui.delivery_service import DeliveryService
    from superfone_desk.ui.lookup import LookupController
    from superfone_desk.ui.outbox_view import OutboxView
    from superfone_desk.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)


@dataclass
class Services:
    """What the window works with; the app builds them, tests pass their own."""

    settings_store: SettingsStore
    settings: Settings
    #: Built lazily in a worker: importing keyring and asking D-Bus is slow.
    secret_store: Callable[[], SecretStore] | None
    #: Every save goes here first (SQLite in the data folder). None: ``open_outbox``
    #: opens it when the window first needs it (after the first paint).
    outbox: Outbox | None
    #: Set in demo mode: a fixed key and base URL for the in-process sandbox.
    demo_key: str | None = None
    demo_base_url: str | None = None
    #: --base-url: overrides the settings for this run only.
    base_url_override: str | None = None
    #: Start ``--demo`` from the welcome page; returns (key, base_url).
    start_demo: Callable[[], tuple[str, str]] | None = None
    #: Asks the user a yes/no question (title, text). Tests answer without a dialog.
    confirm: Callable[[QWidget, str, str], bool] | None = None
    #: --demo: start the sandbox (``start_demo``) once the window is on screen.
    demo_at_start: bool = False
    #: Extra start-up work for after the first paint (e.g. warming phone metadata).
    warm_ups: list[Callable[[], object]] = field(default_factory=list)
    #: The app's start: ``start()`` returns at once, and the rest of the window, the key
    #: and the warm-ups follow in the next event-loop turns (the phone field takes keys
    #: meanwhile). Off (tests, benchmarks): ``start()`` completes the window first.
    fast_start: bool = False
    #: Opens the outbox when ``outbox`` is None.
    open_outbox: Callable[[], Outbox] | None = None


def make_client(key: str, base_url: str) -> SuperfoneClient:
    # Imported here: httpx is not on the path to the first window.
    from superfone_desk.api.client import SuperfoneClient

    return SuperfoneClient(key, base_url)


def _field_value(draft: LeadDraft, field: str) -> object:
    """The draft's value behind a form field, to notice when the user changed it."""
    from superfone_desk.core.validation import DRAFT_ATTRIBUTE

    if field == CREATE_FIELD:
        return draft.create_if_missing
    attr = DRAFT_ATTRIBUTE.get(field)
    return getattr(draft, attr) if attr else None


def _sqlite_error() -> type[Exception]:
    # sqlite3 is not on the path to the first window; it is loaded by the outbox anyway.
    import sqlite3

    return sqlite3.Error


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class WelcomePage(QWidget):
    """Signals: enter_key(), try_demo()."""

    enter_key = Signal()
    try_demo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(f"<h2>Welcome to {APP_NAME}</h2>", self)
        text = QLabel(
            "Enter leads into your Superfone CRM account, fast, from the keyboard.\n"
            "To connect, you need the account's API key (ask Superfone or your admin).",
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setMinimumWidth(420)
        self.key_button = QPushButton("Enter API key…", self)
        self.key_button.setObjectName("welcome_enter_key")
        self.demo_button = QPushButton("Try the demo", self)
        self.demo_button.setObjectName("welcome_try_demo")
        self.demo_button.setToolTip("A built-in practice account; nothing is sent to Superfone")
        self.key_button.clicked.connect(self.enter_key)
        self.demo_button.clicked.connect(self.try_demo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.key_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.setFocusProxy(self.key_button)


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
        self._settings = services.settings
        self._pool = pool or WorkerPool(parent=self)
        self._client: SuperfoneClient | None = None
        self._client_generation = 0
        self._retired_clients: list[SuperfoneClient] = []
        self._key: StoredKey = StoredKey(None, KeySource.NONE)
        self._store: SecretStore | None = None
        self._demo = services.demo_key is not None or services.demo_at_start
        self._outbox = services.outbox
        #: Entries saved in this window whose outcome it still reports.
        self._session_entries: set[int] = set()
        #: The entry whose outcome the result line shows (the latest save).
        self._latest_entry: int | None = None
        #: A plain Save keeps the buttons busy until this entry has an outcome.
        self._busy_entry: int | None = None
        #: Saving replaces this entry (a refused lead opened back in the form).
        self._editing_entry: int | None = None

        self._built = False
        self._started = False

        # What the first paint needs: the Customer group with the phone field, the
        # buttons, menus and status bar. The rest: ``_finish_building``.
        self.form = LeadForm(self.region(), self, complete=False)
        self._welcome: WelcomePage | None = None
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setProperty("role", "banner")
        self.banner.hide()
        self.demo_marker = QLabel("Demo — nothing is sent to Superfone", self)
        self.demo_marker.setObjectName("demo_marker")
        self.demo_marker.setProperty("role", "demo")
        self.demo_marker.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_marker.setVisible(self._demo)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        # No mnemonics on the tabs: the form's labels use the letters (Pr&oducts).
        self.tabs.addTab(self.form, "Lead")
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
        self.connection = QLabel(self)
        self.connection.setObjectName("connection_status")
        self.statusBar().addPermanentWidget(self.delivery_status)
        self.statusBar().addPermanentWidget(self.connection)

        #: Which account the catalog cache files lists under (never the key itself).
        self._identity: str | None = None
        self._checked: set[str] = set()
        self._server_errors: dict[str, tuple[str, object]] = {}
        self._build_menus()
        self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(760, 900)

    # ------------------------------------------------------------------ services

    def region(self) -> str:
        return self._settings.default_country or default_region()

    @property
    def client(self) -> SuperfoneClient | None:
        return self._client

    @property
    def pool(self) -> WorkerPool:
        return self._pool

    def base_url(self) -> str:
        return self._services.base_url_override or self._settings.base_url

    # ------------------------------------------------------------------ building

    @property
    def outbox(self) -> Outbox:
        if self._outbox is None:
            if self._services.open_outbox is None:
                raise RuntimeError("Services need an outbox or open_outbox")
            self._outbox = self._services.open_outbox()
        return self._outbox

    @property
    def outbox_opened(self) -> Outbox | None:
        """The outbox if it has been opened (``outbox`` opens it)."""
        return self._outbox

    @property
    def welcome(self) -> WelcomePage:
        if self._welcome is None:
            self._welcome = WelcomePage(self)
            self._welcome.enter_key.connect(self.open_settings)
            self._welcome.try_demo.connect(self._on_welcome_try_demo)
            self.pages.addWidget(self._welcome)
        return self._welcome

    @property
    def delivery(self) -> DeliveryService:
        self._finish_building()
        return self._delivery

    @property
    def outbox_view(self) -> OutboxView:
        self._finish_building()
        return self._outbox_view

    @property
    def catalogs(self) -> CatalogLoader:
        self._finish_building()
        return self._catalogs

    @property
    def lookup(self) -> LookupController:
        self._finish_building()
        return self._lookup

    def _finish_building(self) -> None:
        """Everything the first paint did not need (once; later calls do nothing)."""
        if self._built:
            return
        self._built = True
        from superfone_desk.store.catalog_cache import CatalogCache
        from superfone_desk.ui.catalog_loader import CatalogLoader
        from superfone_desk.ui.delivery_service import DeliveryService
        from superfone_desk.ui.lookup import LookupController
        from superfone_desk.ui.outbox_view import OutboxView

        self.form.finish_building()
        self._delivery = DeliveryService(
            self.outbox, lambda: self._client, account=lambda: self._identity, parent=self
        )
        self._outbox_view = OutboxView(
            self.outbox,
            send_now=self._delivery.send_now,
            confirm=self._confirm,
            account=lambda: self._identity,
            parent=self,
        )
        self.tabs.addTab(self._outbox_view, "Outbox")
        self._catalog_cache: CatalogCache = CatalogCache(self.outbox.db)
        self._catalogs = CatalogLoader(
            self.form,
            self._pool,
            lambda: self._client,
            cache=self._catalog_cache,
            identity=self._catalog_identity,
            parent=self,
        )
        self._lookup = LookupController(
            self.form, self._pool, lambda: self._client, self.region, self
        )
        self._build_shortcuts()

        # A draining backlog reports every entry; the status line follows at most 4×/s.
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(250)
        self._status_timer.timeout.connect(self._update_delivery_status)

        self._catalogs.auth_failed.connect(self._on_catalogs_auth_failed)
        self._delivery.entry_changed.connect(self._on_delivery_entry_changed)
        self._outbox_view.open_requested.connect(self._on_outbox_open_requested)
        self._outbox_view.changed.connect(self._update_delivery_status)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.form.save_requested.connect(self._on_form_save_requested)
        self.form.clear_requested.connect(self._on_form_clear_requested)
        self.form.field_left.connect(self._on_form_field_left)

        # Whatever was typed meanwhile (the phone field takes keys from the first paint)
        # stays, on top of the sticky defaults, and counts as unsaved.
        focused = self.focusWidget()
        typed = self.form.phone.text()
        self.form.clear_all(self._settings.defaults)
        if typed:
            self.form.phone.setText(typed)
        if focused is not None and focused is not self.form.phone:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_delivery_status()
        self.built.emit()

    def start(self) -> None:
        """Show the form at once; connect when the key arrives from the keyring.

        With ``Services.fast_start`` this returns at once: the rest of the window is built
        and the key read in the next event-loop turns, the phone field taking keys from
        the first one. Otherwise the window is complete when this returns.
        """
        if self._started:
            return
        self._started = True
        self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self._services.fast_start:
            self._finish_building()
            self._connect_at_start()
            return
        # One step a turn, so keys typed meanwhile are handled between them.
        steps = [self.form.finish_building, self._finish_building, self._connect_at_start]

        def next_step() -> None:
            steps.pop(0)()
            if steps:
                QTimer.singleShot(0, next_step)

        QTimer.singleShot(0, next_step)

    def _connect_at_start(self) -> None:
        for warm_up in self._services.warm_ups:
            self._pool.submit(warm_up, name="warm up")
        if self._services.demo_key is not None and self._services.demo_base_url is not None:
            self._enter_demo(self._services.demo_key, self._services.demo_base_url)
            return
        if self._services.demo_at_start and self._services.start_demo is not None:
            self._start_demo_backend()
            return
        factory = self._services.secret_store
        if factory is None:
            self._show_welcome()
            return
        self.connection.setText("Reading the API key…")

        def load() -> tuple[SecretStore, StoredKey]:
            store = factory()
            return store, store.load()

        self._pool.submit(
            load, on_result=self._on_key_loaded, on_error=self._on_key_failed, name="read key"
        )

    def _on_key_loaded(self, result: tuple[SecretStore, StoredKey]) -> None:
        self._store, self._key = result
        if self._key.key:
            self._connect(self._key.key, self.base_url())
        else:
            self._show_welcome()

    def _on_key_failed(self, exc: BaseException) -> None:
        self._show_banner(f"Could not read the saved API key: {user_message(exc)}")
        self._show_welcome()

    def _show_welcome(self) -> None:
        self.connection.setText("Not connected")
        self.pages.setCurrentWidget(self.welcome)
        self.welcome.setFocus(Qt.FocusReason.OtherFocusReason)

    def _connect(self, key: str, base_url: str) -> None:
        """Use ``key`` from now on; the client is built in the pool (httpx is slow to load)."""
        self._finish_building()
        self._client_generation += 1
        generation = self._client_generation
        # From now on nothing may go out with the old key: delivery and lookups wait
        # (no client) until the new one is built.
        self._retire_client()
        self.pages.setCurrentWidget(self.tabs)
        self.connection.setText("Connecting…")
        cache = self._catalog_cache

        def build() -> tuple[SuperfoneClient, str]:
            return make_client(key, base_url), cache.api_identity(base_url, key)

        self._pool.submit(
            build,
            on_result=lambda built: self._on_client_built(generation, base_url, *built),
            on_error=self._on_client_failed,
            name="build client",
        )

    def _on_client_built(
        self, generation: int, base_url: str, client: SuperfoneClient, identity: str
    ) -> None:
        if generation != self._client_generation:
            client.close()  # a newer key or URL won meanwhile
            return
        self._retire_client()
        self._client = client
        self._identity = identity
        host = "the demo sandbox" if self._demo else base_url
        self.connection.setText(f"Connected to {host}")
        if self.tabs.currentWidget() is self.form:
            self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)
        self.catalogs.load_all()
        self.lookup.refresh()
        self.delivery.start()
        # Leads paused on a refused key get their chance with this one.
        self.delivery.resume_after_auth()
        self.client_changed.emit()

    def _on_client_failed(self, exc: BaseException) -> None:
        self._client = None
        self._show_banner(f"Cannot use the base URL: {user_message(exc)}")
        self._show_welcome()

    def _catalog_identity(self) -> str | None:
        return self._identity

    def _enter_demo(self, key: str, base_url: str) -> None:
        self._demo = True
        self.demo_marker.show()
        # Qt appends the application's display name: this reads "Demo — Superfone Desk".
        self.setWindowTitle("Demo")
        self._connect(key, base_url)

    def _start_demo_backend(self) -> None:
        start_demo = self._services.start_demo
        if start_demo is None:
            return
        self.connection.setText("Starting the demo…")
        self._pool.submit(
            start_demo,
            on_result=lambda key_url: self._enter_demo(*key_url),
            on_error=lambda e: self._show_banner(f"The demo did not start: {user_message(e)}"),
            name="start demo",
        )

    def _on_welcome_try_demo(self) -> None:
        self._start_demo_backend()

    # ------------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.settings_action = QAction("&Settings…", self)
        self.settings_action.setObjectName("action_settings")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(lambda: self.open_settings())
        self.refresh_action = QAction("&Refresh lists", self)
        self.refresh_action.setObjectName("action_refresh")
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        # Same account: the lists shown stay until the fresh copies arrive.
        self.refresh_action.triggered.connect(lambda: self.catalogs.refresh())
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addActions([self.settings_action, self.refresh_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu("&View")
        self.show_form_action = QAction("&Lead form", self)
        self.show_form_action.setObjectName("action_show_form")
        self.show_form_action.setShortcut(QKeySequence("Ctrl+L"))
        self.show_form_action.triggered.connect(lambda: self.tabs.setCurrentWidget(self.form))
        self.show_outbox_action = QAction("&Outbox and history", self)
        self.show_outbox_action.setObjectName("action_show_outbox")
        self.show_outbox_action.setShortcut(QKeySequence("Ctrl+O"))
        self.show_outbox_action.triggered.connect(
            lambda: self.tabs.setCurrentWidget(self.outbox_view)
        )
        view_menu.addActions([self.show_form_action, self.show_outbox_action])

        self.presets_menu = self.menuBar().addMenu("&Presets")
        self._rebuild_presets_menu()

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def _rebuild_presets_menu(self) -> None:
        self.presets_menu.clear()
        save_preset = QAction("&Save current defaults as preset…", self)
        save_preset.setObjectName("action_save_preset")
        save_preset.triggered.connect(self._on_save_preset_triggered)
        self.presets_menu.addAction(save_preset)
        if self._settings.presets:
            self.presets_menu.addSeparator()
        for number, preset in enumerate(self._settings.presets[:9], start=1):
            action = QAction(preset.name, self)
            action.setObjectName(f"action_preset_{number}")
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, p=preset: self.apply_preset(p))
            self.presets_menu.addAction(action)

    def _build_shortcuts(self) -> None:
        # Return is the main key, Enter the keypad one (it carries KeypadModifier).
        keypad = Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        bindings = [
            (QKeySequence(ctrl | Qt.Key.Key_Return), False),
            (QKeySequence(ctrl | keypad | Qt.Key.Key_Enter), False),
            (QKeySequence(ctrl | shift | Qt.Key.Key_Return), True),
            (QKeySequence(ctrl | shift | keypad | Qt.Key.Key_Enter), True),
        ]
        for sequence, and_new in bindings:
            shortcut = QShortcut(sequence, self.form)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=and_new: self._on_form_save_requested(n))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.form)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._on_form_clear_requested)

    # ------------------------------------------------------------------ presets

    def apply_preset(self, preset: Preset) -> None:
        self.form.apply_sticky(preset.defaults)
        self.statusBar().showMessage(f"Preset “{preset.name}” applied", 4000)

    def _on_save_preset_triggered(self) -> None:
        name, ok = QInputDialog.getText(self, "Save preset", "Name (e.g. Walk-in counter):")
        if ok and name.strip():
            self.save_preset(name.strip())

    def save_preset(self, name: str) -> Preset:
        preset = Preset(name, self.form.sticky())
        presets = [p for p in self._settings.presets if p.name != name] + [preset]
        self._settings.presets = presets
        self._persist_settings()
        self._rebuild_presets_menu()
        return preset

    def _persist_settings(self) -> None:
        try:
            self._services.settings_store.save(self._settings)
        except OSError as exc:
            self._show_banner(f"Could not save settings: {exc.strerror or exc}")

    # ------------------------------------------------------------------ settings

    def open_settings(self, message: str = "") -> SettingsDialog:
        """Open the settings dialog (non-blocking), or bring the open one up; returns it."""
        from superfone_desk.ui.settings_dialog import SettingsDialog

        # A closed dialog lingers until its deferred deletion: only an open one counts.
        existing = next(
            (d for d in self.findChildren(SettingsDialog, "settings_dialog") if d.isVisible()),
            None,
        )
        if existing is not None:
            if message:
                existing.show_message(message)
            existing.raise_()
            return existing
        store = self._store
        key_locked = self._key.source is KeySource.ENVIRONMENT or self._demo
        if self._demo:
            where = "Demo mode: the built-in sandbox needs no key."
        elif store is not None:
            where = store.where(self._key.source)
        else:
            where = "The key is stored in your system keyring when there is one."
        dialog = SettingsDialog(
            self._pool,
            has_key=bool(self._key.key),
            key_where=where,
            key_locked=key_locked,
            base_url=self._settings.base_url,
            default_country=self._settings.default_country,
            system_country=region_name(default_region()),
            defaults=self.form.sticky(),
            presets=list(self._settings.presets),
            message=message,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._on_settings_accepted(dialog))
        # Closed dialogs go away, so "is one open?" is a findChild away.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_settings_accepted(self, dialog: SettingsDialog) -> None:
        choice = dialog.choice()
        self._settings.base_url = choice.base_url
        self._settings.default_country = choice.default_country
        if choice.presets != self._settings.presets:
            self._settings.presets = choice.presets
            self._rebuild_presets_menu()
        if choice.forget_defaults:
            self._settings.defaults = StickyDefaults()
            if not self.form.is_dirty():
                self.form.clear_all(self._settings.defaults)
        self._persist_settings()
        self.form.set_region(self.region())
        if self._demo:
            return
        if choice.remove_key:
            self._forget_key()
        elif choice.api_key:
            self._store_key(choice.api_key)
        elif self._key.key:
            self._connect(self._key.key, self.base_url())

    def _on_catalogs_auth_failed(self) -> None:
        self.open_settings(
            "Superfone did not accept the API key, so the lists could not be loaded. "
            "Enter a valid key."
        )

    def _store_key(self, key: str) -> None:
        factory = self._services.secret_store
        self._connect(key, self.base_url())

        def store() -> tuple[SecretStore, KeySource]:
            secret_store = self._store or (factory() if factory else SecretStore())
            return secret_store, secret_store.save(key)

        def stored(result: tuple[SecretStore, KeySource]) -> None:
            self._store, source = result
            self._key = StoredKey(key, source)
            if source is KeySource.SESSION:
                self._show_banner(
                    "No system keyring was found: the API key is kept for this session only "
                    "and must be entered again next time."
                )

        self._pool.submit(
            store,
            on_result=stored,
            on_error=lambda e: self._show_banner(user_message(e)),
            name="store key",
        )

    def _forget_key(self) -> None:
        store = self._store
        self._key = StoredKey(None, KeySource.NONE)
        self._retire_client()
        self.client_changed.emit()
        self._show_welcome()
        if store is not None:
            self._pool.submit(store.delete, name="delete key")

    # ------------------------------------------------------------------ validation

    def _errors_for(self, draft: LeadDraft) -> dict[str, str]:
        from superfone_desk.core.validation import FORM_FIELD_ORDER, validate

        errors = validate(draft, self.region())
        errors.update(self.form.picker_problems())
        order = {name: i for i, name in enumerate(FORM_FIELD_ORDER)}
        return dict(sorted(errors.items(), key=lambda kv: order.get(kv[0], len(order))))

    def _on_form_field_left(self, name: str) -> None:
        # Live checking starts once the user has left a field, never while typing it.
        self._checked.add(name)
        draft = self.form.draft()
        errors = {n: m for n, m in self._errors_for(draft).items() if n in self._checked}
        # A server's complaint stays until the user changes that field.
        for name, (message, value) in list(self._server_errors.items()):
            if _field_value(draft, name) == value:
                errors.setdefault(name, message)
            else:
                del self._server_errors[name]
        self.form.show_errors(errors, focus_first=False)

    def _show_server_error(self, field: str, message: str) -> None:
        self._server_errors = {field: (message, _field_value(self.form.draft(), field))}
        self.form.show_errors({field: message}, focus_first=True)

    # ------------------------------------------------------------------ saving

    def _on_form_save_requested(self, and_new: bool) -> None:
        from superfone_desk.core.validation import FORM_FIELD_ORDER
        from superfone_desk.store.outbox import OutboxError

        if self._busy_entry is not None or self.tabs.currentWidget() is not self.form:
            return
        if self.pages.currentWidget() is not self.tabs:
            return
        draft = self.form.draft()
        errors = self._errors_for(draft)
        self._checked.update(FORM_FIELD_ORDER)
        if errors:
            self.form.show_errors(errors, focus_first=True)
            count = len(errors)
            self.form.show_result(
                f"Not saved: {count} field{'s' if count > 1 else ''} need attention.", ok=False
            )
            return
        self.form.clear_errors()
        self._server_errors.clear()
        region = self.region()
        lookup = self.lookup.current
        known_exists = None if lookup is None else lookup.lead is not None
        known_primary = lookup.lead.primary_phone if lookup and lookup.lead else None
        # Into the outbox (fsynced) before any network I/O: from here the lead is safe.
        try:
            if self._editing_entry is not None:
                entry_id = self.outbox.replace(
                    self._editing_entry,
                    draft,
                    region,
                    known_primary=known_primary,
                    known_exists=known_exists,
                    account=self._identity,
                ).id
            else:
                entry_id = self.outbox.add(
                    draft,
                    region,
                    known_primary=known_primary,
                    known_exists=known_exists,
                    account=self._identity,
                )
        except (OutboxError, ValueError, OSError, _sqlite_error()) as exc:
            self.form.show_result("Not saved.", ok=False)
            self._show_banner(f"Could not keep the lead on this computer: {exc}")
            return
        self._editing_entry = None
        self._session_entries.add(entry_id)
        self._latest_entry = entry_id
        self.delivery.nudge()
        self._hide_banner()
        self._remember_sticky()
        summary = self.outbox.get(entry_id)
        waiting = f"Saved {summary.summary if summary else ''}: sending…"
        if self._client is None:
            waiting = "Saved on this computer: it is sent once an API key is set."
        if and_new:
            self.form.start_next()
            self._checked.clear()
            self.form.show_result(waiting, ok=True)
        else:
            self._busy_entry = entry_id
            self.form.set_busy(True)
            self.form.show_result(waiting, ok=True)
            self.form.mark_clean()
        self._schedule_status_update()

    def _remember_sticky(self) -> None:
        sticky = self.form.sticky()
        if sticky != self._settings.defaults:
            self._settings.defaults = sticky
            self._persist_settings()

    def _finish_busy(self, entry_id: int) -> None:
        if self._busy_entry == entry_id:
            self._busy_entry = None
            self.form.set_busy(False)

    def _on_delivery_entry_changed(self, entry_id: int, state_name: str) -> None:
        from superfone_desk.store.outbox import EntryState

        self._schedule_status_update()
        state = EntryState(state_name)
        if entry_id not in self._session_entries or state is EntryState.SENDING:
            return
        entry = self.outbox.get(entry_id)
        if entry is None:
            return
        if state is EntryState.SENT:
            self._on_entry_sent(entry)
        elif state is EntryState.NEEDS_ATTENTION:
            self._on_entry_refused(entry)
        elif state is EntryState.PAUSED:
            self._on_entry_paused(entry)
        elif state is EntryState.QUEUED and entry.last_error:
            self._on_entry_retrying(entry)

    def _on_entry_sent(self, entry: OutboxEntry) -> None:
        from superfone_desk.ui.outbox_view import NOTE_QUESTION

        self._session_entries.discard(entry.id)
        if entry.id == self._latest_entry:
            self.form.show_result(entry.result_message, ok=True)
            self._hide_banner()
        if entry.id == self._busy_entry:
            self._finish_busy(entry.id)
            self.lookup.refresh()
        if entry.asks_about_note:
            self._show_banner(f"{entry.name or display_phone(entry.phone)}: {NOTE_QUESTION} "
                              "See the Outbox tab.")
        self.saved.emit(entry)

    def _shows_entry(self, entry: OutboxEntry) -> bool:
        """Whether the form still holds what this entry saved (its errors belong there)."""
        return entry.id == self._busy_entry or (
            entry.id == self._latest_entry and self.form.draft() == entry.draft
        )

    def _on_entry_refused(self, entry: OutboxEntry) -> None:
        self._session_entries.discard(entry.id)
        message = entry.last_error or "Superfone refused the lead."
        if self._shows_entry(entry):
            self._finish_busy(entry.id)
            self._editing_entry = entry.id
            if entry.error_field:
                self._show_server_error(entry.error_field, message)
            else:
                self._show_banner(message)
            self.form.show_result("Not saved: Superfone refused a field.", ok=False)
        else:
            who = entry.name or display_phone(entry.phone)
            self._show_banner(f"A saved lead needs attention ({who}): {message} "
                              "Open it from the Outbox tab.")
        self.save_failed.emit(entry)

    def _on_entry_paused(self, entry: OutboxEntry) -> None:
        self._finish_busy(entry.id)
        if entry.id == self._latest_entry:
            self.form.show_result("Waiting: the API key was not accepted.", ok=False)
        self.open_settings(
            "Superfone did not accept the API key. Enter a valid key: saved leads wait in "
            "the outbox and are sent as soon as it works."
        )
        self.save_failed.emit(entry)

    def _on_entry_retrying(self, entry: OutboxEntry) -> None:
        self._finish_busy(entry.id)
        if entry.id == self._latest_entry:
            self.form.show_result("Saved on this computer; sending when Superfone answers.",
                                  ok=True)
        self._show_banner(
            f"{entry.last_error} Saved leads are kept on this computer and sent automatically."
        )

    def _on_outbox_open_requested(self, entry_id: int) -> None:
        from superfone_desk.store.outbox import EntryState

        entry = self.outbox.get(entry_id)
        if entry is None:
            return
        if self.form.is_dirty() and not self._confirm(
            "Replace the form?", "Open the saved lead in the form, replacing what is typed?"
        ):
            return
        self.form.set_draft(entry.draft)
        self.form.mark_clean()
        self._editing_entry = entry.id
        self._latest_entry = entry.id
        self.tabs.setCurrentWidget(self.form)
        self.form.show_result(
            "Fix the lead and save: it replaces the one in the outbox.", ok=False
        )
        if entry.error_field and entry.last_error:
            self._show_server_error(entry.error_field, entry.last_error)
        elif entry.state is EntryState.PAUSED:
            self.open_settings("Superfone did not accept the API key. Enter a valid key.")

    def _schedule_status_update(self) -> None:
        if not self._status_timer.isActive():
            self._status_timer.start()

    def _update_delivery_status(self) -> None:
        from superfone_desk.store.outbox import EntryState

        counts = self.outbox.counts()
        waiting = counts[EntryState.QUEUED] + counts[EntryState.SENDING]
        attention = counts[EntryState.NEEDS_ATTENTION] + counts[EntryState.PAUSED]
        parts = []
        if waiting:
            parts.append(f"{waiting} waiting to send")
        if attention:
            parts.append(f"{attention} need{'s' if attention == 1 else ''} attention")
        if self.delivery.offline_until is not None and waiting:
            parts.insert(0, "Offline")
        if self._client is None and waiting:
            parts.insert(0, "No API key")
        self.delivery_status.setText(" — ".join(parts) if parts else "All sent")
        label = f"Outbox ({attention})" if attention else "Outbox"
        self.tabs.setTabText(self.tabs.indexOf(self.outbox_view), label)
        if self.tabs.currentWidget() is self.outbox_view:
            self.outbox_view.schedule_refresh()

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.outbox_view:
            self.outbox_view.refresh()
        else:
            self.form.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_form_clear_requested(self) -> None:
        if self._busy_entry is not None:
            return
        if self.form.is_dirty() and not self._confirm(
            "Clear the form?", "Clear what you typed for this lead? The defaults stay."
        ):
            return
        self.form.clear_all(self.form.sticky())
        self._editing_entry = None
        self._checked.clear()

    # ------------------------------------------------------------------ banner, about, close

    def _confirm(self, title: str, text: str) -> bool:
        return (self._services.confirm or ask_yes_no)(self, title, text)

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def _hide_banner(self) -> None:
        self.banner.hide()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Enter leads into Superfone CRM from the desktop.</p>"
            "<p>License: MIT</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self.form.is_dirty()
            and self.pages.currentWidget() is self.tabs
            and not self._confirm("Quit without saving?", "This lead has not been saved. Quit?")
        ):
            event.ignore()
            return
        unsent = self.outbox.unsent_count()
        if unsent and not self._confirm(
            "Quit with leads waiting?",
            f"{unsent} saved lead{'s are' if unsent > 1 else ' is'} waiting to send. "
            f"{'They' if unsent > 1 else 'It'} will be sent the next time you start "
            f"{APP_NAME}. Quit now?",
        ):
            event.ignore()
            return
        if self._built:
            self._delivery.stop()
        self._pool.shutdown()
        self._retire_client()
        for client in self._retired_clients:
            client.close()
        self._retired_clients.clear()
        event.accept()

    def _retire_client(self) -> None:
        """Stop handing out the current client without closing it under a request.

        The delivery thread or a lookup may be mid-request with it; closing it there
        would fail that request. Retired clients close when the window does (a key
        changes a handful of times in a session at most).
        """
        if self._client is not None:
            self._retired_clients.append(self._client)
            self._client = None
