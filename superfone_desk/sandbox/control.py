"""The test-only control endpoint under ``/__sandbox__/`` (no API key)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from superfone_desk.sandbox.errors import ApiError
from superfone_desk.sandbox.faults import FaultPlan
from superfone_desk.sandbox.routing import Response, error, json_response
from superfone_desk.sandbox.validation import parse_json_object
from superfone_desk.sandbox.variants import Variants

CONTROL_PREFIX = "/__sandbox__"


class Controllable(Protocol):
    @property
    def faults(self) -> FaultPlan: ...

    @property
    def variants(self) -> Variants: ...

    @property
    def requests(self) -> Sequence[tuple[str, str, int, Any]]: ...

    def setup(
        self,
        *,
        duplicates: Iterable[str] = (),
        shared_primaries: Iterable[str] = (),
        api_key: str | None = None,
    ) -> None: ...

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
    if route == ("GET", "/variants"):
        return json_response(200, target.variants.to_json())
    if route == ("POST", "/variants"):
        return _set_variants(target, body)
    if route == ("POST", "/setup"):
        return _setup(target, body)
    if route == ("POST", "/reset"):
        target.reset()
        return json_response(200, {"message": "success"})
    if route == ("GET", "/requests"):
        log = [
            {"method": m, "path": p, "status": s, "body": b} for m, p, s, b in target.requests
        ]
        return json_response(200, {"requests": log})
    return error(404, "Not found")


def _set_variants(target: Controllable, body: bytes) -> Response:
    """``{"variants": ["not-found-400", "page-cap"]}``: exactly these from now on."""
    try:
        settings = parse_json_object(body) if body.strip() else {}
        names = settings.get("variants", [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            return error(400, "variants must be a list of names")
        target.variants.set(names)
    except ApiError as exc:
        return error(exc.status, exc.message)
    except ValueError as exc:
        return error(400, str(exc))
    return json_response(200, target.variants.to_json())


def _setup(target: Controllable, body: bytes) -> Response:
    """``{"duplicates": ["stage:Won"], "shared_primaries": ["+91..."], "api_key": "k"}``
    (``api_key`` optional: every account)."""
    try:
        settings = parse_json_object(body) if body.strip() else {}
        duplicates = settings.get("duplicates", [])
        phones = settings.get("shared_primaries", [])
        api_key = settings.get("api_key")
        lists = (duplicates, phones)
        if not all(isinstance(v, list) and all(isinstance(i, str) for i in v) for v in lists):
            return error(400, "duplicates and shared_primaries must be lists of strings")
        if api_key is not None and not isinstance(api_key, str):
            return error(400, "api_key must be a string")
        target.setup(duplicates=duplicates, shared_primaries=phones, api_key=api_key)
    except ApiError as exc:
        return error(exc.status, exc.message)
    except KeyError:
        return error(404, "Unknown api_key")
    except ValueError as exc:
        return error(400, str(exc))
    return json_response(200, {"message": "success"})
