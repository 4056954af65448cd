"""Small field widgets the lead form is built from.

``PhoneEdit`` formats a phone as it is typed; ``AssigneeField`` adds the explicit
"unassign" state the API distinguishes from "leave as is"; ``ErrorLabel`` is the
inline message under a field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDynamicPropertyChangeEvent, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from superfone_desk.core.draft import Choice
from superfone_desk.core.phones import format_as_you_type
from superfone_desk.ui.i18n import core_text
from superfone_desk.ui.plain_text import plain_tip

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QFocusEvent


class PhoneEdit(QLineEdit):
    """A line edit that shows the phone formatted for its country while typing.

    Only edits made by the user are reformatted (``textEdited``), so setting the text
    from code shows it as given. The cursor stays after the same digit.
    """

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._region = region
        self.textEdited.connect(self._on_text_edited)

    def set_region(self, region: str) -> None:
        self._region = region

    def _on_text_edited(self, text: str) -> None:
        formatted = format_as_you_type(text, self._region)
        if formatted == text:
            return
        cursor = self.cursorPosition()
        significant_before = sum(1 for ch in text[:cursor] if ch.isalnum() or ch == "+")
        self.setText(formatted)
        self.setCursorPosition(_position_after(formatted, significant_before))


def _position_after(text: str, significant: int) -> int:
    """The cursor position just after the ``significant``-th digit/letter/plus of ``text``."""
    if significant <= 0:
        return 0
    seen = 0
    for index, ch in enumerate(text, start=1):
        if ch.isalnum() or ch == "+":
            seen += 1
            if seen == significant:
                return index
    return len(text)


class NoteEdit(QPlainTextEdit):
    """Multi-line text where Tab moves on, as in every other field of the form."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(64)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        # A window closing takes the focus too; that is not the user leaving the field
        # (and the form may already be half torn down).
        if self.isVisible():
            self.editingFinished.emit()


class AssigneeField(QWidget):
    """The assignee's phone, or an explicit "Unassign" (sends null).

    Signals:
        choice_changed(): the phone text or the unassign switch changed.
    """

    choice_changed = Signal()

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = PhoneEdit(region, self)
        self.edit.setPlaceholderText(self.tr("Team member's phone (leave empty to keep as is)"))
        self.unassign = QToolButton(self)
        self.unassign.setText(self.tr("Unassign"))
        self.unassign.setCheckable(True)
        self.unassign.setToolTip(self.tr("Remove the lead's assignee when saving"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.unassign)
        self.setFocusProxy(self.edit)
        self._resolve: Callable[[str], str | None] = lambda text: None
        self.edit.textChanged.connect(self._on_edit_changed)
        # Connected before the form's own check of the field, which then sees the phone.
        self.edit.editingFinished.connect(self._show_resolved)
        self.unassign.toggled.connect(self._on_unassign_toggled)

    def set_resolver(self, resolve: Callable[[str], str | None]) -> None:
        """``resolve(text)``: the phone of the team member ``text`` names, or None (the
        team picker's; a name typed in full without picking it from the list)."""
        self._resolve = resolve

    def set_names(self, name: str) -> None:
        self.setObjectName(name)
        self.edit.setObjectName(f"{name}_edit")
        self.unassign.setObjectName(f"{name}_unassign")

    def choice(self) -> Choice:
        if self.unassign.isChecked():
            return Choice.cleared()
        text = self.edit.text().strip()
        if not text:
            return Choice.untouched()
        return Choice.set(self._resolve(text) or text)

    def show_member(self, phone: str, name: str) -> None:
        """A team member in the field: their phone (what the API takes), the name as its
        tooltip."""
        self.edit.setToolTip(plain_tip(name))
        self.edit.setText(phone)

    def _show_resolved(self) -> None:
        typed = self.edit.text().strip()
        phone = self._resolve(typed)
        if phone:
            self.show_member(phone, typed)

    def set_choice(self, choice: Choice) -> None:
        self.unassign.setChecked(choice.is_cleared)
        self.edit.setText(choice.value if choice.is_set and choice.value else "")

    def _on_edit_changed(self, text: str) -> None:
        if text.strip() and self.unassign.isChecked():
            self.unassign.setChecked(False)
        self.choice_changed.emit()

    def event(self, event: QEvent) -> bool:
        # The form marks a wrong field on the widget it knows (this box) with "invalid";
        # the style sheet draws the red border on line edits: the edit gets it too.
        if (
            isinstance(event, QDynamicPropertyChangeEvent)
            and event.propertyName().data() == b"invalid"
        ):
            self.edit.setProperty("invalid", self.property("invalid"))
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)
        return super().event(event)

    def _on_unassign_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(not checked)
        self.edit.setPlaceholderText(
            self.tr("— the lead will be unassigned —")
            if checked
            else self.tr("Team member's phone (leave empty to keep as is)")
        )
        self.choice_changed.emit()


class ErrorLabel(QLabel):
    """The inline message under one field; hidden when there is nothing to say."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_error")
        self.setWordWrap(True)
        # Server messages land here (a refused field's reason): text, never markup.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("role", "error")
        self.hide()

    def show_message(self, message: str | None) -> None:
        # Validation and server texts come from the core in English: shown translated.
        self.setText(core_text(message) if message else "")
        self.setVisible(bool(message))
