"""An account's data, and what the Superfone dashboard does to it directly.

The API's rules live in ``sandbox.accounts.Account``; this base holds the state and the
methods that put catalog rows, team members, leads and tasks in *as they are* (no API
rule applied), for seeds, tests, and the setups the API docs' errors need
(duplicate stage/group/label names, a primary phone shared by two leads).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from superfone_desk.sandbox.model import (
    SOURCE_TYPE_ROWS,
    Group,
    Label,
    Lead,
    Note,
    Product,
    SourceType,
    Stage,
    Task,
    TeamMember,
    truncate_ms,
    utc_now_ms,
)

Clock = Callable[[], datetime]
R = TypeVar("R", bound="_Titled")


class IdSource:
    """Thread-safe id counters shared by all accounts of one server.

    Lead, task and note ids are unique across accounts, so a lead id from one account is
    simply unknown in another (CONTRACT §4.3: ``Lead not found``).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters = {
            "lead": itertools.count(1001),
            "task": itertools.count(4001),
            "note": itertools.count(1),
        }

    def next(self, kind: str) -> int:
        with self._lock:
            return next(self._counters[kind])


class AccountData:
    """The CRM data of one API key. Every public method takes the account lock."""

    def __init__(self, org_id: int, ids: IdSource | None = None, clock: Clock | None = None):
        self.org_id = org_id
        self._ids = ids or IdSource()
        self._clock = clock or utc_now_ms
        self._lock = threading.RLock()
        self._catalog_ids: dict[str, itertools.count[int]] = {
            "label": itertools.count(17),
            "stage": itertools.count(9),
            "group": itertools.count(3),
            "product": itertools.count(5),
            "member": itertools.count(678),
        }
        self.source_types = [SourceType(i, title) for i, title in SOURCE_TYPE_ROWS.items()]
        self.labels: list[Label] = []
        self.stages: list[Stage] = []
        self.groups: list[Group] = []
        self.products: list[Product] = []
        self.team: list[TeamMember] = []
        self.leads: list[Lead] = []
        self._leads_by_id: dict[int, Lead] = {}
        self._phone_owners: dict[str, list[Lead]] = {}

    # ------------------------------------------------------------------ helpers
    def now(self) -> datetime:
        return truncate_ms(self._clock())

    @property
    def owner(self) -> TeamMember | None:
        """The user the API key belongs to: ``created_by`` of API-made tasks."""
        return self.team[0] if self.team else None

    def _owner_id(self) -> int | None:
        owner = self.owner
        return owner.id if owner else None

    def _attach_phone(self, lead: Lead, phone: str) -> None:
        lead.phones.append(phone)
        self._phone_owners.setdefault(phone, []).append(lead)

    def _add_note(self, lead: Lead, text: str, at: datetime, task_id: int | None = None) -> None:
        lead.notes.append(Note(self._ids.next("note"), text, at, task_id))

    # ------------------------------------------------------- catalog management (tests/seeds)
    def add_label(
        self,
        title: str,
        status: str = "ACTIVE",
        colour: str = "#607d8b",
        text_colour: str = "#ffffff",
        created_at: datetime | None = None,
    ) -> Label:
        with self._lock:
            at = created_at or self.now()
            label = Label(
                next(self._catalog_ids["label"]), self.org_id, title, colour, text_colour,
                status, created_by=self._owner_id(), created_at=at, updated_at=at,
            )  # fmt: skip
            self.labels.append(label)
            return label

    def add_stage(
        self,
        title: str,
        position: int | None = None,
        type: str | None = "NONE",  # the API's field name
        status: str = "ACTIVE",
        is_editable: bool = True,
        created_at: datetime | None = None,
    ) -> Stage:
        with self._lock:
            at = created_at or self.now()
            stage = Stage(
                next(self._catalog_ids["stage"]), self.org_id, title, position, type, status,
                is_editable, None, created_by=self._owner_id(), created_at=at, updated_at=at,
            )  # fmt: skip
            self.stages.append(stage)
            return stage

    def add_group(
        self,
        title: str,
        type: str | None = None,  # the API's field name
        status: str = "ACTIVE",
        created_at: datetime | None = None,
    ) -> Group:
        with self._lock:
            at = created_at or self.now()
            group = Group(
                next(self._catalog_ids["group"]), self.org_id, title, type, status,
                created_by=self._owner_id(), created_at=at, updated_at=at,
            )  # fmt: skip
            self.groups.append(group)
            return group

    def add_product(
        self,
        title: str,
        price: float = 0,
        currency: str = "INR",
        description: str | None = None,
        link: str | None = None,
        status: str = "ACTIVE",
        created_at: datetime | None = None,
    ) -> Product:
        with self._lock:
            at = created_at or self.now()
            product = Product(
                next(self._catalog_ids["product"]), self.org_id, title, description, status,
                price, currency, link, {}, created_by=self._owner_id(), created_at=at,
                updated_at=at,
            )  # fmt: skip
            self.products.append(product)
            return product

    def add_team_member(
        self, phone: str, first_name: str, last_name: str, active: bool = True
    ) -> TeamMember:
        with self._lock:
            member = TeamMember(
                next(self._catalog_ids["member"]), phone, first_name, last_name, active
            )
            self.team.append(member)
            return member

    def add_lead(
        self,
        primary_phone: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        phones: Sequence[str] = (),
        email: Sequence[str] | None = None,
        business_name: str | None = None,
        city: str | None = None,
        deal_value: float | None = None,
        source: str | None = None,
        source_type: str | None = None,
        website: str | None = None,
        additional_info: str | None = None,
        stage: str | None = None,
        group: str | None = None,
        labels: Sequence[str] = (),
        products: Sequence[str] = (),
        assignee_phone: str | None = None,
        notes: Sequence[str] = (),
        created_at: datetime | None = None,
    ) -> Lead:
        """Put a lead straight into the account, as the dashboard would.

        Unlike the upsert, nothing is checked: duplicate primary phones (to provoke
        ``Customer phone exists in multiple contact``) and shared phones are allowed.
        Catalog names must exist (``KeyError`` otherwise).
        """
        with self._lock:
            at = created_at or self.now()
            lead = Lead(
                id=self._ids.next("lead"),
                org_id=self.org_id,
                phones=[],
                created_at=at,
                updated_at=at,
                first_name=first_name,
                last_name=last_name,
                email=list(email) if email is not None else None,
                website=website,
                business_name=business_name,
                additional_info=additional_info,
                city=city,
                deal_value=deal_value,
                source=source,
                source_type=source_type,
                stage=_one(self.stages, stage) if stage else None,
                group=_one(self.groups, group) if group else None,
                labels=[_one(self.labels, title) for title in labels],
                products=[_one(self.products, title) for title in products],
                assignee=_member(self.team, assignee_phone) if assignee_phone else None,
            )
            for phone in (primary_phone, *phones):
                if phone not in lead.phones:
                    self._attach_phone(lead, phone)
            for text in notes:
                self._add_note(lead, text, at)
            self.leads.append(lead)
            self._leads_by_id[lead.id] = lead
            return lead

    def add_task(
        self,
        lead_id: int,
        type: str,  # the API's field name
        due_date: datetime,
        *,
        notify_at: datetime | None = None,
        complete: bool = False,
        created_at: datetime | None = None,
    ) -> Task:
        """Put a task straight onto a lead (no rules applied)."""
        with self._lock:
            lead = self._leads_by_id[lead_id]
            at = created_at or self.now()
            task = Task(
                id=self._ids.next("task"),
                org_id=self.org_id,
                customer_id=lead.id,
                type=type,
                due_date=due_date,
                notify_at=notify_at or due_date,
                assignee_user_id=lead.assignee.id if lead.assignee else None,
                created_by=self._owner_id(),
                created_at=at,
                updated_at=at,
            )
            if complete:
                task.task_status = "COMPLETE"
                task.updated_by = self._owner_id()
            lead.tasks.append(task)
            return task



    # --------------------------------------------- setups for the documented errors
    def duplicate(self, kind: str, title: str) -> None:
        """One more stage/group/label titled ``title``, so naming it in an upsert gets
        "Multiple lead stages found with this name" (labels: both are added)."""
        if kind == "stage":
            self.add_stage(title, position=None)
        elif kind == "group":
            self.add_group(title)
        elif kind == "label":
            self.add_label(title)
        else:
            raise ValueError(f"can only duplicate a stage, group or label, not {kind!r}")

    def share_primary(self, phone: str) -> None:
        """A second lead whose primary phone is ``phone`` (two if none has it yet), so an
        upsert on it gets "Customer phone exists in multiple contact"."""
        with self._lock:
            owners = self._phone_owners.get(phone, [])
            have = [lead for lead in owners if lead.primary_phone == phone]
            for _ in range(max(1, 2 - len(have))):
                self.add_lead(phone, first_name="Duplicate", last_name="Contact")

    def post_note(self, phone: str, text: str) -> None:
        """Put a timeline note on the lead ``phone`` is primary on (else any holding it):
        what a server that applies part of a refused upsert does (variant partial-apply)."""
        with self._lock:
            owners = self._phone_owners.get(phone, [])
            primary = [lead for lead in owners if lead.primary_phone == phone]
            if primary or owners:
                self._add_note((primary or owners)[0], text, self.now())


class _Titled(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def title(self) -> str: ...


def _one(rows: Iterable[R], title: str) -> R:
    for row in rows:
        if row.title == title:
            return row
    raise KeyError(title)


def _member(team: Iterable[TeamMember], phone: str) -> TeamMember:
    for member in team:
        if member.phone == phone:
            return member
    raise KeyError(phone)
