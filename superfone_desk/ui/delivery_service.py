"""Runs the outbox's Deliverer on its own thread and reports to the GUI thread.

The Deliverer is plain Python (``superfone_desk.delivery.engine``); this wrapper owns its
thread, turns its ``on_change`` callbacks into a Qt signal queued to the GUI thread, and
stops it when the window closes. The signal carries the entry itself, read here on the
delivery thread, so the GUI thread only paints it and never reads the outbox for it.
A request in flight at close is left as "sending" in the outbox, and the next start
recovers it (docs/outbox.md).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from superfone_desk.delivery.engine import Deliverer
from superfone_desk.delivery.senders import DEFAULT_SENDERS
from superfone_desk.store.outbox import EntryState, Outbox

if TYPE_CHECKING:
    from superfone_desk.ui.connection import Connection

log = logging.getLogger(__name__)

#: Leads of different phones in flight at once, unless Settings.import_senders says.
SENDERS = DEFAULT_SENDERS


class DeliveryService(QObject):
    """Signals:
    changed(): some entry changed state (the status line and the Outbox tab follow).
    entry_changed(object): an OutboxEntry reached an outcome (any state but sending).
    entry_applied(object): an OutboxEntry's lead is on Superfone; it is still sending
        only its note or follow-up (its outcome follows as entry_changed).
    storage_problem(object): the outbox cannot be written ("Can't write to the outbox:
        disk full"), or None once it can again; delivery retries it by itself.
    """

    changed = Signal()
    #: Delivery thread → GUI thread: some entry changed (``changed`` follows, once).
    _changed_soon = Signal()
    entry_changed = Signal(object)
    entry_applied = Signal(object)
    storage_problem = Signal(object)

    def __init__(
        self,
        outbox: Outbox,
        connection: Connection,
        *,
        senders: int = SENDERS,
        parent: QObject | None = None,
    ) -> None:
        """Delivery sends with ``connection``'s client, only the saves of its account,
        to ``senders`` phones at once."""
        super().__init__(parent)
        self._outbox = outbox
        #: Fixed for this run: Settings' "Phones sent to at once" applies at the next start.
        self.senders = senders
        # The engine is plain Python: it asks for the client and account when it sends.
        self._deliverer = Deliverer(
            outbox,
            lambda: connection.client,
            on_change=self._on_deliverer_change,
            on_applied=self._on_deliverer_applied,
            # From the delivery thread; the signal crosses to the GUI thread queued.
            on_status=self.storage_problem.emit,
            senders=senders,
            account=lambda: connection.account,
        )
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # One ``changed`` per turn of the GUI thread, not one per entry: while an import
        # is sent, each queued call costs the GUI thread a wait for the GIL (up to a
        # switch interval, the delivery threads being busy), and its listeners re-read
        # the outbox anyway. (A loaded machine, 10,000 rows: send-phase max gap 34 → 29
        # ms, gaps over 30 ms 3 → 0; little change on a quiet one.)
        self._changed_pending = threading.Event()
        self._changed_soon.connect(self._emit_changed)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(
            target=self._run, name="superfone-delivery", daemon=True
        )
        self._thread.start()

    def _run(self) -> None:
        try:
            self._deliverer.run(self._stop)
        except Exception:
            # The outbox keeps every entry; the next start picks them up again.
            log.exception("Delivery stopped on an unexpected error")

    def _on_deliverer_change(self, entry_id: int, state: EntryState) -> None:
        # Called on the delivery thread; the signals cross to the GUI thread queued. An
        # entry going out is read by nobody: no read before its request.
        if state is not EntryState.SENDING:
            entry = self._outbox.get(entry_id)
            if entry is not None:
                self.entry_changed.emit(entry)
        self._note_change()

    def _note_change(self) -> None:
        if not self._changed_pending.is_set():
            self._changed_pending.set()
            self._changed_soon.emit()

    def _emit_changed(self) -> None:
        # Cleared first: a change made while the listeners run asks again.
        self._changed_pending.clear()
        self.changed.emit()

    def _on_deliverer_applied(self, entry_id: int) -> None:
        # On the delivery thread, like the above; the Outbox tab shows "sending the note".
        entry = self._outbox.get(entry_id)
        if entry is not None:
            self.entry_applied.emit(entry)
        self._note_change()

    @property
    def offline_until(self) -> float | None:
        """Until when delivery waits after a network-wide failure (Unix time), if it does."""
        return self._deliverer.retry_at

    def nudge(self) -> None:
        """A new entry is queued."""
        self._deliverer.nudge()

    def send_now(self) -> None:
        """Retry everything now, ignoring backoffs."""
        self._deliverer.wake()

    def resume_after_auth(self) -> None:
        self._deliverer.resume_after_auth()

    def stop(self, timeout: float = 3.0) -> None:
        """Stop after the request in flight, waiting at most ``timeout`` seconds."""
        self._stop.set()
        self._deliverer.nudge()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.info("Delivery still finishing a request; it will resume next start")
            self._thread = None
