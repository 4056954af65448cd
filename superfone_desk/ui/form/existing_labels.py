"""The labels the looked-up lead already has, as chips that mark one for removal."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class ExistingLabels(QWidget):
    """Signals:
    remove(str): the user clicked a label's chip: remove it from the lead on Save.
    """

    remove = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("existing_labels")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def show_labels(self, labels: Iterable[str]) -> None:
        """Chips for ``labels`` (none: hidden, its space kept by the form)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        labels = list(labels)
        if labels:
            # The form's own texts, translated under its context, where they always were.
            caption = QCoreApplication.translate("LeadForm", "Has labels (click to remove):")
            self._layout.addWidget(QLabel(caption, self))
            for title in labels:
                button = QToolButton(self)
                button.setText(f"{title.replace('&', '&&')} ✕")  # "&" is no mnemonic
                button.setObjectName(f"existing_label_{title}")
                name = QCoreApplication.translate("LeadForm", "Remove label {title} from the lead")
                button.setAccessibleName(name.format(title=title))
                button.clicked.connect(lambda _=False, t=title: self.remove.emit(t))
                self._layout.addWidget(button)
            self._layout.addStretch(1)
        self.setVisible(bool(labels))
