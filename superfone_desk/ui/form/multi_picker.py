"""A picker for several catalog titles (labels, products), shown as removable chips."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from superfone_desk.ui.form.catalog_picker import CatalogPicker, restyle, singular
from superfone_desk.ui.form.flow_layout import FlowLayout
from superfone_desk.ui.plain_text import plain, plain_tip


class _Chip(QFrame):
    """One chosen title: a rounded label with a × button.

    Signals:
        remove_requested(str): the × button was pressed for this title.
    """

    remove_requested = Signal(str)

    def __init__(self, title: str, noun: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = title
        self.setProperty("chip", True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._label = QLabel(title, self)
        plain(self._label)  # a catalog title, as written
        self.remove_button = QToolButton(self)
        self.remove_button.setText("×")
        self.remove_button.setAccessibleName(
            self.tr("Remove {one} {title}").format(one=singular(noun), title=title)
        )
        self.remove_button.setToolTip(plain_tip(self.tr("Remove {title}").format(title=title)))
        # Not a tab stop: Tab goes field to field in a form typed in fast; the picker moves
        # focus here with the arrow keys instead.
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._label)
        layout.addWidget(self.remove_button)

    def set_names(self, name: str) -> None:
        self.setObjectName(f"{name}_chip" if name else "")
        self.remove_button.setObjectName(f"{name}_chip_remove" if name else "")

    def _on_remove_clicked(self) -> None:
        self.remove_requested.emit(self.title)


class MultiPicker(CatalogPicker):
    """Several catalog titles, shown as removable chips under the edit, in the order added.

    Only catalog titles are added: Enter on text naming no title keeps it in the edit and
    ``invalid_text()`` reports it (the API would drop unknown names without a word). Titles
    given to ``set_values`` are kept even when the loaded catalog lacks them; the chip is
    marked and ``invalid_text()`` names the first such title.

    Keyboard: typing filters the list (chosen titles are left out); Down opens it; Enter
    adds the highlighted title (or, with the list closed, the title the text names ignoring
    case; leaving the field does the same); Esc closes the list; Backspace in the empty edit
    removes the last chip. Chips are not tab stops (Tab goes on to the next field): Left
    with the cursor at the start of the edit moves focus onto the last chip's × button,
    Left/Right move between chips (Right from the last one returns to the edit), and Space,
    Delete or Backspace removes the chip in focus, focus moving to the next one (or back to
    the edit). Screen readers announce the × buttons as "Remove label Hot".

    Signals:
        values_changed(): ``values()`` changed (by the user or a setter); read it from there.
        retry_requested(): the user pressed Retry after a failed load.
        editing_finished(): the user committed the text; check ``invalid_text()``.
    """

    values_changed = Signal()

    def __init__(self, *, placeholder: str, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(placeholder=placeholder, noun=noun, parent=parent)
        self._chips: list[_Chip] = []
        self._chosen: set[str] = set()
        self._chip_area = QWidget(self)
        self._chip_layout = FlowLayout(self._chip_area)
        self._chip_area.hide()
        self._edit.setToolTip(
            self.tr("Backspace removes the last of the {noun}; Left moves onto them").format(
                noun=noun
            )
        )
        self._layout.addWidget(self._edit)
        self._layout.addWidget(self._chip_area)
        self._layout.addWidget(self._status_row)

    def values(self) -> tuple[str, ...]:
        """The chosen titles, in the order they were added."""
        return tuple(chip.title for chip in self._chips)

    def set_values(self, titles: Iterable[str]) -> None:
        """Replace the chips with ``titles`` (duplicates dropped)."""
        new = tuple(dict.fromkeys(titles))
        if new == self.values():
            return
        for chip in self._chips:
            self._drop_chip(chip)
        self._chips.clear()
        self._chosen.clear()
        for title in new:
            self._add_chip(title)
        self._after_values_changed()

    def clear_values(self) -> None:
        """Remove every chip."""
        self.set_values(())

    def invalid_text(self) -> str | None:
        """Typed text naming no title, else the first chosen title the catalog lacks."""
        text = self._edit.text()
        if text.strip() and self._lookup(text) is None:
            return text
        if self._index is not None:
            return next((t for t in self.values() if not self._known(t)), None)
        return None

    # ------------------------------------------------------------------ internals

    def _excluded(self) -> set[str]:
        return self._chosen

    def _add(self, title: str) -> None:
        self._edit.clear()
        if title in self._chosen:
            return
        self._add_chip(title)
        self._after_values_changed()

    def _add_chip(self, title: str) -> None:
        chip = _Chip(title, self._noun, self._chip_area)
        chip.set_names(self.objectName())
        chip.remove_requested.connect(self._on_chip_remove_requested)
        chip.remove_button.installEventFilter(self)
        self._mark_unknown(chip)
        self._chip_layout.addWidget(chip)
        # Right after the edit in the focus chain, so Tab and Shift+Tab from a chip leave
        # the picker where the edit would.
        previous = self._chips[-1].remove_button if self._chips else self._edit
        QWidget.setTabOrder(previous, chip.remove_button)
        self._chips.append(chip)
        self._chosen.add(title)

    def _drop_chip(self, chip: _Chip) -> None:
        self._chip_layout.removeWidget(chip)
        chip.hide()
        # Later: this may run inside the chip's own clicked signal.
        chip.deleteLater()

    def _mark_unknown(self, chip: _Chip) -> None:
        restyle(chip, "unknown", self._index is not None and not self._known(chip.title))

    def _after_values_changed(self) -> None:
        self._chip_area.setVisible(bool(self._chips))
        self.values_changed.emit()

    def _remove_at(self, index: int) -> None:
        chip = self._chips.pop(index)
        self._chosen.discard(chip.title)
        if chip.remove_button.hasFocus():
            # Keep keyboard users in the chips rather than dropping focus to the window.
            following = self._chips[index] if index < len(self._chips) else None
            target = following.remove_button if following else self._edit
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._drop_chip(chip)
        self._after_values_changed()

    def _pick(self, title: str) -> None:
        self._add(title)

    def _commit_text(self) -> None:
        text = self._edit.text()
        if not text.strip():
            return
        title = self._lookup(text)
        if title is not None:
            self._add(title)

    def _items_changed(self) -> None:
        for chip in self._chips:
            self._mark_unknown(chip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QToolButton):
            index = next(
                (i for i, chip in enumerate(self._chips) if chip.remove_button is watched), None
            )
            if index is not None:
                assert isinstance(event, QKeyEvent)
                return self._on_chip_key_pressed(index, event)
        return super().eventFilter(watched, event)

    def _on_chip_key_pressed(self, index: int, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._remove_at(index)
        elif key == Qt.Key.Key_Left:
            self._chips[max(index - 1, 0)].remove_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif key == Qt.Key.Key_Right and index + 1 < len(self._chips):
            self._chips[index + 1].remove_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Escape):
            self._edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            return False
        return True

    def _handle_edit_key(self, event: QKeyEvent) -> bool:
        if (
            event.key() == Qt.Key.Key_Left
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self._edit.cursorPosition() == 0
            and not self._edit.hasSelectedText()
            and self._chips
        ):
            self._chips[-1].remove_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Consumed: adding a chip must not also press the form's default button.
            self._commit_text()
            self.editing_finished.emit()
            return True
        if (
            event.key() == Qt.Key.Key_Backspace
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and not self._edit.text()
            and self._chips
        ):
            self._remove_at(len(self._chips) - 1)
            return True
        return False

    def _on_chip_remove_requested(self, title: str) -> None:
        index = next((i for i, chip in enumerate(self._chips) if chip.title == title), None)
        if index is not None:
            self._remove_at(index)

    def _on_object_name_changed(self, name: str) -> None:
        super()._on_object_name_changed(name)
        for chip in self._chips:
            chip.set_names(name)

    def _inner_parts(self) -> dict[str, QObject]:
        return {**super()._inner_parts(), "chips": self._chip_area}
