"""Shared fixtures. Every test runs with Qt offscreen, an in-memory keyring, and
settings/data folders under tmp_path: no test touches the real user's state."""

from __future__ import annotations

import os

# Before anything imports Qt: without a display, Qt would abort the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402

from tests.helpers.memory_keyring import MemoryKeyring  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("SUPERFONE_API_KEY", raising=False)
    previous = keyring.get_keyring()
    # A safety net: code under test gets its keyring injected, but nothing may ever
    # reach the developer's real keyring by accident.
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()
