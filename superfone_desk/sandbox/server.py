"""The HTTP layer (stdlib ``http.server``) and :class:`SandboxServer`, the Python handle."""

from __future__ import annotations

import contextlib
import json
import selectors
import socket
import sys
import threading
import traceback
from collections import deque
from collections.abc import Iterable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, NamedTuple, Self
from urllib.parse import parse_qs, urlsplit

from superfone_desk.sandbox.accounts import Account, Clock, IdSource
from superfone_desk.sandbox.control import CONTROL_PREFIX, handle_control
from superfone_desk.sandbox.faults import Fault, FaultPlan, reason
from superfone_desk.sandbox.routing import (
    API_PREFIX,
    JSON_TYPE,
    Api,
    Request,
    Response,
    error,
    json_response,
)
from superfone_desk.sandbox.seeds import SEED_DEMO, SEEDS, make_account
from superfone_desk.sandbox.variants import Variants

REQUEST_LOG_SIZE = 10_000
FIRST_ORG_ID = 42
HTML_PAGE = (
    "<html>\r\n<head><title>{status} {phrase}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {phrase}</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
WRONG_SHAPE = {"data": "unexpected", "message": "success"}


class LoggedRequest(NamedTuple):
    """One served API request as the sandbox saw it, so tests can assert exactly what was
    sent. ``body`` is the parsed JSON, the text when it is not JSON, ``None`` when empty."""

    method: str
    path: str
    status: int
    body: Any


def _logged_body(raw: bytes) -> Any:
    if not raw.strip():
        return None
    text = raw.decode("utf-8", "replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


class _HTTPServer(ThreadingHTTPServer):
    """Tracks open connections so :meth:`SandboxServer.stop` can end keep-alive ones."""

    daemon_threads = True
    block_on_close = True  # server_close() joins the handler threads
    timeout = 0.5  # handle_request() never blocks longer, even if a ready client vanished

    def __init__(self, address: tuple[str, int], sandbox: SandboxServer, ipv6: bool) -> None:
        self.address_family = socket.AF_INET6 if ipv6 else socket.AF_INET
        self.sandbox = sandbox
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError):  # client went away, or stop() closed the socket
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HTTPServer
    server_version = "SuperfoneSandbox"
    sys_version = ""
    wbufsize = 64 * 1024  # headers and body leave in one segment (flushed per request)
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.sandbox.verbose:
            super().log_message(format, *args)

    def handle_expect_100(self) -> bool:
        """Send ``100 Continue`` at once (wfile is buffered), so curl does not stall."""
        result = super().handle_expect_100()
        self.wfile.flush()
        return result

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    # ----------------------------------------------------------------------------
    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        raw = self.headers.get("Content-Length")
        if raw is None:
            return b""
        try:
            length = int(raw)
        except ValueError:
            length = -1
        if length < 0:
            return None
        return self.rfile.read(length)

    def _read_chunked(self) -> bytes:
        parts: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline().strip():  # trailers
                    pass
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()

    def _send(self, response: Response, *, body: bytes | None = None) -> None:
        payload = response.body if body is None else body
        self.send_response(response.status)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        self.wfile.write(payload)

    def _dispatch(self) -> None:
        body = self._read_body()
        if body is None:
            self.close_connection = True
            self._send(error(400, "Bad Content-Length"))
            return
        url = urlsplit(self.path)
        path = url.path
        query = parse_qs(url.query, keep_blank_values=True)
        sandbox = self.server.sandbox
        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            below = path[len(CONTROL_PREFIX) :]
            self._send(handle_control(sandbox, self.command, below, query, body))
            return
        if path != API_PREFIX and not path.startswith(API_PREFIX + "/"):
            self._send(error(404, "Not found"))
            return
        api_path = path[len(API_PREFIX) :] or "/"
        headers = {name.lower(): value for name, value in self.headers.items()}
        request = Request(self.command, api_path, query, headers, body)
        status = self._serve_api(sandbox, request)
        sandbox._log(LoggedRequest(self.command, path, status, _logged_body(body)))

    def _serve_api(self, sandbox: SandboxServer, request: Request) -> int:
        """Answer one API request, faults included; the status sent (0 = none)."""
        decision = sandbox.faults.decide(request.method, request.path)
        if decision.latency_ms and sandbox._stopping.wait(decision.latency_ms / 1000):
            self.close_connection = True
            return 0
        fault = decision.fault
        if fault is not None and not fault.processes_request:
            return self._fault_only(sandbox, fault)
        response = sandbox._handle_api(request)
        if fault is None:
            self._send(response)
            return response.status
        return self._mangle(response, fault)

    def _fault_only(self, sandbox: SandboxServer, fault: Fault) -> int:
        if fault.kind == "drop":
            self.close_connection = True
            return 0
        if fault.kind == "rate_limit":
            retry = sandbox.faults.retry_after if fault.retry_after is None else fault.retry_after
            self._send(json_response(429, {"message": reason(429)}, [("Retry-After", str(retry))]))
            return 429
        status = fault.status or 500
        if fault.kind == "html":
            page = HTML_PAGE.format(status=status, phrase=reason(status).title())
            self._send(Response(status, page.encode(), [("Content-Type", "text/html")]))
            return status
        self._send(error(status, reason(status)))
        return status

    def _trickle(self, response: Response, interval: float) -> None:
        """Headers at once, then one byte of the body every ``interval`` seconds."""
        self.close_connection = True
        self._send(response, body=b"")
        stopping = self.server.sandbox._stopping
        for index in range(len(response.body)):
            self.wfile.flush()
            if stopping.wait(interval):
                return
            self.wfile.write(response.body[index : index + 1])

    def _mangle(self, response: Response, fault: Fault) -> int:
        if fault.kind == "drop_after_apply":
            self.close_connection = True
            return 0
        if fault.kind == "empty":
            status = fault.status or 200
            self._send(Response(status, b"", [("Content-Type", JSON_TYPE)]))
            return status
        if fault.kind == "truncated":
            half = response.body[: max(1, len(response.body) // 2)]
            self._send(Response(response.status, half, response.headers))
            return response.status
        if fault.kind == "trickle":
            self._trickle(response, fault.latency_ms / 1000)
            return response.status
        if fault.kind == "cut":
            self.close_connection = True
            self._send(response, body=response.body[: len(response.body) // 2])
            return response.status
        # wrong_shape
        self._send(json_response(200, WRONG_SHAPE))
        return 200


class SandboxServer:
    """A local stand-in for the Superfone API, serving on loopback in a daemon thread.

    >>> with SandboxServer(api_keys=["k"]) as sandbox:  # doctest: +SKIP
    ...     httpx.get(sandbox.base_url + "/enterprise/api/label", headers={"x-api-key": "k"})
    """

    def __init__(
        self,
        api_keys: Sequence[str] = ("sandbox-key",),
        seed: str = SEED_DEMO,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: FaultPlan | None = None,
        *,
        clock: Clock | None = None,
        verbose: bool = False,
        variants: Iterable[str] = (),
        duplicates: Iterable[str] = (),
        shared_primaries: Iterable[str] = (),
    ) -> None:
        """``variants``: see ``sandbox.variants``. ``duplicates`` ("stage:Won",
        "group:Inbound", "label:Hot") and ``shared_primaries`` (phones) are set up in
        every account, again after each ``reset()``; ``setup()`` adds more later."""
        if isinstance(api_keys, str):
            raise TypeError("api_keys must be a sequence of keys, not one string")
        keys = list(dict.fromkeys(api_keys))
        if not keys or not all(isinstance(key, str) and key for key in keys):
            raise ValueError("at least one non-empty API key is required")
        if seed not in SEEDS:
            raise ValueError(f"unknown seed {seed!r}; choose from {', '.join(SEEDS)}")
        self.api_keys: tuple[str, ...] = tuple(keys)
        self.seed = seed
        self.host = host
        self.verbose = verbose
        self.faults = faults if faults is not None else FaultPlan()
        self.variants = Variants(variants)
        self._duplicates = tuple(_duplicate_spec(spec) for spec in duplicates)
        self._shared_primaries = tuple(shared_primaries)
        self._requested_port = port
        self._clock = clock
        self._state_lock = threading.Lock()
        self._accounts = self._make_accounts()
        self._api = Api(self._account_or_none, self.variants)
        self._log_entries: deque[LoggedRequest] = deque(maxlen=REQUEST_LOG_SIZE)
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._wake_r: socket.socket
        self._wake_w: socket.socket

    def _make_accounts(self) -> dict[str, Account]:
        ids = IdSource()
        accounts = {
            key: make_account(self.seed, FIRST_ORG_ID + index, ids, self._clock)
            for index, key in enumerate(self.api_keys)
        }
        for account in accounts.values():
            _set_up(account, self._duplicates, self._shared_primaries)
        return accounts

    def setup(
        self,
        *,
        duplicates: Iterable[str] = (),
        shared_primaries: Iterable[str] = (),
        api_key: str | None = None,
    ) -> None:
        """Provoke the documented errors by hand: duplicate stage/group/label names
        ("stage:Won"), primary phones shared by two leads; in ``api_key``'s account or
        all of them. ``ValueError`` for a bad spec, ``KeyError`` for an unknown key."""
        specs = tuple(_duplicate_spec(spec) for spec in duplicates)
        phones = tuple(shared_primaries)
        with self._state_lock:
            accounts = [self._accounts[api_key]] if api_key else list(self._accounts.values())
        for account in accounts:
            _set_up(account, specs, phones)

    # ------------------------------------------------------------------- lifecycle
    def start(self) -> Self:
        """Bind and serve in a daemon thread; returns ``self``."""
        if self._httpd is not None:
            raise RuntimeError("sandbox already started")
        self._stopping.clear()
        httpd = _HTTPServer((self.host, self._requested_port), self, ipv6=":" in self.host)
        self._httpd = httpd
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread = threading.Thread(
            target=self._serve, args=(httpd, self._wake_r), name="sandbox-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, end open connections, close the socket and join the threads."""
        httpd, thread = self._httpd, self._thread
        if httpd is None or thread is None:
            return
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        thread.join()
        httpd.close_open_connections()
        httpd.server_close()  # joins the handler threads
        self._wake_r.close()
        self._wake_w.close()
        self._httpd = None
        self._thread = None

    def _serve(self, httpd: _HTTPServer, wake: socket.socket) -> None:
        """Accept loop; returns as soon as :meth:`stop` writes to the wake-up socket."""
        with selectors.DefaultSelector() as selector:
            selector.register(httpd, selectors.EVENT_READ)
            selector.register(wake, selectors.EVENT_READ)
            while not self._stopping.is_set():
                for key, _ in selector.select():
                    if key.fileobj is httpd and not self._stopping.is_set():
                        httpd.handle_request()

    def __enter__(self) -> Self:
        return self.start() if self._httpd is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("sandbox not started")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` (the control endpoint lives at ``url + "/__sandbox__"``)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The API base URL, e.g. ``http://127.0.0.1:54321/superfone``."""
        return self.url + API_PREFIX

    # ------------------------------------------------------------------- state
    def account(self, api_key: str) -> Account:
        """The live account behind ``api_key`` (``KeyError`` if unknown)."""
        with self._state_lock:
            return self._accounts[api_key]

    def _account_or_none(self, api_key: str) -> Account | None:
        with self._state_lock:
            return self._accounts.get(api_key)

    def snapshot(self, api_key: str) -> dict[str, Any]:
        return self.account(api_key).snapshot()

    def reset(self) -> None:
        """Re-seed every account (ids restart), clear the faults and the request log."""
        accounts = self._make_accounts()
        with self._state_lock:
            self._accounts = accounts
            self._log_entries.clear()
        self.faults.reset()
        self.variants.reset()

    @property
    def request_log(self) -> list[tuple[str, str, int]]:
        """``(method, path, status)`` of served API requests, oldest first; status 0 means
        the connection was closed without an answer. Keeps the last 10,000."""
        with self._state_lock:
            return [(m, p, s) for m, p, s, _ in self._log_entries]

    @property
    def requests(self) -> list[LoggedRequest]:
        """The request log with each request's body (see :class:`LoggedRequest`)."""
        with self._state_lock:
            return list(self._log_entries)

    def clear_request_log(self) -> None:
        with self._state_lock:
            self._log_entries.clear()

    def _log(self, entry: LoggedRequest) -> None:
        with self._state_lock:
            self._log_entries.append(entry)

    def _handle_api(self, request: Request) -> Response:
        try:
            return self._api.handle(request)
        except Exception:  # a sandbox bug: answer like a broken server, and say so
            traceback.print_exc()
            return error(500, reason(500))


def _duplicate_spec(spec: str) -> tuple[str, str]:
    kind, sep, title = spec.partition(":")
    if not sep or kind not in ("stage", "group", "label") or not title:
        raise ValueError(f"a duplicate is stage:TITLE, group:TITLE or label:TITLE, not {spec!r}")
    return kind, title


def _set_up(account: Account, duplicates: Iterable[tuple[str, str]], phones: Iterable[str]) -> None:
    for kind, title in duplicates:
        account.duplicate(kind, title)
    for phone in phones:
        account.share_primary(phone)
