"""The counter kiosk's rules, without Qt: the PIN, the consent note, the visitor's lead.

A walk-in visitor types their own number at a screen by the door (``--kiosk``). This
module decides everything about it that is not drawing:

- the admin PIN, kept only as a salted scrypt hash and checked in constant time, and
  the exit lock after five wrong PINs (``PinGate``, with an injectable clock);
- the consent recorded as the lead's timeline note, with the notice version the visitor
  saw (India's DPDP Act 2023 asks for a clear notice and consent);
- the visitor's answers checked with the form's own messages, and turned into a
  ``LeadDraft`` with the admin's kiosk preset and the chosen interest's labels/products.

Phone parsing and validation are imported inside the functions that need them: the
settings file reads the kiosk types below on every start, and that must stay cheap.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from superfone_desk.core import phones
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.core.i18n import F_, N_

# ------------------------------------------------------------------------------ the PIN

# scrypt's cost: 2**14 × 8 × 1 needs 16 MiB and a fraction of a second (0.3-0.6 s
# measured on a busy 2-core machine), a fair price for one PIN check and far too high
# for trying all 10**4..10**12 PINs of a stolen settings file quickly.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SALT_BYTES = 16
_HASH_BYTES = 32
_SCHEME = "scrypt"

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` can't be the kiosk PIN, or None."""
    if not pin:
        return N_("Enter a PIN")
    if not (pin.isascii() and pin.isdigit()):
        return N_("Use digits only")
    if len(pin) < PIN_MIN_DIGITS:
        return F_("Use at least {count} digits", count=PIN_MIN_DIGITS)
    if len(pin) > PIN_MAX_DIGITS:
        return F_("Use at most {count} digits", count=PIN_MAX_DIGITS)
    return None


# hashlib, hmac and secrets are imported in the PIN functions: this module is loaded
# with the settings, on the path to the first paint, and the PIN is asked for rarely.


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    import hashlib

    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * r * (n + p + 2) + 1024,
        dklen=_HASH_BYTES,
    )


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``pin`` as ``scrypt$n$r$p$salt$hash`` (hex), with a fresh random salt.

    Only this string is stored: the PIN itself never reaches the settings file.
    """
    import secrets

    salt = secrets.token_bytes(_SALT_BYTES) if salt is None else salt
    digest = _scrypt(pin, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
    return f"{_SCHEME}${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the PIN ``stored`` (from ``hash_pin``) was made from.

    Compares in constant time; a malformed or empty ``stored`` matches nothing.
    """
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        return False
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return False
    # Bounds keep a tampered file from asking for gigabytes of memory.
    if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16) or len(expected) != _HASH_BYTES:
        return False
    import hmac

    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), expected)


class PinCheck(enum.Enum):
    """What ``PinGate.check`` decided."""

    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


class PinGate:
    """The kiosk's exit: five wrong PINs in a row lock it for a minute.

    ``clock`` (monotonic seconds) is injectable so tests need not wait the minute. While
    locked, even the right PIN is refused and not even hashed: guessing costs the minute.
    """

    MAX_WRONG = 5
    LOCK_SECONDS = 60.0

    def __init__(self, pin_hash: str, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._pin_hash = pin_hash
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0

    def set_hash(self, pin_hash: str) -> None:
        """Use a new PIN from now on (the admin changed it)."""
        self._pin_hash = pin_hash

    @property
    def tries_left(self) -> int:
        return self.MAX_WRONG - self._wrong

    def locked_for(self) -> float:
        """Seconds until the exit can be tried again; 0 when it can be now."""
        left = self._locked_until - self._clock()
        if left <= 0 and self._wrong >= self.MAX_WRONG:
            self._wrong = 0  # the minute is over: five fresh tries
        return max(0.0, left)

    def check(self, pin: str) -> PinCheck:
        if self.locked_for() > 0:
            return PinCheck.LOCKED
        if verify_pin(pin, self._pin_hash):
            self._wrong = 0
            return PinCheck.OK
        self._wrong += 1
        if self._wrong >= self.MAX_WRONG:
            self._locked_until = self._clock() + self.LOCK_SECONDS
            return PinCheck.LOCKED
        return PinCheck.WRONG


# ------------------------------------------------------------------------------ settings

DEFAULT_SOURCE = "kiosk"
DEFAULT_NOTICE_VERSION = "1"
DEFAULT_NOTICE = N_(
    "We, the business at this desk, collect your phone number and name to follow up on "
    "your visit and on what you are interested in. We may call you or send you a message "
    "about it. We keep them in our customer records (Superfone CRM) and use them for "
    "nothing else. Ask us at the desk at any time to see, correct or delete them, or to "
    "withdraw your consent."
)


def _strings(raw: object) -> tuple[str, ...]:
    return tuple(str(x) for x in raw if str(x).strip()) if isinstance(raw, list) else ()


@dataclass(frozen=True)
class KioskInterest:
    """One "I'm interested in" answer the admin offers, and what choosing it adds."""

    title: str
    labels: tuple[str, ...] = ()
    products: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "labels": list(self.labels), "products": list(self.products)}

    @classmethod
    def from_json(cls, raw: object) -> KioskInterest | None:
        if not isinstance(raw, dict) or not str(raw.get("title", "")).strip():
            return None
        return cls(str(raw["title"]).strip(), _strings(raw.get("labels")),
                   _strings(raw.get("products")))


@dataclass(frozen=True)
class KioskPreset:
    """What every kiosk lead gets. Stage, group and assignee: "" leaves them untouched."""

    source: str = DEFAULT_SOURCE
    source_type: str = ""
    lead_stage: str = ""
    lead_group: str = ""
    assignee_phone: str = ""
    labels: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_type": self.source_type,
            "lead_stage": self.lead_stage,
            "lead_group": self.lead_group,
            "assignee_phone": self.assignee_phone,
            "labels": list(self.labels),
        }

    @classmethod
    def from_json(cls, raw: object) -> KioskPreset:
        if not isinstance(raw, dict):
            return cls()
        return cls(
            source=str(raw.get("source", DEFAULT_SOURCE)),
            source_type=str(raw.get("source_type", "")),
            lead_stage=str(raw.get("lead_stage", "")),
            lead_group=str(raw.get("lead_group", "")),
            assignee_phone=str(raw.get("assignee_phone", "")),
            labels=_strings(raw.get("labels")),
        )


def interests_from_json(raw: object) -> tuple[KioskInterest, ...]:
    items = raw if isinstance(raw, list) else []
    return tuple(i for i in map(KioskInterest.from_json, items) if i is not None)


# ------------------------------------------------------------------------------ consent

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def notice_version_label(version: str) -> str:
    """ "2" or "v2" → "v2"."""
    cleaned = version.strip().removeprefix("v").removeprefix("V").strip()
    return f"v{cleaned or DEFAULT_NOTICE_VERSION}"


def consent_note(when: datetime, notice_version: str) -> str:
    """The timeline note: "Consent given at the kiosk, 29 Nov 2026 14:05, notice v2".

    Months in English whatever the locale: the note is a record, read the same by all.
    """
    stamp = f"{when.day} {_MONTHS[when.month - 1]} {when.year} {when:%H:%M}"
    return f"Consent given at the kiosk, {stamp}, notice {notice_version_label(notice_version)}"


# ------------------------------------------------------------------------------ visitor


@dataclass(frozen=True)
class VisitorAnswers:
    """What the visitor typed and chose; ``interest`` is a title, "" for none."""

    phone: str = ""
    first_name: str = ""
    last_name: str = ""
    interest: str = ""
    consent: bool = False


CONSENT_MISSING = N_("Please tick “I agree” first: without it we can't keep your number.")
FIRST_NAME_MISSING = N_("Please enter your first name")

#: The keys of ``check_answers``, in the order the kiosk shows its fields.
VISITOR_FIELDS = ("customer_phone", "first_name", "last_name", "consent")


@dataclass(frozen=True)
class KioskLeadSetup:
    """The admin's side of a kiosk lead: preset, interest choices, notice version."""

    preset: KioskPreset = field(default_factory=KioskPreset)
    interests: tuple[KioskInterest, ...] = ()
    notice_version: str = DEFAULT_NOTICE_VERSION


def build_draft(answers: VisitorAnswers, setup: KioskLeadSetup, when: datetime) -> LeadDraft:
    """The lead a visitor's answers make: preset + interest, consent as the note.

    Upserted by phone (``create_if_missing``): a returning visitor updates their lead.
    """
    preset = setup.preset
    interest = next((i for i in setup.interests if i.title == answers.interest), None)
    labels = preset.labels + (interest.labels if interest else ())
    return LeadDraft(
        customer_phone=answers.phone.strip(),
        first_name=answers.first_name.strip(),
        last_name=answers.last_name.strip(),
        source=preset.source,
        source_type=preset.source_type,
        lead_stage=_choice(preset.lead_stage),
        lead_group=_choice(preset.lead_group),
        assignee_phone=_choice(preset.assignee_phone),
        add_labels=tuple(dict.fromkeys(labels)),
        add_products=interest.products if interest else (),
        customer_note=consent_note(when, setup.notice_version) if answers.consent else "",
        create_if_missing=True,
    )


def _choice(value: str) -> Choice:
    return Choice.set(value.strip()) if value.strip() else Choice.untouched()


def check_answers(answers: VisitorAnswers, region: str) -> dict[str, str]:
    """Messages for what stops the visitor's lead, keyed by ``VISITOR_FIELDS``.

    The phone and name messages are the lead form's own (``core.validation``); the first
    name and the consent are required here.
    """
    from superfone_desk.core.validation import validate

    draft = LeadDraft(
        customer_phone=answers.phone, first_name=answers.first_name,
        last_name=answers.last_name,
    )
    found = validate(draft, region)
    if not answers.first_name.strip():
        found.setdefault("first_name", FIRST_NAME_MISSING)
    if not answers.consent:
        found["consent"] = CONSENT_MISSING
    return {name: found[name] for name in VISITOR_FIELDS if name in found}


def setup_problems(setup: KioskLeadSetup, region: str) -> Mapping[str, str]:
    """What in the admin's preset would make every kiosk lead fail validation."""
    from superfone_desk.core.validation import validate

    probe = build_draft(VisitorAnswers(phone=example_phone(region)), setup, datetime.now())
    return {k: v for k, v in validate(probe, region).items() if k != "customer_phone"}


# ------------------------------------------------------------------------------ phones


def example_phone(region: str) -> str:
    """A mobile number as people write it in ``region``, for the phone field's hint:
    the same example as the desk's form (``core.phones.example_phone``)."""
    return phones.example_phone(region)


# ------------------------------------------------------------------------------ admin text


def _titles(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def interests_from_text(text: str) -> tuple[KioskInterest, ...]:
    """The admin's interest list, one per line: ``Title | label, label | product, product``.

    Labels and products are optional; blank lines are skipped; a title given twice keeps
    its first line (the visitor can't tell two equal buttons apart).
    """
    found: dict[str, KioskInterest] = {}
    for line in text.splitlines():
        title, _, rest = line.partition("|")
        labels, _, products = rest.partition("|")
        if title.strip() and title.strip() not in found:
            found[title.strip()] = KioskInterest(title.strip(), _titles(labels), _titles(products))
    return tuple(found.values())


def interests_to_text(interests: tuple[KioskInterest, ...]) -> str:
    """The inverse of ``interests_from_text``."""
    lines = []
    for i in interests:
        parts = [i.title, ", ".join(i.labels), ", ".join(i.products)]
        while len(parts) > 1 and not parts[-1]:
            parts.pop()
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def labels_from_text(text: str) -> tuple[str, ...]:
    """Comma-separated titles, trimmed, without blanks or repeats."""
    return _titles(text)
