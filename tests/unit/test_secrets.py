"""SecretStore: environment first, then the keyring, else this session only."""

from __future__ import annotations

import logging

import pytest
from keyring.backends import fail, null

from superfone_desk.secrets import (
    ENV_VAR,
    SERVICE,
    USERNAME,
    KeySource,
    SecretStore,
    backend_is_usable,
)
from tests.helpers.memory_keyring import MemoryKeyring


def test_saved_key_goes_to_the_keyring_and_comes_back() -> None:
    ring = MemoryKeyring()
    store = SecretStore(ring, environ={})
    assert store.save("  k-123  ") is KeySource.KEYRING
    assert ring.passwords == {(SERVICE, USERNAME): "k-123"}
    loaded = SecretStore(ring, environ={}).load()
    assert loaded.key == "k-123"
    assert loaded.source is KeySource.KEYRING
    assert "k-123" not in repr(loaded)


def test_environment_overrides_and_is_not_written() -> None:
    ring = MemoryKeyring()
    ring.set_password(SERVICE, USERNAME, "stored")
    loaded = SecretStore(ring, environ={ENV_VAR: "from-env"}).load()
    assert (loaded.key, loaded.source) == ("from-env", KeySource.ENVIRONMENT)
    assert ring.passwords == {(SERVICE, USERNAME): "stored"}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_keyring_keeps_the_key_for_this_session(backend: object) -> None:
    store = SecretStore(backend, environ={})
    assert not store.has_keyring
    assert "session only" in store.where()
    assert store.save("k-456") is KeySource.SESSION
    assert store.load().key == "k-456"
    assert SecretStore(backend, environ={}).load().key is None  # gone with the session


def test_delete_removes_the_key_from_the_keyring() -> None:
    ring = MemoryKeyring()
    store = SecretStore(ring, environ={})
    store.save("k-789")
    store.delete()
    assert ring.passwords == {}
    assert store.load().key is None
    store.delete()  # nothing left to delete is fine


class _BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("the keyring is locked: secret k-999")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"cannot store {password}")


def test_a_broken_keyring_never_leaks_the_key_into_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = SecretStore(_BrokenKeyring(), environ={})
    assert store.load().key is None
    assert store.save("k-999") is KeySource.SESSION
    assert "k-999" not in caplog.text
    assert "RuntimeError" in caplog.text


def test_backend_usability() -> None:
    assert backend_is_usable(MemoryKeyring())
    assert not backend_is_usable(fail.Keyring())
    assert not backend_is_usable(null.Keyring())


def test_empty_key_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        SecretStore(MemoryKeyring(), environ={}).save("   ")
