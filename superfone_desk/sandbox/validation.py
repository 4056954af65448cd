"""Parsing and type-checking of request bodies and query parameters (no business rules)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from superfone_desk.sandbox import errors
from superfone_desk.sandbox.errors import ApiError, type_error
from superfone_desk.sandbox.model import ADDRESS_KEYS, SOURCE_TYPES

STRING_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "website",
    "city",
    "business_name",
    "additional_info",
    "source",
)
STRING_LIST_FIELDS: tuple[str, ...] = ("add_labels", "remove_labels", "add_products")


def _reject_constant(token: str) -> Any:
    raise ValueError(f"non-standard JSON constant {token}")


def parse_json_object(raw: bytes) -> dict[str, Any]:
    """The body as a JSON object, or 400 ``Request body must be a valid JSON object``."""
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, errors.BODY_NOT_JSON_OBJECT) from None
    if not isinstance(value, dict):
        raise ApiError(400, errors.BODY_NOT_JSON_OBJECT)
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_string_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


@dataclass
class UpsertRequest:
    """A type-checked upsert body. ``present`` holds the keys that were sent."""

    customer_phone: str
    create: bool
    present: frozenset[str]
    scalars: dict[str, Any] = field(default_factory=dict)
    address: dict[str, Any] | None = None
    assignee_phone: object = None
    stage_name: str | None = None
    group_name: str | None = None
    add_labels: list[str] = field(default_factory=list)
    remove_labels: list[str] = field(default_factory=list)
    add_products: list[str] = field(default_factory=list)
    add_phones: list[object] = field(default_factory=list)
    customer_note: str | None = None


def parse_upsert(body: Mapping[str, Any]) -> UpsertRequest:
    """Steps 2–3 of the validation order: required phone, then JSON types (field order §2.1)."""
    phone = body.get("customer_phone")
    if phone is None or phone == "":
        raise ApiError(400, errors.CUSTOMER_PHONE_REQUIRED)

    create = body.get("create_customer_if_customer_phone_not_found")
    if create is not None and not isinstance(create, bool):
        raise type_error("create_customer_if_customer_phone_not_found", "boolean")

    scalars: dict[str, Any] = {}
    for name in ("first_name", "last_name"):
        _take_string(body, name, scalars)
    if "email" in body:
        email = body["email"]
        if email is not None and not _is_string_list(email):
            raise type_error("email", "array of strings")
        scalars["email"] = list(email) if email is not None else None
    for name in ("website",):
        _take_string(body, name, scalars)

    address: dict[str, Any] | None = None
    if "address" in body:
        address = _parse_address(body["address"])
    for name in ("city", "business_name", "additional_info"):
        _take_string(body, name, scalars)
    if "deal_value" in body:
        deal = body["deal_value"]
        if deal is not None and not _is_number(deal):
            raise type_error("deal_value", "number")
        scalars["deal_value"] = deal
    _take_string(body, "source", scalars)
    if "source_type" in body:
        source_type = body["source_type"]
        if source_type is not None and not isinstance(source_type, str):
            raise type_error("source_type", "string")
        if source_type is not None and source_type not in SOURCE_TYPES:
            raise ApiError(400, errors.INVALID_SOURCE_TYPE)
        scalars["source_type"] = source_type

    stage = body.get("lead_stage_name")
    if stage is not None and not isinstance(stage, str):
        raise type_error("lead_stage_name", "string")
    group = body.get("lead_group_name")
    if group is not None and not isinstance(group, str):
        raise type_error("lead_group_name", "string")

    lists: dict[str, list[str]] = {}
    for name in STRING_LIST_FIELDS:
        value = body.get(name)
        if value is not None and not _is_string_list(value):
            raise type_error(name, "array of strings")
        lists[name] = list(value) if value is not None else []

    add_phones = body.get("add_phones")
    if add_phones is not None and not isinstance(add_phones, list):
        raise type_error("add_phones", "array of strings")
    note = body.get("customer_note")
    if note is not None and not isinstance(note, str):
        raise type_error("customer_note", "string")

    return UpsertRequest(
        customer_phone=phone if isinstance(phone, str) else json.dumps(phone),
        create=create is True,
        present=frozenset(body),
        scalars=scalars,
        address=address,
        assignee_phone=body.get("assignee_user_phone"),
        stage_name=stage,
        group_name=group,
        add_labels=lists["add_labels"],
        remove_labels=lists["remove_labels"],
        add_products=lists["add_products"],
        add_phones=list(add_phones) if add_phones is not None else [],
        customer_note=note,
    )


def _take_string(body: Mapping[str, Any], name: str, out: dict[str, Any]) -> None:
    if name not in body:
        return
    value = body[name]
    if value is not None and not isinstance(value, str):
        raise type_error(name, "string")
    out[name] = value


def _parse_address(value: object) -> dict[str, Any] | None:
    """``null`` clears the address; an object updates only the sub-keys it carries."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise type_error("address", "object")
    parsed: dict[str, Any] = {}
    for key in ADDRESS_KEYS:
        if key not in value:
            continue
        item = value[key]
        if key in ("latitude", "longitude"):
            if item is not None and not _is_number(item):
                raise type_error(f"address.{key}", "number")
        elif item is not None and not isinstance(item, str):
            raise type_error(f"address.{key}", "string")
        parsed[key] = item
    return parsed


@dataclass(frozen=True)
class Paging:
    page: int
    page_size: int


def parse_paging(query: Mapping[str, list[str]], *, default_size: int, max_size: int) -> Paging:
    """``page`` (1-based) and ``page_size``; 400 with invented texts when out of range."""
    page = _positive_int(query, "page", 1, errors.PAGE_INVALID)
    size = _positive_int(query, "page_size", default_size, errors.PAGE_SIZE_INVALID)
    if size > max_size:
        raise ApiError(400, errors.PAGE_SIZE_TOO_LARGE.format(max=max_size))
    return Paging(page, size)


def _positive_int(query: Mapping[str, list[str]], name: str, default: int, message: str) -> int:
    values = query.get(name)
    if not values or values[0] == "":
        return default
    raw = values[0].strip()
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise ApiError(400, message)
    return int(raw)


def page_of(rows: list[Any], paging: Paging) -> dict[str, Any]:
    """The paged ``data`` shape of CONTRACT §1.5."""
    total = len(rows)
    start = (paging.page - 1) * paging.page_size
    return {
        "rows": rows[start : start + paging.page_size],
        "total_pages": math.ceil(total / paging.page_size),
        "current_page": paging.page,
        "page_size": paging.page_size,
        "total_items": total,
    }
