"""Turns a validated ``LeadDraft`` into the upsert request(s) to send (CONTRACT §2).

Rules, each for a reason:

* Empty text fields are *omitted*, not sent as ``""``/``null``: an empty box means the user
  did not touch it, and the API does not document clearing those fields (CONTRACT U19).
* Pickers (``Choice``) map untouched → omitted, cleared → ``null``, set → the value.
* ``add_labels`` and ``remove_labels`` can't share a request (§2.3), so a draft with both
  becomes two requests: everything plus the added labels first, then only the removals.
* **The timeline note travels alone and last** (issue #11): ``customer_phone`` +
  ``customer_note`` in a request of its own, sent only after the others were applied.
  Every upsert that carries a note adds it again, and a server may store the note of a
  request it then refuses (or half applies); alone and last, a refused or unknown main
  request can never take a note with it, and a fixed draft re-sent never posts it twice.
* The create flag is always sent explicitly, so the request says what it means. For a
  lead known to exist it is *off*: if the phone we send is not that lead's primary after
  all, the server refuses instead of creating a second lead for the same person.
* Emails: the docs don't say whether ``email`` adds to the lead's list or replaces it.
  On an update, the lead's existing emails (``keep_emails``) are sent along with the
  typed ones, so a replacing server deletes nothing the user did not remove.
"""

from __future__ import annotations

from superfone_desk.api.models import OMITTED, AddressUpdate, LeadUpsert, Omittable
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.fields import PLAIN_FIELDS
from superfone_desk.core.money import deal_value_json, parse_deal_value
from superfone_desk.core.phones import default_region, display_phone, parse_phone
from superfone_desk.core.text import trim
from superfone_desk.core.validation import parse_coordinate, split_emails, split_phones, validate


def _e164(text: str, region: str) -> str:
    result = parse_phone(text, region)
    if result.e164 is None:
        raise ValueError(f"not a valid phone number: {text!r} ({result.error})")
    return result.e164


def _text(value: str) -> Omittable[str]:
    value = trim(value)
    return value if value else OMITTED


def _titles(titles: tuple[str, ...]) -> Omittable[tuple[str, ...]]:
    # Sent exactly as picked: titles must match the catalog's character for character (U14).
    return titles if titles else OMITTED


def _choice(choice: Choice) -> Omittable[str | None]:
    if choice.is_cleared:
        return None
    if choice.is_set:
        return choice.value
    return OMITTED


def _emails(text: str, keep: tuple[str, ...] = ()) -> Omittable[tuple[str, ...]]:
    # The normalized form (domain lowercased, Unicode NFC), deduplicated again because two
    # spellings can normalize to one address. Validation has accepted every address, so
    # this can't fail. Imported here: email_validator is slow to load (not at start-up).
    from email_validator import validate_email

    typed = [
        validate_email(address, check_deliverability=False).normalized
        for address in split_emails(text)
    ]
    if not typed:
        return OMITTED  # untouched: whatever the lead has stays
    # The lead's own first (as the server keeps them), then the new ones; one each,
    # compared without case (the server's spelling of a kept address wins).
    seen: dict[str, str] = {}
    for address in (*keep, *typed):
        seen.setdefault(address.casefold(), address)
    return tuple(seen.values())


def _address(draft: LeadDraft) -> Omittable[AddressUpdate]:
    latitude = parse_coordinate(draft.latitude)
    longitude = parse_coordinate(draft.longitude)
    address = AddressUpdate(
        text=_text(draft.address_text),
        additional=_text(draft.address_additional),
        initials=_text(draft.address_initials),
        latitude=OMITTED if latitude is None else latitude,
        longitude=OMITTED if longitude is None else longitude,
    )
    return OMITTED if address.is_empty() else address


def _deal_value(text: str) -> Omittable[float]:
    if not trim(text):
        return OMITTED
    return deal_value_json(parse_deal_value(text))


def build_requests(
    draft: LeadDraft,
    region: str,
    *,
    primary_phone: str | None = None,
    existing: bool = False,
    keep_emails: tuple[str, ...] = (),
) -> list[LeadUpsert]:
    """The upsert request(s) that save ``draft``, in the order to send them.

    Call only with a draft ``validate`` accepted; otherwise ``ValueError``.

    ``primary_phone``: when the lookup found the typed phone as a *secondary* phone of an
    existing lead, pass that lead's primary phone. The upsert matches on the primary phone
    only (CONTRACT §3, U18), so the request goes to it and updates that lead instead of
    creating a second one; the typed phone is already on the lead and is not re-added.
    ``existing``: a lead is known to hold the phone (create goes off, see above);
    ``keep_emails``: its emails, sent along when the draft adds some.
    """
    problems = validate(draft, region)
    if problems:
        raise ValueError(f"the draft has problems in: {', '.join(problems)}")
    typed = _e164(draft.customer_phone, region)
    customer_phone = typed if primary_phone is None else _e164(primary_phone, region)
    existing = existing or customer_phone != typed

    already_on_lead = {typed, customer_phone}
    extra = tuple(
        dict.fromkeys(
            phone
            for phone in (_e164(entry, region) for entry in split_phones(draft.extra_phones))
            if phone not in already_on_lead
        )
    )
    assignee: Omittable[str | None] = _choice(draft.assignee_phone)
    if isinstance(assignee, str):
        assignee = _e164(assignee, region)

    source_type = trim(draft.source_type)
    split_labels = bool(draft.add_labels) and bool(draft.remove_labels)
    first = LeadUpsert(
        customer_phone=customer_phone,
        create_customer_if_customer_phone_not_found=draft.create_if_missing and not existing,
        email=_emails(draft.emails, keep_emails if existing else ()),
        address=_address(draft),
        deal_value=_deal_value(draft.deal_value),
        source_type=source_type if source_type else OMITTED,
        assignee_user_phone=assignee,
        lead_stage_name=_choice(draft.lead_stage),
        lead_group_name=_choice(draft.lead_group),
        add_labels=_titles(draft.add_labels),
        remove_labels=OMITTED if split_labels else _titles(draft.remove_labels),
        add_products=_titles(draft.add_products),
        add_phones=extra if extra else OMITTED,
        # Text sent as typed (names, website, city, ...): the field table's plain fields.
        **{f.name: _text(getattr(draft, f.attr)) for f in PLAIN_FIELDS},
    )
    # With create off and nothing to change, the first request would be a no-op: a save of
    # only a note (or a repost of one) sends just the note.
    no_op = first.create_customer_if_customer_phone_not_found is False and set(
        first.to_json()
    ) <= {"customer_phone", "create_customer_if_customer_phone_not_found"}
    requests = [] if no_op and (split_labels or trim(draft.customer_note)) else [first]
    # The first request created the lead if it had to, so the later ones must not create
    # one; each carries only its own part.
    if split_labels:
        requests.append(
            LeadUpsert(
                customer_phone=customer_phone,
                create_customer_if_customer_phone_not_found=False,
                remove_labels=draft.remove_labels,
            )
        )
    note = _text(draft.customer_note)
    if note:
        requests.append(
            LeadUpsert(
                customer_phone=customer_phone,
                create_customer_if_customer_phone_not_found=False,
                customer_note=note,
            )
        )
    return requests


def describe(draft: LeadDraft, region: str | None = None) -> str:
    """A short name for the saved lead, for the success message.

    "+91 80000 00001 — Asha Kumar"; the business name when there is no person's name;
    just the phone when there is neither. ``region`` defaults to the locale's region.
    """
    parsed = parse_phone(draft.customer_phone, default_region() if region is None else region)
    phone = display_phone(parsed.e164) if parsed.e164 else trim(draft.customer_phone)
    name = " ".join(p for p in (trim(draft.first_name), trim(draft.last_name)) if p)
    label = name or trim(draft.business_name)
    return f"{phone} — {label}" if label else phone
