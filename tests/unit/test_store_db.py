"""store.db: opening, pragmas, and schema migrations (a v1 database opened by this code)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from superfone_desk.api.models import Catalog, CatalogItem
from superfone_desk.store.catalog_cache import CatalogCache
from superfone_desk.store.db import SCHEMA_VERSION, Database, SchemaTooNew, migrate
from superfone_desk.store.outbox import EntryState, NoteStatus, Outbox

# Schema version 1 exactly as the first release created it. A literal on purpose: it must
# not follow later edits of the migration code, which is what this test checks.
SCHEMA_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    seq             INTEGER NOT NULL,
    created_at      REAL    NOT NULL,
    updated_at      REAL    NOT NULL,
    state           TEXT    NOT NULL,
    phone           TEXT    NOT NULL,
    name            TEXT    NOT NULL DEFAULT '',
    summary         TEXT    NOT NULL DEFAULT '',
    region          TEXT    NOT NULL,
    draft_json      TEXT    NOT NULL,
    known_primary   TEXT,
    known_exists    INTEGER,
    requests_json   TEXT,
    next_request    INTEGER NOT NULL DEFAULT 0,
    in_flight       INTEGER NOT NULL DEFAULT 0,
    primary_phone   TEXT,
    created         INTEGER,
    note_status     TEXT    NOT NULL DEFAULT 'none',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL    NOT NULL DEFAULT 0,
    last_error      TEXT,
    error_field     TEXT,
    sent_at         REAL,
    note_entry_id   INTEGER
);
CREATE INDEX outbox_state_seq ON outbox (state, seq);
INSERT INTO outbox (seq, created_at, updated_at, state, phone, name, summary, region,
    draft_json, note_status)
VALUES (1, 1700000000.0, 1700000000.0, 'queued', '+918000000001', 'Asha Kumar',
    '+91 80000 00001 — Asha Kumar', 'IN',
    '{"v": 1, "customer_phone": "80000 00001", "first_name": "Asha", "last_name": "Kumar",
      "customer_note": "Call after 6 PM", "lead_stage": {"state": "set", "value": "New Lead"}}',
    'pending');
INSERT INTO outbox (seq, created_at, updated_at, state, phone, name, summary, region,
    draft_json, requests_json, next_request, primary_phone, created, note_status, sent_at)
VALUES (2, 1700000001.0, 1700000002.0, 'sent', '+919845012345', 'Anil Sharma',
    '+91 98450 12345 — Anil Sharma', 'IN', '{"v": 1, "customer_phone": "+919845012345"}',
    '[{"customer_phone": "+919845012345"}]', 1, '+919845012345', 0, 'none', 1700000002.0);
PRAGMA user_version = 1;
"""


def _make_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA_V1)
    finally:
        conn.close()


def test_a_new_database_gets_the_current_schema(tmp_path: Path) -> None:
    with Database.open(tmp_path / "deep" / "folder" / "db.sqlite3") as db:
        assert db.schema_version == SCHEMA_VERSION == 4
        with db.read() as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_a_v1_database_is_migrated_with_its_rows_intact(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _make_v1(path)
    with Database.open(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        with db.read() as conn:
            indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert {"outbox_phone_seq", "catalog_cache"} <= indexes
        outbox = Outbox(db)
        queued, sent = sorted(outbox.entries(), key=lambda entry: entry.id)
        assert queued.state is EntryState.QUEUED
        assert queued.draft.first_name == "Asha"
        assert queued.draft.lead_stage.value == "New Lead"
        assert queued.note_status is NoteStatus.PENDING
        assert (sent.state, sent.created, sent.next_request) == (EntryState.SENT, False, 1)
        # The old rows work with the new code: claimed, and new ones line up after them.
        added = outbox.add(queued.draft, "IN")
        claimed = outbox.claim()
        assert claimed is not None
        assert claimed.id == queued.id
        assert added > sent.id
        # ...and the step's new table is usable.
        cache = CatalogCache(db)
        identity = cache.api_identity("https://x.example/superfone", "key")
        cache.save(identity, Catalog.LABELS, [CatalogItem(1, "Hot")], queued.created_at)
        assert cache.load(identity, Catalog.LABELS) == ([CatalogItem(1, "Hot")], queued.created_at)


def test_opening_twice_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Database.open(path).close()
    with Database.open(path) as db:
        assert db.schema_version == SCHEMA_VERSION


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer version of Superfone Desk") as info:
        Database.open(path)
    assert (info.value.found, info.value.supported) == (99, SCHEMA_VERSION)


def test_a_failing_step_leaves_the_previous_version(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise RuntimeError("step 2 failed")

    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(RuntimeError, match="step 2 failed"):
            migrate(conn, [("CREATE TABLE one (x)",), broken])
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert tables == {"one"}
    finally:
        conn.close()


def test_a_closed_database_refuses_use(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "db.sqlite3")
    db.close()
    db.close()  # idempotent
    with pytest.raises(sqlite3.ProgrammingError, match="closed"), db.read():
        pass


def test_a_failed_transaction_is_rolled_back(tmp_path: Path) -> None:
    with Database.open(tmp_path / "db.sqlite3") as db:

        def half_done() -> None:
            with db.transaction() as conn:
                conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
                raise ZeroDivisionError

        with pytest.raises(ZeroDivisionError):
            half_done()
        with db.read() as conn:
            assert conn.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 0
        with db.transaction(durable=True) as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
        with db.read() as conn:
            assert conn.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 1
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # back to NORMAL
