"""``--self-test`` as installers run it: a real process, offscreen, no account."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def run_self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "superfone_desk", "--self-test", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        timeout=120,
        check=False,
    )


def test_no_keyring_is_a_warning_that_says_what_it_means(tmp_path: Path) -> None:
    result = run_self_test(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    lines = result.stdout.splitlines()
    warnings = [line for line in lines if line.startswith("WARNING keyring backend:")]
    assert len(warnings) == 1, result.stdout + result.stderr
    assert "kept for the session only" in warnings[0]
    assert not [line for line in lines if line.startswith("FAIL")], result.stdout
    assert lines[-1] == "self-test passed with 1 warning(s)"
    assert result.returncode == 0
