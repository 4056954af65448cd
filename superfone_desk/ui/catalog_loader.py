"""Fills the form's pickers from the account's catalog lists, off the GUI thread.

The catalog cache paints the pickers first ("as of 10:42"), so they work at once and
offline; the network answer then replaces them and refreshes the cache.

A list the server served short (``CatalogRows.complete`` False after the fetch's own
re-reads) is shown with what arrived and says so under its picker: "118 of 120 loaded",
with a Retry that fetches it again. It is never cached as the account's list.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, QTime, Signal

from superfone_desk.api.errors import AuthError
from superfone_desk.api.models import Catalog, CatalogItem
from superfone_desk.ui.form import source_type_text
from superfone_desk.ui.form.catalog_index import CatalogIndex
from superfone_desk.ui.form.lead_form import LeadForm
from superfone_desk.ui.form.multi_picker import MultiPicker
from superfone_desk.ui.form.single_picker import SinglePicker
from superfone_desk.ui.i18n import core_text
from superfone_desk.ui.workers import WorkerPool, user_message

if TYPE_CHECKING:
    from superfone_desk.store.catalog_cache import CatalogCache
    from superfone_desk.ui.connection import Connection


#: Which picker each catalog fills (labels feed both label pickers).
CATALOG_FIELDS: dict[Catalog, tuple[str, ...]] = {
    Catalog.STAGES: ("lead_stage_name",),
    Catalog.GROUPS: ("lead_group_name",),
    Catalog.LABELS: ("add_labels", "remove_labels"),
    Catalog.PRODUCTS: ("add_products",),
    Catalog.SOURCE_TYPES: ("source_type",),
}


def picker_titles(catalog: Catalog, rows: list[CatalogItem]) -> list[str]:
    """Titles to offer: DISABLED rows hidden (U13), stages in pipeline order (U12)."""
    active = [row for row in rows if row.active]
    if catalog is Catalog.SOURCE_TYPES:
        return [source_type_text.shown(row.title) for row in active]  # "Phone contact"
    if catalog is Catalog.STAGES:
        active.sort(key=lambda r: (r.position is None, r.position or 0, r.id))
    return [row.title for row in active]


def as_of(fetched_at: datetime) -> str:
    """"as of 10:42" (today) or "as of 3 Nov 10:42", month names in the language."""
    moment = fetched_at.astimezone()
    today = datetime.now().astimezone().date()
    shown = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    time = QLocale().toString(shown, "HH:mm" if moment.date() == today else "d MMM HH:mm")
    return QCoreApplication.translate("CatalogLoader", "as of {time}").format(time=time)


class CatalogLoader(QObject):
    """Loads each catalog (all pages) in the pool and hands the titles to the pickers.

    Signals:
        auth_failed(): the server refused the API key (once per load_all).
    """

    auth_failed = Signal()

    def __init__(
        self,
        form: LeadForm,
        pool: WorkerPool,
        connection: Connection,
        *,
        cache: CatalogCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._pool = pool
        self._connection = connection
        self._cache = cache
        self._generation = 0
        self._auth_reported = -1
        #: Catalogs showing something (cached or fresh) in this generation.
        self._shown: set[Catalog] = set()
        self._fresh: set[Catalog] = set()
        self._failed: set[Catalog] = set()
        self._as_of: dict[Catalog, str] = {}
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
        """Load every list for a new account or key: answers of the old one are stale."""
        self._generation += 1
        self._shown.clear()
        self._fresh.clear()
        self._failed.clear()
        for catalog in Catalog:
            self.load(catalog)

    def refresh(self) -> None:
        """Fetch every list again for the same account (File → Refresh lists).

        What the pickers show stays until the fresh copy arrives: the cache is not read
        again for a list already shown, and no picker is re-filled twice.
        """
        self._generation += 1
        for catalog in Catalog:
            self.load(catalog)

    def load(self, catalog: Catalog) -> None:
        client = self._connection.client
        if client is None:
            return
        generation = self._generation
        identity = self._connection.account
        cache = self._cache
        if catalog not in self._shown:
            if cache is not None and identity is not None:

                def read_cache() -> tuple[CatalogIndex, datetime] | None:
                    hit = cache.load(identity, catalog)
                    if hit is None:
                        return None
                    rows, fetched_at = hit
                    # The index is plain Python: built here, the GUI thread only shows it.
                    return CatalogIndex(picker_titles(catalog, rows)), fetched_at

                self._pool.submit(
                    read_cache,
                    on_result=lambda hit: self._on_cached(catalog, generation, hit),
                    name=f"cached {catalog.value}",
                )
            if catalog is not Catalog.SOURCE_TYPES:
                # Source types are fixed and already offered; no need to flash a spinner.
                for picker in self._pickers(catalog):
                    picker.set_loading()

        def fetch() -> tuple[CatalogIndex, str | None]:
            rows = client.fetch_all(catalog)
            index = CatalogIndex(picker_titles(catalog, rows))
            if cache is not None and identity is not None:
                # The cache keeps an incomplete list out itself (CatalogCache.save).
                cache.save(identity, catalog, rows, datetime.now(UTC))
            return index, None if rows.complete else rows.summary

        self._pool.submit(
            fetch,
            on_result=lambda answer: self._on_rows(catalog, generation, *answer),
            on_error=lambda exc: self._on_error(catalog, generation, exc),
            name=f"load {catalog.value}",
        )

    def _on_cached(
        self,
        catalog: Catalog,
        generation: int,
        hit: tuple[CatalogIndex, datetime] | None,
    ) -> None:
        if hit is None or generation != self._generation or catalog in self._fresh:
            return
        index, fetched_at = hit
        self._as_of[catalog] = as_of(fetched_at)
        for picker in self._pickers(catalog):
            picker.set_index(index)
            picker.set_stale_note(self._stale_note(catalog))
        self._shown.add(catalog)

    def _stale_note(self, catalog: Catalog) -> str:
        note = self._as_of.get(catalog) or self.tr("cached")
        return self.tr("{note} (offline)").format(note=note) if catalog in self._failed else note

    def _on_rows(
        self, catalog: Catalog, generation: int, index: CatalogIndex, short: str | None
    ) -> None:
        if generation != self._generation:
            return
        for picker in self._pickers(catalog):
            picker.set_index(index)
            picker.set_stale_note(None)
            if short is not None:
                # What arrived stays usable; the line says what is missing, and its
                # Retry (retry_requested) fetches the whole list again.
                picker.set_failed(
                    self.tr("{loaded} — some could not be read.").format(loaded=core_text(short))
                )
        self._shown.add(catalog)
        self._fresh.add(catalog)
        self._failed.discard(catalog)

    def _on_error(self, catalog: Catalog, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, AuthError) and self._auth_reported != generation:
            # Five lists fail at once on a bad key; tell the window once.
            self._auth_reported = generation
            self.auth_failed.emit()
        message = self.tr("Could not load the list: {reason}").format(reason=user_message(exc))
        self._failed.add(catalog)
        if catalog in self._shown:
            # The cached list stays usable; say it could not be refreshed.
            for picker in self._pickers(catalog):
                picker.set_stale_note(self._stale_note(catalog))
        else:
            for picker in self._pickers(catalog):
                picker.set_failed(message)
