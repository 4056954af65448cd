"""The delivery status line: how many saved leads wait, how many need the user; and
the Outbox tab's title, "Outbox (2)" while two need the user.

The counts are read in a worker (never on the GUI thread), at most four times a second
however fast a backlog drains: whenever delivery reports a change, a save or an action
in the Outbox tab changed the outbox, and whenever the Outbox tab has shown fresh rows,
so the line never says "All sent" beside a table that lists waiting leads (issue 13,
bug 10; leads from the kiosk or saved under another key reach the outbox unannounced).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from superfone_desk.store.outbox import ATTENTION_STATES, WAITING_STATES, EntryState
from superfone_desk.ui.i18n import on_language_change

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

    from superfone_desk.store.outbox import Outbox
    from superfone_desk.ui.connection import Connection
    from superfone_desk.ui.delivery_service import DeliveryService
    from superfone_desk.ui.workers import WorkerPool

#: A draining backlog reports every entry; the line follows at most every 250 ms.
THROTTLE_MS = 250


class DeliveryStatus(QObject):
    """Keeps ``label`` saying where delivery stands, and the title of the ``outbox_tab``
    page of ``tabs`` how many leads need the user.

    Signals:
        attention_changed(int): how many entries need the user.
        counted(object): the counts read ({EntryState: n}), for the Outbox tab to compare.
    """

    attention_changed = Signal(int)
    counted = Signal(object)

    def __init__(
        self,
        label: QLabel,
        *,
        outbox: Outbox,
        reader: WorkerPool,
        delivery: DeliveryService,
        connection: Connection,
        tabs: QTabWidget,
        outbox_tab: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._tabs, self._outbox_tab = tabs, outbox_tab
        self._outbox = outbox
        self._reader = reader
        self._delivery = delivery
        self._connection = connection
        self._asking = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THROTTLE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        delivery.changed.connect(self.schedule)
        on_language_change(label, self.schedule)  # the line is rebuilt in the new language
        connection.changed.connect(self.schedule)

    def schedule(self, *_: object) -> None:
        """Count again soon (several calls in a row count once)."""
        if not self._timer.isActive():
            self._timer.start()

    @property
    def settled(self) -> bool:
        """No count is due or under way: the line says what the outbox held last read."""
        return not (self._timer.isActive() or self._asking or self._again)

    def _on_timer_timeout(self) -> None:
        if self._asking:
            self._again = True
            return
        self._asking = True
        self._reader.submit(
            self._outbox.counts,
            on_result=self._on_counted,
            on_error=self._on_count_failed,
            name="count outbox",
        )

    def _on_count_failed(self, exc: BaseException) -> None:
        self._asking = False
        self._label.setText(self.tr("Cannot read the outbox: {reason}").format(reason=exc))

    def _on_counted(self, counts: dict[EntryState, int]) -> None:
        self._asking = False
        if self._again:
            self._again = False
            self.schedule()
        waiting = sum(counts[s] for s in WAITING_STATES)
        attention = sum(counts[s] for s in ATTENTION_STATES)
        parts = []
        if waiting:
            parts.append(self.tr("%n waiting to send", "", waiting))
        if attention:
            parts.append(self.tr("%n need(s) attention", "", attention))
        if self._delivery.offline_until is not None and waiting:
            parts.insert(0, self.tr("Offline"))
        if self._connection.client is None and waiting:
            parts.insert(0, self.tr("No API key"))
        self._label.setText(" — ".join(parts) if parts else self.tr("All sent"))
        # The tab's texts were the window's before this moved here: same context.
        title = QCoreApplication.translate("MainWindow", "Outbox ({count})")
        plain = QCoreApplication.translate("MainWindow", "Outbox")
        index = self._tabs.indexOf(self._outbox_tab)
        self._tabs.setTabText(index, title.format(count=attention) if attention else plain)
        self.attention_changed.emit(attention)
        self.counted.emit(counts)
