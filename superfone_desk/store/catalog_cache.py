"""The five catalog lists (labels, stages, groups, products, source types) kept on disk.

The pickers show the cached lists at once at start-up and keep working offline; a fresh
copy is fetched in the background and saved over the old one. Each list is stored with
the time it was fetched, per account.

Accounts
    Two API keys (or two servers) have different catalogs, so the cache is keyed by the
    account identity of ``store.account`` (an HMAC tag, never the key).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from superfone_desk.api.catalogs import CatalogRows
from superfone_desk.api.models import Catalog, CatalogItem
from superfone_desk.store.account import account_identity
from superfone_desk.store.db import Database

__all__ = ["CatalogCache"]

#: Rows per JSON call: each ``json.dumps``/``loads`` is one C call holding the GIL, so
#: 10,000 labels in one call kept the GUI thread waiting 15-30 ms; 500 rows take ~1 ms.
_CHUNK_ROWS = 500


class CatalogCache:
    """Catalog lists per account in the app database. Safe to use from any thread."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def api_identity(self, base_url: str, api_key: str) -> str:
        """``store.account.account_identity`` of this database (kept for the UI's call)."""
        return account_identity(self._db, base_url, api_key)

    def save(
        self,
        api_identity: str,
        catalog: Catalog,
        rows: list[CatalogItem],
        fetched_at: datetime,
    ) -> None:
        """Store ``rows`` as the account's ``catalog``, replacing what was there.

        A list the server served short (``CatalogRows.complete`` False) is not stored: it
        would show as the account's list, fresh, at the next start (issue #11). What was
        cached before stays.
        """
        if fetched_at.tzinfo is None:
            raise ValueError("fetched_at must be timezone-aware")
        if isinstance(rows, CatalogRows) and not rows.complete:
            return
        # Rows as short lists, not dicts, encoded a chunk at a time: the whole is still one
        # JSON array, with one line per chunk (JSON strings never hold a raw newline), so
        # ``load`` can decode it a line at a time too.
        lines = []
        for start in range(0, len(rows), _CHUNK_ROWS):
            chunk = [
                [row.id, row.title, row.status, row.position, row.colour, row.text_colour]
                for row in rows[start : start + _CHUNK_ROWS]
            ]
            lines.append(json.dumps(chunk, ensure_ascii=False, separators=(",", ":"))[1:-1])
        payload = "[\n" + ",\n".join(lines) + "\n]"
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
            items = [
                CatalogItem(*item) if isinstance(item, list) else CatalogItem(**item)
                for item in _decode_rows(row["rows_json"])
            ]
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


def _decode_rows(text: str) -> list[Any]:
    """The rows ``save`` wrote: a line (chunk) at a time; older one-line blobs whole."""
    if not text.startswith("[\n"):
        decoded = json.loads(text)
        if not isinstance(decoded, list):
            raise ValueError("not a list of rows")
        return decoded
    rows: list[Any] = []
    for line in text[2:].split("\n"):
        line = line.rstrip(",")
        if line and line != "]":
            rows.extend(json.loads(f"[{line}]"))
    return rows
