"""The form's rows keep their place: nothing that comes and goes moves what is below.

An error under a field, the lookup panel and the label chips pushed the form down on a
mouse press, so the click landed on the row below and the first click on a dropdown
arrow missed it (issue 13, bug 4). ``LeadForm`` builds its rows with these: a panel
that comes and goes sits in a holder that stays (``held``), a kept field's label has
its "kept" marker beside it (``label_cell``; ``ui.form.kept_values`` shows it), and once
the rows exist ``reserve_space`` gives each such part its space from the start (hidden
means blank, never gone) and ``align_label_column`` makes room for the markers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from superfone_desk.core.fields import BY_NAME, CREATE_FIELD, Kind
from superfone_desk.ui.form.flow_layout import FlowLayout
from superfone_desk.ui.form.kept_values import KEPT_FIELDS

if TYPE_CHECKING:
    from superfone_desk.ui.form.lead_form import LeadForm


def held(widget: QWidget, parent: QWidget) -> QWidget:
    """``widget`` in a holder that is always shown: a form layout drops the row of a
    hidden widget, reserved space or not. Returns the holder, for the layout."""
    holder = QWidget(parent)
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(widget)
    return holder


def label_cell(form: LeadForm, name: str, label: QLabel, parent: QWidget) -> QWidget:
    """What goes in the label column for field ``name``: its label, and for a kept field
    a hidden "kept" marker beside it (kept in ``form.kept_markers``)."""
    if name not in KEPT_FIELDS:
        return label
    marker = QLabel(QCoreApplication.translate("KeptValues", "kept"))
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
    holder = QWidget(parent)
    box = QHBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(4)
    box.addWidget(label)
    box.addWidget(marker)
    box.addStretch(1)
    form.kept_markers[name] = marker
    return holder


def align_label_column(form: LeadForm) -> None:
    """One label column for all groups again, with room for the markers."""
    markers = form.kept_markers
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
    _keep_space(form.lead_status, 2 * line + 16)
    chip_row = QToolButton().sizeHint().height() + 4
    _keep_space(form.existing_labels, chip_row)
    for spec in BY_NAME.values():
        if spec.kind is Kind.TITLES:
            # The chips sit in the picker's flowing area (one row kept free).
            for area in form.multi(spec.name).findChildren(QWidget):
                if isinstance(area.layout(), FlowLayout):
                    _keep_space(area, chip_row)


def _keep_space(widget: QWidget, height: int) -> None:
    """``widget`` holds at least ``height`` pixels whether it is shown or hidden."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    widget.setMinimumHeight(height)
