"""401 on every endpoint, tenant isolation, unknown paths (CONTRACT §1.3, U23)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from superfone_desk.sandbox import SandboxServer

UNAUTHORIZED = {"message": "UnAuthorized, Please Provide Valid API Key"}
ENDPOINTS = [
    ("POST", "/enterprise/api/lead"),
    ("GET", "/enterprise/api/lead?phone=%2B919845012345"),
    ("POST", "/enterprise/api/lead/1001/task"),
    ("POST", "/enterprise/api/lead/1001/task/complete"),
    ("GET", "/enterprise/api/lead/1001/task"),
    ("GET", "/enterprise/api/source-type"),
    ("GET", "/enterprise/api/label"),
    ("GET", "/enterprise/api/lead-stage"),
    ("GET", "/enterprise/api/lead-group"),
    ("GET", "/enterprise/api/product"),
]


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
@pytest.mark.parametrize("headers", [{}, {"x-api-key": ""}, {"x-api-key": "wrong"},
                                     {"x-api-key": "TEST-KEY"}])  # fmt: skip
def test_401_on_every_endpoint(
    sandbox: SandboxServer, method: str, path: str, headers: dict[str, str]
) -> None:
    with httpx.Client(base_url=sandbox.base_url, verify=False) as http:
        body: Any = {"customer_phone": "+919845012345"} if method == "POST" else None
        response = http.request(method, path, headers=headers, json=body)
    assert (response.status_code, response.json()) == (401, UNAUTHORIZED)


@pytest.mark.parametrize("name", ["X-API-Key", "X-Api-Key", "x-api-key"])
def test_header_name_is_case_insensitive(sandbox: SandboxServer, name: str) -> None:
    with httpx.Client(base_url=sandbox.base_url, verify=False) as http:
        response = http.get("/enterprise/api/label", headers={name: "test-key"})
    assert response.status_code == 200


def test_tenant_isolation(
    client: httpx.Client, other_client: httpx.Client, sandbox: SandboxServer
) -> None:
    body = {"customer_phone": "+918000000001", "create_customer_if_customer_phone_not_found": True,
            "first_name": "Only In Test"}  # fmt: skip
    assert client.post("/enterprise/api/lead", json=body).status_code == 200
    mine = client.get("/enterprise/api/lead", params={"phone": "+918000000001"})
    assert mine.status_code == 200
    theirs = other_client.get("/enterprise/api/lead", params={"phone": "+918000000001"})
    assert (theirs.status_code, theirs.json()) == (404, {"message": "Customer not found."})
    assert other_client.post("/enterprise/api/lead", json={"customer_phone": "+918000000001"}
                             ).json() == {"message": "Customer not found."}  # fmt: skip
    lid = mine.json()["data"]["id"]
    task = other_client.post(f"/enterprise/api/lead/{lid}/task",
                             json={"type": "REMINDER", "due_date": "2099-01-01T00:00:00Z"})
    assert (task.status_code, task.json()) == (404, {"message": "Lead not found"})
    assert sandbox.account("other-key").find_leads("+918000000001") == []
    # catalog changes stay in their account too
    sandbox.account("test-key").add_label("Private Label")
    other = other_client.get("/enterprise/api/label", params={"text": "private"}).json()
    assert other["data"]["total_items"] == 0
    assert mine.json()["data"]["org_id"] != other_client.get(
        "/enterprise/api/lead", params={"phone": "+919845012345"}).json()["data"]["org_id"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/enterprise/api/leads"),
        ("GET", "/enterprise/api/tag"),
        ("DELETE", "/enterprise/api/lead"),
        ("PUT", "/enterprise/api/label"),
        ("POST", "/enterprise/api/label"),
        ("GET", "/enterprise/api/lead/1001/task/complete"),
        ("GET", "/"),
    ],
)
def test_unknown_route_is_404(client: httpx.Client, method: str, path: str) -> None:
    response = client.request(method, path)
    assert (response.status_code, response.json()) == (404, {"message": "Not found"})


def test_outside_prefix_is_404(sandbox: SandboxServer) -> None:
    with httpx.Client(verify=False) as http:
        response = http.get(sandbox.url + "/enterprise/api/label",
                            headers={"x-api-key": "test-key"})  # fmt: skip
    assert (response.status_code, response.json()) == (404, {"message": "Not found"})


def test_trailing_slash_is_tolerated(client: httpx.Client) -> None:
    assert client.get("/enterprise/api/label/").status_code == 200
