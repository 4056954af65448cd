"""A real X display for the real-window checks: Xvfb at a given size, with openbox.

The offscreen platform has no window manager and an endless screen, so a window taller
than the screen or a button pushed below its edge looks fine there. Under Xvfb with a
window manager the window is placed, framed and clipped as on a laptop.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class NoXServer(RuntimeError):
    """Xvfb is not installed: the checks cannot run on this machine."""


@dataclass(frozen=True)
class Display:
    name: str  # ":N"
    width: int
    height: int
    window_manager: bool


def xvfb_missing_reason() -> str | None:
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed (apt-get install xvfb); the real-window checks need it"
    return None


@contextmanager
def x_display(width: int, height: int, *, window_manager: bool = True) -> Iterator[Display]:
    """Starts Xvfb (and openbox) for the ``with`` block; stops both after it."""
    reason = xvfb_missing_reason()
    if reason:
        raise NoXServer(reason)
    if window_manager and shutil.which("openbox") is None:
        # Not a reason to skip: without a window manager the checks would pass for the
        # wrong reason (no frame, no placement), so the run must fail and say why.
        raise RuntimeError("openbox is not installed (apt-get install openbox)")
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it once it accepts clients,
    # so parallel runs never collide and nobody guesses when the server is up.
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    wm: subprocess.Popen[bytes] | None = None
    try:
        with os.fdopen(read_fd, "rb") as pipe:
            number = pipe.readline().strip().decode()
        if not number:
            raise RuntimeError(f"Xvfb did not start (exit code {xvfb.poll()})")
        name = f":{number}"
        if window_manager:
            env = {**os.environ, "DISPLAY": name}
            wm = subprocess.Popen(
                ["openbox", "--sm-disable"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        yield Display(name, width, height, window_manager)
    finally:
        for process in (wm, xvfb):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
