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
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from superfone_desk.core.draft import Choice
from superfone_desk.core.fields import CREATE_FIELD, FORM_FIELD_ORDER, draft_value
from superfone_desk.core.followup_record import followup_outcome
from superfone_desk.core.payload import describe
from superfone_desk.core.phones import display_phone, parse_phone
from superfone_desk.core.server_text import explain, value_text
from superfone_desk.core.validation import validate
from superfone_desk.store.db import OutboxOpenError
from superfone_desk.store.outbox import EntryState, OutboxEntry, OutboxError
from superfone_desk.store.outbox_rows import entry_name
from superfone_desk.ui.form.field_changes import connect_field_changes
from superfone_desk.ui.form.kept_values import KeptValues, kept_summary
from superfone_desk.ui.form.lead_card import LeadCard
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP, core_text
from superfone_desk.ui.note_receipt import NoteReceipt
from superfone_desk.ui.outbox_view import NOTE_QUESTION, still_sending
from superfone_desk.ui.pause_text import settings_message, waiting_line
from superfone_desk.ui.plain_text import plain_tip
from superfone_desk.ui.team_picker import TeamPicker

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
    saved(object): an OutboxEntry saved in this window reached Superfone; once per entry,
        as soon as the lead is applied (its note or follow-up may still be going out).
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
        #: A server's complaint: field -> (what the form shows, the value it was about,
        #: Superfone's own words for the tooltip).
        self._server_errors: dict[str, tuple[str, object, str]] = {}
        #: Entries saved in this window whose outcome it still reports.
        self._session_entries: set[int] = set()
        #: Of those, the ones already reported saved (the lead is on Superfone; its note
        #: or follow-up was still going): ``saved`` is emitted once per entry.
        self._applied: set[int] = set()
        #: The entry whose outcome the result line shows (the latest save).
        self._latest_entry: int | None = None
        #: A plain Save keeps the buttons busy until this entry has an outcome.
        self._busy_entry: int | None = None
        #: Saving replaces this entry (a refused lead opened back in the form).
        self._editing_entry: int | None = None
        #: The phone (E.164) of that entry: saving another phone adds a new entry.
        self._editing_phone: str | None = None
        form.field_left.connect(self._on_form_field_left)
        connect_field_changes(form, self._on_form_field_changed)
        #: The kept values' markers: what Save & New carries over, and forgetting it.
        self.kept = KeptValues(form, preferences, self)
        #: The assignee field completes names of the team it learns from Superfone.
        self.team = TeamPicker(
            form, finder, connection, preferences.folder, preferences.region, self
        )
        #: The stored lead, the change list, its tasks and the follow-up (issue #14).
        self.card = LeadCard(
            form,
            finder=finder,
            pool=finder.pool,
            connection=connection,
            preferences=preferences,
            parent=self,
        )
        delivery.entry_changed.connect(self._on_entry_changed)
        delivery.entry_applied.connect(self._on_entry_applied)
        #: The note box empties once its note is saved; Save again never re-posts it.
        self.note_receipt = NoteReceipt(form, self)
        delivery.entry_changed.connect(self.note_receipt.on_entry_changed)

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
        # Live checking starts once the user has left a field, never while typing it,
        # and never for a field left empty: a click elsewhere, Esc or Settings takes
        # the focus from an untouched phone, and that is no mistake (issue 13, bug 3).
        draft = self._form.draft()
        # Text typed in a list field that names no entry counts as filled in.
        filled = not _is_empty(draft_value(draft, name)) or self._form_has_text(name)
        if name in self._checked or filled:
            self._checked.add(name)
        self._show_live_errors(draft)

    def _form_has_text(self, name: str) -> bool:
        return name in self._form.picker_problems()

    def _on_form_field_changed(self, name: str) -> None:
        # An error goes as soon as its cause goes; typing never brings a new one.
        if name == "customer_phone":
            # Superfone's answers about the lead ("Customer not found.") were about
            # the number that was typed then.
            for field in (CREATE_FIELD, "customer_phone", "add_phones"):
                self._server_errors.pop(field, None)
        if not self._shows_error(name) and not (
            name == "customer_phone" and self._shows_error(CREATE_FIELD)
        ):
            return
        self._show_live_errors(self._form.draft(), typing=name)

    def _shows_error(self, name: str) -> bool:
        return bool(self._form.error_label(name).text())

    def _show_live_errors(self, draft: LeadDraft, typing: str | None = None) -> None:
        errors = {n: m for n, m in self._errors_for(draft).items() if n in self._checked}
        if typing is not None and not self._shows_error(typing):
            errors.pop(typing, None)
        # A server's complaint stays until the user changes that field.
        for field, (text, value, _original) in list(self._server_errors.items()):
            if draft_value(draft, field) == value:
                errors.setdefault(field, text)
            else:
                del self._server_errors[field]
        self._show_errors(errors, focus_first=False)

    def _show_errors(self, errors: dict[str, str], *, focus_first: bool) -> None:
        self._form.show_errors(errors, focus_first=focus_first)
        # Superfone's own words stay one hover away (for support, and the curious).
        for field in FORM_FIELD_ORDER + (CREATE_FIELD,):
            server = self._server_errors.get(field)
            shown = server is not None and errors.get(field) == server[0]
            self._form.error_label(field).setToolTip(
                plain_tip(self.tr("Superfone said: {text}").format(text=server[2]))
                if shown and server and server[2]
                else ""
            )

    def _show_server_error(self, field: str, message: str) -> None:
        draft = self._form.draft()
        value = draft_value(draft, field)
        shown = explain(message, field=field, value=value_text(value))
        self._server_errors = {field: (shown.text, value, message)}
        self._show_errors({field: shown.text}, focus_first=True)

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
            self._show_errors(errors, focus_first=True)
            count = len(errors)
            form.show_result(
                self.tr("Not saved: %n field(s) need attention.", "", count), ok=False
            )
            return
        found = self._finder.found
        if found is not None and found.lead is None and not draft.create_if_missing:
            # The panel already says Save will fail: say why next to the switch, rather
            # than queue a lead Superfone can only refuse (issue 13, bug 11).
            # Kept like a server's answer: it goes when the switch or the phone changes.
            text = explain("Customer not found.").text
            self._server_errors = {CREATE_FIELD: (text, False, "")}
            self._show_errors({CREATE_FIELD: text}, focus_first=True)
            form.show_result(self.tr("Not saved: %n field(s) need attention.", "", 1), ok=False)
            return
        prepared = self.card.prepare(draft)  # only the edits; the follow-up to book
        if prepared is None:
            form.show_result(self.tr("Not saved: check the follow-up time."), ok=False)
            return
        to_send, followup = prepared
        self._show_errors({}, focus_first=False)
        self._server_errors.clear()
        region = self._preferences.region()
        found = self._finder.found
        known_exists = None if found is None else found.lead is not None
        known_primary = found.lead.primary_phone if found and found.lead else None
        account = self._connection.account
        if self._editing_entry is not None and self._editing_phone != _e164(
            draft.customer_phone, region
        ):
            # Another phone is another lead: the refused entry stays in the outbox to
            # be fixed, rather than vanish under this one (issue 13, bug 11).
            self._editing_entry = None
        # Into the outbox (fsynced) before any network I/O: from here the lead is safe.
        try:
            if self._editing_entry is not None:
                entry_id = self._outbox.replace(
                    self._editing_entry,
                    to_send,
                    region,
                    known_primary=known_primary,
                    known_exists=known_exists,
                    account=account,
                    name=entry_name(draft),  # to_send may hold only the edits
                    followup=followup,
                ).id
            else:
                entry_id = self._outbox.add(
                    to_send,
                    region,
                    known_primary=known_primary,
                    known_exists=known_exists,
                    account=account,
                    followup=followup,
                    name=entry_name(draft),
                )
        # OutboxOpenError: the file was replaced under us (OutboxGone); never "saved".
        except (OutboxError, OutboxOpenError, ValueError, OSError, sqlite3.Error) as exc:
            form.show_result(self.tr("Not saved."), ok=False)
            self.banner.emit(
                self.tr("Could not keep the lead on this computer: {reason}").format(reason=exc)
            )
            return
        self._editing_entry = None
        self.card.saved()
        self._session_entries.add(entry_id)
        self._latest_entry = entry_id
        self._delivery.nudge()
        self.banner_hidden.emit()
        self._preferences.remember_sticky(form.sticky())
        waiting = self.tr("Saved {lead}: sending…").format(lead=describe(draft, region))
        if self._connection.client is None:
            waiting = self.tr("Saved on this computer: it is sent once an API key is set.")
        elif self._delivery.offline_until is not None:
            # Not "sending…" while delivery waits for the network (issue 13, bug 10).
            waiting = self.tr(
                "Saved on this computer: it is sent when Superfone can be reached."
            )
        if and_new:
            # Before the form moves the focus to the phone: leaving the field the user
            # was in must not check the emptied form (the stale "Enter a phone number").
            self._checked.clear()
            self._server_errors.clear()
            self.note_receipt.forget()
            form.start_next()
            self.kept.mark(self.tr("the lead you just saved"))
        else:
            self._busy_entry = entry_id
            form.set_busy(True)
            # A timeline note is an event: saved once, it leaves the form (issue #12.4).
            self.note_receipt.saved(entry_id, draft.customer_note)
            form.mark_clean()
        form.show_result(waiting, ok=True)
        self.outbox_changed.emit()

    def clear(self) -> None:
        """Clear the form (after asking, when something is typed); the defaults stay."""
        if self._busy_entry is not None:
            return
        kept = kept_summary(self._form.sticky())
        if self._form.is_dirty() and not self._confirm(
            self.tr("Clear the form?"),
            self.tr("Clear what you typed for this lead? {kept}").format(kept=kept),
        ):
            return
        self._checked.clear()
        self._server_errors.clear()
        self._form.clear_all(self._form.sticky())
        self._editing_entry = None
        self.kept.mark(self.tr("the last lead you saved"))
        self._form.show_result(self.tr("Cleared. {kept}").format(kept=kept), ok=True)

    def open_entry(self, entry: OutboxEntry) -> None:
        """Open a saved lead in the form to fix it; saving replaces it."""
        form = self._form
        if form.is_dirty() and not self._confirm(
            self.tr("Replace the form?"),
            self.tr("Open the saved lead in the form, replacing what is typed?"),
        ):
            return
        form.set_draft(entry.draft)
        form.mark_clean()
        self._editing_entry, self._editing_phone = entry.id, entry.phone
        self._latest_entry = entry.id
        self.form_wanted.emit()
        form.show_result(
            self.tr("Fix the lead and save: it replaces the one in the outbox."), ok=False
        )
        if entry.error_field and entry.last_error:
            self._show_server_error(entry.error_field, entry.last_error)
        elif entry.state is EntryState.PAUSED:
            self.settings_needed.emit(settings_message(entry))

    # ------------------------------------------------------------------ outcomes

    def _on_entry_changed(self, entry: OutboxEntry) -> None:
        if entry.id not in self._session_entries:
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

    def _on_entry_applied(self, entry: OutboxEntry) -> None:
        # The lead is on Superfone; only its note (alone and last, issue #11) or its
        # follow-up is still going out. The user has what they saved: say so, free the
        # buttons. The note's own outcome follows (``_on_entry_sent``).
        if entry.id not in self._session_entries or entry.id in self._applied:
            return
        self._applied.add(entry.id)
        self.team.note_sent(entry)
        if entry.id == self._latest_entry:
            rest = QCoreApplication.translate(
                "OutboxView", still_sending(entry) or QT_TRANSLATE_NOOP("OutboxView", "the rest")
            )
            self._form.show_result(
                self.tr("{result} (sending {rest}…)").format(
                    result=core_text(entry.result_message), rest=rest
                ),
                ok=True,
            )
            self.banner_hidden.emit()
        refresh = entry.id == self._busy_entry
        self._finish_busy(entry.id)
        self.saved.emit(entry)
        if refresh:  # the stored lead, as it is now (after the outcome is shown)
            self._finder.refresh()

    def _on_entry_sent(self, entry: OutboxEntry) -> None:
        self._session_entries.discard(entry.id)
        reported = entry.id in self._applied
        self._applied.discard(entry.id)
        self.team.note_sent(entry)  # before the lookup below names the assignee
        if entry.id == self._latest_entry:
            now = datetime.now().astimezone()
            booked = followup_outcome(entry.followup, now)  # issue #14
            self._form.show_result(core_text(entry.result_message) + core_text(booked), ok=True)
            self.banner_hidden.emit()
        if entry.id == self._busy_entry:
            self._finish_busy(entry.id)
            self._finder.refresh()
        if entry.asks_about_note:
            who = entry.name or display_phone(entry.phone)
            question = QCoreApplication.translate("OutboxView", NOTE_QUESTION)
            self.banner.emit(
                self.tr("{who}: {question} See the Outbox tab.").format(
                    who=who, question=question
                )
            )
        if not reported:
            self.saved.emit(entry)

    def _shows_entry(self, entry: OutboxEntry) -> bool:
        """Whether the form still holds what this entry saved (its errors belong there)."""
        return entry.id == self._busy_entry or (
            entry.id == self._latest_entry and self._form.draft() == entry.draft
        )

    def _on_entry_refused(self, entry: OutboxEntry) -> None:
        self._session_entries.discard(entry.id)
        self._applied.discard(entry.id)  # fixed and saved again, it is reported again
        self.team.note_refused(entry)
        message = entry.last_error or "Superfone refused the lead."
        if entry.error_field:
            # Never carried to the next lead again; out of it if it is already there.
            self.kept.refused(entry.error_field, from_form=not self._shows_entry(entry))
        if self._shows_entry(entry):
            self._finish_busy(entry.id)
            self._editing_entry, self._editing_phone = entry.id, entry.phone
            if entry.error_field:
                self._show_server_error(entry.error_field, message)
            else:
                self.banner.emit(core_text(explain(message).text))
            outcome = followup_outcome(entry.followup, datetime.now().astimezone())
            self._form.show_result(
                self.tr("Saved{outcome}.").format(outcome=core_text(outcome))
                if outcome
                else self.tr("Not saved: Superfone refused a field."),
                ok=False,
            )
        else:
            who = entry.name or display_phone(entry.phone)
            text = explain(message, field=entry.error_field).text
            self.banner.emit(
                self.tr(
                    "A saved lead needs attention ({who}): {text} Open it from the Outbox tab."
                ).format(who=who, text=core_text(text))
            )
            if entry.id == self._latest_entry:
                # The result line said "sending…" for it: no longer true.
                self._form.show_result(
                    self.tr("Not sent: {who} needs attention.").format(who=who), ok=False
                )
        self.save_failed.emit(entry)

    def _on_entry_paused(self, entry: OutboxEntry) -> None:
        self._finish_busy(entry.id)
        if entry.id == self._latest_entry:
            # Its real cause: only a 401 is the key's fault (issue #12.3).
            self._form.show_result(waiting_line(entry), ok=False)
        self.settings_needed.emit(settings_message(entry))
        self.save_failed.emit(entry)

    def _on_entry_retrying(self, entry: OutboxEntry) -> None:
        self._finish_busy(entry.id)
        if entry.id == self._latest_entry:
            self._form.show_result(
                self.tr("Saved on this computer; sending when Superfone answers."), ok=True
            )
        self.banner.emit(
            self.tr(
                "{error} Saved leads are kept on this computer and sent automatically."
            ).format(error=core_text(entry.last_error or ""))
        )


def _is_empty(value: object) -> bool:
    if isinstance(value, Choice):
        return value.is_untouched
    return value in ("", (), None)


def _e164(text: str, region: str) -> str | None:
    return parse_phone(text, region).e164
