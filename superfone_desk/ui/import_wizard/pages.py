"""The wizard's pages: widgets only. What they show is decided by ``wizard``.

Every page has its own ``error`` label, under what it is about, so a message stands
next to where it belongs and goes when that is dealt with.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.importing.mapping import TARGETS, ColumnMapping
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP, core_text
from superfone_desk.ui.plain_text import plain_tip

NOT_IMPORTED = QT_TRANSLATE_NOOP("MappingPage", "— not imported —")
#: Data rows shown beside each column in the mapping step.
SAMPLE_ROWS = 3
#: Rows listed in the preview's table of rows not imported (all are in the errors file).
LISTED_ROWS = 500


def _label(text: str = "", *, name: str = "", role: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file names, sheet cells: as written
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    return label


def _error_label(name: str) -> QLabel:
    label = _label(name=name, role="error")
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label


def show_error(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


def _progress(name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.hide()
    return bar


def set_progress(bar: QProgressBar, done: int, total: int) -> None:
    bar.setVisible(True)
    bar.setRange(0, total)  # 0..0: busy, total not known yet
    bar.setValue(min(done, total))


class FilePage(QWidget):
    """Signals: choose_requested()."""

    choose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = QLineEdit()
        self.path.setObjectName("import_path")
        self.path.setPlaceholderText(self.tr("A .csv, .xlsx, .xls or .vcf file"))
        self.path.setAccessibleName(self.tr("File to import"))
        self.choose = QPushButton(self.tr("&Choose…"))
        self.choose.setObjectName("import_choose")
        self.choose.clicked.connect(self.choose_requested)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        self.error = _error_label("import_file_error")
        self.sheet_label = QLabel(self.tr("&Sheet:"))
        self.sheet = QComboBox()
        self.sheet.setObjectName("import_sheet")
        self.sheet_label.setBuddy(self.sheet)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet, 1)
        self.show_sheets([])
        self.progress = _progress("import_read_progress")
        self.notes = _label(name="import_notes")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(
                self.tr(
                    "Leads from a spreadsheet (CSV or Excel, as HubSpot, Zoho, Salesforce or "
                    "Excel save them) or contact cards (.vcf). Nothing is sent before you "
                    "have seen the preview."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addLayout(sheet_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def show_sheets(self, names: Sequence[str]) -> None:
        current = self.sheet.currentText()
        self.sheet.clear()
        self.sheet.addItems(list(names))
        if current in names:
            self.sheet.setCurrentText(current)
        for widget in (self.sheet, self.sheet_label):
            widget.setVisible(len(names) > 1)


class MappingPage(QWidget):
    """One row per column of the file: its header, a combo of lead fields, sample cells.

    Signals: field_changed(int column, object field or None).
    """

    field_changed = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2 + SAMPLE_ROWS)
        self.table.setObjectName("import_mapping")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Column in the file"),
                self.tr("Import as"),
                *(self.tr("Row {number}").format(number=n + 1) for n in range(SAMPLE_ROWS)),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.problems = _error_label("import_mapping_problems")
        self.remembered = _label(name="import_mapping_note")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(
                self.tr(
                    "Check which lead field each column fills. Your choice is remembered for "
                    "files with the same columns."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.remembered)

    def combo(self, column: int) -> QComboBox:
        widget = self.table.cellWidget(column, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def show_mapping(self, mapping: ColumnMapping, samples: Sequence[Sequence[str]]) -> None:
        self.table.setRowCount(len(mapping.headers))
        for column, (header, field) in enumerate(
            zip(mapping.headers, mapping.fields, strict=True)
        ):
            self.table.setItem(column, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.setObjectName(f"import_field_{column}")
            combo.setAccessibleName(self.tr("Import column {column} as").format(column=header))
            combo.addItem(self.tr(NOT_IMPORTED), None)
            for target, label in TARGETS.items():
                combo.addItem(core_text(label), target)
            combo.setCurrentIndex(max(combo.findData(field), 0))
            combo.currentIndexChanged.connect(
                lambda _i, c=column, box=combo: self.field_changed.emit(c, box.currentData())
            )
            self.table.setCellWidget(column, 1, combo)
            for n in range(SAMPLE_ROWS):
                cells = samples[n] if n < len(samples) else ()
                text = cells[column] if column < len(cells) else ""
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(plain_tip(text))
                self.table.setItem(column, 2 + n, item)
        self.table.resizeColumnsToContents()
        for n in range(SAMPLE_ROWS):
            self.table.setColumnWidth(2 + n, min(self.table.columnWidth(2 + n), 220))

    def show_problems(self, problems: Sequence[str]) -> None:
        show_error(self.problems, "\n".join(core_text(problem) for problem in problems))


class PreviewPage(QWidget):
    """The dry run's counts, unknown catalog values and the rows not imported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup = QCheckBox(
            self.tr("&Look each phone up in Superfone (tells new leads from updates)")
        )
        self.lookup.setObjectName("import_lookup")
        self.lookup.setToolTip(
            self.tr("One Get Lead per row, 5 a second: 1,000 rows take about 3 minutes")
        )
        self.progress = _progress("import_check_progress")
        self.summary = _label(name="import_summary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        self.unknown = _label(name="import_unknown", role="error")
        self.unknown.hide()
        self.error = _error_label("import_check_error")
        self.rows = QTableWidget(0, 2)
        self.rows.setObjectName("import_refused_rows")
        self.rows.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Not imported because")])
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lookup)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.unknown)
        layout.addWidget(self.error)
        layout.addWidget(self.rows, 1)

    def show_rows(self, rows: Sequence[tuple[int, str]]) -> None:
        shown = rows[:LISTED_ROWS]
        self.rows.setRowCount(len(shown))
        for index, (number, reason) in enumerate(shown):
            self.rows.setItem(index, 0, QTableWidgetItem(str(number)))
            item = QTableWidgetItem(reason)
            item.setToolTip(plain_tip(reason))
            self.rows.setItem(index, 1, item)
        self.rows.resizeColumnToContents(0)
        self.rows.setVisible(bool(rows))


class SendPage(QWidget):
    """Queueing, then delivery, then the result with the errors file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = _label(name="import_send_status")
        self.progress = _progress("import_send_progress")
        self.stop = QPushButton(self.tr("S&top sending this import"))
        self.stop.setObjectName("import_stop")
        self.stop.hide()
        self.result = _label(name="import_result")
        self.error = _error_label("import_send_error")
        self.export = QPushButton(self.tr("&Export refused rows…"))
        self.export.setObjectName("import_export")
        self.export.hide()
        self.exported = _label(name="import_exported")
        stop_row = QHBoxLayout()
        stop_row.addStretch(1)
        stop_row.addWidget(self.stop)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export)
        export_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(stop_row)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addLayout(export_row)
        layout.addWidget(self.exported)
        layout.addStretch(1)
