"""The lead form's content exactly as typed: strings and lists, nothing parsed yet.

``validation.validate`` checks a draft and ``payload.build_requests`` turns a valid one
into API requests; the form only fills a ``LeadDraft`` in and shows the messages.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

ChoiceState = Literal["untouched", "cleared", "set"]


@dataclass(frozen=True, slots=True)
class Choice:
    """A picker the API can leave alone, clear (send ``null``) or set.

    Build one with ``Choice.untouched()``, ``Choice.cleared()`` or ``Choice.set(value)``.
    ``value`` is only meaningful when set; it is kept exactly as given (stage and group
    titles must match the CRM's title character for character, CONTRACT U14).
    """

    state: ChoiceState = "untouched"
    value: str = ""

    def __post_init__(self) -> None:
        if self.state not in ("untouched", "cleared", "set"):
            raise ValueError(f"unknown Choice state {self.state!r}")
        if self.state != "set" and self.value:
            raise ValueError("only a set Choice has a value")

    @classmethod
    def untouched(cls) -> Choice:
        return cls("untouched")

    @classmethod
    def cleared(cls) -> Choice:
        return cls("cleared")

    @classmethod
    def set(cls, value: str) -> Choice:
        return cls("set", value)

    @property
    def is_untouched(self) -> bool:
        return self.state == "untouched"

    @property
    def is_cleared(self) -> bool:
        return self.state == "cleared"

    @property
    def is_set(self) -> bool:
        return self.state == "set"


# What "Save & New" carries over to the next lead: the things that are usually the same
# for a batch of leads typed in one sitting.
STICKY_FIELDS: tuple[str, ...] = (
    "source",
    "source_type",
    "lead_stage",
    "lead_group",
    "assignee_phone",
    "add_labels",
    "create_if_missing",
)


@dataclass(frozen=True, slots=True)
class LeadDraft:
    """Everything the lead form holds, unparsed.

    ``emails`` and ``extra_phones`` are the raw text of their boxes, which may list several
    (see ``validation.split_emails`` / ``split_phones``). ``source_type`` is ``""`` for
    none. Label and product lists hold catalog titles as picked.
    """

    customer_phone: str = ""
    first_name: str = ""
    last_name: str = ""
    business_name: str = ""
    emails: str = ""
    website: str = ""
    extra_phones: str = ""
    lead_stage: Choice = Choice()
    lead_group: Choice = Choice()
    assignee_phone: Choice = Choice()
    add_labels: tuple[str, ...] = ()
    remove_labels: tuple[str, ...] = ()
    add_products: tuple[str, ...] = ()
    deal_value: str = ""
    source: str = ""
    source_type: str = ""
    address_text: str = ""
    address_additional: str = ""
    address_initials: str = ""
    latitude: str = ""
    longitude: str = ""
    city: str = ""
    additional_info: str = ""
    customer_note: str = ""
    create_if_missing: bool = True

    def cleared_for_next(self) -> LeadDraft:
        """A fresh draft for the next lead, keeping only ``STICKY_FIELDS``."""
        kept: dict[str, Any] = {name: getattr(self, name) for name in STICKY_FIELDS}
        return LeadDraft(**kept)


DRAFT_ATTRIBUTES: tuple[str, ...] = tuple(f.name for f in fields(LeadDraft))
