"""Reading a whole catalog (labels, stages, ...), page by page, and checking it is whole.

The docs say a catalog is paged (default page size 50) and give ``total_items``; they say
nothing of a maximum page size, of what a server does with a size it will not serve, or
whether pages can shift while they are read (CONTRACT U10, §12). So ``fetch_catalog``:

* asks for the documented default page size (50), never more;
* if page 1 holds fewer rows than asked although more exist, the server caps pages
  below what it echoes: it starts over asking for exactly that many a page;
* counts the pages itself from ``total_items`` (a capping server's ``total_pages`` is
  computed for the size it did not serve) and checks that each answer is the page asked
  for and that every page agrees on ``total_items``;
* retries a page answered with 429 after a pause (Retry-After, or a short backoff);
* reads at most ``FETCH_WORKERS`` pages of a catalog at a time, and at most
  ``PAGES_IN_FLIGHT`` pages of all catalogs together (the five load at once at start-up),
  so a rate-limited server sees a few requests at a time, never dozens;
* reads again (up to ``FETCH_ATTEMPTS`` times) when rows are missing, and then returns
  what it has, flagged: ``CatalogRows.complete`` is False and ``summary`` says
  "118 of 120 loaded". A list is never silently short.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from superfone_desk.api.errors import (
    MalformedResponse,
    NetworkError,
    RateLimited,
    ServerError,
)
from superfone_desk.api.models import CatalogItem, Page
from superfone_desk.translatable import F_, N_

__all__ = [
    "CATALOG_DEFAULT_PAGE_SIZE",
    "FETCH_ATTEMPTS",
    "FETCH_WORKERS",
    "MAX_CATALOG_PAGES",
    "CatalogRows",
    "fetch_catalog",
]

_log = logging.getLogger(__name__)

# What the user may read (marked; module-level templates: core.i18n.recognise).
LOADED = N_("{loaded} of {total} loaded")
CLAIMS_ROWS = N_("the list claims {count} rows")
CLAIMS_PAGES = N_("the list claims {count} pages")
WRONG_PAGE = N_("asked for page {number}, got page {got}")
T = TypeVar("T")

#: The documented default page size (CONTRACT §1.5): the only size every server serves.
CATALOG_DEFAULT_PAGE_SIZE = 50
#: More pages than this is a broken server (100,000 rows at 50 a page), not a catalog.
MAX_CATALOG_PAGES = 2000
#: Pages of one catalog read at once after page 1...
FETCH_WORKERS = 5
#: ...and of all catalogs together, in this process (five load at once at start-up).
PAGES_IN_FLIGHT = 5
_in_flight = threading.BoundedSemaphore(PAGES_IN_FLIGHT)
#: How often the whole catalog is read before giving up on missing rows.
FETCH_ATTEMPTS = 3
#: Tries of one page answered 429, and the longest pause honoured between two.
PAGE_TRIES = 4
MAX_PAGE_PAUSE = 30.0

#: ``read_page(page, page_size)`` -> that page.
PageReader = Callable[[int, int], Page[CatalogItem]]


class CatalogRows(list[CatalogItem]):
    """The rows of a catalog, in the server's order, each id once; a ``list``.

    ``total`` is the server's ``total_items``. ``complete`` is False when rows are
    missing after every retry; ``summary`` is then what the UI shows ("118 of 120
    loaded"), with a Retry that calls ``fetch_all`` again.
    """

    def __init__(self, rows: list[CatalogItem], total: int) -> None:
        super().__init__(rows)
        self.total = total

    @property
    def loaded(self) -> int:
        return len(self)

    @property
    def complete(self) -> bool:
        return len(self) >= self.total

    @property
    def summary(self) -> str:
        return F_(LOADED, loaded=len(self), total=self.total)


class _Incomplete(Exception):
    """One read came back short; ``rows`` is what it got."""

    def __init__(self, rows: list[CatalogItem], total: int, why: str) -> None:
        super().__init__(why)
        self.rows = rows
        self.total = total


def fetch_catalog(
    read_page: PageReader, sleep: Callable[[float], object], what: str = "catalog"
) -> CatalogRows:
    """Every row of one catalog (see the module docstring)."""
    best: _Incomplete | None = None
    for attempt in range(1, FETCH_ATTEMPTS + 1):
        try:
            rows, total = _read_once(lambda n, size: _page(read_page, n, size, sleep))
        except (NetworkError, ServerError, RateLimited, MalformedResponse):
            if best is None:
                raise
            break  # a re-read failed outright: what the first read got is still worth showing
        except _Incomplete as short:
            _log.info("%s: read %d came back short (%s)", what, attempt, short)
            if best is None or len(short.rows) >= len(best.rows):
                best = short
            continue
        return CatalogRows(rows, total)
    assert best is not None
    _log.warning("%s: %d of %d rows after %d reads", what, len(best.rows), best.total,
                 FETCH_ATTEMPTS)  # fmt: skip
    return CatalogRows(best.rows, best.total)


def _page(
    read_page: PageReader, number: int, size: int, sleep: Callable[[float], object]
) -> Page[CatalogItem]:
    """One page; a 429 is waited out and asked again (a few times)."""
    for attempt in range(1, PAGE_TRIES + 1):
        try:
            with _in_flight:
                return read_page(number, size)
        except RateLimited as exc:
            pause = exc.retry_after if exc.retry_after is not None else 0.5 * 2**attempt
            if attempt == PAGE_TRIES or pause > MAX_PAGE_PAUSE:
                raise
            sleep(pause)
    raise AssertionError("unreachable")  # pragma: no cover


def _read_once(read: PageReader) -> tuple[list[CatalogItem], int]:
    size = CATALOG_DEFAULT_PAGE_SIZE
    first = _checked(read(1, size), 1)
    total = first.total_items
    if total < 0:
        raise MalformedResponse(F_(CLAIMS_ROWS, count=total))
    if 0 < len(first.rows) < min(size, total):
        # The server serves fewer rows a page than asked (and may echo our size):
        # ask for exactly what it serves, so page n starts where page n-1 ended.
        size = len(first.rows)
        first = _checked(read(1, size), 1)
        total = first.total_items
    pages = math.ceil(total / size) if total else 1
    if pages > MAX_CATALOG_PAGES or first.total_pages > MAX_CATALOG_PAGES or first.total_pages < 0:
        raise MalformedResponse(F_(CLAIMS_PAGES, count=max(pages, first.total_pages)))
    answers = [first]
    if pages > 1:
        try:
            answers += _parallel([_reader(read, n, size) for n in range(2, pages + 1)])
        except (NetworkError, ServerError, RateLimited, MalformedResponse) as exc:
            raise _Incomplete(_unique(answers), total, exc.user_message) from exc
    rows = _unique(answers)
    for number, page in enumerate(answers, start=1):
        if page.current_page != number:
            raise _Incomplete(rows, total, f"asked for page {number}, got {page.current_page}")
        if page.total_items != total:
            raise _Incomplete(rows, max(total, page.total_items), "the list changed")
    if len(rows) < total:
        raise _Incomplete(rows, total, f"{len(rows)} of {total} rows")
    return rows, max(total, len(rows))


def _checked(page: Page[CatalogItem], number: int) -> Page[CatalogItem]:
    if page.current_page != number:
        raise MalformedResponse(F_(WRONG_PAGE, number=number, got=page.current_page))
    return page


def _reader(read: PageReader, number: int, size: int) -> Callable[[], Page[CatalogItem]]:
    return lambda: read(number, size)


def _unique(pages: list[Page[CatalogItem]]) -> list[CatalogItem]:
    # Rows shifting between pages can show one row twice; keep its first sighting.
    seen: set[int] = set()
    rows: list[CatalogItem] = []
    for page in pages:
        for row in page.rows:
            if row.id not in seen:
                seen.add(row.id)
                rows.append(row)
    return rows


def _parallel(calls: list[Callable[[], T]]) -> list[T]:
    """Run ``calls`` on a few threads; results in call order; first error raised."""
    workers = min(FETCH_WORKERS, len(calls))
    with ThreadPoolExecutor(workers, thread_name_prefix="superfone-fetch") as pool:
        futures: list[Future[T]] = [pool.submit(call) for call in calls]
        try:
            return [future.result() for future in futures]
        except BaseException:
            # Don't start pages nobody will use; the `with` waits for running ones.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
