"""The lead's open tasks, newest first (List Tasks), with a button to complete one.

Only shows: the lead card loads the tasks in the pool and hands them here. Complete Task
closes the lead's most recently created open task (CONTRACT §4.3: it takes no task id),
so the button says which one that is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from superfone_desk.api.models import Task
from superfone_desk.core.followup import display_time
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP, core_text

#: Task types as the form names them (the API's FIRST_CALL included).
TASK_NAMES: dict[str, str] = {
    "FOLLOW_UP_CALL": QT_TRANSLATE_NOOP("TasksPanel", "Follow-up call"),
    "FIRST_CALL": QT_TRANSLATE_NOOP("TasksPanel", "First call"),
    "CALLBACK_REQUEST": QT_TRANSLATE_NOOP("TasksPanel", "Callback request"),
    "SITE_VISIT": QT_TRANSLATE_NOOP("TasksPanel", "Site visit"),
    "BOOKING": QT_TRANSLATE_NOOP("TasksPanel", "Booking"),
    "REMINDER": QT_TRANSLATE_NOOP("TasksPanel", "Reminder"),
}


def task_due(task: Task) -> datetime | None:
    try:
        return datetime.fromisoformat(task.due_date.replace("Z", "+00:00"))
    except ValueError:
        return None


def describe_task(task: Task, now: datetime, assignee: Callable[[int | None], str]) -> str:
    """"Follow-up call · Thu 26 Nov, 11:00 · Priya Sharma" (the due time in ``now``'s zone)."""
    due = task_due(task)
    when = display_time(due, now) if due is not None else task.due_date
    return " · ".join((task_name(task.type), core_text(when), assignee(task.assignee_user_id)))


def task_name(kind: str) -> str:
    """A task type in the interface's language ("Site visit", "साइट विज़िट")."""
    return QCoreApplication.translate("TasksPanel", TASK_NAMES.get(kind, kind))


class TasksPanel(QWidget):
    """Signals:
    complete_requested(): the user asked to complete the newest open task.
    """

    complete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasks_panel")
        self.caption = QLabel(self.tr("Open tasks"), self)
        self.status = QLabel(self)
        self.status.setObjectName("tasks_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("open_tasks")
        self.list.setAccessibleName(self.tr("Open tasks"))
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 5)
        self.complete = QPushButton(self.tr("Complete newest task"), self)
        self.complete.setObjectName("complete_task")
        self.complete.setAccessibleName(self.tr("Complete the lead's newest open task"))
        self.complete.clicked.connect(self.complete_requested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption)
        top.addWidget(self.status, 1)
        top.addWidget(self.complete)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.list)
        self.hide()

    def show_tasks(self, lines: Sequence[str]) -> None:
        """The open tasks, newest first, one line each."""
        self.list.clear()
        self.list.addItems(list(lines))
        self.list.setVisible(bool(lines))
        self.complete.setEnabled(bool(lines))
        self.status.setText("" if lines else self.tr("None"))
        self.show()

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.show()
