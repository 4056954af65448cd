"""The delivery engine's writes of an entry's follow-up (issue #14), one transaction each.

Kept apart from ``store.outbox_delivery``: the follow-up stage records its progress in
the entry's ``followup_json`` column, and while it works the entry is ``sending`` (the
transaction recording its last lead request leaves it so while the follow-up is not
booked: ``FOLLOWUP_LEFT``), so a crash at any point leaves it for ``recover()`` to queue,
and the stage then checks before booking again.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from superfone_desk.store.entry import EntryState

if TYPE_CHECKING:
    from superfone_desk.store.db import Database

__all__ = ["record_followup"]


def record_followup(
    db: Database,
    entry_id: int,
    followup: dict[str, Any],
    now: float | None = None,
    *,
    sending: bool = False,
    durable: bool = False,
) -> None:
    """Store ``followup`` (a ``FollowUpRecord`` as JSON) on the entry. ``sending``: the
    entry is being worked on again (committed before any request of the stage);
    ``durable``: fsynced (a follow-up the user just booked on an entry they fixed)."""
    now = time.time() if now is None else now
    with db.transaction(durable=durable) as conn:
        conn.execute(
            "UPDATE outbox SET followup_json = ?, updated_at = ?, "
            "state = CASE WHEN ? THEN ? ELSE state END WHERE id = ?",
            (json.dumps(followup, ensure_ascii=False), now, sending, EntryState.SENDING, entry_id),
        )
