"""A picker for one catalog title (stage, group, source type), with an explicit clear."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from superfone_desk.core.draft import Choice, ChoiceState
from superfone_desk.ui.form.catalog_picker import CatalogPicker, restyle, singular


class SinglePicker(CatalogPicker):
    """One catalog title, or nothing, or (when ``clearable``) "clear it on save".

    ``choice()`` is untouched until a title is committed; text naming no title leaves it
    untouched and shows up in ``invalid_text()``. Values given to ``set_choice`` before the
    catalog has loaded are trusted until it arrives, then checked like typed ones.

    Keyboard: typing filters the list (case-insensitive substring); Down (or Alt+Down)
    opens it; Up/Down move, Enter picks the highlighted title, Esc closes the list. Enter
    or leaving the field with the list closed accepts text that names a title ignoring case
    (snapping it to the exact title). When clearable, Delete in an empty field toggles
    "will be cleared" (also the Clear / Reset buttons).

    Signals:
        choice_changed(): ``choice()`` changed (by the user or a setter); read it from there.
        retry_requested(): the user pressed Retry after a failed load.
        editing_finished(): the user committed the text; check ``invalid_text()``.
    """

    choice_changed = Signal()

    def __init__(
        self,
        *,
        clearable: bool,
        placeholder: str,
        noun: str = "items",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(placeholder=placeholder, noun=noun, parent=parent)
        self._clearable = clearable
        self._state: ChoiceState = "untouched"
        self._value = ""

        # Says what it does: newcomers took "Clear" for "undo my pick" (issue 13, bug 7).
        one = singular(noun)
        self._clear = QToolButton(self)
        self._clear.setText(self.tr("Remove {one} from lead").format(one=one))
        self._clear.setToolTip(
            self.tr(
                "Take the {one} off the lead in Superfone when saving (Delete in the empty field)"
            ).format(one=one)
        )
        self._reset = QToolButton(self)
        self._reset.setText(self.tr("Undo remove"))
        self._reset.setToolTip(
            self.tr("Leave the lead's {one} as it is (Delete in the empty field)").format(one=one)
        )
        for button in (self._clear, self._reset):
            # A Tab stop after the field: reachable without the mouse or a hidden key.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(button.text())
            button.setAutoRaise(True)
        self._clear.clicked.connect(self._on_clear_clicked)
        self._reset.clicked.connect(self._on_reset_clicked)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._edit, 1)
        row.addWidget(self._clear)
        row.addWidget(self._reset)
        self._layout.addLayout(row)
        self._layout.addWidget(self._status_row)
        self._update_look()

    def choice(self) -> Choice:
        """The committed choice (untouched, cleared or set to a catalog title)."""
        if self._state == "set":
            return Choice.set(self._value)
        return Choice.cleared() if self._state == "cleared" else Choice.untouched()

    def set_choice(self, choice: Choice) -> None:
        """Show ``choice``; a set title missing from a loaded catalog is kept as invalid text."""
        if choice.is_cleared and not self._clearable:
            raise ValueError("this picker cannot be cleared")
        if choice.is_set:
            title = self._lookup(choice.value) if self._index is not None else choice.value
            self._edit.setText(choice.value if title is None else title)
            self._apply("set" if title else "untouched", title or "")
        else:
            self._edit.clear()
            self._apply(choice.state, "")

    def invalid_text(self) -> str | None:
        """The text in the field when it names no catalog title, else None."""
        text = self._edit.text()
        if not text.strip() or (self._state == "set" and text == self._value):
            return None
        return None if self._lookup(text) else text

    # ------------------------------------------------------------------ internals

    def _apply(self, state: ChoiceState, value: str) -> None:
        changed = (state, value) != (self._state, self._value)
        self._state, self._value = state, value
        self._update_look()
        if changed:
            self.choice_changed.emit()

    def _placeholder_text(self) -> str:
        if self._state == "cleared":
            return self.tr("— will be cleared —")
        return super()._placeholder_text()

    def _update_look(self) -> None:
        cleared = self._state == "cleared"
        self._update_placeholder()
        restyle(self._edit, "cleared", cleared)
        self._clear.setVisible(self._clearable and not cleared)
        self._reset.setVisible(cleared)

    def _pick(self, title: str) -> None:
        self._edit.setText(title)
        self._apply("set", title)

    def _commit_text(self) -> None:
        text = self._edit.text()
        if self._state == "set" and text == self._value:
            return
        if not text.strip():
            if self._state != "cleared":
                self._edit.clear()
                self._apply("untouched", "")
            return
        title = self._lookup(text)
        if title is None:
            # Keep the text: the form reports it via invalid_text().
            self._apply("untouched", "")
        else:
            self._edit.setText(title)
            self._apply("set", title)

    def _items_changed(self) -> None:
        if self._state == "set" and not self._known(self._value):
            self._apply("untouched", "")  # the text stays, now invalid
        elif self._state == "untouched" and not self._edit.hasFocus() and self._edit.text():
            # Text typed (or a value restored) while loading can be checked now.
            self._commit_text()

    def _handle_edit_key(self, event: QKeyEvent) -> bool:
        if (
            self._clearable
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and not self._edit.text()
        ):
            self._apply("untouched" if self._state == "cleared" else "cleared", "")
            self.editing_finished.emit()
            return True
        return False

    def _on_edit_text_edited(self, text: str) -> None:
        if self._state == "cleared" and text:
            # The "will be cleared" hint is gone once the user types; so is the clearing.
            self._apply("untouched", "")
        super()._on_edit_text_edited(text)

    def _on_clear_clicked(self) -> None:
        self._edit.clear()
        self._apply("cleared", "")
        self.editing_finished.emit()

    def _on_reset_clicked(self) -> None:
        self._edit.clear()
        self._apply("untouched", "")
        self.editing_finished.emit()

    def _inner_parts(self) -> dict[str, QObject]:
        return {**super()._inner_parts(), "clear": self._clear, "reset": self._reset}


