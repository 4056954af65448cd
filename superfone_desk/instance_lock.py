"""One Superfone Desk per data folder: an OS file lock on a file in that folder.

Two processes delivering from one outbox post notes twice (each one's start-up
recovery re-queues what the other has in flight). So the window and the headless
runner both hold this lock for as long as they run. It is an OS lock (``flock`` on
POSIX, ``msvcrt.locking`` on Windows), not a "pid file": the OS releases it when the
process dies, however it dies, so a SIGKILLed or crashed instance never blocks the
next start. Plain Python, no Qt: the headless runner uses it too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from superfone_desk.translatable import F_

LOCK_FILE = "superfone-desk.lock"


class FolderInUse(Exception):
    """Another process holds the data folder; ``str`` is the message for people."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            F_("Another Superfone Desk is using {folder}; close it first.", folder=folder)
        )
        self.folder = folder


class InstanceLock:
    """The lock on one data folder. ``acquire`` raises ``FolderInUse``; use as a context."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._fd: int | None = None

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        if self._fd is not None:
            return self
        # No O_TRUNC: the file is only ever written by the process holding the lock.
        fd = os.open(self._folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise FolderInUse(self._folder) from None
        self._fd = fd
        _write_pid(fd)
        return self

    def release(self) -> None:
        """Let the next instance in; closing the file drops the OS lock."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def hold_data_folder(folder: Path) -> InstanceLock:
    """Lock ``folder`` for this process or raise ``FolderInUse``.

    For the headless runner: ``print(exc, file=sys.stderr)`` and exit non-zero on
    ``FolderInUse``; keep the returned lock referenced until the process ends.
    """
    folder.mkdir(parents=True, exist_ok=True)
    return InstanceLock(folder).acquire()


def holder_pid(folder: Path) -> int | None:
    """The process id the holder wrote, for messages and diagnostics (POSIX only)."""
    try:
        text = (folder / LOCK_FILE).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        # Byte 0, non-blocking; Windows drops it when the handle closes or the process ends.
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _write_pid(fd: int) -> None:
        # The locked byte cannot be written around on Windows; the pid is only a help.
        return

else:
    import fcntl

    def _lock(fd: int) -> None:
        # flock, not fcntl's record locks: those are per process, so a second open in the
        # same process (a test, a library) would silently "succeed" and drop the lock.
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _write_pid(fd: int) -> None:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
