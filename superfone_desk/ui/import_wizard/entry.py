"""Where importing meets the main window: File → Import…, files dropped on the window,
and pasted text on the form.

A dropped .csv/.xlsx/.xls/.vcf opens the wizard with it; a dropped .vcf holding one
contact fills the form instead (several contacts are offered as an import). One wizard
at a time: asking again brings the open one up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from superfone_desk.importing.files import SUPPORTED_SUFFIXES, VCARD_SUFFIXES
from superfone_desk.importing.table import ImportFileError
from superfone_desk.ui.i18n import core_text
from superfone_desk.ui.import_wizard.context import ImportContext
from superfone_desk.ui.import_wizard.form_paste import FormPaste
from superfone_desk.ui.import_wizard.outbox_batches import ImportBatches
from superfone_desk.ui.workers import user_message

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QAction

    from superfone_desk.importing.table import Table
    from superfone_desk.ui.import_wizard.wizard import ImportWizard
    from superfone_desk.ui.main_window import MainWindow

#: What a dropped contact card may fill in the form (the rest stays as the user had it).
_CARD_FIELDS = (
    "customer_phone", "extra_phones", "emails", "first_name", "last_name", "business_name",
    "website", "city", "address_text", "additional_info",
)  # fmt: skip


def dropped_files(mime: QMimeData) -> list[Path]:
    """The importable local files in a drag, or [] when it carries anything else."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if not paths or any(p.suffix.lower() not in SUPPORTED_SUFFIXES for p in paths):
        return []
    return paths


class ImportEntry(QObject):
    """Signals: batch_queued(str): an import was queued (the Outbox tab shows it)."""

    batch_queued = Signal(str)

    def __init__(self, window: MainWindow, action: QAction, context: ImportContext) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self.wizard: ImportWizard | None = None
        self.paste = FormPaste(window.form, window.preferences.region)
        action.triggered.connect(lambda: self.open_wizard())
        self.batches = ImportBatches(
            window.outbox_view,
            outbox=context.outbox,
            reader=context.pool,
            data_dir=context.data_dir,
            send_now=window.delivery.send_now,
        )
        self.batch_queued.connect(lambda _batch: self.batches.reload())
        self.batches.reload()
        window.setAcceptDrops(True)
        # Text fields take drops themselves (a file would land as its path); the
        # window sees a file drop first, wherever it lands.
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.acceptDrops():
                widget.installEventFilter(self)

    def open_wizard(self, path: Path | None = None) -> ImportWizard:
        from superfone_desk.ui.import_wizard.wizard import ImportWizard

        wizard = self.wizard
        if wizard is None or not wizard.isVisible() or path is not None:
            if wizard is not None:
                wizard.close()
            wizard = self.wizard = ImportWizard(self._context, self._window, path)
            wizard.queued.connect(self.batch_queued)
        wizard.show()
        wizard.raise_()
        wizard.activateWindow()
        return wizard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent)
            if dropped_files(event.mimeData()):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = dropped_files(event.mimeData())
            if paths:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.open_files(paths)
                return True
        return False

    def open_files(self, paths: list[Path]) -> None:
        """A drop: one contact card fills the form; anything else goes to the wizard
        (one file at a time: the first, the others are named in the status bar)."""
        path = paths[0]
        if len(paths) > 1:
            others = ", ".join(p.name for p in paths[1:])
            self._window.statusBar().showMessage(
                self.tr("One file at a time: not opened {files}").format(files=others), 8000
            )
        if path.suffix.lower() not in VCARD_SUFFIXES:
            self.open_wizard(path)
            return
        from superfone_desk.importing.files import read_table

        self._context.pool.submit(
            lambda: read_table(path),
            on_result=lambda table: self._on_card(path, table),
            on_error=lambda exc: self._window.statusBar().showMessage(
                self.tr("Could not read {file}: {reason}").format(
                    file=path.name,
                    # An ImportFileError's message is a core text (args[0] keeps it).
                    reason=core_text(exc.args[0])
                    if isinstance(exc, ImportFileError) and exc.args
                    else str(exc) or user_message(exc),
                ),
                10000,
            ),
            name="read dropped card",
        )

    def _on_card(self, path: Path, table: Table) -> None:
        if len(table.rows) != 1:
            self.open_wizard(path)  # several contacts: an import
            return
        from superfone_desk.importing.mapping import guess_mapping
        from superfone_desk.importing.rows import RowConverter

        ctx = self._context
        converter = RowConverter(guess_mapping(table.headers), ctx.catalogs(), ctx.defaults())
        draft = converter.convert(table.rows[0].cells).draft
        values = {attr: getattr(draft, attr) for attr in _CARD_FIELDS if getattr(draft, attr)}
        if "extra_phones" in values:
            values["extra_phones"] = ", ".join(values["extra_phones"].split("\n"))
        window = self._window
        window.tabs.setCurrentWidget(window.form)
        self.paste.fill(values, self.tr("From {file}").format(file=path.name))


def window_context(window: MainWindow, config_dir: Path) -> ImportContext:
    """The wizard's view of ``window``'s parts (built once the whole window is)."""
    from superfone_desk.importing.rows import CatalogTitles
    from superfone_desk.ui.form.catalog_picker import CatalogPicker

    form, connection = window.form, window.connection

    def titles(name: str) -> list[str] | None:
        picker = form.widget(name)
        index = picker.index() if isinstance(picker, CatalogPicker) else None
        return None if index is None else list(index.titles)

    def catalogs() -> CatalogTitles:
        return CatalogTitles(
            stages=titles("lead_stage_name"),
            groups=titles("lead_group_name"),
            labels=titles("add_labels"),
            products=titles("add_products"),
            source_types=titles("source_type"),
        )

    return ImportContext(
        pool=window.pool,
        outbox=window.outbox,
        config_dir=config_dir,
        data_dir=window.outbox.db.path.parent,
        region=window.preferences.region,
        defaults=lambda: window.preferences.defaults,
        catalogs=catalogs,
        client=lambda: connection.client,
        account=lambda: connection.account,
        nudge=window.delivery.nudge,
    )
