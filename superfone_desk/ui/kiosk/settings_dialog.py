"""The kiosk's settings, for the admin only (after the PIN, or before the first start).

Notice text and version, the PIN (set or change; kept only as a scrypt hash), the
"I'm interested in" choices, the preset every kiosk lead gets, and the kiosk language
(a placeholder until issue #17). ``result()`` hands back a new ``KioskSettings``; the
caller saves it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.api.models import SOURCE_TYPES
from superfone_desk.core.kiosk import (
    DEFAULT_NOTICE,
    KioskLeadSetup,
    KioskPreset,
    hash_pin,
    interests_from_text,
    interests_to_text,
    labels_from_text,
    pin_problem,
    setup_problems,
)
from superfone_desk.settings import KioskSettings
from superfone_desk.ui import i18n
from superfone_desk.ui.form import source_type_text
from superfone_desk.ui.i18n import core_text

# str(): Qt types the marker as returning object.
INTERESTS_HELP = str(
    QT_TRANSLATE_NOOP(
        "KioskSettingsDialog",
        "One choice per line: Title | labels | products, e.g.\n"
        "Home loans | Walk-in, Loans | Home Loan",
    )
)


class KioskSettingsDialog(QDialog):
    """Edits a copy of ``settings``; ``result_settings()`` after ``accepted``.

    With ``pin_required`` (no PIN set yet) the dialog can't be accepted without one.
    """

    def __init__(
        self,
        settings: KioskSettings,
        region: str,
        *,
        pin_required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._region = region
        self._pin_required = pin_required
        self._result = settings
        self.setObjectName("kiosk_settings_dialog")
        self.setWindowTitle(self.tr("Kiosk settings"))

        self.notice_text = QPlainTextEdit(settings.notice_text or DEFAULT_NOTICE)
        self.notice_text.setObjectName("notice_text")
        self.notice_text.setTabChangesFocus(True)
        self.notice_version = self._line("notice_version", settings.notice_version)
        self.new_pin = self._line("new_pin", "", password=True)
        self.new_pin_again = self._line("new_pin_again", "", password=True)
        self.interests = QPlainTextEdit(interests_to_text(settings.interests))
        self.interests.setObjectName("interests")
        self.interests.setTabChangesFocus(True)
        self.interests.setPlaceholderText(self.tr(INTERESTS_HELP))
        self.interests.setToolTip(self.tr(INTERESTS_HELP))
        preset = settings.preset
        self.source = self._line("source", preset.source)
        self.source_type = QComboBox()
        self.source_type.setObjectName("source_type")
        self.source_type.addItem("", "")
        for value in SOURCE_TYPES:  # in words, in the language; the API value kept as data
            self.source_type.addItem(source_type_text.shown(value), value)
        self.source_type.setCurrentIndex(max(self.source_type.findData(preset.source_type), 0))
        self.lead_stage = self._line("lead_stage_name", preset.lead_stage)
        self.lead_group = self._line("lead_group_name", preset.lead_group)
        self.assignee = self._line("assignee_user_phone", preset.assignee_phone)
        self.labels = self._line("add_labels", ", ".join(preset.labels))
        self.language = QComboBox()
        self.language.setObjectName("kiosk_language")
        # The visitor's screen only; the admin's dialogs follow the app's language.
        self.language.addItem(self.tr("Same as the app"), "")
        for code, name in i18n.NATIVE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.error = QLabel()
        self.error.setObjectName("kiosk_settings_error")
        self.error.setProperty("role", "error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Notice the visitor agrees to"), self.notice_text)
        form.addRow(self.tr("Notice version"), self.notice_version)
        pin_title = self.tr("PIN") if pin_required else self.tr("New PIN (empty: keep)")
        form.addRow(pin_title, self.new_pin)
        form.addRow(self.tr("PIN again"), self.new_pin_again)
        form.addRow(self.tr("“I'm interested in” choices"), self.interests)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Source type"), self.source_type)
        form.addRow(self.tr("Stage"), self.lead_stage)
        form.addRow(self.tr("Group"), self.lead_group)
        form.addRow(self.tr("Assignee phone"), self.assignee)
        form.addRow(self.tr("Labels (comma-separated)"), self.labels)
        form.addRow(self.tr("Kiosk language"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _line(self, name: str, text: str, *, password: bool = False) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def result_settings(self) -> KioskSettings:
        return self._result

    def _on_save_clicked(self) -> None:
        pin = self.new_pin.text()
        problem = None
        if pin or self._pin_required:
            problem = pin_problem(pin)
            if problem is None and pin != self.new_pin_again.text():
                problem = self.tr("The two PINs differ")
        preset = KioskPreset(
            source=self.source.text().strip(),
            source_type=str(self.source_type.currentData() or ""),
            lead_stage=self.lead_stage.text().strip(),
            lead_group=self.lead_group.text().strip(),
            assignee_phone=self.assignee.text().strip(),
            labels=labels_from_text(self.labels.text()),
        )
        interests = interests_from_text(self.interests.toPlainText())
        version = self.notice_version.text().strip() or "1"
        if problem is None:
            found = setup_problems(KioskLeadSetup(preset, interests, version), self._region)
            problem = next(iter(found.values()), None)
        if problem is not None:
            self.error.setText(core_text(problem))
            self.error.show()
            return
        notice = self.notice_text.toPlainText().strip()
        self._result = replace(
            self._settings,
            # The default text stays "" so a future better default reaches this kiosk too.
            notice_text="" if notice == DEFAULT_NOTICE else notice,
            notice_version=version,
            interests=interests,
            preset=preset,
            language=str(self.language.currentData()),
            pin_hash=hash_pin(pin) if pin else self._settings.pin_hash,
        )
        self.accept()
