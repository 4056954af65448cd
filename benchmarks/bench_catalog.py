"""``catalog_10k_ratio``: loading 10,000 labels with 20 ms per request, over the naive way.

The sandbox runs in its own process with 10,000 extra labels and 20 ms added to every
request. ``SuperfoneClient.fetch_all(Catalog.LABELS)`` (what the app does) is timed
against the naive loop a first version would write: ``list_catalog(page=i,
page_size=50)`` for every page, one after the other (50 is the API's documented default
page size). Same client code, same server; median of each; the figure is the ratio.
"""

from __future__ import annotations

import time

from benchmarks.common import KEY, Result, SandboxProcess, finish, median, rounded, run_child

TARGET = 0.3
LABELS = 10_000
LATENCY_MS = 20


def run(quick: bool) -> list[Result]:
    data = run_child("bench_catalog", "--runs", "3" if quick else "5")
    fast, naive = data["fetch_all_ms"], data["naive_ms"]
    return [
        Result(
            "catalog_10k_ratio",
            f"{LABELS:,} labels, +{LATENCY_MS} ms a request: fetch_all / naive",
            round(median(fast), 1),
            "ms",
            baseline=round(median(naive), 1),
            ratio=round(median(fast) / median(naive), 3),
            op="<=",
            limit=TARGET,
            note="baseline: sequential list_catalog pages of 50",
            extras={
                "fetch_all_ms": rounded(fast, 1),
                "naive_ms": rounded(naive, 1),
                "rows": data["rows"],
                "naive_pages": data["pages"],
            },
        ).judge()
    ]


def child(runs: int) -> None:
    from superfone_desk.api.client import CATALOG_DEFAULT_PAGE_SIZE, SuperfoneClient
    from superfone_desk.api.models import Catalog

    fast: list[float] = []
    naive: list[float] = []
    rows = pages = 0
    with (
        SandboxProcess(labels=LABELS, latency_ms=LATENCY_MS) as sandbox,
        SuperfoneClient(KEY, sandbox.base_url) as client,
    ):
        client.list_catalog(Catalog.LABELS)  # connect once, warm up
        naive_runs = max(1, runs // 2)
        for n in range(runs):
            started = time.perf_counter()
            rows = len(client.fetch_all(Catalog.LABELS))
            fast.append((time.perf_counter() - started) * 1000)
            if n < naive_runs:
                started = time.perf_counter()
                page, total, count = 1, 1, 0
                while page <= total:
                    got = client.list_catalog(
                        Catalog.LABELS, page=page, page_size=CATALOG_DEFAULT_PAGE_SIZE
                    )
                    total, count = got.total_pages, count + len(got.rows)
                    page += 1
                naive.append((time.perf_counter() - started) * 1000)
                pages = total
                if count != rows:
                    raise RuntimeError(f"naive read {count} rows, fetch_all {rows}")
    if rows < LABELS:
        raise RuntimeError(f"fetch_all returned {rows} rows")
    finish({"fetch_all_ms": fast, "naive_ms": naive, "rows": rows, "pages": pages})


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true", required=True)
    parser.add_argument("--runs", type=int, default=5)
    child(parser.parse_args().runs)
