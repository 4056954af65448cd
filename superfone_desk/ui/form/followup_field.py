"""The follow-up booked with the lead: a time as people type it, a type, quick picks.

Only shows and collects: reading the time is ``core.followup.read_followup`` (dateparser,
warmed up on a worker, then read here a moment after typing stops), and the save
controller decides what to do with ``value()``. Nothing typed is ever changed or lost:
an unreadable time stays as typed with the reason next to it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from superfone_desk.core.followup import (
    DEFAULT_TYPE,
    FOLLOWUP_TYPES,
    QUICK_PICKS,
    FollowUp,
    Problem,
    Understood,
    read_followup,
)
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP, core_text

#: What each quick pick's button says; it puts the English phrase in the field (the
#: reader reads English), which then shows what it means in the language.
PICK_LABELS = {
    "in 1 hour": QT_TRANSLATE_NOOP("FollowUpField", "in 1 hour"),
    "this evening": QT_TRANSLATE_NOOP("FollowUpField", "this evening"),
    "tomorrow morning": QT_TRANSLATE_NOOP("FollowUpField", "tomorrow morning"),
}

#: How long typing must pause before the time is read (dateparser takes a few ms).
READ_DELAY_MS = 250


def local_now() -> datetime:
    """Now, aware, in this computer's zone: what the rep's "11am" means."""
    return datetime.now().astimezone()


class FollowUpField(QGroupBox):
    """The "Follow-up" group of the form.

    Signals:
        changed(): the time text or the type changed.
    """

    changed = Signal()

    def __init__(
        self, now: Callable[[], datetime] = local_now, parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("FollowUpField", "Follow-up"), parent)
        self.setObjectName("group_followup")
        self._now = now
        self.edit = QLineEdit(self)
        self.edit.setObjectName("followup")
        self.edit.setAccessibleName(self.tr("Follow-up"))
        self.edit.setPlaceholderText(self.tr("tomorrow 11am, in 2 hours, mon 5pm, 28/11 16:30"))
        self.understood = QLabel(self)
        self.understood.setObjectName("followup_understood")
        self.understood.setTextFormat(Qt.TextFormat.PlainText)
        self.understood.setWordWrap(True)
        self.type = QComboBox(self)
        self.type.setObjectName("followup_type")
        self.type.setAccessibleName(self.tr("Follow-up type"))
        for key, label in FOLLOWUP_TYPES.items():
            self.type.addItem(core_text(label), key)
        self.type.setCurrentIndex(self.type.findData(DEFAULT_TYPE))
        picks = QHBoxLayout()
        picks.setContentsMargins(0, 0, 0, 0)
        self._picks: list[QToolButton] = []
        for phrase in QUICK_PICKS:
            button = QToolButton(self)
            label = self.tr(PICK_LABELS.get(phrase, phrase))
            button.setText(label)
            button.setObjectName("followup_pick_" + phrase.replace(" ", "_"))
            button.setAccessibleName(self.tr("Follow-up {when}").format(when=label))
            button.clicked.connect(lambda _=False, p=phrase: self._on_pick_clicked(p))
            picks.addWidget(button)
            self._picks.append(button)
        picks.addStretch(1)
        #: Set by the lead card: creating this task closes the lead's other open ones.
        self.warning = QLabel(self)
        self.warning.setObjectName("followup_closes")
        self.warning.setProperty("role", "hint")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.hide()

        caption = QLabel(self.tr("Boo&k follow-up"), self)
        caption.setBuddy(self.edit)
        time_row = QHBoxLayout()
        time_row.setContentsMargins(0, 0, 0, 0)
        time_row.addWidget(self.edit, 2)
        time_row.addWidget(self.understood, 1)
        type_row = QHBoxLayout()
        type_row.setContentsMargins(0, 0, 0, 0)
        type_row.addWidget(self.type)
        type_row.addLayout(picks, 1)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        type_caption = QLabel(self.tr("Type"), self)
        #: The row labels, lined up with the form's by the lead card.
        self.captions = (caption, type_caption)
        self.form.addRow(caption, time_row)
        self.form.addRow(type_caption, type_row)
        self.form.addRow(self.warning)

        #: The text and the time last shown next to it (what Save books while it holds).
        self._shown: tuple[str, Understood] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_DELAY_MS)
        self._timer.timeout.connect(self._show_reading)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.type.currentIndexChanged.connect(lambda _i: self.changed.emit())

    # ------------------------------------------------------------------ reading

    def now(self) -> datetime:
        """Now in the rep's zone (the clock the field reads times against)."""
        return self._now()

    def focus_chain(self) -> list[QWidget]:
        """The field's controls in tab order: the time, the type, the quick picks."""
        return [self.edit, self.type, *self._picks]

    def type_key(self) -> str:
        return str(self.type.currentData())

    def reading(self) -> Understood | Problem | None:
        """The time as read now (None: nothing typed)."""
        text = self.edit.text()
        if not text.strip():
            return None
        return read_followup(text, self._now())

    def value(self) -> FollowUp | Problem | None:
        """What Save books: a ``FollowUp``, a ``Problem`` to show, or None (none typed).

        The time shown next to the field is the one booked ("in 1 hour" read at 10:00
        shows 11:00 and books 11:00 even if Save comes at 10:05), while it is still
        ahead; otherwise the text is read again now."""
        shown = self._shown
        if shown is not None and shown[0] == self.edit.text() and shown[1].utc > self._now():
            read: Understood | Problem | None = shown[1]
        else:
            read = self.reading()
        if read is None or isinstance(read, Problem):
            return read
        return FollowUp(self.type_key(), read.utc)

    def show_problem(self, text: str) -> None:
        """Say why the time can't be booked (Save refused it), next to the field."""
        self._timer.stop()
        self._show(text, ok=False)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        self.edit.clear()
        self.type.setCurrentIndex(self.type.findData(DEFAULT_TYPE))

    def _on_pick_clicked(self, phrase: str) -> None:
        self.edit.setText(phrase)
        self._show_reading()

    def _on_edit_text_changed(self, _text: str) -> None:
        self._timer.start()
        self.changed.emit()

    def _show_reading(self) -> None:
        self._timer.stop()
        read = self.reading()
        self._shown = (self.edit.text(), read) if isinstance(read, Understood) else None
        if read is None:
            self._show("", ok=True)
        elif isinstance(read, Problem):
            self._show(read.text, ok=False)
        else:
            self._show(read.display, ok=True)

    def _show(self, text: str, *, ok: bool) -> None:
        self.understood.setText(text)
        self.understood.setProperty("role", "success" if ok else "error")
        self.edit.setProperty("invalid", not ok and bool(text))
        self.edit.setAccessibleDescription(text)
        for widget in (self.understood, self.edit):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
