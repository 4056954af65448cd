"""The catalog pickers under the keyboard: checked on leaving, a pick undone with Ctrl+Z,
and the per-field "Remove … from lead" button a Tab stop right after its field.

* Leaving a list field checks it, text that names no entry included (label and product
  fields were never checked on leaving; issue 13, bug 6).
* Ctrl+Z in a picker whose own text has nothing to undo puts back what the field held
  before the last pick: a plain way to undo a pick (issue 13, bug 7).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

from superfone_desk.core.fields import BY_NAME, PICKER_KINDS, draft_value
from superfone_desk.ui.form.field_changes import connect_field_changes

if TYPE_CHECKING:
    from superfone_desk.ui.form.lead_form import LeadForm


class PickerKeys(QObject):
    """Wires every picker of ``form`` (built) as the module says."""

    def __init__(self, form: LeadForm, parent: QObject | None = None) -> None:
        super().__init__(parent or form)
        self._form = form
        #: Picker field → its value before the last pick / now.
        self._before: dict[str, object] = {}
        self._now: dict[str, object] = {}
        self._pickers: dict[QObject, str] = {}
        draft = form.draft()
        for spec in BY_NAME.values():
            if spec.kind not in PICKER_KINDS:
                continue
            done = getattr(form.widget(spec.name), "editing_finished", None)
            if done is not None:
                done.connect(lambda n=spec.name: form.field_left.emit(n))
            edit = form.widget(spec.name).focusProxy()
            if edit is not None:
                edit.installEventFilter(self)
                self._pickers[edit] = spec.name
            self._now[spec.name] = draft_value(draft, spec.name)
            for part in ("clear", "reset"):
                button = form.findChild(QToolButton, f"{spec.name}_{part}")
                if edit is not None and button is not None:
                    QWidget.setTabOrder(edit, button)
        connect_field_changes(form, self._on_field_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        name = self._pickers.get(watched)
        if (
            name is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and isinstance(watched, QLineEdit)
            and not watched.isUndoAvailable()
            and name in self._before
        ):
            spec = BY_NAME[name]
            before = self._before[name]
            self._form.set_draft(replace(self._form.draft(), **{spec.attr: before}))  # type: ignore[arg-type]
            return True
        return False

    def _on_field_changed(self, name: str) -> None:
        if name in self._now:
            value = draft_value(self._form.draft(), name)
            if value != self._now[name]:
                self._before[name], self._now[name] = self._now[name], value
