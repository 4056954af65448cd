"""Typed request and response shapes of the Superfone Enterprise API (CONTRACT.md).

Requests distinguish a field that is *omitted* (left unchanged on the server) from one
sent as ``null`` (cleared), because the API gives the two different meanings. Responses
are parsed strictly: a body of the wrong shape raises ``MalformedResponse`` here, so no
caller ever sees a half-parsed object.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Generic, Literal, TypeAlias, TypeVar

from superfone_desk.api.errors import MalformedResponse

T = TypeVar("T")


class _Omitted(enum.Enum):
    """The single value that means "do not send this field"."""

    OMITTED = "OMITTED"

    def __repr__(self) -> str:
        return "OMITTED"

    def __bool__(self) -> bool:
        return False


OMITTED: Literal[_Omitted.OMITTED] = _Omitted.OMITTED
Omittable: TypeAlias = T | Literal[_Omitted.OMITTED]

SOURCE_TYPES: tuple[str, ...] = (
    "CSV_UPLOAD",
    "FACEBOOK_INTEGRATION",
    "PHONE_CONTACT",
    "WHATSAPP_MESSAGE",
    "WHATSAPP_INTEGRATION",
    "PABBLY",
    "OTHERS",
)

TASK_TYPES: tuple[str, ...] = (
    "FOLLOW_UP_CALL",
    "FIRST_CALL",
    "CALLBACK_REQUEST",
    "SITE_VISIT",
    "REMINDER",
    "BOOKING",
)


def _present(value: object) -> bool:
    return value is not OMITTED


def _present_fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj) if _present(getattr(obj, f.name))}


@dataclass(frozen=True, slots=True)
class AddressUpdate:
    """The upsert's ``address`` object; each part may be omitted, cleared or set."""

    text: Omittable[str | None] = OMITTED
    additional: Omittable[str | None] = OMITTED
    initials: Omittable[str | None] = OMITTED
    latitude: Omittable[float | None] = OMITTED
    longitude: Omittable[float | None] = OMITTED

    def to_json(self) -> dict[str, Any]:
        return _present_fields(self)

    def is_empty(self) -> bool:
        return not self.to_json()


@dataclass(frozen=True, slots=True)
class LeadUpsert:
    """The exact body of ``POST /enterprise/api/lead``.

    Construction fails on combinations the server rejects for reasons that are ours,
    not the user's: both label lists, or a number that is not finite.
    """

    customer_phone: str
    create_customer_if_customer_phone_not_found: Omittable[bool] = OMITTED
    first_name: Omittable[str] = OMITTED
    last_name: Omittable[str] = OMITTED
    email: Omittable[tuple[str, ...]] = OMITTED
    website: Omittable[str] = OMITTED
    address: Omittable[AddressUpdate] = OMITTED
    city: Omittable[str] = OMITTED
    business_name: Omittable[str] = OMITTED
    additional_info: Omittable[str] = OMITTED
    deal_value: Omittable[float] = OMITTED
    source: Omittable[str] = OMITTED
    source_type: Omittable[str] = OMITTED
    assignee_user_phone: Omittable[str | None] = OMITTED
    lead_stage_name: Omittable[str | None] = OMITTED
    lead_group_name: Omittable[str | None] = OMITTED
    add_labels: Omittable[tuple[str, ...]] = OMITTED
    remove_labels: Omittable[tuple[str, ...]] = OMITTED
    add_products: Omittable[tuple[str, ...]] = OMITTED
    add_phones: Omittable[tuple[str, ...]] = OMITTED
    customer_note: Omittable[str] = OMITTED

    def __post_init__(self) -> None:
        if _present(self.add_labels) and _present(self.remove_labels):
            # CONTRACT §2.3/U21: the server rejects the pair even when one list is empty.
            raise ValueError("add_labels and remove_labels cannot be sent in one request")
        if not self.customer_phone:
            raise ValueError("customer_phone is required")
        numbers: list[object] = [self.deal_value]
        if isinstance(self.address, AddressUpdate):
            numbers += [self.address.latitude, self.address.longitude]
        for number in numbers:
            if isinstance(number, float | int) and not math.isfinite(number):
                raise ValueError("numbers sent to the API must be finite")

    def to_json(self) -> dict[str, Any]:
        """The JSON object to send; omitted fields are absent, cleared ones are null."""
        body: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if not _present(value):
                continue
            if isinstance(value, AddressUpdate):
                if value.is_empty():
                    continue
                value = value.to_json()
            elif isinstance(value, tuple):
                value = list(value)
            body[f.name] = value
        return body

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> LeadUpsert:
        """The upsert whose ``to_json()`` is ``body`` (absent keys stay OMITTED)."""
        kwargs: dict[str, Any] = {}
        for key, value in body.items():
            if key == "address" and isinstance(value, dict):
                kwargs[key] = AddressUpdate(**value)
            elif isinstance(value, list):
                kwargs[key] = tuple(value)
            else:
                kwargs[key] = value
        return cls(**kwargs)

    def sends_note(self) -> bool:
        return _present(self.customer_note)


@dataclass(frozen=True, slots=True)
class TaskCreate:
    """Body of ``POST /enterprise/api/lead/:lead_id/task``. Times are ISO 8601 strings."""

    type: str
    due_date: str
    notify_at: Omittable[str] = OMITTED
    customer_note: Omittable[str] = OMITTED

    def to_json(self) -> dict[str, Any]:
        return _present_fields(self)


# ---------------------------------------------------------------- response parsing


class _Reader:
    """Typed access to one JSON object; any mismatch is a ``MalformedResponse``."""

    def __init__(self, raw: object, where: str) -> None:
        if not isinstance(raw, Mapping):
            raise MalformedResponse(f"{where}: expected an object, got {type(raw).__name__}")
        self._raw = raw
        self._where = where

    def _get(self, key: str, optional: bool) -> object:
        if key not in self._raw:
            if optional:
                return None
            raise MalformedResponse(f"{self._where}: missing field {key!r}")
        return self._raw[key]

    def _typed(self, key: str, kinds: tuple[type, ...], optional: bool, nullable: bool) -> Any:
        value = self._get(key, optional)
        if value is None:
            if nullable or optional:
                return None
            raise MalformedResponse(f"{self._where}: field {key!r} is null")
        # bool is an int in Python, but never a number in this API.
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise MalformedResponse(
                f"{self._where}: field {key!r} should be {'/'.join(k.__name__ for k in kinds)}, "
                f"got {type(value).__name__}"
            )
        return value

    def integer(self, key: str, *, nullable: bool = False, optional: bool = False) -> Any:
        return self._typed(key, (int,), optional, nullable)

    def num(self, key: str, *, nullable: bool = False, optional: bool = False) -> Any:
        value = self._typed(key, (int, float), optional, nullable)
        return None if value is None else float(value)

    def text(self, key: str, *, nullable: bool = False, optional: bool = False) -> Any:
        return self._typed(key, (str,), optional, nullable)

    def flag(self, key: str, *, nullable: bool = False, optional: bool = False) -> Any:
        return self._typed(key, (bool,), optional, nullable)

    def obj(self, key: str, *, nullable: bool = False, optional: bool = False) -> _Reader | None:
        value = self._get(key, optional)
        if value is None:
            if nullable or optional:
                return None
            raise MalformedResponse(f"{self._where}: field {key!r} is null")
        return _Reader(value, f"{self._where}.{key}")

    def items(self, key: str, *, nullable: bool = False, optional: bool = False) -> list[Any]:
        value = self._typed(key, (list,), optional, nullable)
        return [] if value is None else list(value)

    def str_list(
        self, key: str, *, nullable: bool = False, optional: bool = False
    ) -> tuple[str, ...] | None:
        value = self._typed(key, (list,), optional, nullable)
        if value is None:
            return None
        if not all(isinstance(item, str) for item in value):
            raise MalformedResponse(f"{self._where}: {key!r} should hold strings")
        return tuple(value)


@dataclass(frozen=True, slots=True)
class Address:
    text: str | None = None
    additional: str | None = None
    initials: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @classmethod
    def parse(cls, r: _Reader) -> Address:
        return cls(
            text=r.text("text", nullable=True, optional=True),
            additional=r.text("additional", nullable=True, optional=True),
            initials=r.text("initials", nullable=True, optional=True),
            latitude=r.num("latitude", nullable=True, optional=True),
            longitude=r.num("longitude", nullable=True, optional=True),
        )


@dataclass(frozen=True, slots=True)
class LeadLabel:
    id: int
    title: str
    colour: str | None
    text_colour: str | None
    status: str | None

    @classmethod
    def parse(cls, r: _Reader) -> LeadLabel:
        return cls(
            id=r.integer("id"),
            title=r.text("title"),
            colour=r.text("colour", nullable=True, optional=True),
            text_colour=r.text("text_colour", nullable=True, optional=True),
            status=r.text("status", nullable=True, optional=True),
        )


@dataclass(frozen=True, slots=True)
class StageRef:
    id: int
    title: str
    position: float | None = None

    @classmethod
    def parse(cls, r: _Reader) -> StageRef:
        return cls(
            id=r.integer("id"),
            title=r.text("title"),
            position=r.num("position", nullable=True, optional=True),
        )


@dataclass(frozen=True, slots=True)
class GroupRef:
    id: int
    title: str

    @classmethod
    def parse(cls, r: _Reader) -> GroupRef:
        return cls(id=r.integer("id"), title=r.text("title"))


@dataclass(frozen=True, slots=True)
class AssigneeUser:
    id: int
    first_name: str | None
    last_name: str | None

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or f"user {self.id}"

    @classmethod
    def parse(cls, r: _Reader) -> AssigneeUser:
        return cls(
            id=r.integer("id"),
            first_name=r.text("first_name", nullable=True, optional=True),
            last_name=r.text("last_name", nullable=True, optional=True),
        )


@dataclass(frozen=True, slots=True)
class Lead:
    """The Get Lead object (CONTRACT §3.2), with the fields the app shows or needs."""

    id: int
    phones: tuple[str, ...]
    first_name: str | None = None
    last_name: str | None = None
    email: tuple[str, ...] = ()
    website: str | None = None
    business_name: str | None = None
    additional_info: str | None = None
    city: str | None = None
    deal_value: float | None = None
    source: str | None = None
    source_type: str | None = None
    address: Address = field(default_factory=Address)
    labels: tuple[LeadLabel, ...] = ()
    lead_stage: StageRef | None = None
    lead_group: GroupRef | None = None
    assignee_user: AssigneeUser | None = None
    created_at: str | None = None
    updated_at: str | None = None

    @property
    def primary_phone(self) -> str:
        # CONTRACT U29: primary first. An empty list would break that, so parsing refuses it.
        return self.phones[0]

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @classmethod
    def parse(cls, raw: object) -> Lead:
        r = _Reader(raw, "lead")
        phones = tuple(_Reader(p, "lead.phones[]").text("phone") for p in r.items("phones"))
        if not phones:
            raise MalformedResponse("lead: no phones")
        address = r.obj("address", nullable=True, optional=True)
        stage = r.obj("lead_stage", nullable=True, optional=True)
        group = r.obj("lead_group", nullable=True, optional=True)
        assignee = r.obj("assignee_user", nullable=True, optional=True)
        return cls(
            id=r.integer("id"),
            phones=phones,
            first_name=r.text("first_name", nullable=True, optional=True),
            last_name=r.text("last_name", nullable=True, optional=True),
            email=r.str_list("email", nullable=True, optional=True) or (),
            website=r.text("website", nullable=True, optional=True),
            business_name=r.text("business_name", nullable=True, optional=True),
            additional_info=r.text("additional_info", nullable=True, optional=True),
            city=r.text("city", nullable=True, optional=True),
            deal_value=r.num("deal_value", nullable=True, optional=True),
            source=r.text("source", nullable=True, optional=True),
            source_type=r.text("source_type", nullable=True, optional=True),
            address=Address.parse(address) if address else Address(),
            labels=tuple(
                LeadLabel.parse(_Reader(x, "lead.labels[]"))
                for x in r.items("labels", nullable=True, optional=True)
            ),
            lead_stage=StageRef.parse(stage) if stage else None,
            lead_group=GroupRef.parse(group) if group else None,
            assignee_user=AssigneeUser.parse(assignee) if assignee else None,
            created_at=r.text("created_at", nullable=True, optional=True),
            updated_at=r.text("updated_at", nullable=True, optional=True),
        )


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    customer_id: int
    type: str
    due_date: str
    notify_at: str | None
    task_status: str
    status: str | None
    assignee_user_id: int | None
    title: str | None = None
    created_at: str | None = None

    @classmethod
    def parse(cls, raw: object) -> Task:
        r = _Reader(raw, "task")
        return cls(
            id=r.integer("id"),
            customer_id=r.integer("customer_id"),
            type=r.text("type"),
            due_date=r.text("due_date"),
            notify_at=r.text("notify_at", nullable=True, optional=True),
            task_status=r.text("task_status"),
            status=r.text("status", nullable=True, optional=True),
            assignee_user_id=r.integer("assignee_user_id", nullable=True, optional=True),
            title=r.text("title", nullable=True, optional=True),
            created_at=r.text("created_at", nullable=True, optional=True),
        )


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """One row of any catalog list. ``title`` is the value the upsert takes."""

    id: int
    title: str
    status: str = "ACTIVE"
    position: float | None = None
    colour: str | None = None
    text_colour: str | None = None

    @property
    def active(self) -> bool:
        return self.status != "DISABLED"

    @classmethod
    def parse(cls, raw: object) -> CatalogItem:
        r = _Reader(raw, "row")
        return cls(
            id=r.integer("id"),
            title=r.text("title"),
            # Source types carry no status (CONTRACT §7): they are always usable.
            status=r.text("status", optional=True) or "ACTIVE",
            position=r.num("position", nullable=True, optional=True),
            colour=r.text("colour", nullable=True, optional=True),
            text_colour=r.text("text_colour", nullable=True, optional=True),
        )


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    rows: tuple[T, ...]
    total_pages: int
    current_page: int
    page_size: int
    total_items: int

    @classmethod
    def parse(cls, raw: object, row: Callable[[object], T]) -> Page[T]:
        r = _Reader(raw, "page")
        return cls(
            rows=tuple(row(item) for item in r.items("rows")),
            total_pages=r.integer("total_pages"),
            current_page=r.integer("current_page"),
            page_size=r.integer("page_size"),
            total_items=r.integer("total_items"),
        )


class Catalog(enum.Enum):
    """The five list endpoints, by the upsert field their titles feed."""

    SOURCE_TYPES = "source-type"
    LABELS = "label"
    STAGES = "lead-stage"
    GROUPS = "lead-group"
    PRODUCTS = "product"

    @property
    def path(self) -> str:
        return f"/enterprise/api/{self.value}"
