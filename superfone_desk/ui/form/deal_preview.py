"""A line under Deal value saying how the typed amount will be read ("₹2,50,000 (2.5
lakh)"), so a lakh typed as "2.5l" or a stray zero is seen before Save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy

from superfone_desk.core.money import deal_value_preview
from superfone_desk.ui.i18n import core_text

if TYPE_CHECKING:
    from superfone_desk.ui.form.lead_form import LeadForm


class DealPreview(QObject):
    """Adds the preview line to the Deal value row (its height reserved from the start,
    so the form never moves) and keeps it saying how the amount is read."""

    def __init__(self, form: LeadForm, parent: QObject | None = None) -> None:
        super().__init__(parent or form)
        self.label: QLabel | None = None
        edit = form.widget("deal_value")
        cell = edit.parentWidget()
        column = cell.layout() if cell is not None else None
        if cell is None or column is None or not isinstance(edit, QLineEdit):
            return
        self.label = preview = QLabel(cell)
        preview.setObjectName("deal_value_preview")
        preview.setProperty("role", "hint")
        policy = preview.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        preview.setSizePolicy(policy)
        preview.setText(" ")  # the line's height, reserved from the start
        column.addWidget(preview)
        edit.setAccessibleDescription("")
        edit.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self, text: str) -> None:
        assert self.label is not None
        preview = deal_value_preview(text)
        self.label.setText(
            self.tr("Read as {amount}").format(amount=core_text(preview)) if preview else " "
        )
