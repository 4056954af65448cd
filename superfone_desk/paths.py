"""Where the app keeps its files: the OS's per-user folders, or one ``--data-dir``.

The data folder holds customers' phones and names (the outbox, the log), and counter
PCs are shared by several users. So on POSIX the folders are private to the user
(0700) and the files in them too (0600): new files through the umask
(``restrict_new_files``, called once at start), files left by an older version or
another tool tightened by ``ensure`` at every start. Tightening only ever removes
permissions: a folder the user made read-only stays read-only.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from superfone_desk import APP_ID
from superfone_desk.translatable import F_, N_, as_message

log = logging.getLogger(__name__)

#: Bits that let other users in (group and others: read, write, execute).
_SHARED_BITS = 0o077


class DataFolderError(Exception):
    """The data or config folder cannot be made or written; ``str`` says which and why."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(F_(
            "Superfone Desk cannot write to its data folder {folder}: {reason}.",
            folder=folder, reason=as_message(reason),
        ))
        self.folder = folder
        self.reason = reason


def restrict_new_files() -> int:
    """From now on this process creates files 0600 and folders 0700 (POSIX umask).

    SQLite gives its -wal/-shm files the mode of the database file, and the log
    handler creates files through the umask, so this covers everything the app writes.
    Returns the previous umask.
    """
    if sys.platform == "win32":
        return 0
    return os.umask(_SHARED_BITS)


def tighten(folder: Path) -> None:
    """Remove group/other permissions from ``folder`` and everything under it.

    Symlinks are left alone (chmod would follow them out of the folder). Errors are
    logged, not raised: a folder on a read-only mount still works for reading, and the
    write check in ``AppPaths.ensure`` reports what matters.
    """
    if sys.platform == "win32":
        return  # the user profile is private already; NTFS ACLs are not mode bits
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files, ""]:
            _remove_shared_bits(Path(root, name) if name else Path(root))


def _remove_shared_bits(path: Path) -> None:
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode) or not st.st_mode & _SHARED_BITS:
            return
        path.chmod(stat.S_IMODE(st.st_mode) & ~_SHARED_BITS)
    except OSError as exc:
        log.warning("Could not make %s private (%s)", path.name, exc.strerror or exc)


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        import platformdirs

        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        )

    @classmethod
    def under(cls, folder: Path) -> AppPaths:
        """Everything in one folder: for tests, portable and managed installs."""
        return cls(data_dir=folder / "data", config_dir=folder / "config")

    def ensure(self) -> AppPaths:
        """Create both folders private, tighten what is in them, check they take writes.

        Raises ``DataFolderError`` with a sentence for people when a folder cannot be
        created or written (read-only folder or mount, full disk, wrong owner).
        """
        for folder in (self.data_dir, self.config_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                raise DataFolderError(folder, _reason(exc)) from exc
            tighten(folder)
            _check_writable(folder)
        return self


def _check_writable(folder: Path) -> None:
    # os.access lies for root and for read-only mounts; a real file says the truth.
    # (os.open, not tempfile: that import costs more than the check, on every start.)
    probe = folder / f".write-check-{os.getpid()}"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        probe.unlink()
    except OSError as exc:
        raise DataFolderError(folder, _reason(exc)) from exc


def _reason(exc: OSError) -> str:
    import errno

    reasons = {
        errno.EACCES: N_("permission denied (the folder is read-only for this user)"),
        errno.EPERM: N_("permission denied (the folder is read-only for this user)"),
        errno.EROFS: N_("the disk is read-only"),
        errno.ENOSPC: N_("the disk is full"),
        errno.ENOTDIR: N_("a file is in the way where the folder should be"),
        errno.EEXIST: N_("a file is in the way where the folder should be"),
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)
