"""The compact "will change" list next to Save, and the "Only fill empty fields" switch.

Shown before an update of a lead the card loaded (``core.lead_card.changes``): what a
save will change, old → new, so a rep sees it before pressing Save.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from superfone_desk.core.fields import BY_NAME
from superfone_desk.core.lead_card import NONE, Change
from superfone_desk.core.source_types import WORDS
from superfone_desk.ui.i18n import core_text, plain_label
from superfone_desk.ui.plain_text import plain_tip

#: More lines than this are summed up ("… and 3 more"): the list stays compact.
MAX_LINES = 4


class ChangeList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_list")
        self.label = QLabel(self)
        self.label.setObjectName("will_change")
        self.label.setProperty("role", "hint")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # lead text is never markup
        self.label.setWordWrap(True)
        self.only_empty = QCheckBox(self.tr("Only fill empty fields"), self)
        self.only_empty.setObjectName("only_fill_empty")
        self.only_empty.setToolTip(
            self.tr("Never overwrite what the lead already has in Superfone")
        )
        self.only_empty.setAccessibleName(self.tr("Only fill empty fields"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.only_empty, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_changes(self, changes: Sequence[Change] | None) -> None:
        """``None``: no stored lead (the list goes); [] a lead with nothing changed."""
        if changes is None:
            self.hide()
            return
        lines = [self._line(change) for change in changes[:MAX_LINES]]
        if len(changes) > MAX_LINES:
            lines.append(self.tr("… and {count} more").format(count=len(changes) - MAX_LINES))
        text = (
            self.tr("Will change: {changes}").format(changes="; ".join(lines))
            if lines
            else self.tr("Will change: nothing yet")
        )
        self.label.setText(text)
        self.label.setToolTip(plain_tip("\n".join(self._line(change) for change in changes)))
        self.setAccessibleDescription(text)
        self.show()

    def _line(self, change: Change) -> str:
        """``change.text`` in the language: the field's name, and our words among the
        values (a cleared field, a source type); what the lead holds stays as it is."""
        spec = BY_NAME.get(change.field)
        label = plain_label(spec.label) if spec is not None else change.label
        ours = {NONE, *WORDS.values()}
        old, new = (core_text(v) if v in ours else v for v in (change.old, change.new))
        if not old:
            return self.tr("{field}: {new}").format(field=label, new=new)
        return self.tr("{field}: {old} → {new}").format(field=label, old=old, new=new)
