"""A second launch on the same data folder brings the running window to the front.

``instance_lock`` decides who runs (an OS lock: exact, and released when a process
dies). This module is only the courtesy on top: the running window listens on a local
socket (``QLocalServer``; a Unix socket or a Windows named pipe) named from the data
folder, and a second launch that found the folder locked connects, sends ``show``,
and exits 0, so double-clicking the icon twice just shows the one window.

The server is started after the first paint (QtNetwork is not on the path to the
window), so a second launch retries the connection for a few seconds.

Signals (``InstanceServer``):
    show_requested(): another launch asked for the window.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from superfone_desk import APP_ID

if TYPE_CHECKING:
    # Only for the annotation: a second launch asking the first must not pay for
    # QtWidgets (it exits without a window).
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SHOW = b"show\n"
#: How long a second launch keeps trying to reach the first (which may be starting).
CONNECT_FOR_S = 5.0


def server_name(data_dir: Path) -> str:
    """The socket name for ``data_dir``: one per folder, per user, short enough for
    the 108-byte Unix socket path limit."""
    folder = str(data_dir.expanduser().resolve())
    digest = hashlib.sha256(folder.encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return f"{APP_ID}-{digest}"


class InstanceServer(QObject):
    """Listens for other launches on ``data_dir``; only the lock holder may start it."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(data_dir)
        self._server = QLocalServer(self)
        # Only this user's processes may connect (Unix: socket mode 0700 per Qt docs).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        #: Accepted connections, held here so none outlives the server with a slot
        #: still connected (a queued readyRead on a deleted socket crashed a test run).
        self._sockets: set[QLocalSocket] = set()

    def listen(self) -> bool:
        # A socket left by a killed instance would make listen() fail; whoever holds the
        # data folder's lock owns the name, so removing a leftover is safe.
        QLocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            log.warning("Could not listen for other launches (%s)", self._server.errorString())
            return False
        return True

    def close(self) -> None:
        for socket in list(self._sockets):
            self._forget(socket)
        self._server.close()

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._sockets.add(socket)
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(self._on_socket_disconnected)
            if socket.bytesAvailable():
                self._read_request(socket)

    def _on_socket_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and socket in self._sockets:
            self._read_request(socket)

    def _on_socket_disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and socket in self._sockets:
            self._forget(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._sockets.discard(socket)
        socket.readyRead.disconnect(self._on_socket_ready_read)
        socket.disconnected.disconnect(self._on_socket_disconnected)
        socket.abort()
        socket.deleteLater()

    def _read_request(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        request = bytes(socket.readLine().data())
        if request == SHOW:
            log.info("Another launch asked for the window; showing it")
            self.show_requested.emit()
        socket.disconnectFromServer()


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, raise and activate ``window`` (window managers may only flash it)."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def ask_running_instance_to_show(data_dir: Path, *, connect_for_s: float = CONNECT_FOR_S) -> bool:
    """From a second launch: ask the window holding ``data_dir`` to show itself.

    True once the request was delivered; False when nobody answered in time (the
    holder is the headless runner, or a window still starting up or hung).
    """
    name = server_name(data_dir)
    deadline = time.monotonic() + connect_for_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            socket.write(SHOW)
            delivered = socket.waitForBytesWritten(2000)
            # Wait for the server to hang up: it has read the request by then.
            if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                socket.waitForDisconnected(2000)
            socket.abort()
            return delivered
        socket.abort()
        if time.monotonic() >= deadline:
            return False
        # The first window may not listen yet (it starts after its first paint).
        time.sleep(0.1)
