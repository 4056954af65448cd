"""A private X server for the start-up benchmark, and a watch for windows being mapped.

``x_server()`` starts Xvfb on a free display (Xvfb picks it: ``-displayfd``), with a window
manager when ``openbox`` is installed (so windows are framed and mapped the way a desktop
maps them), and stops both afterwards. ``MapWatch`` is a tiny X client (libX11 through
ctypes: no extra package) that listens on the root window for ``MapNotify``: the moment
the X server makes a top-level window viewable, which is when a user first sees it.
Linux only; everything here is skipped cleanly elsewhere.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# X11 constants (X.h).
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_MAP_NOTIFY = 19
_START_TIMEOUT_S = 15.0


class _XMapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class _XEvent(ctypes.Union):
    # XEvent is a union padded to 24 longs.
    _fields_ = [("type", ctypes.c_int), ("xmap", _XMapEvent), ("pad", ctypes.c_long * 24)]


def missing_tools() -> list[str]:
    """What this machine lacks for the X measurement (empty when it can run)."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if ctypes.util.find_library("X11") is None:
        missing.append("libX11")
    if not shared_clock():
        missing.append("a system-wide monotonic clock")
    return missing


def _libx11() -> ctypes.CDLL:
    lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    return lib


def clock() -> float:
    """``time.perf_counter()``: on Linux that is CLOCK_MONOTONIC, one clock for every
    process on the machine, so the watch's times compare with the launcher's."""
    return time.perf_counter()


def shared_clock() -> bool:
    """Whether ``clock()`` readings of two processes compare (``missing_tools`` checks)."""
    return "CLOCK_MONOTONIC" in time.get_clock_info("perf_counter").implementation


def cpu_ms(pid: int) -> float | None:
    """CPU time ``pid`` has used so far, all its threads, in ms (Linux schedstat), or None."""
    total_ns = 0
    try:
        for task in os.scandir(f"/proc/{pid}/task"):
            with open(f"{task.path}/schedstat") as schedstat:
                total_ns += int(schedstat.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return total_ns / 1e6


def watch_maps(display: str) -> None:
    """The watch process: print ``ready`` once listening, then one line per map:
    ``<window> <clock()> <CPU ms of the process being watched, or -1>``.

    A process of its own, killed before the X server stops: Xlib ends the whole process
    when its server goes away, and waiting in ``select`` costs the measured app no CPU.
    Which process to watch arrives as a pid line on stdin; its CPU time is read here, at
    the event, since the app keeps working after its window is mapped. Menus and
    tooltips (override-redirect windows) are left out: nobody waits for them.
    """
    x = _libx11()
    connection = x.XOpenDisplay(display.encode())
    if not connection:
        raise SystemExit(f"cannot open X display {display}")
    x.XSelectInput(connection, x.XDefaultRootWindow(connection), _SUBSTRUCTURE_NOTIFY_MASK)
    x.XSync(connection, 0)
    print("ready", flush=True)
    event = _XEvent()
    stdin = sys.stdin.fileno()
    pid: int | None = None
    while True:
        while x.XPending(connection):
            x.XNextEvent(connection, ctypes.byref(event))
            if event.type == _MAP_NOTIFY and not event.xmap.override_redirect:
                at = clock()
                cpu = cpu_ms(pid) if pid is not None else None
                print(f"{event.xmap.window} {at:.6f} {-1 if cpu is None else cpu:.3f}", flush=True)
        readable, _, _ = select.select([x.XConnectionNumber(connection), stdin], [], [])
        if stdin in readable:
            chunk = os.read(stdin, 4096).split()
            if not chunk:
                return
            pid = int(chunk[-1])


@dataclass
class Mapped:
    window: int
    at: float  # on ``clock()``
    #: CPU time the watched process had used when its window was mapped (None: unknown).
    cpu_ms: float | None


class MapWatch:
    """Reports each top-level window the X server maps, with the time it was mapped."""

    def __init__(self, display: str) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.x11", display],
            cwd=Path(__file__).resolve().parent.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        if self._proc.stdout.readline().strip() != "ready":
            self.close()
            raise RuntimeError(f"cannot watch X display {display}")
        self._mapped: list[Mapped] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, name="x11-map-watch", daemon=True).start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            window, at, cpu = (float(word) for word in line.split())
            with self._changed:
                self._mapped.append(Mapped(int(window), at, cpu if cpu >= 0 else None))
                self._changed.notify_all()

    def watch_cpu_of(self, pid: int) -> None:
        """Read ``pid``'s CPU time at the next maps (call right after starting it)."""
        assert self._proc.stdin is not None
        self._proc.stdin.write(f"{pid}\n")
        self._proc.stdin.flush()

    def mark(self) -> int:
        """A point in the stream of maps; ``wait_after`` sees only later ones."""
        with self._changed:
            return len(self._mapped)

    def wait_after(self, mark: int, timeout_s: float) -> Mapped | None:
        """The first top-level window mapped after ``mark``, or None after ``timeout_s``."""
        with self._changed:
            self._changed.wait_for(lambda: len(self._mapped) > mark, timeout_s)
            return self._mapped[mark] if len(self._mapped) > mark else None

    def close(self) -> None:
        self._proc.kill()
        self._proc.wait()


def _wait_for_window_manager(display: str) -> bool:
    """True once a window manager has announced itself on the root window.

    xdotool reads _NET_NUMBER_OF_DESKTOPS, which an EWMH window manager sets when ready
    (and fails before): no x11-utils needed.
    """
    deadline = time.monotonic() + _START_TIMEOUT_S
    while time.monotonic() < deadline:
        done = subprocess.run(
            ["xdotool", "get_num_desktops"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0 and done.stdout.strip().isdigit():
            return True
        time.sleep(0.05)
    return False


@dataclass
class XServer:
    display: str
    window_manager: str | None
    watch: MapWatch


@contextmanager
def x_server(width: int = 1366, height: int = 768) -> Iterator[XServer]:
    """Xvfb on a display it picks, with openbox if installed; both stopped afterwards."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    wm: subprocess.Popen[bytes] | None = None
    try:
        with os.fdopen(read_fd) as numbers:
            number = numbers.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        display = f":{number}"
        wm_name = None
        if shutil.which("openbox"):
            wm = subprocess.Popen(
                ["openbox", "--sm-disable"],
                env={**os.environ, "DISPLAY": display},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if _wait_for_window_manager(display):
                wm_name = "openbox"
        watch = MapWatch(display)
        try:
            yield XServer(display, wm_name, watch)
        finally:
            watch.close()
    finally:
        for proc in (wm, xvfb):
            if proc is not None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def visible_windows(display: str, pid: int) -> list[str]:
    """Ids of the viewable windows of process ``pid`` (xdotool, as a user-side check)."""
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.split()


if __name__ == "__main__":
    watch_maps(sys.argv[1])
