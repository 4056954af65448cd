"""The lead form: every field of the upsert, each with its inline error label.

It only shows and collects: widgets → ``LeadDraft`` (text as typed), messages → inline
labels; checking and saving are ``ui.save_controller``'s. Its rows come from the field
table, ``core.fields``: a widget's ``objectName`` is the API field name (``address.text``
for the address parts), its error label's ``<name>_error``. Built in two steps for the
fast start: the constructor builds what the first paint needs (Customer, buttons), and
the window's ``start`` calls ``build_rest`` once, before the form is used.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.fields import (
    ADDRESS,
    BY_NAME,
    CREATE_FIELD,
    FIELDS,
    GROUPS,
    PICKER_KINDS,
    Field,
    Kind,
)
from superfone_desk.core.phones import example_phone, region_name
from superfone_desk.settings import StickyDefaults
from superfone_desk.ui import i18n
from superfone_desk.ui.form import source_type_text
from superfone_desk.ui.form.existing_labels import ExistingLabels
from superfone_desk.ui.form.fields import AssigneeField, ErrorLabel, NoteEdit, PhoneEdit
from superfone_desk.ui.form.row_space import align_label_column, held, label_cell, reserve_space
from superfone_desk.ui.form.rows import make_collapsible, make_picker
from superfone_desk.ui.i18n import core_text, plain_label

if TYPE_CHECKING:
    from collections.abc import Iterable

    from superfone_desk.ui.form.multi_picker import MultiPicker
    from superfone_desk.ui.form.single_picker import SinglePicker

#: QLineEdit cuts a paste at 32,767 characters without a word; a paste that long is
#: refused by validation with its real length instead, and nothing is cut.
LINE_MAX_LENGTH = 1 << 24


class LeadForm(QWidget):
    """Signals:
    save_requested(bool): Save (False) or Save & New (True) was pressed.
    clear_requested(): Clear was pressed.
    phone_edited(str): the primary phone's text changed.
    field_left(str): the user left a field (starts live checking of it).
    """

    save_requested = Signal(bool)
    clear_requested = Signal()
    phone_edited = Signal(str)
    field_left = Signal(str)

    phone: PhoneEdit
    assignee: AssigneeField

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, ErrorLabel] = {}
        self._region = region
        self._baseline = LeadDraft()
        self._labels: list[QLabel] = []
        #: Field → its "kept" marker (``ui.form.kept_values`` shows them), once built.
        self.kept_markers: dict[str, QLabel] = {}

        self._scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        self._body = QVBoxLayout(body)
        self._body.addStretch(1)
        scroll.setWidget(body)

        # What Save will do for the typed phone (create or update), from Get Lead.
        self.lead_status = QLabel(body)
        self.lead_status.setObjectName("lookup_status")
        self.lead_status.setWordWrap(True)
        self.lead_status.setTextFormat(Qt.TextFormat.RichText)
        self.lead_status.setProperty("role", "lookup")
        self.lead_status.hide()  # until the rest is built: then a hint, or the lookup's answer
        self.existing_labels = ExistingLabels(body)
        self.existing_labels.remove.connect(self._mark_for_removal)

        # Shown next to what Get Lead says (create or update); in the tab order it
        # comes last, so Tab runs from the phone straight to the name.
        self.create_switch = QCheckBox(self.tr("Create the lead if this phone is new"), body)
        self.create_switch.setObjectName(CREATE_FIELD)
        self.create_switch.setChecked(True)
        self.create_switch.setAccessibleName(self.tr("Create the lead if the phone is new"))
        self._widgets[CREATE_FIELD] = self.create_switch
        self._errors[CREATE_FIELD] = ErrorLabel(CREATE_FIELD, body)
        self._add_group(
            GROUPS[0],
            top=[
                held(self.lead_status, body),
                held(self.existing_labels, body),
                self.create_switch,
                self._errors[CREATE_FIELD],
            ],
        )

        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.save_and_new_button = QPushButton(self.tr("Save && &New"), self)
        self.save_and_new_button.setObjectName("save_and_new")
        self.save_and_new_button.setToolTip(
            self.tr("Save and start the next lead (Ctrl+Shift+Enter)")
        )
        self.save_and_new_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("clear")
        self.clear_button.setToolTip(self.tr("Clear the form (Esc)"))
        self.result = QLabel(self)
        self.result.setObjectName("save_result")
        self.result.setWordWrap(True)
        # Says why a save failed, in the server's words: text, never markup (#12.13).
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_and_new_button)

        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

        self.save_button.clicked.connect(lambda: self.save_requested.emit(False))
        self.save_and_new_button.clicked.connect(lambda: self.save_requested.emit(True))
        self.clear_button.clicked.connect(self.clear_requested)
        self.phone.textChanged.connect(self.phone_edited)
        self._set_phone_region(region)
        self.setFocusProxy(self.phone)

    def build_rest(self) -> None:
        """Build the groups after Customer (the second step of the fast start)."""
        self.setUpdatesEnabled(False)
        try:
            for group in GROUPS[1:]:
                self._add_group(group, collapsible=group == ADDRESS)
            self._set_tab_order()
            self._align_labels()
            self.assignee.edit.set_region(self._region)
        finally:
            self.setUpdatesEnabled(True)
        self._add_aids()

    def _add_aids(self) -> None:
        # Each in its module, which says its job; imported off the first paint's path.
        from superfone_desk.ui.form.deal_preview import DealPreview
        from superfone_desk.ui.form.focus_in_view import FocusInView
        from superfone_desk.ui.form.picker_keys import PickerKeys

        align_label_column(self)
        DealPreview(self)
        reserve_space(self)
        if self.lead_status.isHidden():  # not yet looking a phone up: say what it is for
            self.show_lead_status(None)
        PickerKeys(self)
        FocusInView(self._scroll)

    # ------------------------------------------------------------------ building

    def _add_group(
        self, title: str, *, top: list[QWidget] | None = None, collapsible: bool = False
    ) -> None:
        box = QGroupBox(core_text(title))
        box.setObjectName(f"group_{title.split()[0].lower()}")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for index, spec in enumerate(f for f in FIELDS if f.group == title):
            widget = self._make_field(spec)
            error = ErrorLabel(spec.name, box)
            self._widgets[spec.name] = widget
            self._errors[spec.name] = error
            cell = QWidget(box)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            label = QLabel(core_text(spec.label), box)
            label.setBuddy(widget.focusProxy() or widget)  # a picker's box takes no focus
            self._labels.append(label)
            widget.setAccessibleName(plain_label(spec.label))
            form.addRow(label_cell(self, spec.name, label, box), cell)
            if index == 0:
                # Under the phone, what Get Lead says of it: the phone stays the first
                # thing on a fresh form, not below the space the answer keeps.
                for widget in top or []:
                    form.addRow(widget)
        if collapsible:
            self._address_toggle = make_collapsible(box, title, form)
        else:
            box.setLayout(form)
        # Before the stretch that ends the body.
        self._body.insertWidget(self._body.count() - 1, box)

    def _make_field(self, spec: Field) -> QWidget:
        kind = spec.kind

        def left() -> None:
            self.field_left.emit(spec.name)

        if kind is Kind.ASSIGNEE:
            self.assignee = AssigneeField(self._region)
            self.assignee.set_names(spec.name)
            # A screen reader announces the focused edit, not the box around it.
            self.assignee.edit.setAccessibleName(plain_label(spec.label))
            self.assignee.edit.editingFinished.connect(left)
            return self.assignee
        if kind in PICKER_KINDS:
            return make_picker(spec, left)
        if kind is Kind.NOTE:
            note = NoteEdit()
            note.setPlaceholderText(core_text(spec.help))
            note.setObjectName(spec.name)
            note.editingFinished.connect(left)
            return note
        edit = QLineEdit() if kind is Kind.LINE else PhoneEdit(self._region)
        if isinstance(edit, PhoneEdit):
            self.phone = edit
        edit.setPlaceholderText(core_text(spec.help))
        edit.editingFinished.connect(left)
        edit.setMaxLength(LINE_MAX_LENGTH)
        edit.setObjectName(spec.name)
        return edit

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        for spec in FIELDS:
            if spec.group == ADDRESS and self._address_toggle not in chain:
                chain.append(self._address_toggle)
            widget = self._widgets[spec.name]
            chain.append(widget.focusProxy() or widget)
            if spec.kind is Kind.ASSIGNEE:
                chain.append(self.assignee.unassign)
        chain += [self.create_switch, self.clear_button, self.save_button, self.save_and_new_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _align_labels(self) -> None:
        # One column width across the groups, so the fields line up down the form.
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(width)

    # ------------------------------------------------------------------ access

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def error_label(self, name: str) -> ErrorLabel:
        return self._errors[name]

    def picker(self, name: str) -> SinglePicker:
        from superfone_desk.ui.form.single_picker import SinglePicker

        widget = self.widget(name)
        assert isinstance(widget, SinglePicker)
        return widget

    def multi(self, name: str) -> MultiPicker:
        from superfone_desk.ui.form.multi_picker import MultiPicker

        widget = self.widget(name)
        assert isinstance(widget, MultiPicker)
        return widget

    def set_region(self, region: str) -> None:
        """Numbers without + are read as ``region``'s; the placeholder says which."""
        self._set_phone_region(region)
        self.assignee.edit.set_region(region)

    def _set_phone_region(self, region: str) -> None:
        self._region = region
        self.phone.set_region(region)
        # The country's name in the language ("भारत") and its example mobile, both from
        # tables: phonenumbers stays off the path to the first paint.
        place = region_name(region, i18n.current())
        example = example_phone(region)
        self.phone.setPlaceholderText(
            self.tr("A number in {place} (e.g. {example}), or one with +country code").format(
                place=place, example=example
            )
            if example
            else self.tr("A number in {place}, or one with +country code").format(place=place)
        )

    # ------------------------------------------------------------------ draft in/out

    def _value(self, spec: Field) -> object:
        widget = self._widgets[spec.name]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, NoteEdit):
            return widget.toPlainText()
        if spec.kind is Kind.TITLES:
            return self.multi(spec.name).values()
        choice: Choice = widget.choice()  # type: ignore[attr-defined]
        if spec.kind is Kind.SOURCE_TYPE:  # shown in words, the draft holds the API value
            return source_type_text.api_value(choice.value) if choice.is_set else ""
        return choice

    def _set_value(self, spec: Field, value: object) -> None:
        widget = self._widgets[spec.name]
        if isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, NoteEdit):
            widget.setPlainText(str(value))
        elif spec.kind is Kind.TITLES:
            self.multi(spec.name).set_values(value)  # type: ignore[arg-type]
        elif spec.kind is Kind.SOURCE_TYPE:
            self.picker(spec.name).set_choice(
                Choice.set(source_type_text.shown(str(value))) if value else Choice.untouched()
            )
        else:
            widget.set_choice(value)  # type: ignore[attr-defined]

    def draft(self) -> LeadDraft:
        values = {spec.attr: self._value(spec) for spec in FIELDS}
        values["create_if_missing"] = self.create_switch.isChecked()
        return LeadDraft(**values)  # type: ignore[arg-type]

    def set_draft(self, draft: LeadDraft) -> None:
        for spec in FIELDS:
            self._set_value(spec, getattr(draft, spec.attr))
        self.create_switch.setChecked(draft.create_if_missing)

    def picker_problems(self) -> dict[str, str]:
        """Text typed in a picker that names no catalog entry (kept, not sent)."""
        problems: dict[str, str] = {}
        for spec in FIELDS:
            if spec.kind in PICKER_KINDS:
                text = self._widgets[spec.name].invalid_text()  # type: ignore[attr-defined]
                if text:
                    noun = plain_label(spec.label).lower()
                    problems[spec.name] = self.tr(
                        "Nothing in the list matches “{text}” ({noun})."
                    ).format(text=text, noun=noun)
        return problems

    def is_dirty(self) -> bool:
        return self.draft() != self._baseline

    def mark_clean(self) -> None:
        self._baseline = self.draft()

    # ------------------------------------------------------------------ sticky defaults

    def sticky(self) -> StickyDefaults:
        draft = self.draft()
        return StickyDefaults(
            source=draft.source,
            source_type=draft.source_type,
            lead_stage=draft.lead_stage.value if draft.lead_stage.is_set else "",
            lead_group=draft.lead_group.value if draft.lead_group.is_set else "",
            assignee_phone=draft.assignee_phone.value if draft.assignee_phone.is_set else "",
            add_labels=draft.add_labels,
            create_if_missing=draft.create_if_missing,
        )

    def apply_sticky(self, defaults: StickyDefaults) -> None:
        def choice(text: str) -> Choice:
            return Choice.set(text) if text else Choice.untouched()

        self.set_draft(
            replace(
                self.draft(),
                source=defaults.source,
                source_type=defaults.source_type,
                lead_stage=choice(defaults.lead_stage),
                lead_group=choice(defaults.lead_group),
                assignee_phone=choice(defaults.assignee_phone),
                add_labels=defaults.add_labels,
                create_if_missing=defaults.create_if_missing,
            )
        )

    def start_next(self) -> None:
        """Empty the lead's own fields, keep the sticky ones, focus the phone."""
        self.set_draft(self.draft().cleared_for_next())
        self.clear_errors()
        self.show_lead_status(None)
        self.mark_clean()
        self.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_all(self, defaults: StickyDefaults) -> None:
        self.set_draft(LeadDraft())
        self.apply_sticky(defaults)
        self.clear_errors()
        self.show_lead_status(None)
        self.result.clear()
        self.mark_clean()
        self.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ errors and states

    def show_errors(self, errors: dict[str, str], *, focus_first: bool) -> None:
        """Show ``errors`` (field -> message) inline; the others are cleared."""
        from superfone_desk.ui.form.catalog_picker import CatalogPicker

        for name, label in self._errors.items():
            message = errors.get(name)
            label.show_message(message)
            widget = self._widgets[name]
            widget.setAccessibleDescription(message or "")
            if isinstance(widget, CatalogPicker):
                widget.set_error(bool(message))
            if widget.property("invalid") is bool(message):
                continue  # its style is right: re-polishing 26 widgets costs every save
            widget.setProperty("invalid", bool(message))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if focus_first:
            first = next((n for n in self._errors if n in errors), None)
            if first is not None:
                self.focus_field(first)

    def clear_errors(self) -> None:
        self.show_errors({}, focus_first=False)

    def focus_field(self, name: str) -> None:
        if name in BY_NAME and BY_NAME[name].group == ADDRESS:
            self._address_toggle.setChecked(True)
        widget = self._widgets[name]
        target = widget.focusProxy() or widget
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(target)

    def set_busy(self, busy: bool, *, and_new: bool = False) -> None:
        for button in (self.save_button, self.save_and_new_button, self.clear_button):
            button.setEnabled(not busy)
        saving = self.tr("Saving…")
        self.save_button.setText(saving if busy and not and_new else self.tr("&Save"))
        self.save_and_new_button.setText(
            saving if busy and and_new else self.tr("Save && &New")
        )

    def show_result(self, message: str, *, ok: bool) -> None:
        self.result.setText(message)
        self.result.setProperty("role", "success" if ok else "error")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    # ------------------------------------------------------------------ lead status

    def _lookup_hint(self) -> str:
        return self.tr(
            "Type the phone first: the app looks it up, says whether Save will create a "
            "lead or update one, and fills in what Superfone already has."
        )

    def show_lead_status(self, text: str | None, labels: Iterable[str] = ()) -> None:
        """Say what Save will do for the typed phone; ``labels``: the lead's, removable.
        With no phone typed, what the lookup will do."""
        if not text and not self.phone.text().strip():
            text = self._lookup_hint()
        self.lead_status.setText(text or "")
        self.lead_status.setVisible(bool(text))
        self.existing_labels.show_labels(labels)

    def _mark_for_removal(self, title: str) -> None:
        picker = self.multi("remove_labels")
        if title not in picker.values():
            picker.set_values((*picker.values(), title))
