"""Leads that waited on a refused API key, given their chance when a key connects.

Paused leads are re-queued under the account they were saved with. Those refused with
a 401 were saved under a key Superfone did not accept, often a typo of the right one:
the user is asked whether the new key is for the same account, and only then do they
move to it (``Outbox.rebind_auth_paused``). The outbox is read and written in the reader
pool, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from superfone_desk.store.outbox import Outbox
    from superfone_desk.ui.connection import Connection
    from superfone_desk.ui.delivery_service import DeliveryService
    from superfone_desk.ui.workers import WorkerPool


class PausedLeads(QObject):
    def __init__(
        self,
        *,
        outbox: Outbox,
        reader: WorkerPool,
        connection: Connection,
        delivery: DeliveryService,
        confirm: Callable[[str, str], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._reader = reader
        self._connection = connection
        self._delivery = delivery
        self._confirm = confirm

    def on_connected(self) -> None:
        """A client is ready: resume the paused leads, and offer the refused ones."""
        account = self._connection.account
        if self._connection.client is None or account is None:
            return
        outbox, delivery = self._outbox, self._delivery

        def resume() -> int:
            delivery.resume_after_auth()
            return sum(1 for e in outbox.auth_paused() if e.account not in (None, account))

        self._reader.submit(
            resume,
            on_result=lambda refused: self._on_resumed(account, refused),
            name="resume paused leads",
        )

    def _on_resumed(self, account: str, refused: int) -> None:
        if not refused or account != self._connection.account:
            return
        if not self._confirm(
            self.tr("Send the waiting leads with this key?"),
            self.tr(
                "%n saved lead(s) waited because Superfone did not accept the API key at the "
                "time. Send them with this key? Say yes only if this key is for the same "
                "Superfone account.",
                "",
                refused,
            ),
        ):
            return
        outbox = self._outbox
        self._reader.submit(
            lambda: outbox.rebind_auth_paused(account),
            on_result=lambda _: self._delivery.send_now(),
            name="move refused leads",
        )
