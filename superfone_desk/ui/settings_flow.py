"""The Settings flow: open the dialog (one at a time), then apply what the user chose.

The choices go to their owners: country, base URL, presets and defaults to the
preferences, the key to the connection, the team members to the team picker; the form
follows the country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from superfone_desk.core.phones import default_region, region_name
from superfone_desk.ui import i18n
from superfone_desk.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from superfone_desk.ui.connection import Connection
    from superfone_desk.ui.form.lead_form import LeadForm
    from superfone_desk.ui.preferences import Preferences
    from superfone_desk.ui.team_picker import TeamPicker
    from superfone_desk.ui.workers import WorkerPool


class SettingsFlow(QObject):
    def __init__(
        self,
        dialog_parent: QWidget,
        *,
        pool: WorkerPool,
        preferences: Preferences,
        connection: Connection,
        form: LeadForm,
        team: TeamPicker,
    ) -> None:
        super().__init__(dialog_parent)
        self._team = team
        self._dialog_parent = dialog_parent
        self._pool = pool
        self._preferences = preferences
        self._connection = connection
        self._form = form

    def open(self, message: str = "") -> SettingsDialog:
        """Open the settings dialog (non-blocking), or bring the open one up; returns it."""
        # A closed dialog lingers until its deferred deletion: only an open one counts.
        existing = next(
            (
                d
                for d in self._dialog_parent.findChildren(SettingsDialog, "settings_dialog")
                if d.isVisible()
            ),
            None,
        )
        if existing is not None:
            if message:
                existing.show_message(message)
            existing.raise_()
            return existing
        settings = self._preferences.settings
        dialog = SettingsDialog(
            self._pool,
            has_key=self._connection.has_key,
            key_where=self._connection.key_where(),
            key_locked=self._connection.key_locked,
            # The URL in use, --base-url included, so Test connection tests that one.
            base_url=self._preferences.base_url(),
            default_country=settings.default_country,
            system_country=region_name(default_region(), i18n.current()),
            defaults=self._form.sticky(),
            presets=self._preferences.presets,
            language=settings.language,
            message=message,
            current_client=lambda: self._connection.client,
            team=self._team.admin_members(),
            region=self._preferences.region(),
            import_senders=settings.import_senders,
            parent=self._dialog_parent,
        )
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        # Closed dialogs go away, so "is one open?" is a findChild away.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_dialog_accepted(self, dialog: SettingsDialog) -> None:
        choice = dialog.choice()
        preferences = self._preferences
        # Left as shown: the saved URL stays (a --base-url of this run is not saved).
        unchanged = choice.base_url == preferences.base_url()
        preferences.update(
            base_url=preferences.settings.base_url if unchanged else choice.base_url,
            default_country=choice.default_country,
            presets=choice.presets,
            forget_defaults=choice.forget_defaults,
        )
        # Saved only: delivery reads it when the window starts (the dialog says so).
        preferences.set_import_senders(choice.import_senders)
        if choice.language != preferences.settings.language:
            preferences.set_language(choice.language)
            # Qt sends LanguageChange: what wraps its texts follows at once.
            i18n.install(choice.language)
        if choice.forget_defaults and not self._form.is_dirty():
            self._form.clear_all(preferences.defaults)
        self._form.set_region(preferences.region())
        if choice.team is not None:
            self._team.set_admin_members(choice.team)
        connection = self._connection
        if connection.demo:
            return
        if choice.remove_key:
            connection.forget_key()
        elif choice.api_key:
            connection.store_key(choice.api_key, preferences.base_url())
        else:
            connection.reconnect(preferences.base_url())
