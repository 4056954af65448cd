"""Finds the lead behind the typed phone (Get Lead, debounced, in the pool) and says what
Save will do with it: create a lead, or update the one found (under its primary phone)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from superfone_desk.core.phones import display_phone, parse_phone
from superfone_desk.lead_lookup import KnownLead, find_lead
from superfone_desk.ui.form.lead_form import LeadForm
from superfone_desk.ui.workers import WorkerPool, user_message

if TYPE_CHECKING:
    from collections.abc import Callable

    from superfone_desk.api.models import Lead
    from superfone_desk.ui.connection import Connection

DEBOUNCE_MS = 350


class LeadFinder(QObject):
    """Keeps ``found`` (what Get Lead answered for the phone in the form) and shows it.

    Signals:
        found_changed(object): ``found`` changed (a ``KnownLead``, or None).
    """

    found_changed = Signal(object)

    def __init__(
        self,
        form: LeadForm,
        pool: WorkerPool,
        connection: Connection,
        region: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._pool = pool
        self._connection = connection
        self._region = region
        self._found: KnownLead | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        form.phone_edited.connect(self._on_phone_edited)
        form.create_switch.toggled.connect(lambda _: self._render())

    @property
    def found(self) -> KnownLead | None:
        """The answer for the phone now in the field, if it has arrived."""
        return self._found

    @property
    def pool(self) -> WorkerPool:
        """The pool Get Lead runs in (the lead card lists the lead's tasks there too)."""
        return self._pool

    def _set_found(self, found: KnownLead | None) -> None:
        if found is not self._found:
            self._found = found
            self.found_changed.emit(found)

    def _typed_e164(self) -> str | None:
        return parse_phone(self._form.phone.text(), self._region()).e164

    def _on_phone_edited(self, _text: str) -> None:
        e164 = self._typed_e164()
        if self._found is not None and self._found.phone == e164:
            return
        self._set_found(None)
        self._form.show_lead_status(None)
        if e164 is not None and self._connection.client is not None:
            self._timer.start()
        else:
            self._timer.stop()

    def refresh(self) -> None:
        """Ask again for the phone in the field (after a save changed the lead)."""
        self._set_found(None)
        if self._typed_e164() is not None:
            self._on_timer_timeout()

    def _on_timer_timeout(self) -> None:
        e164 = self._typed_e164()
        client = self._connection.client
        if e164 is None or client is None:
            return
        self._form.show_lead_status(
            self.tr("Looking up {phone}…").format(phone=display_phone(e164))
        )

        def job() -> KnownLead:
            return find_lead(client, e164)

        self._pool.submit(
            job,
            on_result=self._on_lookup_returned,
            on_error=partial(self._on_lookup_failed, e164),
            name="look up lead",
        )

    def _on_lookup_returned(self, found: KnownLead) -> None:
        if found.phone != self._typed_e164():
            return  # the user has typed another number since
        self._set_found(found)
        self._render()

    def _on_lookup_failed(self, phone: str, exc: BaseException) -> None:
        if phone != self._typed_e164():
            return
        self._form.show_lead_status(
            self.tr("Could not look this phone up: {reason} Save will try again.").format(
                # The reason can carry a server's own words: never markup (issue #12.13).
                reason=_esc(user_message(exc))
            )
        )

    def _render(self) -> None:
        found = self._found
        if found is None:
            return
        if found.lead is not None:
            text = self.tr("Save will <b>update</b> the existing lead: ") + describe_lead(
                found.lead
            )
            text += primary_note(found.lead, found.phone)
            labels = [label.title for label in found.lead.labels]
            self._form.show_lead_status(text, labels)
        elif self._form.create_switch.isChecked():
            self._form.show_lead_status(
                self.tr("No lead has {phone} yet: Save will <b>create</b> one.").format(
                    phone=display_phone(found.phone)
                )
            )
        else:
            self._form.show_lead_status(
                self.tr(
                    "No lead has {phone}, and creating leads is off: Save will fail. "
                    "Turn on “Create the lead if this phone is new” to add it."
                ).format(phone=display_phone(found.phone))
            )


def describe_lead(lead: Lead) -> str:
    """What the CRM holds for a lead, in one short HTML paragraph."""
    translate = QCoreApplication.translate
    name = _esc(lead.display_name) or translate("LeadFinder", "No name")
    parts = [f"<b>{name}</b>"]
    if lead.lead_stage:
        parts.append(
            translate("LeadFinder", "stage {title}").format(title=_esc(lead.lead_stage.title))
        )
    if lead.lead_group:
        parts.append(
            translate("LeadFinder", "group {title}").format(title=_esc(lead.lead_group.title))
        )
    if lead.assignee_user:
        parts.append(
            translate("LeadFinder", "assigned to {name}").format(
                name=_esc(lead.assignee_user.display_name)
            )
        )
    else:
        parts.append(translate("LeadFinder", "unassigned"))
    if lead.labels:
        titles = ", ".join(_esc(label.title) for label in lead.labels)
        parts.append(translate("LeadFinder", "labels {titles}").format(titles=titles))
    return " · ".join(parts)


def primary_note(lead: Lead, typed_e164: str) -> str:
    if lead.primary_phone == typed_e164:
        return ""
    return QCoreApplication.translate(
        "LeadFinder",
        " This number is a secondary phone of the lead; it will be saved under its "
        "primary phone {phone}.",
    ).format(phone=_esc(display_phone(lead.primary_phone)))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
