"""One process per data folder, and a killed holder never blocks the next start.

Real processes: a child takes the lock and waits; the test tries the same folder,
then SIGKILLs the child and takes the lock itself.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.instance_lock import (
    FolderInUse,
    InstanceLock,
    hold_data_folder,
    holder_pid,
)
from tests.helpers.processes import run_python

HOLDER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from superfone_desk.instance_lock import hold_data_folder\n"
    "lock = hold_data_folder(Path(sys.argv[1]))\n"
    "print('locked', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path / "data")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        yield child
        child.kill()
        child.wait(timeout=30)


def test_second_process_is_refused_with_a_message(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    folder = tmp_path / "data"
    with pytest.raises(FolderInUse) as caught:
        hold_data_folder(folder)
    assert str(caught.value) == f"Another Superfone Desk is using {folder}; close it first."
    if sys.platform != "win32":
        assert holder_pid(folder) == holder.pid


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_holder_never_blocks_the_next_start(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    with hold_data_folder(tmp_path / "data") as lock:
        assert lock.held
    assert holder_pid(tmp_path / "data") is not None  # the file stays; only the lock went


def test_a_second_lock_in_the_same_process_is_refused_too(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path).acquire()
    with pytest.raises(FolderInUse):
        InstanceLock(tmp_path).acquire()
    first.release()
    assert not first.held
    with InstanceLock(tmp_path) as again:
        assert again.held


def test_the_headless_runner_shape_exits_with_the_message(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    # What `python -m superfone_desk.delivery` does with a locked folder.
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from superfone_desk.instance_lock import FolderInUse, hold_data_folder\n"
        "try:\n"
        "    hold_data_folder(Path(sys.argv[1]))\n"
        "except FolderInUse as exc:\n"
        "    print(exc, file=sys.stderr)\n"
        "    sys.exit(4)\n"
    )
    result = run_python(code, str(tmp_path / "data"))
    assert result.returncode == 4
    assert "Another Superfone Desk is using" in result.stderr
