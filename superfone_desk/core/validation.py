"""Checks a ``LeadDraft`` before anything is sent: ``validate(draft, region)`` → messages.

Keys are the form's field names, which are the API field names and the widgets'
objectNames (``address.*`` for the address parts), in the order the fields appear in the
form, so the form can focus the first one. ``validate`` never raises: any text in any
field gives either no message or a message.
"""

from __future__ import annotations

import ipaddress
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from urllib.parse import urlsplit

from superfone_desk.api.models import SOURCE_TYPES
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.fields import DRAFT_ATTRIBUTE, FORM_FIELD_ORDER
from superfone_desk.core.i18n import F_, N_, as_message, lower_first
from superfone_desk.core.money import parse_deal_value
from superfone_desk.core.phones import parse_phone
from superfone_desk.core.text import (
    CONTROL_CHARACTERS_MESSAGE,
    INVISIBLE_ONLY_MESSAGE,
    has_control_characters,
    is_invisible_only,
    quoted,
    too_long_message,
    trim,
)

# Length limits (characters, after trimming). The API documents none (CONTRACT U22); these
# are generous bounds that catch a paste gone wrong.
NAME_LIMIT = 100
MEDIUM_LIMIT = 200
WEBSITE_LIMIT = 2048
NOTES_LIMIT = 10_000
ADDRESS_LIMIT = 500

# Plain text fields: form field → (limit, multi-line).
_TEXT_FIELDS: dict[str, tuple[int, bool]] = {
    "first_name": (NAME_LIMIT, False),
    "last_name": (NAME_LIMIT, False),
    "business_name": (MEDIUM_LIMIT, False),
    "source": (MEDIUM_LIMIT, False),
    "address.text": (ADDRESS_LIMIT, True),
    "address.additional": (ADDRESS_LIMIT, False),
    "address.initials": (ADDRESS_LIMIT, False),
    "city": (MEDIUM_LIMIT, False),
    "additional_info": (NOTES_LIMIT, True),
    "customer_note": (NOTES_LIMIT, True),
}

_EMAIL_SEPARATORS = re.compile(r"[,;\s]+")
_PHONE_SEPARATORS = re.compile(r"[,;\n\r\u2028\u2029]+")
_COORDINATE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_DOMAIN_LABEL = re.compile(r"(?!-)[^\W_](?:[^\W_]|-){0,62}(?<!-)")
_TOP_LEVEL = re.compile(r"(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})")


def _unique(items: Iterable[str], key: Callable[[str], str]) -> list[str]:
    seen: set[str] = set()
    result: list[str] = []
    for item in items:
        if item and key(item) not in seen:
            seen.add(key(item))
            result.append(item)
    return result


def split_emails(text: str) -> list[str]:
    """The addresses in an email box: split on commas, semicolons and whitespace.

    Empty entries and repeats (ignoring case) are dropped; order is kept.
    """
    return _unique(_EMAIL_SEPARATORS.split(text), key=str.casefold)


def split_phones(text: str) -> list[str]:
    """The numbers in an extra-phones box: split on commas, semicolons and line breaks.

    Spaces stay inside a number ("98765 43210"). Entries are trimmed; empty ones and exact
    repeats are dropped; order is kept.
    """
    return _unique((trim(part) for part in _PHONE_SEPARATORS.split(text)), key=str)


# A name that shows nothing names nobody (issue #12.13); a note or an address made of a
# combining mark is odd but harmless, and a hostile paste there is still sent as typed.
_NAMES = frozenset({"first_name", "last_name"})


def _text_problem(
    value: str, limit: int, *, multiline: bool = False, is_name: bool = False
) -> str | None:
    value = trim(value)
    if not value:  # most fields of an imported row are empty: nothing to check
        return None
    if has_control_characters(value, multiline=multiline):
        return CONTROL_CHARACTERS_MESSAGE
    if is_name and is_invisible_only(value):
        return INVISIBLE_ONLY_MESSAGE
    if len(value) > limit:
        return too_long_message(len(value), limit)
    return None


def _phone_problem(text: str, region: str) -> str | None:
    if has_control_characters(trim(text)):
        return CONTROL_CHARACTERS_MESSAGE
    return parse_phone(text, region).error


def _extra_phones_problem(draft: LeadDraft, region: str) -> str | None:
    if not draft.extra_phones:
        return None
    if has_control_characters(draft.extra_phones, multiline=True):
        return CONTROL_CHARACTERS_MESSAGE
    primary = parse_phone(draft.customer_phone, region).e164
    for entry in split_phones(draft.extra_phones):
        result = parse_phone(entry, region)
        if result.error is not None:
            return F_("{item}: {problem}", item=quoted(entry), problem=lower_first(result.error))
        if primary is not None and result.e164 == primary:
            return F_("{item} is the same as the main phone number", item=quoted(entry))
    return None


def _emails_problem(text: str) -> str | None:
    if has_control_characters(text, multiline=True):
        return CONTROL_CHARACTERS_MESSAGE
    bad: list[tuple[str, str]] = []
    for address in split_emails(text):
        reason = _email_problem(address)
        if reason is not None:
            bad.append((address, reason))
    if not bad:
        return None
    address, reason = bad[0]
    if len(bad) > 1:
        return F_(
            "{item}: {problem} (and {count} more)",
            item=quoted(address), problem=as_message(reason), count=len(bad) - 1,
        )
    return F_("{item}: {problem}", item=quoted(address), problem=as_message(reason))


# An address in the plainest form ("ravi.kumar12@example.in"): ASCII, a dot-atom local
# part without quotes, host labels of letters, digits and inner hyphens (no "--", so no
# Punycode or reserved "ab--" label), a top-level domain of letters, 254 characters at
# most. email_validator accepts every such address whatever its options (its checks for
# them: dot-atom, label and total lengths, a period, a letter at the end, the special-use
# names, checked below), but spends ~40 µs on each in Unicode and IDNA work that cannot
# change the answer; an import checks one per row of files of 10,000 rows.
# ``tests/unit/test_validation_fast_paths.py`` compares the two on generated addresses.
_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*"
    r"@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)


@cache
def _special_use_domains() -> tuple[str, ...]:
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    return tuple(SPECIAL_USE_DOMAIN_NAMES)


def _is_plain_email(address: str) -> bool:
    """Whether email_validator surely accepts ``address`` (see ``_PLAIN_EMAIL``)."""
    if len(address) > 254 or not address.isascii():
        return False
    found = _PLAIN_EMAIL.fullmatch(address)
    if found is None or "--" in found[1]:
        return False
    domain = found[1].lower()
    return not any(
        domain == name or domain.endswith("." + name) for name in _special_use_domains()
    )


def _email_problem(address: str) -> str | None:
    """Why ``address`` is no e-mail address (``core.email_reasons``' words), or None."""
    if _is_plain_email(address):
        return None
    return _validator_problem(address)


@lru_cache(maxsize=1024)
def _validator_problem(address: str) -> str | None:
    # Imported here, not with the module: ~50-150 ms of regex compiling that the app's
    # start-up should not pay; the first check comes when a user leaves the field.
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        from superfone_desk.core.email_reasons import reason

        return reason(str(exc))  # ours, translatable: the library's English is not
    return None


def _host_ok(host: str) -> bool:
    try:
        ipaddress.IPv4Address(host)
        return True
    except ValueError:
        pass
    labels = host.rstrip(".").split(".")
    if len(labels) < 2 or len(host) > 253:
        return False
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        return False
    return _TOP_LEVEL.fullmatch(labels[-1]) is not None


# "https://..." or "mailto:..."; a bare "acme.in:8080" is a host and port, not a scheme.
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(//)?")
_NON_WEB_SCHEMES = frozenset({"mailto", "tel", "javascript", "data", "file", "ftp", "sms"})
_WEBSITE_EXAMPLE = N_("Enter a web address, like acme.in or https://acme.in")


def _website_problem(text: str) -> str | None:
    problem = _text_problem(text, WEBSITE_LIMIT)
    if problem is not None:
        return problem
    value = trim(text)
    if not value:
        return None
    if any(c.isspace() for c in value):
        return N_("A web address can't contain spaces")
    scheme = _SCHEME.match(value)
    if scheme is not None and (scheme[2] or scheme[1].lower() in _NON_WEB_SCHEMES):
        if scheme[1].lower() not in ("http", "https"):
            return N_("Use a web address starting with http:// or https://")
        url = value
    else:
        url = f"http://{value}"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return _WEBSITE_EXAMPLE
    if "@" in parts.netloc:
        if url != value:
            return N_("That looks like an email address; enter a website, like acme.in")
        return _WEBSITE_EXAMPLE
    if not _host_ok(host):
        return _WEBSITE_EXAMPLE
    return None


def parse_coordinate(text: str) -> float | None:
    """A latitude/longitude typed as a plain decimal number, or None."""
    value = unicodedata.normalize("NFKC", trim(text)).replace("\u2212", "-")
    if not _COORDINATE.fullmatch(value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _coordinates_problems(draft: LeadDraft) -> dict[str, str]:
    if not (draft.latitude or draft.longitude):  # the usual case, and every imported row
        return {}
    problems: dict[str, str] = {}
    entries = (
        ("address.latitude", draft.latitude, F_("latitude"), 90.0, "12.9716"),
        ("address.longitude", draft.longitude, F_("longitude"), 180.0, "77.5946"),
    )
    for field, text, word, bound, example in entries:
        if not trim(text):
            continue
        number = parse_coordinate(text)
        if "," in text and number is None:
            problems[field] = F_("Enter only the {word} here, like {example}",
                                 word=word, example=example)
        elif number is None:
            problems[field] = F_("Enter the {word} as a number, like {example}",
                                 word=word, example=example)
        elif not -bound <= number <= bound:
            problems[field] = F_("The {word} must be between -{bound:g} and {bound:g}",
                                 word=word, bound=bound)
    lat_given, long_given = bool(trim(draft.latitude)), bool(trim(draft.longitude))
    if lat_given and not long_given:
        problems.setdefault(
            "address.longitude", N_("Enter the longitude too, or clear the latitude")
        )
    if long_given and not lat_given:
        problems.setdefault(
            "address.latitude", N_("Enter the latitude too, or clear the longitude")
        )
    return problems


def _choice_problem(choice: Choice, what: str) -> str | None:
    if not choice.is_set:
        return None
    if not trim(choice.value):
        return F_("Choose a {what}, or clear it", what=what)
    if has_control_characters(choice.value):
        return CONTROL_CHARACTERS_MESSAGE
    return None


def _titles_problem(titles: tuple[str, ...], what: str) -> str | None:
    for title in titles:
        if not trim(title):
            return F_("A {what} has no name", what=what)
        if has_control_characters(title):
            return F_(
                "{item}: {problem}", item=quoted(title),
                problem=lower_first(CONTROL_CHARACTERS_MESSAGE),
            )
    return None


def _remove_labels_problem(draft: LeadDraft) -> str | None:
    problem = _titles_problem(draft.remove_labels, _LABEL)
    if problem is not None:
        return problem
    both = [label for label in draft.remove_labels if label in draft.add_labels]
    if both:
        names = ", ".join(quoted(label) for label in dict.fromkeys(both))
        if len(set(both)) == 1:
            return F_("{names} is both added and removed; pick one", names=names)
        return F_("{names} are both added and removed; pick one", names=names)
    return None


def _deal_value_problem(text: str) -> str | None:
    if not trim(text):
        return None
    try:
        parse_deal_value(text)
    except ValueError as exc:
        message: str = exc.args[0]  # not str(exc): that drops the Message (core.i18n)
        return message
    return None


def _source_type_problem(text: str) -> str | None:
    value = trim(text)
    if value and value not in SOURCE_TYPES:
        return F_("Unknown source type {value}; choose one from the list", value=quoted(value))
    return None


def validate(draft: LeadDraft, region: str) -> dict[str, str]:
    """Messages for the fields of ``draft`` that can't be sent, keyed by form field name.

    Empty means the draft is ready for ``payload.build_requests``. Keys come in
    ``FORM_FIELD_ORDER``. ``region`` reads phone numbers typed without a country code.

    Memoised on ``(draft, region)`` (a draft is immutable, the check pure): a save
    validates the same draft two or three times (the form, ``Outbox.add``,
    ``build_requests``), and only the first pays. Each call returns a new dict.
    """
    try:
        return dict(_validate_cached(draft, region))
    except TypeError:  # unhashable: a list where the draft's type says tuple
        return _validate(draft, region)


@lru_cache(maxsize=256)
def _validate_cached(draft: LeadDraft, region: str) -> tuple[tuple[str, str], ...]:
    return tuple(_validate(draft, region).items())


# The words put into messages, made once: ``validate`` runs for every row of an import,
# and a ``Message`` per word per row cost ~10 % of it.
_STAGE = F_("stage")
_GROUP = F_("group")
_LABEL = F_("label")
_PRODUCT = F_("product")


def _validate(draft: LeadDraft, region: str) -> dict[str, str]:
    problems: dict[str, str | None] = {
        "customer_phone": _phone_problem(draft.customer_phone, region),
        "email": _emails_problem(draft.emails),
        "add_phones": _extra_phones_problem(draft, region),
        "website": _website_problem(draft.website),
        "lead_stage_name": _choice_problem(draft.lead_stage, _STAGE),
        "lead_group_name": _choice_problem(draft.lead_group, _GROUP),
        "assignee_user_phone": (
            _phone_problem(draft.assignee_phone.value, region)
            if draft.assignee_phone.is_set
            else None
        ),
        "add_labels": _titles_problem(draft.add_labels, _LABEL),
        "remove_labels": _remove_labels_problem(draft),
        "add_products": _titles_problem(draft.add_products, _PRODUCT),
        "deal_value": _deal_value_problem(draft.deal_value),
        "source_type": _source_type_problem(draft.source_type),
    }
    for field, (limit, multiline) in _TEXT_FIELDS.items():
        value: str = getattr(draft, DRAFT_ATTRIBUTE[field])
        problems[field] = _text_problem(
            value, limit, multiline=multiline, is_name=field in _NAMES
        )
    problems.update(_coordinates_problems(draft))
    return {
        field: message
        for field in FORM_FIELD_ORDER
        if (message := problems.get(field)) is not None
    }
