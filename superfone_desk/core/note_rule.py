"""The timeline-note rule on stored request bodies (JSON objects of the lead upsert).

A note is an event, not a field: posted twice it shows twice on the lead's timeline. So
when a request that carried it had an unknown outcome, the note leaves that request and
the rest is retried without it (docs/outbox.md). Delivery and the store's crash recovery
both apply this rule; it lives here so neither owns it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from superfone_desk.api.models import OMITTED

__all__ = ["sends_note", "without_note"]

_ONLY_ADDRESSING = frozenset({"customer_phone", "create_customer_if_customer_phone_not_found"})


def sends_note(body: Mapping[str, Any]) -> bool:
    """Whether the stored request ``body`` posts a timeline note."""
    return body.get("customer_note") not in (None, OMITTED, "")


def without_note(body: Mapping[str, Any]) -> dict[str, Any] | None:
    """``body`` minus the note; None when nothing worth sending is left.

    Left with only the phone and no "create" it would change nothing; with "create" it is
    kept, because it may be what creates the lead.
    """
    rest = {key: value for key, value in body.items() if key != "customer_note"}
    if (
        set(rest) <= _ONLY_ADDRESSING
        and rest.get("create_customer_if_customer_phone_not_found") is not True
    ):
        return None
    return rest
