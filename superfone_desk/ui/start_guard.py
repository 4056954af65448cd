"""The start-up guards ``app.run_app`` calls around building the window.

Each is one call so the app's start reads as a list of steps:

1. ``startup_checks.prepare_process()`` (before anything: display, core dumps, umask);
2. ``claim_data_folder(paths)``: the folder private and writable, and ours alone;
   a second launch shows the first window and exits 0;
3. ``report_damaged_settings(store)`` after loading settings;
4. ``outbox_opener(path)`` for ``Services.open_outbox``: a damaged outbox set aside,
   a newer one refused;
5. ``listen_for_other_launches(data_dir, window)`` once the window is up.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from superfone_desk.instance_lock import FolderInUse, InstanceLock
from superfone_desk.paths import AppPaths, DataFolderError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from superfone_desk.settings import SettingsStore
    from superfone_desk.store.outbox import Outbox

log = logging.getLogger(__name__)


def claim_data_folder(paths: AppPaths) -> InstanceLock | int:
    """The lock on the data folder, or the exit status to end this launch with.

    0 when another window holds the folder and was asked to come forward; non-zero,
    after a dialog, when the folder cannot be written or a process that is not a
    window (the headless runner) holds it.
    """
    try:
        paths.ensure()
    except DataFolderError as exc:
        from superfone_desk.ui.startup_problems import (
            EXIT_DATA_PROBLEM,
            folder_problem,
            show_problem,
        )

        print(exc, file=sys.stderr)
        _ensure_application()
        show_problem(folder_problem(exc))
        return EXIT_DATA_PROBLEM
    try:
        return InstanceLock(paths.data_dir).acquire()
    except FolderInUse as exc:
        from superfone_desk.ui.single_instance import ask_running_instance_to_show

        if ask_running_instance_to_show(paths.data_dir):
            print(f"Superfone Desk is already running on {paths.data_dir}.", file=sys.stderr)
            return 0
        print(exc, file=sys.stderr)
        _ensure_application()
        _tell_in_use(exc)
        return 1


def report_damaged_settings(store: SettingsStore) -> None:
    """After ``store.load()``: say so if the settings file had to be set aside."""
    from superfone_desk.ui.startup_problems import settings_problem, show_problem

    if store.damaged is not None:
        show_problem(settings_problem(store.damaged))


def outbox_opener(path: Path) -> Callable[[], Outbox]:
    """``Services.open_outbox``: opens ``path``; a damaged outbox is moved aside and a new
    one opened (after a dialog); a newer one ends the app after its dialog, opening
    nothing."""

    def open_outbox() -> Outbox:
        from superfone_desk.store.outbox import Outbox
        from superfone_desk.ui.startup_problems import (
            EXIT_DATA_PROBLEM,
            open_or_start_fresh,
            show_problem,
        )

        outbox = open_or_start_fresh(path, Outbox.open, show_problem)
        if outbox is None:
            # Nothing is open that could lose data; the window's half-built state must
            # not go on (PySide6 ends the process on SystemExit from a slot; atexit
            # still flushes the log).
            raise SystemExit(EXIT_DATA_PROBLEM)
        return outbox

    return open_outbox


def listen_for_other_launches(data_dir: Path, window: QWidget) -> None:
    """Start, after the first paint, the local server that brings ``window`` forward.

    QtNetwork is imported then too: it is not on the path to the window.
    """
    from PySide6.QtCore import QTimer

    def start() -> None:
        from superfone_desk.ui.single_instance import InstanceServer, bring_to_front

        server = InstanceServer(data_dir, parent=window)
        server.show_requested.connect(lambda: bring_to_front(window))
        server.listen()

    QTimer.singleShot(0, start)


def _tell_in_use(exc: FolderInUse) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from superfone_desk.ui.i18n import core_text

    box = QMessageBox(QMessageBox.Icon.Information, "Superfone Desk", core_text(exc.args[0]))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _ensure_application() -> None:
    # The dialogs come before the window: the application may not exist yet.
    from superfone_desk.app import make_application
    from superfone_desk.ui import i18n

    make_application()
    # The settings (and their language) are not read yet: these dialogs follow the
    # system's language; the window then installs the chosen one.
    i18n.install("system")
