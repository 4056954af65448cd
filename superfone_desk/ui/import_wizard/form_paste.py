"""Pasted text and dropped contact cards split into the lead form's fields, with Undo.

A WhatsApp message, an email signature or a visiting card's text pasted into the phone
field (several lines), or pasted anywhere in the form with Ctrl+Shift+V, is split by
``importing.paste.split_pasted`` (locally, no network): phones, emails, name, business,
website, city each go to their field. A line under the form says what went where, with
an Undo button; Ctrl+Z in the form does the same while that line shows. Before this, a
pasted contact block landed in the phone field as one line (issue 13, bug 12).

A dropped single-contact .vcf fills the form the same way (``fill``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.fields import FIELDS
from superfone_desk.ui.i18n import plain_label

if TYPE_CHECKING:
    from superfone_desk.ui.form.lead_form import LeadForm

#: LeadDraft attribute → the form's label for it, for "what went where".
_LABELS = {spec.attr: spec.label for spec in FIELDS}


class FormPaste(QObject):
    """Splits pasted text into ``form``; ``note`` and ``undo_button`` are the line under it."""

    def __init__(self, form: LeadForm, region: Callable[[], str]) -> None:
        super().__init__(form)
        self._form = form
        self._region = region
        self._previous: LeadDraft | None = None
        self.bar = QWidget(form)
        self.bar.setObjectName("paste_bar")
        self.note = QLabel(self.bar)
        self.note.setObjectName("paste_note")
        self.note.setWordWrap(True)
        # No Alt+letter: U is Source's, and Ctrl+Z does this (docs/lead-form.md).
        self.undo_button = QPushButton(self.tr("Undo paste"), self.bar)
        self.undo_button.setObjectName("paste_undo")
        self.undo_button.setToolTip(
            self.tr("Put the fields back as they were before the paste (Ctrl+Z)")
        )
        self.undo_button.clicked.connect(self.undo)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 1)
        row.addWidget(self.undo_button)
        self.bar.hide()
        layout = form.layout()
        if isinstance(layout, QBoxLayout):
            # Between the scrolling fields and the buttons: seen without scrolling.
            layout.insertWidget(max(layout.count() - 1, 0), self.bar)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+V"), form)
        shortcut.setObjectName("paste_split_shortcut")
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.paste_clipboard)
        self.watch_edits()
        self._applying = False
        # Cleared (Clear, Save & New, a saved lead): the undo would bring back values
        # into the next lead, so it goes with the line.
        form.phone.textChanged.connect(self._on_phone_changed)

    def watch_edits(self) -> None:
        """Catch Paste in the phone field and Ctrl+Z in every text field of the form
        (call again after fields were added)."""
        for edit in self._form.findChildren(QLineEdit) + self._form.findChildren(QPlainTextEdit):
            edit.removeEventFilter(self)
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Undo) and self._previous is not None:
            if event.type() == QEvent.Type.KeyPress:
                self.undo()
            event.accept()
            return True
        if watched is self._form.phone and event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if "\n" in text.strip():
                if event.type() == QEvent.Type.KeyPress:
                    self.paste_text(text)
                event.accept()
                return True
        return False

    # ------------------------------------------------------------------ paste, undo

    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        from superfone_desk.importing.paste import split_pasted

        values = split_pasted(text, self._region()).draft_values()
        if not values:
            self._show(self.tr("Nothing in the pasted text looks like a phone, email or name."))
            return
        # The extra phones box is one line: numbers separated by commas.
        if "extra_phones" in values:
            values["extra_phones"] = ", ".join(values["extra_phones"].split("\n"))
        self.fill(values, self.tr("Pasted"))

    def fill(self, values: Mapping[str, object], what: str) -> None:
        """Put ``values`` (LeadDraft attributes) in the form; say where; offer Undo."""
        form = self._form
        previous = form.draft()
        self._set(replace(previous, **values))  # type: ignore[arg-type]
        self._previous = previous
        placed = [
            f"{plain_label(_LABELS.get(attr, attr))} {_short(value)}"
            for attr, value in values.items()
            if value and attr in _LABELS
        ]
        self._show(f"{what}: " + " · ".join(placed), undo=True)
        form.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> None:
        if self._previous is None:
            return
        self._set(self._previous)
        self._previous = None
        self._show(self.tr("Paste undone."))

    def _set(self, draft: LeadDraft) -> None:
        self._applying = True
        try:
            self._form.set_draft(draft)
        finally:
            self._applying = False

    def _on_phone_changed(self, text: str) -> None:
        if not text and not self._applying and self.bar.isVisible():
            self.forget()

    def forget(self) -> None:
        """The form moved on (saved or cleared): nothing to undo any more."""
        self._previous = None
        self.bar.hide()

    def _show(self, text: str, *, undo: bool = False) -> None:
        self.note.setText(text)
        self.undo_button.setVisible(undo)
        self.bar.show()


def _short(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"
