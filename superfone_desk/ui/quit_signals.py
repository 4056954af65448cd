"""SIGTERM (a desktop logout, ``kill``), SIGINT and SIGHUP end the app's event loop.

Python runs a signal handler only when the interpreter gets control, and Qt's event
loop is C++: without help a SIGTERM waits for the next Python slot, which may be never
(the process then dies at the session manager's SIGKILL, or lingers). So the handlers
are woken through a socket pair: ``signal.set_wakeup_fd`` writes each signal's number
to it, a ``QSocketNotifier`` sees the byte, and its (Python) slot quits the loop. The
app's normal shutdown then runs, bounded (``MainWindow.shutdown``), and the process
ends within 2 s (issue #12.9; tests/integration/test_quit_on_sigterm.py).
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

#: The signals that mean "end the session" (SIGHUP does not exist on Windows).
QUIT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    sig for sig in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)) if sig
)


class QuitOnSignals(QObject):
    """Calls ``quit`` on the GUI thread when one of ``QUIT_SIGNALS`` arrives."""

    def __init__(self, quit: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        # Only the main thread may do this; the app builds us there.
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in QUIT_SIGNALS}
        self._numbers = frozenset(int(sig) for sig in QUIT_SIGNALS)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def _on_signal(self, signum: int, _frame: object) -> None:
        # Runs when the interpreter next gets control (the notifier's slot at the
        # latest); the slot does the quitting, once.
        log.info("%s received: quitting", signal.Signals(signum).name)

    def _on_notifier_activated(self) -> None:
        try:
            woken = self._read.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        # Other handlers the process may have installed wake us too: only ours quit.
        if any(byte in self._numbers for byte in woken):
            self._quit()

    def uninstall(self) -> None:
        """Put the previous handlers back (tests; the app keeps them until exit)."""
        self._notifier.setEnabled(False)
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._read.close()
        self._write.close()
