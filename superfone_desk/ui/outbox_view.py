"""The outbox and history panel: every saved lead, where it stands, and what to do.

Lists the outbox newest first (time, phone, name, state, problem), filtered by text
and state. A lead that needs attention opens back in the form; waiting ones can be
sent now; a lead can be discarded after a confirmation; a delivered lead whose
timeline note may be missing asks whether to post it again.

The rows are read, and the user's actions written, in the ``reader`` pool (one job at
a time, in order): the GUI thread only paints what comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from superfone_desk.api.errors import field_for_message
from superfone_desk.core.fields import draft_value
from superfone_desk.core.followup_record import followup_line
from superfone_desk.core.note_rule import sends_note
from superfone_desk.core.phones import display_phone
from superfone_desk.core.server_text import explain, value_text
from superfone_desk.store.entry import EntryAction, allowed_actions
from superfone_desk.store.outbox import (
    ATTENTION_STATES,
    WAITING_STATES,
    EntryState,
    Outbox,
    OutboxEntry,
    OutboxError,
)
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP, core_text
from superfone_desk.ui.plain_text import plain, plain_tip
from superfone_desk.ui.workers import WorkerPool, user_message

# English here; translated where shown (self.tr), extracted through the marker.
STATE_NAMES = {
    EntryState.QUEUED: QT_TRANSLATE_NOOP("OutboxView", "Waiting to send"),
    EntryState.SENDING: QT_TRANSLATE_NOOP("OutboxView", "Sending…"),
    EntryState.SENT: QT_TRANSLATE_NOOP("OutboxView", "Sent"),
    EntryState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP("OutboxView", "Needs attention"),
    EntryState.PAUSED: QT_TRANSLATE_NOOP("OutboxView", "Paused: API key"),
    EntryState.DISCARDED: QT_TRANSLATE_NOOP("OutboxView", "Discarded"),
}

#: The state filter's choices: label -> states (None = all).
STATE_FILTERS: list[tuple[str, frozenset[EntryState] | None]] = [
    (QT_TRANSLATE_NOOP("OutboxView", "All"), None),
    (QT_TRANSLATE_NOOP("OutboxView", "Waiting to send"), WAITING_STATES),
    (QT_TRANSLATE_NOOP("OutboxView", "Needs attention"), ATTENTION_STATES),
    (QT_TRANSLATE_NOOP("OutboxView", "Sent"), frozenset({EntryState.SENT})),
    (QT_TRANSLATE_NOOP("OutboxView", "Discarded"), frozenset({EntryState.DISCARDED})),
]

NOTE_QUESTION = QT_TRANSLATE_NOOP(
    "OutboxView", "Timeline note may not have been posted: post it again?"
)


def still_sending(entry: OutboxEntry) -> str | None:
    """What a sending entry whose lead is already on Superfone still sends ("the note",
    "the follow-up"); None while the lead itself is not (or the entry is not sending)."""
    if entry.state is not EntryState.SENDING or not entry.next_request:
        return None
    left = (entry.requests or ())[entry.next_request :]
    if not left:
        return QT_TRANSLATE_NOOP("OutboxView", "the follow-up")
    if all(sends_note(body) for body in left):
        return QT_TRANSLATE_NOOP("OutboxView", "the note")
    return None


def state_name(entry: OutboxEntry) -> str:
    rest = still_sending(entry)
    translate = QCoreApplication.translate
    if rest:
        return translate("OutboxView", "Sending {rest}…").format(
            rest=translate("OutboxView", rest)
        )
    return translate("OutboxView", STATE_NAMES[entry.state])
OTHER_ACCOUNT = QT_TRANSLATE_NOOP(
    "OutboxView",
    "Saved under another API key: sent when that key is set again, or discard it.",
)


def problem_text(entry: OutboxEntry, account: str | None = None) -> str:
    if entry.asks_about_note:
        return NOTE_QUESTION
    if (
        entry.state is EntryState.QUEUED
        and entry.account is not None
        and account is not None
        and entry.account != account
    ):
        return OTHER_ACCOUNT
    if entry.state is EntryState.SENT:
        return entry.result_message
    if entry.error_field and entry.last_error and field_for_message(entry.last_error).field:
        # One of Superfone's known refusals (CONTRACT §2.6): said as the form says it,
        # its own words in the tooltip (``problem_tip``).
        value = value_text(draft_value(entry.draft, entry.error_field))
        return explain(entry.last_error, field=entry.error_field, value=value).text
    # Stored English (core_text recognises our own texts in it), or Superfone's words.
    return entry.last_error or ""


def problem_tip(entry: OutboxEntry) -> str:
    """The problem cell's tooltip: the field and what Superfone said, as it said it."""
    if not entry.error_field:
        return ""
    tip = QCoreApplication.translate("OutboxView", "Field: {field}").format(field=entry.error_field)
    if entry.last_error:
        tip += "\n" + QCoreApplication.translate("OutboxView", "Superfone said: {message}").format(
            message=entry.last_error
        )
    return tip


def when(moment: datetime, now: datetime | None = None) -> str:
    """The time of day, or the day and month too, in the language (QLocale's names)."""
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).date()
    shown = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(shown, "HH:mm" if local.date() == today else "d MMM HH:mm")


class OutboxView(QWidget):
    """Signals:
    open_requested(object): open this OutboxEntry in the form to fix it.
    changed(): the user changed the outbox here (discard, send now, repost).
    refreshed(): the rows shown are fresh (after ``refresh`` or an action).
    """

    open_requested = Signal(object)
    changed = Signal()
    refreshed = Signal()

    def __init__(
        self,
        outbox: Outbox,
        reader: WorkerPool,
        *,
        send_now: Callable[[], None],
        confirm: Callable[[str, str], bool],
        account: Callable[[], str | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outbox_view")
        self._outbox = outbox
        self._reader = reader
        #: A load is under way / another is wanted after it (filters changed meanwhile).
        self._loading = False
        self._load_again = False
        #: What the last action could not do, shown once the rows are fresh.
        self._problem = ""
        self._send_now = send_now
        self._confirm = confirm
        self._account = account
        self._entries: list[OutboxEntry] = []
        #: The whole outbox's counts when the rows were read (no import picked).
        self._counts: dict[EntryState, int] | None = None
        #: Only the rows of this import (its batch id), set by ui.import_wizard's picker.
        self.batch: str | None = None

        self.filter = QLineEdit(self)
        self.filter.setObjectName("outbox_filter")
        self.filter.setPlaceholderText(self.tr("Find by name or phone"))
        self.filter.setAccessibleName(self.tr("Find saved leads by name or phone"))
        self.filter.setClearButtonEnabled(True)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("outbox_state_filter")
        self.state_filter.setAccessibleName(self.tr("Show saved leads in state"))
        for label, _states in STATE_FILTERS:
            self.state_filter.addItem(self.tr(label))

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("outbox_table")
        self.table.setAccessibleName(self.tr("Saved leads"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Saved"), self.tr("Phone"), self.tr("Name"), self.tr("State"),
             self.tr("Details")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        self.summary = QLabel(self)
        self.summary.setObjectName("outbox_summary")
        plain(self.summary)  # a storage error's words
        self.open_button = self._button(
            self.tr("Open in form"), "outbox_open", self._on_open_clicked
        )
        self.send_button = self._button(
            self.tr("Send now"), "outbox_send_now", self._on_send_clicked
        )
        self.discard_button = self._button(
            self.tr("Discard…"), "outbox_discard", self._on_discard_clicked
        )
        self.repost_button = self._button(
            self.tr("Post note again"), "outbox_repost_note", self._on_repost_clicked
        )
        self.dismiss_button = self._button(
            self.tr("Note is there"), "outbox_dismiss_note", self._on_dismiss_clicked
        )

        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.state_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (
            self.repost_button,
            self.dismiss_button,
            self.discard_button,
            self.send_button,
            self.open_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        # Many state changes arrive while a backlog drains: refresh at most every 250 ms.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(250)
        self._refresh_timer.timeout.connect(self.refresh)
        self.filter.textChanged.connect(lambda _: self.refresh())
        self.state_filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _: self._on_open_clicked())
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ contents

    def schedule_refresh(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def on_delivery_changed(self) -> None:
        """Delivery changed an entry: the rows follow while the tab is shown."""
        if self.isVisible():
            self.schedule_refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # Shown (its tab picked, the window back from the kiosk): the rows are read again,
        # whatever changed the outbox while they were out of sight.
        super().showEvent(event)
        self.refresh()

    def on_counted(self, counts: dict[EntryState, int]) -> None:
        """The status line counted other numbers than the rows shown: read them again
        (leads an import or the kiosk queued reach the outbox without an outcome)."""
        if self.isVisible() and self.batch is None and counts != self._counts:
            self.schedule_refresh()

    def refresh(self) -> None:
        """Read the rows for the filters shown, in the reader pool, and show them."""
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        outbox = self._outbox
        text = self.filter.text()
        states = STATE_FILTERS[self.state_filter.currentIndex()][1]
        batch = self.batch

        def load() -> tuple[list[OutboxEntry], dict[EntryState, int]]:
            entries = outbox.entries(text=text, states=states, batch=batch, limit=500)
            return entries, outbox.counts(batch=batch)

        self._reader.submit(
            load, on_result=self._on_loaded, on_error=self._on_load_failed, name="list outbox"
        )

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.summary.setText(self.tr("Cannot read the outbox: {reason}").format(reason=exc))

    def _on_loaded(self, loaded: tuple[list[OutboxEntry], dict[EntryState, int]]) -> None:
        self._loading = False
        if self._load_again:
            # The filters changed while this was read: show the rows they ask for.
            self._load_again = False
            self.refresh()
            return
        entries, counts = loaded
        self._counts = counts if self.batch is None else None
        selected = self.selected()
        self._entries = entries
        self.table.setRowCount(len(entries))
        now = datetime.now().astimezone()
        account = self._account()
        for row, entry in enumerate(entries):
            followup = followup_line(entry.followup, now)  # its own state (issue #14)
            cells = [
                when(entry.created_at, now),
                display_phone(entry.phone),
                entry.name,
                state_name(entry),
                " · ".join(
                    filter(None, (self.tr(core_text(problem_text(entry, account))),
                                  core_text(followup)))
                ),
            ]
            # A row that needs the user must not look like a sent one (issue 13, bug 11):
            # a sign in words a screen reader reads, and bold.
            needs_user = entry.state in ATTENTION_STATES
            if needs_user:
                cells[3] = f"⚠ {cells[3]}"
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if needs_user:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                if column == 4 and entry.error_field:
                    item.setToolTip(plain_tip(problem_tip(entry)))
                self.table.setItem(row, column, item)
        if selected is not None:
            for row, entry in enumerate(entries):
                if entry.id == selected.id:
                    self.table.selectRow(row)
        waiting = sum(counts[s] for s in WAITING_STATES)
        attention = sum(counts[s] for s in ATTENTION_STATES)
        sent = counts[EntryState.SENT]
        counted = self.tr(
            "{waiting} waiting to send · {attention} need attention · {sent} sent"
        ).format(waiting=waiting, attention=attention, sent=sent)
        if not sum(counts.values()):
            counted = self.tr("Nothing saved yet: every lead you save is listed here at once.")
        self.summary.setText(self._problem or counted)
        self._problem = ""
        self._update_buttons()
        self.refreshed.emit()

    def selected(self) -> OutboxEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self._entries[row] if row < len(self._entries) else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        allowed = allowed_actions(entry) if entry is not None else frozenset()
        self.open_button.setEnabled(EntryAction.OPEN in allowed)
        self.send_button.setEnabled(EntryAction.SEND_NOW in allowed)
        self.discard_button.setEnabled(EntryAction.DISCARD in allowed)
        self.repost_button.setVisible(EntryAction.REPOST_NOTE in allowed)
        self.dismiss_button.setVisible(EntryAction.DISMISS_NOTE in allowed)

    # ------------------------------------------------------------------ actions

    def _on_open_clicked(self) -> None:
        entry = self.selected()
        if entry is not None and EntryAction.OPEN in allowed_actions(entry):
            self.open_requested.emit(entry)

    def _on_send_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        who = entry.name or display_phone(entry.phone)
        # Said at once: the row's state follows when delivery has tried.
        self._act(
            lambda: self._outbox.send_now(entry.id), wake=True, done_text=f"Sending {who} now…"
        )

    def _on_discard_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        who = entry.name or display_phone(entry.phone)
        if self._confirm(
            self.tr("Discard this lead?"),
            self.tr("Discard the saved lead {who}? It will not be sent to Superfone.").format(
                who=who
            ),
        ):
            self._act(lambda: self._outbox.discard(entry.id))

    def _on_repost_clicked(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._act(lambda: self._outbox.repost_note(entry.id), wake=True)

    def _on_dismiss_clicked(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._act(lambda: self._outbox.dismiss_note(entry.id))

    def _act(
        self, action: Callable[[], object], *, wake: bool = False, done_text: str = ""
    ) -> None:
        """Run ``action`` (an outbox write) in the reader pool, then show the rows again;
        ``wake``: delivery has something to send now."""

        def done(problem: str) -> None:
            self._problem = problem or done_text
            if wake and not problem:
                self._send_now()
            self.refresh()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            # OutboxError: the entry moved on meanwhile (e.g. it was sent): say so, and
            # show its new state.
            done(str(exc) if isinstance(exc, OutboxError) else user_message(exc))

        self._reader.submit(
            action, on_result=lambda _: done(""), on_error=failed, name="change outbox"
        )
