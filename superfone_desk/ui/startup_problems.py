"""What start-up found wrong with the data folder, told in one dialog each.

A damaged file never gives a traceback or a half-built window. The app starts anyway
and says: which file, what happened, what was kept, where the damaged file went
(moved aside, never deleted). Two cases do not start: a data folder that takes no
writes (nothing could be saved) and an outbox written by a newer version of the app
(it must not be touched: "update the app").

``StartupProblem`` and the functions that build it are plain data; ``show_problem``
is the only widget code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from superfone_desk import APP_NAME
from superfone_desk.ui.i18n import core_text

if TYPE_CHECKING:
    from superfone_desk.paths import DataFolderError
    from superfone_desk.settings import SettingsDamaged
    from superfone_desk.store.db import OutboxOpenError, OutboxTooNew

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

T = TypeVar("T")

#: Exit status when the app refuses to start over its data (see ``fatal``).
EXIT_DATA_PROBLEM = 3


@dataclass(frozen=True)
class StartupProblem:
    """One problem, in the words the dialog uses. ``fatal``: the app does not start."""

    title: str
    file: Path | None
    what_happened: str
    what_kept: str
    moved_to: tuple[Path, ...] = ()
    fatal: bool = False

    def text(self) -> str:
        """The whole message as plain text (dialog, log and tests read the same)."""
        lines = [self.what_happened]
        if self.file is not None:
            lines.append(translate("StartupProblems", "File: {file}").format(file=self.file))
        if self.moved_to:
            names = ", ".join(p.name for p in self.moved_to)
            lines.append(
                translate(
                    "StartupProblems", "The damaged file was moved aside, not deleted: {names}"
                ).format(names=names)
            )
        lines.append(self.what_kept)
        return "\n\n".join(lines)


def settings_problem(damaged: SettingsDamaged) -> StartupProblem:
    moved = (damaged.moved_to,) if damaged.moved_to is not None else ()
    kept = translate(
        "StartupProblems",
        "Your saved leads and your API key are not affected. Settings start from the "
        "defaults; set the address, country and presets again in Settings."
    )
    if not moved:
        kept += translate(
            "StartupProblems",
            " The file was left where it is and is replaced when you save settings."
        )
    return StartupProblem(
        title=translate("StartupProblems", "Settings were reset"),
        file=damaged.path,
        what_happened=translate(
            "StartupProblems", "The settings file {what}, so it could not be used."
        ).format(what=core_text(damaged.what)),
        what_kept=kept,
        moved_to=moved,
    )


def outbox_damaged_problem(error: OutboxOpenError, moved: Sequence[Path]) -> StartupProblem:
    return StartupProblem(
        title=translate("StartupProblems", "The outbox could not be read"),
        file=error.path,
        what_happened=translate(
            "StartupProblems", "{error} {app} started with a new, empty outbox."
        ).format(error=error, app=APP_NAME),
        what_kept=translate(
            "StartupProblems",
            "Leads already delivered to Superfone are safe there. Leads that were waiting "
            "to be sent are in the moved file; keep it and contact support to recover them."
        ),
        moved_to=tuple(moved),
    )


def outbox_too_new_problem(error: OutboxTooNew) -> StartupProblem:
    return StartupProblem(
        title=translate("StartupProblems", "Update {app}").format(app=APP_NAME),
        file=error.path,
        what_happened=translate(
            "StartupProblems",
            "The outbox was written by a newer version of {app} (schema {found}; "
            "this version knows up to {supported}). Update the app to open it."
        ).format(app=APP_NAME, found=error.found, supported=error.supported),
        what_kept=translate(
            "StartupProblems",
            "Nothing was opened or changed: your leads are safe in that file. {app} "
            "will close now."
        ).format(app=APP_NAME),
        fatal=True,
    )


def folder_problem(error: DataFolderError) -> StartupProblem:
    return StartupProblem(
        title=translate("StartupProblems", "The data folder cannot be written"),
        file=error.folder,
        what_happened=core_text(error.args[0]),  # marked in paths.py
        what_kept=translate(
            "StartupProblems",
            "Nothing was changed. {app} needs to save leads there before sending them, "
            "so it will close now. Free some disk space or ask for write access to the "
            "folder, or start it with --data-dir and another folder."
        ).format(app=APP_NAME),
        fatal=True,
    )


def open_or_start_fresh(
    path: Path,
    open_outbox: Callable[[Path], T],
    report: Callable[[StartupProblem], None],
) -> T | None:
    """Open the outbox at ``path``; a damaged one is moved aside and a new one opened.

    Returns None, after reporting, when the outbox is too new for this app: the
    caller then opens nothing and closes. ``report`` is ``show_problem`` in the app.
    """
    from superfone_desk.store.db import SCHEMA_VERSION, OutboxDamaged, OutboxTooNew, move_aside

    try:
        # Opening writes (journal mode, migrations): a newer app's file is refused
        # from its header first, so not one byte of it changes.
        found = _schema_in_header(path)
        if found is not None and found > SCHEMA_VERSION:
            raise OutboxTooNew(found, SCHEMA_VERSION, path)
        return open_outbox(path)
    except OutboxTooNew as exc:
        exc.path = exc.path or path
        report(outbox_too_new_problem(exc))
        return None
    except OutboxDamaged as exc:
        exc.path = exc.path or path
        moved = move_aside(path)
        log.warning("The outbox could not be read; moved it to %s", [p.name for p in moved])
        report(outbox_damaged_problem(exc, moved))
    return open_outbox(path)


def _schema_in_header(path: Path) -> int | None:
    """SQLite's ``user_version`` (header bytes 60-63, big-endian), if ``path`` is one."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[60:64], "big")


def problem_box(problem: StartupProblem, parent: QWidget | None = None) -> QMessageBox:
    """The dialog for ``problem``, not yet shown (tests read it; ``show_problem`` runs it)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical if problem.fatal else QMessageBox.Icon.Warning)
    box.setWindowTitle(f"{APP_NAME}: {problem.title}")
    # File names and error texts are data, never markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(problem.title)
    box.setInformativeText(problem.text())
    box.setStandardButtons(
        QMessageBox.StandardButton.Close if problem.fatal else QMessageBox.StandardButton.Ok
    )
    box.setObjectName("startup_problem")
    return box


def show_problem(problem: StartupProblem, parent: QWidget | None = None) -> None:
    """Log ``problem`` and show it in a modal dialog until the user closes it."""
    log.warning("Start-up problem: %s: %s", problem.title, problem.what_happened)
    problem_box(problem, parent).exec()
