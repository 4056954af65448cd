"""One file row → a ``LeadDraft``, with catalog values matched and problems named.

No validation here (``plan`` runs the form's ``validate`` on the result); this module only
decides which cell goes where, the way a person typing the row into the form would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.importing.mapping import FULL_NAME, TARGETS, ColumnMapping, header_key
from superfone_desk.settings import StickyDefaults

_LIST_SEPARATORS = re.compile(r"[,;|\n]+")
_SALUTATIONS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "shri", "sri", "smt", "kumari", "श्री", "श्रीमती"}
)
_MOBILE_WORDS = ("mobile", "cell", "whatsapp", "मोबाइल")
# Several numbers in one cell: "98765 43210, 98765 43211" (spaces stay inside a number).
_PHONE_SEPARATORS = re.compile(r"[,;\n]+")
_UNTOUCHED = Choice.untouched()


@dataclass(frozen=True, slots=True)
class CatalogTitles:
    """The account's catalog titles, to match file values against (case-insensitive).

    None for a list means "not known" (offline, or not fetched): values then go as typed
    and the server judges them.
    """

    stages: Sequence[str] | None = None
    groups: Sequence[str] | None = None
    labels: Sequence[str] | None = None
    products: Sequence[str] | None = None
    source_types: Sequence[str] | None = None


#: What every row gets unless its own cells say otherwise: the app's sticky defaults or
#: a preset's (``settings.StickyDefaults``: stage, group, labels, source...).
RowDefaults = StickyDefaults


@dataclass(slots=True)
class ConvertedRow:
    draft: LeadDraft
    #: Catalog values that matched nothing: (field, value as written).
    unknown: list[tuple[str, str]] = field(default_factory=list)


def split_name(text: str) -> tuple[str, str]:
    """"Rahul Kumar Sharma" → ("Rahul Kumar", "Sharma"); one word is a first name.

    A leading salutation (Mr., Dr., Shri, Smt. ...) is dropped: it is not part of a name
    in the CRM. "Sharma, Rahul" (last name first, as some exports write) is turned round.
    """
    text = " ".join(text.split())
    if "," in text:
        last, _, first = text.partition(",")
        if first.strip() and " " not in last.strip():
            text = f"{first.strip()} {last.strip()}"
    words = text.split(" ")
    while len(words) > 1 and words[0].rstrip(".").casefold() in _SALUTATIONS:
        words = words[1:]
    if len(words) == 1:
        return words[0], ""
    return " ".join(words[:-1]), words[-1]


class _Matcher:
    def __init__(self, titles: Sequence[str] | None) -> None:
        self.known = titles is not None
        self._by_key = {t.strip().casefold(): t for t in titles or ()}
        # Source types are codes ("CSV_UPLOAD"); people write "CSV upload".
        self._by_loose = {header_key(t): t for t in titles or ()}

    def match(self, value: str) -> str | None:
        value = value.strip()
        if not self.known:
            return value
        return self._by_key.get(value.casefold()) or self._by_loose.get(header_key(value))


class RowConverter:
    """Turns rows of one table into drafts under one mapping. Build once per import."""

    def __init__(
        self,
        mapping: ColumnMapping,
        catalogs: CatalogTitles,
        defaults: RowDefaults,
    ) -> None:
        self._mapping = mapping
        self._defaults = defaults
        self._match = {
            "lead_stage_name": _Matcher(catalogs.stages),
            "lead_group_name": _Matcher(catalogs.groups),
            "add_labels": _Matcher(catalogs.labels),
            "add_products": _Matcher(catalogs.products),
            "source_type": _Matcher(catalogs.source_types),
        }
        # Main-phone columns, mobile-like first: Superfone calls and WhatsApps mobiles.
        main = sorted(
            mapping.columns("customer_phone"),
            key=lambda i: not any(w in mapping.headers[i].casefold() for w in _MOBILE_WORDS),
        )
        self._phone_columns = (*main, *mapping.columns("add_phones"))
        self._single = {
            f: cols[0]
            for f in TARGETS
            if (cols := mapping.columns(f)) and f not in ("customer_phone", "add_phones")
        }
        # Worked out once: convert() runs for every row of files of 10,000 rows.
        self._columns = {f: mapping.columns(f) for f in TARGETS}

    def source_header(self, field: str) -> str | None:
        """The header of the column a form field came from, for messages."""
        if field in ("customer_phone", "add_phones") and self._phone_columns:
            columns = self._phone_columns
            return " / ".join(self._mapping.headers[i] for i in columns)
        if field in ("first_name", "last_name") and FULL_NAME in self._single:
            return self._mapping.headers[self._single[FULL_NAME]]
        column = self._single.get(field)
        return None if column is None else self._mapping.headers[column]

    def _cell(self, cells: Sequence[str], field: str) -> str:
        column = self._single.get(field)
        return "" if column is None else cells[column].strip()

    def _joined(self, cells: Sequence[str], field: str, sep: str) -> str:
        columns = self._columns[field]
        if not columns:
            return ""
        return sep.join(v for i in columns if (v := cells[i].strip()))

    def convert(self, cells: Sequence[str]) -> ConvertedRow:
        unknown: list[tuple[str, str]] = []
        phones: list[str] = []
        for column in self._phone_columns:
            cell = cells[column]
            if cell:
                phones += [p.strip() for p in _PHONE_SEPARATORS.split(cell) if p.strip()]
        if len(phones) > 1:
            phones = list(dict.fromkeys(phones))
        first, last = self._cell(cells, "first_name"), self._cell(cells, "last_name")
        full = self._cell(cells, FULL_NAME)
        if full and not (first or last):
            first, last = split_name(full)
        info_columns = self._columns["additional_info"]
        if len(info_columns) > 1:
            info = "\n".join(
                f"{self._mapping.headers[i]}: {cells[i].strip()}"
                for i in info_columns
                if cells[i].strip()
            )
        else:
            info = self._joined(cells, "additional_info", "\n")

        def choice(form_field: str, default: str) -> Choice:
            value = self._cell(cells, form_field) or default
            if not value:
                return _UNTOUCHED
            matched = self._match[form_field].match(value)
            if matched is None:
                unknown.append((form_field, value))
                return Choice.set(value)
            return Choice.set(matched)

        def titles(form_field: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
            joined = self._joined(cells, form_field, ",")
            if not joined:
                return extra
            found: list[str] = list(extra)
            for value in _LIST_SEPARATORS.split(joined):
                if not value.strip():
                    continue
                matched = self._match[form_field].match(value)
                if matched is None:
                    unknown.append((form_field, value.strip()))
                    matched = value.strip()
                found.append(matched)
            return tuple(dict.fromkeys(found))

        source_type = self._cell(cells, "source_type") or self._defaults.source_type
        if source_type:
            matched_type = self._match["source_type"].match(source_type)
            if matched_type is None:
                unknown.append(("source_type", source_type))
            source_type = matched_type or source_type
        assignee = self._cell(cells, "assignee_user_phone") or self._defaults.assignee_phone
        draft = LeadDraft(
            customer_phone=phones[0] if phones else "",
            first_name=first,
            last_name=last,
            business_name=self._cell(cells, "business_name"),
            emails=self._joined(cells, "email", ", "),
            website=self._cell(cells, "website"),
            extra_phones="\n".join(phones[1:]),
            lead_stage=choice("lead_stage_name", self._defaults.lead_stage),
            lead_group=choice("lead_group_name", self._defaults.lead_group),
            assignee_phone=Choice.set(assignee) if assignee else _UNTOUCHED,
            add_labels=titles("add_labels", self._defaults.add_labels),
            add_products=titles("add_products"),
            deal_value=self._cell(cells, "deal_value"),
            source=self._cell(cells, "source") or self._defaults.source,
            source_type=source_type,
            address_text=self._cell(cells, "address.text"),
            city=self._cell(cells, "city"),
            additional_info=info,
            customer_note=self._cell(cells, "customer_note"),
            create_if_missing=self._defaults.create_if_missing,
        )
        return ConvertedRow(draft, unknown)
