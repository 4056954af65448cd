"""The sandbox CLI as a subprocess: base URL first, requests work, signals stop it cleanly."""

from __future__ import annotations

import selectors
import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

STARTUP_TIMEOUT = 15.0


def first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(STARTUP_TIMEOUT):
            process.kill()
            pytest.fail("the sandbox CLI printed nothing")
    return process.stdout.readline().strip()


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "superfone_desk.sandbox", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def cli() -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = spawn("--port", "0", "--api-key", "cli-key", "--api-key", "cli-key-2",
                    "--queue", "status:503@GET /enterprise/api/product")  # fmt: skip
    try:
        yield process, first_line(process)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def test_cli_serves_the_docs_example_and_stops_on_sigterm(
    cli: tuple[subprocess.Popen[str], str], example_upsert: dict[str, Any]
) -> None:
    process, base_url = cli
    assert base_url.startswith("http://127.0.0.1:")
    assert base_url.endswith("/superfone")
    with httpx.Client(base_url=base_url, headers={"x-api-key": "cli-key"}, verify=False) as http:
        response = http.post("/enterprise/api/lead", json=example_upsert)
        assert response.json() == {"data": None, "message": "success"}
        lead = http.get("/enterprise/api/lead", params={"phone": "+918000000002"}).json()
        assert lead["data"]["first_name"] == "Asha"
        assert http.get("/enterprise/api/product").status_code == 503  # --queue
        assert http.get("/enterprise/api/product").status_code == 200
        other = http.get("/enterprise/api/lead", params={"phone": "+918000000002"},
                         headers={"x-api-key": "cli-key-2"})  # fmt: skip
        assert other.status_code == 404
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0


def test_cli_stops_on_sigint(cli: tuple[subprocess.Popen[str], str]) -> None:
    process, base_url = cli
    with httpx.Client(verify=False) as http:
        assert http.get(base_url + "/enterprise/api/label").status_code == 401
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0


def test_cli_refuses_a_remote_host() -> None:
    process = spawn("--host", "0.0.0.0", "--port", "0")
    out, err = process.communicate(timeout=STARTUP_TIMEOUT)
    assert process.returncode == 2
    assert out == ""
    assert "non-loopback" in err
