"""Superfone's refusals in words a clerk understands, each with what to do next.

The API answers in developer English ("Assignee user is not part of your team",
"Phone number +91... in add_phones is already present in different customer ...").
``explain`` turns every message of CONTRACT.md §2.5/§2.6 into a sentence that names the
field as the form names it and says what to do; the server's own text stays in
``original`` for a tooltip and for support. A message this table does not know is shown
as Superfone said it, introduced as such, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from superfone_desk.api.errors import SERVER_MESSAGE_FIELDS, field_for_message
from superfone_desk.core.draft import Choice
from superfone_desk.core.i18n import F_, N_, upper_first
from superfone_desk.core.phones import display_phone

UNAUTHORIZED = "UnAuthorized, Please Provide Valid API Key"


@dataclass(frozen=True, slots=True)
class ServerText:
    """What to show for one server message.

    ``text`` is for the label next to ``field`` (the API field name, None when the
    message concerns no field); ``original`` is Superfone's message, for the tooltip.
    """

    text: str
    original: str
    field: str | None


def _key(message: str) -> str:
    # The same tolerance as api.errors: case, spacing and a final full stop don't matter.
    return " ".join(message.split()).rstrip(".").strip().casefold()


def _quoted(value: str | None, fallback: str) -> str:
    return f"“{value}”" if value else F_(fallback)


#: Wording per exact message (CONTRACT §2.5). ``{value}`` is what was typed in the field.
_WORDING: dict[str, str] = {
    "Customer phone is required to identify the record to update": N_(
        "Superfone needs the customer's phone number to find the lead. Type it in Phone."
    ),
    "Customer not found.": N_(
        "No lead has this phone number yet, and “Create the lead if this phone is new” "
        "is off. Turn it on to create the lead, or check the number."
    ),
    "Customer phone exists in multiple contact": N_(
        "More than one lead in Superfone has this number as its main phone. Ask your admin "
        "to merge them in Superfone, then save again."
    ),
    "add_labels and remove_labels cannot be used in the same request": N_(
        "Superfone can't add and remove labels in one save. Save the labels to add first, "
        "then remove the others in a second save."
    ),
    "Assignee user's phone is invalid": N_(
        "The assignee's phone number is not a valid number. Pick the person from the list, "
        "or check the digits."
    ),
    "Assignee user not found": N_(
        "No Superfone user has the phone number {value}. Pick a team member from the list."
    ),
    "Assignee user is not part of your team": N_(
        "{value} is not an active member of your team in Superfone (perhaps deactivated). "
        "Pick someone else, or ask your admin to add them back."
    ),
    "Lead stage name not found": N_(
        "Superfone has no stage called {value}. Pick a stage from the list; if it was just "
        "added, use File → Refresh lists."
    ),
    "Multiple lead stages found with this name. Provide unique": N_(
        "Superfone has more than one stage called {value}. Ask your admin to rename one, "
        "then pick it again."
    ),
    "Lead group name not found": N_(
        "Superfone has no group called {value}. Pick a group from the list; if it was just "
        "added, use File → Refresh lists."
    ),
    "Multiple lead groups found with this name. Provide unique": N_(
        "Superfone has more than one group called {value}. Ask your admin to rename one, "
        "then pick it again."
    ),
    UNAUTHORIZED: N_(
        "Superfone did not accept the API key. Open Settings and enter the key again."
    ),
}
_BY_KEY = {_key(message): wording for message, wording in _WORDING.items()}

_INVALID_PHONE = {
    "customer_phone": N_(
        "Superfone did not accept this phone number. Check the digits and the country code."
    ),
    "add_phones": N_(
        "Superfone did not accept one of the extra phones. Check each number and its "
        "country code."
    ),
}

_FALLBACK_VALUE = {
    "assignee_user_phone": N_("This person"),
    "lead_stage_name": N_("this name"),
    "lead_group_name": N_("this name"),
}


def explain(
    message: str,
    *,
    field: str | None = None,
    value: str | None = None,
    other_lead: str | None = None,
) -> ServerText:
    """The clerk's version of ``message``.

    ``field`` overrides the field the message maps to (``Invalid phone number.`` does
    not say which phone; the caller knows). ``value`` is what the user had in that field
    (a stage title, the assignee's name or phone), ``other_lead`` the name of the lead
    that already holds a conflicting extra phone, when the app looked it up.
    """
    found = field_for_message(message)
    target = field or found.field
    if found.phone is not None:
        return ServerText(_phone_conflict(found.phone, other_lead), message, "add_phones")
    key = _key(message)
    if key == _key("Invalid phone number."):
        return ServerText(_INVALID_PHONE.get(target or "", _INVALID_PHONE["customer_phone"]),
                          message, target)
    wording = _BY_KEY.get(key)
    if wording is None:
        text = F_(
            "Superfone refused the lead and said: “{message}”.", message=" ".join(message.split())
        )
        return ServerText(text, message, target)
    fallback = _FALLBACK_VALUE.get(target or "", N_("this"))
    shown = (
        _quoted(value, fallback) if target != "assignee_user_phone" else (value or F_(fallback))
    )
    text = F_(wording, value=shown)
    if key == _key(UNAUTHORIZED):
        target = None
    return ServerText(upper_first(text), message, target)


def value_text(value: object) -> str | None:
    """What the user had in a field (a draft's value), as ``explain``'s ``value``."""
    if isinstance(value, Choice):
        return value.value if value.is_set else None
    if isinstance(value, tuple):
        return ", ".join(value) or None
    return str(value) if value not in ("", None) and not isinstance(value, bool) else None


def _phone_conflict(phone: str, other_lead: str | None) -> str:
    number = display_phone(phone) if phone.startswith("+") else phone
    if other_lead:
        return F_(
            "{number} already belongs to another lead ({other_lead}). Remove it there first, "
            "or leave it out here.",
            number=number, other_lead=other_lead,
        )
    return F_(
        "{number} already belongs to another lead in Superfone. Remove it there first, "
        "or leave it out here.",
        number=number,
    )


def known_messages() -> list[str]:
    """Every message of CONTRACT §2.6 that has a field: each must have its own wording."""
    return [*SERVER_MESSAGE_FIELDS, UNAUTHORIZED]
