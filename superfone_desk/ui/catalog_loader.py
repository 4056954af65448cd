"""Fills the form's pickers from the account's catalog lists, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.errors import AuthError
from superfone_desk.api.models import Catalog, CatalogItem
from superfone_desk.ui.lead_form import CATALOG_FIELDS, LeadForm
from superfone_desk.ui.pickers import MultiPicker, SinglePicker
from superfone_desk.ui.workers import WorkerPool, user_message


def picker_titles(catalog: Catalog, rows: list[CatalogItem]) -> list[str]:
    """Titles to offer: DISABLED rows hidden (U13), stages in pipeline order (U12)."""
    active = [row for row in rows if row.active]
    if catalog is Catalog.STAGES:
        active.sort(key=lambda r: (r.position is None, r.position or 0, r.id))
    return [row.title for row in active]


class CatalogLoader(QObject):
    """Loads each catalog (all pages) in the pool and hands the titles to the pickers.

    Signals:
        loaded(object): a Catalog finished loading.
        failed(object, str): a Catalog failed, with the message shown.
        auth_failed(): the server refused the API key (once per load_all).
    """

    loaded = Signal(object)
    failed = Signal(object, str)
    auth_failed = Signal()

    def __init__(
        self,
        form: LeadForm,
        pool: WorkerPool,
        client: Callable[[], SuperfoneClient | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._pool = pool
        self._client = client
        self._generation = 0
        self._auth_reported = -1
        form.retry_catalog.connect(self.load)
        for catalog, names in CATALOG_FIELDS.items():
            for name in names:
                widget = form.widget(name)
                assert isinstance(widget, SinglePicker | MultiPicker)
                widget.retry_requested.connect(lambda c=catalog: self.load(c))

    def _pickers(self, catalog: Catalog) -> list[SinglePicker | MultiPicker]:
        found = []
        for name in CATALOG_FIELDS[catalog]:
            widget = self._form.widget(name)
            assert isinstance(widget, SinglePicker | MultiPicker)
            found.append(widget)
        return found

    def load_all(self) -> None:
        # A new account or key makes answers of the old one stale.
        self._generation += 1
        for catalog in Catalog:
            self.load(catalog)

    def load(self, catalog: Catalog) -> None:
        client = self._client()
        if client is None:
            return
        generation = self._generation
        if catalog is not Catalog.SOURCE_TYPES:
            # Source types are fixed and already offered; no need to flash a spinner.
            for picker in self._pickers(catalog):
                picker.set_loading()
        self._pool.submit(
            lambda: client.fetch_all(catalog),
            on_result=lambda rows: self._on_rows(catalog, generation, rows),
            on_error=lambda exc: self._on_error(catalog, generation, exc),
            name=f"load {catalog.value}",
        )

    def _on_rows(self, catalog: Catalog, generation: int, rows: list[CatalogItem]) -> None:
        if generation != self._generation:
            return
        titles = picker_titles(catalog, rows)
        for picker in self._pickers(catalog):
            picker.set_items(titles)
        self.loaded.emit(catalog)

    def _on_error(self, catalog: Catalog, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, AuthError) and self._auth_reported != generation:
            # Five lists fail at once on a bad key; tell the window once.
            self._auth_reported = generation
            self.auth_failed.emit()
        message = f"Could not load the list: {user_message(exc)}"
        for picker in self._pickers(catalog):
            picker.set_failed(message)
        self.failed.emit(catalog, message)
