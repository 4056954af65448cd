"""What the wizard says (its titles, counts and results, translated), and the sheets it
offers. Counts are Qt's numerus forms (``%Ln``: "1 lead", "1,250 leads" with the
language's grouping); the wizard only puts these texts on its pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from superfone_desk.importing.mapping import TARGETS
from superfone_desk.importing.plan import ImportPlan, Outcome
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP, core_text

if TYPE_CHECKING:
    from superfone_desk.importing.batch import BatchResults

#: Each step's name in the window title ("Import leads — Preview").
TITLES = (
    QT_TRANSLATE_NOOP("ImportTexts", "Choose a file"),
    QT_TRANSLATE_NOOP("ImportTexts", "Match the columns"),
    QT_TRANSLATE_NOOP("ImportTexts", "Preview"),
    QT_TRANSLATE_NOOP("ImportTexts", "Send"),
)
#: Unknown values listed by name per field; the rest are counted.
LISTED_VALUES = 8


class ImportTexts(QObject):
    """The wizard's sentences (a QObject for ``tr``'s numerus forms, context ImportTexts)."""

    def title(self, index: int) -> str:
        return self.tr("Import leads — {step}").format(step=self.tr(TITLES[index]))

    def preview_summary(self, plan: ImportPlan) -> str:
        """"12 to create, 3 to update, 1 refused, 2 duplicates skipped." (the dry run)."""
        parts = []
        if plan.count(Outcome.SAVE) or not plan.count(Outcome.CREATE) + plan.count(
            Outcome.UPDATE
        ):
            parts.append(self.tr("%Ln to create or update", "", plan.count(Outcome.SAVE)))
        if plan.count(Outcome.CREATE) or plan.count(Outcome.UPDATE):
            parts.append(self.tr("%Ln to create", "", plan.count(Outcome.CREATE)))
            parts.append(self.tr("%Ln to update", "", plan.count(Outcome.UPDATE)))
        parts.append(self.tr("%Ln refused", "", plan.count(Outcome.REFUSED)))
        parts.append(self.tr("%Ln duplicate(s) skipped", "", plan.count(Outcome.DUPLICATE)))
        return self.tr("{counts}.").format(counts=self.tr(", ").join(parts))

    def unknown_values(self, plan: ImportPlan) -> str:
        lines = []
        for field, values in plan.unknown_values.items():
            listed = self.tr(", ").join(
                self.tr("“{value}” ({count})").format(value=value, count=count)
                for value, count in list(values.items())[:LISTED_VALUES]
            )
            if len(values) > LISTED_VALUES:
                more = len(values) - LISTED_VALUES
                listed = self.tr("{listed} and %Ln more", "", more).format(listed=listed)
            what = core_text(TARGETS.get(field, field)).lower()
            lines.append(
                self.tr("Not in Superfone's {list} list: {values}").format(
                    list=what, values=listed
                )
            )
        return "\n".join(lines)

    def read_notes(self, notes: tuple[str, ...], rows: int, remembered: bool) -> str:
        """What the mapping step says about the file read: the reader's notes, the rows."""
        shown = [core_text(note).rstrip(".") + "." for note in notes]
        shown.append(self.tr("%Ln row(s).", "", rows))
        if remembered:
            shown.append(self.tr("The columns are matched as you matched them last time."))
        return " ".join(shown)

    def send_button(self, sendable: int) -> str:
        return self.tr("&Send %Ln lead(s)", "", sendable)

    def queueing(self, count: int) -> str:
        return self.tr("Putting %Ln lead(s) in the outbox…", "", count)

    def queued(self, count: int, stopped: bool, connected: bool) -> str:
        if stopped:
            text = self.tr(
                "%Ln lead(s) are in the outbox (stopped: the rest were not queued); sending…",
                "", count,
            )
        else:
            text = self.tr("%Ln lead(s) are in the outbox; sending…", "", count)
        if not connected:
            text += " " + self.tr("Not connected to Superfone: they go when the app is connected.")
        return text + " " + self.tr(
            "You can close this window: sending goes on, and the Outbox tab shows it."
        )

    def results(self, results: BatchResults, refused: int, duplicates: int, stopped: int) -> str:
        """"12 created, 3 updated, 1 refused, 2 duplicates skipped; 4 waiting: <why>"."""
        parts = [
            self.tr("%Ln created", "", results.created),
            self.tr("%Ln updated", "", results.updated),
            self.tr("%Ln refused", "", refused),
            self.tr("%Ln duplicate(s) skipped", "", duplicates),
        ]
        if stopped:
            parts.append(self.tr("%Ln not sent (stopped)", "", stopped))
        text = self.tr(", ").join(parts)
        if not results.waiting:
            return text
        waiting = self.tr("%Ln waiting", "", results.waiting)
        if results.waiting_reason:
            waiting = self.tr("{waiting}: {reason}").format(
                waiting=waiting, reason=core_text(results.waiting_reason)
            )
        return self.tr("{results}; {waiting}").format(results=text, waiting=waiting)

    def exported(self, rows: int, name: str) -> str:
        return self.tr(
            "%Ln row(s) saved to {file}, with the reason in the last column.", "", rows
        ).format(file=name)


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheets (for the sheet choice); [] when it cannot be opened."""
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        return [str(meta.name) for meta in workbook.sheets_metadata
                if str(meta.visible).endswith("Visible")]  # fmt: skip
    finally:
        workbook.close()
