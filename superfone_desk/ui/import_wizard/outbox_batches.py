"""The Outbox tab's imports: show one import's rows, retry its refused rows, export them.

A row above the Outbox table: "Import: [All saved leads ▾]" lists the imports in the
outbox with their counts. Choosing one shows only its rows; "Retry refused" puts its
refused rows back in the queue as they were (after the user fixed the cause in
Superfone, e.g. added the missing stage), and "Export refused rows…" writes them with the
file's own columns plus reason, from the import's record (``importing.record``), after a
restart too. The reads and writes run in the Outbox tab's reader pool.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from superfone_desk.store.entry import EntryState, PauseCause
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP
from superfone_desk.ui.plain_text import plain
from superfone_desk.ui.workers import user_message

if TYPE_CHECKING:
    from superfone_desk.store.outbox import Outbox
    from superfone_desk.store.outbox_bulk import BatchSummary
    from superfone_desk.ui.outbox_view import OutboxView
    from superfone_desk.ui.workers import WorkerPool

ALL = QT_TRANSLATE_NOOP("ImportBatches", "All saved leads")
translate = QCoreApplication.translate


def batch_label(summary: BatchSummary) -> str:
    counts = summary.counts
    sent = counts[EntryState.SENT]
    waiting = counts[EntryState.QUEUED] + counts[EntryState.SENDING]
    parts = [translate("ImportBatches", "{count} sent").format(count=sent)]
    if waiting:
        parts.append(translate("ImportBatches", "{count} waiting").format(count=waiting))
    if summary.refused:
        parts.append(translate("ImportBatches", "{count} refused").format(count=summary.refused))
    return f"{summary.batch} — {', '.join(parts)}"


class ImportBatches(QWidget):
    def __init__(
        self,
        view: OutboxView,
        *,
        outbox: Outbox,
        reader: WorkerPool,
        data_dir: Path,
        send_now: Callable[[], None],
        choose_save: Callable[[str, str], Path | None] | None = None,
    ) -> None:
        super().__init__(view)
        self.setObjectName("outbox_imports")
        self._view, self._outbox, self._reader = view, outbox, reader
        self._data_dir, self._send_now, self.choose_save = data_dir, send_now, choose_save
        self._summaries: dict[str, BatchSummary] = {}
        self._loading = False
        label = QLabel(self.tr("&Import:"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("outbox_batch_filter")
        self.combo.setAccessibleName(self.tr("Show the rows of one import"))
        self.combo.addItem(self.tr(ALL), None)
        label.setBuddy(self.combo)
        self.retry = QPushButton(self.tr("&Retry refused"), self)
        self.retry.setObjectName("outbox_retry_refused")
        self.retry.setToolTip(self.tr("Send this import's refused rows again, as they were"))
        self.export = QPushButton(self.tr("E&xport refused rows…"), self)
        self.export.setObjectName("outbox_export_refused")
        self.status = QLabel(self)
        self.status.setObjectName("outbox_batch_status")
        plain(self.status)  # a server's reason
        self.status.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        row.addWidget(self.retry)
        row.addWidget(self.export)
        row.addWidget(self.status, 1)
        layout = view.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(1, self)  # under the text and state filters
        self.combo.currentIndexChanged.connect(self._on_chosen)
        self.retry.clicked.connect(self.retry_refused)
        self.export.clicked.connect(self.export_refused)
        view.refreshed.connect(self.reload)
        self._update_buttons()
        self.setVisible(False)  # until there is an import to show

    @property
    def batch(self) -> str | None:
        data = self.combo.currentData()
        return data if isinstance(data, str) else None

    def reload(self) -> None:
        """Read the imports and their counts again (after the table was refreshed)."""
        if self._loading:
            return
        self._loading = True
        outbox = self._outbox
        self._reader.submit(
            outbox.batches, on_result=self._on_batches, on_error=self._on_failed, name="batches"
        )

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.status.setText(user_message(exc))

    def _on_batches(self, summaries: list[BatchSummary]) -> None:
        self._loading = False
        self._summaries = {s.batch: s for s in summaries}
        chosen = self.batch
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            self.combo.addItem(self.tr(ALL), None)
            for summary in summaries:
                self.combo.addItem(batch_label(summary), summary.batch)
            index = self.combo.findData(chosen) if chosen is not None else 0
            self.combo.setCurrentIndex(max(index, 0))
        finally:
            self.combo.blockSignals(False)
        self.setVisible(bool(summaries))
        if chosen is not None and self.batch is None:
            self._on_chosen()  # the import was forgotten (pruned): show all
        self._update_buttons()

    def show_batch(self, batch: str | None) -> None:
        """Show ``batch``'s rows (None: all), once it is listed."""
        if batch is not None and self.combo.findData(batch) < 0:
            self.combo.addItem(batch, batch)
            self.setVisible(True)
        self.combo.setCurrentIndex(max(self.combo.findData(batch), 0) if batch else 0)

    def _on_chosen(self) -> None:
        self.status.clear()
        self._view.batch = self.batch
        self._view.refresh()
        self._update_buttons()

    def _update_buttons(self) -> None:
        summary = self._summaries.get(self.batch or "")
        self.retry.setEnabled(
            summary is not None and summary.counts[EntryState.NEEDS_ATTENTION] > 0
        )
        self.export.setEnabled(self.batch is not None)

    # ------------------------------------------------------------------ actions

    def retry_refused(self) -> None:
        batch, outbox = self.batch, self._outbox
        if batch is None:
            return

        def retry() -> int:
            refused = outbox.entries(
                batch=batch, states=[EntryState.NEEDS_ATTENTION], limit=1_000_000
            )
            count = 0
            for entry in refused:
                if entry.cause is PauseCause.DAMAGED:
                    continue  # nothing readable to send
                outbox.replace(entry.id, entry.draft)
                count += 1
            return count

        def done(count: int) -> None:
            self.status.setText(
                self.tr("{count} refused rows are queued again.").format(count=count)
            )
            self._send_now()
            self._view.refresh()
            self._view.changed.emit()

        self._reader.submit(
            retry, on_result=done, on_error=self._on_failed, name="retry refused"
        )

    def export_refused(self) -> None:
        batch = self.batch
        if batch is None:
            return
        title, kinds = self.tr("Export refused rows"), self.tr("CSV files (*.csv)")
        if self.choose_save is not None:
            path = self.choose_save(title, kinds)
        else:
            name, _ = QFileDialog.getSaveFileName(self, title, "refused-rows.csv", kinds)
            path = Path(name) if name else None
        if path is None:
            return
        outbox, data_dir, target = self._outbox, self._data_dir, path

        def export() -> int | None:
            from superfone_desk.importing.errors_csv import write_errors_csv
            from superfone_desk.importing.record import load_record, refused_rows

            record = load_record(data_dir, batch)
            if record is None:
                return None
            return write_errors_csv(target, record.headers, refused_rows(outbox, record))

        def done(count: int | None) -> None:
            self.status.setText(
                self.tr(
                    "This import's file columns are no longer kept (imports older than 90 days "
                    "are forgotten); nothing was exported."
                )
                if count is None
                else self.tr(
                    "{count} rows saved to {file}, with the reason in the last column."
                ).format(count=count, file=target.name)
            )

        self._reader.submit(
            export, on_result=done, on_error=self._on_failed, name="export refused"
        )
