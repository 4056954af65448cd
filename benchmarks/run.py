"""Run the performance benchmarks: ``python benchmarks/run.py [--quick] [--json PATH]``.

Prints a table (figure, value, baseline, ratio, target, pass/fail), writes the same as
JSON with ``--json``, and exits 1 when a target is missed or a benchmark could not run
(2 when a benchmark crashed). ``--quick`` runs fewer repetitions (CI); ``--only KEY``
runs some of them. Qt runs offscreen, except ``startup_ratio``, which starts its own
X server (Xvfb) and is skipped without one; nothing needs the caller's display.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

if __package__ in (None, ""):
    # Run as a script: make the repository (and so ``benchmarks``) importable.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (  # noqa: E402
    bench_catalog,
    bench_filter,
    bench_import,
    bench_memory,
    bench_outbox,
    bench_save,
    bench_stall,
    bench_startup,
    bench_startup_x11,
)
from benchmarks.common import Result, status_word  # noqa: E402

#: (key, its module: ``run(quick)``, ``TARGET``, optional ``OP``), in the order of the table.
BENCHMARKS: list[tuple[str, ModuleType]] = [
    ("startup_ratio", bench_startup_x11),
    ("startup_offscreen_ratio", bench_startup),
    ("save_ratio", bench_save),
    ("gui_max_stall_ms", bench_stall),
    ("label_filter_p95_ms", bench_filter),
    ("catalog_10k_ratio", bench_catalog),
    ("outbox_drain_leads_per_s", bench_outbox),
    ("import_10k_ratio", bench_import),  # also import_gui_max_stall_ms, _rss_ratio, _dry_run_s
    ("idle_rss_ratio", bench_memory),
]


def machine() -> dict[str, Any]:
    import PySide6

    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt_platform": "offscreen; startup_ratio: xcb on Xvfb",
    }


def _cell(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 10 else f"{value:,.1f}"
    return f"{text} {unit}".rstrip()


def table(results: list[Result]) -> str:
    rows = [("figure", "value", "baseline", "ratio", "target", "result")]
    for r in results:
        rows.append(
            (
                r.key,
                _cell(r.value, r.unit),
                _cell(r.baseline, r.unit),
                _cell(r.ratio),
                r.target,
                status_word(r.passed),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"  {r.key}: {r.note}" for r in results if r.note]
    return "\n".join(lines + ["", "notes:", *notes])


def markdown(results: list[Result]) -> str:
    """The table as Markdown, for README's Performance section."""
    out = ["| figure | value | baseline | ratio | target | result |", "|---|---|---|---|---|---|"]
    for r in results:
        out.append(
            f"| `{r.key}` | {_cell(r.value, r.unit)} | {_cell(r.baseline, r.unit)} | "
            f"{_cell(r.ratio)} | {r.target} | {status_word(r.passed)} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (CI)")
    parser.add_argument("--json", metavar="PATH", type=Path, help="write the results here")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--only", metavar="KEY", action="append", help="run only this benchmark (repeatable)"
    )
    args = parser.parse_args(argv)
    chosen = [(k, m) for k, m in BENCHMARKS if not args.only or k in args.only]
    if not chosen:
        parser.error(f"--only takes one of: {', '.join(k for k, _ in BENCHMARKS)}")

    started = time.perf_counter()
    results: list[Result] = []
    crashed = False
    for key, module in chosen:
        t0 = time.perf_counter()
        print(f"running {key}…", file=sys.stderr, flush=True)
        try:
            got = module.run(args.quick)
        except Exception as exc:  # one broken benchmark must not hide the others
            traceback.print_exc()
            crashed = True
            last = str(exc).strip().splitlines()[-1:] or [""]
            op, limit = getattr(module, "OP", "<="), module.TARGET
            note = f"crashed: {type(exc).__name__}: {last[0]}"
            got = [Result(key, key, None, op=op, limit=limit, note=note)]
        for result in got:
            result.extras.setdefault("seconds", round(time.perf_counter() - t0, 1))
        results.extend(got)
    elapsed = time.perf_counter() - started

    print(table(results))
    if args.markdown:
        print()
        print(markdown(results))
    print(f"\n{'quick' if args.quick else 'full'} run, {elapsed:.0f} s", file=sys.stderr)
    if args.json:
        doc = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "quick": args.quick,
            "seconds": round(elapsed, 1),
            "machine": machine(),
            "passed": all(r.passed for r in results),
            "results": {r.key: r.to_json() for r in results},
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    if crashed:
        return 2
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
