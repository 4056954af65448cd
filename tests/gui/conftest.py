"""GUI fixtures: a real main window talking to a real sandbox over loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.secrets import SecretStore
from superfone_desk.settings import SettingsStore
from superfone_desk.store.outbox import Outbox
from superfone_desk.ui.main_window import MainWindow, Services
from tests.helpers.memory_keyring import MemoryKeyring

KEY = "gui-test-key"
OTHER_KEY = "gui-other-key"


@pytest.fixture(autouse=True)
def _english(qapp: Any) -> Iterator[None]:
    """Every GUI test starts in English (with its plural forms), whatever one before set."""
    from superfone_desk.ui import i18n
    from tests.helpers.translations import ensure_built

    ensure_built()
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    server = SandboxServer(api_keys=(KEY, OTHER_KEY), seed="demo").start()
    yield server
    server.stop()


class WindowFactory:
    """Builds main windows on the sandbox; every window is shut down after the test."""

    def __init__(self, qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer) -> None:
        self.qtbot = qtbot
        self.sandbox = sandbox
        self.settings_store = SettingsStore(tmp_path / "config")
        self.keyring = MemoryKeyring()
        self.confirm_answers: list[bool] = []
        self.questions: list[str] = []
        self.windows: list[MainWindow] = []
        self.outbox = Outbox.open(tmp_path / "outbox.sqlite3")

    def _confirm(self, _parent: Any, title: str, _text: str) -> bool:
        self.questions.append(title)
        return self.confirm_answers.pop(0) if self.confirm_answers else True

    def services(self, *, key: str | None = KEY, backend: Any = None) -> Services:
        settings = self.settings_store.load()
        settings.default_country = settings.default_country or "IN"
        keyring_backend = self.keyring if backend is None else backend
        if key is not None:
            keyring_backend.set_password("superfone-desk", "api-key", key)
        return Services(
            settings_store=self.settings_store,
            settings=settings,
            secret_store=lambda: SecretStore(keyring_backend, environ={}),
            open_outbox=lambda: self.outbox,
            base_url_override=self.sandbox.base_url,
            confirm=self._confirm,
        )

    def __call__(
        self, services: Services | None = None, *, wait_catalogs: bool = True, **kwargs: Any
    ) -> MainWindow:
        window = MainWindow(services or self.services(**kwargs))
        self.qtbot.addWidget(window)
        self.windows.append(window)
        window.show()
        self.qtbot.waitExposed(window)
        window.start()
        if wait_catalogs:
            wait_idle(self.qtbot, window)
        return window

    def close_all(self) -> None:
        for window in self.windows:
            window.shutdown()
        self.outbox.close()


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer) -> Iterator[WindowFactory]:
    factory = WindowFactory(qtbot, tmp_path, sandbox)
    yield factory
    factory.close_all()


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.pool.active_count == 0, timeout=10_000)


Typer = Callable[[str], None]
