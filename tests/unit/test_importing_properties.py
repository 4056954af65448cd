"""Whatever a file or a paste holds, the importer answers with rows or a message for the
user, never a crash: hypothesis feeds it arbitrary bytes, cells and text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from superfone_desk.importing.csv_reader import read_csv
from superfone_desk.importing.errors_csv import safe_cell
from superfone_desk.importing.mapping import TARGETS, ColumnMapping
from superfone_desk.importing.paste import split_pasted
from superfone_desk.importing.plan import Outcome, plan_import
from superfone_desk.importing.table import ImportFileError, SourceRow, Table

_CSV_ALPHABET = st.sampled_from(list(',;\t"\r\n \'=+-@') + list("aé9फ़0+") + ["\x00", "\ufeff"])
_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_as_rows_or_a_message(data: bytes) -> None:
    try:
        table = read_csv(data)
    except ImportFileError as exc:
        message = str(exc)
        table = None
    if table is None:
        assert message
        return
    assert all(len(row.cells) == len(table.headers) for row in table.rows)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_CSV_ALPHABET, max_size=200))
def test_any_csv_like_text_reads_as_rows_or_a_message(text: str) -> None:
    try:
        table = read_csv(text.encode("utf-8"))
    except ImportFileError:
        return
    assert len(set(h.casefold() for h in table.headers)) == len(table.headers)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([None, *TARGETS]), min_size=1, max_size=5),
    st.lists(st.lists(_TEXT, min_size=5, max_size=5), max_size=5),
)
def test_any_cells_under_any_mapping_are_planned_or_refused(
    fields: list[str | None], rows: list[list[str]]
) -> None:
    headers = tuple(f"c{i}" for i in range(len(fields)))
    mapping = ColumnMapping(headers, tuple(fields))
    table = Table(
        headers,
        tuple(SourceRow(i + 2, tuple(r[: len(fields)])) for i, r in enumerate(rows)),
        "csv",
    )
    try:
        plan = plan_import(table, mapping, region="IN")
    except ImportFileError:
        assert mapping.problems()
        return
    assert len(plan.rows) == len(rows)
    for row in plan.rows:
        assert (row.outcome is Outcome.REFUSED) == bool(row.reasons) or (
            row.outcome is Outcome.DUPLICATE
        )


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_safe_cell_never_starts_like_a_formula(text: str) -> None:
    assert not safe_cell(text).startswith(("=", "+", "-", "@", "\t", "\r"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_split_pasted_never_raises(text: str) -> None:
    found = split_pasted(text, "IN")
    assert all(phone.startswith("+") for phone in found.phones)
