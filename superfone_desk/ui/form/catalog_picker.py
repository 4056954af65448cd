"""Pickers for catalog titles: one (stage, group, source type) or several (labels, products).

The lists are the account's catalogs, by title; a title is both what is shown and what is
sent. Loading them happens elsewhere (``catalog_loader``): a picker only shows the state it
is told (loading, failed with a Retry button, empty, or ready) plus an optional "as of" note.

Only catalog titles become values. Text that names no entry stays in the field, so nothing
typed is lost, and ``invalid_text()`` reports it for the form to explain.

A catalog reaches pickers as a ``CatalogIndex`` (the titles, de-duplicated, with their
case-folded forms and look-up tables): plain Python, so the loader builds it in a worker
thread, and immutable, so one index is shared by every picker of that catalog
(``set_index``; ``set_items(titles)`` builds one itself). Handing 10,000 titles to a
picker then costs the GUI thread next to nothing: the popup's model is not refilled
while the popup is closed and the edit empty (it is refilled on the next keystroke or
Down). A refresh of a list already shown (``set_loading``) does not show or hide the
status row, so the form does not re-layout.

Filtering: typing refills a plain ``QStringListModel`` with the titles containing the text
(case-insensitive), computed in Python over a pre-folded list, and the ``QCompleter`` shows
that model unfiltered; chosen labels are left out by a set lookup in the same pass. With
10,000 titles on a loaded 2-core VM, ``filter_for`` takes 1.5-4 ms and a whole keystroke
(popup shown and painted) 5-14 ms at p95, where ``QSortFilterProxyModel.setFilterFixedString`` alone
took 10-25 ms (the proxy diffs old and new rows and signals every changed range) and a
Python ``filterAcceptsRow`` twice that. The popup uses uniform item sizes, without which
the list view measures every row (80-150 ms for 5,000 matches).

Inner widgets are named after the picker (``set_names(name)`` or ``setObjectName(name)``,
either works): ``<name>_edit``, ``<name>_popup``, ``<name>_status``, ``<name>_retry``,
``<name>_stale``, plus ``<name>_clear`` / ``<name>_reset`` (``SinglePicker``) and
``<name>_chips`` / ``<name>_chip`` / ``<name>_chip_remove`` (``MultiPicker``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.draft import Choice, ChoiceState
from superfone_desk.ui.form.flow_layout import FlowLayout

# Dynamic properties drive the looks, so the style sheet is set once per picker.
_STYLE = """
QLineEdit[error="true"] { border: 1px solid #c62828; border-radius: 3px; padding: 1px 2px; }
QLineEdit[cleared="true"] { font-style: italic; }
QFrame[chip="true"] { border: 1px solid palette(mid); border-radius: 9px;
                      background: palette(alternate-base); }
QFrame[chip="true"][unknown="true"] { border-color: #c62828; }
QFrame[chip="true"] QLabel { border: none; background: transparent; padding-left: 6px; }
QFrame[chip="true"] QToolButton { border: none; padding: 0 4px; }
QFrame[chip="true"] QToolButton:focus { border: 1px solid palette(highlight); border-radius: 7px; }
"""


def _singular(noun: str) -> str:
    # Nouns are plural ("labels", "source types"); chips name one of them.
    return noun.removesuffix("s")


def _restyle(widget: QWidget, name: str, value: bool) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    # Style sheets read dynamic properties at polish time only.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class CatalogIndex:
    """The titles of one catalog, ready for pickers to filter and look up. No Qt.

    Build it wherever the titles arrive (a worker thread is fine: it is plain Python) and
    give the same index to every picker of that catalog with ``set_index``; it never
    changes after construction, so sharing it across pickers and threads is safe.
    Duplicated titles are dropped (the first stays); the order is kept.
    """

    __slots__ = ("_by_fold", "_folded", "_title_set", "_titles")

    def __init__(self, titles: Iterable[str] = ()) -> None:
        items = tuple(dict.fromkeys(titles))
        folded = tuple(title.casefold() for title in items)
        by_fold: dict[str, str | None] = {}
        for title, fold in zip(items, folded, strict=True):
            # None when two titles fold alike: no safe snap to either.
            by_fold[fold] = None if fold in by_fold else title
        self._titles = items
        self._folded = folded
        self._title_set = frozenset(items)
        self._by_fold = by_fold

    @property
    def titles(self) -> tuple[str, ...]:
        """The titles, in catalog order, each once."""
        return self._titles

    def __len__(self) -> int:
        return len(self._titles)

    def __contains__(self, title: object) -> bool:
        return title in self._title_set

    def __repr__(self) -> str:
        return f"CatalogIndex({len(self._titles)} titles)"

    def lookup(self, text: str) -> str | None:
        """The title ``text`` names: exact, else trimmed, else the one equal ignoring case.

        None when none does, or when several titles are equal ignoring case.
        """
        if text in self._title_set:
            return text
        stripped = text.strip()
        if stripped in self._title_set:
            return stripped
        return self._by_fold.get(stripped.casefold())

    def matching(self, text: str, excluded: Collection[str] = ()) -> list[str]:
        """The titles containing ``text`` ignoring case (all for ""), minus ``excluded``."""
        needle = text.casefold()
        if needle:
            return [
                title
                for title, folded in zip(self._titles, self._folded, strict=True)
                if needle in folded and title not in excluded
            ]
        if not excluded:
            return list(self._titles)
        return [title for title in self._titles if title not in excluded]


_NO_TITLES = CatalogIndex()


class _CurrentRowDelegate(QStyledItemDelegate):
    """Paints the popup's current row as selected.

    The completer marks the first match current without selecting it (selecting would
    replace the typed text with it); Enter picks the current row, so it must show.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index == self._view.currentIndex():
            option.state |= QStyle.StateFlag.State_Selected


class _CatalogPicker(QWidget):
    """What both pickers share: the edit with its filtered popup, the catalog and its state.

    Signals:
        retry_requested(): the user pressed Retry after a failed load.
        editing_finished(): the user committed the text (Enter, focus out, a popup pick);
            read ``invalid_text()`` now to check it.
    """

    retry_requested = Signal()
    editing_finished = Signal()

    def __init__(self, *, placeholder: str, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._noun = noun
        self._placeholder = placeholder
        # None until the first set_index: "not known yet" differs from "known to be empty".
        self._index: CatalogIndex | None = None
        # Whether the popup's model may lag behind the index (refilled before it shows).
        self._model_stale = False
        # A refresh of a list already shown is under way (see set_loading).
        self._refreshing = False

        self._edit = QLineEdit(self)
        self._edit.setPlaceholderText(placeholder)
        self._open_action = self._edit.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            QLineEdit.ActionPosition.TrailingPosition,
        )
        self._open_action.setToolTip(f"Show all {noun} (Down)")
        self._open_action.triggered.connect(self._on_open_action_triggered)

        self._shown = QStringListModel(self)
        self._completer = QCompleter(self._shown, self)
        # The model already holds only the matches; the completer just shows them and
        # finds the first (current) row with the same rule.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setMaxVisibleItems(10)
        # Without wrapping some row is always highlighted while the list is open, so
        # Enter always picks what the user sees.
        self._completer.setWrapAround(False)
        self._edit.setCompleter(self._completer)
        # Queued: QLineEdit connects its own setText to `activated` on every focus-in, so
        # after us, and our handler must run after it. (The default overload is the text.)
        self._completer.activated.connect(
            self._on_completer_activated, Qt.ConnectionType.QueuedConnection
        )
        popup = self._completer.popup()
        assert isinstance(popup, QListView)  # the completer's default popup
        self._popup = popup
        self._popup.setUniformItemSizes(True)
        self._popup.setItemDelegate(_CurrentRowDelegate(self._popup))
        # Installed after the completer's own filter, so ours sees Enter first.
        self._popup.installEventFilter(self)
        self._edit.installEventFilter(self)
        self._edit.textEdited.connect(self._on_edit_text_edited)
        # Enter with the list closed, or leaving the field. QLineEdit already skips the
        # focus loss to a context menu or to the completer's own list.
        self._edit.editingFinished.connect(self._on_edit_editing_finished)

        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._retry = QToolButton(self)
        self._retry.setText("Retry")
        self._retry.setAccessibleName(f"Retry loading {noun}")
        self._retry.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._retry.clicked.connect(self._on_retry_clicked)
        self._stale = QLabel(self)
        for label in (self._status, self._stale):
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            label.setFont(font)
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._status_row = QWidget(self)
        status_layout = QHBoxLayout(self._status_row)
        status_layout.setContentsMargins(0, 0, 0, 0)
        status_layout.addWidget(self._status, 1)
        status_layout.addWidget(self._retry)
        status_layout.addWidget(self._stale)
        for widget in (self._status, self._retry, self._stale, self._status_row):
            widget.hide()

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

        self.setStyleSheet(_STYLE)
        self.setFocusProxy(self._edit)
        self.objectNameChanged.connect(self._on_object_name_changed)

    # ------------------------------------------------------------------ public

    def set_names(self, name: str) -> None:
        """Name the picker ``name`` and its parts ``<name>_edit`` etc. (same as setObjectName)."""
        self.setObjectName(name)

    def setAccessibleName(self, name: str) -> None:
        """Also names the edit: screen readers announce the focused widget, not its parent."""
        super().setAccessibleName(name)
        self._edit.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:
        """Also describes the edit (the form links its error message this way)."""
        super().setAccessibleDescription(description)
        self._edit.setAccessibleDescription(description)

    def set_items(self, titles: Sequence[str]) -> None:
        """Show ``titles`` (the catalog, in order; duplicates dropped) and leave loading/failed.

        Builds a ``CatalogIndex`` on the calling thread; for big catalogs shown in several
        pickers, build one in a worker and call ``set_index`` on each picker instead.
        """
        self.set_index(CatalogIndex(titles))

    def set_index(self, index: CatalogIndex) -> None:
        """Show the catalog ``index`` (shareable between pickers) and leave loading/failed.

        Cheap on the GUI thread: the popup's list is only refilled now if the popup is
        open or text is typed; otherwise on the next keystroke or Down.
        """
        self._index = index
        self._refreshing = False
        if len(index):
            self._show_status(None)
        else:
            self._show_status(f"No {self._noun} in this account")
        self._update_placeholder()
        self._refilter()
        self._items_changed()

    def index(self) -> CatalogIndex | None:
        """The catalog shown, or None before the first ``set_index`` / ``set_items``."""
        return self._index

    def items(self) -> list[str]:
        """The catalog titles shown, in order (empty until the first ``set_items``)."""
        return list(self._index.titles) if self._index is not None else []

    def status_text(self) -> str:
        """The loading / failure / empty message shown under the field, or ""."""
        return self._status.text()

    def set_loading(self) -> None:
        """Say the list is loading; the current items (if any) stay usable meanwhile.

        Before any items: "Loading …" under the field. With items shown (a refresh) the
        status row is not shown or hidden, so the form keeps its layout: the placeholder
        says "refreshing", and a status line already showing (an empty list, an earlier
        failure) changes its text in place.
        """
        message = f"Loading {self._noun}…"
        if self._index is None:
            self._show_status(message)
            return
        self._refreshing = True
        self._update_placeholder()
        if not self._status.isHidden():
            # A line is already there (an empty list, an earlier failure): same height,
            # new text; its Retry button goes.
            self._status.setText(message)
            self._retry.hide()

    def is_refreshing(self) -> bool:
        """Whether ``set_loading`` was called since the items shown arrived."""
        return self._refreshing

    def set_failed(self, message: str) -> None:
        """Show ``message`` with a Retry button (which emits ``retry_requested``)."""
        self._refreshing = False
        self._update_placeholder()
        self._show_status(message, retry=True)

    def set_stale_note(self, text: str | None) -> None:
        """Show a small note such as "as of 10:42" next to the status, or hide it (None)."""
        self._stale.setText(text or "")
        self._stale.setVisible(bool(text))
        self._update_status_row()

    def set_error(self, error: bool) -> None:
        """Draw the edit with an error border; the form shows the message itself."""
        _restyle(self._edit, "error", error)

    def filter_for(self, text: str) -> int:
        """Fill the popup's list with the titles matching ``text`` and return how many.

        This is what each keystroke runs (benchmarks time it directly).
        """
        index = self._index if self._index is not None else _NO_TITLES
        rows = index.matching(text, self._excluded())
        self._shown.setStringList(rows)
        self._model_stale = False
        return len(rows)

    # ------------------------------------------------------------------ for subclasses

    def _excluded(self) -> frozenset[str] | set[str]:
        return frozenset()

    def _items_changed(self) -> None:
        """Called after ``set_items``; re-check the current value against the new list."""

    def _pick(self, title: str) -> None:
        """The user chose ``title`` from the popup."""
        raise NotImplementedError

    def _commit_text(self) -> None:
        """The user finished typing (Enter or focus out) with the popup closed."""
        raise NotImplementedError

    def _handle_edit_key(self, event: QKeyEvent) -> bool:
        """Picker-specific keys in the edit; True when handled."""
        return False

    def _lookup(self, text: str) -> str | None:
        """The catalog title ``text`` names: exact, else the one that matches ignoring case."""
        return self._index.lookup(text) if self._index is not None else None

    def _known(self, title: str) -> bool:
        """Whether ``title`` is in the loaded catalog (False before it has loaded)."""
        return self._index is not None and title in self._index

    def _refilter(self) -> None:
        text = self._edit.text()
        if text or self._popup.isVisible():
            self.filter_for(text)
        elif not self._model_stale:
            # Nothing shows the list now; the next keystroke or Down fills it.
            self._shown.setStringList([])
            self._model_stale = True

    def _placeholder_text(self) -> str:
        if self._refreshing:
            return f"{self._placeholder} (refreshing {self._noun}…)"
        return self._placeholder

    def _update_placeholder(self) -> None:
        self._edit.setPlaceholderText(self._placeholder_text())

    def _open_popup(self, text: str) -> None:
        if self.filter_for(text) == 0:
            return
        self._completer.setCompletionPrefix(text)
        self._completer.complete()

    def _inner_parts(self) -> dict[str, QObject]:
        return {
            "edit": self._edit,
            "open": self._open_action,
            "popup": self._popup,
            "status": self._status,
            "retry": self._retry,
            "stale": self._stale,
        }

    # ------------------------------------------------------------------ internals

    def _show_status(self, message: str | None, *, retry: bool = False) -> None:
        self._status.setText(message or "")
        self._status.setVisible(bool(message))
        self._retry.setVisible(retry)
        self._update_status_row()

    def _update_status_row(self) -> None:
        self._status_row.setVisible(
            not (self._status.isHidden() and self._retry.isHidden() and self._stale.isHidden())
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._popup and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            current = self._popup.currentIndex()
            selection = self._popup.selectionModel()
            if (
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                and current.isValid()
                and not selection.hasSelection()
            ):
                # The completer spends the first Up/Down on selecting the current row; our
                # delegate already shows that row as chosen, so that key would look dead.
                selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._accept_current_row()
                return True
        elif watched is self._edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._on_edit_key_pressed(event)
        return super().eventFilter(watched, event)

    def _accept_current_row(self) -> None:
        current = self._popup.currentIndex()
        self._popup.hide()
        # No current row only when Qt's case folding finds no match where ours did.
        if current.isValid():
            self._pick(str(current.data()))
        else:
            self._commit_text()
        self.editing_finished.emit()

    def _on_edit_key_pressed(self, event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._popup.isVisible():
            # The popup normally gets the keys while open; Enter sent to the edit itself
            # (accessibility tools, tests) means the same.
            self._accept_current_row()
            return True
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Down and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.AltModifier,
        ):
            if not self._popup.isVisible():
                self._open_popup(self._popup_text())
            return True
        return self._handle_edit_key(event)

    def _popup_text(self) -> str:
        """The filter Down opens the list with: what is typed, or all for a chosen title."""
        text = self._edit.text()
        return "" if self._lookup(text) == text else text

    def _on_open_action_triggered(self) -> None:
        self._edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._open_popup(self._popup_text())

    def _on_edit_text_edited(self, text: str) -> None:
        # QLineEdit shows the completer right after this signal, so the list is ready.
        self.filter_for(text)

    def _on_edit_editing_finished(self) -> None:
        self._commit_text()
        self.editing_finished.emit()

    def _on_completer_activated(self, title: str) -> None:
        self._pick(title)
        self.editing_finished.emit()

    def _on_retry_clicked(self) -> None:
        self.retry_requested.emit()

    def _on_object_name_changed(self, name: str) -> None:
        for suffix, part in self._inner_parts().items():
            part.setObjectName(f"{name}_{suffix}" if name else "")


class SinglePicker(_CatalogPicker):
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

        self._clear = QToolButton(self)
        self._clear.setText("Clear")
        self._clear.setToolTip("Clear this field when saving (Delete in the empty field)")
        self._reset = QToolButton(self)
        self._reset.setText("Reset")
        self._reset.setToolTip("Leave this field as it is (Delete in the empty field)")
        for button in (self._clear, self._reset):
            # Delete covers the keyboard; a tab stop per picker would slow the form down.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
            return "— will be cleared —"
        return super()._placeholder_text()

    def _update_look(self) -> None:
        cleared = self._state == "cleared"
        self._update_placeholder()
        _restyle(self._edit, "cleared", cleared)
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
        self.remove_button = QToolButton(self)
        self.remove_button.setText("×")
        self.remove_button.setAccessibleName(f"Remove {_singular(noun)} {title}")
        self.remove_button.setToolTip(f"Remove {title}")
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


class MultiPicker(_CatalogPicker):
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
        self._edit.setToolTip(f"Backspace removes the last of the {noun}; Left moves onto them")
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
        _restyle(chip, "unknown", self._index is not None and not self._known(chip.title))

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


__all__ = ["CatalogIndex", "MultiPicker", "SinglePicker"]
