"""The API surface: maps (method, path, query, headers, body) to an answer. No sockets."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from superfone_desk.sandbox import errors
from superfone_desk.sandbox.accounts import CATALOGS, Account
from superfone_desk.sandbox.errors import ApiError
from superfone_desk.sandbox.validation import parse_json_object

if TYPE_CHECKING:
    from superfone_desk.sandbox.variants import Variants

API_PREFIX = "/superfone"
JSON_TYPE = "application/json; charset=utf-8"

_TASK_RE = re.compile(r"^/enterprise/api/lead/([^/]+)/task(/complete)?$")
_CATALOG_RE = re.compile(r"^/enterprise/api/(" + "|".join(map(re.escape, CATALOGS)) + r")$")


@dataclass
class Response:
    status: int
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)


def json_response(
    status: int, payload: object, headers: list[tuple[str, str]] | None = None
) -> Response:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return Response(status, body, [("Content-Type", JSON_TYPE), *(headers or [])])


def success(data: object) -> Response:
    return json_response(200, {"data": data, "message": "success"})


def error(status: int, message: str) -> Response:
    return json_response(status, {"message": message})


Handler = Callable[[Account, "Request"], object]


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # below API_PREFIX, without the query string
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]  # keys lower-cased
    body: bytes
    params: tuple[str, ...] = ()


def _upsert(account: Account, request: Request) -> object:
    account.upsert_lead(parse_json_object(request.body))
    return None


def _get_lead(account: Account, request: Request) -> object:
    phones = request.query.get("phone")
    return account.get_lead(phones[0] if phones else None)


def _create_task(account: Account, request: Request) -> object:
    try:
        body: dict[str, Any] | None = parse_json_object(request.body)
    except ApiError:
        body = None
    return account.create_task(request.params[0], body)


def _complete_task(account: Account, request: Request) -> object:
    return account.complete_task(request.params[0])


def _list_tasks(account: Account, request: Request) -> object:
    return account.list_tasks(request.params[0], request.query)


def _list_catalog(account: Account, request: Request) -> object:
    return account.list_catalog(request.params[0], request.query)


def resolve(method: str, path: str) -> tuple[Handler, tuple[str, ...]] | None:
    """The handler for an API path (below the prefix), or ``None`` → 404 ``Not found``."""
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    if path == "/enterprise/api/lead":
        if method == "POST":
            return _upsert, ()
        if method == "GET":
            return _get_lead, ()
        return None
    task = _TASK_RE.match(path)
    if task:
        lead_id = unquote(task.group(1))
        if task.group(2):
            return (_complete_task, (lead_id,)) if method == "POST" else None
        if method == "POST":
            return _create_task, (lead_id,)
        return (_list_tasks, (lead_id,)) if method == "GET" else None
    catalog = _CATALOG_RE.match(path)
    if catalog and method == "GET":
        return _list_catalog, (catalog.group(1),)
    return None


class Api:
    """Authenticates by ``x-api-key`` and runs the handler on that key's account.

    ``variants`` (``sandbox.variants``) change the answers where the docs are silent.
    """

    def __init__(
        self, account_for: Callable[[str], Account | None], variants: Variants | None = None
    ) -> None:
        self._account_for = account_for
        if variants is None:
            from superfone_desk.sandbox.variants import Variants

            variants = Variants()
        self._variants = variants

    def handle(self, request: Request) -> Response:
        variants = self._variants
        route = resolve(request.method, request.path)
        if route is None:
            return variants.error(404, errors.NOT_FOUND)
        handler, params = route
        key = request.headers.get("x-api-key", "")
        account = self._account_for(key) if key else None
        if account is None:
            return variants.error(401, errors.UNAUTHORIZED)
        endpoint = _ENDPOINTS.get(handler, "other")
        query, asked = request.query, None
        if endpoint == "catalog":
            query, asked = variants.catalog_query(request.query)
        try:
            data = handler(account, Request(
                request.method, request.path, query, request.headers, request.body, params,
            ))  # fmt: skip
        except ApiError as exc:
            if endpoint == "upsert" and "partial-apply" in variants:
                _post_note_anyway(account, request.body)
            return variants.error(*variants.refusal(endpoint, exc.status, exc.message))
        if endpoint == "upsert":
            return variants.upsert_success() or success(data)
        if endpoint == "get_lead" and isinstance(data, dict):
            return success(variants.lead(data))
        if endpoint == "catalog" and isinstance(data, dict):
            return success(variants.echo_page(data, asked))
        return success(data)


_ENDPOINTS: dict[Handler, str] = {
    _upsert: "upsert",
    _get_lead: "get_lead",
    _list_catalog: "catalog",
}


def _post_note_anyway(account: Account, body: bytes) -> None:
    """``partial-apply``: a server that stores the note before it finds the error."""
    try:
        doc = json.loads(body)
    except ValueError:
        return
    if isinstance(doc, dict):
        phone, note = doc.get("customer_phone"), doc.get("customer_note")
        if isinstance(phone, str) and isinstance(note, str) and note:
            account.post_note(phone, note)
