"""The data folder is private on a shared PC, and a folder that takes no writes says so.

Real files and folders: modes are read back with ``stat``; the read-only case uses a
folder this user cannot write (or, as root, who writes anywhere, a read-only tmpfs).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.paths import AppPaths, DataFolderError, restrict_new_files
from tests.helpers.processes import run_python

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@posix_only
def test_first_start_makes_private_folders(tmp_path: Path) -> None:
    old = os.umask(0o022)  # what a desktop session usually has
    try:
        paths = AppPaths.under(tmp_path / "app").ensure()
    finally:
        os.umask(old)
    assert mode(paths.data_dir) == 0o700
    assert mode(paths.config_dir) == 0o700


@posix_only
def test_existing_files_and_folders_are_tightened(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "app")
    paths.data_dir.mkdir(parents=True)
    paths.config_dir.mkdir()
    outbox = paths.data_dir / "outbox.db"
    log = paths.data_dir / "superfone-desk.log"
    nested = paths.data_dir / "old" / "leads.csv"
    nested.parent.mkdir()
    for file in (outbox, log, nested, paths.config_dir / "settings.json"):
        file.write_text("x", encoding="utf-8")
        file.chmod(0o644)
    for folder in (paths.data_dir, paths.config_dir, nested.parent):
        folder.chmod(0o755)
    # A read-only file stays read-only: tightening never adds a permission.
    outbox.chmod(0o444)
    # A symlink pointing out of the folder is not followed.
    outside = tmp_path / "outside.txt"
    outside.write_text("y", encoding="utf-8")
    outside.chmod(0o644)
    (paths.data_dir / "link").symlink_to(outside)

    paths.ensure()

    assert mode(log) == 0o600
    assert mode(nested) == 0o600
    assert mode(paths.config_dir / "settings.json") == 0o600
    assert mode(outbox) == 0o400
    for folder in (paths.data_dir, paths.config_dir, nested.parent):
        assert mode(folder) == 0o700
    assert mode(outside) == 0o644


@posix_only
def test_files_created_after_start_are_private(tmp_path: Path) -> None:
    # A real process: the umask is process-wide, so the test's own stays untouched.
    # The modes are read while the database is open: its -wal and -shm files go at close.
    code = (
        "import sqlite3, stat, sys\n"
        "from pathlib import Path\n"
        "from superfone_desk.paths import AppPaths, restrict_new_files\n"
        "restrict_new_files()\n"
        "paths = AppPaths.under(Path(sys.argv[1])).ensure()\n"
        "db = sqlite3.connect(paths.data_dir / 'outbox.db')\n"
        "db.execute('pragma journal_mode=wal')\n"
        "db.execute('create table t (x)')\n"
        "db.execute('insert into t values (1)')\n"
        "db.commit()\n"
        "(paths.data_dir / 'superfone-desk.log').write_text('started', encoding='utf-8')\n"
        "for p in sorted(paths.data_dir.iterdir()):\n"
        "    print(p.name, oct(stat.S_IMODE(p.stat().st_mode)))\n"
    )
    result = run_python(code, str(tmp_path / "app"))
    assert result.returncode == 0, result.stderr
    modes = dict(line.split() for line in result.stdout.splitlines())
    assert set(modes) >= {"outbox.db", "outbox.db-wal", "outbox.db-shm", "superfone-desk.log"}
    assert set(modes.values()) == {"0o600"}, modes


@posix_only
def test_restrict_new_files_returns_the_previous_umask() -> None:
    old = os.umask(0o022)
    try:
        assert restrict_new_files() == 0o022
        assert os.umask(0o022) == 0o077
    finally:
        os.umask(old)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("running as root without a way to mount a read-only tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@posix_only
def test_read_only_folder_gives_a_clear_message(read_only_folder: Path) -> None:
    with pytest.raises(DataFolderError) as caught:
        AppPaths.under(read_only_folder).ensure()
    message = str(caught.value)
    assert str(read_only_folder / "data") in message
    assert "read-only" in message


@posix_only
def test_existing_read_only_data_folder_is_reported(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "app")
    paths.data_dir.mkdir(parents=True)
    if os.geteuid() == 0:
        pytest.skip("root writes into a 0500 folder; the tmpfs test covers root")
    paths.data_dir.chmod(0o500)
    try:
        with pytest.raises(DataFolderError, match="read-only"):
            paths.ensure()
        # Tightening never gave the write permission back.
        assert mode(paths.data_dir) == 0o500
    finally:
        paths.data_dir.chmod(0o700)
