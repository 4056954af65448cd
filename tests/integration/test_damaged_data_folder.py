"""The real app on a damaged data folder: a dialog, never a traceback or a dead window.

Real processes (offscreen; ``--demo`` needs no key). Both outboxes are damaged in turn:
a real account's and the demo's own, which a demo start forgets only once it passed the
same guard (a damaged one is kept aside, a newer one left untouched). The dialogs are
modal and nobody clicks them here, so each test reads the app's log line for the dialog
it shows (``show_problem`` logs before it opens) and then ends the process.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from superfone_desk.core.draft import LeadDraft
from superfone_desk.store.db import DATABASE_FILENAME, SCHEMA_VERSION
from superfone_desk.store.outbox import Outbox
from tests.helpers.processes import App

pytestmark = pytest.mark.slow


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "config").mkdir()
    return tmp_path


def test_damaged_settings_start_with_a_dialog(folder: Path) -> None:
    (folder / "config" / "settings.json").write_bytes(b"\xff\xfe" + b"[" * 100_000)
    app = App(folder, "--demo")
    try:
        app.wait_for("Start-up problem: Settings were reset")
    finally:
        app.stop()
    assert not any("Traceback" in line for line in app.seen)
    [kept] = (folder / "config").glob("settings.json.damaged-*")
    assert kept.read_bytes().startswith(b"\xff\xfe[[[")


#: A real account's outbox, and the demo's own: a demo start forgets the last demo's
#: history, but only after its file passed the same guard (app.open_outbox).
OUTBOXES = [
    pytest.param((), DATABASE_FILENAME, id="real"),
    pytest.param(("--demo",), f"demo-{DATABASE_FILENAME}", id="demo"),
]


@pytest.mark.parametrize(("args", "name"), OUTBOXES)
def test_a_text_file_as_outbox_is_set_aside_with_a_dialog(
    folder: Path, args: tuple[str, ...], name: str
) -> None:
    outbox = folder / "data" / name
    outbox.write_text("not a database\n" * 500, encoding="utf-8")
    app = App(folder, *args)
    try:
        app.wait_for("Start-up problem: The outbox could not be read")
    finally:
        app.stop()
    assert not any("Traceback" in line for line in app.seen)
    [kept] = (folder / "data").glob(f"{name}.damaged-*")
    assert kept.read_text(encoding="utf-8").startswith("not a database")


@pytest.mark.parametrize(("args", "name"), OUTBOXES)
def test_an_outbox_from_a_newer_app_says_update_and_is_not_touched(
    folder: Path, args: tuple[str, ...], name: str
) -> None:
    outbox = folder / "data" / name
    conn = sqlite3.connect(outbox)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = outbox.read_bytes()
    app = App(folder, *args)
    try:
        app.wait_for("Start-up problem: Update Superfone Desk")
    finally:
        app.stop()
    assert outbox.read_bytes() == before
    assert sorted(p.name for p in (folder / "data").iterdir() if "sqlite3" in p.name) == [
        outbox.name
    ]


def test_a_readable_last_demo_is_forgotten_without_a_dialog(folder: Path) -> None:
    path = folder / "data" / f"demo-{DATABASE_FILENAME}"
    with Outbox.open(path) as outbox:
        outbox.add(LeadDraft(customer_phone="80000 00092"), "IN", known_primary=None,
                   known_exists=False)
    app = App(folder, "--demo")
    try:
        app.wait_for("built: the whole window is built")
    finally:
        app.stop()
    assert not any("Start-up problem" in line for line in app.seen)
    assert not list((folder / "data").glob("*.damaged-*"))
    with Outbox.open(path) as outbox:
        assert outbox.unsent_count() == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and mounts")
def test_a_read_only_data_folder_says_so_on_stderr(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    if os.geteuid() != 0:
        ro.chmod(0o500)
    elif subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(ro)], check=False
    ).returncode:
        pytest.skip("root without a way to mount a read-only tmpfs")
    app = App(ro, "--demo")
    try:
        app.wait_for("cannot write to its data folder")
    finally:
        app.stop()
        if os.geteuid() == 0:
            subprocess.run(["umount", str(ro)], check=True)
        else:
            ro.chmod(0o700)
    assert any("read-only" in line for line in app.seen)
    assert not any("Traceback" in line for line in app.seen)
