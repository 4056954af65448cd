"""POST /enterprise/api/lead against a real sandbox (CONTRACT §2, U4–U21)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from superfone_desk.sandbox import SandboxServer

TEST_KEY = "test-key"

LEAD = "/enterprise/api/lead"
EXISTING = "+919845012345"  # demo: Anil Sharma, New Lead / Inbound / Hot, assigned to Ravi
EXISTING_SECONDARY = "+912226541234"  # demo: Sunita Iyer's second phone
OTHER_PRIMARY = "+919811122233"  # demo: Rahul Verma


def upsert(client: httpx.Client, **body: Any) -> httpx.Response:
    return client.post(LEAD, json=body)


def get_lead(client: httpx.Client, phone: str) -> dict[str, Any]:
    response = client.get(LEAD, params={"phone": phone})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def assert_error(response: httpx.Response, status: int, message: str) -> None:
    assert (response.status_code, response.json()) == (status, {"message": message})


def test_docs_example_creates_the_lead_and_it_reads_back_exactly(
    client: httpx.Client, sandbox: SandboxServer, example_upsert: dict[str, Any]
) -> None:
    response = client.post(LEAD, json=example_upsert)
    assert response.status_code == 200
    assert response.json() == {"data": None, "message": "success"}
    assert response.headers["content-type"].startswith("application/json")

    lead = get_lead(client, "+918000000001")
    account = sandbox.account(TEST_KEY)
    stage = next(s for s in account.stages if s.title == "New Lead")
    group = next(g for g in account.groups if g.title == "Inbound")
    hot = next(label for label in account.labels if label.title == "Hot")
    demo = next(label for label in account.labels if label.title == "Demo Requested")
    ravi = next(m for m in account.team if m.phone == "+919876543210")
    lead_id = lead["id"]
    assert isinstance(lead_id, int)
    assert isinstance(lead["created_at"], str)
    assert lead == {
        "id": lead_id,
        "org_id": account.org_id,
        "first_name": "Asha",
        "last_name": "Kumar",
        "email": ["asha@example.com"],
        "website": None,
        "business_name": "Acme Pvt Ltd",
        "additional_info": None,
        "city": "Bengaluru",
        "deal_value": 50000,
        "status": "ACTIVE",
        "source": "website-form",
        "source_type": "OTHERS",
        "address": {
            "text": None, "additional": None, "initials": None, "latitude": None,
            "longitude": None,
        },
        "assignee_user_id": ravi.id,
        "lead_stage_id": stage.id,
        "lead_group_id": group.id,
        "created_at": lead["created_at"],
        "updated_at": lead["created_at"],
        "phones": [
            {"phone": "+918000000001", "customer_id": lead_id},
            {"phone": "+918000000002", "customer_id": lead_id},
        ],
        "labels": [
            {"id": hot.id, "title": "Hot", "colour": "#ff5722", "text_colour": "#ffffff",
             "status": "ACTIVE"},
            {"id": demo.id, "title": "Demo Requested", "colour": demo.colour,
             "text_colour": demo.text_colour, "status": "ACTIVE"},
        ],
        "lead_stage": {"id": stage.id, "title": "New Lead", "org_id": account.org_id,
                       "status": "ACTIVE", "type": "INITIAL", "position": 1},
        "lead_group": {"id": group.id, "title": "Inbound", "org_id": account.org_id,
                       "status": "ACTIVE", "type": None},
        "assignee_user": {"id": ravi.id, "first_name": "Ravi", "last_name": "Patel"},
    }  # fmt: skip
    assert lead["created_at"].endswith("Z")
    assert len(lead["created_at"]) == 24
    snap = next(x for x in sandbox.snapshot(TEST_KEY)["leads"] if x["id"] == lead_id)
    assert snap["products"] == ["Starter Plan"]
    assert [note["text"] for note in snap["notes"]] == ["Asked for a callback after 6 PM."]


def test_same_phone_again_updates_instead_of_creating(
    client: httpx.Client, sandbox: SandboxServer, example_upsert: dict[str, Any]
) -> None:
    before = len(sandbox.account(TEST_KEY).leads)
    assert client.post(LEAD, json=example_upsert).status_code == 200
    assert client.post(LEAD, json=example_upsert).status_code == 200
    assert len(sandbox.account(TEST_KEY).leads) == before + 1
    lead = sandbox.account(TEST_KEY).find_leads("+918000000001")[0]
    assert lead.phones == ["+918000000001", "+918000000002"]
    # customer_note appends on every successful call (CONTRACT §11)
    assert [note.text for note in lead.notes] == ["Asked for a callback after 6 PM."] * 2
    assert [label.title for label in lead.labels] == ["Hot", "Demo Requested"]


# ---------------------------------------------------------------- the 14 documented errors
@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"first_name": "X"}, 400, "Customer phone is required to identify the record to update"),
        ({"customer_phone": "98450 12345"}, 400, "Invalid phone number."),
        ({"customer_phone": EXISTING, "add_phones": ["12345"]}, 400, "Invalid phone number."),
        ({"customer_phone": "+918000000009"}, 400, "Customer not found."),
        (
            {"customer_phone": EXISTING, "add_phones": [OTHER_PRIMARY]},
            400,
            "Phone number +919811122233 in add_phones is already present in different customer",
        ),
        (
            {"customer_phone": EXISTING, "add_labels": ["Hot"], "remove_labels": ["Cold"]},
            400,
            "add_labels and remove_labels cannot be used in the same request",
        ),
        (
            {"customer_phone": EXISTING, "assignee_user_phone": "9876543210"},
            400,
            "Assignee user's phone is invalid",
        ),
        (
            {"customer_phone": EXISTING, "assignee_user_phone": "+919900112233"},
            400,
            "Assignee user is not part of your team",
        ),
        (
            {"customer_phone": EXISTING, "assignee_user_phone": "+919000000000"},
            404,
            "Assignee user not found",
        ),
        ({"customer_phone": EXISTING, "lead_stage_name": "new lead"}, 404,
         "Lead stage name not found"),
        ({"customer_phone": EXISTING, "lead_group_name": "Walk-in"}, 404,
         "Lead group name not found"),
    ],
)  # fmt: skip
def test_documented_errors(
    client: httpx.Client, body: dict[str, Any], status: int, message: str
) -> None:
    assert_error(client.post(LEAD, json=body), status, message)


def test_multiple_contact(client: httpx.Client, sandbox: SandboxServer) -> None:
    sandbox.account(TEST_KEY).add_lead("+917000000001", first_name="One")
    sandbox.account(TEST_KEY).add_lead("+917000000001", first_name="Two")
    response = upsert(client, customer_phone="+917000000001", first_name="X")
    assert_error(response, 400, "Customer phone exists in multiple contact")


def test_duplicate_stage_and_group_titles(client: httpx.Client, sandbox: SandboxServer) -> None:
    account = sandbox.account(TEST_KEY)
    account.add_stage("Qualified", 9)
    account.add_group("Inbound")
    assert_error(
        upsert(client, customer_phone=EXISTING, lead_stage_name="Qualified"),
        400,
        "Multiple lead stages found with this name. Provide unique",
    )
    assert_error(
        upsert(client, customer_phone=EXISTING, lead_group_name="Inbound"),
        400,
        "Multiple lead groups found with this name. Provide unique",
    )


def test_wrong_key_is_401(sandbox: SandboxServer, example_upsert: dict[str, Any]) -> None:
    with httpx.Client(base_url=sandbox.base_url, headers={"x-api-key": "nope"}) as http:
        assert_error(http.post(LEAD, json=example_upsert), 401,
                     "UnAuthorized, Please Provide Valid API Key")  # fmt: skip
    assert sandbox.account(TEST_KEY).find_leads("+918000000001") == []


# ---------------------------------------------------------------- validation order (U4)
def test_order_missing_phone_beats_everything(client: httpx.Client) -> None:
    body = {"add_phones": ["bad"], "add_labels": [], "remove_labels": [], "email": "x"}
    assert_error(client.post(LEAD, json=body), 400,
                 "Customer phone is required to identify the record to update")  # fmt: skip


def test_order_invalid_customer_phone_before_labels_conflict(client: httpx.Client) -> None:
    body = {"customer_phone": "bad", "add_labels": [], "remove_labels": []}
    assert_error(client.post(LEAD, json=body), 400, "Invalid phone number.")


def test_order_invalid_add_phone_before_labels_and_assignee(client: httpx.Client) -> None:
    body = {
        "customer_phone": "+918000000009", "add_phones": ["+91"], "add_labels": [],
        "remove_labels": [], "assignee_user_phone": "bad",
    }  # fmt: skip
    assert_error(client.post(LEAD, json=body), 400, "Invalid phone number.")


def test_order_labels_conflict_before_assignee_format(client: httpx.Client) -> None:
    body = {
        "customer_phone": "+918000000009", "add_labels": [], "remove_labels": [],
        "assignee_user_phone": "bad",
    }  # fmt: skip
    assert_error(client.post(LEAD, json=body), 400,
                 "add_labels and remove_labels cannot be used in the same request")  # fmt: skip


def test_order_assignee_format_before_lookup(client: httpx.Client) -> None:
    body = {"customer_phone": "+918000000009", "assignee_user_phone": "bad"}
    assert_error(client.post(LEAD, json=body), 400, "Assignee user's phone is invalid")


def test_order_lookup_before_stage_group_assignee(client: httpx.Client) -> None:
    body = {
        "customer_phone": "+918000000009", "lead_stage_name": "Nope", "lead_group_name": "Nope",
        "assignee_user_phone": "+919000000000", "add_phones": [OTHER_PRIMARY],
    }  # fmt: skip
    assert_error(client.post(LEAD, json=body), 400, "Customer not found.")


def test_order_stage_before_group_before_assignee_before_add_phones(
    client: httpx.Client,
) -> None:
    body: dict[str, Any] = {
        "customer_phone": EXISTING, "lead_stage_name": "Nope", "lead_group_name": "Nope",
        "assignee_user_phone": "+919000000000", "add_phones": [OTHER_PRIMARY],
    }  # fmt: skip
    assert_error(client.post(LEAD, json=body), 404, "Lead stage name not found")
    del body["lead_stage_name"]
    assert_error(client.post(LEAD, json=body), 404, "Lead group name not found")
    del body["lead_group_name"]
    assert_error(client.post(LEAD, json=body), 404, "Assignee user not found")
    del body["assignee_user_phone"]
    assert_error(client.post(LEAD, json=body), 400,
                 f"Phone number {OTHER_PRIMARY} in add_phones is already present in different "
                 "customer")  # fmt: skip


# ---------------------------------------------------------------- all-or-nothing (U5)
def test_failing_request_applies_nothing(client: httpx.Client, sandbox: SandboxServer) -> None:
    before = sandbox.snapshot(TEST_KEY)
    body = {
        "customer_phone": EXISTING, "first_name": "Changed", "add_labels": ["VIP"],
        "add_products": ["Growth Plan"], "customer_note": "should not appear",
        "add_phones": ["+917777777777", OTHER_PRIMARY], "lead_stage_name": "Won",
    }  # fmt: skip
    assert client.post(LEAD, json=body).status_code == 400
    new_lead = {**body, "customer_phone": "+918000000009",
                "create_customer_if_customer_phone_not_found": True, "lead_group_name": "Nope"}
    assert client.post(LEAD, json=new_lead).status_code == 404
    assert sandbox.snapshot(TEST_KEY) == before


# ---------------------------------------------------------------- add_phones rules
def test_add_phones_dedup_skip_and_append(client: httpx.Client, sandbox: SandboxServer) -> None:
    body = {
        "customer_phone": EXISTING,
        "add_phones": ["+917000000003", "+917000000003", EXISTING, "+917000000004"],
    }
    assert client.post(LEAD, json=body).status_code == 200
    assert client.post(LEAD, json=body).status_code == 200
    phones = [p["phone"] for p in get_lead(client, "+917000000004")["phones"]]
    assert phones == [EXISTING, "+917000000003", "+917000000004"]


def test_add_phones_on_create_go_after_customer_phone(client: httpx.Client) -> None:
    body = {
        "customer_phone": "+918000000001", "create_customer_if_customer_phone_not_found": True,
        "add_phones": ["+918000000002", "+918000000003", "+918000000001"],
    }  # fmt: skip
    assert client.post(LEAD, json=body).status_code == 200
    phones = [p["phone"] for p in get_lead(client, "+918000000003")["phones"]]
    assert phones == ["+918000000001", "+918000000002", "+918000000003"]


def test_add_phone_that_is_another_leads_secondary_conflicts(client: httpx.Client) -> None:
    assert_error(
        upsert(client, customer_phone=EXISTING, add_phones=[EXISTING_SECONDARY]),
        400,
        f"Phone number {EXISTING_SECONDARY} in add_phones is already present in different "
        "customer",
    )


def test_customer_phone_that_is_only_a_secondary_elsewhere(client: httpx.Client) -> None:
    """U18: primary-only matching; create=true conflicts, create=false is not found."""
    assert_error(
        upsert(client, customer_phone=EXISTING_SECONDARY, first_name="X",
               create_customer_if_customer_phone_not_found=True),
        400,
        f"Customer phone {EXISTING_SECONDARY} is already present in different customer as a "
        "secondary phone",
    )  # fmt: skip
    assert_error(upsert(client, customer_phone=EXISTING_SECONDARY, first_name="X"), 400,
                 "Customer not found.")  # fmt: skip


def test_create_flag_false_or_missing_does_not_create(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    for flag in ({}, {"create_customer_if_customer_phone_not_found": False}):
        assert_error(client.post(LEAD, json={"customer_phone": "+918000000001", **flag}), 400,
                     "Customer not found.")  # fmt: skip
    assert sandbox.account(TEST_KEY).find_leads("+918000000001") == []


# ---------------------------------------------------------------- labels and products
def test_unknown_labels_and_products_are_ignored(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    body = {
        "customer_phone": EXISTING, "add_labels": ["VIP", "No Such Label", "vip"],
        "add_products": ["Growth Plan", "Nope"],
    }  # fmt: skip
    assert client.post(LEAD, json=body).status_code == 200
    lead = sandbox.account(TEST_KEY).find_leads(EXISTING)[0]
    assert [label.title for label in lead.labels] == ["Hot", "VIP"]
    assert [product.title for product in lead.products] == ["Starter Plan", "Growth Plan"]


def test_remove_labels_and_disabled_label_accepted(
    client: httpx.Client, sandbox: SandboxServer
) -> None:
    assert upsert(client, customer_phone=EXISTING, add_labels=["Old Campaign"]).status_code == 200
    lead = sandbox.account(TEST_KEY).find_leads(EXISTING)[0]
    assert [label.title for label in lead.labels] == ["Hot", "Old Campaign"]
    response = upsert(client, customer_phone=EXISTING, remove_labels=["Hot", "Unknown"])
    assert response.status_code == 200
    assert [label["title"] for label in get_lead(client, EXISTING)["labels"]] == ["Old Campaign"]


def test_empty_label_lists_both_present_is_an_error(client: httpx.Client) -> None:
    """U21."""
    assert_error(upsert(client, customer_phone=EXISTING, add_labels=[], remove_labels=[]), 400,
                 "add_labels and remove_labels cannot be used in the same request")  # fmt: skip


# ---------------------------------------------------------------- null / omitted / replace
def test_null_clears_stage_group_assignee_and_other_fields(client: httpx.Client) -> None:
    lead = get_lead(client, EXISTING)
    assert lead["lead_stage"] is not None
    assert lead["assignee_user"] is not None
    response = upsert(
        client, customer_phone=EXISTING, lead_stage_name=None, lead_group_name=None,
        assignee_user_phone=None, business_name=None, deal_value=None, email=None,
    )  # fmt: skip
    assert response.status_code == 200
    lead = get_lead(client, EXISTING)
    assert lead["lead_stage"] is None
    assert lead["lead_stage_id"] is None
    assert lead["lead_group"] is None
    assert lead["lead_group_id"] is None
    assert lead["assignee_user"] is None
    assert lead["assignee_user_id"] is None
    assert (lead["business_name"], lead["deal_value"], lead["email"]) == (None, None, None)
    assert lead["first_name"] == "Anil"  # omitted = unchanged


def test_omitted_fields_stay_and_email_replaces(client: httpx.Client) -> None:
    before = get_lead(client, EXISTING)
    assert upsert(client, customer_phone=EXISTING, email=["new@example.com"]).status_code == 200
    after = get_lead(client, EXISTING)
    assert after["email"] == ["new@example.com"] != before["email"]
    for key in ("first_name", "city", "lead_stage", "lead_group", "assignee_user", "labels"):
        assert after[key] == before[key]


def test_address_merges_subkeys(client: httpx.Client) -> None:
    address = {"text": "12 MG Road", "latitude": 12.97, "longitude": 77.59}
    assert upsert(client, customer_phone=EXISTING, address=address).status_code == 200
    assert upsert(client, customer_phone=EXISTING, address={"additional": "Flat 4"}).is_success
    assert get_lead(client, EXISTING)["address"] == {
        "text": "12 MG Road", "additional": "Flat 4", "initials": None, "latitude": 12.97,
        "longitude": 77.59,
    }  # fmt: skip
    assert upsert(client, customer_phone=EXISTING, address=None).status_code == 200
    assert set(get_lead(client, EXISTING)["address"].values()) == {None}


def test_stage_matching_is_case_and_space_sensitive(client: httpx.Client) -> None:
    for name in ("won", " Won", "Won "):
        assert_error(upsert(client, customer_phone=EXISTING, lead_stage_name=name), 404,
                     "Lead stage name not found")  # fmt: skip
    assert upsert(client, customer_phone=EXISTING, lead_stage_name="Won").status_code == 200
    assert get_lead(client, EXISTING)["lead_stage"]["title"] == "Won"


# ---------------------------------------------------------------- invented errors
@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("email", "a@b.c", "array of strings"),
        ("email", [1], "array of strings"),
        ("deal_value", "50000", "number"),
        ("deal_value", True, "number"),
        ("first_name", 5, "string"),
        ("create_customer_if_customer_phone_not_found", "true", "boolean"),
        ("address", "MG Road", "object"),
        ("add_labels", "Hot", "array of strings"),
        ("add_products", [None], "array of strings"),
        ("add_phones", "+917000000001", "array of strings"),
        ("lead_stage_name", 3, "string"),
        ("customer_note", ["x"], "string"),
    ],
)
def test_wrong_json_types(client: httpx.Client, field: str, value: Any, expected: str) -> None:
    response = upsert(client, customer_phone=EXISTING, **{field: value})
    assert_error(response, 400, f"Invalid type for {field}: expected {expected}")


def test_wrong_address_subfield_type(client: httpx.Client) -> None:
    response = upsert(client, customer_phone=EXISTING, address={"latitude": "12.9"})
    assert_error(response, 400, "Invalid type for address.latitude: expected number")


def test_unknown_source_type_is_rejected(client: httpx.Client) -> None:
    assert_error(
        upsert(client, customer_phone=EXISTING, source_type="Online"),
        400,
        "Invalid source_type. Must be one of: CSV_UPLOAD, FACEBOOK_INTEGRATION, PHONE_CONTACT, "
        "WHATSAPP_MESSAGE, WHATSAPP_INTEGRATION, PABBLY, OTHERS",
    )


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"", b'{"a": NaN}', b"\xff\xfe"])
def test_body_not_a_json_object(client: httpx.Client, raw: bytes) -> None:
    response = client.post(LEAD, content=raw, headers={"content-type": "application/json"})
    assert_error(response, 400, "Request body must be a valid JSON object")

