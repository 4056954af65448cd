"""The account identity: which Superfone account a key belongs to, without the key.

Two API keys (or two servers) are two accounts: their catalogs differ, and a lead saved
under one must never be sent with the other. Both the catalog cache and the outbox need
to tell accounts apart without writing the key in any form that gives it away: a plain
hash of a key can be checked against guesses by anyone who reads the file. So the
identity is ``HMAC-SHA256(install_salt, base_url + "\\n" + key)``, cut to 16 hex digits
(64 bits: collisions among the few accounts of one install are out of the question).
``install_salt`` is 32 random bytes made once per database (``secrets``), kept in its
``meta`` table. Without the salt nobody can test a guessed key against the file; with the
file alone, they have the salt but still only a 64-bit tag of an HMAC, which identifies
nothing outside this install.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from superfone_desk.store.db import Database

__all__ = ["account_identity"]

_SALT_KEY = "install_salt"
_IDENTITY_HEX_DIGITS = 16


def account_identity(db: Database, base_url: str, api_key: str) -> str:
    """A stable tag for the account behind ``api_key`` at ``base_url`` (see above)."""
    salt = bytes.fromhex(_install_salt(db))
    # Trailing slashes do not make another server.
    message = f"{base_url.strip().rstrip('/')}\n{api_key.strip()}".encode()
    digest = hmac.new(salt, message, hashlib.sha256).hexdigest()
    return digest[:_IDENTITY_HEX_DIGITS]


def _install_salt(db: Database) -> str:
    with db.read() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (_SALT_KEY,)).fetchone()
    if row is not None:
        return str(row[0])
    with db.transaction() as conn:
        # Another thread may have made it meanwhile: keep the first one.
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
            (_SALT_KEY, secrets.token_hex(32)),
        )
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (_SALT_KEY,)).fetchone()
    return str(row[0])
