"""One signal for "the user changed field X", whatever widget holds it.

The save controller clears an error as soon as its cause goes (issue 13: a red "Enter a
phone number" stayed under a valid number until the field was left again). Each widget
kind says "changed" its own way; this connects them all to one callback with the field's
name, so the form needs no extra signal per field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from superfone_desk.core.fields import CREATE_FIELD, FIELDS

if TYPE_CHECKING:
    from superfone_desk.ui.form.lead_form import LeadForm


def connect_field_changes(form: LeadForm, changed: Callable[[str], None]) -> None:
    """Calls ``changed(name)`` whenever the content of field ``name`` changes."""
    for spec in FIELDS:
        widget = form.widget(spec.name)
        # A picker's or the assignee's text is typed in its focus proxy, a line edit.
        edit = widget.focusProxy() or widget
        if isinstance(edit, QLineEdit):
            edit.textChanged.connect(lambda _text, n=spec.name: changed(n))
        elif isinstance(edit, QPlainTextEdit):
            edit.textChanged.connect(lambda n=spec.name: changed(n))
        for signal_name in ("choice_changed", "values_changed"):
            signal = getattr(widget, signal_name, None)
            if signal is not None:
                signal.connect(lambda n=spec.name: changed(n))
    form.create_switch.toggled.connect(lambda _on: changed(CREATE_FIELD))
