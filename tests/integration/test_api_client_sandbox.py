"""SuperfoneClient against the real sandbox over loopback: every documented answer, the
tenant wall, tasks, paging, and each injected fault -> its typed error."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.errors import (
    AuthError,
    FieldRejected,
    MalformedResponse,
    NetworkError,
    RateLimited,
    RequestTimeout,
    ServerError,
    SuperfoneError,
    UnexpectedStatus,
)
from superfone_desk.api.models import (
    AddressUpdate,
    Catalog,
    LeadUpsert,
    TaskCreate,
)
from superfone_desk.sandbox import SandboxServer

TEST_KEY = "test-key"
OTHER_KEY = "other-key"

# Demo seed (superfone_desk/sandbox/seeds.py).
ANIL = "+919845012345"  # Anil Sharma: New Lead / Inbound / Hot, assigned to Ravi
SUNITA = "+919820098765"  # Sunita Iyer, second phone below
SUNITA_SECONDARY = "+912226541234"
RAHUL = "+919811122233"
RAVI = "+919876543210"  # active team member
ARJUN = "+919900112233"  # team member, not active
NEW_PHONE = "+918000000077"

MakeClient = Callable[..., SuperfoneClient]


@pytest.fixture
def make_client(sandbox: SandboxServer) -> Iterator[MakeClient]:
    """Clients that build their own httpx.Client, exactly as the app does."""
    made: list[SuperfoneClient] = []

    def make(key: str = TEST_KEY, **kwargs: Any) -> SuperfoneClient:
        client = SuperfoneClient(key, sandbox.base_url, **kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def api(make_client: MakeClient) -> SuperfoneClient:
    return make_client()


def upsert_from_json(body: dict[str, Any]) -> LeadUpsert:
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in body.items()}
    return LeadUpsert(**values)


def lead_id(api: SuperfoneClient, phone: str) -> int:
    lead = api.get_lead(phone)
    assert lead is not None
    return lead.id


def future(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------- leads


def test_contract_example_is_sent_as_is_and_reads_back(
    api: SuperfoneClient, sandbox: SandboxServer, example_upsert: dict[str, Any]
) -> None:
    assert api.upsert_lead(upsert_from_json(example_upsert)) is None

    lead = api.get_lead("+918000000001")
    assert lead is not None
    assert lead.phones == ("+918000000001", "+918000000002")
    assert (lead.first_name, lead.last_name) == ("Asha", "Kumar")
    assert lead.email == ("asha@example.com",)
    assert (lead.business_name, lead.city, lead.deal_value) == ("Acme Pvt Ltd", "Bengaluru", 50000)
    assert (lead.source, lead.source_type) == ("website-form", "OTHERS")
    assert lead.lead_stage is not None
    assert lead.lead_stage.title == "New Lead"
    assert lead.lead_group is not None
    assert lead.lead_group.title == "Inbound"
    assert sorted(label.title for label in lead.labels) == ["Demo Requested", "Hot"]
    assert lead.assignee_user is not None
    assert lead.assignee_user.display_name == "Ravi Patel"
    # The note is on the timeline (Get Lead does not return notes: check the state).
    stored = sandbox.account(TEST_KEY).lead(lead.id)
    assert stored is not None
    assert [note.text for note in stored.notes] == ["Asked for a callback after 6 PM."]


def test_get_lead_by_secondary_phone(api: SuperfoneClient) -> None:
    by_primary = api.get_lead(SUNITA)
    by_secondary = api.get_lead(SUNITA_SECONDARY)
    assert by_primary is not None
    assert by_secondary == by_primary
    assert by_secondary.phones == (SUNITA, SUNITA_SECONDARY)


def test_get_lead_not_found_is_none(api: SuperfoneClient) -> None:
    assert api.get_lead("+918999999999") is None


@pytest.mark.parametrize("phone", ["12345", "", "918000000001", "+91 80000 00001"])
def test_get_lead_refusing_the_phone_means_no_lead_known(api: SuperfoneClient, phone: str) -> None:
    # Advisory (issue #11): the upsert's own errors will name the field.
    assert api.get_lead(phone) is None


def test_omitted_fields_stay_and_null_clears(api: SuperfoneClient) -> None:
    api.upsert_lead(
        LeadUpsert(
            customer_phone=ANIL,
            city="Mysuru",
            lead_group_name=None,
            address=AddressUpdate(text="12 MG Road"),
        )
    )
    lead = api.get_lead(ANIL)
    assert lead is not None
    assert lead.city == "Mysuru"
    assert lead.first_name == "Anil"  # omitted: unchanged
    assert lead.lead_stage is not None  # omitted: unchanged
    assert lead.lead_group is None  # null: cleared
    assert lead.address.text == "12 MG Road"


class _WithoutPhone(LeadUpsert):
    """A body with no customer_phone, which LeadUpsert itself can never produce."""

    def to_json(self) -> dict[str, Any]:
        body = LeadUpsert.to_json(self)
        del body["customer_phone"]
        return body


class _BothLabelLists(LeadUpsert):
    """A body with both label lists, which LeadUpsert itself refuses to build."""

    def to_json(self) -> dict[str, Any]:
        return dict(LeadUpsert.to_json(self), add_labels=["Hot"], remove_labels=["Cold"])


def _duplicate_primary(sandbox: SandboxServer) -> None:
    sandbox.account(TEST_KEY).add_lead(RAHUL, first_name="Rahul copy")


def _duplicate_stage(sandbox: SandboxServer) -> None:
    sandbox.account(TEST_KEY).add_stage("Qualified", position=9)


def _duplicate_group(sandbox: SandboxServer) -> None:
    sandbox.account(TEST_KEY).add_group("Referral")


def _nothing(sandbox: SandboxServer) -> None:
    pass


# (id, setup, payload, status, field, message) for each documented upsert error (§2.5).
UPSERT_ERRORS: list[tuple[str, Callable[[SandboxServer], None], LeadUpsert, int, str, str]] = [
    ("phone_required", _nothing, _WithoutPhone(customer_phone=ANIL, city="X"), 400,
     "customer_phone", "Customer phone is required to identify the record to update"),
    ("invalid_phone", _nothing, LeadUpsert(customer_phone="12345"), 400,
     "customer_phone", "Invalid phone number."),
    ("invalid_add_phone", _nothing, LeadUpsert(customer_phone=ANIL, add_phones=("12",)), 400,
     "customer_phone", "Invalid phone number."),
    ("not_found", _nothing, LeadUpsert(customer_phone=NEW_PHONE, first_name="N"), 400,
     "create_customer_if_customer_phone_not_found", "Customer not found."),
    ("multiple_contact", _duplicate_primary, LeadUpsert(customer_phone=RAHUL, city="X"), 400,
     "customer_phone", "Customer phone exists in multiple contact"),
    ("labels_conflict", _nothing, _BothLabelLists(customer_phone=ANIL), 400,
     "add_labels", "add_labels and remove_labels cannot be used in the same request"),
    ("assignee_invalid", _nothing, LeadUpsert(customer_phone=ANIL, assignee_user_phone="98"),
     400, "assignee_user_phone", "Assignee user's phone is invalid"),
    ("assignee_not_in_team", _nothing,
     LeadUpsert(customer_phone=ANIL, assignee_user_phone=ARJUN), 400,
     "assignee_user_phone", "Assignee user is not part of your team"),
    ("multiple_stages", _duplicate_stage,
     LeadUpsert(customer_phone=ANIL, lead_stage_name="Qualified"), 400,
     "lead_stage_name", "Multiple lead stages found with this name. Provide unique"),
    ("multiple_groups", _duplicate_group,
     LeadUpsert(customer_phone=ANIL, lead_group_name="Referral"), 400,
     "lead_group_name", "Multiple lead groups found with this name. Provide unique"),
    ("assignee_not_found", _nothing,
     LeadUpsert(customer_phone=ANIL, assignee_user_phone="+919000000000"), 404,
     "assignee_user_phone", "Assignee user not found"),
    ("stage_not_found", _nothing, LeadUpsert(customer_phone=ANIL, lead_stage_name="new lead"),
     404, "lead_stage_name", "Lead stage name not found"),
    ("group_not_found", _nothing, LeadUpsert(customer_phone=ANIL, lead_group_name="Nowhere"),
     404, "lead_group_name", "Lead group name not found"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("setup", "payload", "status", "field", "message"),
    [case[1:] for case in UPSERT_ERRORS],
    ids=[case[0] for case in UPSERT_ERRORS],
)
def test_documented_upsert_errors(
    api: SuperfoneClient,
    sandbox: SandboxServer,
    setup: Callable[[SandboxServer], None],
    payload: LeadUpsert,
    status: int,
    field: str,
    message: str,
) -> None:
    setup(sandbox)
    before = sandbox.snapshot(TEST_KEY)
    with pytest.raises(FieldRejected) as info:
        api.upsert_lead(payload)
    assert (info.value.status, info.value.field, info.value.message) == (status, field, message)
    assert info.value.phone is None
    assert not info.value.possibly_received
    assert sandbox.snapshot(TEST_KEY) == before  # CONTRACT U5: nothing applied


def test_add_phones_conflict_names_the_phone(api: SuperfoneClient) -> None:
    with pytest.raises(FieldRejected) as info:
        api.upsert_lead(LeadUpsert(customer_phone=ANIL, add_phones=("+918000000055", RAHUL)))
    assert info.value.status == 400
    assert info.value.field == "add_phones"
    assert info.value.phone == RAHUL
    assert info.value.message.startswith(f"Phone number {RAHUL} in add_phones")


def test_bad_key_is_an_auth_error_on_upsert(make_client: MakeClient) -> None:
    with pytest.raises(AuthError) as info:
        make_client("not-a-key").upsert_lead(LeadUpsert(customer_phone=ANIL, city="X"))
    assert info.value.server_message == "UnAuthorized, Please Provide Valid API Key"


# ------------------------------------------------------------------- every endpoint


ENDPOINTS: dict[str, Callable[[SuperfoneClient], object]] = {
    "upsert_lead": lambda c: c.upsert_lead(LeadUpsert(customer_phone=ANIL, city="X")),
    "get_lead": lambda c: c.get_lead(ANIL),
    "create_task": lambda c: c.create_task(1001, TaskCreate(type="REMINDER", due_date=future(2))),
    "complete_task": lambda c: c.complete_task(1001),
    "list_tasks": lambda c: c.list_tasks(1001),
    **{
        f"catalog_{catalog.value}": (lambda c, catalog=catalog: c.list_catalog(catalog))
        for catalog in Catalog
    },
    "fetch_all": lambda c: c.fetch_all(Catalog.LABELS),
}


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_401_is_an_auth_error_on_every_endpoint(make_client: MakeClient, name: str) -> None:
    with pytest.raises(AuthError):
        ENDPOINTS[name](make_client("wrong-key"))


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_503_is_a_server_error_on_every_endpoint(
    api: SuperfoneClient, sandbox: SandboxServer, name: str
) -> None:
    sandbox.faults.queue("status:503")
    with pytest.raises(ServerError) as info:
        ENDPOINTS[name](api)
    assert info.value.status == 503
    assert info.value.server_message == "Service unavailable"
    assert not info.value.possibly_received


# ---------------------------------------------------------------------- tenant wall


def test_other_account_cannot_see_or_touch_the_lead(
    api: SuperfoneClient, make_client: MakeClient
) -> None:
    api.upsert_lead(
        LeadUpsert(customer_phone=NEW_PHONE, create_customer_if_customer_phone_not_found=True)
    )
    mine = lead_id(api, NEW_PHONE)
    api.create_task(mine, TaskCreate(type="REMINDER", due_date=future(1)))
    other = make_client(OTHER_KEY)

    assert other.get_lead(NEW_PHONE) is None
    with pytest.raises(FieldRejected) as info:
        other.upsert_lead(LeadUpsert(customer_phone=NEW_PHONE, city="X"))
    assert info.value.message == "Customer not found."
    for call in (other.complete_task, other.list_tasks):
        with pytest.raises(FieldRejected) as info:
            call(mine)
        assert (info.value.status, info.value.message) == (404, "Lead not found")
    assert api.list_tasks(mine).total_items == 1  # untouched


# ---------------------------------------------------------------------------- tasks


def test_tasks_round_trip(api: SuperfoneClient) -> None:
    lead = api.get_lead(ANIL)
    assert lead is not None
    follow_up = api.create_task(
        lead.id,
        TaskCreate(type="FOLLOW_UP_CALL", due_date=future(2), customer_note="Call about price"),
    )
    assert (follow_up.customer_id, follow_up.type, follow_up.task_status) == (
        lead.id,
        "FOLLOW_UP_CALL",
        "PENDING",
    )
    assert follow_up.assignee_user_id is not None  # the lead's assignee (Ravi)
    reminder = api.create_task(
        lead.id, TaskCreate(type="REMINDER", due_date=future(3), notify_at=future(2.5))
    )

    page = api.list_tasks(lead.id)
    assert [t.id for t in page.rows] == [reminder.id, follow_up.id]  # newest first
    assert (page.current_page, page.total_items) == (1, 2)

    closed = api.complete_task(lead.id)  # the most recent open task
    assert (closed.id, closed.task_status) == (reminder.id, "COMPLETE")
    assert api.complete_task(lead.id).id == follow_up.id
    with pytest.raises(FieldRejected) as info:
        api.complete_task(lead.id)
    assert (info.value.status, info.value.message) == (400, "No open task found for this lead")


def test_list_tasks_pages(api: SuperfoneClient) -> None:
    mine = lead_id(api, RAHUL)
    for day in range(1, 4):
        api.create_task(mine, TaskCreate(type="REMINDER", due_date=future(day)))
    second = api.list_tasks(mine, page=2, page_size=2)
    assert (second.total_pages, second.current_page, second.page_size) == (2, 2, 2)
    assert len(second.rows) == 1


@pytest.mark.parametrize(
    ("task", "message"),
    [
        (TaskCreate(type="LUNCH", due_date=future(1)), "Invalid task type."),
        (TaskCreate(type="REMINDER", due_date="tomorrow"), "due_date must be"),
        (
            TaskCreate(type="REMINDER", due_date=future(1), notify_at=future(2)),
            "notify_at must be",
        ),
    ],
)
def test_create_task_rejections(api: SuperfoneClient, task: TaskCreate, message: str) -> None:
    with pytest.raises(FieldRejected) as info:
        api.create_task(lead_id(api, ANIL), task)
    assert info.value.status == 400
    assert info.value.message.startswith(message)
    assert info.value.field is None


def test_unknown_lead_for_tasks(api: SuperfoneClient) -> None:
    with pytest.raises(FieldRejected) as info:
        api.create_task(999_999, TaskCreate(type="REMINDER", due_date=future(1)))
    assert (info.value.status, info.value.message) == (404, "Lead not found")


# ------------------------------------------------------------------------- catalogs


def test_list_catalogs_hold_the_demo_titles(api: SuperfoneClient) -> None:
    titles = {c: [row.title for row in api.fetch_all(c)] for c in Catalog}
    assert titles[Catalog.STAGES][:2] == ["New Lead", "Qualified"]  # by position
    assert "Inbound" in titles[Catalog.GROUPS]
    assert "Starter Plan" in titles[Catalog.PRODUCTS]
    assert titles[Catalog.SOURCE_TYPES][-1] == "OTHERS"
    labels = {row.title: row for row in api.fetch_all(Catalog.LABELS)}
    assert not labels["Old Campaign"].active
    assert labels["Hot"].colour == "#ff5722"


def test_fetch_all_over_several_pages(api: SuperfoneClient, sandbox: SandboxServer) -> None:
    account = sandbox.account(TEST_KEY)
    before = len(account.labels)
    for i in range(250):
        account.add_label(f"Bulk {i:03d}")
    sandbox.clear_request_log()

    rows = api.fetch_all(Catalog.LABELS)
    assert len(rows) == before + 250
    assert rows.complete
    assert [r.id for r in rows] == sorted(r.id for r in rows)
    assert len({r.id for r in rows}) == len(rows)
    assert [r.title for r in rows[-250:]] == [f"Bulk {i:03d}" for i in range(250)]
    assert len(sandbox.request_log) == 6  # the documented 50 a page

    filtered = api.fetch_all(Catalog.LABELS, text="bulk 1")
    assert [r.title for r in filtered] == [f"Bulk {i}" for i in range(100, 200)]
    assert api.fetch_all(Catalog.LABELS, text="no such label") == []


def test_fetch_all_reads_10000_rows_in_200_pages_in_order(
    api: SuperfoneClient, sandbox: SandboxServer
) -> None:
    # How fast is benchmarks/' business (catalog_10k_ratio); this checks what it reads.
    account = sandbox.account(TEST_KEY)
    for i in range(10_000 - len(account.labels)):
        account.add_label(f"Label {i:05d}")
    sandbox.clear_request_log()
    rows = api.fetch_all(Catalog.LABELS)
    assert [row.id for row in rows] == [label.id for label in account.labels]
    assert len(rows) == 10_000
    assert len(sandbox.request_log) == 200


# --------------------------------------------------------------------------- faults


def test_drop_is_a_network_error_that_may_have_been_received(
    api: SuperfoneClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.queue("drop")
    with pytest.raises(NetworkError) as info:
        api.upsert_lead(LeadUpsert(customer_phone=ANIL, city="Dropped"))
    assert type(info.value) is NetworkError
    assert info.value.possibly_received
    lead = api.get_lead(ANIL)  # and the connection pool recovers
    assert lead is not None
    assert lead.city == "Bengaluru"  # "drop" did not process it


def test_drop_after_apply_really_was_received(api: SuperfoneClient, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("drop_after_apply")
    with pytest.raises(NetworkError) as info:
        api.upsert_lead(LeadUpsert(customer_phone=ANIL, city="Applied"))
    assert info.value.possibly_received
    lead = api.get_lead(ANIL)
    assert lead is not None
    assert lead.city == "Applied"


@pytest.mark.parametrize("seconds", [0, 2, 120])
def test_rate_limit_carries_retry_after(
    api: SuperfoneClient, sandbox: SandboxServer, seconds: int
) -> None:
    sandbox.faults.queue(f"retry_after:{seconds}")
    with pytest.raises(RateLimited) as info:
        api.upsert_lead(LeadUpsert(customer_phone=ANIL, city="X"))
    assert info.value.retry_after == seconds


@pytest.mark.parametrize("status", [500, 502, 504])
def test_5xx_faults(api: SuperfoneClient, sandbox: SandboxServer, status: int) -> None:
    sandbox.faults.queue(f"status:{status}")
    with pytest.raises(ServerError) as info:
        api.get_lead(ANIL)
    assert info.value.status == status


@pytest.mark.parametrize("status", [403, 413, 418, 422])
def test_other_4xx_faults_are_refusals(
    api: SuperfoneClient, sandbox: SandboxServer, status: int
) -> None:
    sandbox.faults.queue(f"status:{status}")
    with pytest.raises(FieldRejected) as info:
        api.upsert_lead(LeadUpsert(customer_phone=ANIL, city="X"))
    assert info.value.status == status
    assert not info.value.retriable


@pytest.mark.parametrize("status", [301])
def test_unexpected_status_faults(
    api: SuperfoneClient, sandbox: SandboxServer, status: int
) -> None:
    sandbox.faults.queue(f"status:{status}")
    with pytest.raises(UnexpectedStatus) as info:
        api.upsert_lead(LeadUpsert(customer_phone=ANIL, city="X"))
    assert info.value.status == status


def test_html_gateway_page_is_a_server_error(api: SuperfoneClient, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("html")
    with pytest.raises(ServerError) as info:
        api.list_catalog(Catalog.LABELS)
    assert (info.value.status, info.value.server_message) == (502, None)


@pytest.mark.parametrize("fault", ["html:200", "truncated", "cut", "empty", "wrong_shape"])
@pytest.mark.parametrize("name", ["get_lead", "catalog_label", "fetch_all", "create_task"])
def test_malformed_answers(
    api: SuperfoneClient, sandbox: SandboxServer, fault: str, name: str
) -> None:
    sandbox.faults.queue(fault)
    with pytest.raises(MalformedResponse) as info:
        ENDPOINTS[name](api)
    assert info.value.possibly_received


@pytest.mark.parametrize("fault", ["truncated", "empty"])
def test_a_2xx_to_the_upsert_is_applied_whatever_its_body(
    api: SuperfoneClient, sandbox: SandboxServer, fault: str
) -> None:
    sandbox.faults.queue(fault)
    api.upsert_lead(LeadUpsert(customer_phone=ANIL, city=f"Applied {fault}"))
    lead = api.get_lead(ANIL)
    assert lead is not None
    assert lead.city == f"Applied {fault}"


@pytest.mark.parametrize("fault", ["html:200", "cut"])
def test_malformed_answers_to_the_upsert(
    api: SuperfoneClient, sandbox: SandboxServer, fault: str
) -> None:
    sandbox.faults.queue(fault)
    with pytest.raises(MalformedResponse):
        api.upsert_lead(LeadUpsert(customer_phone=ANIL, city="X"))


def test_upsert_accepts_success_with_unexpected_data(
    api: SuperfoneClient, sandbox: SandboxServer
) -> None:
    # The upsert's data is documented as null, but only "message" is needed to trust it.
    sandbox.faults.queue("wrong_shape")
    api.upsert_lead(LeadUpsert(customer_phone=ANIL, city="Shape"))
    lead = api.get_lead(ANIL)
    assert lead is not None
    assert lead.city == "Shape"


def test_slow_answer_is_a_read_timeout(make_client: MakeClient, sandbox: SandboxServer) -> None:
    sandbox.faults.queue("latency:2000")
    client = make_client(timeout=httpx.Timeout(10.0, read=0.2))
    with pytest.raises(RequestTimeout) as info:
        client.upsert_lead(LeadUpsert(customer_phone=ANIL, city="Slow"))
    assert info.value.possibly_received


def test_fetch_all_flags_the_list_when_one_page_keeps_failing(
    api: SuperfoneClient, sandbox: SandboxServer
) -> None:
    account = sandbox.account(TEST_KEY)
    for i in range(300):
        account.add_label(f"Bulk {i:03d}")
    total = len(account.labels)
    # Page 1 and one more page pass; then every request is dropped, re-reads included.
    sandbox.faults.queue("ok", "ok", *["drop"] * 20, match="GET /enterprise/api/label")
    rows = api.fetch_all(Catalog.LABELS)
    assert not rows.complete
    assert rows.total == total
    assert rows.summary == f"{len(rows)} of {total} loaded"
    sandbox.faults.clear_queue()
    assert api.fetch_all(Catalog.LABELS).complete  # Retry, once the server is well


def test_connection_refused_was_not_received(sandbox: SandboxServer) -> None:
    base_url = sandbox.base_url
    sandbox.stop()
    with SuperfoneClient(TEST_KEY, base_url) as client, pytest.raises(NetworkError) as info:
        client.get_lead(ANIL)
    assert type(info.value) is NetworkError
    assert not info.value.possibly_received


# -------------------------------------------------------------------------- secrecy


def test_key_is_in_no_log_record_even_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    key = "sfk-very-secret-4711"
    sandbox_with_key = SandboxServer(api_keys=(key,), seed="demo").start()
    try:
        with (
            caplog.at_level(logging.DEBUG),
            SuperfoneClient(key, sandbox_with_key.base_url) as client,
        ):
            client.upsert_lead(LeadUpsert(customer_phone=ANIL, city="Logged"))
            client.get_lead(ANIL)
            client.fetch_all(Catalog.LABELS)
            sandbox_with_key.faults.queue("drop")
            with pytest.raises(SuperfoneError):
                client.get_lead(ANIL)
    finally:
        sandbox_with_key.stop()
    names = {record.name for record in caplog.records}
    assert {"httpx", "httpcore.http11", "superfone_desk.api.client"} <= names
    for record in caplog.records:
        assert key not in record.getMessage()
