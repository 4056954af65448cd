"""The one owner of the settings and the sticky defaults: reads them, changes them, saves them.

Everything the user chooses that outlives the session (country, base URL, the sticky
defaults carried from one lead to the next, presets) goes through here and is written to
the small settings file at once (the key never: ``secrets.py`` keeps it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from superfone_desk.core.phones import default_region
from superfone_desk.settings import (
    KioskSettings,
    Preset,
    Settings,
    SettingsStore,
    StickyDefaults,
)

if TYPE_CHECKING:
    from pathlib import Path


class Preferences(QObject):
    """Signals:
    presets_changed(): the list of presets changed (the Presets menu follows it).
    problem(str): the settings file could not be written (the message to show).
    """

    presets_changed = Signal()
    problem = Signal(str)

    def __init__(
        self,
        store: SettingsStore,
        settings: Settings,
        *,
        base_url_override: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._base_url_override = base_url_override

    @property
    def folder(self) -> Path:
        """Where the settings file is (small per-account files go beside it)."""
        return self._store.path.parent

    def region(self) -> str:
        """How phone numbers without a country code are read."""
        return self._settings.default_country or default_region()

    def base_url(self) -> str:
        """The server: ``--base-url`` for this run, else the settings'."""
        return self._base_url_override or self._settings.base_url

    @property
    def settings(self) -> Settings:
        """Read only: change them through the methods below, which save them."""
        return self._settings

    @property
    def defaults(self) -> StickyDefaults:
        return self._settings.defaults

    @property
    def presets(self) -> list[Preset]:
        return list(self._settings.presets)

    def remember_sticky(self, sticky: StickyDefaults) -> None:
        """What a save carries to the next lead (saved only when it changed)."""
        if sticky != self._settings.defaults:
            self._settings.defaults = sticky
            self._persist()

    def save_preset(self, name: str, defaults: StickyDefaults) -> Preset:
        """Add a preset (replacing the one of the same name)."""
        preset = Preset(name, defaults)
        self._settings.presets = [p for p in self._settings.presets if p.name != name]
        self._settings.presets.append(preset)
        self._persist()
        self.presets_changed.emit()
        return preset

    def update(
        self,
        *,
        base_url: str,
        default_country: str,
        presets: list[Preset],
        forget_defaults: bool,
    ) -> None:
        """Take what the Settings dialog chose, and save it."""
        self._settings.base_url = base_url
        self._settings.default_country = default_country
        presets_changed = presets != self._settings.presets
        self._settings.presets = presets
        if forget_defaults:
            self._settings.defaults = StickyDefaults()
        self._persist()
        if presets_changed:
            self.presets_changed.emit()

    def set_language(self, language: str) -> None:
        """The interface language ("system", "en", "hi"), saved (ui.i18n applies it)."""
        self._settings.language = language
        self._persist()

    def set_kiosk(self, kiosk: KioskSettings) -> None:
        """Take what the kiosk's admin chose (ui.kiosk), and save it."""
        self._settings.kiosk = kiosk
        self._persist()

    def set_only_fill_empty(self, on: bool) -> None:
        """The lead card's "Only fill empty fields" switch, remembered (issue #14)."""
        if on != self._settings.only_fill_empty:
            self._settings.only_fill_empty = on
            self._persist()

    def set_import_senders(self, senders: int) -> None:
        """Phones delivery sends to at once (Settings), saved; used from the next start."""
        if senders != self._settings.import_senders:
            self._settings.import_senders = senders
            self._persist()

    def _persist(self) -> None:
        try:
            self._store.save(self._settings)
        except OSError as exc:
            self.problem.emit(
                self.tr("Could not save settings: {reason}").format(reason=exc.strerror or exc)
            )
