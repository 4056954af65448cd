"""The test-only control endpoint under ``/__sandbox__/`` (no API key)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from .errors import ApiError
from .faults import FaultPlan
from .routing import Response, error, json_response
from .validation import parse_json_object

CONTROL_PREFIX = "/__sandbox__"


class Controllable(Protocol):
    @property
    def faults(self) -> FaultPlan: ...

    @property
    def request_log(self) -> list[tuple[str, str, int]]: ...

    def snapshot(self, api_key: str) -> dict[str, Any]: ...

    def reset(self) -> None: ...


def handle_control(
    target: Controllable, method: str, path: str, query: Mapping[str, list[str]], body: bytes
) -> Response:
    """``path`` is below ``/__sandbox__``."""
    route = (method, path.rstrip("/") or "/")
    if route == ("GET", "/state"):
        keys = query.get("api_key")
        if not keys or not keys[0]:
            return error(400, "api_key is required")
        try:
            return json_response(200, target.snapshot(keys[0]))
        except KeyError:
            return error(404, "Unknown api_key")
    if route == ("GET", "/faults"):
        return json_response(200, target.faults.to_json())
    if route == ("POST", "/faults"):
        try:
            settings = parse_json_object(body) if body.strip() else {}
        except ApiError as exc:
            return error(exc.status, exc.message)
        try:
            if settings.pop("reset", False) is True:
                target.faults.reset()
            target.faults.configure(**settings)
        except ValueError as exc:
            return error(400, str(exc))
        return json_response(200, target.faults.to_json())
    if route == ("POST", "/reset"):
        target.reset()
        return json_response(200, {"message": "success"})
    if route == ("GET", "/requests"):
        log = [{"method": m, "path": p, "status": s} for m, p, s in target.request_log]
        return json_response(200, {"requests": log})
    return error(404, "Not found")
