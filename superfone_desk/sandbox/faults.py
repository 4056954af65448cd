"""Fault injection: what the network and a flaky server can do to an API request.

Two sources, checked for every API request (never for ``/__sandbox__/``):

1. a FIFO queue of one-shot scripted faults (``plan.queue("status:503", "drop")``); the
   first queued fault whose filter matches the request is used up by it;
2. random faults drawn from a seeded :class:`random.Random` (deterministic), plus a fixed
   latency, applied to requests that match ``plan.match``.

Fault tokens (see docs/sandbox.md):

=====================  ===================================================================
``ok``                 no fault (consumes a queue slot)
``status:NNN``         answer NNN ``{"message": <reason phrase>}``; request not processed
``retry_after:N``      answer 429 ``Too many requests`` with ``Retry-After: N``
``rate_limit``         same, with the plan's ``retry_after``
``drop``               close the connection without answering; request not processed
``drop_after_apply``   process the request (state changes!), then close without answering
``html[:NNN]``         an HTML error page, default status 502; request not processed
``empty[:NNN]``        request processed, answer NNN (default 200) with an empty body
``truncated``          request processed, real status, JSON body cut in half
``cut``                request processed, headers announce the full body, half is sent,
                       then the connection closes
``wrong_shape``        request processed, 200 ``{"data": "unexpected", "message": "success"}``
``latency:MS``         delay this request by MS milliseconds, then handle it normally
``trickle[:SECONDS]``  request processed, real status and headers at once, then the body
                       one byte every SECONDS (default 10): a link that never times out
=====================  ===================================================================

A token may carry a filter after ``@``: ``status:503@POST /enterprise/api/lead``. A filter
is ``[METHOD ]PATTERN`` where PATTERN is an :mod:`fnmatch` pattern on the path below
``/superfone`` (e.g. ``/enterprise/api/lead/*/task``).
"""

from __future__ import annotations

import fnmatch
import random
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

MALFORMED_KINDS: tuple[str, ...] = ("html", "empty", "truncated", "wrong_shape", "cut")
SIMPLE_KINDS: tuple[str, ...] = (
    "ok", "drop", "drop_after_apply", "rate_limit", "truncated", "wrong_shape", "cut",
)  # fmt: skip
PROCESSED_KINDS: frozenset[str] = frozenset(
    {"ok", "drop_after_apply", "empty", "truncated", "cut", "wrong_shape", "trickle"}
)


def reason(status: int) -> str:
    """``Internal server error`` for 500, ``Too many requests`` for 429, …"""
    try:
        return HTTPStatus(status).phrase.capitalize()
    except ValueError:
        return "Error"


@dataclass(frozen=True)
class Match:
    """A request filter: optional method plus an fnmatch pattern on the API path."""

    method: str | None
    pattern: str

    @classmethod
    def parse(cls, spec: str) -> Match:
        parts = spec.strip().split(None, 1)
        if len(parts) == 2:
            return cls(parts[0].upper(), parts[1])
        if len(parts) == 1 and parts[0].startswith("/"):
            return cls(None, parts[0])
        if len(parts) == 1:
            return cls(parts[0].upper(), "*")
        raise ValueError(f"empty fault filter {spec!r}")

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method.upper():
            return False
        return fnmatch.fnmatchcase(path, self.pattern)

    def __str__(self) -> str:
        return f"{self.method} {self.pattern}" if self.method else self.pattern


@dataclass(frozen=True)
class Fault:
    """One fault to apply to one request."""

    kind: str
    status: int | None = None
    retry_after: int | None = None
    latency_ms: int = 0
    match: Match | None = None

    @property
    def processes_request(self) -> bool:
        """Whether the request reaches the account (state may change) despite the fault."""
        return self.kind in PROCESSED_KINDS

    @classmethod
    def parse(cls, token: str, match: str | None = None) -> Fault:
        """Parse a queue token such as ``status:503`` or ``drop@POST /enterprise/api/lead``."""
        text, _, filter_spec = token.strip().partition("@")
        if filter_spec and match:
            raise ValueError(f"fault {token!r} has a filter and match= was given too")
        spec = filter_spec or match
        parsed_match = Match.parse(spec) if spec else None
        kind, _, arg = text.strip().partition(":")
        kind = kind.strip().lower()
        if kind in SIMPLE_KINDS and not arg:
            return cls(kind, match=parsed_match)
        if kind == "status" and arg:
            return cls(kind, status=_status(arg, token), match=parsed_match)
        if kind == "retry_after" and arg:
            return cls("rate_limit", retry_after=_int(arg, token, 0), match=parsed_match)
        if kind == "latency" and arg:
            return cls(kind, latency_ms=_int(arg, token, 0), match=parsed_match)
        if kind == "trickle":  # the interval rides in latency_ms
            seconds = _int(arg, token, 1) if arg else 10
            return cls(kind, latency_ms=seconds * 1000, match=parsed_match)
        if kind == "html":
            status = _status(arg, token) if arg else 502
            return cls(kind, status=status, match=parsed_match)
        if kind == "empty":
            status = _status(arg, token) if arg else 200
            return cls(kind, status=status, match=parsed_match)
        raise ValueError(f"unknown fault {token!r}")

    def __str__(self) -> str:
        text = self.kind
        if self.kind == "status" or (self.kind in ("html", "empty") and self.status):
            text += f":{self.status}"
        elif self.kind == "rate_limit" and self.retry_after is not None:
            text = f"retry_after:{self.retry_after}"
        elif self.kind == "latency":
            text += f":{self.latency_ms}"
        elif self.kind == "trickle":
            text += f":{self.latency_ms // 1000}"
        return f"{text}@{self.match}" if self.match else text


def _int(raw: str, token: str, minimum: int) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise ValueError(f"bad number in fault {token!r}") from None
    if value < minimum:
        raise ValueError(f"number out of range in fault {token!r}")
    return value


def _status(raw: str, token: str) -> int:
    value = _int(raw, token, 100)
    if value > 599:
        raise ValueError(f"bad status in fault {token!r}")
    return value


@dataclass(frozen=True)
class Decision:
    """What to do with one request: wait ``latency_ms``, then apply ``fault`` (if any)."""

    latency_ms: int = 0
    fault: Fault | None = None


def _rate(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(f"{name} must be a number between 0 and 1")
    return float(value)


def _count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer")
    return value


class FaultPlan:
    """Thread-safe fault settings plus the one-shot queue. Change it while serving.

    Set attributes through :meth:`configure` (validated, under the lock).
    """

    def __init__(
        self,
        *,
        latency_ms: int = 0,
        error_rate: float = 0.0,
        error_statuses: Iterable[int] = (500, 502, 503),
        rate_limit_rate: float = 0.0,
        retry_after: int = 1,
        drop_rate: float = 0.0,
        malformed_rate: float = 0.0,
        malformed_kinds: Iterable[str] = ("html", "empty", "truncated", "wrong_shape"),
        match: str | None = None,
        seed: int = 0,
    ) -> None:
        self._lock = threading.Lock()
        self._queue: deque[Fault] = deque()
        self.latency_ms = 0
        self.error_rate = 0.0
        self.error_statuses: tuple[int, ...] = (500, 502, 503)
        self.rate_limit_rate = 0.0
        self.retry_after = 1
        self.drop_rate = 0.0
        self.malformed_rate = 0.0
        self.malformed_kinds: tuple[str, ...] = ("html", "empty", "truncated", "wrong_shape")
        self.match: Match | None = None
        self.seed = seed
        self._random = random.Random(seed)
        self.configure(
            latency_ms=latency_ms,
            error_rate=error_rate,
            error_statuses=list(error_statuses),
            rate_limit_rate=rate_limit_rate,
            retry_after=retry_after,
            drop_rate=drop_rate,
            malformed_rate=malformed_rate,
            malformed_kinds=list(malformed_kinds),
            match=match,
        )

    # ----------------------------------------------------------------- configuration
    def configure(self, **settings: Any) -> None:
        """Update any of the constructor's settings (plus ``queue``: a list of tokens).

        Raises ``ValueError`` for an unknown name or a bad value; nothing changes then.
        """
        staged: dict[str, Any] = {}
        queued: list[Fault] = []
        for name, value in settings.items():
            if name in ("latency_ms", "retry_after", "seed"):
                staged[name] = _count(value, name)
            elif name in ("error_rate", "rate_limit_rate", "drop_rate", "malformed_rate"):
                staged[name] = _rate(value, name)
            elif name == "error_statuses":
                statuses = tuple(value) if isinstance(value, list | tuple) else ()
                if not statuses or not all(
                    isinstance(s, int) and not isinstance(s, bool) and 400 <= s <= 599
                    for s in statuses
                ):
                    raise ValueError("error_statuses must be a non-empty list of 4xx/5xx codes")
                staged[name] = statuses
            elif name == "malformed_kinds":
                kinds = tuple(value) if isinstance(value, list | tuple) else ()
                if not kinds or not all(kind in MALFORMED_KINDS for kind in kinds):
                    raise ValueError(f"malformed_kinds must be a list of {MALFORMED_KINDS}")
                staged[name] = kinds
            elif name == "match":
                if value is not None and not isinstance(value, str):
                    raise ValueError("match must be a string or null")
                staged[name] = Match.parse(value) if value else None
            elif name == "queue":
                if not isinstance(value, list | tuple) or not all(
                    isinstance(token, str) for token in value
                ):
                    raise ValueError("queue must be a list of fault tokens")
                queued.extend(Fault.parse(token) for token in value)
            else:
                raise ValueError(f"unknown fault setting {name!r}")
        with self._lock:
            for name, value in staged.items():
                setattr(self, name, value)
            if "seed" in staged:
                self._random = random.Random(self.seed)
            self._queue.extend(queued)

    def queue(self, *tokens: str, match: str | None = None) -> None:
        """Append one-shot faults, each applied to one later matching API request."""
        faults = [Fault.parse(token, match) for token in tokens]
        with self._lock:
            self._queue.extend(faults)

    def pending(self) -> list[str]:
        """The queued faults not used yet, as tokens."""
        with self._lock:
            return [str(fault) for fault in self._queue]

    def clear_queue(self) -> None:
        with self._lock:
            self._queue.clear()

    def reset(self) -> None:
        """No faults at all; the random generator restarts from ``seed``."""
        with self._lock:
            self._queue.clear()
            self.latency_ms = 0
            self.error_rate = 0.0
            self.error_statuses = (500, 502, 503)
            self.rate_limit_rate = 0.0
            self.retry_after = 1
            self.drop_rate = 0.0
            self.malformed_rate = 0.0
            self.malformed_kinds = ("html", "empty", "truncated", "wrong_shape")
            self.match = None
            self._random = random.Random(self.seed)

    def to_json(self) -> dict[str, Any]:
        with self._lock:
            return {
                "latency_ms": self.latency_ms,
                "error_rate": self.error_rate,
                "error_statuses": list(self.error_statuses),
                "rate_limit_rate": self.rate_limit_rate,
                "retry_after": self.retry_after,
                "drop_rate": self.drop_rate,
                "malformed_rate": self.malformed_rate,
                "malformed_kinds": list(self.malformed_kinds),
                "match": str(self.match) if self.match else None,
                "seed": self.seed,
                "queue": [str(fault) for fault in self._queue],
            }

    # ----------------------------------------------------------------- per request
    def decide(self, method: str, path: str) -> Decision:
        """Pick the fault for one API request (``path`` is below ``/superfone``)."""
        with self._lock:
            fault: Fault | None = None
            for queued in self._queue:
                if queued.match is None or queued.match.matches(method, path):
                    fault = queued
                    self._queue.remove(queued)
                    break
            in_scope = self.match is None or self.match.matches(method, path)
            latency = self.latency_ms if in_scope else 0
            if fault is None and in_scope:
                fault = self._draw()
            if fault is not None and fault.kind == "latency":
                return Decision(latency + fault.latency_ms, None)
            if fault is not None and fault.kind == "ok":
                fault = None
            return Decision(latency, fault)

    def _draw(self) -> Fault | None:
        rng = self._random
        if self.drop_rate and rng.random() < self.drop_rate:
            return Fault("drop")
        if self.error_rate and rng.random() < self.error_rate:
            return Fault("status", status=rng.choice(self.error_statuses))
        if self.rate_limit_rate and rng.random() < self.rate_limit_rate:
            return Fault("rate_limit", retry_after=self.retry_after)
        if self.malformed_rate and rng.random() < self.malformed_rate:
            kind = rng.choice(self.malformed_kinds)
            return Fault(kind, status=502 if kind == "html" else 200 if kind == "empty" else None)
        return None

