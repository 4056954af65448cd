"""Settings: the API key (masked), a connection test, base URL and default country.

The dialog never touches the keyring itself: it returns what the user chose and the
window stores it from a worker. "Test connection" runs one catalog call in the pool.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.api.errors import InsecureURLError
from superfone_desk.api.models import Catalog
from superfone_desk.api.urls import DEFAULT_BASE_URL, check_base_url
from superfone_desk.core.phones import supported_regions
from superfone_desk.settings import MAX_IMPORT_SENDERS, Preset, StickyDefaults
from superfone_desk.ui import i18n
from superfone_desk.ui.plain_text import plain
from superfone_desk.ui.team_members import TeamMembersEditor
from superfone_desk.ui.workers import WorkerPool, user_message

if TYPE_CHECKING:
    from collections.abc import Callable

    from superfone_desk.api.client import SuperfoneClient
    from superfone_desk.core.team import Member


@dataclass(frozen=True)
class SettingsChoice:
    api_key: str | None  # None: unchanged
    remove_key: bool
    base_url: str
    default_country: str  # "" = from the system
    presets: list[Preset]
    forget_defaults: bool
    language: str = "system"  # ui.i18n.CHOICES
    #: The admin's team members, (phone in E.164, name); None: not shown (no account).
    team: list[tuple[str, str]] | None = None
    #: Phones delivery sends to at once (Settings.import_senders); used from the next start.
    import_senders: int = 4


def describe_defaults(defaults: StickyDefaults) -> str:
    """One line: what Save & New keeps."""
    translate = QCoreApplication.translate
    labels = ", ".join(defaults.add_labels)
    parts = [
        (defaults.source, translate("SettingsDialog", "source “{value}”")),
        (defaults.source_type, translate("SettingsDialog", "source type {value}")),
        (defaults.lead_stage, translate("SettingsDialog", "stage {value}")),
        (defaults.lead_group, translate("SettingsDialog", "group {value}")),
        (defaults.assignee_phone, translate("SettingsDialog", "assignee {value}")),
        (labels, translate("SettingsDialog", "labels {value}")),
    ]
    shown = [template.format(value=value) for value, template in parts if value]
    shown.append(
        translate("SettingsDialog", "creates new leads")
        if defaults.create_if_missing
        else translate("SettingsDialog", "never creates leads")
    )
    return " · ".join(shown)


class SettingsDialog(QDialog):
    def __init__(
        self,
        pool: WorkerPool,
        *,
        has_key: bool,
        key_where: str,
        key_locked: bool,
        base_url: str,
        default_country: str,
        system_country: str,
        defaults: StickyDefaults,
        presets: list[Preset],
        language: str = "system",
        message: str = "",
        current_client: Callable[[], SuperfoneClient | None] | None = None,
        team: list[Member] | None = None,
        region: str = "IN",
        import_senders: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: The client in use (the demo's, or the saved key's): Test connection without a
        #: typed key tests it instead of asking for one (issue 13, bug 10).
        self._current_client = current_client
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settings_dialog")
        self._pool = pool
        self._has_key = has_key
        self._remove = False

        self.message = QLabel(message, self)
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self.message.setVisible(bool(message))

        self.api_key = QLineEdit(self)
        self.api_key.setObjectName("api_key")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName(self.tr("API key"))
        self.api_key.setPlaceholderText(
            self.tr("•••••••• (saved; type to replace)")
            if has_key
            else self.tr("Paste the key Superfone gave you")
        )
        self.api_key.setEnabled(not key_locked)
        self._reveal = QAction(self.tr("Show"), self.api_key)
        self._reveal.setObjectName("api_key_show")
        self._reveal.setCheckable(True)
        self._reveal.toggled.connect(self._on_reveal_toggled)
        self.api_key.addAction(self._reveal, QLineEdit.ActionPosition.TrailingPosition)

        self.key_where = QLabel(i18n.core_text(key_where), self)
        self.key_where.setObjectName("api_key_where")
        self.key_where.setWordWrap(True)

        self.remove_key = QPushButton(self.tr("Remove saved key"), self)
        self.remove_key.setObjectName("api_key_remove")
        self.remove_key.setEnabled(has_key and not key_locked)
        self.remove_key.clicked.connect(self._on_remove_clicked)

        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("test_connection")
        self.test_button.clicked.connect(self._on_test_clicked)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("test_connection_result")
        self.test_result.setWordWrap(True)

        self.base_url = QLineEdit(base_url, self)
        self.base_url.setObjectName("base_url")
        self.base_url.setAccessibleName(self.tr("API base URL"))
        self.base_url.setPlaceholderText(DEFAULT_BASE_URL)
        self.base_url_error = QLabel(self)
        self.base_url_error.setObjectName("base_url_error")
        self.base_url_error.setProperty("role", "error")
        self.base_url_error.hide()

        self.country = QComboBox(self)
        self.country.setObjectName("default_country")
        self.country.setAccessibleName(self.tr("Default country for phone numbers"))
        self.country.addItem(
            self.tr("From the system ({country})").format(country=system_country), ""
        )
        for code, name in supported_regions(i18n.current()):  # names in the language
            self.country.addItem(name, code)
        index = self.country.findData(default_country)
        self.country.setCurrentIndex(max(index, 0))

        self.defaults = QLabel(describe_defaults(defaults), self)
        self.defaults.setObjectName("sticky_defaults")
        self.defaults.setWordWrap(True)
        self.forget_defaults = QPushButton(self.tr("Forget defaults"), self)
        self.forget_defaults.setObjectName("forget_defaults")
        self.forget_defaults.setToolTip(
            self.tr("Start the next lead with empty source, stage, labels…")
        )
        self.forget_defaults.clicked.connect(self._on_forget_defaults_clicked)
        self._forget = False
        self.presets = QListWidget(self)
        self.presets.setObjectName("presets")
        self.presets.setAccessibleName(self.tr("Presets"))
        self.presets.setMaximumHeight(110)
        for number, preset in enumerate(presets, start=1):
            item = QListWidgetItem(f"Ctrl+{number}  {preset.name}" if number <= 9 else preset.name)
            item.setData(Qt.ItemDataRole.UserRole, preset)
            item.setToolTip(describe_defaults(preset.defaults))
            self.presets.addItem(item)
        self.remove_preset = QPushButton(self.tr("Remove preset"), self)
        self.remove_preset.setObjectName("remove_preset")
        self.remove_preset.clicked.connect(self._on_remove_preset_clicked)
        self.remove_preset.setEnabled(bool(presets))

        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.setAccessibleName(self.tr("Language"))
        # Each language in itself, so whoever can't read the current one finds theirs.
        self.language.addItem(self.tr("System ({language})").format(
            language=i18n.NATIVE_NAMES[i18n.resolve("system")]), "system")
        for code in i18n.CHOICES[1:]:
            self.language.addItem(i18n.NATIVE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.language_note = _note(
            self.tr("Menus, tabs, Settings and messages change at once; the form and the "
                    "Outbox tab at the next start."),
            "language_note",
            self,
        )
        self.senders = QSpinBox(self)
        self.senders.setObjectName("import_senders")
        self.senders.setAccessibleName(self.tr("Phones sent to at once"))
        self.senders.setRange(1, MAX_IMPORT_SENDERS)
        self.senders.setValue(min(max(import_senders, 1), MAX_IMPORT_SENDERS))
        # The running delivery keeps its senders: changing them under requests in flight
        # would leave an entry "sending" until the next start anyway (docs/outbox.md).
        self.senders_note = _note(
            self.tr("How many different phones the outbox sends to at the same time. More "
                    "makes large imports faster. Takes effect at the next start."),
            "import_senders_note",
            self,
        )
        #: The account's members by name for the Assignee field (None: no account yet).
        self.team = TeamMembersEditor(team, region, self) if team is not None else None
        self.team_error = QLabel(self)
        self.team_error.setObjectName("team_members_error")
        self.team_error.setProperty("role", "error")
        self.team_error.setWordWrap(True)
        # Server messages, catalog titles (the defaults) and typed text: never markup.
        plain(
            self.message, self.test_result, self.base_url_error, self.defaults, self.team_error
        )
        self.team_error.hide()

        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(self.remove_key)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        form = QFormLayout()
        # A row holding a layout gets no buddy from QFormLayout, and a label without one
        # shows its "&" as it is ("API &key"): those rows name their field themselves.
        form.addRow(_label(self.tr("API &key"), self.api_key), key_row)
        form.addRow("", self.key_where)
        form.addRow("", test_row)
        form.addRow(self.tr("Default &country"), self.country)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.language_note)
        defaults_row = QHBoxLayout()
        defaults_row.addWidget(self.defaults, 1)
        defaults_row.addWidget(self.forget_defaults)
        form.addRow(self.tr("Save & New keeps"), defaults_row)
        presets_row = QHBoxLayout()
        presets_row.addWidget(self.presets, 1)
        presets_row.addWidget(self.remove_preset, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(_label(self.tr("&Presets"), self.presets), presets_row)
        if self.team is not None:
            form.addRow(self.tr("&Team members"), self.team)
            form.addRow("", self.team_error)
        senders_row = QHBoxLayout()  # a small number: the box stays small
        senders_row.addWidget(self.senders)
        senders_row.addStretch(1)
        form.addRow(_label(self.tr("Phones sent to at &once"), self.senders), senders_row)
        form.addRow("", self.senders_note)
        form.addRow(self.tr("&Base URL (advanced)"), self.base_url)
        form.addRow("", self.base_url_error)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _on_reveal_toggled(self, shown: bool) -> None:
        self.api_key.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self._reveal.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _on_remove_clicked(self) -> None:
        self._remove = True
        self.api_key.clear()
        self.remove_key.setEnabled(False)
        self.key_where.setText(self.tr("The saved key will be removed when you press Save."))

    def _on_forget_defaults_clicked(self) -> None:
        self._forget = True
        self.defaults.setText(
            self.tr("Nothing: each lead starts empty (applies when you press Save).")
        )
        self.forget_defaults.setEnabled(False)

    def _on_remove_preset_clicked(self) -> None:
        row = self.presets.currentRow()
        if row >= 0:
            self.presets.takeItem(row)
        self.remove_preset.setEnabled(self.presets.count() > 0)

    def _base_url(self) -> str:
        return self.base_url.text().strip() or DEFAULT_BASE_URL

    def _on_test_clicked(self) -> None:
        key = self.api_key.text().strip()
        current = self._current_client() if self._current_client and not key else None
        if current is not None:
            self.test_button.setEnabled(False)
            self.test_result.setText(self.tr("Testing…"))
            self._pool.submit(
                lambda: current.list_catalog(Catalog.LABELS, page_size=1).total_items,
                on_result=self._on_test_returned,
                on_error=self._on_test_failed,
                name="test connection",
            )
            return
        if not key:
            self.test_result.setText(self.tr("Type the key to test it."))
            return
        base_url = self._base_url()
        try:
            check_base_url(base_url)
        except InsecureURLError as exc:
            self.test_result.setText(user_message(exc))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing…"))

        def probe() -> int:
            # Imported and built here, in the worker: httpx stays off the GUI thread.
            from superfone_desk.api.client import SuperfoneClient

            with SuperfoneClient(key, base_url) as client:
                return client.list_catalog(Catalog.LABELS, page_size=1).total_items

        self._pool.submit(
            probe,
            on_result=self._on_test_returned,
            on_error=self._on_test_failed,
            name="test connection",
        )

    def _on_test_returned(self, labels: int) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(
            self.tr("Connected: the account has %n label(s).", "", labels)
        )

    def _on_test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText(self.tr("Failed: {reason}").format(reason=user_message(exc)))

    def _on_save_clicked(self) -> None:
        try:
            check_base_url(self._base_url())
        except InsecureURLError as exc:
            self.base_url_error.setText(user_message(exc))
            self.base_url_error.show()
            self.base_url.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        problem = self.team.problem() if self.team is not None else None
        if problem is not None and self.team is not None:
            self.team_error.setText(problem)
            self.team_error.show()
            self.team.focus_table()
            return
        self.accept()

    def choice(self) -> SettingsChoice:
        key = self.api_key.text().strip()
        return SettingsChoice(
            api_key=key or None,
            remove_key=self._remove and not key,
            base_url=self._base_url(),
            default_country=str(self.country.currentData() or ""),
            presets=[
                self.presets.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.presets.count())
            ],
            forget_defaults=self._forget,
            language=str(self.language.currentData()),
            team=self.team.members() if self.team is not None else None,
            import_senders=self.senders.value(),
        )


def _note(text: str, name: str, parent: QWidget) -> QLabel:
    """A line of explanation under a field."""
    note = QLabel(text, parent)
    note.setObjectName(name)
    note.setWordWrap(True)
    return note


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
