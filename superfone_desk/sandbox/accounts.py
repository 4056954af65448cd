"""One sandbox account (one API key): its state and the business rules of CONTRACT §2–8.

Every public method takes the account lock, so an account is safe to share between the
server's handler threads. Rule methods return the ``data`` of a success or raise
:class:`~superfone_desk.sandbox.errors.ApiError`; they validate everything before
changing anything, so a failing request applies nothing (CONTRACT U5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

from superfone_desk.sandbox import errors
from superfone_desk.sandbox.dashboard import AccountData, Clock, IdSource
from superfone_desk.sandbox.errors import ApiError
from superfone_desk.sandbox.model import (
    ADDRESS_KEYS,
    TASK_TYPES,
    Group,
    JSONDict,
    Label,
    Lead,
    Product,
    SourceType,
    Stage,
    Task,
    TeamMember,
    is_valid_phone,
    parse_iso,
)
from superfone_desk.sandbox.validation import (
    Paging,
    UpsertRequest,
    page_of,
    parse_paging,
    parse_upsert,
)

T = TypeVar("T")
R = TypeVar("R", bound="_Titled")

__all__ = ["CATALOGS", "Account", "Clock", "IdSource"]

CATALOG_PAGE_SIZE = 50
CATALOG_MAX_PAGE_SIZE = 100
TASK_PAGE_SIZE = 20
TASK_MAX_PAGE_SIZE = 20
CATALOGS: tuple[str, ...] = ("source-type", "label", "lead-stage", "lead-group", "product")


class Account(AccountData):
    """The CRM data of one API key, and the API's rules on it (CONTRACT §2–8).

    ``AccountData`` (``sandbox.dashboard``) holds the data and what the dashboard does
    to it directly (catalog rows, team, leads and tasks put in as-is, for seeds/tests).
    """

    # ----------------------------------------------------------------- read access (tests)
    def find_leads(self, phone: str) -> list[Lead]:
        """Leads that hold ``phone`` anywhere in their phone list, oldest first."""
        with self._lock:
            return list(self._phone_owners.get(phone, []))

    def lead(self, lead_id: int) -> Lead | None:
        with self._lock:
            return self._leads_by_id.get(lead_id)

    def snapshot(self) -> JSONDict:
        """A JSON-able dump of the whole account."""
        with self._lock:
            return {
                "org_id": self.org_id,
                "leads": [lead.snapshot() for lead in self.leads],
                "labels": [label.to_json() for label in self.labels],
                "lead_stages": [stage.to_json() for stage in _stage_order(self.stages)],
                "lead_groups": [group.to_json() for group in self.groups],
                "products": [product.to_json() for product in self.products],
                "source_types": [source.to_json() for source in self.source_types],
                "team_members": [member.to_json() for member in self.team],
            }

    # ------------------------------------------------------------------- 1. upsert
    def upsert_lead(self, body: Mapping[str, Any]) -> None:
        """POST /enterprise/api/lead. Validation order: CONTRACT U4 (see docs/sandbox.md)."""
        with self._lock:
            req = parse_upsert(body)
            if not is_valid_phone(req.customer_phone):
                raise ApiError(400, errors.INVALID_PHONE)
            if not all(is_valid_phone(phone) for phone in req.add_phones):
                raise ApiError(400, errors.INVALID_PHONE)
            add_phones = list(dict.fromkeys(str(phone) for phone in req.add_phones))
            if "add_labels" in req.present and "remove_labels" in req.present:
                raise ApiError(400, errors.LABELS_CONFLICT)
            assignee_given = "assignee_user_phone" in req.present
            if req.assignee_phone is not None and not is_valid_phone(req.assignee_phone):
                raise ApiError(400, errors.ASSIGNEE_PHONE_INVALID)

            lead = self._match_primary(req)
            stage = self._resolve_stage(req) if "lead_stage_name" in req.present else None
            group = self._resolve_group(req) if "lead_group_name" in req.present else None
            assignee = self._resolve_assignee(req.assignee_phone) if assignee_given else None
            for phone in add_phones:
                if any(owner is not lead for owner in self._phone_owners.get(phone, [])):
                    raise ApiError(400, errors.ADD_PHONE_CONFLICT.format(phone=phone))

            # ---- everything is valid: apply (nothing below can fail)
            now = self.now()
            if lead is None:
                lead = Lead(
                    id=self._ids.next("lead"), org_id=self.org_id, phones=[], created_at=now
                )
                self._attach_phone(lead, req.customer_phone)
                self.leads.append(lead)
                self._leads_by_id[lead.id] = lead
            self._apply(lead, req, stage, group, assignee, add_phones, now)

    def _match_primary(self, req: UpsertRequest) -> Lead | None:
        owners = self._phone_owners.get(req.customer_phone, [])
        primaries = [lead for lead in owners if lead.primary_phone == req.customer_phone]
        if len(primaries) > 1:
            raise ApiError(400, errors.MULTIPLE_CONTACT)
        if primaries:
            return primaries[0]
        if not req.create:
            raise ApiError(400, errors.CUSTOMER_NOT_FOUND)
        if owners:  # CONTRACT U18: only a secondary phone elsewhere -> conflict
            raise ApiError(
                400, errors.CUSTOMER_PHONE_IS_SECONDARY.format(phone=req.customer_phone)
            )
        return None

    def _resolve_stage(self, req: UpsertRequest) -> Stage | None:
        if req.stage_name is None:
            return None
        found = [stage for stage in self.stages if stage.title == req.stage_name]
        if not found:
            raise ApiError(404, errors.STAGE_NOT_FOUND)
        if len(found) > 1:
            raise ApiError(400, errors.MULTIPLE_STAGES)
        return found[0]

    def _resolve_group(self, req: UpsertRequest) -> Group | None:
        if req.group_name is None:
            return None
        found = [group for group in self.groups if group.title == req.group_name]
        if not found:
            raise ApiError(404, errors.GROUP_NOT_FOUND)
        if len(found) > 1:
            raise ApiError(400, errors.MULTIPLE_GROUPS)
        return found[0]

    def _resolve_assignee(self, phone: object) -> TeamMember | None:
        if phone is None:
            return None
        members = [member for member in self.team if member.phone == phone]
        if not members:
            raise ApiError(404, errors.ASSIGNEE_NOT_FOUND)
        active = [member for member in members if member.active]
        if not active:
            raise ApiError(400, errors.ASSIGNEE_NOT_IN_TEAM)
        return active[0]

    def _apply(
        self,
        lead: Lead,
        req: UpsertRequest,
        stage: Stage | None,
        group: Group | None,
        assignee: TeamMember | None,
        add_phones: list[str],
        now: datetime,
    ) -> None:
        for name, value in req.scalars.items():
            setattr(lead, name, value)
        if "address" in req.present:
            if req.address is None:
                lead.address = dict.fromkeys(ADDRESS_KEYS)
            else:
                lead.address.update(req.address)
        if "lead_stage_name" in req.present:
            lead.stage = stage
        if "lead_group_name" in req.present:
            lead.group = group
        if "assignee_user_phone" in req.present:
            lead.assignee = assignee
        for title in req.add_labels:
            for label in self.labels:
                if label.title == title and label not in lead.labels:
                    lead.labels.append(label)
        if req.remove_labels:
            removed = set(req.remove_labels)
            lead.labels = [label for label in lead.labels if label.title not in removed]
        for title in req.add_products:
            for product in self.products:
                if product.title == title and product not in lead.products:
                    lead.products.append(product)
        for phone in add_phones:
            if phone not in lead.phones:
                self._attach_phone(lead, phone)
        if req.customer_note:
            self._add_note(lead, req.customer_note, now)
        lead.updated_at = now

    # -------------------------------------------------------------------- 2. get lead
    def get_lead(self, phone: str | None) -> JSONDict:
        """GET /enterprise/api/lead?phone=…: any phone matches; primary matches win (U7)."""
        with self._lock:
            if phone is None or not is_valid_phone(phone):
                raise ApiError(400, errors.INVALID_PHONE)
            owners = self._phone_owners.get(phone, [])
            if not owners:
                raise ApiError(404, errors.CUSTOMER_NOT_FOUND)
            primary = [lead for lead in owners if lead.primary_phone == phone]
            return (primary or owners)[0].to_json()

    # ---------------------------------------------------------------------- 3–5. tasks
    def _lead_for_task(self, raw_lead_id: str) -> Lead:
        if not raw_lead_id.isascii() or not raw_lead_id.isdigit():
            raise ApiError(400, errors.LEAD_ID_NOT_NUMBER)
        lead = self._leads_by_id.get(int(raw_lead_id))
        if lead is None:
            raise ApiError(404, errors.LEAD_NOT_FOUND)
        return lead

    def create_task(self, raw_lead_id: str, body: Mapping[str, Any] | None) -> JSONDict:
        """POST /enterprise/api/lead/:lead_id/task (CONTRACT §4.2).

        ``body`` is ``None`` when it was not a JSON object; that error comes after the
        lead_id checks.
        """
        with self._lock:
            lead = self._lead_for_task(raw_lead_id)
            if body is None:
                raise ApiError(400, errors.BODY_NOT_JSON_OBJECT)
            now = self.now()
            task_type = body.get("type")
            if task_type is None or task_type == "":
                raise ApiError(400, errors.TASK_TYPE_REQUIRED)
            if task_type not in TASK_TYPES:
                raise ApiError(400, errors.TASK_TYPE_INVALID)
            raw_due = body.get("due_date")
            if raw_due is None or raw_due == "":
                raise ApiError(400, errors.DUE_DATE_REQUIRED)
            due = parse_iso(raw_due) if isinstance(raw_due, str) else None
            if due is None:
                raise ApiError(400, errors.DUE_DATE_INVALID)
            raw_notify = body.get("notify_at")
            if raw_notify is not None:
                notify = parse_iso(raw_notify) if isinstance(raw_notify, str) else None
                if notify is None:
                    raise ApiError(400, errors.NOTIFY_AT_INVALID)
                if not now < notify <= due:
                    raise ApiError(400, errors.NOTIFY_AT_OUT_OF_RANGE)
            elif task_type == "REMINDER":
                notify = due
            elif task_type == "FIRST_CALL":
                notify = now
            else:  # CONTRACT U27: clamp the default to now
                notify = max(due - timedelta(minutes=10), now)
            note = body.get("customer_note")
            if note is not None and not isinstance(note, str):
                raise errors.type_error("customer_note", "string")

            task = Task(
                id=self._ids.next("task"),
                org_id=self.org_id,
                customer_id=lead.id,
                type=str(task_type),
                due_date=due,
                notify_at=notify,
                assignee_user_id=lead.assignee.id if lead.assignee else None,
                created_by=self._owner_id(),
                created_at=now,
                updated_at=now,
                customer_note=note,
            )
            if task.type != "REMINDER":
                for other in lead.tasks:
                    if other.is_open and other.type != "REMINDER":
                        self._close(other, now)
            lead.tasks.append(task)
            if note:
                self._add_note(lead, note, now, task.id)
            return task.to_json()

    def _close(self, task: Task, now: datetime) -> None:
        task.task_status = "COMPLETE"
        task.updated_by = self._owner_id()
        task.updated_at = now

    def complete_task(self, raw_lead_id: str) -> JSONDict:
        """POST /enterprise/api/lead/:lead_id/task/complete: closes the newest open task."""
        with self._lock:
            lead = self._lead_for_task(raw_lead_id)
            open_tasks = [task for task in lead.tasks if task.is_open]
            if not open_tasks:
                raise ApiError(400, errors.NO_OPEN_TASK)
            task = max(open_tasks, key=lambda t: (t.created_at, t.id))
            self._close(task, self.now())
            return task.to_json()

    def list_tasks(self, raw_lead_id: str, query: Mapping[str, list[str]]) -> JSONDict:
        """GET /enterprise/api/lead/:lead_id/task: newest first, page_size ≤ 20."""
        with self._lock:
            lead = self._lead_for_task(raw_lead_id)
            paging = parse_paging(
                query, default_size=TASK_PAGE_SIZE, max_size=TASK_MAX_PAGE_SIZE
            )
            ordered = sorted(lead.tasks, key=lambda t: (t.created_at, t.id), reverse=True)
            return _paged(ordered, paging, Task.to_json)

    # --------------------------------------------------------------------- 6–10. catalogs
    def list_catalog(self, catalog: str, query: Mapping[str, list[str]]) -> JSONDict:
        """GET one of the catalog lists (``catalog`` is a name from :data:`CATALOGS`)."""
        with self._lock:
            paging = parse_paging(
                query, default_size=CATALOG_PAGE_SIZE, max_size=CATALOG_MAX_PAGE_SIZE
            )
            text_values = query.get("text") or [""]
            needle = text_values[0].casefold()
            if catalog == "source-type":
                return _paged(_filter(self.source_types, needle), paging, SourceType.to_json)
            if catalog == "label":
                return _paged(_filter(_by_id(self.labels), needle), paging, Label.to_json)
            if catalog == "lead-stage":
                stages = _filter(_stage_order(self.stages), needle)
                return _paged(stages, paging, Stage.to_json)
            if catalog == "lead-group":
                return _paged(_filter(_by_id(self.groups), needle), paging, Group.to_json)
            if catalog == "product":
                return _paged(_filter(_by_id(self.products), needle), paging, Product.to_json)
            raise KeyError(catalog)


class _Titled(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def title(self) -> str: ...


def _by_id(rows: Iterable[R]) -> list[R]:
    return sorted(rows, key=lambda row: row.id)


def _stage_order(stages: Iterable[Stage]) -> list[Stage]:
    """CONTRACT U12: by position (rows without one last), then id."""
    return sorted(
        stages,
        key=lambda s: (s.position is None, s.position if s.position is not None else 0, s.id),
    )


def _filter(rows: Iterable[R], needle: str) -> list[R]:
    """CONTRACT U15: case-insensitive literal substring on ``title``; empty = everything."""
    return [row for row in rows if needle in row.title.casefold()]


def _paged(rows: list[T], paging: Paging, to_json: Callable[[T], JSONDict]) -> JSONDict:
    page = page_of(rows, paging)
    page["rows"] = [to_json(row) for row in page["rows"]]
    return page
