"""Looks the typed phone up (debounced, in the pool) and says what Save will do."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from superfone_desk.core.phones import display_phone, parse_phone
from superfone_desk.sending import Lookup, look_up
from superfone_desk.ui.form.lead_form import LeadForm, describe_lead, primary_note
from superfone_desk.ui.workers import WorkerPool, user_message

if TYPE_CHECKING:
    from superfone_desk.api.client import SuperfoneClient

DEBOUNCE_MS = 350


class LookupController(QObject):
    """Signals:
    resolved(object): a Lookup for the phone now in the field.
    """

    resolved = Signal(object)

    def __init__(
        self,
        form: LeadForm,
        pool: WorkerPool,
        client: Callable[[], SuperfoneClient | None],
        region: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._pool = pool
        self._client = client
        self._region = region
        self._pending: str | None = None
        self._current: Lookup | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        form.phone_edited.connect(self._on_phone_edited)
        form.create_switch.toggled.connect(lambda _: self._render())

    @property
    def current(self) -> Lookup | None:
        """The answer for the phone now in the field, if it has arrived."""
        return self._current

    def _typed_e164(self) -> str | None:
        return parse_phone(self._form.phone.text(), self._region()).e164

    def _on_phone_edited(self, _text: str) -> None:
        e164 = self._typed_e164()
        if self._current is not None and self._current.phone == e164:
            return
        self._current = None
        self._form.show_lookup(None)
        if e164 is not None and self._client() is not None:
            self._timer.start()
        else:
            self._timer.stop()

    def refresh(self) -> None:
        """Ask again for the phone in the field (after a save changed the lead)."""
        self._current = None
        if self._typed_e164() is not None:
            self._on_timer_timeout()

    def _on_timer_timeout(self) -> None:
        e164 = self._typed_e164()
        client = self._client()
        if e164 is None or client is None:
            return
        self._pending = e164
        self._form.show_lookup(f"Looking up {display_phone(e164)}…")

        def job() -> Lookup:
            return look_up(client, e164)

        self._pool.submit(
            job,
            on_result=self._on_lookup_returned,
            on_error=partial(self._on_lookup_failed, e164),
            name="look up lead",
        )

    def _on_lookup_returned(self, lookup: Lookup) -> None:
        if lookup.phone != self._typed_e164():
            return  # the user has typed another number since
        self._current = lookup
        self._render()
        self.resolved.emit(lookup)

    def _on_lookup_failed(self, phone: str, exc: BaseException) -> None:
        if phone != self._typed_e164():
            return
        self._form.show_lookup(
            f"Could not look this phone up: {user_message(exc)} Save will try again."
        )

    def _render(self) -> None:
        lookup = self._current
        if lookup is None:
            return
        if lookup.lead is not None:
            text = "Save will <b>update</b> the existing lead: " + describe_lead(lookup.lead)
            text += primary_note(lookup.lead, lookup.phone)
            labels = [label.title for label in lookup.lead.labels]
            self._form.show_lookup(text, labels)
        elif self._form.create_switch.isChecked():
            self._form.show_lookup(
                f"No lead has {display_phone(lookup.phone)} yet: Save will <b>create</b> one."
            )
        else:
            self._form.show_lookup(
                f"No lead has {display_phone(lookup.phone)}, and creating leads is off: "
                "Save will fail. Turn on “Create the lead if this phone is new” to add it."
            )
