"""A full disk while sending (issue #12.2): reported, retried, and sending resumes by
itself once there is space again. Nothing lost, nothing sent twice.

The outbox lives on a real 1 MiB tmpfs that the test fills to the last byte; delivery
goes to the sandbox over loopback. Needs root (``mount``); skipped elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.core.draft import LeadDraft
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.sandbox import SandboxServer
from superfone_desk.store import EntryState, Outbox
from tests.helpers.clock import Clock
from tests.integration.conftest import TEST_KEY

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="tmpfs is Linux")

PHONES = ["+918000000301", "+918000000302", "+918000000303"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on its own 1 MiB tmpfs."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder: Path) -> Path:
    """Take every free byte of ``folder``'s file system; the file holding them."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                pass  # ENOSPC: on to smaller pieces, down to the last byte
    finally:
        os.close(fd)
    return filler


def names(sandbox: SandboxServer) -> dict[str, int]:
    found: dict[str, int] = {}
    for lead in sandbox.snapshot(TEST_KEY)["leads"]:
        for phone in lead["phone_numbers"]:
            found[phone] = found.get(phone, 0) + 1
    return found


def test_a_full_disk_is_reported_and_sending_resumes_when_space_is_back(
    small_disk: Path, sandbox: SandboxServer
) -> None:
    clock = Clock()
    outbox = Outbox.open(small_disk / "superfone-desk.sqlite3")
    try:
        ids = [outbox.add(LeadDraft(customer_phone=p, first_name="Disk"), "IN") for p in PHONES]
        with outbox.db.read() as conn:  # an empty WAL: the next write needs new blocks
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = fill(small_disk)

        statuses: list[str | None] = []
        waits: list[float] = []

        def wait(timeout: float | None) -> None:
            assert timeout is not None
            waits.append(timeout)
            clock.now += timeout
            if len(waits) == 2 and filler.exists():
                filler.unlink()  # the user made room

        with SuperfoneClient(TEST_KEY, sandbox.base_url) as client:
            Deliverer(
                outbox,
                lambda: client,
                clock=clock,
                monotonic=clock.monotonic,
                wait=wait,
                rng=lambda: 0.5,
                on_status=statuses.append,
            ).drain()

        assert statuses[0] == "Can't write to the outbox: disk full"
        assert statuses[-1] is None  # cleared once writing worked again
        assert len(waits) >= 2  # it backed off while the disk was full
        for entry_id in ids:
            entry = outbox.get(entry_id)
            assert entry is not None
            assert entry.state is EntryState.SENT
        sent = names(sandbox)
        assert [sent.get(phone) for phone in PHONES] == [1, 1, 1]
    finally:
        outbox.close()
    assert os.statvfs(small_disk).f_bfree > 0
