"""Catalog lists: shapes, order, paging edges, text filter (CONTRACT §5–8, U10–U15)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from superfone_desk.sandbox import SandboxServer

TEST_KEY = "test-key"
API = "/enterprise/api"


def page(client: httpx.Client, catalog: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"{API}/{catalog}", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["message"] == "success"
    result: dict[str, Any] = body["data"]
    return result


def titles(data: dict[str, Any]) -> list[str]:
    return [row["title"] for row in data["rows"]]


def assert_error(response: httpx.Response, status: int, message: str) -> None:
    assert (response.status_code, response.json()) == (status, {"message": message})


def test_source_types_are_the_seven(client: httpx.Client) -> None:
    data = page(client, "source-type")
    assert data == {
        "rows": [
            {"id": 1, "title": "CSV_UPLOAD"}, {"id": 2, "title": "FACEBOOK_INTEGRATION"},
            {"id": 3, "title": "PHONE_CONTACT"}, {"id": 4, "title": "WHATSAPP_MESSAGE"},
            {"id": 5, "title": "WHATSAPP_INTEGRATION"}, {"id": 6, "title": "PABBLY"},
            {"id": 7, "title": "OTHERS"},
        ],
        "total_pages": 1, "current_page": 1, "page_size": 50, "total_items": 7,
    }  # fmt: skip


def test_row_fields(client: httpx.Client) -> None:
    label = page(client, "label")["rows"][0]
    assert list(label) == ["id", "org_id", "title", "colour", "text_colour", "status",
                           "created_by", "updated_by", "created_at", "updated_at"]  # fmt: skip
    stage = page(client, "lead-stage")["rows"][0]
    assert list(stage) == ["id", "org_id", "title", "status", "type", "position", "is_editable",
                           "identifier", "created_by", "updated_by", "created_at",
                           "updated_at"]  # fmt: skip
    group = page(client, "lead-group")["rows"][0]
    assert list(group) == ["id", "org_id", "title", "status", "type", "created_by",
                           "updated_by", "created_at", "updated_at"]  # fmt: skip
    product = page(client, "product")["rows"][0]
    assert product["title"] == "Starter Plan"
    assert list(product) == ["id", "org_id", "title", "description", "status", "price",
                             "currency", "link", "images", "created_by", "updated_by",
                             "created_at", "updated_at"]  # fmt: skip
    assert (product["price"], product["currency"], product["images"]) == (999, "INR", {})
    assert label["created_at"] == "2026-01-15T09:00:00.000Z"


def test_demo_catalogs(client: httpx.Client) -> None:
    stages = page(client, "lead-stage")
    assert titles(stages) == ["New Lead", "Qualified", "Proposal Sent", "Negotiation", "Won",
                              "Lost"]  # fmt: skip
    assert [(r["type"], r["position"]) for r in stages["rows"]][::5] == [
        ("INITIAL", 1), ("FINAL_NEGATIVE", 6)]  # fmt: skip
    assert titles(page(client, "lead-group")) == ["Inbound", "Outbound", "Referral"]
    labels = page(client, "label")
    assert labels["total_items"] == 12
    assert [r["title"] for r in labels["rows"] if r["status"] == "DISABLED"] == ["Old Campaign"]
    assert page(client, "product")["total_items"] == 5


def test_stage_order_is_position_then_id(client: httpx.Client, sandbox: SandboxServer) -> None:
    account = sandbox.account(TEST_KEY)
    account.add_stage("Site Visit Done", 2)
    account.add_stage("Unpositioned", None)
    account.add_stage("First", 0)
    assert titles(page(client, "lead-stage")) == [
        "First", "New Lead", "Qualified", "Site Visit Done", "Proposal Sent", "Negotiation",
        "Won", "Lost", "Unpositioned",
    ]  # fmt: skip


def test_paging(client: httpx.Client) -> None:
    first = page(client, "label", page_size=5)
    assert (first["total_pages"], first["current_page"], first["page_size"]) == (3, 1, 5)
    third = page(client, "label", page_size=5, page=3)
    assert len(third["rows"]) == 2
    assert third["total_items"] == 12
    everything = titles(first) + titles(page(client, "label", page_size=5, page=2))
    assert everything + titles(third) == titles(page(client, "label"))
    beyond = page(client, "label", page_size=5, page=4)
    assert beyond["rows"] == []
    assert beyond["current_page"] == 4
    assert beyond["total_pages"] == 3


def test_page_size_limits(client: httpx.Client, sandbox: SandboxServer) -> None:
    for index in range(120):
        sandbox.account(TEST_KEY).add_label(f"Bulk {index:03d}")
    full = page(client, "label", page_size=100)
    assert (len(full["rows"]), full["total_pages"], full["total_items"]) == (100, 2, 132)
    assert len(page(client, "label")["rows"]) == 50
    response = client.get(f"{API}/label", params={"page_size": 101})
    assert_error(response, 400, "page_size must not be greater than 100")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": 0}, "page must be a positive integer"),
        ({"page": -1}, "page must be a positive integer"),
        ({"page": "two"}, "page must be a positive integer"),
        ({"page_size": 0}, "page_size must be a positive integer"),
        ({"page_size": "1e2"}, "page_size must be a positive integer"),
    ],
)
@pytest.mark.parametrize("catalog", ["source-type", "label", "lead-stage", "lead-group", "product"])
def test_paging_errors(
    client: httpx.Client, catalog: str, params: dict[str, Any], message: str
) -> None:
    assert_error(client.get(f"{API}/{catalog}", params=params), 400, message)


def test_text_filter(client: httpx.Client, sandbox: SandboxServer) -> None:
    assert titles(page(client, "label", text="DEMO")) == ["Demo Requested"]
    assert titles(page(client, "lead-stage", text="L")) == [
        "New Lead", "Qualified", "Proposal Sent", "Lost"]  # fmt: skip
    assert titles(page(client, "product", text="plan"))[0] == "Starter Plan"
    assert titles(page(client, "source-type", text="whatsapp")) == [
        "WHATSAPP_MESSAGE", "WHATSAPP_INTEGRATION"]  # fmt: skip
    assert page(client, "label", text="")["total_items"] == 12
    sandbox.account(TEST_KEY).add_label("100% Sure")
    assert titles(page(client, "label", text="%")) == ["100% Sure"]  # literal, not a wildcard
    assert titles(page(client, "label", text="_")) == []


def test_no_match_gives_zero_pages(client: httpx.Client) -> None:
    data = page(client, "lead-group", text="zzz")
    assert data == {"rows": [], "total_pages": 0, "current_page": 1, "page_size": 50,
                    "total_items": 0}  # fmt: skip


def test_empty_seed() -> None:
    with SandboxServer(api_keys=["e"], seed="empty") as server, httpx.Client(
        base_url=server.base_url, headers={"x-api-key": "e"}, verify=False
    ) as http:
        for catalog in ("label", "lead-stage", "lead-group", "product"):
            assert page(http, catalog)["total_pages"] == 0
        assert page(http, "source-type")["total_items"] == 7
        snapshot = server.snapshot("e")
        assert snapshot["leads"] == []
        assert [m["phone"] for m in snapshot["team_members"]] == ["+919876543210"]
        body = {"customer_phone": "+918000000001", "create_customer_if_customer_phone_not_found":
                True, "assignee_user_phone": "+919876543210", "add_labels": ["Hot"]}
        assert http.post(f"{API}/lead", json=body).status_code == 200
        lead = http.get(f"{API}/lead", params={"phone": "+918000000001"}).json()["data"]
        assert lead["labels"] == []
        assert lead["assignee_user"]["first_name"] == "Ravi"
