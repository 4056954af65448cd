"""A catalog the server serves short is shown as short, never silently (issue #11).

The sandbox caps pages below the asked size (``page-cap``) and fails pages: the fetch's
own re-reads cannot complete the list, so the picker says "30 of 86 loaded" with a Retry
that fetches it again, and the short list is never cached as the account's list.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot

from superfone_desk.api.models import Catalog
from superfone_desk.sandbox import SandboxServer
from superfone_desk.sandbox.variants import PAGE_CAP
from superfone_desk.store.catalog_cache import CatalogCache
from tests.gui.conftest import KEY, WindowFactory, wait_idle

pytestmark = pytest.mark.gui

STAGES = "GET /enterprise/api/lead-stage"


def test_a_list_served_short_says_so_and_retry_fetches_it_again(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    account = sandbox.account(KEY)
    for i in range(80):
        account.add_stage(f"Stage {i:02d}")
    total = len(account.stages)
    sandbox.variants.set(["page-cap"])
    # Read 1: page 1 (asked 50, served 30), page 1 again at 30, then one of pages 2-3
    # fails; read 2 fails outright. What read 1 got is all there is.
    sandbox.faults.queue("ok", "ok", "status:500", "ok", "status:500", match=STAGES)
    window = make_window()
    picker = window.form.picker("lead_stage_name")
    status = window.form.findChild(QLabel, "lead_stage_name_status")
    retry = window.form.findChild(QToolButton, "lead_stage_name_retry")

    assert len(picker.items()) == PAGE_CAP  # what arrived is usable...
    assert f"{PAGE_CAP} of {total} loaded" in status.text()  # ...and says it is short
    assert status.isVisible()
    assert retry.isVisible()
    cache = CatalogCache(window.outbox.db)
    identity = window.connection.account
    assert identity is not None
    assert cache.load(identity, Catalog.STAGES) is None  # never cached as the list

    retry.click()
    qtbot.waitUntil(lambda: len(picker.items()) == total, timeout=10_000)
    wait_idle(qtbot, window)
    assert not status.isVisible()
    assert not retry.isVisible()
    cached = cache.load(identity, Catalog.STAGES)
    assert cached is not None
    assert len(cached[0]) == total


def test_a_short_list_does_not_replace_the_cached_whole_one(
    qtbot: QtBot, sandbox: SandboxServer, make_window: WindowFactory
) -> None:
    account = sandbox.account(KEY)
    for i in range(80):
        account.add_stage(f"Stage {i:02d}")
    total = len(account.stages)
    window = make_window()  # a whole list, cached
    cache = CatalogCache(window.outbox.db)
    identity = window.connection.account
    assert identity is not None
    sandbox.variants.set(["page-cap"])
    sandbox.faults.queue("ok", "ok", "status:500", "ok", "status:500", match=STAGES)
    window.catalogs.refresh()
    status = window.form.findChild(QLabel, "lead_stage_name_status")
    qtbot.waitUntil(lambda: f"of {total} loaded" in status.text(), timeout=10_000)
    wait_idle(qtbot, window)
    cached = cache.load(identity, Catalog.STAGES)
    assert cached is not None
    assert len(cached[0]) == total
