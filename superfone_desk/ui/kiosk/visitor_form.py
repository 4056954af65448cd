"""The visitor's form: phone, names, one interest, consent next to the notice.

Only widgets: what the answers mean is ``core.kiosk``'s. Built in code with objectNames
= the API field names (``customer_phone``, ``first_name``, ``last_name``) and
``<field>_error`` for each message, like the lead form, so tests and screen readers find
them. Large type and touch-sized controls come from the kiosk window's style sheet.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.kiosk import (
    VISITOR_FIELDS,
    KioskInterest,
    VisitorAnswers,
    notice_version_label,
)
from superfone_desk.core.phones import display_phone
from superfone_desk.importing.paste import split_pasted
from superfone_desk.ui.form.flow_layout import FlowLayout
from superfone_desk.ui.i18n import Catalog, core_text

# str(): Qt types the marker as returning object.
CONSENT_TEXT = str(QT_TRANSLATE_NOOP("VisitorForm", "I agree to the notice above"))


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{name}_error")
    label.setProperty("role", "error")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


class VisitorForm(QWidget):
    """Signals:
    submit_requested(): Return or the Send button.
    edited(): the visitor typed, ticked or chose something (restarts the idle timer).
    """

    submit_requested = Signal()
    edited = Signal()

    def __init__(
        self, region: str, parent: QWidget | None = None, *, catalog: Catalog | None = None
    ) -> None:
        super().__init__(parent)
        self._region = region
        # The visitor's language, apart from the admin's (KioskSettings.language).
        self._k = catalog or Catalog("en")
        self._example = ""
        self._notice = ("", "")
        self.setObjectName("visitor_form")

        self.phone = self._line_edit("customer_phone")
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.phone.textEdited.connect(self._on_phone_edited)
        self.first_name = self._line_edit("first_name")
        self.last_name = self._line_edit("last_name")
        self._errors = {name: _error_label(name) for name in VISITOR_FIELDS}

        # The phone across the column, the two names side by side under it: each field
        # is a label, the box and its message, and the column fits a 768 px screen even
        # with every message showing.
        fields = QGridLayout()
        fields.setVerticalSpacing(4)
        fields.setColumnStretch(0, 1)
        fields.setColumnStretch(1, 1)
        self._titles: dict[str, QLabel] = {}
        for edit, row, column, span in (
            (self.phone, 0, 0, 2),
            (self.first_name, 3, 0, 1),
            (self.last_name, 3, 1, 1),
        ):
            label = self._titles[edit.objectName()] = QLabel()
            label.setBuddy(edit)
            fields.addWidget(label, row, column, 1, span)
            fields.addWidget(edit, row + 1, column, 1, span)
            fields.addWidget(self._errors[edit.objectName()], row + 2, column, 1, span)

        self.interest_title = QLabel()
        self.interest_box = QWidget()
        self.interest_box.setObjectName("interest")
        # The choices wrap onto more rows rather than widen the column.
        self._interest_layout = FlowLayout(self.interest_box, spacing=16)
        self._interests = QButtonGroup(self)
        self._interests.buttonToggled.connect(lambda *_: self.edited.emit())

        self.consent = QCheckBox()
        self.consent.setObjectName("consent")
        self.consent.toggled.connect(self._on_consent_toggled)
        self.notice = QLabel()
        self.notice.setObjectName("consent_notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # the admin's text, as written
        self.notice.setWordWrap(True)
        self.notice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.send = QPushButton()
        self.send.setObjectName("submit")
        self.send.clicked.connect(self.submit_requested)

        # Two columns: at this type size one column is taller than a 1366x768 screen.
        # Left what the visitor types, right what they read and agree to, then Send.
        left = QVBoxLayout()
        left.addLayout(fields)
        left.addWidget(self.interest_title)
        left.addWidget(self.interest_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.notice)
        right.addWidget(self.consent)
        right.addWidget(self._errors["consent"])
        right.addWidget(self.send, alignment=Qt.AlignmentFlag.AlignLeft)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(32)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns, 1)
        self.set_interests(())
        self.retranslate(self._k)

    def retranslate(self, catalog: Catalog) -> None:
        """Every text in ``catalog``'s language (the kiosk's own, not the app's)."""
        self._k = k = catalog
        self._titles["customer_phone"].setText(k.translate("VisitorForm", "Mobile number"))
        self._titles["first_name"].setText(k.translate("VisitorForm", "First name"))
        self._titles["last_name"].setText(k.translate("VisitorForm", "Last name (optional)"))
        self.phone.setAccessibleName(k.translate("VisitorForm", "Your mobile number"))
        self.first_name.setAccessibleName(k.translate("VisitorForm", "Your first name"))
        self.last_name.setAccessibleName(k.translate("VisitorForm", "Last name (optional)"))
        self.interest_title.setText(k.translate("VisitorForm", "I'm interested in"))
        consent = k.translate("VisitorForm", CONSENT_TEXT)
        self.consent.setText(consent)
        self.consent.setAccessibleName(consent)
        self.send.setText(k.translate("VisitorForm", "Send"))
        self.set_placeholder_phone(self._example)
        if self._notice[0]:
            self.set_notice(*self._notice)

    def _line_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(2_000)  # a pasted message is cut to its phone number below
        edit.returnPressed.connect(self.submit_requested)
        edit.textChanged.connect(lambda _text: self.edited.emit())
        # The visitor is fixing it: the message goes until the next Send checks again.
        edit.textEdited.connect(lambda _text: self._set_error(name, ""))
        return edit

    # ------------------------------------------------------------------ setup

    def set_placeholder_phone(self, example: str) -> None:
        self._example = example
        if example:
            self.phone.setPlaceholderText(
                self._k.translate("VisitorForm", "e.g. {example}").format(example=example)
            )

    def set_notice(self, text: str, version: str) -> None:
        """The admin's notice as written; the built-in one (a core text) translated."""
        self._notice = (text, version)
        shown = core_text(text, self._k)
        label = self._k.translate("VisitorForm", "(Notice {version})").format(
            version=notice_version_label(version)
        )
        self.notice.setText(f"{shown}\n{label}")
        self.consent.setAccessibleDescription(self.notice.text())

    def set_interests(self, interests: tuple[KioskInterest, ...]) -> None:
        for button in self._interests.buttons():
            self._interests.removeButton(button)
        while (item := self._interest_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for index, interest in enumerate(interests):
            button = QRadioButton(interest.title)
            button.setObjectName(f"interest_{index}")
            self._interests.addButton(button)
            self._interest_layout.addWidget(button)
        # Built after the consent box: put them back in reading order for Tab.
        chain = [self.last_name, *self._interests.buttons(), self.consent, self.send]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.interest_title.setVisible(bool(interests))
        self.interest_box.setVisible(bool(interests))

    # ------------------------------------------------------------------ answers

    def answers(self) -> VisitorAnswers:
        chosen = self._interests.checkedButton()
        return VisitorAnswers(
            phone=self.phone.text(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            interest=chosen.text() if chosen is not None else "",
            consent=self.consent.isChecked(),
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message by its field (hide the others); focus the first bad field."""
        for name in self._errors:
            self._set_error(name, core_text(errors.get(name, ""), self._k))
        first = next((name for name in VISITOR_FIELDS if name in errors), None)
        if first is not None:
            self._field(first).setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_error(self, name: str, message: str) -> None:
        label = self._errors[name]
        label.setText(message)
        label.setVisible(bool(message))
        target = self._field(name)
        # The consent box keeps the notice for screen readers unless it has a message.
        quiet = self.notice.text() if name == "consent" else ""
        target.setAccessibleDescription(message or quiet)
        target.setProperty("invalid", bool(message))
        target.style().polish(target)

    def _field(self, name: str) -> QWidget:
        fields: dict[str, QWidget] = {
            "customer_phone": self.phone,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "consent": self.consent,
        }
        return fields[name]

    def clear(self) -> None:
        """Empty for the next visitor: nothing of the last one stays on screen."""
        for edit in (self.phone, self.first_name, self.last_name):
            edit.clear()
        self.consent.setChecked(False)
        # An exclusive group never lets its last button go unchecked: lift that first.
        self._interests.setExclusive(False)
        for button in self._interests.buttons():
            button.setChecked(False)
        self._interests.setExclusive(True)
        self.show_errors({})
        self.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_empty(self) -> bool:
        answers = self.answers()
        return answers == VisitorAnswers()

    # ------------------------------------------------------------------ slots

    def _on_phone_edited(self, text: str) -> None:
        # A whole message pasted ("Hi, I'm Asha, call me on 98765 43210"): split it as
        # the lead form's paste does; keep its one number, and the name if none is typed.
        if len(text) < 5 or not any(c.isalpha() or c == "\n" for c in text):
            return
        found = split_pasted(text, self._region)
        if len(found.phones) != 1:
            return  # none, or several: the visitor chooses, not us
        self.phone.setText(display_phone(found.phones[0]))
        values = found.draft_values()
        if not (self.first_name.text() or self.last_name.text()):
            self.first_name.setText(values.get("first_name", ""))
            self.last_name.setText(values.get("last_name", ""))

    def _on_consent_toggled(self, checked: bool) -> None:
        if checked:
            self._set_error("consent", "")
        self.edited.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Return on the consent box, a choice or the Send button submits too.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit_requested.emit()
            return
        super().keyPressEvent(event)
