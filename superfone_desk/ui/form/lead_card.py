"""The lead card on the form (issue #14): the stored lead, what Save changes, its tasks,
and the follow-up booked with it.

Attaches to a built ``LeadForm`` from outside (the form's own module stays about the
upsert's fields). When ``LeadFinder`` finds the typed phone's lead, every field the user
left empty shows the stored value, marked ``stored`` (styled in resources/style.qss, said
in the tooltip and accessible description) until it is edited. A different phone takes
the stored values out again; what the user typed stays.

Deciding stays in ``core.lead_card`` (what is stored, what changed, only-fill-empty) and
``core.followup`` (reading the time); this module shows them and, through ``prepare``,
hands the save controller the draft to store (only the edits) and the follow-up.
Lists and Complete Task run in the pool; answers for a lead no longer shown are dropped.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.fields import FIELDS, PICKER_KINDS, Field
from superfone_desk.core.followup import FOLLOWUP_TYPES, Problem, display_time, warm_up
from superfone_desk.core.followup_record import FollowUpRecord
from superfone_desk.core.lead_card import (
    StoredLead,
    changes,
    edits_only,
    fill,
    only_fill_empty,
    stored_values,
)
from superfone_desk.core.phones import parse_phone
from superfone_desk.ui.form.change_list import ChangeList
from superfone_desk.ui.form.field_changes import connect_field_changes
from superfone_desk.ui.form.followup_field import FollowUpField
from superfone_desk.ui.form.tasks_panel import TasksPanel, describe_task, task_due, task_name
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP, core_text, plain_label
from superfone_desk.ui.workers import WorkerPool, user_message

if TYPE_CHECKING:
    from superfone_desk.api.models import Lead, Task
    from superfone_desk.lead_lookup import KnownLead
    from superfone_desk.ui.connection import Connection
    from superfone_desk.ui.form.lead_form import LeadForm
    from superfone_desk.ui.lead_finder import LeadFinder
    from superfone_desk.ui.preferences import Preferences

_BY_ATTR: dict[str, Field] = {f.attr: f for f in FIELDS}
_STORED_TIP = QT_TRANSLATE_NOOP("LeadCard", "Stored in Superfone; not sent unless you change it")


class LeadCard(QObject):
    """The card's widgets on ``form`` and what they show (see the module docstring)."""

    def __init__(
        self,
        form: LeadForm,
        *,
        finder: LeadFinder,
        pool: WorkerPool,
        connection: Connection,
        preferences: Preferences,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._pool = pool
        self._connection = connection
        self._preferences = preferences
        self._lead: Lead | None = None
        self._card: StoredLead | None = None
        self._filled: frozenset[str] = frozenset()
        self._open_tasks: list[Task] = []
        self._assignee_hint = form.assignee.edit.placeholderText()

        self.followup = FollowUpField(parent=form)
        self.tasks = TasksPanel(self.followup)
        self.followup.form.addRow(self.tasks)
        # At the end of the form's body (before its closing stretch), and the change list
        # right above the buttons: nothing above the fields moves when a lead is found.
        content = cast(QWidget, cast(QScrollArea, form.findChild(QScrollArea)).widget())
        body = cast(QVBoxLayout, content.layout())
        body.insertWidget(body.count() - 1, self.followup)
        # Its labels line up with the form's (one column width down the form).
        width = max((label.minimumWidth() for label in form.findChildren(QLabel)), default=0)
        for caption in self.followup.captions:
            caption.setMinimumWidth(max(width, caption.sizeHint().width()))
        self.change_list = ChangeList(form)
        cast(QVBoxLayout, form.layout()).insertWidget(1, self.change_list)
        self.change_list.only_empty.setChecked(preferences.settings.only_fill_empty)
        # In the tab order right after the last field (the note), before the buttons.
        chain = [form.widget("customer_note"), *self.followup.focus_chain(), self.tasks.complete]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.change_list.only_empty.toggled.connect(self._on_only_empty_toggled)
        finder.found_changed.connect(self._on_found_changed)
        connect_field_changes(form, self._on_field_changed)
        self.followup.changed.connect(self._show_warning)
        self.tasks.complete_requested.connect(self._on_complete_requested)
        # dateparser's first parse costs ~0.3 s and ~18 MiB: paid on a worker when the
        # follow-up is first reached (focus, or the pointer over it), not at start: most
        # leads book none, and an idle window should not hold it.
        self._reader_warm = False
        for watched in (self.followup, self.followup.edit):
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._reader_warm and event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter):
            self._reader_warm = True
            self.followup.removeEventFilter(self)
            self.followup.edit.removeEventFilter(self)
            self._pool.submit(warm_up, name="warm up the follow-up reader")
        return False

    @property
    def stored(self) -> StoredLead | None:
        """The lead shown in the form, as stored (None: none loaded)."""
        return self._card

    # ------------------------------------------------------------------ saving

    def prepare(self, draft: LeadDraft) -> tuple[LeadDraft, dict[str, Any] | None] | None:
        """What Save puts in the outbox for ``draft``: only the edits, and the follow-up
        (as the outbox keeps it). None when the follow-up can't be booked (the field
        says why; nothing typed is lost)."""
        value = self.followup.value()
        if isinstance(value, Problem):
            self.followup.show_problem(value.text)
            return None
        edits = self._edits(draft)
        record = None if value is None else FollowUpRecord(value).to_json()
        return edits, record

    def saved(self) -> None:
        """The save went into the outbox: the follow-up is booked with it, and the stored
        values leave the fields before Save's kept values are taken from them (the next
        lead must not inherit this one's stage or source). After a plain Save, the lead
        is looked up again once sent, and its card comes back with the new values."""
        self.followup.clear()
        self._take_out_stored()
        self._refresh()

    def _edits(self, draft: LeadDraft) -> LeadDraft:
        edits = edits_only(draft, self._card)
        if self.change_list.only_empty.isChecked():
            edits = only_fill_empty(edits, self._card)
        return edits

    # ------------------------------------------------------------------ the stored lead

    def _on_found_changed(self, found: KnownLead | None) -> None:
        lead = found.lead if found is not None else None
        if found is None and self._card is not None and self._same_phone(self._card):
            return  # asked again for the same phone (after a save): the answer follows
        if lead is None or found is None:
            self._unload()
            return
        if self._card is not None and self._card.lead_id != lead.id:
            self._unload()
        self._lead = lead
        self._card = card = stored_values(lead, found.phone)
        shown = self._form.draft()
        draft, filled = fill(shown, card)
        # A picker holding text that names nothing in its list is not empty to the user.
        filled = frozenset(a for a in filled if not _holds_unknown_text(self._form, a))
        # Values typed that are what the lead has are shown (and treated) as stored too.
        self._filled = filled | frozenset(
            attr
            for attr in card.filled_attrs()
            if getattr(shown, attr) == getattr(card.draft, attr)
        )
        if filled:
            clean = not self._form.is_dirty()
            # Only these fields are set: one being typed in keeps its cursor and undo.
            self._put({attr: getattr(draft, attr) for attr in filled})
            if clean:  # the lead shown again after a save: nothing new is typed
                self._form.mark_clean()
        if card.assignee_name:
            self._form.assignee.edit.setPlaceholderText(
                self.tr("{name} (stored); type a team member's phone to change").format(
                    name=card.assignee_name
                )
            )
        self._refresh()
        self._load_tasks(lead.id)

    def _same_phone(self, card: StoredLead) -> bool:
        typed = parse_phone(self._form.phone.text(), self._preferences.region()).e164
        return typed == card.draft.customer_phone

    def _unload(self) -> None:
        """Take the stored values out of the form (what the user typed stays)."""
        self._take_out_stored()
        self._card, self._lead = None, None
        self._form.assignee.edit.setPlaceholderText(self._assignee_hint)
        self._open_tasks = []
        self.tasks.hide()
        self._refresh()

    def _take_out_stored(self) -> None:
        """Empty the fields that still show a stored value (what was typed stays)."""
        card = self._card
        if card is not None and self._filled:
            draft = self._form.draft()
            empty = LeadDraft()
            self._put(
                {
                    attr: getattr(empty, attr)
                    for attr in self._filled
                    if getattr(draft, attr) == getattr(card.draft, attr)
                }
            )
        self._filled = frozenset()

    def _put(self, values: dict[str, Any]) -> None:
        """Show ``values`` (draft attribute → value) in their fields, through the form's
        own ``set_draft`` (its one way from values to widgets); the field being typed in
        keeps its text and cursor."""
        if not values:
            return
        focused = QApplication.focusWidget()
        cursor = focused.cursorPosition() if isinstance(focused, QLineEdit) else None
        # Text typed in a picker that names nothing yet is no part of a draft: kept aside.
        unknown = {
            spec.name: text
            for spec in FIELDS
            if spec.kind in PICKER_KINDS
            and (text := self._form.widget(spec.name).invalid_text())  # type: ignore[attr-defined]
        }
        self._form.set_draft(dataclasses.replace(self._form.draft(), **values))
        for name, text in unknown.items():
            edit = self._form.widget(name).focusProxy()
            if isinstance(edit, QLineEdit):
                edit.setText(text)
        if isinstance(focused, QLineEdit) and cursor is not None:
            focused.setCursorPosition(cursor)

    def _on_field_changed(self, _name: str) -> None:
        self._refresh()

    def _on_only_empty_toggled(self, on: bool) -> None:
        self._preferences.set_only_fill_empty(on)
        self._refresh()

    def _refresh(self) -> None:
        """The stored marks and the change list, for what the form holds now."""
        card = self._card
        draft = self._form.draft()
        for spec in FIELDS:
            shows_stored = (
                card is not None
                and spec.attr in self._filled
                and getattr(draft, spec.attr) == getattr(card.draft, spec.attr)
            )
            _mark(self._form.widget(spec.name), spec, shows_stored)
        if card is None:
            self.change_list.show_changes(None)
        else:
            self.change_list.show_changes(changes(card, self._edits(draft)))
        self._show_warning()

    # ------------------------------------------------------------------ tasks

    def _load_tasks(self, lead_id: int) -> None:
        client = self._connection.client
        if client is None:
            return
        self.tasks.show_status(self.tr("Loading…"))

        def job() -> list[Task]:
            return list(client.list_tasks(lead_id).rows)

        self._pool.submit(
            job,
            on_result=lambda tasks: self._on_tasks_returned(lead_id, tasks),
            on_error=lambda exc: self._on_tasks_failed(lead_id, exc),
            name="list the lead's tasks",
        )

    def _shows(self, lead_id: int) -> bool:
        return self._card is not None and self._card.lead_id == lead_id

    def _on_tasks_returned(self, lead_id: int, tasks: list[Task]) -> None:
        if not self._shows(lead_id):
            return  # another phone is in the form now
        open_tasks = [task for task in tasks if task.task_status == "PENDING"]
        # Newest first, as List Tasks sends them; sorted again so the order is ours.
        open_tasks.sort(key=lambda t: (t.created_at or "", t.id), reverse=True)
        self._open_tasks = open_tasks
        now = self.followup.now()
        self.tasks.show_tasks([describe_task(t, now, self._assignee_name) for t in open_tasks])
        self._show_warning()

    def _on_tasks_failed(self, lead_id: int, exc: BaseException) -> None:
        if self._shows(lead_id):
            self.tasks.show_status(
                self.tr("Could not list the tasks: {reason}").format(reason=user_message(exc))
            )

    def _assignee_name(self, user_id: int | None) -> str:
        assignee = self._lead.assignee_user if self._lead is not None else None
        if user_id is None:
            return self.tr("unassigned")
        if assignee is not None and assignee.id == user_id:
            return assignee.display_name
        return self.tr("user {id}").format(id=user_id)

    def _on_complete_requested(self) -> None:
        client, card = self._connection.client, self._card
        if client is None or card is None:
            return
        lead_id = card.lead_id
        self.tasks.complete.setEnabled(False)
        self.tasks.show_status(self.tr("Completing…"))
        self._pool.submit(
            lambda: client.complete_task(lead_id),
            on_result=lambda _task: self._load_tasks(lead_id) if self._shows(lead_id) else None,
            on_error=lambda exc: self._on_tasks_failed(lead_id, exc),
            name="complete the lead's task",
        )

    def _show_warning(self) -> None:
        """Say before saving that this follow-up closes the lead's other open tasks."""
        closing = [t for t in self._open_tasks if t.type != "REMINDER"]
        field = self.followup
        will_close = bool(closing) and bool(field.edit.text().strip())
        will_close = will_close and field.type_key() != "REMINDER"
        if will_close:
            now = field.now()
            shown = []
            for task in closing:
                due = task_due(task)
                when = display_time(due, now) if due is not None else task.due_date
                shown.append(f"{task_name(task.type)} ({core_text(when)})")
            kind = FOLLOWUP_TYPES[field.type_key()]
            field.warning.setText(
                self.tr(
                    "Booking this {kind} closes the lead's open {tasks} (Superfone keeps one "
                    "open call or visit per lead)."
                ).format(kind=core_text(kind).lower(), tasks=", ".join(shown))
            )
        field.warning.setVisible(will_close)


def _mark(widget: Any, spec: Field, stored: bool) -> None:
    """Show (or stop showing) that ``widget`` holds the stored value."""
    target = widget.focusProxy() or widget
    said = target.accessibleDescription()
    tip = QCoreApplication.translate("LeadCard", _STORED_TIP)
    label = plain_label(spec.label)
    if stored and (not said or said.endswith(tip)):
        # Said again after each change (the form rewrites descriptions); an error wins.
        target.setAccessibleDescription(f"{label}: {tip}")
    elif not stored and said.endswith(tip):
        target.setAccessibleDescription("")
    if bool(target.property("stored")) == stored:
        return
    target.setProperty("stored", stored)
    target.setToolTip(tip if stored else "")
    target.style().unpolish(target)
    target.style().polish(target)


def _holds_unknown_text(form: LeadForm, attr: str) -> bool:
    """Whether the picker behind ``attr`` holds typed text that names no catalog entry."""
    from superfone_desk.ui.form.single_picker import SinglePicker  # built by now

    widget = form.widget(_BY_ATTR[attr].name)
    return isinstance(widget, SinglePicker) and bool(widget.invalid_text())
