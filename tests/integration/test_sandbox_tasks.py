"""Get Lead and the task endpoints (CONTRACT §3, §4, U7–U9, U25, U27)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from superfone_desk.sandbox import SandboxServer

TEST_KEY = "test-key"
LEAD = "/enterprise/api/lead"
ANIL = "+919845012345"  # demo lead, assigned to Ravi Patel, no tasks
SUNITA = "+919820098765"  # demo lead with one COMPLETE and one PENDING task
SUNITA_SECONDARY = "+912226541234"
FUTURE = "2099-05-20T15:00:00Z"


def assert_error(response: httpx.Response, status: int, message: str) -> None:
    assert (response.status_code, response.json()) == (status, {"message": message})


def lead_id(client: httpx.Client, phone: str) -> int:
    response = client.get(LEAD, params={"phone": phone})
    assert response.status_code == 200
    value: int = response.json()["data"]["id"]
    return value


def create(client: httpx.Client, lid: int | str, **body: Any) -> httpx.Response:
    return client.post(f"{LEAD}/{lid}/task", json=body)


def data(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["message"] == "success"
    return body["data"]


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


# ---------------------------------------------------------------------- Get Lead
def test_get_lead_by_secondary_phone_lists_primary_first(client: httpx.Client) -> None:
    lead = data(client.get(LEAD, params={"phone": SUNITA_SECONDARY}))
    assert [p["phone"] for p in lead["phones"]] == [SUNITA, SUNITA_SECONDARY]
    assert {p["customer_id"] for p in lead["phones"]} == {lead["id"]}
    assert lead["first_name"] == "Sunita"


def test_get_lead_shape(client: httpx.Client) -> None:
    lead = data(client.get(LEAD, params={"phone": ANIL}))
    assert list(lead) == [
        "id", "org_id", "first_name", "last_name", "email", "website", "business_name",
        "additional_info", "city", "deal_value", "status", "source", "source_type", "address",
        "assignee_user_id", "lead_stage_id", "lead_group_id", "created_at", "updated_at",
        "phones", "labels", "lead_stage", "lead_group", "assignee_user",
    ]  # fmt: skip
    assert set(lead["labels"][0]) == {"id", "title", "colour", "text_colour", "status"}
    assert set(lead["lead_stage"]) == {"id", "title", "org_id", "status", "type", "position"}
    assert set(lead["lead_group"]) == {"id", "title", "org_id", "status", "type"}
    assert lead["assignee_user"] == {"id": lead["assignee_user_id"], "first_name": "Ravi",
                                     "last_name": "Patel"}  # fmt: skip
    assert lead["created_at"] == "2026-03-02T10:30:00.000Z"


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({}, 400, "Invalid phone number."),
        ({"phone": ""}, 400, "Invalid phone number."),
        ({"phone": "9845012345"}, 400, "Invalid phone number."),
        ({"phone": "+918000000099"}, 404, "Customer not found."),
    ],
)
def test_get_lead_errors(
    client: httpx.Client, params: dict[str, str], status: int, message: str
) -> None:
    assert_error(client.get(LEAD, params=params), status, message)


def test_get_lead_unencoded_plus_is_a_space(client: httpx.Client) -> None:
    """A raw ``+`` in the query decodes to a space (CONTRACT §1.1), so it is invalid."""
    assert_error(client.get(f"{LEAD}?phone=+919845012345"), 400, "Invalid phone number.")


# ---------------------------------------------------------------------- create task
def test_create_task_defaults_and_takes_the_leads_assignee(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    lid = lead_id(client, ANIL)
    before = datetime.now(UTC) - timedelta(seconds=1)
    task = data(create(client, lid, type="FOLLOW_UP_CALL", due_date=FUTURE))
    ravi = next(m for m in sandbox.account(TEST_KEY).team if m.first_name == "Ravi")
    assert task["customer_id"] == lid
    assert task["title"] is None
    assert (task["type"], task["task_status"], task["status"]) == (
        "FOLLOW_UP_CALL", "PENDING", "ACTIVE",
    )  # fmt: skip
    assert task["due_date"] == "2099-05-20T15:00:00.000Z"
    assert task["notify_at"] == "2099-05-20T14:50:00.000Z"
    assert task["notify"] is True
    assert task["assignee_user_id"] == ravi.id
    assert task["updated_by"] is None
    assert parse(task["created_at"]) >= before
    assert list(task) == [
        "id", "org_id", "customer_id", "title", "type", "due_date", "notify_at", "notify",
        "task_status", "status", "assignee_user_id", "created_by", "updated_by", "created_at",
        "updated_at",
    ]  # fmt: skip


def test_notify_at_defaults_per_type(client: httpx.Client) -> None:
    lid = lead_id(client, ANIL)
    reminder = data(create(client, lid, type="REMINDER", due_date=FUTURE))
    assert reminder["notify_at"] == reminder["due_date"]
    first = data(create(client, lid, type="FIRST_CALL", due_date=FUTURE))
    assert abs(parse(first["notify_at"]) - parse(first["created_at"])) < timedelta(seconds=1)
    past = data(create(client, lid, type="SITE_VISIT", due_date="2001-01-01T00:00:00Z"))
    assert past["due_date"] == "2001-01-01T00:00:00.000Z"  # past due dates accepted (U27)
    assert parse(past["notify_at"]) >= parse(past["created_at"])  # clamped to now


def test_explicit_notify_at_window(client: httpx.Client) -> None:
    lid = lead_id(client, ANIL)
    ok = create(client, lid, type="BOOKING", due_date=FUTURE, notify_at="2099-05-20T12:00:00Z")
    assert data(ok)["notify_at"] == "2099-05-20T12:00:00.000Z"
    equal = create(client, lid, type="BOOKING", due_date=FUTURE, notify_at=FUTURE)
    assert data(equal)["notify_at"] == "2099-05-20T15:00:00.000Z"
    message = "notify_at must be after the current time and not after due_date"
    late = create(client, lid, type="BOOKING", due_date=FUTURE, notify_at="2099-05-20T15:00:01Z")
    assert_error(late, 400, message)
    past = create(client, lid, type="BOOKING", due_date=FUTURE, notify_at="2020-01-01T00:00:00Z")
    assert_error(past, 400, message)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"due_date": FUTURE}, "type is required"),
        ({"type": "MEETING", "due_date": FUTURE},
         "Invalid task type. Must be one of: FOLLOW_UP_CALL, FIRST_CALL, CALLBACK_REQUEST, "
         "SITE_VISIT, REMINDER, BOOKING"),
        ({"type": "follow_up_call", "due_date": FUTURE},
         "Invalid task type. Must be one of: FOLLOW_UP_CALL, FIRST_CALL, CALLBACK_REQUEST, "
         "SITE_VISIT, REMINDER, BOOKING"),
        ({"type": "REMINDER"}, "due_date is required"),
        ({"type": "REMINDER", "due_date": "tomorrow"},
         "due_date must be a valid ISO 8601 date-time"),
        ({"type": "REMINDER", "due_date": 1700000000},
         "due_date must be a valid ISO 8601 date-time"),
        ({"type": "REMINDER", "due_date": FUTURE, "notify_at": "soon"},
         "notify_at must be a valid ISO 8601 date-time"),
        ({"type": "REMINDER", "due_date": FUTURE, "customer_note": 5},
         "Invalid type for customer_note: expected string"),
    ],
)  # fmt: skip
def test_create_task_invented_errors(
    client: httpx.Client, sandbox: SandboxServer, body: dict[str, Any], message: str
) -> None:
    lid = lead_id(client, ANIL)
    assert_error(create(client, lid, **body), 400, message)
    assert sandbox.account(TEST_KEY).lead(lid).tasks == []  # type: ignore[union-attr]


def test_create_task_body_not_json(client: httpx.Client) -> None:
    lid = lead_id(client, ANIL)
    response = client.post(f"{LEAD}/{lid}/task", content=b"type=REMINDER")
    assert_error(response, 400, "Request body must be a valid JSON object")


@pytest.mark.parametrize("method", ["create", "complete", "list"])
def test_lead_id_errors_on_every_task_endpoint(
    client: httpx.Client, other_client: httpx.Client, method: str
) -> None:
    def call(lid: str) -> httpx.Response:
        if method == "create":
            return client.post(f"{LEAD}/{lid}/task", json={"type": "REMINDER", "due_date": FUTURE})
        if method == "complete":
            return client.post(f"{LEAD}/{lid}/task/complete")
        return client.get(f"{LEAD}/{lid}/task")

    for bad in ("abc", "12a", "-5", "1.5"):
        assert_error(call(bad), 400, "lead_id must be a number")
    assert_error(call("999999"), 404, "Lead not found")
    other_lead = lead_id(other_client, ANIL)  # same phone, other account: different id
    assert other_lead != lead_id(client, ANIL)
    assert_error(call(str(other_lead)), 404, "Lead not found")


def test_non_reminder_closes_other_open_non_reminders(client: httpx.Client) -> None:
    lid = lead_id(client, ANIL)
    reminder = data(create(client, lid, type="REMINDER", due_date=FUTURE))
    first = data(create(client, lid, type="FIRST_CALL", due_date=FUTURE))
    second = data(create(client, lid, type="CALLBACK_REQUEST", due_date=FUTURE))
    rows = data(client.get(f"{LEAD}/{lid}/task"))["rows"]
    state = {row["id"]: (row["task_status"], row["status"]) for row in rows}
    assert state == {
        reminder["id"]: ("PENDING", "ACTIVE"),
        first["id"]: ("COMPLETE", "COMPLETE"),
        second["id"]: ("PENDING", "ACTIVE"),
    }
    closed = next(row for row in rows if row["id"] == first["id"])
    assert closed["updated_by"] is not None
    # a REMINDER never closes anything
    data(create(client, lid, type="REMINDER", due_date=FUTURE))
    rows = data(client.get(f"{LEAD}/{lid}/task"))["rows"]
    assert sum(row["task_status"] == "PENDING" for row in rows) == 3


def test_complete_closes_most_recent_open_then_errors(client: httpx.Client) -> None:
    lid = lead_id(client, ANIL)
    assert_error(client.post(f"{LEAD}/{lid}/task/complete"), 400,
                 "No open task found for this lead")  # fmt: skip
    call = data(create(client, lid, type="FOLLOW_UP_CALL", due_date=FUTURE))
    reminder = data(create(client, lid, type="REMINDER", due_date=FUTURE))
    done = data(client.post(f"{LEAD}/{lid}/task/complete"))
    assert done["id"] == reminder["id"]
    assert (done["task_status"], done["status"]) == ("COMPLETE", "COMPLETE")
    assert done["updated_by"] is not None
    assert data(client.post(f"{LEAD}/{lid}/task/complete"))["id"] == call["id"]
    assert_error(client.post(f"{LEAD}/{lid}/task/complete"), 400,
                 "No open task found for this lead")  # fmt: skip


def test_task_note_goes_on_the_lead_timeline(client: httpx.Client, sandbox: SandboxServer) -> None:
    lid = lead_id(client, ANIL)
    task = data(create(client, lid, type="REMINDER", due_date=FUTURE, customer_note="Bring ID"))
    lead = next(x for x in sandbox.snapshot(TEST_KEY)["leads"] if x["id"] == lid)
    assert [(n["text"], n["task_id"]) for n in lead["notes"]] == [("Bring ID", task["id"])]


def test_unassigned_lead_gives_unassigned_task(client: httpx.Client) -> None:
    body = {"customer_phone": "+918000000001", "create_customer_if_customer_phone_not_found": True}
    assert client.post(LEAD, json=body).status_code == 200
    lid = lead_id(client, "+918000000001")
    assert data(create(client, lid, type="REMINDER", due_date=FUTURE))["assignee_user_id"] is None


# ---------------------------------------------------------------------- list tasks
def test_list_tasks_newest_first_and_paging(client: httpx.Client) -> None:
    lid = lead_id(client, SUNITA)
    seeded = data(client.get(f"{LEAD}/{lid}/task"))
    assert seeded["total_items"] == 2
    assert [r["type"] for r in seeded["rows"]] == ["FOLLOW_UP_CALL", "FIRST_CALL"]
    ids = [data(create(client, lid, type="REMINDER", due_date=FUTURE))["id"] for _ in range(21)]
    page1 = data(client.get(f"{LEAD}/{lid}/task"))
    assert (page1["page_size"], page1["total_items"], page1["total_pages"]) == (20, 23, 2)
    assert [r["id"] for r in page1["rows"]] == ids[::-1][:20]
    page2 = data(client.get(f"{LEAD}/{lid}/task", params={"page": 2}))
    assert [r["type"] for r in page2["rows"]] == ["REMINDER", "FOLLOW_UP_CALL", "FIRST_CALL"]
    page3 = data(client.get(f"{LEAD}/{lid}/task", params={"page": 3, "page_size": 20}))
    assert page3["rows"] == []
    assert page3["current_page"] == 3


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page_size": 21}, "page_size must not be greater than 20"),
        ({"page_size": 0}, "page_size must be a positive integer"),
        ({"page": 0}, "page must be a positive integer"),
        ({"page": "x"}, "page must be a positive integer"),
    ],
)
def test_list_tasks_paging_errors(
    client: httpx.Client, params: dict[str, Any], message: str
) -> None:
    lid = lead_id(client, SUNITA)
    assert_error(client.get(f"{LEAD}/{lid}/task", params=params), 400, message)
