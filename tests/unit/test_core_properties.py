"""Property tests over the whole core: validate never raises, and what it accepts is sendable."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from superfone_desk.api.models import SOURCE_TYPES, AddressUpdate, LeadUpsert
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.payload import build_requests, describe
from superfone_desk.core.validation import FORM_FIELD_ORDER, validate

E164 = re.compile(r"^\+[1-9]\d{7,14}$")
FAST = settings(max_examples=200, deadline=None)

# Any text at all, lone surrogates included (Qt never produces them, but paste can surprise).
any_text = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(exclude_categories=()), max_size=20),
    st.text(alphabet="0123456789 +-().,;@\n\t\x00\u200b", max_size=30),
)
any_titles = st.lists(any_text, max_size=3).map(tuple)
any_choice = st.one_of(
    st.just(Choice.untouched()), st.just(Choice.cleared()), any_text.map(Choice.set)
)
regions = st.sampled_from(["IN", "US", "GB", "AE", "SG", "DE", "", "xx"])



# Values that are each valid in India, typed in the many ways people type them.
PRIMARY = ["98765 43210", " +91 98765-43210 ", "098765 43210", "(0)98765 43210",
           "0091 98765 43210", "９８７６５４３２１０", "80000 00001"]
EXTRA = ["", "080 4000 1234", "+1 415 555 2671", "080 4000 1234, +91 80 4000 1234",
         "+44 7911 123456\n+971 50 123 4567;+65 8123 4567"]
EMAILS = ["", "asha@example.com", "Asha@Example.COM; ravi@example.in", "a@b.co\nc@d.in a@B.co"]
WEBSITES = ["", "acme.in", "https://acme.in/x", "HTTP://www.acme.co.in:8080/a?b=c"]
DEALS = ["", "50000", "50,000", "1,50,000", "₹ 2.5L", "Rs. 5000/-", "1 crore", "2500.50", "0"]
SOURCES = ["", *SOURCE_TYPES]
COORDS = [("", ""), ("12.9716", "77.5946"), ("-90", "180"), (" 0 ", "−0.5")]
ADD = ["Hot", "Demo Requested", " Warm "]
REMOVE = ["Cold", "Lost"]
ASSIGNEES = ["98765 00000", "+91 80000 00009"]

def _draft(text: st.SearchStrategy[str], titles: Any, choice: Any) -> Any:
    return st.builds(
        LeadDraft,
        customer_phone=text,
        first_name=text,
        last_name=text,
        business_name=text,
        emails=text,
        website=text,
        extra_phones=text,
        lead_stage=choice,
        lead_group=choice,
        assignee_phone=choice,
        add_labels=titles,
        remove_labels=titles,
        add_products=titles,
        deal_value=text,
        source=text,
        source_type=st.one_of(text, st.sampled_from(SOURCE_TYPES)),
        address_text=text,
        address_additional=text,
        address_initials=text,
        latitude=text,
        longitude=text,
        city=text,
        additional_info=text,
        customer_note=text,
        create_if_missing=st.booleans(),
    )


any_draft = _draft(any_text, any_titles, any_choice)


good_text = st.one_of(
    st.just(""),
    st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), max_size=30),
)
good_titles = st.lists(st.sampled_from(ADD), max_size=2).map(tuple)


@st.composite
def good_drafts(draw: st.DrawFn) -> LeadDraft:
    latitude, longitude = draw(st.sampled_from(COORDS))
    stage = st.one_of(
        st.just(Choice.untouched()), st.just(Choice.cleared()), st.just(Choice.set("New Lead"))
    )
    assignee = st.one_of(
        st.just(Choice.untouched()),
        st.just(Choice.cleared()),
        st.sampled_from(ASSIGNEES).map(Choice.set),
    )
    return LeadDraft(
        customer_phone=draw(st.sampled_from(PRIMARY)),
        first_name=draw(good_text),
        last_name=draw(good_text),
        business_name=draw(good_text),
        emails=draw(st.sampled_from(EMAILS)),
        website=draw(st.sampled_from(WEBSITES)),
        extra_phones=draw(st.sampled_from(EXTRA)),
        lead_stage=draw(stage),
        lead_group=draw(stage),
        assignee_phone=draw(assignee),
        add_labels=draw(good_titles),
        remove_labels=draw(st.lists(st.sampled_from(REMOVE), max_size=2).map(tuple)),
        add_products=tuple(draw(st.lists(st.sampled_from(["Starter Plan", "Pro"]), max_size=2))),
        deal_value=draw(st.sampled_from(DEALS)),
        source=draw(good_text),
        source_type=draw(st.sampled_from(SOURCES)),
        address_text=draw(st.one_of(good_text, st.just("12 MG Road\nBengaluru"))),
        address_additional=draw(good_text),
        address_initials=draw(good_text),
        latitude=latitude,
        longitude=longitude,
        city=draw(good_text),
        additional_info=draw(st.one_of(good_text, st.just("line\n\tline"))),
        customer_note=draw(st.one_of(good_text, st.just("Call after 6 PM.\r\nThanks"))),
        create_if_missing=draw(st.booleans()),
    )


@st.composite
def mutated_drafts(draw: st.DrawFn) -> LeadDraft:
    """A valid draft with a few fields replaced by anything: often still valid, with odd text."""
    draft = draw(good_drafts())
    strategies: dict[str, st.SearchStrategy[Any]] = {
        f.name: any_text for f in dataclasses.fields(LeadDraft) if f.type == "str"
    }
    strategies.update(dict.fromkeys(["lead_stage", "lead_group", "assignee_phone"], any_choice))
    strategies.update(dict.fromkeys(["add_labels", "remove_labels", "add_products"], any_titles))
    names = draw(st.lists(st.sampled_from(sorted(strategies)), min_size=1, max_size=2))
    changes = {name: draw(strategies[name]) for name in names}
    return dataclasses.replace(draft, **changes)


def _phones_in(body: dict[str, Any]) -> list[str]:
    phones = [body["customer_phone"], *body.get("add_phones", [])]
    if isinstance(body.get("assignee_user_phone"), str):
        phones.append(body["assignee_user_phone"])
    return phones


def assert_sendable(requests: list[LeadUpsert], draft: LeadDraft) -> None:
    # The lead, a request for removing labels, the note alone and last (issue #11).
    note = bool(draft.customer_note.strip())
    assert 1 <= len(requests) <= 3
    assert [request.sends_note() for request in requests].count(True) == int(note)
    if note:
        assert set(requests[-1].to_json()) == {
            "customer_phone", "create_customer_if_customer_phone_not_found", "customer_note",
        }  # fmt: skip
    bodies = [request.to_json() for request in requests]
    for body in bodies:
        encoded = json.dumps(body, allow_nan=False, ensure_ascii=False).encode("utf-8")
        assert json.loads(encoded) == body
        assert not ("add_labels" in body and "remove_labels" in body)
        assert all(E164.match(phone) for phone in _phones_in(body)), body
        assert body["create_customer_if_customer_phone_not_found"] in (True, False)
        if "deal_value" in body:
            assert math.isfinite(body["deal_value"])
            assert body["deal_value"] >= 0
        for text in body.values():
            if isinstance(text, str):
                assert text, "an empty string is never sent"
        address = body.get("address", {})
        assert address != {} or "address" not in body
    assert len({body["customer_phone"] for body in bodies}) == 1
    assert sum("customer_note" in body for body in bodies) <= 1
    for body in bodies[1:]:  # the removals and the note each travel alone
        assert set(body) - {"customer_phone", "create_customer_if_customer_phone_not_found"} in (
            {"remove_labels"},
            {"customer_note"},
        )
        assert body["create_customer_if_customer_phone_not_found"] is False
    primary = bodies[0]["customer_phone"]
    assert primary not in bodies[0].get("add_phones", [])
    assert isinstance(requests[0].address, AddressUpdate) or not any(
        (draft.address_text.strip(), draft.latitude.strip(), draft.address_initials.strip())
    )


@FAST
@given(case=st.one_of(st.tuples(any_draft, regions), st.tuples(mutated_drafts(), st.just("IN"))))
def test_validate_never_raises_and_builds_whatever_it_accepts(
    case: tuple[LeadDraft, str],
) -> None:
    draft, region = case
    problems = validate(draft, region)
    assert list(problems) == [field for field in FORM_FIELD_ORDER if field in problems]
    assert all(isinstance(message, str) and message for message in problems.values())
    describe(draft, region)
    event("accepted" if not problems else "refused")
    if not problems:
        assert_sendable(build_requests(draft, region), draft)


@FAST
@given(draft=good_drafts())
def test_valid_input_typed_many_ways_is_accepted_and_sendable(draft: LeadDraft) -> None:
    assert validate(draft, "IN") == {}
    assert_sendable(build_requests(draft, "IN"), draft)
    assert_sendable(build_requests(draft, "IN", primary_phone="+918000000099"), draft)
