"""Settings' team members: names and phones an admin types, so the Assignee field
offers them by name (``core.team``; Superfone has no team endpoint).

A table of Name and Phone with Add and Remove. Phones are read in the default country
like the form's; ``problem`` says which row cannot be saved and why, before the dialog
closes. The rows the app learned from Superfone are not listed: they come by themselves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.phones import display_phone, parse_phone
from superfone_desk.core.team import Member
from superfone_desk.ui.i18n import core_text


class TeamMembersEditor(QWidget):
    """The admin's members of the connected account; ``members()`` once ``problem()``
    is None."""

    def __init__(
        self, members: list[Member], region: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("team_members")
        self._region = region
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("team_members_table")
        self.table.setAccessibleName(self.tr("Team members"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Phone")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(130)
        for member in members:
            self._add_row(member.name, display_phone(member.phone))
        self.add_button = QPushButton(self.tr("Add member"), self)
        self.add_button.setObjectName("add_team_member")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove member"), self)
        self.remove_button.setObjectName("remove_team_member")
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _add_row(self, name: str, phone: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(phone))
        return row

    def _on_add_clicked(self) -> None:
        row = self._add_row("", "")
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.currentItem())

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _cells(self) -> list[tuple[int, str, str]]:
        rows = []
        for row in range(self.table.rowCount()):
            name, phone = (self.table.item(row, c) for c in (0, 1))
            texts = (name.text().strip() if name else "", phone.text().strip() if phone else "")
            if any(texts):  # an empty row left by Add is no member
                rows.append((row, *texts))
        return rows

    def problem(self) -> str | None:
        """Why a row cannot be saved ("Row 2: …"), its cell made current; None if all can."""
        for row, name, phone in self._cells():
            parsed = parse_phone(phone, self._region)
            message = None
            if not name:
                message, column = self.tr("enter the member's name."), 0
            elif parsed.e164 is None:
                message, column = core_text(parsed.error or "Enter a phone number."), 1
            if message is not None:
                self.table.setCurrentCell(row, column)
                return self.tr("Team member in row {row}: {problem}").format(
                    row=row + 1, problem=message
                )
        return None

    def members(self) -> list[tuple[str, str]]:
        """(phone in E.164, name) of every filled row; rows ``problem`` names are left out."""
        found = []
        for _row, name, phone in self._cells():
            e164 = parse_phone(phone, self._region).e164
            if name and e164 is not None:
                found.append((e164, name))
        return found

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
