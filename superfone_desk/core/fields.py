"""The one table of the lead's fields: validation, the form and the payload all read it.

Each ``Field`` says what the API calls it (which is also the form widget's objectName
and the key of validation's messages; ``address.*`` for the address parts), which
``LeadDraft`` attribute holds it, its label (with the mnemonic ``&``), which kind of
widget enters it, and the help text shown while it is empty. ``FIELDS`` is in form
order: the form is built in this order, and validation reports in it so the form can
focus the first bad field.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """Which widget enters a field, and so what kind of value the draft holds for it."""

    PHONE = "phone"  # the lead's phone, formatted as typed (str)
    LINE = "line"  # one line of text (str)
    NOTE = "note"  # several lines of text (str)
    CHOICE = "choice"  # one catalog title, untouched or cleared (Choice)
    SOURCE_TYPE = "source_type"  # one of the fixed source types, or none (str)
    TITLES = "titles"  # several catalog titles (tuple[str, ...])
    ASSIGNEE = "assignee"  # a team member's phone, or unassign (Choice)


@dataclass(frozen=True)
class Field:
    name: str  # API field name = widget objectName = validation key
    attr: str  # the LeadDraft attribute
    label: str  # with the mnemonic "&"
    kind: Kind
    group: str
    help: str = ""
    #: Pickers: what the list holds, plural ("stages", "labels").
    noun: str = ""
    #: Sent as typed (trimmed; empty: left out), at the request's top level.
    plain: bool = False

    @property
    def plain_label(self) -> str:
        return self.label.replace("&", "")


# Group titles, in form order ("&&" is a literal ampersand in a Qt title).
CUSTOMER = "Customer"
PIPELINE = "Pipeline"
LABELS = "Labels && products"
DEAL = "Deal"
ADDRESS = "Address"
NOTES = "Notes"
GROUPS: tuple[str, ...] = (CUSTOMER, PIPELINE, LABELS, DEAL, ADDRESS, NOTES)

_PHONES_HELP = "Other numbers, separated by commas"

FIELDS: tuple[Field, ...] = (
    Field("customer_phone", "customer_phone", "&Phone", Kind.PHONE, CUSTOMER,
          "98765 43210 or +91 98765 43210"),
    Field("first_name", "first_name", "Fi&rst name", Kind.LINE, CUSTOMER, plain=True),
    Field("last_name", "last_name", "L&ast name", Kind.LINE, CUSTOMER, plain=True),
    Field("business_name", "business_name", "&Business", Kind.LINE, CUSTOMER, plain=True),
    Field("email", "emails", "E&mail", Kind.LINE, CUSTOMER, "One or more, separated by commas"),
    Field("add_phones", "extra_phones", "E&xtra phones", Kind.LINE, CUSTOMER, _PHONES_HELP),
    Field("website", "website", "&Website", Kind.LINE, CUSTOMER, "acme.in", plain=True),
    Field("lead_stage_name", "lead_stage", "S&tage", Kind.CHOICE, PIPELINE,
          "Keep the lead's stage", noun="stages"),
    Field("lead_group_name", "lead_group", "&Group", Kind.CHOICE, PIPELINE,
          "Keep the lead's group", noun="groups"),
    Field("assignee_user_phone", "assignee_phone", "Ass&ignee", Kind.ASSIGNEE, PIPELINE),
    Field("add_labels", "add_labels", "Add &labels", Kind.TITLES, LABELS,
          "Type to find a label", noun="labels"),
    Field("remove_labels", "remove_labels", "Rem&ove labels", Kind.TITLES, LABELS,
          "Labels to take off the lead", noun="labels"),
    Field("add_products", "add_products", "Produ&cts", Kind.TITLES, LABELS,
          "Type to find a product", noun="products"),
    Field("deal_value", "deal_value", "&Deal value", Kind.LINE, DEAL, "50000, 1,50,000 or 2.5L"),
    Field("source", "source", "So&urce", Kind.LINE, DEAL, "walk-in, website-form, ...",
          plain=True),
    Field("source_type", "source_type", "Source t&ype", Kind.SOURCE_TYPE, DEAL,
          "Choose a source type", noun="source types"),
    Field("address.text", "address_text", "Address", Kind.LINE, ADDRESS),
    Field("address.additional", "address_additional", "Apartment / unit", Kind.LINE, ADDRESS),
    Field("address.initials", "address_initials", "Initials", Kind.LINE, ADDRESS),
    Field("address.latitude", "latitude", "Latitude", Kind.LINE, ADDRESS, "12.9716"),
    Field("address.longitude", "longitude", "Longitude", Kind.LINE, ADDRESS, "77.5946"),
    Field("city", "city", "City", Kind.LINE, ADDRESS, plain=True),
    Field("additional_info", "additional_info", "About the lead", Kind.NOTE, NOTES,
          "Stored on the lead", plain=True),
    Field("customer_note", "customer_note", "Timelin&e note", Kind.NOTE, NOTES,
          "Added to the lead's timeline"),
)

#: The create switch: a field of the request and of the draft, but no row of the form
#: (it sits next to what the lookup of the phone found) and never wrong.
CREATE_FIELD = "create_customer_if_customer_phone_not_found"
CREATE_ATTR = "create_if_missing"

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
#: Form field name → LeadDraft attribute, in form order.
DRAFT_ATTRIBUTE: dict[str, str] = {f.name: f.attr for f in FIELDS}
FORM_FIELD_ORDER: tuple[str, ...] = tuple(BY_NAME)
PICKER_KINDS = frozenset({Kind.CHOICE, Kind.SOURCE_TYPE, Kind.TITLES})
PLAIN_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.plain)


def draft_value(draft: object, name: str) -> object:
    """The draft's value behind a form field (the create switch included), else None."""
    if name == CREATE_FIELD:
        return getattr(draft, CREATE_ATTR)
    spec = BY_NAME.get(name)
    return getattr(draft, spec.attr) if spec else None
