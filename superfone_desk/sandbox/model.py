"""Records held by a sandbox account and their JSON shapes (CONTRACT §3.2, §4.1, §5–8)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

PHONE_RE = re.compile(r"^\+[1-9]\d{7,14}$", re.ASCII)

#: The source types catalog as CONTRACT §7 documents it (id -> title, the whole list).
#: Written here apart from ``api.models.SOURCE_TYPES`` on purpose: this is the server's
#: side, so a typo in the client's copy fails a test instead of agreeing with itself.
SOURCE_TYPE_ROWS: dict[int, str] = {
    1: "CSV_UPLOAD",
    2: "FACEBOOK_INTEGRATION",
    3: "PHONE_CONTACT",
    4: "WHATSAPP_MESSAGE",
    5: "WHATSAPP_INTEGRATION",
    6: "PABBLY",
    7: "OTHERS",
}
SOURCE_TYPES: tuple[str, ...] = tuple(SOURCE_TYPE_ROWS.values())
TASK_TYPES: tuple[str, ...] = (
    "FOLLOW_UP_CALL",
    "FIRST_CALL",
    "CALLBACK_REQUEST",
    "SITE_VISIT",
    "REMINDER",
    "BOOKING",
)
STAGE_TYPES: tuple[str, ...] = ("INITIAL", "FINAL_POSITIVE", "FINAL_NEGATIVE", "NONE")
ADDRESS_KEYS: tuple[str, ...] = ("text", "additional", "initials", "latitude", "longitude")

JSONDict = dict[str, Any]


def is_valid_phone(value: object) -> bool:
    """CONTRACT U17: ``^\\+[1-9]\\d{7,14}$``, no normalisation."""
    return isinstance(value, str) and PHONE_RE.fullmatch(value) is not None


def utc_now_ms() -> datetime:
    """The current UTC time, truncated to milliseconds (what the API can express)."""
    return truncate_ms(datetime.now(UTC))


def truncate_ms(value: datetime) -> datetime:
    return value.replace(microsecond=(value.microsecond // 1000) * 1000)


def iso(value: datetime | None) -> str | None:
    """``2026-05-20T15:00:00.000Z``."""
    if value is None:
        return None
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def parse_iso(value: str) -> datetime | None:
    """Parse an ISO 8601 date-time; naive values are taken as UTC. ``None`` if unparsable."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return truncate_ms(parsed.astimezone(UTC))


@dataclass
class TeamMember:
    id: int
    phone: str
    first_name: str
    last_name: str
    active: bool = True

    def brief(self) -> JSONDict:
        return {"id": self.id, "first_name": self.first_name, "last_name": self.last_name}

    def to_json(self) -> JSONDict:
        return {**self.brief(), "phone": self.phone, "active": self.active}


@dataclass(kw_only=True)
class Audited:
    """Who made and last changed a catalog record, and when: every catalog's records
    carry these four, after their own fields (keywords only, so each record's own
    fields keep their positions)."""

    created_by: int | None = None
    updated_by: int | None = None
    created_at: datetime = field(default_factory=utc_now_ms)
    updated_at: datetime = field(default_factory=utc_now_ms)


def picked(record: object, *names: str) -> JSONDict:
    """The record's attributes ``names`` as JSON, in that order (the API's order)."""
    return {name: getattr(record, name) for name in names}


def audited(record: Audited | Task, body: JSONDict) -> JSONDict:
    """``body`` (a record's own fields as JSON) followed by who made and changed it, when."""
    return {
        **body,
        "created_by": record.created_by,
        "updated_by": record.updated_by,
        "created_at": iso(record.created_at),
        "updated_at": iso(record.updated_at),
    }


@dataclass
class Label(Audited):
    id: int
    org_id: int
    title: str
    colour: str = "#607d8b"
    text_colour: str = "#ffffff"
    status: str = "ACTIVE"

    def brief(self) -> JSONDict:
        return picked(self, "id", "title", "colour", "text_colour", "status")

    def to_json(self) -> JSONDict:
        own = ("id", "org_id", "title", "colour", "text_colour", "status")
        return audited(self, picked(self, *own))


@dataclass
class Stage(Audited):
    id: int
    org_id: int
    title: str
    position: int | None = None
    type: str | None = "NONE"
    status: str = "ACTIVE"
    is_editable: bool = True
    identifier: str | None = None

    def brief(self) -> JSONDict:
        return picked(self, "id", "title", "org_id", "status", "type", "position")

    def to_json(self) -> JSONDict:
        own = ("id", "org_id", "title", "status", "type", "position", "is_editable", "identifier")
        return audited(self, picked(self, *own))


@dataclass
class Group(Audited):
    id: int
    org_id: int
    title: str
    type: str | None = None
    status: str = "ACTIVE"

    def brief(self) -> JSONDict:
        return picked(self, "id", "title", "org_id", "status", "type")

    def to_json(self) -> JSONDict:
        return audited(self, picked(self, "id", "org_id", "title", "status", "type"))


@dataclass
class Product(Audited):
    id: int
    org_id: int
    title: str
    description: str | None = None
    status: str = "ACTIVE"
    price: float = 0
    currency: str = "INR"
    link: str | None = None
    images: JSONDict = field(default_factory=dict)

    def to_json(self) -> JSONDict:
        own = ("id", "org_id", "title", "description", "status", "price", "currency", "link")
        return audited(self, {**picked(self, *own), "images": dict(self.images)})


@dataclass
class SourceType:
    id: int
    title: str

    def to_json(self) -> JSONDict:
        return {"id": self.id, "title": self.title}


@dataclass
class Note:
    id: int
    text: str
    created_at: datetime
    task_id: int | None = None

    def to_json(self) -> JSONDict:
        return {
            "id": self.id,
            "text": self.text,
            "created_at": iso(self.created_at),
            "task_id": self.task_id,
        }


@dataclass
class Task:
    id: int
    org_id: int
    customer_id: int
    type: str
    due_date: datetime
    notify_at: datetime
    assignee_user_id: int | None
    created_by: int | None
    created_at: datetime
    updated_at: datetime
    task_status: str = "PENDING"
    notify: bool = True
    title: str | None = None
    updated_by: int | None = None
    customer_note: str | None = None

    @property
    def is_open(self) -> bool:
        return self.task_status == "PENDING"

    def to_json(self) -> JSONDict:
        body = {
            "id": self.id,
            "org_id": self.org_id,
            "customer_id": self.customer_id,
            "title": self.title,
            "type": self.type,
            "due_date": iso(self.due_date),
            "notify_at": iso(self.notify_at),
            "notify": self.notify,
            "task_status": self.task_status,
            # CONTRACT U25: PENDING <-> ACTIVE, COMPLETE <-> COMPLETE.
            "status": "ACTIVE" if self.is_open else "COMPLETE",
            "assignee_user_id": self.assignee_user_id,
        }
        return audited(self, body)


def empty_address() -> JSONDict:
    return dict.fromkeys(ADDRESS_KEYS)


@dataclass
class Lead:
    id: int
    org_id: int
    phones: list[str]
    created_at: datetime
    updated_at: datetime | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: list[str] | None = None
    website: str | None = None
    business_name: str | None = None
    additional_info: str | None = None
    city: str | None = None
    deal_value: float | None = None
    status: str = "ACTIVE"
    source: str | None = None
    source_type: str | None = None
    address: JSONDict = field(default_factory=empty_address)
    assignee: TeamMember | None = None
    stage: Stage | None = None
    group: Group | None = None
    labels: list[Label] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    @property
    def primary_phone(self) -> str:
        return self.phones[0]

    def to_json(self) -> JSONDict:
        """The Get Lead object (CONTRACT §3.2)."""
        return {
            "id": self.id,
            "org_id": self.org_id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": list(self.email) if self.email is not None else None,
            "website": self.website,
            "business_name": self.business_name,
            "additional_info": self.additional_info,
            "city": self.city,
            "deal_value": self.deal_value,
            "status": self.status,
            "source": self.source,
            "source_type": self.source_type,
            "address": {key: self.address.get(key) for key in ADDRESS_KEYS},
            "assignee_user_id": self.assignee.id if self.assignee else None,
            "lead_stage_id": self.stage.id if self.stage else None,
            "lead_group_id": self.group.id if self.group else None,
            "created_at": iso(self.created_at),
            "updated_at": iso(self.updated_at),
            "phones": [{"phone": phone, "customer_id": self.id} for phone in self.phones],
            "labels": [label.brief() for label in self.labels],
            "lead_stage": self.stage.brief() if self.stage else None,
            "lead_group": self.group.brief() if self.group else None,
            "assignee_user": self.assignee.brief() if self.assignee else None,
        }

    def snapshot(self) -> JSONDict:
        """Everything the sandbox holds about the lead, for tests."""
        return {
            **self.to_json(),
            "phone_numbers": list(self.phones),
            "label_titles": [label.title for label in self.labels],
            "products": [product.title for product in self.products],
            "notes": [note.to_json() for note in self.notes],
            "tasks": [task.to_json() for task in self.tasks],
        }
