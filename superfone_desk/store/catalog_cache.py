"""The five catalog lists (labels, stages, groups, products, source types) kept on disk.

The pickers show the cached lists at once at start-up and keep working offline; a fresh
copy is fetched in the background and saved over the old one. Each list is stored with
the time it was fetched, per account.

Accounts without the key
    Two API keys (or two servers) have different catalogs, so the cache is keyed by an
    *account identity*. It must tell accounts apart without writing the key in any form
    that gives it away: a plain hash of a key can be checked against guesses by anyone
    who reads the file. So the identity is ``HMAC-SHA256(install_salt, base_url + "\\n" +
    key)``, cut to 16 hex digits (64 bits: collisions among the few accounts of one
    install are out of the question). ``install_salt`` is 32 random bytes made once per
    database (``secrets``), kept in its ``meta`` table. Without the salt nobody can test
    a guessed key against the file; with the file alone, they have the salt but still
    only a 64-bit tag of an HMAC, which identifies nothing outside this install.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import asdict
from datetime import UTC, datetime

from superfone_desk.api.models import Catalog, CatalogItem
from superfone_desk.store.db import Database

__all__ = ["CatalogCache"]

_SALT_KEY = "install_salt"
_IDENTITY_HEX_DIGITS = 16


class CatalogCache:
    """Catalog lists per account in the app database. Safe to use from any thread."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def api_identity(self, base_url: str, api_key: str) -> str:
        """A stable tag for the account behind ``api_key`` at ``base_url`` (see above)."""
        salt = bytes.fromhex(self._install_salt())
        # Trailing slashes do not make another server.
        message = f"{base_url.strip().rstrip('/')}\n{api_key.strip()}".encode()
        digest = hmac.new(salt, message, hashlib.sha256).hexdigest()
        return digest[:_IDENTITY_HEX_DIGITS]

    def save(
        self,
        api_identity: str,
        catalog: Catalog,
        rows: list[CatalogItem],
        fetched_at: datetime,
    ) -> None:
        """Store ``rows`` as the account's ``catalog``, replacing what was there."""
        if fetched_at.tzinfo is None:
            raise ValueError("fetched_at must be timezone-aware")
        payload = json.dumps([asdict(row) for row in rows], ensure_ascii=False)
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO catalog_cache (api_identity, catalog, rows_json, "
                "fetched_at) VALUES (?, ?, ?, ?)",
                (api_identity, catalog.value, payload, fetched_at.timestamp()),
            )

    def load(
        self, api_identity: str, catalog: Catalog
    ) -> tuple[list[CatalogItem], datetime] | None:
        """The cached rows and when they were fetched (aware UTC), or None.

        A row that no longer reads (a file from a damaged disk, an older format) counts
        as no cache: the caller fetches the list anyway.
        """
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT rows_json, fetched_at FROM catalog_cache "
                "WHERE api_identity = ? AND catalog = ?",
                (api_identity, catalog.value),
            ).fetchone()
        if row is None:
            return None
        try:
            items = [CatalogItem(**item) for item in json.loads(row["rows_json"])]
        except (TypeError, ValueError):
            return None
        return items, datetime.fromtimestamp(row["fetched_at"], UTC)

    def forget(self, api_identity: str | None = None) -> None:
        """Drop one account's lists, or every list."""
        with self._db.transaction() as conn:
            if api_identity is None:
                conn.execute("DELETE FROM catalog_cache")
            else:
                conn.execute("DELETE FROM catalog_cache WHERE api_identity = ?", (api_identity,))

    def _install_salt(self) -> str:
        with self._db.read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (_SALT_KEY,)).fetchone()
        if row is not None:
            return str(row["value"])
        with self._db.transaction() as conn:
            # Another thread or process may have made it meanwhile: the first one wins.
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                (_SALT_KEY, secrets.token_hex(32)),
            )
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (_SALT_KEY,)).fetchone()
        return str(row["value"])
