"""What the form does for the person at the keyboard, beyond showing fields.

* **Kept values.** Save & New (and Clear, and a restart) keep the stage, group,
  assignee, labels, source and source type for the next lead. Each kept field shows a
  small "kept" marker beside its label, with a tooltip saying where the value came from
  and how to forget it; the marker goes when the user changes the field. ``forget``
  (Ctrl+Shift+K, Presets → Forget kept values) empties them all. A value Superfone
  refused is dropped from what is kept (``refused``): one wrong assignee must not make
  every next lead fail (issue 13, bug 2).
* **Focus in view.** Whatever moves the focus (Tab, an Alt+letter, a message that
  focuses its field), the field is scrolled into view.
* **Deal value preview.** How the typed amount will be read ("₹2,50,000 (2.5 lakh)").

Signals:
    forgotten(): the kept values were forgotten.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDynamicPropertyChangeEvent, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.draft import Choice
from superfone_desk.core.fields import BY_NAME, CREATE_FIELD, PICKER_KINDS, Kind, draft_value
from superfone_desk.core.money import deal_value_preview
from superfone_desk.settings import StickyDefaults
from superfone_desk.ui.form.field_changes import connect_field_changes
from superfone_desk.ui.form.flow_layout import FlowLayout

if TYPE_CHECKING:
    from superfone_desk.ui.form.lead_form import LeadForm
    from superfone_desk.ui.preferences import Preferences

FORGET_KEYS = "Ctrl+Shift+K"

#: Form field → the StickyDefaults attribute that carries it to the next lead.
KEPT_FIELDS: dict[str, str] = {
    "lead_stage_name": "lead_stage",
    "lead_group_name": "lead_group",
    "assignee_user_phone": "assignee_phone",
    "add_labels": "add_labels",
    "source": "source",
    "source_type": "source_type",
}


def _is_empty(value: object) -> bool:
    if isinstance(value, Choice):
        return value.is_untouched
    return value in ("", (), None)


def kept_labels(defaults: StickyDefaults) -> list[str]:
    """The form's names of the fields ``defaults`` fills ("Stage", "Add labels")."""
    return [
        BY_NAME[name].plain_label
        for name, attr in KEPT_FIELDS.items()
        if getattr(defaults, attr) not in ("", ())
    ]


def kept_summary(defaults: StickyDefaults) -> str:
    """For Clear's question and result: which values stay, and how to drop them."""
    labels = kept_labels(defaults)
    if not labels:
        return "Nothing is kept for the next lead."
    return f"Kept for the next lead: {', '.join(labels)} ({FORGET_KEYS} forgets them)."


class FormAssist(QObject):
    """Kept-value markers, forgetting them, focus kept in view, the deal value preview."""

    forgotten = Signal()

    def __init__(
        self, form: LeadForm, preferences: Preferences, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._preferences = preferences
        #: Field → the value that was carried over (the marker shows while it is there).
        self._kept: dict[str, object] = {}
        self._markers: dict[str, QLabel] = {}
        for name in KEPT_FIELDS:
            self._markers[name] = self._add_marker(name)
        self._align_label_column()
        self._preview = self._add_preview()
        self._reserve_space()
        # A screen reader announces the focused edit, not the box around it.
        form.assignee.edit.setAccessibleName(BY_NAME["assignee_user_phone"].plain_label)
        # A wrong assignee gets the red border of the other fields: the form marks the
        # box around the edit, the style sheet draws it on line edits.
        form.assignee.installEventFilter(self)
        #: Picker field → its value before the last pick, for Ctrl+Z (issue 13, bug 7).
        self._before: dict[str, object] = {}
        self._now: dict[str, object] = {}
        self._pickers: dict[QObject, str] = {}
        draft = form.draft()
        for spec in BY_NAME.values():
            if spec.kind in PICKER_KINDS:
                # Leaving a list field checks it, text that names no entry included
                # (label and product fields were never checked on leaving).
                done = getattr(form.widget(spec.name), "editing_finished", None)
                if done is not None:
                    done.connect(lambda n=spec.name: form.field_left.emit(n))
                edit = form.widget(spec.name).focusProxy()
                if edit is not None:
                    edit.installEventFilter(self)
                    self._pickers[edit] = spec.name
                self._now[spec.name] = draft_value(draft, spec.name)
                # "Remove stage from lead" is a Tab stop right after its field.
                for part in ("clear", "reset"):
                    button = form.findChild(QToolButton, f"{spec.name}_{part}")
                    if edit is not None and button is not None:
                        QWidget.setTabOrder(edit, button)
        connect_field_changes(form, self._on_field_changed)
        scroll = form.findChild(QScrollArea)
        if scroll is not None:
            self._scroll = scroll
            # Tab must go from field to field, not stop on the invisible scroll area.
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.connect(self._on_focus_changed)
                # The application outlives the form: stop listening when it goes.
                scroll.destroyed.connect(
                    lambda: app.focusChanged.disconnect(self._on_focus_changed)
                )
        # What the window put in the form at start (the last session's values) is kept.
        QTimer.singleShot(0, lambda: self.mark("your last session"))

    # ------------------------------------------------------------------ building

    def _label_of(self, name: str) -> QLabel | None:
        widget = self._form.widget(name)
        buddy = widget.focusProxy() or widget
        for label in self._form.findChildren(QLabel):
            if label.buddy() is buddy:
                return label
        return None

    def _add_marker(self, name: str) -> QLabel:
        """A "kept" marker beside the field's label, its space always reserved."""
        marker = QLabel("kept")
        marker.setObjectName(f"{name}_kept")
        marker.setProperty("role", "kept")
        font = marker.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        marker.setFont(font)
        policy = marker.sizePolicy()
        # Shown and hidden as values are kept and changed: the form must not move.
        policy.setRetainSizeWhenHidden(True)
        marker.setSizePolicy(policy)
        marker.hide()
        label = self._label_of(name)
        box_widget = label.parentWidget() if label is not None else None
        layout = box_widget.layout() if box_widget is not None else None
        if label is None or not isinstance(layout, QFormLayout):
            return marker
        position = layout.getWidgetPosition(label)
        row = int(position[0])  # type: ignore[index]
        holder = QWidget(box_widget)
        box = QHBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        layout.removeWidget(label)
        box.addWidget(label)
        box.addWidget(marker)
        box.addStretch(1)
        layout.setWidget(row, QFormLayout.ItemRole.LabelRole, holder)
        return marker

    def _reserve_space(self) -> None:
        """What appears while the user works keeps its place when it is absent.

        An error under a field, the lookup panel and the label chips pushed the form
        down on a mouse press, so the click landed on the row below and the first click
        on a dropdown arrow missed it (issue 13, bug 4). Each of them now holds its
        space from the start: hidden means blank, never gone.
        """
        form = self._form
        line = form.fontMetrics().lineSpacing()
        for name in (*BY_NAME, CREATE_FIELD):
            _keep_space(form.error_label(name), line)
        for name in BY_NAME:
            # A form layout with wrapping text gives rows their minimum heights when it
            # runs short: when the lookup panel filled in, every line edit lost 4 pixels
            # and the rows below crept up. A row keeps the height it was built with.
            cell = form.widget(name).parentWidget()
            if cell is not None:
                cell.setMinimumHeight(cell.sizeHint().height())
        # Room for two lines of "Save will update Asha Kumar — stage …" and a padding.
        # A form layout drops the row of a hidden widget, reserved or not: each goes
        # into a holder that stays.
        _keep_space(_held(form.lead_status), 2 * line + 16)
        chip_row = QToolButton().sizeHint().height() + 4
        _keep_space(_held(form.existing_labels), chip_row)
        for spec in BY_NAME.values():
            if spec.kind is Kind.TITLES:
                # The chips sit in the picker's flowing area (one row kept free).
                for area in form.multi(spec.name).findChildren(QWidget):
                    if isinstance(area.layout(), FlowLayout):
                        _keep_space(area, chip_row)

    def _align_label_column(self) -> None:
        """One label column for all groups again, with room for the markers."""
        labels = [
            label
            for label in self._form.findChildren(QLabel)
            if label.buddy() is not None and label.minimumWidth() > 0
        ]
        if not labels:
            return
        holders = {m.parentWidget() for m in self._markers.values()}
        room = max(m.sizeHint().width() for m in self._markers.values()) + 4
        column = max(label.minimumWidth() for label in labels) + room
        for label in labels:
            holder = label.parentWidget()
            if holder in holders and holder is not None:
                label.setMinimumWidth(0)
                holder.setMinimumWidth(column)
            else:
                label.setMinimumWidth(column)

    def _add_preview(self) -> QLabel | None:
        """A line under Deal value saying how the amount will be read."""
        edit = self._form.widget("deal_value")
        cell = edit.parentWidget()
        column = cell.layout() if cell is not None else None
        if cell is None or column is None:
            return None
        preview = QLabel(cell)
        preview.setObjectName("deal_value_preview")
        preview.setProperty("role", "hint")
        policy = preview.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        preview.setSizePolicy(policy)
        preview.setText(" ")  # the line's height, reserved from the start
        column.addWidget(preview)
        edit.setAccessibleDescription("")
        return preview

    # ------------------------------------------------------------------ kept values

    def kept(self) -> list[str]:
        """The fields showing a kept value, in form order."""
        return [name for name in KEPT_FIELDS if name in self._kept]

    def mark(self, origin: str) -> None:
        """Marks every kept field that holds a value (after Save & New, Clear, a start)."""
        draft = self._form.draft()
        self._kept.clear()
        for name in KEPT_FIELDS:
            value = draft_value(draft, name)
            marker = self._markers[name]
            if _is_empty(value):
                marker.hide()
                continue
            self._kept[name] = value
            marker.setToolTip(
                f"Kept from {origin}, for this lead too. Change it, or press {FORGET_KEYS} "
                "(Presets → Forget kept values) to empty all kept fields."
            )
            marker.show()
        self._update_clear_tooltip()

    def forget(self) -> None:
        """Empties every kept field and stops keeping them for the next leads."""
        form = self._form
        names = [BY_NAME[name].plain_label for name in self.kept()]
        for name in self.kept():
            self._clear_field(name)
        self._preferences.remember_sticky(
            StickyDefaults(create_if_missing=form.create_switch.isChecked())
        )
        self._kept.clear()
        for marker in self._markers.values():
            marker.hide()
        self._update_clear_tooltip()
        form.show_result(
            f"Forgotten: {', '.join(names)}." if names else "Nothing was kept.", ok=True
        )
        self.forgotten.emit()

    def refused(self, field: str, *, from_form: bool) -> None:
        """Superfone refused ``field``'s value: never carry it over again.

        ``from_form``: the form holds the next lead, so a kept copy of the value is
        taken out of it too (not when the form shows the refused lead itself).
        """
        attr = KEPT_FIELDS.get(field)
        if attr is None:
            return
        defaults = self._preferences.defaults
        if getattr(defaults, attr) not in ("", ()):
            empty = StickyDefaults()
            self._preferences.remember_sticky(replace(defaults, **{attr: getattr(empty, attr)}))
        # The next lead already got it: take it out there too (its marker says so).
        current = draft_value(self._form.draft(), field)
        if from_form and field in self._kept and current == self._kept[field]:
            self._clear_field(field)
            self._kept.pop(field, None)
            self._markers[field].hide()
            self._update_clear_tooltip()

    def _clear_field(self, name: str) -> None:
        form = self._form
        spec = BY_NAME[name]
        empty: object = "" if spec.kind in (Kind.LINE, Kind.SOURCE_TYPE) else Choice.untouched()
        if spec.kind is Kind.TITLES:
            empty = ()
        form.set_draft(replace(form.draft(), **{spec.attr: empty}))  # type: ignore[arg-type]

    def _update_clear_tooltip(self) -> None:
        labels = [BY_NAME[name].plain_label for name in self.kept()]
        kept = f" Kept values stay: {', '.join(labels)}." if labels else ""
        self._form.clear_button.setToolTip(f"Clear the form (Esc).{kept}")

    # ------------------------------------------------------------------ changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self._form.assignee
            and isinstance(event, QDynamicPropertyChangeEvent)
            and event.propertyName().data() == b"invalid"
        ):
            edit = self._form.assignee.edit
            edit.setProperty("invalid", watched.property("invalid"))
            edit.style().unpolish(edit)
            edit.style().polish(edit)
            return False
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
            # Undo the last pick: back to what the field held before it.
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
        if name in self._kept and draft_value(self._form.draft(), name) != self._kept[name]:
            # The user chose this value for this lead: it is no longer "kept".
            del self._kept[name]
            self._markers[name].hide()
            self._update_clear_tooltip()
        if name == "deal_value" and self._preview is not None:
            preview = deal_value_preview(str(draft_value(self._form.draft(), name) or ""))
            self._preview.setText(f"Read as {preview}" if preview else " ")

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self._scroll.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            # Tab scrolls by itself; an Alt+letter or a click on a message does not.
            # After the focus change has been handled (a picker may relayout on it).
            QTimer.singleShot(0, lambda: self._show_focus(new))

    def _show_focus(self, widget: QWidget) -> None:
        body = self._scroll.widget()
        if not widget.hasFocus() or body is None:
            return
        # The whole field, not only its text cursor (ensureWidgetVisible's aim for an
        # edit, which left a field's lower edge under the buttons).
        centre = widget.mapTo(body, widget.rect().center())
        self._scroll.ensureVisible(centre.x(), centre.y(), 20, widget.height() // 2 + 12)


def _keep_space(widget: QWidget, height: int) -> None:
    """``widget`` holds at least ``height`` pixels whether it is shown or hidden."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    widget.setMinimumHeight(height)


def _held(widget: QWidget) -> QWidget:
    """Puts ``widget`` (a spanning row of a form layout) into an always-shown holder."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if parent is None or not isinstance(layout, QFormLayout) or layout.indexOf(widget) < 0:
        return widget
    row = int(layout.getWidgetPosition(widget)[0])  # type: ignore[index]
    holder = QWidget(parent)
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    layout.removeWidget(widget)
    box.addWidget(widget)
    layout.setWidget(row, QFormLayout.ItemRole.SpanningRole, holder)
    return widget
