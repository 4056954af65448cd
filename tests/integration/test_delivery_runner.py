"""The headless runner refuses what it must not touch (issue #12.1, #12.8): a data folder
another Superfone Desk holds, and an outbox file it cannot read. Real subprocesses."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from superfone_desk.instance_lock import InstanceLock
from superfone_desk.paths import AppPaths
from superfone_desk.store.db import DATABASE_FILENAME, SCHEMA_VERSION
from superfone_desk.store.outbox import Outbox

TIMEOUT = 60


def run_runner(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "superfone_desk.delivery", "--data-dir", str(data_dir),
         "--base-url", "http://127.0.0.1:9"],
        env={**os.environ, "SUPERFONE_API_KEY": "test-key"},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_the_runner_refuses_a_folder_another_instance_holds(tmp_path: Path) -> None:
    folder = AppPaths.under(tmp_path / "portable").data_dir
    folder.mkdir(parents=True)
    with InstanceLock(folder):
        done = run_runner(tmp_path / "portable")
    assert done.returncode == 4
    assert "Another Superfone Desk is using" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (folder / DATABASE_FILENAME).exists()  # it opened nothing


def test_the_runner_refuses_a_damaged_or_newer_outbox_and_leaves_it(tmp_path: Path) -> None:
    folder = AppPaths.under(tmp_path / "portable").data_dir
    folder.mkdir(parents=True)
    database = folder / DATABASE_FILENAME
    database.write_text("not a database\n" * 200, encoding="utf-8")
    done = run_runner(tmp_path / "portable")
    assert (done.returncode, "Traceback" in done.stderr) == (5, False)
    assert "cannot be read" in done.stderr
    assert database.read_text(encoding="utf-8").startswith("not a database")

    database.unlink()
    Outbox.open(database).close()
    conn = sqlite3.connect(database)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    done = run_runner(tmp_path / "portable")
    assert (done.returncode, "Traceback" in done.stderr) == (5, False)
    assert "Update the app" in done.stderr
