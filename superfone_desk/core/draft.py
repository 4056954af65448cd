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


# ------------------------------------------------------------------ JSON form

#: Bumped if the stored shape of a draft ever changes incompatibly.
DRAFT_JSON_VERSION = 1

_CHOICE_ATTRIBUTES = frozenset({"lead_stage", "lead_group", "assignee_phone"})
_TUPLE_ATTRIBUTES = frozenset({"add_labels", "remove_labels", "add_products"})


def draft_to_json(draft: LeadDraft) -> dict[str, Any]:
    """``draft`` as a JSON-able dict, losslessly (text exactly as typed, Choice states).

    The outbox keeps drafts in this form; ``draft_from_json`` gives the same draft back.
    """
    out: dict[str, Any] = {"v": DRAFT_JSON_VERSION}
    for name in DRAFT_ATTRIBUTES:
        value = getattr(draft, name)
        if isinstance(value, Choice):
            out[name] = {"state": value.state, "value": value.value}
        elif isinstance(value, tuple):
            out[name] = list(value)
        else:
            out[name] = value
    return out


def draft_from_json(data: object) -> LeadDraft:
    """The draft ``draft_to_json`` made; ``ValueError`` for anything else.

    Missing attributes take their defaults (a draft stored before a field existed);
    unknown ones are refused rather than dropped, so nothing typed is silently lost.
    """
    if not isinstance(data, dict):
        raise ValueError("a stored draft must be a JSON object")
    version = data.get("v", DRAFT_JSON_VERSION)
    if version != DRAFT_JSON_VERSION:
        raise ValueError(f"unknown stored draft version {version!r}")
    unknown = set(data) - set(DRAFT_ATTRIBUTES) - {"v"}
    if unknown:
        raise ValueError(f"unknown draft fields: {', '.join(sorted(unknown))}")
    defaults = LeadDraft()
    kwargs: dict[str, Any] = {}
    for name in DRAFT_ATTRIBUTES:
        if name not in data:
            continue
        raw = data[name]
        if name in _CHOICE_ATTRIBUTES:
            if not isinstance(raw, dict) or not isinstance(raw.get("value", ""), str):
                raise ValueError(f"{name} must be a Choice object")
            kwargs[name] = Choice(raw.get("state", "untouched"), raw.get("value", ""))
        elif name in _TUPLE_ATTRIBUTES:
            if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
                raise ValueError(f"{name} must be a list of strings")
            kwargs[name] = tuple(raw)
        else:
            expected = type(getattr(defaults, name))
            if type(raw) is not expected:
                raise ValueError(f"{name} must be a {expected.__name__}")
            kwargs[name] = raw
    return LeadDraft(**kwargs)
