"""What the main window is given to work with: the app builds it, tests pass their own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from superfone_desk.settings import Settings, SettingsStore

if TYPE_CHECKING:
    from superfone_desk.secrets import SecretStore
    from superfone_desk.store.outbox import Outbox


@dataclass(kw_only=True)
class Services:
    """What the window works with; the app builds them, tests pass their own."""

    settings_store: SettingsStore
    settings: Settings
    #: Opens the outbox (SQLite in the data folder), after the first paint. Its opener
    #: closes it.
    open_outbox: Callable[[], Outbox]
    #: Builds the key store, in a worker (importing keyring and asking D-Bus is slow).
    #: None: there is no key store (the demo).
    secret_store: Callable[[], SecretStore] | None = None
    #: --base-url: overrides the settings for this run only.
    base_url_override: str | None = None
    #: Starts the demo sandbox (in a worker); returns (key, base_url).
    start_demo: Callable[[], tuple[str, str]] | None = None
    #: --demo: start the demo once the window is on screen.
    demo_at_start: bool = False
    #: Asks the user a yes/no question (title, text); None: ``ask_yes_no``. Tests
    #: answer without a dialog.
    confirm: Callable[[QWidget, str, str], bool] | None = None
    #: Extra start-up work for after the first paint (e.g. warming phone metadata).
    warm_ups: list[Callable[[], object]] = field(default_factory=list)
    #: The app's start: ``start()`` returns at once, and the rest of the window, the key
    #: and the warm-ups follow in the next event-loop turns. Off (tests, benchmarks):
    #: ``start()`` completes the window first.
    fast_start: bool = False


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """The window's yes/no question as a dialog; No is the default answer."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    # The question can name a lead or quote a server: text, never markup (#12.13).
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
