"""Leads that waited on a refused API key or a bad address, given their chance when a
client connects.

Paused leads are re-queued under the account (key and address) they were saved with.
Two kinds may move to the account now connected, each only on the user's word
(``Outbox.rebind_paused``):

* refused with a 401: saved under a key Superfone did not accept, often a typo of the
  right one. The user is asked whether the new key is for the same account;
* paused by the address (a redirect, a refused certificate, an unusable URL) under the
  same key at an address used earlier this session: the lead never reached a server,
  and the user, who just corrected the address, is asked whether to send it there.

The outbox is read and written in the reader pool, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from superfone_desk.store.entry import ADDRESS_CAUSES, PauseCause

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
        """A client is ready: resume the paused leads, and offer the ones that may move."""
        account = self._connection.account
        if self._connection.client is None or account is None:
            return
        outbox, delivery = self._outbox, self._delivery
        earlier = self._connection.earlier_accounts

        def resume() -> tuple[int, int]:
            delivery.resume_after_auth()
            refused = outbox.paused_for({PauseCause.AUTH})
            addressed = outbox.paused_for(ADDRESS_CAUSES)
            return (
                sum(1 for e in refused if e.account not in (None, account)),
                sum(1 for e in addressed if e.account in earlier),
            )

        self._reader.submit(
            resume,
            on_result=lambda counts: self._on_resumed(account, earlier, *counts),
            name="resume paused leads",
        )

    def _on_resumed(
        self, account: str, earlier: tuple[str, ...], refused: int, addressed: int
    ) -> None:
        if account != self._connection.account:
            return
        if refused and self._confirm(
            self.tr("Send the waiting leads with this key?"),
            self.tr(
                "%n saved lead(s) waited because Superfone did not accept the API key at the "
                "time. Send them with this key? Say yes only if this key is for the same "
                "Superfone account.",
                "",
                refused,
            ),
        ):
            self._move(account, {PauseCause.AUTH}, ())
        if addressed and self._confirm(
            self.tr("Send the waiting leads to this address?"),
            self.tr(
                "%n saved lead(s) with this API key waited because the server address did "
                "not work (it redirected, its certificate was refused, or it could not be "
                "used). Send them to the address now set?",
                "",
                addressed,
            ),
        ):
            self._move(account, ADDRESS_CAUSES, earlier)

    def _move(
        self, account: str, causes: Collection[PauseCause], earlier: tuple[str, ...]
    ) -> None:
        """Move the entries paused for ``causes`` (of the ``earlier`` accounts, or of any
        other) to ``account``, then send."""
        outbox = self._outbox

        def move() -> None:
            for source in earlier or (None,):
                outbox.rebind_paused(account, causes, from_account=source)

        self._reader.submit(
            move, on_result=lambda _: self._delivery.send_now(), name="move paused leads"
        )
