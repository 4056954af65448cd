"""Variants: the other answers a real Superfone may give where its docs are silent.

The sandbox makes one choice for each gap in the docs (CONTRACT §12). A variant makes
another plausible one, so tests exercise the alternatives, not only our guess
(issue #11; docs/sandbox.md "Silent points" lists which variant covers which gap).

=======================  =============================================================
``not-found-404``        Get Lead's "no lead": 404 ``Customer not found.`` (the default)
``not-found-400``        ... 400 ``Customer not found.``
``not-found-400-bare``   ... 400 ``Customer not found`` (no full stop)
``not-found-lead``       ... 400 ``Lead not found``
``page-cap``             catalog pages hold at most 30 rows, while the answer echoes the
                         asked ``page_size`` and ``total_pages`` computed from it
``nest-errors``          every error body NestJS-shaped: ``{"statusCode": 400,
                         "message": ["..."], "error": "Bad Request"}``
``refuse-403``           the upsert's refusals (its 400/404) come as 403
``refuse-413``           ... as 413
``refuse-422``           ... as 422
``created-201``          the upsert's success is ``201 {"data": null, "message": "Created"}``
``no-content-204``       ... ``204`` with no body
``success-other``        ... ``200 {"message": "Lead updated"}`` (no ``data``)
``partial-apply``        a refused upsert of an existing lead stores its timeline note
                         first, then answers the error
``phones-reversed``      Get Lead lists a lead's phones last first (the primary last)
=======================  =============================================================

Variants of one group (not-found, refuse, success) exclude each other.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from superfone_desk.sandbox import errors
from superfone_desk.sandbox.faults import reason
from superfone_desk.sandbox.routing import Response, json_response

__all__ = ["PAGE_CAP", "VARIANTS", "Variants"]

#: Rows a page holds at most under ``page-cap`` (below the documented default of 50).
PAGE_CAP = 30

_NOT_FOUND: dict[str, tuple[int, str]] = {
    "not-found-404": (404, errors.CUSTOMER_NOT_FOUND),
    "not-found-400": (400, errors.CUSTOMER_NOT_FOUND),
    "not-found-400-bare": (400, errors.CUSTOMER_NOT_FOUND.rstrip(".")),
    "not-found-lead": (400, errors.LEAD_NOT_FOUND),
}
_REFUSE: dict[str, int] = {"refuse-403": 403, "refuse-413": 413, "refuse-422": 422}
_SUCCESS: dict[str, Response] = {
    "created-201": json_response(201, {"data": None, "message": "Created"}),
    "no-content-204": Response(204, b"", []),
    "success-other": json_response(200, {"message": "Lead updated"}),
}
_GROUPS: tuple[frozenset[str], ...] = (
    frozenset(_NOT_FOUND),
    frozenset(_REFUSE),
    frozenset(_SUCCESS),
)
VARIANTS: tuple[str, ...] = (
    *_NOT_FOUND,
    "page-cap",
    "nest-errors",
    *_REFUSE,
    *_SUCCESS,
    "partial-apply",
    "phones-reversed",
)


def _checked(names: Iterable[str]) -> frozenset[str]:
    if isinstance(names, str):
        raise ValueError("variants must be a list of names, not one string")
    chosen = frozenset(names)
    unknown = sorted(name for name in chosen if name not in VARIANTS)
    if unknown:
        raise ValueError(
            f"unknown variant(s) {', '.join(unknown)}; choose from {', '.join(VARIANTS)}"
        )
    for group in _GROUPS:
        if len(chosen & group) > 1:
            raise ValueError(f"choose at most one of {', '.join(sorted(chosen & group))}")
    return chosen


class Variants:
    """The variants in force; thread-safe, changeable while serving."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self._initial = _checked(names)
        self._active = self._initial

    def set(self, names: Iterable[str]) -> None:
        """Put exactly ``names`` in force (``ValueError`` for unknown or clashing ones)."""
        chosen = _checked(names)
        with self._lock:
            self._active = chosen

    def reset(self) -> None:
        """Back to the variants the server was started with."""
        with self._lock:
            self._active = self._initial

    @property
    def active(self) -> tuple[str, ...]:
        with self._lock:
            active = self._active
        return tuple(name for name in VARIANTS if name in active)

    def __contains__(self, name: object) -> bool:
        with self._lock:
            return name in self._active

    def to_json(self) -> dict[str, Any]:
        return {"variants": list(self.active), "known": list(VARIANTS)}

    # ------------------------------------------------------------- the answers
    def _one_of(self, group: Mapping[str, Any]) -> str | None:
        with self._lock:
            return next((name for name in group if name in self._active), None)

    def refusal(self, endpoint: str, status: int, message: str) -> tuple[int, str]:
        """The (status, message) of an API error on ``endpoint`` ("upsert", "get_lead"...)."""
        if endpoint == "get_lead" and (status, message) == (404, errors.CUSTOMER_NOT_FOUND):
            name = self._one_of(_NOT_FOUND)
            return _NOT_FOUND[name] if name else (status, message)
        if endpoint == "upsert" and status in (400, 404):
            name = self._one_of(_REFUSE)
            return (_REFUSE[name], message) if name else (status, message)
        return status, message

    def error(self, status: int, message: str) -> Response:
        if "nest-errors" in self:
            body = {"statusCode": status, "message": [message], "error": reason(status).title()}
            return json_response(status, body)
        return json_response(status, {"message": message})

    def upsert_success(self) -> Response | None:
        """The answer to an applied upsert, when a variant changes it."""
        name = self._one_of(_SUCCESS)
        return _SUCCESS[name] if name else None

    def lead(self, data: dict[str, Any]) -> dict[str, Any]:
        """Get Lead's data as the variants list it."""
        if "phones-reversed" in self and isinstance(data.get("phones"), list):
            data = dict(data, phones=list(reversed(data["phones"])))
        return data

    def catalog_query(
        self, query: Mapping[str, list[str]]
    ) -> tuple[Mapping[str, list[str]], int | None]:
        """The query the account serves, and the page size asked (to echo), under page-cap."""
        asked = (query.get("page_size") or ["50"])[0]
        if "page-cap" not in self or not asked.isascii() or not asked.isdigit():
            return query, None
        size = int(asked)
        if size <= PAGE_CAP:
            return query, None
        return dict(query, page_size=[str(PAGE_CAP)]), size

    @staticmethod
    def echo_page(data: dict[str, Any], asked: int | None) -> dict[str, Any]:
        """A capped page that claims the asked size (a lying server)."""
        if asked is None:
            return data
        total = int(data.get("total_items", 0))
        return dict(data, page_size=asked, total_pages=math.ceil(total / asked))
