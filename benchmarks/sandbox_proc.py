"""The sandbox as a benchmark server process: prints its base URL, serves until killed.

``python -m benchmarks.sandbox_proc --labels 10000 --latency-ms 20``: the account of key
``bench-key`` gets that many extra labels; every API request waits that long.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading

from benchmarks.common import KEY
from benchmarks.titles import label_titles
from superfone_desk.sandbox import FaultPlan, SandboxServer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--labels", type=int, default=0)
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--seed", default="demo")
    args = parser.parse_args()
    server = SandboxServer(
        api_keys=(KEY,), seed=args.seed, faults=FaultPlan(latency_ms=args.latency_ms)
    )
    account = server.account(KEY)
    for title in label_titles(args.labels):
        account.add_label(title)
    server.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Thread(target=_exit_with_parent, args=(stop,), daemon=True).start()
    print(server.base_url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        stop.wait()
    server.stop()
    return 0


def _exit_with_parent(stop: threading.Event) -> None:
    """Stop when the benchmark that started us is gone (it may have crashed)."""
    parent = os.getppid()
    while not stop.wait(0.5):
        if os.getppid() != parent:
            stop.set()


if __name__ == "__main__":
    sys.exit(main())
