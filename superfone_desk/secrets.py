"""The API key: kept in the OS keyring, or for this session only when there is none.

The key can read and write a whole CRM account, so it is never written to a file, a
log or an exception. Three places can hold it, in this order of precedence:

1. ``SUPERFONE_API_KEY`` in the environment (managed installs). Read, never written.
2. The OS keyring through ``keyring`` (Secret Service, macOS Keychain, Windows
   Credential Manager).
3. Memory, for this session only, when the system has no usable keyring backend.

Keyring calls can block (D-Bus, an unlock prompt), so the app calls ``load`` and
``save`` from a worker thread, once, never per keystroke or per request.
"""

from __future__ import annotations

import enum
import logging
import os
from dataclasses import dataclass
from typing import Any

from superfone_desk.core.i18n import F_, N_

log = logging.getLogger(__name__)

SERVICE = "superfone-desk"
USERNAME = "api-key"
ENV_VAR = "SUPERFONE_API_KEY"


class KeySource(enum.Enum):
    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    SESSION = "session"
    NONE = "none"


@dataclass(frozen=True)
class StoredKey:
    """A key and where it came from. ``repr`` never shows the key."""

    key: str | None
    source: KeySource

    def __repr__(self) -> str:
        shown = "set" if self.key else "none"
        return f"StoredKey(key=<{shown}>, source={self.source.value})"


def backend_is_usable(backend: Any) -> bool:
    """False for keyring's "fail" and "null" backends, which store nothing."""
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    # The chainer wraps the real backends; it is usable only if it wraps one.
    if module.startswith("keyring.backends.chainer"):
        return any(backend_is_usable(b) for b in getattr(backend, "backends", ()))
    priority = getattr(backend, "priority", 1)
    return bool(priority is None or priority > 0)


def describe_backend(backend: Any) -> str:
    """A name for people: "Secret Service", "macOS Keychain", ..."""
    if not backend_is_usable(backend):
        return "no keyring"
    name = getattr(backend, "name", None) or type(backend).__name__
    if type(backend).__module__.startswith("keyring.backends.chainer"):
        usable = [b for b in backend.backends if backend_is_usable(b)]
        name = describe_backend(usable[0]) if usable else name
    return str(name)


class SecretStore:
    """Where the API key lives. Pass the keyring backend in; tests use an in-memory one."""

    def __init__(self, backend: Any | None = None, environ: dict[str, str] | None = None) -> None:
        if backend is None:
            import keyring

            backend = keyring.get_keyring()
        self._backend = backend
        self._environ = os.environ if environ is None else environ
        self._session_key: str | None = None

    @property
    def has_keyring(self) -> bool:
        return backend_is_usable(self._backend)

    @property
    def backend_name(self) -> str:
        return describe_backend(self._backend)

    def where(self, source: KeySource | None = None) -> str:
        """One sentence for the settings dialog: where a saved key goes or came from."""
        if source is KeySource.ENVIRONMENT:
            return F_(
                "Set by the {variable} environment variable; not stored by this app.",
                variable=ENV_VAR,
            )
        if self.has_keyring:
            return F_("Stored in your system keyring ({backend}).", backend=self.backend_name)
        return N_("No system keyring found: the key is kept for this session only.")

    def load(self) -> StoredKey:
        env_key = self._environ.get(ENV_VAR, "").strip()
        if env_key:
            return StoredKey(env_key, KeySource.ENVIRONMENT)
        if self._session_key:
            return StoredKey(self._session_key, KeySource.SESSION)
        if self.has_keyring:
            try:
                key = self._backend.get_password(SERVICE, USERNAME)
            except Exception as exc:
                # A locked or broken keyring must not stop the app; the user can re-enter it.
                log.warning("Could not read the keyring (%s)", type(exc).__name__)
                return StoredKey(None, KeySource.NONE)
            if key:
                return StoredKey(key, KeySource.KEYRING)
        return StoredKey(None, KeySource.NONE)

    def save(self, key: str) -> KeySource:
        """Keep ``key``; returns where it went. Never a plaintext file."""
        key = key.strip()
        if not key:
            raise ValueError("The API key is empty.")
        if self.has_keyring:
            try:
                self._backend.set_password(SERVICE, USERNAME, key)
            except Exception as exc:
                log.warning(
                    "Could not write the keyring (%s); keeping the key for this session only",
                    type(exc).__name__,
                )
            else:
                self._session_key = None
                return KeySource.KEYRING
        self._session_key = key
        return KeySource.SESSION

    def delete(self) -> None:
        """Forget the key everywhere this app put it."""
        self._session_key = None
        if not self.has_keyring:
            return
        try:
            self._backend.delete_password(SERVICE, USERNAME)
        except Exception as exc:
            # keyring raises PasswordDeleteError when there was nothing to delete.
            log.info("Nothing deleted from the keyring (%s)", type(exc).__name__)
