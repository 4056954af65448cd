# mypy: disallow-untyped-defs, disallow-incomplete-defs, disallow-any-generics
# mypy: warn-return-any, no-implicit-reexport, strict-equality, disallow-untyped-calls
"""Looking phones up ahead of the senders, while a long queue is being sent (issue #15).

A lead saved without the form's lookup (an import's rows) costs two requests: Get Lead,
because the upsert matches only a primary phone and the docs don't say what it does with
a secondary one (issue #11, CONTRACT U18), then the upsert. Sent one after the other on
each sender, an import of 10,000 rows took twice as long as posting its payloads.

So while the senders post, ``lanes`` more threads plan the entries next in line
(``delivery.planning.plan_ahead``: the lookup, then the stored request bodies), and a
sender that claims a planned entry only posts it. The server sees up to ``lanes`` Get
Leads besides the senders' upserts. Nothing here decides anything the sender would not:

* only an entry that is queued, due and first of its phone (what ``claim`` gives next)
  is planned, and the plan is stored only if no sender claimed it meanwhile and it is
  unchanged (``Outbox.save_plan_ahead``: the user may fix a draft during the lookup);
  a sender that got there first plans it itself;
* at most ``window`` entries ahead of the senders, so a plan is seconds old when sent;
* any failure (a 429, the network, a full disk) ends the lane for this round and leaves
  the entry to its sender, which meets the same failure and handles it with the
  engine's backoff and pauses. Looking ahead only ever saves time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from superfone_desk.delivery.planning import needs_lookup, plan_ahead
from superfone_desk.delivery.policy import LeadClient
from superfone_desk.store.outbox import Outbox

__all__ = ["Lookahead"]

_log = logging.getLogger(__name__)

#: How long a lane waits for the senders to move before looking at the queue again.
_IDLE_WAIT_S = 0.05


class Lookahead:
    """The look-ahead lanes of one ``Deliverer``; ``run`` is one lane's loop."""

    def __init__(
        self,
        outbox: Outbox,
        client_provider: Callable[[], LeadClient | None],
        *,
        window: int,
        account: Callable[[], str | None],
        blocked: Callable[[], bool],
    ) -> None:
        self._outbox = outbox
        self._client_provider = client_provider
        self._window = window
        self._account = account
        self._blocked = blocked
        self._lock = threading.Lock()
        # Entries a lane is looking up now, or could not plan (its sender will say why):
        # never taken again by a lane.
        self._taken: set[int] = set()

    def run(self, done: threading.Event) -> None:
        """Plan entries ahead until ``done`` is set, or a failure ends this lane."""
        try:
            while not done.is_set() and not self._blocked():
                client = self._client_provider()  # asked each time, as the senders do
                if client is None:
                    return
                if self._plan_next(client) is None:
                    done.wait(_IDLE_WAIT_S)  # nothing within the window: the senders move
        except Exception as exc:  # noqa: BLE001 - the sender meets it and handles it
            _log.debug("looking ahead stopped: %s", exc)

    def _plan_next(self, client: LeadClient) -> int | None:
        with self._lock:
            # One with nothing to look up costs its sender nothing: left to it.
            entry = self._outbox.next_unplanned(
                self._window, needs_lookup, account=self._account(), skip=self._taken
            )
            if entry is None:
                return None
            self._taken.add(entry.id)
        if plan_ahead(client, self._outbox, entry):
            with self._lock:
                self._taken.discard(entry.id)
        return entry.id
