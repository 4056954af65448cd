"""The form's rows keep their place: nothing that comes and goes moves what is below.

An error under a field, the lookup panel and the label chips pushed the form down on a
mouse press, so the click landed on the row below and the first click on a dropdown
arrow missed it (issue 13, bug 4). ``LeadForm.build_rest`` calls these once its rows
exist: each such part holds its space from the start (hidden means blank, never gone),
and a "kept" marker has its place beside its field's label (``ui.form.kept_values``
shows it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.fields import BY_NAME, CREATE_FIELD, Kind
from superfone_desk.ui.form.flow_layout import FlowLayout

if TYPE_CHECKING:
    from collections.abc import Iterable

    from superfone_desk.ui.form.lead_form import LeadForm


def add_kept_markers(form: LeadForm, names: Iterable[str]) -> dict[str, QLabel]:
    """A hidden "kept" marker beside the label of each field in ``names``, its space
    reserved; the label column widened for them. Returns field → marker."""
    markers = {name: _add_marker(form, name) for name in names}
    _align_label_column(form, markers)
    return markers


def reserve_space(form: LeadForm) -> None:
    """Error lines, the lookup panel and the chip rows hold their space when empty."""
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


def _label_of(form: LeadForm, name: str) -> QLabel | None:
    widget = form.widget(name)
    buddy = widget.focusProxy() or widget
    for label in form.findChildren(QLabel):
        if label.buddy() is buddy:
            return label
    return None


def _add_marker(form: LeadForm, name: str) -> QLabel:
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
    label = _label_of(form, name)
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


def _align_label_column(form: LeadForm, markers: dict[str, QLabel]) -> None:
    """One label column for all groups again, with room for the markers."""
    labels = [
        label
        for label in form.findChildren(QLabel)
        if label.buddy() is not None and label.minimumWidth() > 0
    ]
    if not labels or not markers:
        return
    holders = {m.parentWidget() for m in markers.values()}
    room = max(m.sizeHint().width() for m in markers.values()) + 4
    column = max(label.minimumWidth() for label in labels) + room
    for label in labels:
        holder = label.parentWidget()
        if holder in holders and holder is not None:
            label.setMinimumWidth(0)
            holder.setMinimumWidth(column)
        else:
            label.setMinimumWidth(column)


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
