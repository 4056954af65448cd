"""The widgets of the form's rows that are more than a line edit: the catalog pickers
and the collapsible group (Address).

``LeadForm`` builds its rows from the field table (``core.fields``) and asks here for
these; the pickers are imported only when the rest of the form is built, off the path
to the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QToolButton, QVBoxLayout, QWidget

from superfone_desk.core.fields import Field, Kind
from superfone_desk.ui.form import source_type_text
from superfone_desk.ui.i18n import core_text

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from collections.abc import Callable

    from superfone_desk.ui.form.multi_picker import MultiPicker
    from superfone_desk.ui.form.single_picker import SinglePicker


def make_picker(spec: Field, left: Callable[[], None]) -> QWidget:
    """The picker for ``spec`` (several titles as chips, or one); ``left`` is called when
    the user has picked, so the field is checked."""
    from superfone_desk.ui.form.multi_picker import MultiPicker
    from superfone_desk.ui.form.single_picker import SinglePicker

    picker: SinglePicker | MultiPicker
    if spec.kind is Kind.TITLES:
        picker = MultiPicker(placeholder=core_text(spec.help), noun=core_text(spec.noun))
        picker.values_changed.connect(left)
    else:
        picker = SinglePicker(
            clearable=spec.kind is Kind.CHOICE,
            placeholder=core_text(spec.help),
            noun=core_text(spec.noun),
        )
        picker.choice_changed.connect(left)
        if spec.kind is Kind.SOURCE_TYPE:
            from superfone_desk.api.models import SOURCE_TYPES

            # Fixed by Superfone (CONTRACT §7): usable before the catalog answers.
            picker.set_items([source_type_text.shown(value) for value in SOURCE_TYPES])
    picker.set_names(spec.name)
    return picker


def make_collapsible(box: QGroupBox, title: str, form: QFormLayout) -> QToolButton:
    """Puts ``form`` into ``box`` behind a "Show <title>" toggle (hidden at first);
    returns the toggle."""
    content = QWidget(box)
    content.setLayout(form)
    toggle = QToolButton(box)
    toggle.setObjectName(f"{box.objectName()}_toggle")
    group = core_text(title).lower()
    toggle.setText(translate("FormRows", "Show {group}").format(group=group))
    toggle.setCheckable(True)
    toggle.setAccessibleName(
        translate("FormRows", "Show or hide the {group} fields").format(group=group)
    )
    inner = QVBoxLayout(box)
    inner.addWidget(toggle, 0, Qt.AlignmentFlag.AlignLeft)
    inner.addWidget(content)
    content.hide()

    def _on_toggled(shown: bool) -> None:
        content.setVisible(shown)
        hide, show = translate("FormRows", "Hide {group}"), translate("FormRows", "Show {group}")
        toggle.setText((hide if shown else show).format(group=group))

    toggle.toggled.connect(_on_toggled)
    return toggle
