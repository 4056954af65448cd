"""``import_10k_ratio`` and its companions (issue #15, Performance): 10,000 rows from a
CSV file, checked (dry run) and sent to the sandbox at 50 ms latency, while the main
window is up; against plain httpx posting the same 10,000 payloads with the same
concurrency.

In a child process with the main window shown (offscreen) on a sandbox process that
answers every API request after 50 ms:

1. idle: the window's catalogs loaded and the pool idle; VmRSS read (the "idle" memory);
2. the import, as the window's import wizard does it: in the wizard's own background
   steps (``ui.import_wizard.steps.BackgroundStep`` on the window's pool), the file is
   read, mapped (``guess_mapping``) and checked (``plan_import``, no lookups: the
   wizard's and the CLI's default), then queued into the window's outbox
   (``queue_plan``), and the window's own delivery (``DeliveryService``, senders =
   ``Settings.import_senders``, 4) sends it; done when every row is sent. A 10 ms
   heartbeat on the GUI thread runs throughout (``import_gui_max_stall_ms``);
3. VmRSS at the end of the import (``import_rss_ratio`` = end / idle);
4. the baseline: the sandbox reset (fresh leads, same latency), then one httpx client
   posting the same payloads (each sendable row's upsert as ``build_requests`` builds
   it for a new lead) from as many threads as the window has senders.

The ratio is (check + queue + send) / baseline. A row the dry run did not look up still
costs a Get Lead: delivery must learn whether the phone is some lead's *secondary*
phone before it sends with create on (issue #11; CONTRACT U18). Delivery makes those
lookups on look-ahead lanes, as many as its senders, ahead of them
(``delivery.lookahead``), so the senders post one request a row, as the baseline's
threads do; the server sees up to twice the baseline's connections, half of them
reads. (Before the lanes the ratio was 2.3: each sender did Get Lead then the upsert.)
``import_dry_run_s`` is the check alone (read + map + check, no network), timed on its
own before the import.

``--rows`` sets the size (quick mode: 1,000; the key keeps its name).
"""

from __future__ import annotations

import csv
import gc
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.common import (
    KEY,
    Heartbeat,
    Result,
    SandboxProcess,
    finish,
    phone_number,
    qt_app,
    run_child,
    skipped,
    spin_for,
    spin_until,
    wait_pool_idle,
    window_on,
)
from benchmarks.launch import rss_kib

LATENCY_MS = 50
ROWS = 10_000
QUICK_ROWS = 1_000
RATIO_KEY = "import_10k_ratio"
RATIO_TARGET = 1.3
TARGET = RATIO_TARGET  # run.py's row when this benchmark crashes
STALL_KEY = "import_gui_max_stall_ms"
STALL_TARGET = 50.0
RSS_KEY = "import_rss_ratio"
RSS_TARGET = 1.5
DRY_KEY = "import_dry_run_s"
DRY_TARGET = 3.0
HEADERS = ["First Name", "Last Name", "Mobile", "Email", "Company", "City", "Lead Status"]
CITIES = ["Mumbai", "Pune", "Bengaluru", "Kolkata", "Jaipur", "Kochi", "Lucknow"]


def available() -> str | None:
    try:
        import superfone_desk.importing.batch  # noqa: F401
        import superfone_desk.importing.plan  # noqa: F401
    except ImportError as exc:
        return f"import not available ({exc})"
    return None


def run(quick: bool) -> list[Result]:
    rows = QUICK_ROWS if quick else ROWS
    what = f"{rows:,} CSV rows checked + sent at {LATENCY_MS} ms latency"
    missing = available()
    if missing:
        return [
            skipped(RATIO_KEY, what, "<=", RATIO_TARGET, f"skipped: {missing}"),
            skipped(STALL_KEY, what, "<=", STALL_TARGET, f"skipped: {missing}"),
            skipped(RSS_KEY, what, "<=", RSS_TARGET, f"skipped: {missing}"),
            skipped(DRY_KEY, what, "<=", DRY_TARGET, f"skipped: {missing}"),
        ]
    data = run_child("bench_import", "--rows", str(rows), timeout=1800)
    import_s, bare_s = data["import_s"], data["bare_s"]
    rows_note = "" if rows == ROWS else f" ({rows:,} rows, quick mode)"
    return [
        Result(
            RATIO_KEY,
            what,
            round(import_s, 2),
            "s",
            baseline=round(bare_s, 2),
            ratio=round(import_s / bare_s, 3),
            limit=RATIO_TARGET,
            note=(
                f"check+queue+send in the window vs plain httpx, {data['senders']} at once"
                f"{rows_note}; each row's Get Lead on look-ahead lanes (issue #11)"
            ),
            extras={
                "dry_run_s": round(data["plan_s"], 3),
                "queue_s": round(data["queue_s"], 3),
                "send_s": round(data["send_s"], 3),
                "requests": data["requests"],
                "senders": data["senders"],
            },
        ).judge(),
        Result(
            STALL_KEY,
            "largest GUI-thread gap during that import",
            round(data["max_gap_ms"], 1),
            "ms",
            limit=STALL_TARGET,
            note=f"10 ms heartbeat through check, queue and send{rows_note}",
            extras={
                "gaps_over_50ms": data["gaps_over_50ms"],
                "p99_gap_ms": data["p99_gap_ms"],
                "max_gap_ms_by_phase": data["max_gap_ms_by_phase"],
            },
        ).judge(),
        Result(
            RSS_KEY,
            "resident memory at the end of that import",
            round(data["end_kib"] / 1024, 1),
            "MiB",
            baseline=round(data["idle_kib"] / 1024, 1),
            ratio=round(data["end_kib"] / data["idle_kib"], 3),
            limit=RSS_TARGET,
            note=f"VmRSS; baseline: the same window idle before the import{rows_note}",
        ).judge(),
        Result(
            DRY_KEY,
            f"dry run of {rows:,} CSV rows (read, map, check; no lookups)",
            round(data["dry_run_s"], 3),
            "s",
            limit=DRY_TARGET,
            note=f"timed alone, before the import{rows_note}",
        ).judge(),
    ]


# ------------------------------------------------------------------------ the child


def write_csv(path: Path, rows: int) -> None:
    """A CRM export of ``rows`` leads, each with a new phone."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for n in range(rows):
            writer.writerow(
                [
                    "Ravi",
                    f"Kumar {n}",
                    "+91 " + phone_number(300_000 + n),
                    f"ravi.kumar{n}@example.in",
                    f"Kumar Traders {n % 97}",
                    CITIES[n % len(CITIES)],
                    "New Lead",
                ]
            )


def dry_run(path: Path, progress: Any = None, cancel: Any = None) -> Any:
    """Read, map and check the file as the wizard does (no lookups); the plan."""
    from superfone_desk.importing.files import read_table
    from superfone_desk.importing.mapping import guess_mapping
    from superfone_desk.importing.plan import plan_import
    from superfone_desk.importing.rows import RowDefaults

    table = read_table(path, progress=progress, cancel=cancel)
    mapping = guess_mapping(table.headers)
    return plan_import(
        table,
        mapping,
        region="IN",
        defaults=RowDefaults(source_type="CSV_UPLOAD"),
        progress=progress,
        cancel=cancel,
    )


def _as_wizard_step(window: Any, work: Any, name: str) -> Any:
    """Run ``work(progress, cancel)`` as the import wizard runs its steps (a
    ``BackgroundStep`` on the window's pool, progress shown by its timer) while the GUI
    thread spins; its result."""
    from superfone_desk.ui.import_wizard.steps import BackgroundStep

    step = BackgroundStep(window.pool)
    box: list[Any] = []
    step.run(work, name, box.append, box.append)
    spin_until(lambda: bool(box), 600, poll_ms=20)
    step.deleteLater()
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]


def _watch_sent(outbox: Any, batch: str, total: int, sent: threading.Event) -> None:
    from superfone_desk.store.outbox import EntryState

    while outbox.counts(batch=batch)[EntryState.SENT] < total:
        time.sleep(0.05)
    sent.set()


def _request_counts(sandbox: SandboxProcess) -> dict[str, int]:
    """Get Lead and upsert requests, from the sandbox's request log (its last 10,000)."""
    import httpx

    log = httpx.get(sandbox.url + "/__sandbox__/requests", timeout=30).json()["requests"]
    counts: dict[str, int] = {}
    for entry in log:
        if entry["path"].endswith("/api/lead"):
            name = "get_lead" if entry["method"] == "GET" else "upsert"
            counts[name] = counts.get(name, 0) + 1
    return counts


def _bare_posts(base_url: str, bodies: list[dict[str, Any]], senders: int) -> float:
    """Plain httpx: ``bodies`` posted from ``senders`` threads on one client; seconds."""
    import httpx

    todo = list(reversed(bodies))
    lock = threading.Lock()

    def post(http: httpx.Client) -> None:
        while True:
            with lock:
                if not todo:
                    return
                body = todo.pop()
            http.post(base_url + "/enterprise/api/lead", json=body).raise_for_status()

    limits = httpx.Limits(max_connections=senders, max_keepalive_connections=senders)
    with httpx.Client(headers={"x-api-key": KEY}, limits=limits) as http:
        threads = [threading.Thread(target=post, args=(http,)) for _ in range(senders)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started


def child(rows: int) -> None:
    import httpx

    from superfone_desk.core.payload import build_requests
    from superfone_desk.delivery.senders import DEFAULT_SENDERS
    from superfone_desk.importing.batch import new_batch_id, queue_plan
    from superfone_desk.store.outbox import EntryState

    qt_app()
    with tempfile.TemporaryDirectory() as tmp, SandboxProcess(latency_ms=LATENCY_MS) as sandbox:
        source = Path(tmp) / "leads.csv"
        write_csv(source, rows)
        window = window_on(sandbox.base_url, Path(tmp))
        wait_pool_idle(window, 60)
        spin_for(1.0)
        started = time.perf_counter()
        checked = dry_run(source)  # alone: the dry run's own time
        dry_run_s = time.perf_counter() - started
        del checked
        gc.collect()
        spin_for(0.5)
        idle_kib = rss_kib(os.getpid())
        outbox = window.outbox
        beat = Heartbeat()
        with beat.running():
            started = time.perf_counter()
            plan = _as_wizard_step(
                window, lambda progress, cancel: dry_run(source, progress, cancel), "check"
            )
            planned, planned_beats = time.perf_counter(), len(beat.gaps)
            batch = new_batch_id("leads.csv")
            queued = _as_wizard_step(
                window,
                lambda progress, cancel: queue_plan(
                    outbox, plan, batch=batch, progress=progress, cancel=cancel
                ),
                "queue",
            )
            window.delivery.nudge()
            queued_at, queued_beats = time.perf_counter(), len(beat.gaps)
            total = len(queued.entries)
            # Counting 10,000 rows takes a while: a thread does it, so the GUI-thread
            # figure is the app's, not this benchmark's polling.
            sent = threading.Event()
            watch = threading.Thread(
                target=_watch_sent, args=(outbox, queued.batch, total, sent), daemon=True
            )
            watch.start()
            done = spin_until(sent.is_set, 1500, poll_ms=20)
        counts = outbox.counts(batch=queued.batch)
        if counts[EntryState.SENT] != len(plan.sendable):
            raise RuntimeError(f"not every row was sent: {counts}")
        end_kib = rss_kib(os.getpid())
        requests = _request_counts(sandbox) if rows * 2 <= 10_000 else {}
        bodies = [build_requests(r.draft, "IN")[0].to_json() for r in plan.sendable]
        httpx.post(sandbox.url + "/__sandbox__/reset", timeout=30).raise_for_status()
        sandbox.faults(latency_ms=LATENCY_MS)  # reset cleared it
        # The window's delivery sends to Settings.import_senders phones at once, whose
        # default (the window_on settings) is DEFAULT_SENDERS.
        senders = DEFAULT_SENDERS
        bare_s = _bare_posts(sandbox.base_url, bodies, senders)
        gaps = beat.gaps
        finish(
            {
                "import_s": done - started,
                "plan_s": planned - started,
                "queue_s": queued_at - planned,
                "send_s": done - queued_at,
                "bare_s": bare_s,
                "dry_run_s": dry_run_s,
                "senders": senders,
                "requests": requests,
                "max_gap_ms": beat.max_gap_ms,
                "max_gap_ms_by_phase": {
                    "check": round(max(gaps[:planned_beats], default=0.0), 1),
                    "queue": round(max(gaps[planned_beats:queued_beats], default=0.0), 1),
                    "send": round(max(gaps[queued_beats:], default=0.0), 1),
                },
                "p99_gap_ms": round(sorted(gaps)[int(len(gaps) * 0.99) - 1], 1),
                "gaps_over_50ms": sum(1 for g in gaps if g > 50),
                "idle_kib": idle_kib,
                "end_kib": end_kib,
            }
        )


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true", required=True)
    parser.add_argument("--rows", type=int, default=ROWS)
    child(parser.parse_args().rows)
