"""The key in a real Secret Service keyring (gnome-keyring on a private D-Bus session).

Skipped only where the keyring daemon or D-Bus is absent; .ci/setup installs both.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WITH_KEYRING = ROOT / ".ci" / "with-keyring"

SCRIPT = """
import keyring
from superfone_desk.secrets import KeySource, SecretStore
store = SecretStore(keyring.get_keyring(), environ={})
print("backend", store.backend_name, store.has_keyring)
print("where", store.where(KeySource.KEYRING))
print("saved", store.save("real-keyring-key-42").value)
print("loaded", SecretStore(keyring.get_keyring(), environ={}).load().key)
store.delete()
print("after delete", SecretStore(keyring.get_keyring(), environ={}).load().key)
"""

needs_daemon = pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="gnome-keyring-daemon or dbus-run-session is not installed",
)


@needs_daemon
def test_key_round_trip_in_the_secret_service() -> None:
    result = subprocess.run(
        [str(WITH_KEYRING), sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("backend "), lines
    assert lines[0].endswith(" True"), lines
    assert "SecretService" in lines[0] or "Secret Service" in lines[0]
    assert "system keyring" in lines[1]
    assert lines[2] == "saved keyring"
    assert lines[3] == "loaded real-keyring-key-42"
    assert lines[4] == "after delete None"


@needs_daemon
def test_self_test_passes_with_a_real_keyring(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            str(WITH_KEYRING),
            sys.executable,
            "-m",
            "superfone_desk",
            "--self-test",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   keyring backend" in result.stdout
    assert "ok   main window + demo round trip" in result.stdout
    assert result.stdout.rstrip().endswith("self-test passed")


def test_self_test_warns_without_a_keyring(tmp_path: Path) -> None:
    # The app works without a keyring (the key lasts the session), so this is a
    # warning that says so, not a failed install (issue #13).
    result = subprocess.run(
        [sys.executable, "-m", "superfone_desk", "--self-test", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
        env={**_clean_env(), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [warning] = [line for line in result.stdout.splitlines() if line.startswith("WARNING")]
    assert warning.startswith("WARNING keyring backend: no system keyring")
    assert "kept for the session only" in warning
    assert "FAIL" not in result.stdout
    assert "ok   main window + demo round trip" in result.stdout
    assert result.stdout.rstrip().endswith("self-test passed with 1 warning(s)")


def test_version() -> None:
    from superfone_desk import __version__

    result = subprocess.run(
        [sys.executable, "-m", "superfone_desk", "--version"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
        cwd=ROOT,
    )
    assert result.stdout.strip() == f"Superfone Desk {__version__}"


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
