"""What the wizard says about a dry run, and the sheets it offers: plain Python."""

from __future__ import annotations

from pathlib import Path

from superfone_desk.importing.mapping import TARGETS
from superfone_desk.importing.plan import ImportPlan


def preview_summary(plan: ImportPlan) -> str:
    return plan.summary()[:1].upper() + plan.summary()[1:] + "."


def unknown_values_text(plan: ImportPlan) -> str:
    lines = []
    for field, values in plan.unknown_values.items():
        listed = ", ".join(f"“{value}” ({count})" for value, count in list(values.items())[:8])
        more = f" and {len(values) - 8} more" if len(values) > 8 else ""
        lines.append(f"Not in Superfone's {TARGETS.get(field, field).lower()} list: {listed}{more}")
    return "\n".join(lines)


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheets (for the sheet choice); [] when it cannot be opened."""
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        return [str(meta.name) for meta in workbook.sheets_metadata
                if str(meta.visible).endswith("Visible")]  # fmt: skip
    finally:
        workbook.close()
