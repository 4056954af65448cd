"""The dry run: the form's rules on every row, catalog matching, duplicates, lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from superfone_desk.api.models import SOURCE_TYPES
from superfone_desk.core.draft import Choice
from superfone_desk.importing.files import read_table
from superfone_desk.importing.mapping import guess_mapping
from superfone_desk.importing.plan import Outcome, plan_import
from superfone_desk.importing.rows import CatalogTitles, RowDefaults, split_name
from superfone_desk.importing.table import ImportCancelled, ImportFileError, SourceRow, Table

DATA = Path(__file__).parent.parent / "data" / "import"
CATALOGS = CatalogTitles(
    stages=("New Lead", "Qualified"),
    groups=("Inbound", "Referral"),
    labels=("VIP", "Follow Up"),
    products=("Starter Plan",),
    source_types=SOURCE_TYPES,
)


def _table(headers: tuple[str, ...], *rows: tuple[str, ...]) -> Table:
    return Table(headers, tuple(SourceRow(i + 2, r) for i, r in enumerate(rows)), "csv")


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Rahul Kumar Sharma", "Rahul Kumar", "Sharma"),
        ("Asha", "Asha", ""),
        ("Mr. Vikram Singh", "Vikram", "Singh"),
        ("Dr Gita Bose", "Gita", "Bose"),
        ("Sharma, Rahul", "Rahul", "Sharma"),
        ("  राहुल   शर्मा ", "राहुल", "शर्मा"),
        ("Shri", "Shri", ""),
    ],
)
def test_split_name(text: str, first: str, last: str) -> None:
    assert split_name(text) == (first, last)


def test_hubspot_sample() -> None:
    table = read_table(DATA / "hubspot_contacts.csv")
    plan = plan_import(table, guess_mapping(table.headers), region="IN", catalogs=CATALOGS)
    outcomes = {row.source.number: row.outcome for row in plan.rows}
    assert outcomes == {
        2: Outcome.SAVE,
        3: Outcome.SAVE,
        5: Outcome.REFUSED,  # bad email
        6: Outcome.DUPLICATE,  # same phone as row 2, written another way
        7: Outcome.REFUSED,  # "Hot lead" is no stage
    }
    by_number = {row.source.number: row for row in plan.rows}
    asha = by_number[2].draft
    assert asha is not None
    # The mobile is the main phone even though "Phone Number" comes first.
    assert asha.customer_phone == "+91 98765 01001"
    assert asha.extra_phones == "+91 22 4000 1234"
    assert asha.lead_stage == Choice.set("New Lead")
    assert asha.source_type == ""  # no column, no default
    rohan = by_number[3].draft
    assert rohan is not None
    assert rohan.lead_stage == Choice.set("Qualified")  # "qualified" in the file
    assert rohan.additional_info == "Wants a demo\non Monday, after 11"
    assert by_number[5].reasons == (
        "Email: “not-an-email”: an email address needs an @ (like name@example.com)",
    )
    assert by_number[6].duplicate_of == 2
    assert "not a stage" in by_number[7].reason
    assert plan.unknown_values == {"lead_stage_name": {"Hot lead": 1}}
    assert plan.summary() == (
        "0 to create, 0 to update, 2 to create or update, 2 refused, 1 duplicates skipped"
    )


def test_labels_split_and_matched_case_insensitively() -> None:
    table = read_table(DATA / "zoho_leads.csv")
    plan = plan_import(table, guess_mapping(table.headers), region="IN", catalogs=CATALOGS)
    fatima = plan.rows[1].draft
    assert fatima is not None
    assert fatima.add_labels == ("VIP", "Follow Up")
    assert fatima.source == "Web Form"


def test_unknown_label_refuses_the_row_and_is_counted() -> None:
    table = _table(("Phone", "Tags"), ("9876500001", "VIP, Gold"), ("9876500002", "gold"))
    plan = plan_import(table, guess_mapping(table.headers), region="IN", catalogs=CATALOGS)
    assert [row.outcome for row in plan.rows] == [Outcome.REFUSED, Outcome.REFUSED]
    assert plan.unknown_values == {"add_labels": {"Gold": 1, "gold": 1}}


def test_unknown_catalog_passes_values_as_typed() -> None:
    table = _table(("Phone", "Stage"), ("9876500001", "Anything"))
    plan = plan_import(table, guess_mapping(table.headers), region="IN")
    assert plan.rows[0].outcome is Outcome.SAVE
    draft = plan.rows[0].draft
    assert draft is not None
    assert draft.lead_stage == Choice.set("Anything")


def test_source_type_written_like_people_write_it() -> None:
    table = _table(("Phone", "Source Type"), ("9876500001", "whatsapp message"))
    plan = plan_import(table, guess_mapping(table.headers), region="IN", catalogs=CATALOGS)
    draft = plan.rows[0].draft
    assert draft is not None
    assert draft.source_type == "WHATSAPP_MESSAGE"


def test_defaults_fill_what_the_row_leaves_empty() -> None:
    table = _table(("Phone", "Stage"), ("9876500001", ""), ("9876500002", "new lead"))
    defaults = RowDefaults(lead_stage="Qualified", add_labels=("VIP",), source="Expo")
    plan = plan_import(
        table, guess_mapping(table.headers), region="IN", catalogs=CATALOGS, defaults=defaults
    )
    first, second = (row.draft for row in plan.rows)
    assert first is not None
    assert second is not None
    assert first.lead_stage == Choice.set("Qualified")
    assert second.lead_stage == Choice.set("New Lead")
    assert first.add_labels == ("VIP",)
    assert first.source == "Expo"


def test_deal_values_in_lakh_and_crore_and_a_refused_one() -> None:
    table = read_table(DATA / "excel_semicolon.csv")
    plan = plan_import(table, guess_mapping(table.headers), region="IN", catalogs=CATALOGS)
    assert plan.rows[0].outcome is Outcome.REFUSED
    assert plan.rows[0].reasons == ("Deal Value: Enter a number, like 50000 or 2.5L",)
    assert plan.rows[1].outcome is Outcome.SAVE
    neha = plan.rows[1].draft
    assert neha is not None
    assert neha.lead_group == Choice.set("Inbound")


def test_reader_problem_refuses_the_row() -> None:
    table = Table(("Phone",), (SourceRow(2, ("9876500001",), "too many cells"),), "csv")
    plan = plan_import(table, guess_mapping(table.headers), region="IN")
    assert plan.rows[0].outcome is Outcome.REFUSED
    assert plan.rows[0].reasons == ("too many cells",)


def test_phone_from_the_other_column_when_the_mobile_is_empty() -> None:
    table = _table(("Phone", "Mobile"), ("011 4000 5678", ""))
    plan = plan_import(table, guess_mapping(table.headers), region="IN")
    assert plan.rows[0].phone == "+911140005678"


def test_no_phone_column_is_a_file_error() -> None:
    table = _table(("Name", "City"), ("A", "B"))
    with pytest.raises(ImportFileError, match="phone number"):
        plan_import(table, guess_mapping(table.headers), region="IN")


def test_lookup_tells_create_from_update_and_is_throttled() -> None:
    table = _table(("Phone",), ("9876500001",), ("9876500002",), ("9876500003",))
    now = [0.0]
    sleeps: list[float] = []

    class _Lead:  # what the plan reads of api.models.Lead
        primary_phone = "+919876500002"

    def lookup(phone: str) -> object:
        if phone == "+919876500003":
            raise OSError("offline")
        return _Lead() if phone == "+919876500002" else None

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    plan = plan_import(
        table,
        guess_mapping(table.headers),
        region="IN",
        lookup=lookup,  # type: ignore[arg-type]
        lookups_per_second=2,
        clock=lambda: now[0],
        sleep=sleep,
    )
    assert [row.outcome for row in plan.rows] == [Outcome.CREATE, Outcome.UPDATE, Outcome.SAVE]
    assert plan.rows[1].known_primary == "+919876500002"
    assert plan.rows[2].reasons == ("Not looked up: OSError",)
    assert sleeps == [0.5, 0.5]


def test_cancel() -> None:
    table = _table(("Phone",), ("9876500001",))
    with pytest.raises(ImportCancelled):
        plan_import(table, guess_mapping(table.headers), region="IN", cancel=lambda: True)


def test_progress_reaches_the_total() -> None:
    table = _table(("Phone",), *[(f"98765{i:05d}",) for i in range(450)])
    seen: list[tuple[int, int | None]] = []
    plan_import(table, guess_mapping(table.headers), region="IN",
                progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert seen[0] == (0, 450)
    assert seen[-1] == (450, 450)


def test_lookups_stop_after_failures_in_a_row() -> None:
    table = _table(("Phone",), *[(f"98765{i:05d}",) for i in range(10)])
    asked: list[str] = []

    def lookup(phone: str) -> None:
        asked.append(phone)
        raise OSError("offline")

    plan = plan_import(
        table, guess_mapping(table.headers), region="IN", lookup=lookup,
        lookups_per_second=0, sleep=lambda s: None,
    )  # fmt: skip
    assert len(asked) == 3
    assert all(row.outcome is Outcome.SAVE for row in plan.rows)
    assert plan.rows[-1].reasons == ("Not looked up",)
