"""Assignee by name: the assignee field completes the team's names (``core.team``).

Superfone has no team endpoint, so the app learns: after a Save with an assignee
reached Superfone, the form looks the lead up again (``LeadFinder``), and Get Lead's
``assignee_user`` names the person behind the phone that was sent. Typing "Ravi" offers
"Ravi Patel — +91 98765 43210"; picking it puts the phone in the field (what the API
takes), so typing a phone still works. A phone Superfone refused as assignee is
forgotten. An admin adds members by name and phone in Settings (``set_admin_members``).
The team is kept per account in ``team-<account>.json`` beside the settings.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter

from superfone_desk.core.phones import display_phone, parse_phone
from superfone_desk.core.team import Member, Team, full_name, team_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from superfone_desk.lead_lookup import KnownLead
    from superfone_desk.store.outbox import OutboxEntry
    from superfone_desk.ui.connection import Connection
    from superfone_desk.ui.form.lead_form import LeadForm
    from superfone_desk.ui.lead_finder import LeadFinder

SEPARATOR = " — "


class TeamPicker(QObject):
    """Completes the assignee field from the learned team and keeps learning it."""

    def __init__(
        self,
        form: LeadForm,
        finder: LeadFinder,
        connection: Connection,
        folder: Path,
        region: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._connection = connection
        self._folder = folder
        self._region = region
        self._team = Team()
        #: Lead phone (E.164) → the assignee phone sent for it, until Get Lead names them.
        self._pending: dict[str, str] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, form.assignee.edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        form.assignee.edit.setCompleter(completer)
        # Queued: the line edit puts the whole entry in first; the phone replaces it.
        completer.activated.connect(self._on_picked, Qt.ConnectionType.QueuedConnection)
        form.assignee.set_resolver(self._member_phone)
        connection.changed.connect(self._on_account_changed)
        finder.found_changed.connect(self._on_found)
        self._on_account_changed()

    def entries(self) -> list[str]:
        return self._model.stringList()

    def admin_members(self) -> list[Member] | None:
        """The members an admin typed in Settings; None while no account is connected
        (there is no team to add them to yet)."""
        return self._team.admin_members() if self._connection.account else None

    def set_admin_members(self, members: list[tuple[str, str]]) -> None:
        """Settings' list of members, (phone in E.164, name), offered by name from now on."""
        if self._connection.account and self._team.set_admin_members(members):
            self._save()

    def _refresh(self) -> None:
        self._model.setStringList(
            [f"{m.label()}{SEPARATOR}{display_phone(m.phone)}" for m in self._team.members()]
        )

    def _on_account_changed(self) -> None:
        account = self._connection.account
        self._team = Team.load(team_path(self._folder, account)) if account else Team()
        self._refresh()

    def _member_phone(self, text: str) -> str | None:
        """The phone of the member ``text`` names without being picked: a name typed in
        full (one member has it) or a whole entry of the list; None for a phone or
        anything else (the form's check then says what is wrong)."""
        _, separator, phone = text.rpartition(SEPARATOR)
        if separator and phone:
            return phone
        region = self._region()
        if parse_phone(text, region).e164 is not None:
            return None
        member = self._team.find(text, region)
        return display_phone(member.phone) if member is not None and member.name else None

    def _on_picked(self, text: str) -> None:
        name, _, phone = text.rpartition(SEPARATOR)
        if phone:
            self._form.assignee.show_member(phone, name)

    def _assignee_e164(self, entry: OutboxEntry) -> str | None:
        choice = entry.draft.assignee_phone
        if not choice.is_set or not choice.value:
            return None
        return parse_phone(choice.value, entry.region or self._region()).e164

    def note_sent(self, entry: OutboxEntry) -> None:
        """A lead reached Superfone: learn its assignee's name at the next lookup."""
        assignee = self._assignee_e164(entry)
        if assignee is not None:
            self._pending[entry.primary_phone or entry.phone] = assignee
            self._pending[entry.phone] = assignee

    def note_refused(self, entry: OutboxEntry) -> None:
        """Superfone refused the assignee: do not offer that phone again."""
        assignee = self._assignee_e164(entry)
        refused = entry.error_field == "assignee_user_phone" and assignee is not None
        if refused and assignee is not None and self._team.refused(assignee):
            self._save()

    def _on_found(self, found: KnownLead | None) -> None:
        if found is None or found.lead is None or found.lead.assignee_user is None:
            return
        assignee = self._pending.pop(found.phone, None)
        if assignee is None and found.lead.primary_phone:
            assignee = self._pending.pop(found.lead.primary_phone, None)
        user = found.lead.assignee_user
        name = full_name(user.first_name, user.last_name)
        if assignee is not None and name and self._team.learn(assignee, name):
            self._save()

    def _save(self) -> None:
        # Only names to relearn are at stake: the form works without the file.
        with suppress(OSError):
            self._team.save()
        self._refresh()
