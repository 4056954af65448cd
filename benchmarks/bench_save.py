"""``save_ratio``: Save pressed → success shown in the form, over a bare httpx POST.

In a child process: the sandbox runs in its own process with 50 ms added to every API
request; a real MainWindow (demo-style services, so no keyring) is connected to it. For
each of N new phones the form gets a lead (phone, names, a note); once the lookup has
answered (the pool is idle), ``save_button.click()`` is timed to the window's ``saved``
signal, which it emits right after showing the outcome. The baseline is
``httpx.Client.post`` of the same upsert JSON (another new phone) to the same sandbox
with the same key, over a kept-alive connection, like the app's client. App saves and
baseline posts alternate; the figure is median(app) / median(baseline).
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.common import (
    KEY,
    Result,
    SandboxProcess,
    finish,
    median,
    phone_number,
    qt_app,
    rounded,
    run_child,
    spin_until,
    wait_pool_idle,
    window_on,
)

TARGET = 1.25
LATENCY_MS = 50


def run(quick: bool) -> list[Result]:
    data = run_child("bench_save", "--runs", "8" if quick else "21")
    app_ms, base_ms = data["app_ms"], data["baseline_ms"]
    return [
        Result(
            "save_ratio",
            f"Save → success shown, sandbox +{LATENCY_MS} ms",
            round(median(app_ms), 1),
            "ms",
            baseline=round(median(base_ms), 1),
            ratio=round(median(app_ms) / median(base_ms), 3),
            op="<=",
            limit=TARGET,
            note=f"median of {len(app_ms)}; baseline: httpx POST of the same JSON",
            extras={"app_ms": rounded(app_ms, 1), "baseline_ms": rounded(base_ms, 1)},
        ).judge()
    ]


def child(runs: int) -> None:
    import httpx

    from superfone_desk.core.draft import LeadDraft
    from superfone_desk.core.payload import build_requests

    app = qt_app()
    app_ms: list[float] = []
    base_ms: list[float] = []
    with SandboxProcess(latency_ms=LATENCY_MS) as sandbox, tempfile.TemporaryDirectory() as tmp:
        window = window_on(sandbox.base_url, Path(tmp))
        wait_pool_idle(window)
        saved_at: list[float] = []
        window.saved.connect(lambda _outcome: saved_at.append(time.perf_counter()))
        window.save_failed.connect(lambda exc: sys.exit(f"save failed: {exc!r}"))
        http = httpx.Client(headers={"x-api-key": KEY, "accept": "application/json"})
        url = sandbox.base_url + "/enterprise/api/lead"
        for n in range(runs + 1):  # the first pair warms up and is not counted
            draft = replace(
                LeadDraft(),
                customer_phone=phone_number(1000 + n),
                first_name="Asha",
                last_name="Verma",
                business_name="Verma Textiles",
                customer_note="Walked in at the counter; wants a quote for 40 sarees.",
            )
            window.form.set_draft(draft)
            spin_until(lambda: window.finder.found is not None, 10)
            wait_pool_idle(window)
            before = len(saved_at)
            started = time.perf_counter()
            window.form.save_button.click()
            spin_until(lambda b=before: len(saved_at) > b, 10, poll_ms=50)
            app_time = (saved_at[-1] - started) * 1000
            wait_pool_idle(window)  # the lookup refresh after the save

            body = build_requests(replace(draft, customer_phone=phone_number(5000 + n)), "IN")
            started = time.perf_counter()
            reply = http.post(url, json=body[0].to_json())
            base_time = (time.perf_counter() - started) * 1000
            reply.raise_for_status()
            if n:
                app_ms.append(app_time)
                base_ms.append(base_time)
        http.close()
        window.pool.shutdown()
    del app
    finish({"app_ms": app_ms, "baseline_ms": base_ms})


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true", required=True)
    parser.add_argument("--runs", type=int, default=21)
    child(parser.parse_args().runs)
