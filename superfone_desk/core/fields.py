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

from superfone_desk.core.i18n import N_


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
CUSTOMER = N_("Customer")
PIPELINE = N_("Pipeline")
LABELS = N_("Labels && products")
DEAL = N_("Deal")
ADDRESS = N_("Address")
NOTES = N_("Notes")
GROUPS: tuple[str, ...] = (CUSTOMER, PIPELINE, LABELS, DEAL, ADDRESS, NOTES)

_PHONES_HELP = N_("Other numbers, separated by commas")

FIELDS: tuple[Field, ...] = (
    Field("customer_phone", "customer_phone", N_("&Phone"), Kind.PHONE, CUSTOMER,
          N_("98765 43210 or +91 98765 43210")),
    Field("first_name", "first_name", N_("Fi&rst name"), Kind.LINE, CUSTOMER, plain=True),
    Field("last_name", "last_name", N_("L&ast name"), Kind.LINE, CUSTOMER, plain=True),
    Field("business_name", "business_name", N_("&Business"), Kind.LINE, CUSTOMER, plain=True),
    Field("email", "emails", N_("E&mail"), Kind.LINE, CUSTOMER,
          N_("One or more, separated by commas")),
    Field("add_phones", "extra_phones", N_("E&xtra phones"), Kind.LINE, CUSTOMER, _PHONES_HELP),
    Field("website", "website", N_("&Website"), Kind.LINE, CUSTOMER, "acme.in", plain=True),
    Field("lead_stage_name", "lead_stage", N_("S&tage"), Kind.CHOICE, PIPELINE,
          N_("Keep the lead's stage"), noun=N_("stages")),
    Field("lead_group_name", "lead_group", N_("&Group"), Kind.CHOICE, PIPELINE,
          N_("Keep the lead's group"), noun=N_("groups")),
    Field("assignee_user_phone", "assignee_phone", N_("Ass&ignee"), Kind.ASSIGNEE, PIPELINE),
    Field("add_labels", "add_labels", N_("Add &labels"), Kind.TITLES, LABELS,
          N_("Type to find a label"), noun=N_("labels")),
    Field("remove_labels", "remove_labels", N_("Rem&ove labels"), Kind.TITLES, LABELS,
          N_("Labels to take off the lead"), noun=N_("labels")),
    Field("add_products", "add_products", N_("Produ&cts"), Kind.TITLES, LABELS,
          N_("Type to find a product"), noun=N_("products")),
    Field("deal_value", "deal_value", N_("&Deal value"), Kind.LINE, DEAL,
          N_("50000, 1,50,000 or 2.5L")),
    Field("source", "source", N_("So&urce"), Kind.LINE, DEAL, N_("walk-in, website-form, ..."),
          plain=True),
    Field("source_type", "source_type", N_("Source t&ype"), Kind.SOURCE_TYPE, DEAL,
          N_("Choose a source type"), noun=N_("source types")),
    Field("address.text", "address_text", N_("Address"), Kind.LINE, ADDRESS),
    Field("address.additional", "address_additional", N_("Apartment / unit"), Kind.LINE, ADDRESS),
    Field("address.initials", "address_initials", N_("Initials"), Kind.LINE, ADDRESS),
    Field("address.latitude", "latitude", N_("Latitude"), Kind.LINE, ADDRESS, "12.9716"),
    Field("address.longitude", "longitude", N_("Longitude"), Kind.LINE, ADDRESS, "77.5946"),
    Field("city", "city", N_("City"), Kind.LINE, ADDRESS, plain=True),
    Field("additional_info", "additional_info", N_("About the lead"), Kind.NOTE, NOTES,
          N_("Stored on the lead"), plain=True),
    Field("customer_note", "customer_note", N_("Timelin&e note"), Kind.NOTE, NOTES,
          N_("Added to the lead's timeline")),
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
