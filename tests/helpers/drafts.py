"""Example drafts shared by the tests: one with every field typed, one small."""

from __future__ import annotations

import dataclasses

from superfone_desk.core.draft import Choice, LeadDraft

#: A small save with a timeline note.
ASHA = LeadDraft(
    customer_phone="80000 00001",
    first_name="Asha",
    last_name="Kumar",
    customer_note="Call after 6 PM",
)

#: Every field of the form typed, with the odd spaces and characters users type.
FULL_DRAFT = LeadDraft(
    customer_phone=" +91 80000 00001 ",
    first_name="Ásha ",
    last_name="Kumar",
    business_name="Acme",
    emails="a@example.com; b@example.com",
    website="example.com",
    extra_phones="80000 00002\n80000 00003",
    lead_stage=Choice.set(" New Lead "),
    lead_group=Choice.cleared(),
    assignee_phone=Choice.untouched(),
    add_labels=("Hot", "VIP"),
    remove_labels=("Cold",),
    add_products=("Starter Plan",),
    deal_value="₹ 1,50,000",
    source="walk-in",
    source_type="OTHERS",
    address_text="12 MG Road",
    address_additional="Flat 3",
    address_initials="AK",
    latitude="12.97",
    longitude="77.59",
    city="Bengaluru",
    additional_info="line 1\nline 2",
    customer_note="नमस्ते",
    create_if_missing=False,
)

#: FULL_DRAFT with the assignee set too: every attribute differs from its default.
EVERY_FIELD = dataclasses.replace(FULL_DRAFT, assignee_phone=Choice.set("80000 00009"))

#: CONTRACT §2.7's example upsert (tests/helpers/contract.py), as the form would hold it.
CONTRACT_EXAMPLE = LeadDraft(
    customer_phone="+91 80000 00001",
    first_name="Asha",
    last_name="Kumar",
    emails="asha@example.com",
    business_name="Acme Pvt Ltd",
    city="Bengaluru",
    deal_value="50,000",
    source="website-form",
    source_type="OTHERS",
    lead_stage=Choice.set("New Lead"),
    lead_group=Choice.set("Inbound"),
    add_labels=("Hot", "Demo Requested"),
    add_products=("Starter Plan",),
    assignee_phone=Choice.set("+919876543210"),
    extra_phones="+91 80000 00002",
    customer_note="Asked for a callback after 6 PM.",
)
