"""The one field table (core.fields) agrees with the draft, validation, the payload and
the form: a field added or renamed in one of them and not the others fails here."""

from __future__ import annotations

import dataclasses

import pytest

from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.fields import CREATE_ATTR, CREATE_FIELD, FIELDS, FORM_FIELD_ORDER
from superfone_desk.core.payload import build_requests
from superfone_desk.core.validation import validate
from superfone_desk.ui.main_window import MainWindow
from tests.helpers.drafts import FULL_DRAFT

#: FULL_DRAFT leaves the assignee untouched; this one sets every field.
EVERY_FIELD = dataclasses.replace(FULL_DRAFT, assignee_phone=Choice.set("80000 00009"))


def _sent_names(body: dict[str, object]) -> set[str]:
    """The request's field names, the address parts as ``address.<part>``."""
    names = {name for name in body if name != "address"}
    address = body.get("address")
    if isinstance(address, dict):
        names |= {f"address.{part}" for part in address}
    return names


def test_every_draft_attribute_is_one_field() -> None:
    attrs = [f.attr for f in FIELDS] + [CREATE_ATTR]
    assert sorted(attrs) == sorted(f.name for f in dataclasses.fields(LeadDraft))
    assert len({f.name for f in FIELDS}) == len(FIELDS)


def test_validation_speaks_of_table_fields_in_table_order() -> None:
    wrong = LeadDraft(
        customer_phone="12",
        emails="not an email",
        website="http://",
        deal_value="lots",
        latitude="north",
        longitude="east",
        source_type="NOT A TYPE",
        first_name="x" * 1000,
        customer_note="x" * 100_000,
    )
    problems = list(validate(wrong, "IN"))
    assert len(problems) >= 8
    assert problems == [name for name in FORM_FIELD_ORDER if name in problems]


def test_the_payload_sends_every_table_field_under_its_name() -> None:
    assert validate(EVERY_FIELD, "IN") == {}
    sent: set[str] = set()
    for request in build_requests(EVERY_FIELD, "IN"):
        sent |= _sent_names(request.to_json())
    assert sent == {f.name for f in FIELDS} | {CREATE_FIELD}


@pytest.mark.gui
def test_the_form_has_one_named_widget_and_error_per_field(window: MainWindow) -> None:
    form = window.form
    for spec in FIELDS:
        widget = form.widget(spec.name)
        assert widget.objectName() == spec.name
        assert form.error_label(spec.name).objectName() == f"{spec.name}_error"
        assert widget.accessibleName() == spec.plain_label
    # Every field goes into the draft and comes back out of it, under its attribute (the
    # stage picker shows the catalog's own title, without the typed spaces).
    every_field = dataclasses.replace(EVERY_FIELD, lead_stage=Choice.set("New Lead"))
    form.set_draft(every_field)
    assert form.draft() == every_field
