"""Request bodies (omitted vs null) and strict parsing of the CONTRACT's example JSON."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from superfone_desk.api.errors import MalformedResponse
from superfone_desk.api.models import (
    OMITTED,
    AddressUpdate,
    Catalog,
    CatalogItem,
    Lead,
    LeadUpsert,
    Page,
    Task,
    TaskCreate,
)
from tests.helpers.contract import EXAMPLE_UPSERT

# CONTRACT §3.2 example `data`, verbatim.
EXAMPLE_LEAD: dict[str, Any] = json.loads("""{
    "id": 12345, "org_id": 42,
    "first_name": "Asha", "last_name": "Kumar",
    "email": ["asha@example.com"], "website": null,
    "business_name": "Acme Pvt Ltd", "additional_info": null,
    "city": "Bengaluru", "deal_value": 50000, "status": "ACTIVE",
    "source": "website-form", "source_type": "OTHERS",
    "address": {"text": null, "additional": null, "initials": null, "latitude": null,
                "longitude": null},
    "assignee_user_id": 678, "lead_stage_id": 9, "lead_group_id": 3,
    "created_at": "2026-04-01T10:30:00.000Z", "updated_at": "2026-05-12T08:15:00.000Z",
    "phones": [{"phone": "+918000000001", "customer_id": 12345},
               {"phone": "+918000000002", "customer_id": 12345}],
    "labels": [{"id": 17, "title": "Hot", "colour": "#ff5722", "text_colour": "#ffffff",
                "status": "ACTIVE"}],
    "lead_stage": {"id": 9, "title": "New Lead", "org_id": 42, "status": "ACTIVE",
                   "type": "INITIAL", "position": 1},
    "lead_group": {"id": 3, "title": "Inbound", "org_id": 42, "status": "ACTIVE", "type": null},
    "assignee_user": {"id": 678, "first_name": "Ravi", "last_name": "Patel"}
}""")

# CONTRACT §4.2 example `data`.
EXAMPLE_TASK: dict[str, Any] = json.loads("""{
    "id": 4567, "org_id": 42, "customer_id": 12345, "title": null,
    "type": "FOLLOW_UP_CALL", "due_date": "2026-05-20T15:00:00.000Z",
    "notify_at": "2026-05-20T14:50:00.000Z", "notify": true,
    "task_status": "PENDING", "status": "ACTIVE", "assignee_user_id": 678,
    "created_by": 1, "updated_by": null,
    "created_at": "2026-05-19T08:30:00.000Z", "updated_at": "2026-05-19T08:30:00.000Z"
}""")

# CONTRACT §5-8 example `data` of each catalog.
EXAMPLE_PAGES: dict[Catalog, str] = {
    Catalog.LABELS: """{ "rows": [ { "id": 17, "org_id": 42, "title": "Hot", "colour": "#ff5722",
       "text_colour": "#ffffff", "status": "ACTIVE", "created_by": 678, "updated_by": null,
       "created_at": "2026-01-15T09:00:00.000Z", "updated_at": "2026-01-15T09:00:00.000Z" } ],
      "total_pages": 1, "current_page": 1, "page_size": 20, "total_items": 1 }""",
    Catalog.STAGES: """{ "rows": [
       { "id": 9,  "org_id": 42, "title": "New Lead",  "status": "ACTIVE", "type": "INITIAL",
         "position": 1, "is_editable": true, "identifier": null, "created_by": 678,
         "updated_by": null, "created_at": "2026-01-15T09:00:00.000Z",
         "updated_at": "2026-01-15T09:00:00.000Z" },
       { "id": 10, "org_id": 42, "title": "Qualified", "status": "ACTIVE", "type": "NONE",
         "position": 2, "is_editable": true, "identifier": null, "created_by": 678,
         "updated_by": null, "created_at": "2026-01-15T09:00:00.000Z",
         "updated_at": "2026-01-15T09:00:00.000Z" } ],
      "total_pages": 1, "current_page": 1, "page_size": 50, "total_items": 2 }""",
    Catalog.SOURCE_TYPES: """{ "rows": [ {"id": 1, "title": "CSV_UPLOAD"},
       {"id": 7, "title": "OTHERS"} ],
      "total_pages": 1, "current_page": 1, "page_size": 50, "total_items": 7 }""",
    Catalog.GROUPS: """{ "rows": [ { "id": 3, "org_id": 42, "title": "Inbound",
       "status": "ACTIVE", "type": null, "created_by": 678, "updated_by": null,
       "created_at": "2026-01-15T09:00:00.000Z", "updated_at": "2026-01-15T09:00:00.000Z" } ],
      "total_pages": 1, "current_page": 1, "page_size": 50, "total_items": 1 }""",
    Catalog.PRODUCTS: """{ "rows": [ { "id": 5, "org_id": 42, "title": "Starter Plan",
       "description": "Entry-level subscription, billed monthly.", "status": "ACTIVE",
       "price": 999, "currency": "INR", "link": "https://example.com/plans/starter",
       "images": {}, "created_by": 678, "updated_by": null,
       "created_at": "2026-02-01T09:00:00.000Z", "updated_at": "2026-02-01T09:00:00.000Z" } ],
      "total_pages": 1, "current_page": 1, "page_size": 50, "total_items": 1 }""",
}


def upsert_from_json(body: dict[str, Any]) -> LeadUpsert:
    """A LeadUpsert holding exactly the keys of ``body`` (lists become tuples)."""
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in body.items()}
    return LeadUpsert(**values)


# ------------------------------------------------------------------ LeadUpsert.to_json


def test_contract_example_round_trips_exactly() -> None:
    assert upsert_from_json(EXAMPLE_UPSERT).to_json() == dict(EXAMPLE_UPSERT)


def test_omitted_fields_are_absent() -> None:
    assert LeadUpsert(customer_phone="+918000000001").to_json() == {
        "customer_phone": "+918000000001"
    }


def test_null_clears_and_is_sent_as_null() -> None:
    body = LeadUpsert(
        customer_phone="+918000000001",
        lead_stage_name=None,
        lead_group_name=None,
        assignee_user_phone=None,
    ).to_json()
    assert body == {
        "customer_phone": "+918000000001",
        "lead_stage_name": None,
        "lead_group_name": None,
        "assignee_user_phone": None,
    }
    assert json.dumps(body).count("null") == 3


def test_address_sends_only_the_parts_given() -> None:
    body = LeadUpsert(
        customer_phone="+918000000001",
        address=AddressUpdate(text="12 MG Road", initials=None, latitude=12.97),
    ).to_json()
    assert body["address"] == {"text": "12 MG Road", "initials": None, "latitude": 12.97}


def test_empty_address_is_not_sent() -> None:
    body = LeadUpsert(customer_phone="+918000000001", address=AddressUpdate()).to_json()
    assert "address" not in body


def test_empty_lists_are_sent_as_empty_lists() -> None:
    body = LeadUpsert(customer_phone="+918000000001", add_labels=(), email=()).to_json()
    assert body["add_labels"] == []
    assert body["email"] == []


@pytest.mark.parametrize(
    ("add", "remove"), [(("Hot",), ("Cold",)), ((), ()), (("Hot",), ()), ((), ("Cold",))]
)
def test_both_label_keys_are_refused_even_when_empty(
    add: tuple[str, ...], remove: tuple[str, ...]
) -> None:
    with pytest.raises(ValueError, match="add_labels and remove_labels"):
        LeadUpsert(customer_phone="+918000000001", add_labels=add, remove_labels=remove)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        LeadUpsert(customer_phone="+918000000001", deal_value=bad)
    with pytest.raises(ValueError, match="finite"):
        LeadUpsert(customer_phone="+918000000001", address=AddressUpdate(latitude=bad))
    with pytest.raises(ValueError, match="finite"):
        LeadUpsert(customer_phone="+918000000001", address=AddressUpdate(longitude=bad))


def test_customer_phone_is_required() -> None:
    with pytest.raises(ValueError, match="customer_phone"):
        LeadUpsert(customer_phone="")


def test_sends_note() -> None:
    assert LeadUpsert(customer_phone="+1", customer_note="hi").sends_note()
    assert not LeadUpsert(customer_phone="+1").sends_note()


@given(
    first_name=st.one_of(st.just(OMITTED), st.text()),
    stage=st.one_of(st.just(OMITTED), st.none(), st.text()),
    deal=st.one_of(st.just(OMITTED), st.floats(allow_nan=False, allow_infinity=False)),
)
def test_to_json_is_always_strict_json_with_no_omitted_marker(
    first_name: Any, stage: Any, deal: Any
) -> None:
    payload = LeadUpsert(
        customer_phone="+918000000001",
        first_name=first_name,
        lead_stage_name=stage,
        deal_value=deal,
    )
    body = payload.to_json()
    assert json.loads(json.dumps(body, allow_nan=False)) == body
    assert ("first_name" in body) == (first_name is not OMITTED)
    assert ("lead_stage_name" in body) == (stage is not OMITTED)
    assert ("deal_value" in body) == (deal is not OMITTED)


def test_task_create_to_json() -> None:
    assert TaskCreate(type="REMINDER", due_date="2026-05-20T15:00:00Z").to_json() == {
        "type": "REMINDER",
        "due_date": "2026-05-20T15:00:00Z",
    }
    full = TaskCreate(
        type="FOLLOW_UP_CALL",
        due_date="2026-05-20T15:00:00Z",
        notify_at="2026-05-20T14:00:00Z",
        customer_note="Call back",
    )
    assert full.to_json() == {
        "type": "FOLLOW_UP_CALL",
        "due_date": "2026-05-20T15:00:00Z",
        "notify_at": "2026-05-20T14:00:00Z",
        "customer_note": "Call back",
    }


# ---------------------------------------------------------------------------- parsing


def test_lead_parses_the_contract_example() -> None:
    lead = Lead.parse(EXAMPLE_LEAD)
    assert lead.id == 12345
    assert lead.phones == ("+918000000001", "+918000000002")
    assert lead.primary_phone == "+918000000001"
    assert lead.display_name == "Asha Kumar"
    assert lead.email == ("asha@example.com",)
    assert lead.deal_value == 50000.0
    assert lead.labels[0].title == "Hot"
    assert lead.labels[0].colour == "#ff5722"
    assert lead.lead_stage is not None
    assert (lead.lead_stage.id, lead.lead_stage.title, lead.lead_stage.position) == (
        9,
        "New Lead",
        1.0,
    )
    assert lead.lead_group is not None
    assert lead.lead_group.title == "Inbound"
    assert lead.assignee_user is not None
    assert lead.assignee_user.display_name == "Ravi Patel"
    assert lead.address.text is None
    assert lead.created_at == "2026-04-01T10:30:00.000Z"


def test_lead_with_nulls_where_allowed() -> None:
    raw = dict(EXAMPLE_LEAD, email=None, lead_stage=None, lead_group=None, assignee_user=None)
    lead = Lead.parse(raw)
    assert (lead.email, lead.lead_stage, lead.lead_group, lead.assignee_user) == (
        (),
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    "change",
    [
        {"id": "12345"},  # number as string
        {"id": True},  # bool is not a number here
        {"phones": []},
        {"phones": "+918000000001"},
        {"phones": [{"customer_id": 1}]},
        {"email": "asha@example.com"},
        {"deal_value": "50000"},
        {"labels": [{"title": "Hot"}]},
        {"lead_stage": "New Lead"},
    ],
)
def test_lead_of_the_wrong_shape_is_malformed(change: dict[str, Any]) -> None:
    with pytest.raises(MalformedResponse):
        Lead.parse(dict(EXAMPLE_LEAD, **change))


@pytest.mark.parametrize("raw", [None, "lead", [], 12345])
def test_lead_that_is_no_object_is_malformed(raw: object) -> None:
    with pytest.raises(MalformedResponse):
        Lead.parse(raw)


def test_task_parses_the_contract_example() -> None:
    task = Task.parse(EXAMPLE_TASK)
    assert (task.id, task.customer_id, task.type, task.task_status, task.status) == (
        4567,
        12345,
        "FOLLOW_UP_CALL",
        "PENDING",
        "ACTIVE",
    )
    assert task.assignee_user_id == 678
    assert task.notify_at == "2026-05-20T14:50:00.000Z"


@pytest.mark.parametrize("catalog", list(Catalog))
def test_each_catalog_example_page_parses(catalog: Catalog) -> None:
    page = Page.parse(json.loads(EXAMPLE_PAGES[catalog]), CatalogItem.parse)
    assert page.current_page == 1
    assert page.rows
    assert all(isinstance(row, CatalogItem) and row.title for row in page.rows)


def test_stage_rows_keep_position_and_labels_keep_colours() -> None:
    stages = Page.parse(json.loads(EXAMPLE_PAGES[Catalog.STAGES]), CatalogItem.parse)
    assert [(r.title, r.position) for r in stages.rows] == [("New Lead", 1.0), ("Qualified", 2.0)]
    labels = Page.parse(json.loads(EXAMPLE_PAGES[Catalog.LABELS]), CatalogItem.parse)
    assert labels.rows[0].colour == "#ff5722"
    assert labels.page_size == 20


def test_source_types_without_status_are_active() -> None:
    page = Page.parse(json.loads(EXAMPLE_PAGES[Catalog.SOURCE_TYPES]), CatalogItem.parse)
    assert all(row.active for row in page.rows)
    assert not CatalogItem(id=1, title="Old", status="DISABLED").active


@pytest.mark.parametrize(
    "raw",
    [
        "rows",
        {"total_pages": 1, "current_page": 1, "page_size": 50, "total_items": 0},
        {"rows": [], "total_pages": "1", "current_page": 1, "page_size": 50, "total_items": 0},
        {"rows": {}, "total_pages": 1, "current_page": 1, "page_size": 50, "total_items": 0},
        {
            "rows": [{"id": 1}],
            "total_pages": 1,
            "current_page": 1,
            "page_size": 50,
            "total_items": 1,
        },
    ],
)
def test_page_of_the_wrong_shape_is_malformed(raw: object) -> None:
    with pytest.raises(MalformedResponse):
        Page.parse(raw, CatalogItem.parse)


def test_catalog_paths() -> None:
    assert {c: c.path for c in Catalog} == {
        Catalog.SOURCE_TYPES: "/enterprise/api/source-type",
        Catalog.LABELS: "/enterprise/api/label",
        Catalog.STAGES: "/enterprise/api/lead-stage",
        Catalog.GROUPS: "/enterprise/api/lead-group",
        Catalog.PRODUCTS: "/enterprise/api/product",
    }
