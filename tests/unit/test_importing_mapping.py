"""Column mapping: headers as real exports write them → lead fields; saving per header set."""

from __future__ import annotations

from pathlib import Path

import pytest

from superfone_desk.importing.mapping import (
    ColumnMapping,
    MappingStore,
    guess_field,
    guess_mapping,
    header_key,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # HubSpot
        ("First Name", "first_name"),
        ("Phone Number", "customer_phone"),
        ("Mobile Phone Number", "customer_phone"),
        ("Company Name", "business_name"),
        ("Lead Status", "lead_stage_name"),
        ("Website URL", "website"),
        # Zoho / Salesforce
        ("Mobile", "customer_phone"),
        ("Lead Source", "source"),
        ("Company / Account", "business_name"),
        ("Mailing City", "city"),
        ("Description", "additional_info"),
        ("Tag", "add_labels"),
        # Hand-made sheets
        ("Name", "full_name"),
        ("Customer Name", "full_name"),
        ("Mobile No.", "customer_phone"),
        ("mobile_no", "customer_phone"),
        ("Email ID", "email"),
        ("Contact", "customer_phone"),
        ("Alternate Number", "add_phones"),
        ("Deal Value", "deal_value"),
        ("WhatsApp No. (Primary)", "customer_phone"),
        ("Other phone no", "add_phones"),
        # Hindi, with and without the nukta written as its own character
        ("नाम", "full_name"),
        ("मोबाइल", "customer_phone"),
        ("फ़ोन", "customer_phone"),
        ("\u095e\u094b\u0928", "customer_phone"),  # फ़ as one precomposed character
        ("ईमेल", "email"),
        ("शहर", "city"),
        # Nothing to do with a lead
        ("Record ID", None),
        ("Create Date", None),
    ],
)
def test_guess_field(header: str, field: str | None) -> None:
    assert guess_field(header) == field


def test_header_key_keeps_devanagari_marks() -> None:
    assert header_key("मोबाइल") != header_key("मबइल")
    assert header_key(" Mobile No. ") == header_key("mobile-no")


def test_two_phone_columns_both_feed_phones() -> None:
    mapping = guess_mapping(("Phone", "Mobile", "Name"))
    assert mapping.fields == ("customer_phone", "customer_phone", "full_name")
    assert mapping.problems() == []


def test_second_column_for_a_single_field_is_not_imported() -> None:
    mapping = guess_mapping(("City", "Town", "Phone"))
    assert mapping.fields == ("city", None, "customer_phone")
    assert mapping.ignored == ("Town",)


def test_no_phone_column_is_a_problem() -> None:
    mapping = guess_mapping(("Name", "City"))
    assert not mapping.has_phone
    assert "No column is used as the phone number" in mapping.problems()[0]


def test_user_choice_for_a_single_field_twice_is_a_problem() -> None:
    mapping = guess_mapping(("Phone", "City", "Town")).with_field(2, "city")
    assert mapping.problems() == ["City comes from several columns (City, Town); pick one"]


def test_unknown_target_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown target"):
        ColumnMapping(("A",), ("nonsense",))


def test_saved_mapping_is_found_for_the_same_headers_in_any_order(tmp_path: Path) -> None:
    store = MappingStore(tmp_path / "mappings.json")
    confirmed = guess_mapping(("Mobile", "Remarks", "Segment")).with_field(1, "customer_note")
    store.save(confirmed)
    assert store.load(("Mobile", "Remarks", "Other")) is None  # another header set
    again = store.load(("segment", "Mobile", "Remarks"))
    assert again is not None
    assert again.fields == ("lead_group_name", "customer_phone", "customer_note")


def test_mapping_store_survives_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "mappings.json"
    path.write_text("{not json")
    store = MappingStore(path)
    assert store.load(("Phone",)) is None
    store.save(guess_mapping(("Phone",)))
    assert store.load(("Phone",)) is not None
