"""The lead form: every field of the upsert, each with its inline error label.

The form only shows and collects: it turns its widgets into a ``LeadDraft`` (text as
typed) and shows the messages it is given. Validation, payloads and requests live
elsewhere (``core``, ``ui.save_flow``). Each field's ``objectName`` is its API field
name (``address.text`` style for the address parts), its error label is
``<name>_error``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.phones import display_phone, region_name
from superfone_desk.settings import StickyDefaults
from superfone_desk.ui.form.fields import AssigneeField, ErrorLabel, NoteEdit, PhoneEdit

if TYPE_CHECKING:
    from collections.abc import Iterable

    from superfone_desk.api.models import Lead
    from superfone_desk.ui.form.catalog_picker import MultiPicker, SinglePicker

CREATE_FIELD = "create_customer_if_customer_phone_not_found"

#: QLineEdit cuts a paste at 32,767 characters without a word; a paste that long is
#: refused by validation with its real length instead, and nothing is cut.
LINE_MAX_LENGTH = 1 << 24


@dataclass(frozen=True)
class _Spec:
    name: str  # API field name = objectName
    draft_attr: str
    label: str
    placeholder: str = ""


CUSTOMER = (
    _Spec("customer_phone", "customer_phone", "&Phone", "98765 43210 or +91 98765 43210"),
    _Spec("first_name", "first_name", "&First name"),
    _Spec("last_name", "last_name", "&Last name"),
    _Spec("business_name", "business_name", "&Business"),
    _Spec("email", "emails", "E&mail", "One or more, separated by commas"),
    _Spec("add_phones", "extra_phones", "E&xtra phones", "Other numbers, separated by commas"),
    _Spec("website", "website", "&Website", "acme.in"),
)
PIPELINE = (
    _Spec("lead_stage_name", "lead_stage", "S&tage", "Keep the lead's stage"),
    _Spec("lead_group_name", "lead_group", "&Group", "Keep the lead's group"),
    _Spec("assignee_user_phone", "assignee_phone", "Assi&gnee"),
)
LABELS = (
    _Spec("add_labels", "add_labels", "Add l&abels", "Type to find a label"),
    _Spec("remove_labels", "remove_labels", "Remove la&bels", "Labels to take off the lead"),
    _Spec("add_products", "add_products", "Pr&oducts", "Type to find a product"),
)
DEAL = (
    _Spec("deal_value", "deal_value", "Deal &value", "50000, 1,50,000 or 2.5L"),
    _Spec("source", "source", "So&urce", "walk-in, website-form, ..."),
    _Spec("source_type", "source_type", "Source t&ype", "Choose a source type"),
)
ADDRESS = (
    _Spec("address.text", "address_text", "Address"),
    _Spec("address.additional", "address_additional", "Apartment / unit"),
    _Spec("address.initials", "address_initials", "Initials"),
    _Spec("address.latitude", "latitude", "Latitude", "12.9716"),
    _Spec("address.longitude", "longitude", "Longitude", "77.5946"),
    _Spec("city", "city", "C&ity"),
)
NOTES = (
    _Spec("additional_info", "additional_info", "About the lead", "Stored on the lead"),
    _Spec("customer_note", "customer_note", "Timeline &note", "Added to the lead's timeline"),
)
NOTE_FIELDS = {"additional_info", "customer_note"}
ALL_SPECS = CUSTOMER + PIPELINE + LABELS + DEAL + ADDRESS + NOTES



class LeadForm(QWidget):
    """Signals:
    save_requested(bool): Save (False) or Save & New (True) was pressed.
    clear_requested(): Clear was pressed.
    phone_edited(str): the primary phone's text changed.
    field_left(str): the user left a field (starts live checking of it).
    retry_catalog(object): a picker asked to reload its Catalog.
    """

    save_requested = Signal(bool)
    clear_requested = Signal()
    phone_edited = Signal(str)
    field_left = Signal(str)
    retry_catalog = Signal(object)

    def __init__(
        self, region: str, parent: QWidget | None = None, *, complete: bool = True
    ) -> None:
        """With ``complete=False`` only the Customer group and the buttons are built (what
        the first paint needs); ``finish_building`` adds the rest, and runs by itself on
        first use of anything that needs it."""
        super().__init__(parent)
        self._complete = False
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, ErrorLabel] = {}
        self._region = region
        self._baseline = LeadDraft()
        self._labels: list[QLabel] = []

        self._scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        self._body = QVBoxLayout(body)
        scroll.setWidget(body)

        self.lookup = QLabel(body)
        self.lookup.setObjectName("lookup_status")
        self.lookup.setWordWrap(True)
        self.lookup.setTextFormat(Qt.TextFormat.RichText)
        self.lookup.setProperty("role", "lookup")
        self.lookup.hide()
        self.existing_labels = QWidget(body)
        self.existing_labels.setObjectName("existing_labels")
        self._existing_layout = QHBoxLayout(self.existing_labels)
        self._existing_layout.setContentsMargins(0, 0, 0, 0)
        self.existing_labels.hide()

        # Shown next to what the lookup says (create or update); in the tab order it
        # comes last, so Tab runs from the phone straight to the name.
        self.create_switch = QCheckBox("&Create the lead if this phone is new", body)
        self.create_switch.setObjectName(CREATE_FIELD)
        self.create_switch.setChecked(True)
        self.create_switch.setAccessibleName("Create the lead if the phone is new")
        self._widgets[CREATE_FIELD] = self.create_switch
        self._errors[CREATE_FIELD] = ErrorLabel(CREATE_FIELD, body)
        self._add_group(
            "Customer",
            CUSTOMER,
            top=[self.lookup, self.existing_labels, self.create_switch, self._errors[CREATE_FIELD]],
        )
        self._body.addStretch(1)

        self.save_button = QPushButton("&Save", self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.save_and_new_button = QPushButton("Save && &New", self)
        self.save_and_new_button.setObjectName("save_and_new")
        self.save_and_new_button.setToolTip("Save and start the next lead (Ctrl+Shift+Enter)")
        self.save_and_new_button.setDefault(True)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setObjectName("clear")
        self.clear_button.setToolTip("Clear the form (Esc)")
        self.result = QLabel(self)
        self.result.setObjectName("save_result")
        self.result.setWordWrap(True)
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
        if complete:
            self.finish_building()

    def finish_building(self) -> None:
        """Build the groups after Customer (once; later calls do nothing)."""
        if self._complete:
            return
        self._complete = True
        # Set before building: the builders below use the accessors that call this.
        self.setUpdatesEnabled(False)
        try:
            self._add_group("Pipeline", PIPELINE)
            self._add_group("Labels && products", LABELS)
            self._add_group("Deal", DEAL)
            self._address_box = self._add_group("Address", ADDRESS, collapsible=True)
            self._add_group("Notes", NOTES)
            self._set_tab_order()
            self._align_labels()
            self.set_region(self._region)
        finally:
            self.setUpdatesEnabled(True)

    @property
    def is_complete(self) -> bool:
        return self._complete

    @property
    def assignee(self) -> AssigneeField:
        self.finish_building()
        return self._assignee

    # ------------------------------------------------------------------ building

    def _add_group(
        self,
        title: str,
        specs: Iterable[_Spec],
        *,
        top: list[QWidget] | None = None,
        collapsible: bool = False,
    ) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(f"group_{title.split()[0].lower()}")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for widget in top or []:
            form.addRow(widget)
        for spec in specs:
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
            label = QLabel(spec.label, box)
            label.setBuddy(widget)
            self._labels.append(label)
            plain_label = spec.label.replace("&", "")
            widget.setAccessibleName(plain_label)
            form.addRow(label, cell)
        if collapsible:
            content = QWidget(box)
            content.setLayout(form)
            toggle = QToolButton(box)
            toggle.setObjectName(f"{box.objectName()}_toggle")
            toggle.setText(f"Show {title.lower()}")
            toggle.setCheckable(True)
            toggle.setAccessibleName(f"Show or hide the {title.lower()} fields")
            inner = QVBoxLayout(box)
            inner.addWidget(toggle, 0, Qt.AlignmentFlag.AlignLeft)
            inner.addWidget(content)
            content.hide()

            def _on_toggled(shown: bool, c: QWidget = content, t: QToolButton = toggle) -> None:
                c.setVisible(shown)
                t.setText(f"{'Hide' if shown else 'Show'} {title.lower()}")

            toggle.toggled.connect(_on_toggled)
            self._address_toggle = toggle
        else:
            box.setLayout(form)
        # Before the stretch that ends the body (groups built later go there too).
        stretch_at = self._body.count() - 1 if self._complete else self._body.count()
        self._body.insertWidget(stretch_at, box)
        return box

    def _make_field(self, spec: _Spec) -> QWidget:
        widget: QWidget
        if spec.name == "customer_phone":
            self.phone = PhoneEdit(self._region)
            self.phone.setPlaceholderText(spec.placeholder)
            self.phone.editingFinished.connect(lambda n=spec.name: self.field_left.emit(n))
            self.phone.setMaxLength(LINE_MAX_LENGTH)
            self.phone.setObjectName(spec.name)
            return self.phone
        if spec.name == "assignee_user_phone":
            self._assignee = AssigneeField(self._region)
            self._assignee.set_names(spec.name)
            self._assignee.edit.editingFinished.connect(
                lambda n=spec.name: self.field_left.emit(n)
            )
            return self._assignee
        if spec.name in ("lead_stage_name", "lead_group_name", "source_type"):
            # Imported here: the pickers are not on the path to the first paint.
            from superfone_desk.api.models import SOURCE_TYPES
            from superfone_desk.ui.form.catalog_picker import SinglePicker

            noun = {"lead_stage_name": "stages", "lead_group_name": "groups"}.get(
                spec.name, "source types"
            )
            picker = SinglePicker(
                clearable=spec.name != "source_type", placeholder=spec.placeholder, noun=noun
            )
            picker.set_names(spec.name)
            picker.choice_changed.connect(lambda n=spec.name: self.field_left.emit(n))
            if spec.name == "source_type":
                # Fixed by Superfone (CONTRACT §7): usable before the catalog answers.
                picker.set_items(SOURCE_TYPES)
            return picker
        elif spec.name in ("add_labels", "remove_labels", "add_products"):
            from superfone_desk.ui.form.catalog_picker import MultiPicker

            multi = MultiPicker(
                placeholder=spec.placeholder,
                noun="products" if spec.name == "add_products" else "labels",
            )
            multi.set_names(spec.name)
            multi.values_changed.connect(lambda n=spec.name: self.field_left.emit(n))
            return multi
        elif spec.name in NOTE_FIELDS:
            note = NoteEdit()
            note.setPlaceholderText(spec.placeholder)
            note.setObjectName(spec.name)
            note.editingFinished.connect(lambda n=spec.name: self.field_left.emit(n))
            return note
        else:
            edit = QLineEdit()
            edit.setPlaceholderText(spec.placeholder)
            edit.editingFinished.connect(lambda n=spec.name: self.field_left.emit(n))
            widget = edit
        assert isinstance(widget, QLineEdit)
        widget.setMaxLength(LINE_MAX_LENGTH)
        widget.setObjectName(spec.name)
        return widget

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        for spec in ALL_SPECS:
            widget = self._widgets[spec.name]
            chain.append(widget.focusProxy() or widget)
            if spec.name == "assignee_user_phone":
                chain.append(self.assignee.unassign)
            if spec.name == "source_type":
                chain.append(self._address_toggle)
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
        if name not in self._widgets:
            self.finish_building()
        return self._widgets[name]

    def error_label(self, name: str) -> ErrorLabel:
        if name not in self._errors:
            self.finish_building()
        return self._errors[name]

    def picker(self, name: str) -> SinglePicker:
        from superfone_desk.ui.form.catalog_picker import SinglePicker

        widget = self.widget(name)
        assert isinstance(widget, SinglePicker)
        return widget

    def multi(self, name: str) -> MultiPicker:
        from superfone_desk.ui.form.catalog_picker import MultiPicker

        widget = self.widget(name)
        assert isinstance(widget, MultiPicker)
        return widget

    def set_region(self, region: str) -> None:
        """Numbers without + are read as ``region``'s; the placeholder says which."""
        self._set_phone_region(region)
        if self._complete:
            self._assignee.edit.set_region(region)

    def _set_phone_region(self, region: str) -> None:
        self._region = region
        self.phone.set_region(region)
        example = " (e.g. 98765 43210)" if region == "IN" else ""
        self.phone.setPlaceholderText(
            f"A number in {region_name(region)}{example}, or one with +country code"
        )

    # ------------------------------------------------------------------ draft in/out

    def _text(self, name: str) -> str:
        widget = self._widgets[name]
        if isinstance(widget, NoteEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def _set_text(self, name: str, text: str) -> None:
        widget = self._widgets[name]
        if isinstance(widget, NoteEdit):
            widget.setPlainText(text)
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(text)

    def draft(self) -> LeadDraft:
        from superfone_desk.ui.form.catalog_picker import MultiPicker, SinglePicker

        self.finish_building()
        values: dict[str, object] = {}
        for spec in ALL_SPECS:
            widget = self._widgets[spec.name]
            if isinstance(widget, SinglePicker):
                choice = widget.choice()
                if spec.name == "source_type":
                    values[spec.draft_attr] = choice.value if choice.is_set else ""
                else:
                    values[spec.draft_attr] = choice
            elif isinstance(widget, MultiPicker):
                values[spec.draft_attr] = widget.values()
            elif isinstance(widget, AssigneeField):
                values[spec.draft_attr] = widget.choice()
            else:
                values[spec.draft_attr] = self._text(spec.name)
        values["create_if_missing"] = self.create_switch.isChecked()
        return LeadDraft(**values)  # type: ignore[arg-type]

    def set_draft(self, draft: LeadDraft) -> None:
        from superfone_desk.ui.form.catalog_picker import MultiPicker, SinglePicker

        self.finish_building()
        for spec in ALL_SPECS:
            widget = self._widgets[spec.name]
            value = getattr(draft, spec.draft_attr)
            if isinstance(widget, SinglePicker):
                if spec.name == "source_type":
                    widget.set_choice(Choice.set(value) if value else Choice.untouched())
                else:
                    widget.set_choice(value)
            elif isinstance(widget, MultiPicker):
                widget.set_values(value)
            elif isinstance(widget, AssigneeField):
                widget.set_choice(value)
            else:
                self._set_text(spec.name, value)
        self.create_switch.setChecked(draft.create_if_missing)

    def picker_problems(self) -> dict[str, str]:
        """Text typed in a picker that names no catalog entry (kept, not sent)."""
        from superfone_desk.ui.form.catalog_picker import MultiPicker, SinglePicker

        self.finish_building()
        problems: dict[str, str] = {}
        for spec in PIPELINE + LABELS + DEAL:
            widget = self._widgets[spec.name]
            if isinstance(widget, SinglePicker | MultiPicker):
                text = widget.invalid_text()
                if text:
                    noun = spec.label.replace("&", "").lower()
                    problems[spec.name] = f"Nothing in the list matches “{text}” ({noun})."
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
        self.show_lookup(None)
        self.mark_clean()
        self.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_all(self, defaults: StickyDefaults) -> None:
        self.set_draft(LeadDraft())
        self.apply_sticky(defaults)
        self.clear_errors()
        self.show_lookup(None)
        self.result.clear()
        self.mark_clean()
        self.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ errors and states

    def show_errors(self, errors: dict[str, str], *, focus_first: bool) -> None:
        """Show ``errors`` (field -> message) inline; the others are cleared."""
        from superfone_desk.ui.form.catalog_picker import MultiPicker, SinglePicker

        self.finish_building()
        for name, label in self._errors.items():
            message = errors.get(name)
            label.show_message(message)
            widget = self._widgets[name]
            widget.setAccessibleDescription(message or "")
            widget.setProperty("invalid", bool(message))
            if isinstance(widget, SinglePicker | MultiPicker):
                widget.set_error(bool(message))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if focus_first:
            first = next((n for n in self._errors if n in errors), None)
            if first is not None:
                self.focus_field(first)

    def clear_errors(self) -> None:
        self.show_errors({}, focus_first=False)

    def focus_field(self, name: str) -> None:
        self.finish_building()
        if name.startswith("address.") or name == "city":
            self._address_toggle.setChecked(True)
        widget = self._widgets[name]
        target = widget.focusProxy() or widget
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._scroll.ensureWidgetVisible(target)

    def set_busy(self, busy: bool, *, and_new: bool = False) -> None:
        for button in (self.save_button, self.save_and_new_button, self.clear_button):
            button.setEnabled(not busy)
        self.save_button.setText("Saving…" if busy and not and_new else "&Save")
        self.save_and_new_button.setText("Saving…" if busy and and_new else "Save && &New")

    def show_result(self, message: str, *, ok: bool) -> None:
        self.result.setText(message)
        self.result.setProperty("role", "success" if ok else "error")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    # ------------------------------------------------------------------ lookup panel

    def show_lookup(self, text: str | None, labels: Iterable[str] = ()) -> None:
        self.lookup.setText(text or "")
        self.lookup.setVisible(bool(text))
        while self._existing_layout.count():
            item = self._existing_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        labels = list(labels)
        if labels:
            caption = QLabel("Has labels (click to remove):", self.existing_labels)
            self._existing_layout.addWidget(caption)
            for title in labels:
                button = QToolButton(self.existing_labels)
                button.setText(f"{title} ✕")
                button.setObjectName(f"existing_label_{title}")
                button.setAccessibleName(f"Remove label {title} from the lead")
                button.clicked.connect(lambda _=False, t=title: self._mark_for_removal(t))
                self._existing_layout.addWidget(button)
            self._existing_layout.addStretch(1)
        self.existing_labels.setVisible(bool(labels))

    def _mark_for_removal(self, title: str) -> None:
        picker = self.multi("remove_labels")
        if title not in picker.values():
            picker.set_values((*picker.values(), title))


def describe_lead(lead: Lead) -> str:
    """What the CRM holds for a lead, in one short HTML paragraph."""
    parts = [f"<b>{_esc(lead.display_name) or 'No name'}</b>"]
    if lead.lead_stage:
        parts.append(f"stage {_esc(lead.lead_stage.title)}")
    if lead.lead_group:
        parts.append(f"group {_esc(lead.lead_group.title)}")
    if lead.assignee_user:
        parts.append(f"assigned to {_esc(lead.assignee_user.display_name)}")
    else:
        parts.append("unassigned")
    if lead.labels:
        parts.append("labels " + ", ".join(_esc(label.title) for label in lead.labels))
    return " · ".join(parts)


def primary_note(lead: Lead, typed_e164: str) -> str:
    if lead.primary_phone == typed_e164:
        return ""
    return (
        f" This number is a secondary phone of the lead; it will be saved under its "
        f"primary phone {_esc(display_phone(lead.primary_phone))}."
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
