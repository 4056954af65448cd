"""``fetch_all``: every row of a catalog, or a list that says what is missing (issue #11)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from superfone_desk.api import catalogs
from superfone_desk.api.client import MAX_CATALOG_PAGES, SuperfoneClient
from superfone_desk.api.errors import FieldRejected, MalformedResponse, RateLimited
from superfone_desk.api.models import Catalog

KEY = "sfk_live_Zq8r7SECRETx93"
BASE = "https://api.test/superfone"
Handler = Callable[[httpx.Request], httpx.Response]


class Served:
    def __init__(self, client: SuperfoneClient) -> None:
        self.client = client
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []

    def sizes(self) -> list[str]:
        return [r.url.params["page_size"] for r in self.requests]


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], Served]]:
    opened: list[httpx.Client] = []

    def make(handler: Handler) -> Served:
        served: Served

        def record(request: httpx.Request) -> httpx.Response:
            served.requests.append(request)
            return handler(request)

        http = httpx.Client(transport=httpx.MockTransport(record))
        opened.append(http)
        client = SuperfoneClient(KEY, BASE, http=http, sleep=lambda s: served.sleeps.append(s))
        served = Served(client)
        return served

    yield make
    for http in opened:
        http.close()


def envelope(data: object) -> httpx.Response:
    return httpx.Response(200, json={"data": data, "message": "success"})


def catalog_server(
    total: int,
    *,
    cap: int | None = None,
    offset_by_asked: bool = False,
    barrier: threading.Barrier | None = None,
    title: Callable[[int], str] = lambda i: f"Label {i}",
) -> Handler:
    """``total`` rows with ids 1..total. ``cap``: at most that many rows a page, while the
    answer echoes the asked page_size and total_pages computed from it (a lying server);
    ``offset_by_asked``: page n starts at (n-1) x asked size, so capped rows are skipped."""

    def handler(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        page, asked = int(params.get("page", "1")), int(params.get("page_size", "50"))
        if barrier is not None and page > 1:
            barrier.wait()
        ids = [i for i in range(1, total + 1) if params.get("text", "") in title(i).lower()]
        served = min(asked, cap) if cap else asked
        start = (page - 1) * (asked if offset_by_asked else served)
        rows = [{"id": i, "title": title(i)} for i in ids[start : start + served]]
        return envelope(
            {
                "rows": rows,
                "total_pages": -(-len(ids) // asked),
                "current_page": page,
                "page_size": asked,
                "total_items": len(ids),
            }
        )

    return handler


def test_every_page_in_order_at_the_documented_default_size(serve: Any) -> None:
    served = serve(catalog_server(1000))
    rows = served.client.fetch_all(Catalog.LABELS)
    assert [r.id for r in rows] == list(range(1, 1001))
    assert (rows.complete, rows.loaded, rows.total) == (True, 1000, 1000)
    assert set(served.sizes()) == {"50"}
    assert sorted(int(r.url.params["page"]) for r in served.requests) == list(range(1, 21))


def test_pages_of_one_catalog_are_read_in_parallel(serve: Any) -> None:
    # Pages wait until FETCH_WORKERS of them are in flight at once: sequential reading
    # would break the barrier (after its timeout) and the read would come back short.
    barrier = threading.Barrier(catalogs.FETCH_WORKERS, timeout=5)
    served = serve(catalog_server(50 * (catalogs.FETCH_WORKERS + 1), barrier=barrier))
    assert served.client.fetch_all(Catalog.PRODUCTS).complete


def test_all_catalogs_together_keep_few_pages_in_flight(serve: Any) -> None:
    # Five catalogs load at once at start-up: together they never have more than
    # PAGES_IN_FLIGHT requests out, so a rate-limited server sees a few at a time.
    inner = catalog_server(1000)
    lock = threading.Lock()
    now = {"in_flight": 0, "most": 0}
    release = threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            now["in_flight"] += 1
            now["most"] = max(now["most"], now["in_flight"])
        release.wait(0.005)  # hold it a moment, so requests overlap
        with lock:
            now["in_flight"] -= 1
        return inner(request)

    served = serve(handler)
    with ThreadPoolExecutor(5) as pool:
        lists = list(pool.map(served.client.fetch_all, list(Catalog)))
    assert all(rows.complete and len(rows) == 1000 for rows in lists)
    assert 1 < now["most"] <= catalogs.PAGES_IN_FLIGHT


def test_the_text_filter_goes_on_every_page(serve: Any) -> None:
    served = serve(catalog_server(1000))
    rows = served.client.fetch_all(Catalog.LABELS, text="label 99")
    assert [r.title for r in rows] == ["Label 99"] + [f"Label {n}" for n in range(990, 1000)]
    assert all(r.url.params["text"] == "label 99" for r in served.requests)


def test_an_empty_catalog_is_one_request_and_complete(serve: Any) -> None:
    served = serve(catalog_server(0))
    rows = served.client.fetch_all(Catalog.GROUPS)
    assert (list(rows), rows.complete, rows.summary) == ([], True, "0 of 0 loaded")
    assert len(served.requests) == 1


@pytest.mark.parametrize("offset_by_asked", [False, True])
def test_a_server_capping_pages_below_the_asked_size_still_gives_every_row(
    serve: Any, offset_by_asked: bool
) -> None:
    # The case: at most 30 a page while echoing page_size 50 (70 of 120 shown).
    served = serve(catalog_server(120, cap=30, offset_by_asked=offset_by_asked))
    rows = served.client.fetch_all(Catalog.LABELS)
    assert [r.id for r in rows] == list(range(1, 121))
    assert rows.complete
    assert served.sizes() == ["50", "30", "30", "30", "30"]


def test_rows_still_missing_after_every_read_are_flagged_not_hidden(serve: Any) -> None:
    good = catalog_server(120)

    def handler(request: httpx.Request) -> httpx.Response:
        response = good(request)
        if request.url.params["page"] == "3":  # page 3 always loses two rows
            doc = response.json()
            doc["data"]["rows"] = doc["data"]["rows"][:-2]
            return httpx.Response(200, json=doc)
        return response

    served = serve(handler)
    rows = served.client.fetch_all(Catalog.LABELS)
    assert not rows.complete
    assert (rows.loaded, rows.total, rows.summary) == (118, 120, "118 of 120 loaded")
    assert len(served.requests) == 3 * catalogs.FETCH_ATTEMPTS


def test_a_429_on_a_page_is_waited_out_inside_the_fetch(serve: Any) -> None:
    good = catalog_server(120)
    limited = {"2": 2}

    def handler(request: httpx.Request) -> httpx.Response:
        page = request.url.params["page"]
        if limited.get(page, 0) > 0:
            limited[page] -= 1
            return httpx.Response(429, json={"message": "Too many"}, headers={"Retry-After": "3"})
        return good(request)

    served = serve(handler)
    rows = served.client.fetch_all(Catalog.LABELS)
    assert rows.complete
    assert len(rows) == 120
    assert served.sleeps == [3.0, 3.0]


def test_a_429_on_page_one_that_never_ends_is_raised(serve: Any) -> None:
    served = serve(lambda r: httpx.Response(429, json={"message": "Too many"}))
    with pytest.raises(RateLimited):
        served.client.fetch_all(Catalog.LABELS)
    assert len(served.requests) == catalogs.PAGE_TRIES
    assert served.sleeps == [1.0, 2.0, 4.0]


def test_a_failing_later_page_gives_a_flagged_list(serve: Any) -> None:
    good = catalog_server(1000)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] == "7":
            return httpx.Response(503, json={"message": "Service Unavailable"})
        return good(request)

    served = serve(handler)
    rows = served.client.fetch_all(Catalog.LABELS)
    assert not rows.complete
    assert rows.total == 1000
    assert rows.loaded < 1000


def test_a_refused_first_page_is_raised(serve: Any) -> None:
    served = serve(lambda r: httpx.Response(400, json={"message": "text is bad"}))
    with pytest.raises(FieldRejected, match="text is bad"):
        served.client.fetch_all(Catalog.LABELS)
    assert served.sizes() == ["50"]


@pytest.mark.parametrize("pages", [MAX_CATALOG_PAGES + 1, 10**9, -1])
def test_an_absurd_page_count_is_refused(serve: Any, pages: int) -> None:
    data = {"rows": [], "total_pages": pages, "current_page": 1, "page_size": 50, "total_items": 5}
    served = serve(lambda r: envelope(data))
    with pytest.raises(MalformedResponse, match="pages"):
        served.client.fetch_all(Catalog.LABELS)
    assert len(served.requests) == 1


def test_a_catalog_that_changes_while_read_is_read_again(serve: Any) -> None:
    # The first pass sees 150 rows on page 1 and 250 on page 2 (someone added 100).
    current = {"rows": 150}
    inner = {n: catalog_server(n) for n in (150, 250)}

    def handler(request: httpx.Request) -> httpx.Response:
        response = inner[current["rows"]](request)
        current["rows"] = 250
        return response

    served = serve(handler)
    rows = served.client.fetch_all(Catalog.LABELS)
    assert [r.id for r in rows] == list(range(1, 251))
    assert rows.complete


def test_duplicate_rows_are_dropped_and_the_gap_is_flagged(serve: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        ids = {1: list(range(1, 51)), 2: [50, 51]}[page]
        return envelope(
            {
                "rows": [{"id": i, "title": f"L{i}"} for i in ids],
                "total_pages": 2,
                "current_page": page,
                "page_size": 50,
                "total_items": 53,
            }
        )

    served = serve(handler)
    rows = served.client.fetch_all(Catalog.LABELS)
    assert [r.id for r in rows] == list(range(1, 52))
    assert rows.summary == "51 of 53 loaded"


def test_a_server_that_ignores_the_page_number_is_flagged(serve: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        rows = [{"id": i, "title": f"L{i}"} for i in range(1, 51)]
        return envelope(
            {"rows": rows, "total_pages": 3, "current_page": 1, "page_size": 50, "total_items": 120}
        )

    served = serve(handler)
    rows = served.client.fetch_all(Catalog.LABELS)
    assert not rows.complete
    assert rows.summary == "50 of 120 loaded"
