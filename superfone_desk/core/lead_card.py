"""The lead card: what Superfone holds for a lead, as form values, and what a save changes.

No Qt. The form shows a found lead's stored values (``stored_values``) in its fields,
filling only the ones the user has not typed in (``fill``). On save, ``edits_only``
keeps just what differs from the stored lead, so a field the user did not touch is
*omitted* from the upsert: the save changes only what was changed (issue #14). The
"will change" list next to Save is ``changes``; reps who must never overwrite tick
"Only fill empty fields" (``only_fill_empty``).

Labels: the form lists the lead's labels above the fields (click one to remove it), so
they are not put into "Add labels"; a label picked there that the lead already has is
not sent again, and the change list says "+ new, − removed". Emails are only ever added
(the API has no documented way to remove one), and the payload sends the stored ones
along (``core.payload``, ``keep_emails``).

The stored assignee has a name but no phone in Get Lead, while the form picks team
members by phone: it is shown by name (``StoredLead.assignee_name``) and the assignee
field counts as empty for the card (anything picked there is an edit).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.fields import FIELDS, Kind
from superfone_desk.core.i18n import N_
from superfone_desk.core.money import deal_value_json, format_rupees, parse_deal_value
from superfone_desk.core.source_types import source_type_words
from superfone_desk.core.text import trim
from superfone_desk.core.validation import split_emails, split_phones

if TYPE_CHECKING:
    from collections.abc import Callable

    from superfone_desk.api.models import Lead

__all__ = [
    "Change",
    "StoredLead",
    "changes",
    "edits_only",
    "fill",
    "only_fill_empty",
    "stored_values",
]

# Draft attributes the card never fills: the phone is what the user typed, the note is
# new text for the timeline, removals and products are actions (Get Lead has no products).
_NOT_STORED = frozenset({"customer_phone", "customer_note", "remove_labels", "add_products"})
# Kept on a card's draft as it is: switches, not values.
_NOT_FIELDS = frozenset({"create_if_missing"})


@dataclass(frozen=True, slots=True)
class StoredLead:
    """One lead as Get Lead returned it, in the form's terms.

    ``draft``: the stored value of every form field (text as the form would hold it);
    ``lead_id`` the lead's internal id (for its tasks); ``assignee_name`` who the lead is
    assigned to (None: nobody); ``labels`` the lead's label titles.
    """

    draft: LeadDraft
    lead_id: int
    assignee_name: str | None
    primary_phone: str
    labels: tuple[str, ...] = ()

    @property
    def emails(self) -> tuple[str, ...]:
        return tuple(split_emails(self.draft.emails))

    def filled_attrs(self) -> frozenset[str]:
        """The draft attributes that hold a stored value (what the card marks as stored)."""
        empty = LeadDraft()
        return frozenset(
            f.attr
            for f in FIELDS
            if f.attr not in _NOT_STORED and getattr(self.draft, f.attr) != getattr(empty, f.attr)
        )


def _text(value: str | None) -> str:
    return trim(value or "")


def _number(value: float | None) -> str:
    return "" if value is None else str(deal_value_json(value))


def stored_values(lead: Lead, typed_phone: str) -> StoredLead:
    """The card of ``lead`` for the phone the user typed (kept in the phone field)."""
    address = lead.address
    others = [phone for phone in lead.phones if phone not in (typed_phone, lead.primary_phone)]
    draft = LeadDraft(
        customer_phone=typed_phone,
        first_name=_text(lead.first_name),
        last_name=_text(lead.last_name),
        business_name=_text(lead.business_name),
        emails=", ".join(lead.email),
        website=_text(lead.website),
        extra_phones=", ".join(others),
        lead_stage=Choice.set(lead.lead_stage.title) if lead.lead_stage else Choice(),
        lead_group=Choice.set(lead.lead_group.title) if lead.lead_group else Choice(),
        deal_value=_number(lead.deal_value),
        source=_text(lead.source),
        source_type=_text(lead.source_type),
        address_text=_text(address.text),
        address_additional=_text(address.additional),
        address_initials=_text(address.initials),
        latitude="" if address.latitude is None else str(address.latitude),
        longitude="" if address.longitude is None else str(address.longitude),
        city=_text(lead.city),
        additional_info=_text(lead.additional_info),
    )
    assignee = lead.assignee_user.display_name if lead.assignee_user else None
    labels = tuple(label.title for label in lead.labels)
    return StoredLead(draft, lead.id, assignee, lead.primary_phone, labels)


def _is_empty(value: object) -> bool:
    if isinstance(value, Choice):
        return value.is_untouched
    if isinstance(value, str):
        return not trim(value)
    return value in ((), None)


def fill(current: LeadDraft, card: StoredLead) -> tuple[LeadDraft, frozenset[str]]:
    """``current`` with the card's values in every field the user left empty; and which
    attributes now show a stored value. Nothing typed is replaced."""
    values: dict[str, Any] = {}
    filled: set[str] = set()
    for attr in card.filled_attrs():
        mine, stored = getattr(current, attr), getattr(card.draft, attr)
        if _is_empty(mine):
            values[attr] = stored
            filled.add(attr)
    return dataclasses.replace(current, **values), frozenset(filled)


def _same_number(a: str, b: str) -> bool:
    try:
        return parse_deal_value(a) == parse_deal_value(b)
    except ValueError:
        return False


def _same(attr: str, mine: object, stored: object) -> bool:
    if isinstance(mine, str) and isinstance(stored, str):
        if attr == "deal_value" and trim(mine) and trim(stored):
            return _same_number(mine, stored)
        return trim(mine) == trim(stored)
    return mine == stored


def edits_only(draft: LeadDraft, card: StoredLead | None) -> LeadDraft:
    """``draft`` with every value equal to the stored one left out (untouched), so the
    upsert omits it; labels the lead has are not added again; emails only the new ones.
    Without a card (a new lead, or none loaded) the draft is returned as it is."""
    if card is None:
        return draft
    stored = card.draft
    empty = LeadDraft()
    values: dict[str, Any] = {}
    for f in FIELDS:
        attr = f.attr
        if attr in _NOT_STORED or attr in _NOT_FIELDS:
            continue
        mine, theirs = getattr(draft, attr), getattr(stored, attr)
        if attr == "emails":
            known = {address.casefold() for address in card.emails}
            values[attr] = ", ".join(
                a for a in split_emails(mine) if a.casefold() not in known
            )
        elif attr == "extra_phones":
            known_phones = set(split_phones(theirs))
            values[attr] = ", ".join(p for p in split_phones(mine) if p not in known_phones)
        elif attr == "add_labels":
            values[attr] = tuple(t for t in mine if t not in card.labels)
        elif f.kind is Kind.CHOICE and isinstance(mine, Choice) and mine.is_untouched:
            # An emptied stage or group picker keeps the lead's; "clear" is explicit.
            values[attr] = mine
        elif _same(attr, mine, theirs) or (f.kind is not Kind.CHOICE and _is_empty(mine)):
            # Emptying a stored text does not clear it (the API has no documented way).
            values[attr] = getattr(empty, attr)
    values["remove_labels"] = tuple(t for t in draft.remove_labels if t in card.labels)
    return dataclasses.replace(draft, **values)


def only_fill_empty(edits: LeadDraft, card: StoredLead | None) -> LeadDraft:
    """``edits`` (from ``edits_only``) without anything that would overwrite a stored
    value: a field the lead already has is left alone, labels are only added, never
    removed. Additions (labels, emails, phones, products, the note) all stay."""
    if card is None:
        return edits
    empty = LeadDraft()
    values: dict[str, Any] = {"remove_labels": ()}
    for f in FIELDS:
        if f.kind is Kind.TITLES or f.attr in ("emails", "extra_phones", "customer_phone"):
            continue
        if f.attr == "assignee_phone":
            overwrites = card.assignee_name is not None
        else:
            overwrites = not _is_empty(getattr(card.draft, f.attr))
        if overwrites:
            values[f.attr] = getattr(empty, f.attr)
    return dataclasses.replace(edits, **values)


#: What a cleared field shows in the "will change" list (translated where shown).
NONE = N_("(none)")


@dataclass(frozen=True, slots=True)
class Change:
    """One line of the "will change" list: ``label``: ``old`` → ``new``."""

    field: str  # the API field name (= the widget's objectName)
    label: str
    old: str
    new: str

    @property
    def text(self) -> str:
        if not self.old:
            return f"{self.label}: {self.new}"
        return f"{self.label}: {self.old} → {self.new}"


def _shown(attr: str, value: object, names: Callable[[str], str | None]) -> str:
    if isinstance(value, Choice):
        if value.is_cleared:
            return NONE
        if attr == "assignee_phone" and value.is_set:
            return names(value.value) or value.value
        return value.value
    if attr == "source_type" and isinstance(value, str) and trim(value):
        return source_type_words(value)  # "Phone contact", as the picker shows it
    if attr == "deal_value" and isinstance(value, str) and trim(value):
        try:
            return format_rupees(parse_deal_value(value))
        except ValueError:
            return trim(value)
    return trim(str(value))


def changes(
    card: StoredLead | None,
    edits: LeadDraft,
    *,
    names: Callable[[str], str | None] = lambda _phone: None,
) -> list[Change]:
    """What saving ``edits`` (from ``edits_only``) will change on the stored lead, in form
    order. ``names`` gives a team member's name for a phone (the assignee)."""
    stored = card.draft if card is not None else LeadDraft()
    out: list[Change] = []
    for f in FIELDS:
        attr = f.attr
        if attr in ("customer_phone", "customer_note", "remove_labels"):
            continue
        value = getattr(edits, attr)
        if attr == "add_labels":
            parts = [f"+ {t}" for t in value] + [f"− {t}" for t in edits.remove_labels]
            if parts:
                out.append(Change("add_labels", "Labels", "", ", ".join(parts)))
            continue
        if _is_empty(value):
            continue
        if attr in ("emails", "extra_phones", "add_products"):
            added = value if isinstance(value, str) else ", ".join(value)
            out.append(Change(f.name, f.plain_label, "", "+ " + added))
            continue
        if attr == "assignee_phone":
            old = card.assignee_name or "" if card is not None else ""
        else:
            old = _shown(attr, getattr(stored, attr), names)
        out.append(Change(f.name, f.plain_label, old, _shown(attr, value, names)))
    return out
