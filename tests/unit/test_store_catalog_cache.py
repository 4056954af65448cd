"""store.catalog_cache: the pickers' lists per account, and an identity that hides the key."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from superfone_desk.api.models import Catalog, CatalogItem
from superfone_desk.store.catalog_cache import CatalogCache
from superfone_desk.store.db import Database

KEY = "sk_live_7f3a9c2e1b"
URL = "https://prod-api.superfone.co.in/superfone"
LABELS = [
    CatalogItem(17, "Hot", colour="#ff0000", text_colour="#ffffff"),
    CatalogItem(18, "Old Campaign", status="DISABLED"),
]
STAGES = [CatalogItem(9, "New Lead", position=1.0), CatalogItem(10, "Qualified", position=2.0)]
WHEN = datetime(2026, 5, 20, 15, 0, 0, 123000, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "db.sqlite3") as database:
        yield database


def test_save_and_load_per_account_and_catalog(db: Database) -> None:
    cache = CatalogCache(db)
    mine = cache.api_identity(URL, KEY)
    cache.save(mine, Catalog.LABELS, LABELS, WHEN)
    cache.save(mine, Catalog.STAGES, STAGES, WHEN + timedelta(seconds=1))
    assert cache.load(mine, Catalog.LABELS) == (LABELS, WHEN)
    assert cache.load(mine, Catalog.STAGES) == (STAGES, WHEN + timedelta(seconds=1))
    assert cache.load(mine, Catalog.PRODUCTS) is None
    assert cache.load(cache.api_identity(URL, "another-key"), Catalog.LABELS) is None


def test_a_new_fetch_replaces_the_old_list(db: Database) -> None:
    cache = CatalogCache(db)
    mine = cache.api_identity(URL, KEY)
    cache.save(mine, Catalog.LABELS, LABELS, WHEN)
    later = WHEN.astimezone(timezone(timedelta(hours=5, minutes=30))) + timedelta(hours=1)
    cache.save(mine, Catalog.LABELS, LABELS[:1], later)
    rows, fetched = cache.load(mine, Catalog.LABELS) or ([], WHEN)
    assert rows == LABELS[:1]
    assert fetched == later
    assert fetched.tzinfo is UTC


def test_an_empty_list_is_cached_as_empty(db: Database) -> None:
    cache = CatalogCache(db)
    cache.save("acct", Catalog.GROUPS, [], WHEN)
    assert cache.load("acct", Catalog.GROUPS) == ([], WHEN)


def test_naive_times_are_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CatalogCache(db).save("acct", Catalog.LABELS, LABELS, datetime(2026, 1, 1))


def test_forget(db: Database) -> None:
    cache = CatalogCache(db)
    cache.save("a", Catalog.LABELS, LABELS, WHEN)
    cache.save("b", Catalog.LABELS, LABELS, WHEN)
    cache.forget("a")
    assert cache.load("a", Catalog.LABELS) is None
    assert cache.load("b", Catalog.LABELS) is not None
    cache.forget()
    assert cache.load("b", Catalog.LABELS) is None


def test_identity_tells_accounts_and_servers_apart(db: Database) -> None:
    cache = CatalogCache(db)
    mine = cache.api_identity(URL, KEY)
    assert len(mine) == 16
    assert int(mine, 16) >= 0
    assert cache.api_identity(URL + "/", " " + KEY + "\n") == mine
    assert cache.api_identity(URL, KEY + "x") != mine
    assert cache.api_identity("http://127.0.0.1:8765/superfone", KEY) != mine


def test_identity_is_stable_per_install_and_differs_between_installs(tmp_path: Path) -> None:
    with Database.open(tmp_path / "one.sqlite3") as db:
        first = CatalogCache(db).api_identity(URL, KEY)
    with Database.open(tmp_path / "one.sqlite3") as db:
        assert CatalogCache(db).api_identity(URL, KEY) == first
    with Database.open(tmp_path / "two.sqlite3") as db:
        # Another install has another salt: the tag means nothing outside its database.
        assert CatalogCache(db).api_identity(URL, KEY) != first


def test_the_key_is_not_in_the_file_in_any_form(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "db.sqlite3"
    with Database.open(path) as db:
        cache = CatalogCache(db)
        cache.save(cache.api_identity(URL, KEY), Catalog.LABELS, LABELS, WHEN)
        with db.read() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stored = path.read_bytes()
    assert KEY.encode() not in stored
    for digest in (hashlib.sha256, hashlib.sha1, hashlib.md5):
        plain = digest(KEY.encode()).hexdigest()
        salted_url = digest((URL + "\n" + KEY).encode()).hexdigest()
        for text in (plain, salted_url):
            assert text.encode() not in stored
            assert text[:16].encode() not in stored
