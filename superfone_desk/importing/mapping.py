"""Which column feeds which lead field: guessed from the headers real exports use,
confirmed or changed by the user, remembered per header set.

Targets are the form's field names (``core.validation.FORM_FIELD_ORDER``) plus
``full_name`` (one "Name" column, split into first and last name). Several columns may
feed ``customer_phone``/``add_phones`` (the first filled one is the main phone, the others
extra phones), ``email``, ``add_labels``, ``add_products`` and ``additional_info``
(joined); any other field takes one column.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from superfone_desk.core.i18n import F_, N_, as_message

FULL_NAME = "full_name"

#: Field → what the user sees in the mapping step and in messages.
TARGETS: dict[str, str] = {
    "customer_phone": N_("Phone"),
    "add_phones": N_("Other phones"),
    FULL_NAME: N_("Full name (split)"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "business_name": N_("Business"),
    "email": N_("Email"),
    "website": N_("Website"),
    "lead_stage_name": N_("Stage"),
    "lead_group_name": N_("Group"),
    "assignee_user_phone": N_("Assignee phone"),
    "add_labels": N_("Labels"),
    "add_products": N_("Products"),
    "deal_value": N_("Deal value"),
    "source": N_("Source"),
    "source_type": N_("Source type"),
    "address.text": N_("Address"),
    "city": N_("City"),
    "additional_info": N_("Additional info"),
    "customer_note": N_("Timeline note"),
}
#: Fields more than one column may feed.
MULTI_COLUMN = frozenset(
    {"customer_phone", "add_phones", "email", "add_labels", "add_products", "additional_info"}
)
PHONE_FIELDS = ("customer_phone", "add_phones")

# Header → field, for headers as HubSpot, Zoho, Salesforce, vCard rows (see
# vcard_reader.HEADERS) and hand-made Excel sheets (English and Hindi) write them.
# Keys are compared after ``header_key`` (case, spaces and punctuation ignored).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer_phone": (
        "Mobile", "Mobile No", "Mobile No.", "Mobile Number", "Mobile Phone",
        "Mobile Phone Number", "Cell", "Cell Phone", "Cellphone", "WhatsApp",
        "WhatsApp Number", "WhatsApp No", "Phone", "Phone Number", "Phone No", "Phone No.",
        "Contact", "Contact No", "Contact No.", "Contact Number", "Customer Phone",
        "Customer Mobile", "Primary Phone", "Telephone", "Tel", "Business Phone",
        "Work Phone", "मोबाइल", "मोबाइल नंबर", "मोबाइल नं", "फ़ोन", "फोन", "फ़ोन नंबर",
        "फोन नंबर", "संपर्क", "संपर्क नंबर",
    ),
    "add_phones": (
        "Other Phone", "Other Phones", "Alternate Number", "Alternate Phone", "Alt Mobile",
        "Alt Phone", "Alternate Mobile", "Secondary Phone", "Home Phone", "Landline",
        "Phone 2", "Mobile 2", "Other Mobile", "Asst Phone", "वैकल्पिक नंबर",
    ),
    FULL_NAME: (
        "Name", "Full Name", "Customer Name", "Client Name", "Contact Name", "Lead Name",
        "Party Name", "Person Name", "नाम", "पूरा नाम", "ग्राहक का नाम",
    ),
    "first_name": ("First Name", "Given Name", "First", "पहला नाम"),
    "last_name": ("Last Name", "Surname", "Family Name", "Last", "उपनाम"),
    "business_name": (
        "Company", "Company Name", "Company / Account", "Account Name", "Account",
        "Business", "Business Name", "Firm", "Firm Name", "Shop Name", "Organisation",
        "Organization", "Organisation Name", "Organization Name", "कंपनी", "फर्म",
        "व्यवसाय", "दुकान",
    ),
    "email": (
        "Email", "E-mail", "Email ID", "Email Id", "Email Address", "E-mail Address",
        "Mail", "Mail ID", "Secondary Email", "Work Email", "Personal Email", "ईमेल",
        "ई-मेल",
    ),
    "website": ("Website", "Website URL", "Web Site", "URL", "Web", "वेबसाइट"),
    "lead_stage_name": ("Stage", "Lead Stage", "Lead Status", "Status", "स्थिति"),
    "lead_group_name": ("Group", "Lead Group", "Segment", "समूह"),
    "assignee_user_phone": ("Assignee Phone", "Assigned To Phone", "Owner Phone"),
    "add_labels": ("Labels", "Label", "Tags", "Tag", "लेबल"),
    "add_products": (
        "Product", "Products", "Product Interest", "Interested In", "Interested Product",
        "उत्पाद",
    ),
    "deal_value": (
        "Deal Value", "Deal Amount", "Amount", "Budget", "Expected Revenue", "Value",
        "राशि", "बजट",
    ),
    "source": ("Source", "Lead Source", "Original Source", "स्रोत"),
    "source_type": ("Source Type", "Lead Source Type"),
    "address.text": (
        "Address", "Street", "Street Address", "Mailing Street", "Full Address", "पता",
    ),
    "city": ("City", "Town", "Mailing City", "शहर", "नगर"),
    "additional_info": (
        "Description", "Notes", "Note", "Remarks", "Remark", "Comments", "Comment",
        "Requirement", "Requirements", "Details", "Message", "टिप्पणी", "विवरण",
    ),
}


def header_key(header: str) -> str:
    """A header compared loosely: NFKC, case-folded, only letters, marks and digits.

    Marks (Devanagari vowel signs, the nukta of "फ़") are kept: dropping them would make
    different words equal. "Mobile No." and "mobile_no" compare equal.
    """
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", header).casefold())
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LMN")


_BY_KEY: dict[str, str] = {
    header_key(header): field for field, headers in _SYNONYMS.items() for header in headers
}
# A header that contains one of these words and matched nothing else.
_PHONE_WORDS = ("phone", "mobile", "whatsapp", "contactno", "contactnumber", "मोबाइल", "फ़ोन")
_EMAIL_WORDS = ("email", "e-mail", "ईमेल")


def guess_field(header: str) -> str | None:
    key = header_key(header)
    # "Phone (2)": a repeated header the reader renamed is the same kind of column.
    base = key.rstrip("0123456789") if header.rstrip().endswith(")") else key
    for candidate in (key, base):
        if candidate in _BY_KEY:
            return _BY_KEY[candidate]
    if any(word in key for word in _PHONE_WORDS):
        return "add_phones" if any(w in key for w in ("other", "alt", "home")) else (
            "customer_phone"
        )
    if any(word in key for word in _EMAIL_WORDS):
        return "email"
    return None


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """For each column of ``headers``, the field it feeds (None: not imported)."""

    headers: tuple[str, ...]
    fields: tuple[str | None, ...]

    def __post_init__(self) -> None:
        if len(self.headers) != len(self.fields):
            raise ValueError("one field (or None) per header")
        for field in self.fields:
            if field is not None and field not in TARGETS:
                raise ValueError(f"unknown target field {field!r}")

    def columns(self, field: str) -> tuple[int, ...]:
        return tuple(i for i, f in enumerate(self.fields) if f == field)

    @property
    def has_phone(self) -> bool:
        return any(f in PHONE_FIELDS for f in self.fields)

    @property
    def ignored(self) -> tuple[str, ...]:
        return tuple(h for h, f in zip(self.headers, self.fields, strict=True) if f is None)

    def problems(self) -> list[str]:
        """Why this mapping cannot be used (empty when it can)."""
        found: list[str] = []
        if not self.has_phone:
            found.append(F_(
                "No column is used as the phone number; every lead needs one. Columns: {columns}",
                columns=", ".join(self.headers),
            ))
        for field, label in TARGETS.items():
            used = [self.headers[i] for i in self.columns(field)]
            if len(used) > 1 and field not in MULTI_COLUMN:
                found.append(F_(
                    "{field} comes from several columns ({columns}); pick one",
                    field=as_message(label), columns=", ".join(used),
                ))
        return found

    def with_field(self, column: int, field: str | None) -> ColumnMapping:
        fields = list(self.fields)
        fields[column] = field
        return ColumnMapping(self.headers, tuple(fields))

    # -- saving

    @property
    def header_set(self) -> str:
        """Names this set of headers, whatever their order."""
        keys = sorted(header_key(h) or h for h in self.headers)
        return hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        fields = dict(zip(self.headers, self.fields, strict=True))
        return {"headers": list(self.headers), "fields": fields}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any], headers: Sequence[str]) -> ColumnMapping:
        """A saved mapping applied to ``headers`` (matched by name, any order); columns it
        does not name are guessed."""
        saved = raw.get("fields", {})
        if not isinstance(saved, dict):
            raise ValueError("a saved mapping needs a 'fields' object")
        by_key = {header_key(h): f for h, f in saved.items()}
        fields: list[str | None] = []
        for header in headers:
            key = header_key(header)
            if key in by_key:
                field = by_key[key]
                fields.append(field if field in TARGETS else None)
            else:
                fields.append(guess_field(header))
        return cls(tuple(headers), tuple(fields))


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The mapping the headers suggest. A single-value field keeps its first column,
    later ones are not imported. A full name column and first/last name columns may
    both be mapped: a row's first/last names win, its full name is split when they are
    empty (vCards have both)."""
    fields = [guess_field(h) for h in headers]
    taken: set[str] = set()
    for index, field in enumerate(fields):
        if field is None or field in MULTI_COLUMN:
            continue
        if field in taken:
            fields[index] = None
        taken.add(field)
    return ColumnMapping(tuple(headers), tuple(fields))


class MappingStore:
    """Mappings the user confirmed, one per header set, in a JSON file."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def _load_all(self) -> dict[str, Any]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def load(self, headers: Sequence[str]) -> ColumnMapping | None:
        probe = ColumnMapping(tuple(headers), (None,) * len(headers))
        raw = self._load_all().get(probe.header_set)
        if not isinstance(raw, dict):
            return None
        try:
            return ColumnMapping.from_json(raw, headers)
        except ValueError:
            return None

    def save(self, mapping: ColumnMapping) -> None:
        data = self._load_all()
        data[mapping.header_set] = mapping.to_json()
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".mappings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=2, ensure_ascii=False)
            os.replace(tmp, self._path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
