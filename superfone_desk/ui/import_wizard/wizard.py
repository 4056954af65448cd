"""The import wizard: file → columns → preview (dry run) → send → result.

A non-modal dialog. Reading, checking and queueing run in the worker pool
(``BackgroundStep``); the dialog only shows their progress and results. Back never
loses a choice: the file, the sheet, the mapping and the lookup switch stay as they
were, and a step is only run again when what it depends on changed.

Sending is the outbox's job: the rows are queued as one batch and the app's delivery
sends them (durable, resumable after a restart, 4 phones at a time). Closing the dialog
while they go does not stop them; the Outbox tab shows the batch.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.importing.files import EXCEL_SUFFIXES
from superfone_desk.importing.mapping import ColumnMapping, MappingStore, guess_mapping
from superfone_desk.importing.plan import ImportPlan, Outcome
from superfone_desk.importing.table import ImportCancelled, ImportFileError, Table
from superfone_desk.store.entry import EntryState
from superfone_desk.store.outbox_bulk import STOPPED
from superfone_desk.ui.i18n import core_text
from superfone_desk.ui.import_wizard.pages import (
    FilePage,
    MappingPage,
    PreviewPage,
    SendPage,
    set_progress,
    show_error,
)
from superfone_desk.ui.import_wizard.steps import BackgroundStep
from superfone_desk.ui.import_wizard.texts import ImportTexts, sheet_names
from superfone_desk.ui.workers import user_message

if TYPE_CHECKING:
    from superfone_desk.importing.batch import BatchResults, Queued
    from superfone_desk.ui.import_wizard.context import ImportContext

FILE, MAPPING, PREVIEW, SEND = range(4)
#: How often the send page reads the batch's counts while delivery works.
WATCH_MS = 500


class ImportWizard(QDialog):
    """Signals:
    queued(str): a batch was queued into the outbox (its id).
    delivered(str): the batch's delivery finished (every row sent, refused or set aside).
    """

    queued = Signal(str)
    delivered = Signal(str)

    def __init__(
        self, context: ImportContext, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self._texts = ImportTexts(self)
        self.setModal(False)
        self.resize(860, 560)
        self._ctx = context
        self._store = MappingStore(context.mappings_path)
        self._table: Table | None = None
        self._read_key: tuple[str, str | None] | None = None
        self.mapping: ColumnMapping | None = None
        self.plan: ImportPlan | None = None
        self._plan_key: tuple[ColumnMapping, bool] | None = None
        self.queued_batch: Queued | None = None
        self.results: BatchResults | None = None
        self._step = BackgroundStep(context.pool, self)
        self._step.progressed.connect(self._on_progress)

        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.preview_page = PreviewPage()
        self.send_page = SendPage()
        self.pages = QStackedWidget()
        for page in (self.file_page, self.mapping_page, self.preview_page, self.send_page):
            self.pages.addWidget(page)
        self.back = QPushButton(self.tr("< &Back"))
        self.back.setObjectName("import_back")
        self.next = QPushButton(self.tr("&Next >"))
        self.next.setObjectName("import_next")
        self.next.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("import_close")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back, self.next, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._read_counts)

        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.close_button.clicked.connect(self.close)
        self.file_page.choose_requested.connect(self._choose_file)
        self.file_page.path.textChanged.connect(self._on_path_edited)
        self.file_page.path.editingFinished.connect(self._load_sheets)
        self.mapping_page.field_changed.connect(self._on_field_changed)
        self.preview_page.lookup.toggled.connect(lambda _on: self._check())
        self.send_page.export.clicked.connect(self.export_refused)
        self.send_page.stop.clicked.connect(self._stop)
        if path is not None:
            self.file_page.path.setText(str(path))
            self._load_sheets()
        self._show(FILE)

    # ------------------------------------------------------------------ navigation

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.setWindowTitle(self._texts.title(index))
        self._update_buttons()

    def _update_buttons(self) -> None:
        index, busy = self.page, self._step.running
        self.back.setVisible(index != SEND)
        self.back.setEnabled(index > FILE)
        self.next.setVisible(index != SEND)
        self.next.setText(self.tr("&Next >"))
        if index == FILE:
            self.next.setEnabled(bool(self.file_page.path.text().strip()) and not busy)
        elif index == MAPPING:
            self.next.setEnabled(self.mapping is not None and not self.mapping.problems())
        elif index == PREVIEW:
            sendable = len(self.plan.sendable) if self.plan is not None else 0
            self.next.setText(self._texts.send_button(sendable))
            self.next.setEnabled(self.plan is not None and not busy and sendable > 0)

    def go_next(self) -> None:
        if not self.next.isEnabled():
            return
        if self.page == FILE:
            self._read()
        elif self.page == MAPPING:
            assert self.mapping is not None
            self._store.save(self.mapping)
            self._show(PREVIEW)
            self._check()
        elif self.page == PREVIEW:
            self._send()

    def go_back(self) -> None:
        if self.page in (MAPPING, PREVIEW):
            if self.page == PREVIEW and self._step.running:
                self._step.cancel()
                self._plan_key = None
                self.preview_page.progress.hide()
            self._show(self.page - 1)

    def _on_progress(self, done: int, total: int) -> None:
        bar = {
            FILE: self.file_page.progress,
            PREVIEW: self.preview_page.progress,
            SEND: self.send_page.progress,
        }.get(self.page)
        if bar is not None:
            set_progress(bar, done, total)

    # ------------------------------------------------------------------ file

    def _selected(self) -> tuple[Path, str | None]:
        sheet = self.file_page.sheet
        chosen = sheet.currentText() if sheet.count() > 1 else None
        return Path(self.file_page.path.text().strip()), chosen

    def _choose_file(self) -> None:
        title = self.tr("Import leads")
        kinds = self.tr("Lead lists ({patterns})").format(
            patterns="*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods *.vcf"
        )
        if self._ctx.choose_open is not None:
            path = self._ctx.choose_open(title, kinds)
        else:
            name, _ = QFileDialog.getOpenFileName(self, title, "", kinds)
            path = Path(name) if name else None
        if path is not None:
            self.file_page.path.setText(str(path))
            self._load_sheets()

    def _on_path_edited(self) -> None:
        show_error(self.file_page.error, None)
        self._update_buttons()

    def _load_sheets(self) -> None:
        path = Path(self.file_page.path.text().strip())
        if path.suffix.lower() not in EXCEL_SUFFIXES:
            self.file_page.show_sheets([])
            return
        self._ctx.pool.submit(
            lambda: sheet_names(path),
            on_result=self.file_page.show_sheets,
            on_error=lambda _exc: self.file_page.show_sheets([]),  # the read says why
            name="import sheets",
        )

    def _read(self) -> None:
        path, sheet = self._selected()
        key = (str(path), sheet)
        if key == self._read_key and self._table is not None:
            self._show(MAPPING)
            return
        from superfone_desk.importing.files import read_table

        show_error(self.file_page.error, None)
        self.file_page.notes.clear()
        self._pending_key = key
        self._step.run(
            lambda progress, cancel: read_table(
                path, sheet=sheet, progress=progress, cancel=cancel
            ),
            "import read",
            self._on_read,
            self._on_read_failed,
        )
        self._update_buttons()

    def _on_read(self, table: Table) -> None:
        self.file_page.progress.hide()
        self._table, self._read_key = table, self._pending_key
        saved = self._store.load(table.headers)
        self.mapping = saved or guess_mapping(table.headers)
        self.plan, self._plan_key = None, None
        samples = [row.cells for row in table.rows[:5] if any(row.cells)]
        self.mapping_page.show_mapping(self.mapping, samples)
        self.mapping_page.remembered.setText(
            self._texts.read_notes(table.notes, len(table.rows), saved is not None)
        )
        self.mapping_page.show_problems(self.mapping.problems())
        self._show(MAPPING)

    def _on_read_failed(self, exc: BaseException) -> None:
        self.file_page.progress.hide()
        if not isinstance(exc, ImportCancelled):
            # The error's message is a core text (args[0]: str() would drop its template).
            file_error = isinstance(exc, ImportFileError) and exc.args
            text = core_text(exc.args[0]) if file_error else user_message(exc)
            show_error(self.file_page.error, text)
        self._update_buttons()

    # ------------------------------------------------------------------ mapping

    def _on_field_changed(self, column: int, field: str | None) -> None:
        assert self.mapping is not None
        self.mapping = self.mapping.with_field(column, field)
        self.mapping_page.show_problems(self.mapping.problems())
        self._update_buttons()

    # ------------------------------------------------------------------ dry run

    def _check(self) -> None:
        table, mapping = self._table, self.mapping
        if table is None or mapping is None or self.page != PREVIEW:
            return
        lookup_on = self.preview_page.lookup.isChecked()
        if (mapping, lookup_on) == self._plan_key and not self._step.running:
            return
        from superfone_desk.importing.plan import plan_import

        ctx = self._ctx
        client = ctx.client() if lookup_on else None
        region, catalogs, defaults = ctx.region(), ctx.catalogs(), ctx.defaults()
        self._plan_key = (mapping, lookup_on)
        self.plan = None
        show_error(self.preview_page.error, None)
        if lookup_on and client is None:
            show_error(
                self.preview_page.error, self.tr("Not connected to Superfone: not looked up.")
            )
        self.preview_page.summary.setText(self.tr("Checking every row…"))
        self._step.run(
            lambda progress, cancel: plan_import(
                table,
                mapping,
                region=region,
                catalogs=catalogs,
                defaults=defaults,
                lookup=client.get_lead if client is not None else None,
                progress=progress,
                cancel=cancel,
            ),
            "import check",
            self._on_checked,
            self._on_check_failed,
        )
        self._update_buttons()

    def _on_checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        page = self.preview_page
        page.progress.hide()
        page.summary.setText(self._texts.preview_summary(plan))
        unknown = self._texts.unknown_values(plan)
        page.unknown.setText(unknown)
        page.unknown.setVisible(bool(unknown))
        page.show_rows(
            [
                (row.source.number, "; ".join(core_text(r) for r in row.reasons))
                for row in plan.rows
                if row.outcome in (Outcome.REFUSED, Outcome.DUPLICATE)
            ]
        )
        self._update_buttons()

    def _on_check_failed(self, exc: BaseException) -> None:
        self.preview_page.progress.hide()
        self._plan_key = None
        if not isinstance(exc, ImportCancelled):
            show_error(self.preview_page.error, user_message(exc))
        self.preview_page.summary.clear()
        self._update_buttons()

    # ------------------------------------------------------------------ send

    def _send(self) -> None:
        from superfone_desk.importing.batch import new_batch_id, queue_plan
        from superfone_desk.importing.record import save_record

        plan, ctx = self.plan, self._ctx
        assert plan is not None
        path, _sheet = self._selected()
        batch, account = new_batch_id(path.name), ctx.account()
        outbox, data_dir = ctx.outbox, ctx.data_dir

        def queue(progress: object, cancel: object) -> Queued:
            queued = queue_plan(
                outbox, plan, batch=batch, account=account, progress=progress, cancel=cancel  # type: ignore[arg-type]
            )
            # Even a cancelled queueing keeps its record: its rows are sent.
            save_record(data_dir, plan, queued)
            return queued

        self._show(SEND)
        page = self.send_page
        page.status.setText(self._texts.queueing(len(plan.sendable)))
        page.stop.show()
        self._step.run(queue, "import queue", self._on_queued, self._on_queue_failed)

    def _stop(self) -> None:
        queued = self.queued_batch
        if queued is None:
            # The step ends at the next chunk and reports what was queued (``cancelled``).
            self._step.cancel()
            return
        # Delivery under way: what is not sent yet is discarded (the row being sent
        # goes on); the errors file lists those rows as not sent.
        outbox = self._ctx.outbox
        self.send_page.stop.setEnabled(False)
        self._ctx.pool.submit(
            lambda: outbox.discard_waiting(queued.batch),
            on_result=lambda _n: self._read_counts(),
            on_error=lambda exc: show_error(self.send_page.error, user_message(exc)),
            name="import stop",
        )

    def _on_queued(self, queued: Queued) -> None:
        page = self.send_page
        page.stop.setText(self.tr("S&top sending this import"))
        page.stop.setVisible(bool(queued.entries))
        self.queued_batch = queued
        self._ctx.nudge()
        self.queued.emit(queued.batch)
        page.status.setText(self._texts.queued(
            len(queued.entries), queued.cancelled, self._ctx.client() is not None
        ))
        set_progress(page.progress, 0, max(len(queued.entries), 1))
        self._read_counts()
        self._watch.start()

    def _on_queue_failed(self, exc: BaseException) -> None:
        self.send_page.stop.hide()
        show_error(
            self.send_page.error,
            self.tr("The leads could not be queued: {reason}").format(reason=user_message(exc)),
        )

    def _read_counts(self) -> None:
        queued = self.queued_batch
        if queued is None:
            return
        outbox = self._ctx.outbox
        self._ctx.pool.submit(
            lambda: outbox.counts(batch=queued.batch),
            on_result=self._on_counts,
            on_error=lambda exc: show_error(self.send_page.error, user_message(exc)),
            name="import counts",
        )

    def _on_counts(self, counts: dict[EntryState, int]) -> None:
        queued = self.queued_batch
        if queued is None or not self._watch.isActive() and self.results is not None:
            return
        total = len(queued.entries)
        waiting = counts[EntryState.QUEUED] + counts[EntryState.SENDING]
        set_progress(self.send_page.progress, total - waiting, max(total, 1))
        if waiting:
            return
        self._watch.stop()
        from superfone_desk.importing.batch import batch_results

        outbox = self._ctx.outbox
        self._ctx.pool.submit(
            lambda: batch_results(outbox, queued),
            on_result=self._on_results,
            on_error=lambda exc: show_error(self.send_page.error, user_message(exc)),
            name="import results",
        )

    def _on_results(self, results: BatchResults) -> None:
        plan = self.plan
        assert plan is not None
        assert self.queued_batch is not None
        self.results = results
        page = self.send_page
        page.stop.hide()
        stopped = sum(1 for _row, reason in results.refused if reason == STOPPED)
        refused = plan.count(Outcome.REFUSED) + len(results.refused) - stopped
        page.result.setText(
            self._texts.results(results, refused, plan.count(Outcome.DUPLICATE), stopped)
        )
        page.status.setText(
            self.tr("Delivery is paused.") if results.waiting else self.tr("Done.")
        )
        page.export.setVisible(bool(self.error_rows()))
        self.delivered.emit(self.queued_batch.batch)

    def error_rows(self) -> list[tuple[tuple[str, ...], str]]:
        if self.plan is None:
            return []
        return self.plan.error_rows(self.results.refused if self.results else ())

    def export_refused(self) -> None:
        table = self._table
        assert table is not None
        title = self.tr("Export refused rows")
        kinds = self.tr("CSV files ({patterns})").format(patterns="*.csv")
        if self._ctx.choose_save is not None:
            path = self._ctx.choose_save(title, kinds)
        else:
            source, _ = self._selected()
            suggested = str(source.with_name(f"{source.stem}-errors.csv"))
            name, _ = QFileDialog.getSaveFileName(self, title, suggested, kinds)
            path = Path(name) if name else None
        if path is None:
            return
        from superfone_desk.importing.errors_csv import write_errors_csv

        rows, headers = self.error_rows(), table.headers
        target = path
        self._ctx.pool.submit(
            lambda: write_errors_csv(target, headers, rows),
            on_result=lambda n: self.send_page.exported.setText(
                self._texts.exported(n, target.name)
            ),
            on_error=lambda exc: show_error(
                self.send_page.error,
                self.tr("Could not save {file}: {reason}").format(
                    file=target.name, reason=core_text(str(exc))
                ),
            ),
            name="import export",
        )

    # ------------------------------------------------------------------ close

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Reading or checking stops; a queueing stops between chunks (what is queued
        # stays queued, with its record). Delivery goes on in the outbox.
        self._step.cancel()
        self._watch.stop()
        super().closeEvent(event)

