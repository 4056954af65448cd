"""The app's one SQLite database: opening it, its pragmas, and its schema migrations.

The outbox (``store.outbox``) and the catalog cache (``store.catalog_cache``) live in one
file in the user data folder. ``Database.open(path)`` creates it or brings an older one up
to date, one numbered step at a time, before anyone reads it.

Migrations
    ``PRAGMA user_version`` holds the number of steps applied; ``MIGRATIONS`` is the ordered
    list of steps. Each step runs in its own ``BEGIN IMMEDIATE`` transaction together with
    the ``user_version`` bump, so a crash mid-migration leaves the previous version intact.
    Steps are only ever appended, never edited: a user's database may have been made by
    any earlier version. A database newer than this code (the user went back to an older
    app) is refused with ``OutboxTooNew`` rather than guessed at; a file that is not a
    readable SQLite database raises ``OutboxDamaged``. ``move_aside(path)`` then renames it
    (and its -wal/-shm) with a timestamp, never deleting anything, so the app can start
    fresh and the user (or support) still has the old file.

Durability
    WAL journal with ``synchronous=NORMAL``: a commit is in the WAL (and the OS page cache)
    when ``COMMIT`` returns, so it survives the process being killed at any instant. It
    is not fsynced, so a *power loss* may lose the last few such commits (never corrupt
    the file: WAL keeps it consistent). The commits that must survive a power cut as well
    ask for it: ``transaction(durable=True)`` runs that commit with ``synchronous=FULL``
    (the WAL is fsynced before ``COMMIT`` returns). The outbox uses it for every save
    (``add``, ``replace``, ``repost_note``). Delivery progress is not fsynced one commit
    at a time: after a request carrying the timeline note was accepted, the next quiet
    moment (or a second at most) fsyncs (``store.outbox_delivery``), so a power cut can
    only lose the record of a note sent within that request's round trip.
    docs/outbox.md has the cost measured.

The file taken away
    A durable commit first checks that the file it writes is still the one at ``path``
    (the data folder may have been deleted while the app ran: on POSIX the open file
    lives on, unlinked, and would vanish at exit). If it is gone, the whole database is
    copied to ``path`` again (SQLite's backup API, folder recreated) and the connection
    moves there before the commit, so a save reported done is on disk. ``close()`` does
    the same check. If something else now stands at ``path``, a save raises ``OutboxGone``
    (nothing is overwritten) and ``close()`` copies the database beside it
    (``<name>.recovered-<time>``), so nothing saved is lost.

Threads
    One connection, opened with ``check_same_thread=False`` and guarded by one re-entrant
    lock: every read and every transaction holds the lock from its first statement to its
    commit, so no two threads ever interleave on the connection. Nobody holds it across
    network I/O (the delivery engine calls the store between requests), so the GUI
    thread's ``add()`` waits at most for one short commit. One connection rather than one
    per thread keeps closing simple (no connection left behind in a finished thread) and
    costs nothing here: SQLite serialises writers anyway.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

__all__ = [
    "DATABASE_FILENAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Database",
    "Migration",
    "OutboxDamaged",
    "OutboxGone",
    "OutboxOpenError",
    "OutboxTooNew",
    "SchemaTooNew",
    "move_aside",
]

#: The file name inside the user data folder.
DATABASE_FILENAME = "superfone-desk.sqlite3"

#: How long a statement waits for another process's write lock before failing.
BUSY_TIMEOUT_S = 10.0

#: A migration step: SQL statements run in order, or a function given the connection
#: (inside the step's transaction) for what SQL alone cannot do.
Migration = Sequence[str] | Callable[[sqlite3.Connection], None]

_V1: tuple[str, ...] = (
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
    # One row per save. Times are Unix seconds (UTC). See store/outbox.py for each column.
    """
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
    )
    """,
    "CREATE INDEX outbox_state_seq ON outbox (state, seq)",
)

_V2: tuple[str, ...] = (
    # The catalog cache (store/catalog_cache.py): the five pickers' lists per account.
    """
    CREATE TABLE catalog_cache (
        api_identity TEXT NOT NULL,
        catalog      TEXT NOT NULL,
        rows_json    TEXT NOT NULL,
        fetched_at   REAL NOT NULL,
        PRIMARY KEY (api_identity, catalog)
    )
    """,
    # Delivery asks "is an earlier save of this phone still waiting?" for every entry it
    # picks; with thousands of rows that needs an index on (phone, seq).
    "CREATE INDEX outbox_phone_seq ON outbox (phone, seq)",
)

_V3: tuple[str, ...] = (
    # Which account a save belongs to (the catalog cache's HMAC identity of base URL and
    # key, never the key): a lead saved under one key is never sent with another. NULL on
    # rows from before: they go with whatever key is set, as they always did.
    "ALTER TABLE outbox ADD COLUMN account TEXT",
)

_V4: tuple[str, ...] = (
    # Why an entry stopped (store.entry.PauseCause): only a 401 may move it to a new key.
    "ALTER TABLE outbox ADD COLUMN cause TEXT",
    # The import an entry came from (None: typed in the form), to list and count a batch.
    "ALTER TABLE outbox ADD COLUMN batch TEXT",
    "CREATE INDEX outbox_batch ON outbox (batch) WHERE batch IS NOT NULL",
    # A follow-up task that travels with the entry (issue #14); a JSON object or NULL.
    "ALTER TABLE outbox ADD COLUMN followup_json TEXT",
)

#: Every schema step, in order. Append only.
MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3, _V4)
SCHEMA_VERSION = len(MIGRATIONS)


class OutboxOpenError(RuntimeError):
    """The database file cannot be used; ``path`` names it, the message is safe to show."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class OutboxTooNew(OutboxOpenError):
    """The database was made by a newer version of the app; this one must not touch it."""

    def __init__(self, found: int, supported: int, path: Path | None = None) -> None:
        super().__init__(
            f"The local database was written by a newer version of Superfone Desk (schema "
            f"{found}; this version knows up to {supported}). Update the app.",
            path,
        )
        self.found = found
        self.supported = supported


#: The name this error had before it joined the family (kept for callers).
SchemaTooNew = OutboxTooNew


class OutboxDamaged(OutboxOpenError):
    """The file is not a readable SQLite database (damaged, or not ours at all)."""


class OutboxGone(OutboxOpenError):
    """The database file was replaced by another file while the app had it open."""


def move_aside(path: Path | str, *, now: datetime | None = None) -> list[Path]:
    """Rename the database at ``path`` and its -wal/-shm files out of the way; the new
    names (``<name>.damaged-YYYYmmdd-HHMMSS[-wal|-shm]``). Nothing is ever deleted."""
    path = Path(path)
    base = _beside(path, "damaged", now).name
    moved = []
    for suffix in ("", "-wal", "-shm"):
        source = path.parent / f"{path.name}{suffix}"
        if source.exists():
            target = path.parent / f"{base}{suffix}"
            source.rename(target)
            moved.append(target)
    return moved


def user_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the steps ``conn`` lacks, each in its own transaction; the version reached.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    version = user_version(conn)
    if version > len(migrations):
        raise OutboxTooNew(version, len(migrations))
    for number in range(version + 1, len(migrations) + 1):
        step = migrations[number - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            if user_version(conn) >= number:
                conn.execute("ROLLBACK")
                continue
            if callable(step):
                step(conn)
            else:
                for statement in step:
                    conn.execute(statement)
            # user_version lives in the database header and is part of this transaction.
            conn.execute(f"PRAGMA user_version = {number:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return user_version(conn)


class Database:
    """The open database: one connection and the lock that serialises its use.

    ``transaction()`` for writes, ``read()`` for reads; both hold the lock throughout.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self._closed = False
        self._file_id = _file_id(path)
        #: When a commit was last fsynced (monotonic seconds); every commit before it is
        #: on disk too (the WAL is written in order).
        self.synced_at = time.monotonic()
        self._functions: list[tuple[str, int, Callable[..., str | int | float | None]]] = []

    @classmethod
    def open(cls, path: Path | str, *, migrations: Sequence[Migration] = MIGRATIONS) -> Database:
        """Open (creating folder and file if needed) and migrate the database at ``path``.

        ``OutboxDamaged``: not a readable SQLite file; ``OutboxTooNew``: made by a newer
        app. Other ``sqlite3`` errors (a read-only folder, a lock) pass through.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(path)
        try:
            _configure(conn, path)
            migrate(conn, migrations)
        except OutboxTooNew as exc:
            conn.close()
            exc.path = path
            raise
        except sqlite3.OperationalError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
            conn.close()
            raise OutboxDamaged(
                f"The local database {path.name} cannot be read ({exc}).", path
            ) from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def create_function(
        self, name: str, arity: int, function: Callable[..., str | int | float | None]
    ) -> None:
        """An SQL function on the connection, kept when the connection is renewed."""
        with self._lock:
            self._functions.append((name, arity, function))
            self._conn.create_function(name, arity, function, deterministic=True)

    @property
    def schema_version(self) -> int:
        with self.read() as conn:
            return user_version(conn)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection, for reads only, with the lock held."""
        with self._lock:
            self._check_open()
            yield self._conn

    @contextmanager
    def transaction(self, *, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``), committed when the block ends.

        ``durable=True`` fsyncs this commit (``synchronous=FULL``) so it survives a power
        loss as well as a crash; see the module docstring for when that is worth it.
        """
        with self._lock:
            self._check_open()
            if durable:
                self._ensure_on_disk()
            conn = self._conn
            if durable:
                # synchronous can only change outside a transaction.
                conn.execute("PRAGMA synchronous = FULL")
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
                if durable:
                    self.synced_at = time.monotonic()
            finally:
                if durable:
                    conn.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        """Close the connection; idempotent. Waits for a running transaction."""
        with self._lock:
            if not self._closed:
                try:
                    self._ensure_on_disk()
                except OutboxGone:
                    # Never over the other file, and never lost: beside it.
                    self._copy_to(_beside(self.path, "recovered"))
                finally:
                    self._closed = True
                    self._conn.close()

    def ensure_on_disk(self) -> None:
        """Make sure the open database is the file at ``path`` (module docstring)."""
        with self._lock:
            self._check_open()
            self._ensure_on_disk()

    def _ensure_on_disk(self) -> None:
        current = _file_id(self.path)
        if current == self._file_id:
            return
        if current is not None:
            raise OutboxGone(
                f"The local database {self.path} was replaced by another file while the app "
                "was running; the app keeps what it has and writes nothing over it.",
                self.path,
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = self._copy_to(self.path, keep_open=True)
        assert fresh is not None
        for name, arity, function in self._functions:
            fresh.create_function(name, arity, function, deterministic=True)
        self._conn.close()
        self._conn = fresh
        self._file_id = _file_id(self.path)

    def _copy_to(self, path: Path, *, keep_open: bool = False) -> sqlite3.Connection | None:
        """Copy the whole open database to a new file at ``path`` (SQLite's backup API)."""
        fresh = _connect(path)
        try:
            self._conn.backup(fresh)
            _configure(fresh, path)
        except BaseException:
            fresh.close()
            raise
        if keep_open:
            return fresh
        fresh.close()
        return None

    def _check_open(self) -> None:
        if self._closed:
            raise sqlite3.ProgrammingError("the database is closed")

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _beside(path: Path, why: str, now: datetime | None = None) -> Path:
    """A free name next to ``path``: ``<name>.<why>-YYYYmmdd-HHMMSS[-n]`` (with no -wal or
    -shm file of that name either)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    base, number = f"{path.name}.{why}-{stamp}", 1
    while any((path.parent / f"{base}{s}").exists() for s in ("", "-wal", "-shm")):
        number += 1
        base = f"{path.name}.{why}-{stamp}-{number}"
    return path.parent / base


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,  # guarded by Database._lock, see the module docstring
    )
    # Rows are read by column name everywhere (and still by index where handy).
    conn.row_factory = sqlite3.Row
    return conn


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"could not switch {path.name} to WAL ({mode})")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def _file_id(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` (device, inode); None when there is none."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino
