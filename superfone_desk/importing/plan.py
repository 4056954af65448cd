"""The dry run: every row checked with the form's rules, nothing sent.

``plan_import`` turns a table and a mapping into an ``ImportPlan``: for each row a draft
and an outcome (create, update, save — created or updated, not looked up —, refused with
reasons, or a duplicate of an earlier row with the same phone). Sending the plan is
``batch.queue_plan``'s job.
"""

from __future__ import annotations

import enum
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from superfone_desk.api.models import Lead
from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.i18n import F_, N_, as_message
from superfone_desk.core.phones import parse_phone
from superfone_desk.core.text import quoted
from superfone_desk.core.validation import validate
from superfone_desk.importing.mapping import TARGETS, ColumnMapping
from superfone_desk.importing.rows import CatalogTitles, RowConverter, RowDefaults
from superfone_desk.importing.table import (
    Cancel,
    ImportCancelled,
    ImportFileError,
    Progress,
    SourceRow,
    Table,
)

#: Get Lead is a request per row; at this rate 1,000 rows take under four minutes and
#: leave the account's rate limit (CONTRACT §2.8) to the rest of the app.
DEFAULT_LOOKUPS_PER_SECOND = 5.0
#: Lookups failing one after another before the dry run stops looking up.
MAX_LOOKUP_FAILURES = 3

_WHAT = {
    "lead_stage_name": N_("stage"),
    "lead_group_name": N_("group"),
    "add_labels": N_("label"),
    "add_products": N_("product"),
    "source_type": N_("source type"),
}
_FORM_LABELS = {
    "email": N_("Email"), "address.latitude": N_("Latitude"), "address.longitude": N_("Longitude"),
}


class Outcome(enum.StrEnum):
    CREATE = "create"  # looked up: no lead has this phone
    UPDATE = "update"  # looked up: a lead has this phone
    SAVE = "save"  # not looked up: created or updated, delivery finds out
    REFUSED = "refused"
    DUPLICATE = "duplicate"  # same phone as an earlier row; skipped


@dataclass(frozen=True, slots=True)
class PlannedRow:
    source: SourceRow
    outcome: Outcome
    draft: LeadDraft | None = None
    phone: str | None = None  # E.164 of the main phone, when it is valid
    reasons: tuple[str, ...] = ()
    duplicate_of: int | None = None  # the row number kept instead
    known_primary: str | None = None  # from Get Lead: the lead's primary phone

    @property
    def sendable(self) -> bool:
        return self.outcome in (Outcome.CREATE, Outcome.UPDATE, Outcome.SAVE)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    table: Table
    mapping: ColumnMapping
    region: str
    rows: tuple[PlannedRow, ...]
    #: Catalog values no catalog entry matched: field → value → how many rows.
    unknown_values: dict[str, dict[str, int]] = field(default_factory=dict)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome is outcome)

    @property
    def sendable(self) -> tuple[PlannedRow, ...]:
        return tuple(row for row in self.rows if row.sendable)

    def error_rows(
        self, refused: Sequence[tuple[PlannedRow, str]] = ()
    ) -> list[tuple[tuple[str, ...], str]]:
        """The rows for the errors file, in file order, reasons as "Row N: ...": the rows
        refused here and the duplicates, and ``refused``, rows the server refused (from
        ``batch.batch_results``)."""
        found = [
            (row.source.number, row.source.cells, row.reason)
            for row in self.rows
            if row.outcome in (Outcome.REFUSED, Outcome.DUPLICATE)
        ]
        found += [(row.source.number, row.source.cells, reason) for row, reason in refused]
        found.sort(key=lambda item: item[0])
        return [(cells, f"Row {number}: {reason}") for number, cells, reason in found]

    def summary(self) -> str:
        """"N to create, M to update, S to save, K refused, D duplicates skipped"."""
        parts = []
        for outcome, words in (
            (Outcome.CREATE, "to create"),
            (Outcome.UPDATE, "to update"),
            (Outcome.SAVE, "to create or update"),
        ):
            if outcome is not Outcome.SAVE or self.count(outcome):
                parts.append(f"{self.count(outcome)} {words}")
        parts.append(f"{self.count(Outcome.REFUSED)} refused")
        parts.append(f"{self.count(Outcome.DUPLICATE)} duplicates skipped")
        return ", ".join(parts)


def plan_import(
    table: Table,
    mapping: ColumnMapping,
    *,
    region: str,
    catalogs: CatalogTitles | None = None,
    defaults: RowDefaults | None = None,
    lookup: Callable[[str], Lead | None] | None = None,
    lookups_per_second: float = DEFAULT_LOOKUPS_PER_SECOND,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], object] = time.sleep,
) -> ImportPlan:
    """Check every row of ``table`` (see the module docstring). Sends nothing.

    ``lookup(e164)`` is Get Lead (``SuperfoneClient.get_lead``): given, each valid row is
    looked up, at most ``lookups_per_second``, to tell create from update; its failures
    leave the row as "save", and after ``MAX_LOOKUP_FAILURES`` in a row no more are
    made. ``ImportCancelled`` when ``cancel()`` turns true.
    """
    problems = mapping.problems()
    if problems:
        raise ImportFileError(problems[0])
    converter = RowConverter(mapping, catalogs or CatalogTitles(), defaults or RowDefaults())
    throttle = _Throttle(lookups_per_second, clock, sleep)
    seen: dict[str, int] = {}
    failures = 0
    planned: list[PlannedRow] = []
    unknown: dict[str, Counter[str]] = {}
    total = len(table.rows)
    for index, source in enumerate(table.rows):
        if index % 200 == 0 or lookup is not None:
            if cancel is not None and cancel():
                raise ImportCancelled()
            if progress is not None:
                progress(index, total)
        row = _check(source, converter, region, unknown)
        if row.outcome is Outcome.SAVE and row.phone is not None:
            first = seen.setdefault(row.phone, source.number)
            if first != source.number:
                row = PlannedRow(
                    source,
                    Outcome.DUPLICATE,
                    row.draft,
                    row.phone,
                    (F_("Same phone as row {first}; only row {first} is imported", first=first),),
                    duplicate_of=first,
                )
            elif lookup is not None and failures < MAX_LOOKUP_FAILURES:
                row = _looked_up(row, lookup, throttle)
                # A refused key or a dead line fails every lookup: stop asking after a
                # few in a row rather than spend minutes on them at the throttled rate.
                failures = failures + 1 if row.reasons else 0
            elif lookup is not None:
                row = PlannedRow(
                    source, Outcome.SAVE, row.draft, row.phone, (N_("Not looked up"),)
                )
        planned.append(row)
    if progress is not None:
        progress(total, total)
    return ImportPlan(
        table,
        mapping,
        region,
        tuple(planned),
        {f: dict(counter.most_common()) for f, counter in unknown.items()},
    )


def _check(
    source: SourceRow, converter: RowConverter, region: str, unknown: dict[str, Counter[str]]
) -> PlannedRow:
    converted = converter.convert(source.cells)
    draft = converted.draft
    reasons: list[str] = []
    if source.problem is not None:
        reasons.append(source.problem)
    for form_field, value in converted.unknown:
        unknown.setdefault(form_field, Counter())[value] += 1
        what = _WHAT[form_field]
        reasons.append(F_(
            "{value} is not a {what} in Superfone; add it there or fix it",
            value=quoted(value), what=as_message(what),
        ))
    for form_field, message in validate(draft, region).items():
        header = converter.source_header(form_field)
        # The file's own header as it is; our field names translated where shown.
        label = header or as_message(
            TARGETS.get(form_field) or _FORM_LABELS.get(form_field, form_field)
        )
        reasons.append(F_("{label}: {message}", label=label, message=message))
    phone = parse_phone(draft.customer_phone, region).e164 if draft.customer_phone else None
    if reasons:
        return PlannedRow(source, Outcome.REFUSED, draft, phone, tuple(reasons))
    return PlannedRow(source, Outcome.SAVE, draft, phone)


def _looked_up(
    row: PlannedRow, lookup: Callable[[str], Lead | None], throttle: _Throttle
) -> PlannedRow:
    assert row.phone is not None
    throttle.wait()
    try:
        lead = lookup(row.phone)
    except Exception as exc:  # any API failure: delivery will find out instead
        note = getattr(exc, "user_message", None) or type(exc).__name__
        return PlannedRow(
            row.source, Outcome.SAVE, row.draft, row.phone,
            (F_("Not looked up: {reason}", reason=note),)
        )
    if lead is None:
        return PlannedRow(row.source, Outcome.CREATE, row.draft, row.phone)
    return PlannedRow(
        row.source, Outcome.UPDATE, row.draft, row.phone, known_primary=lead.primary_phone
    )


class _Throttle:
    def __init__(
        self, per_second: float, clock: Callable[[], float], sleep: Callable[[float], object]
    ) -> None:
        self._interval = 1.0 / per_second if per_second > 0 else 0.0
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0

    def wait(self) -> None:
        now = self._clock()
        if now < self._next:
            self._sleep(self._next - now)
            now = self._next
        self._next = now + self._interval
