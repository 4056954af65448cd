"""The timeline note as an event, not a field value (issue #12.4).

Every upsert carrying ``customer_note`` appends a note (CONTRACT U3), so a note left in
the form would be posted again by every later Save of the same form ("fix the city,
Save again"). Once a save holding the note is in the outbox, the note box empties and a
read-only line under it says what was saved ("Note saved: …", then "Note posted: …"
when Superfone accepted it). Saving the form again sends no note.

If Superfone refuses the lead itself, the note was never sent (it travels alone and
last, docs/outbox.md): it goes back into the box, so fixing the lead sends it once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QBoxLayout, QLabel, QPlainTextEdit

from superfone_desk.store.entry import EntryState, NoteStatus, OutboxEntry
from superfone_desk.ui.plain_text import plain_tip

if TYPE_CHECKING:
    from superfone_desk.ui.form.lead_form import LeadForm

#: Longer notes are shown cut, with an ellipsis; the whole text is in the tooltip.
_SHOWN_CHARS = 120


class NoteReceipt(QObject):
    """Empties the note box once the note is saved and says so under it."""

    def __init__(self, form: LeadForm, parent: QObject | None = None) -> None:
        super().__init__(parent)
        note = form.widget("customer_note")
        assert isinstance(note, QPlainTextEdit)
        self._note = note
        cell = note.parentWidget()
        self._label = QLabel(cell)
        self._label.setObjectName("customer_note_saved")
        # The user's (or Superfone's) text, shown as typed: never rich text.
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setWordWrap(True)
        self._label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._label.hide()
        layout = cell.layout() if cell is not None else None
        if isinstance(layout, QBoxLayout):
            # Right under the box, above its error line (the form's cell for the field).
            layout.insertWidget(layout.indexOf(note) + 1, self._label)
        #: The entry whose note the line shows, and that note's text.
        self._entry: int | None = None
        self._text = ""
        form.phone_edited.connect(self._on_form_phone_edited)

    def text(self) -> str:
        """The line under the note box ("" when hidden)."""
        return "" if self._label.isHidden() else self._label.text()

    def saved(self, entry_id: int, note: str) -> None:
        """A save holding ``note`` is in the outbox: empty the box and say so."""
        if not note.strip():
            return
        self._entry = entry_id
        self._text = note
        self._note.clear()
        self._show(self.tr("Note saved"), note)

    def forget(self) -> None:
        """Another lead is in the form now: the line is not about it."""
        self._entry = None
        self._text = ""
        self._label.hide()

    def on_entry_changed(self, entry: OutboxEntry) -> None:
        """An outcome of a save: the note posted, or (refused) back into the box."""
        if entry.id != self._entry:
            return
        if entry.state is EntryState.SENT and entry.note_status is NoteStatus.SENT:
            self._show(self.tr("Note posted"), self._text)
        elif entry.state is EntryState.NEEDS_ATTENTION and entry.note_status is NoteStatus.PENDING:
            # Nothing carried the note: it goes out with the fixed lead, once.
            if not self._note.toPlainText().strip():
                self._note.setPlainText(self._text)
            self.forget()

    def _show(self, what: str, note: str) -> None:
        shown = note if len(note) <= _SHOWN_CHARS else note[: _SHOWN_CHARS - 1] + "…"
        self._label.setText(self.tr("{what}: {note}").format(what=what, note=shown))
        self._label.setToolTip(plain_tip(note) if shown != note else "")
        self._label.show()

    def _on_form_phone_edited(self, _text: str) -> None:
        if self._entry is not None:
            self.forget()
