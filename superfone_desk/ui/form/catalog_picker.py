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

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.ui.form.catalog_index import NO_TITLES, CatalogIndex
from superfone_desk.ui.plain_text import plain

# Explicit context: self.tr() would look the subclass's name up (SinglePicker…).
translate = QCoreApplication.translate

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


def singular(noun: str) -> str:
    # Nouns are plural ("labels", "source types"); chips name one of them.
    return noun.removesuffix("s")


def restyle(widget: QWidget, name: str, value: bool) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    # Style sheets read dynamic properties at polish time only.
    widget.style().unpolish(widget)
    widget.style().polish(widget)



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


class CatalogPicker(QWidget):
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
        self._open_action.setToolTip(
            translate("CatalogPicker", "Show all {noun} (Down)").format(noun=noun)
        )
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
        self._retry.setText(translate("CatalogPicker", "Retry"))
        self._retry.setAccessibleName(
            translate("CatalogPicker", "Retry loading {noun}").format(noun=noun)
        )
        self._retry.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._retry.clicked.connect(self._on_retry_clicked)
        self._stale = QLabel(self)
        # A failed load says the server's reason: text, never markup.
        plain(self._status, self._stale)
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
            self._show_status(
                translate("CatalogPicker", "No {noun} in this account").format(noun=self._noun)
            )
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
        message = translate("CatalogPicker", "Loading {noun}…").format(noun=self._noun)
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
        restyle(self._edit, "error", error)

    def filter_for(self, text: str) -> int:
        """Fill the popup's list with the titles matching ``text`` and return how many.

        This is what each keystroke runs (benchmarks time it directly).
        """
        index = self._index if self._index is not None else NO_TITLES
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
            return translate("CatalogPicker", "{placeholder} (refreshing {noun}…)").format(
                placeholder=self._placeholder, noun=self._noun
            )
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
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self._popup.isVisible()
        ):
            # Esc closes the open list, and only that: the form's Esc ("Clear the
            # form?") must not take it first (issue 13, bug 6).
            event.accept()
            return True
        if (
            watched is self._popup
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
            and self._popup.currentIndex().isValid()
        ):
            # Tab takes the highlighted entry, then moves on as usual (the completer
            # passes the Tab to the field).
            self._pick(str(self._popup.currentIndex().data()))
            self.editing_finished.emit()
            return False
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


