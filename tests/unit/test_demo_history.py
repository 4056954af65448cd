"""Each --demo start begins with an empty history, as its sandbox begins empty."""

from __future__ import annotations

from pathlib import Path

from superfone_desk.app import _database_path, forget_demo_history
from superfone_desk.core.draft import LeadDraft
from superfone_desk.paths import AppPaths
from superfone_desk.store.outbox import Outbox


def test_a_new_demo_starts_with_no_history(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path).ensure()
    demo, real = _database_path(paths, True), _database_path(paths, False)
    assert demo != real
    for path in (demo, real):
        with Outbox.open(path) as outbox:
            outbox.add(LeadDraft(customer_phone="80000 00091"), "IN", known_primary=None,
                       known_exists=False)
    forget_demo_history(demo)
    with Outbox.open(demo) as outbox:
        assert outbox.unsent_count() == 0
    with Outbox.open(real) as outbox:
        assert outbox.unsent_count() == 1, "a real account's outbox is never touched"
