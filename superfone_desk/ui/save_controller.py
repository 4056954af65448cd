"""Saving a lead: live checks, the save into the outbox, and what each outcome shows.

The form only shows and collects; this controller decides. Live checking starts once
the user has left a field (never while typing it). Save validates, writes the lead into
the outbox (the one SQLite write on the GUI thread: one fsynced row, so the lead is safe
before any network I/O) and nudges delivery. Delivery's outcomes arrive as entries
(``on_entry_changed``, from the delivery thread's signal): the controller reports those
of the leads saved in this window.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from superfone_desk.core.fields import FORM_FIELD_ORDER, draft_value
from superfone_desk.core.payload import describe
from superfone_desk.core.phones import display_phone
from superfone_desk.core.validation import validate
from superfone_desk.store.outbox import EntryState, OutboxEntry, OutboxError
from superfone_desk.ui.outbox_view import NOTE_QUESTION

if TYPE_CHECKING:
    from superfone_desk.core.draft import LeadDraft
    from superfone_desk.store.outbox import Outbox
    from superfone_desk.ui.connection import Connection
    from superfone_desk.ui.delivery_service import DeliveryService
    from superfone_desk.ui.form.lead_form import LeadForm
    from superfone_desk.ui.lead_finder import LeadFinder
    from superfone_desk.ui.preferences import Preferences

class SaveController(QObject):
    """Signals:
    saved(object): an OutboxEntry saved in this window reached Superfone.
    save_failed(object): an OutboxEntry saved in this window needs the user (refused, or
        paused on the API key), after the form showed why.
    banner(str): a message for the banner; banner_hidden(): the banner can go.
    settings_needed(str): the API key was refused: open Settings with this message.
    form_wanted(): show the form (an entry was opened from the outbox).
    outbox_changed(): a save went into the outbox (the delivery status follows).
    """

    saved = Signal(object)
    save_failed = Signal(object)
    banner = Signal(str)
    banner_hidden = Signal()
    settings_needed = Signal(str)
    form_wanted = Signal()
    outbox_changed = Signal()

    def __init__(
        self,
        form: LeadForm,
        *,
        outbox: Outbox,
        preferences: Preferences,
        connection: Connection,
        finder: LeadFinder,
        delivery: DeliveryService,
        confirm: Callable[[str, str], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._outbox = outbox
        self._preferences = preferences
        self._connection = connection
        self._finder = finder
        self._delivery = delivery
        self._confirm = confirm
        #: Fields the user has left: only those are checked live.
        self._checked: set[str] = set()
        #: A server's complaint: field -> (message, the value it was about).
        self._server_errors: dict[str, tuple[str, object]] = {}
        #: Entries saved in this window whose outcome it still reports.
        self._session_entries: set[int] = set()
        #: The entry whose outcome the result line shows (the latest save).
        self._latest_entry: int | None = None
        #: A plain Save keeps the buttons busy until this entry has an outcome.
        self._busy_entry: int | None = None
        #: Saving replaces this entry (a refused lead opened back in the form).
        self._editing_entry: int | None = None
        form.field_left.connect(self._on_form_field_left)
        delivery.entry_changed.connect(self._on_entry_changed)

    @property
    def busy(self) -> bool:
        """A plain Save waits for its outcome (the form's buttons are off)."""
        return self._busy_entry is not None

    # ------------------------------------------------------------------ checks

    def _errors_for(self, draft: LeadDraft) -> dict[str, str]:
        errors = validate(draft, self._preferences.region())
        errors.update(self._form.picker_problems())
        order = {name: i for i, name in enumerate(FORM_FIELD_ORDER)}
        return dict(sorted(errors.items(), key=lambda kv: order.get(kv[0], len(order))))

    def _on_form_field_left(self, name: str) -> None:
        # Live checking starts once the user has left a field, never while typing it.
        self._checked.add(name)
        draft = self._form.draft()
        errors = {n: m for n, m in self._errors_for(draft).items() if n in self._checked}
        # A server's complaint stays until the user changes that field.
        for field, (message, value) in list(self._server_errors.items()):
            if draft_value(draft, field) == value:
                errors.setdefault(field, message)
            else:
                del self._server_errors[field]
        self._form.show_errors(errors, focus_first=False)

    def _show_server_error(self, field: str, message: str) -> None:
        self._server_errors = {field: (message, draft_value(self._form.draft(), field))}
        self._form.show_errors({field: message}, focus_first=True)

    # ------------------------------------------------------------------ saving

    def save(self, and_new: bool) -> None:
        """Save (and_new False) or Save & New the lead in the form."""
        if self._busy_entry is not None:
            return
        form = self._form
        draft = form.draft()
        errors = self._errors_for(draft)
        self._checked.update(FORM_FIELD_ORDER)
        if errors:
            form.show_errors(errors, focus_first=True)
            count = len(errors)
            form.show_result(
                f"Not saved: {count} field{'s' if count > 1 else ''} need attention.", ok=False
            )
            return
        form.clear_errors()
        self._server_errors.clear()
        region = self._preferences.region()
        found = self._finder.found
        known_exists = None if found is None else found.lead is not None
        known_primary = found.lead.primary_phone if found and found.lead else None
        account = self._connection.account
        # Into the outbox (fsynced) before any network I/O: from here the lead is safe.
        try:
            if self._editing_entry is not None:
                entry_id = self._outbox.replace(
                    self._editing_entry,
                    draft,
                    region,
                    known_primary=known_primary,
                    known_exists=known_exists,
                    account=account,
                ).id
            else:
                entry_id = self._outbox.add(
                    draft,
                    region,
                    known_primary=known_primary,
                    known_exists=known_exists,
                    account=account,
                )
        except (OutboxError, ValueError, OSError, sqlite3.Error) as exc:
            form.show_result("Not saved.", ok=False)
            self.banner.emit(f"Could not keep the lead on this computer: {exc}")
            return
        self._editing_entry = None
        self._session_entries.add(entry_id)
        self._latest_entry = entry_id
        self._delivery.nudge()
        self.banner_hidden.emit()
        self._preferences.remember_sticky(form.sticky())
        waiting = f"Saved {describe(draft, region)}: sending…"
        if self._connection.client is None:
            waiting = "Saved on this computer: it is sent once an API key is set."
        if and_new:
            form.start_next()
            self._checked.clear()
        else:
            self._busy_entry = entry_id
            form.set_busy(True)
            form.mark_clean()
        form.show_result(waiting, ok=True)
        self.outbox_changed.emit()

    def clear(self) -> None:
        """Clear the form (after asking, when something is typed); the defaults stay."""
        if self._busy_entry is not None:
            return
        if self._form.is_dirty() and not self._confirm(
            "Clear the form?", "Clear what you typed for this lead? The defaults stay."
        ):
            return
        self._form.clear_all(self._form.sticky())
        self._editing_entry = None
        self._checked.clear()

    def open_entry(self, entry: OutboxEntry) -> None:
        """Open a saved lead in the form to fix it; saving replaces it."""
        form = self._form
        if form.is_dirty() and not self._confirm(
            "Replace the form?", "Open the saved lead in the form, replacing what is typed?"
        ):
            return
        form.set_draft(entry.draft)
        form.mark_clean()
        self._editing_entry = entry.id
        self._latest_entry = entry.id
        self.form_wanted.emit()
        form.show_result("Fix the lead and save: it replaces the one in the outbox.", ok=False)
        if entry.error_field and entry.last_error:
            self._show_server_error(entry.error_field, entry.last_error)
        elif entry.state is EntryState.PAUSED:
            self.settings_needed.emit("Superfone did not accept the API key. Enter a valid key.")

    # ------------------------------------------------------------------ outcomes

    def _on_entry_changed(self, entry: OutboxEntry) -> None:
        if entry.id not in self._session_entries or entry.state is EntryState.SENDING:
            return
        if entry.state is EntryState.SENT:
            self._on_entry_sent(entry)
        elif entry.state is EntryState.NEEDS_ATTENTION:
            self._on_entry_refused(entry)
        elif entry.state is EntryState.PAUSED:
            self._on_entry_paused(entry)
        elif entry.state is EntryState.QUEUED and entry.last_error:
            self._on_entry_retrying(entry)

    def _finish_busy(self, entry_id: int) -> None:
        if self._busy_entry == entry_id:
            self._busy_entry = None
            self._form.set_busy(False)

    def _on_entry_sent(self, entry: OutboxEntry) -> None:
        self._session_entries.discard(entry.id)
        if entry.id == self._latest_entry:
            self._form.show_result(entry.result_message, ok=True)
            self.banner_hidden.emit()
        if entry.id == self._busy_entry:
            self._finish_busy(entry.id)
            self._finder.refresh()
        if entry.asks_about_note:
            who = entry.name or display_phone(entry.phone)
            self.banner.emit(f"{who}: {NOTE_QUESTION} See the Outbox tab.")
        self.saved.emit(entry)

    def _shows_entry(self, entry: OutboxEntry) -> bool:
        """Whether the form still holds what this entry saved (its errors belong there)."""
        return entry.id == self._busy_entry or (
            entry.id == self._latest_entry and self._form.draft() == entry.draft
        )

    def _on_entry_refused(self, entry: OutboxEntry) -> None:
        self._session_entries.discard(entry.id)
        message = entry.last_error or "Superfone refused the lead."
        if self._shows_entry(entry):
            self._finish_busy(entry.id)
            self._editing_entry = entry.id
            if entry.error_field:
                self._show_server_error(entry.error_field, message)
            else:
                self.banner.emit(message)
            self._form.show_result("Not saved: Superfone refused a field.", ok=False)
        else:
            who = entry.name or display_phone(entry.phone)
            self.banner.emit(
                f"A saved lead needs attention ({who}): {message} Open it from the Outbox tab."
            )
        self.save_failed.emit(entry)

    def _on_entry_paused(self, entry: OutboxEntry) -> None:
        self._finish_busy(entry.id)
        if entry.id == self._latest_entry:
            self._form.show_result("Waiting: the API key was not accepted.", ok=False)
        self.settings_needed.emit(
            "Superfone did not accept the API key. Enter a valid key: saved leads wait in "
            "the outbox and are sent as soon as it works."
        )
        self.save_failed.emit(entry)

    def _on_entry_retrying(self, entry: OutboxEntry) -> None:
        self._finish_busy(entry.id)
        if entry.id == self._latest_entry:
            self._form.show_result(
                "Saved on this computer; sending when Superfone answers.", ok=True
            )
        self.banner.emit(
            f"{entry.last_error} Saved leads are kept on this computer and sent automatically."
        )
