"""Checks and process settings done before Qt starts. Standard library only, no Qt.

- ``display_problem``: on Linux without a display Qt aborts with a message about
  ``libxcb-cursor0`` (it tried xcb and failed), which sends people hunting for a
  library that is installed. Say what is really missing instead, before
  ``QApplication`` is built.
- ``disable_core_dumps``: a core dump holds the process memory, the API key included,
  and lands in the working folder or a system crash collector readable by admins.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

log = logging.getLogger(__name__)

_X11_LIKE = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")


def prepare_process() -> str | None:
    """The first thing the app does: the no-display line to print and exit with, or
    None once core dumps are off and new files are private (``paths``)."""
    problem = display_problem()
    if problem is not None:
        return problem
    from superfone_desk.paths import restrict_new_files

    disable_core_dumps()
    restrict_new_files()
    return None


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """One line for people when there is no display to open a window on, else None.

    Only on X11/Wayland systems (Windows and macOS always have a display in a user
    session). An explicit ``QT_QPA_PLATFORM`` (offscreen, vnc, eglfs...) is trusted,
    except plain ``xcb``/``wayland`` without their display variable.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith(_X11_LIKE):
        return None
    qpa = environ.get("QT_QPA_PLATFORM", "").strip()
    has_x11 = bool(environ.get("DISPLAY", "").strip())
    has_wayland = bool(environ.get("WAYLAND_DISPLAY", "").strip())
    if qpa == "xcb" and not has_x11:
        return _no_display("DISPLAY is not set")
    if qpa == "wayland" and not has_wayland:
        return _no_display("WAYLAND_DISPLAY is not set")
    if qpa or has_x11 or has_wayland:
        return None
    return _no_display("DISPLAY is not set")


def _no_display(why: str) -> str:
    return f"No display found: Superfone Desk needs a desktop session ({why})."


def disable_core_dumps() -> bool:
    """Make this process produce no core dump; True if it worked (POSIX).

    ``RLIMIT_CORE`` 0 stops the kernel writing a core file; on Linux,
    ``PR_SET_DUMPABLE`` 0 also keeps crash collectors (systemd-coredump, apport, which
    ignore the rlimit when piped) and other processes of the same user (ptrace, reading
    /proc/<pid>/mem) out of the memory. Failures are logged, never raised: the app
    still starts.
    """
    if sys.platform == "win32":
        return False
    ok = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, OSError, ValueError) as exc:
        log.warning("Could not turn off core dumps (%s)", exc)
        ok = False
    if sys.platform.startswith("linux"):
        ok = _linux_not_dumpable() and ok
    return ok


_PR_SET_DUMPABLE = 4


def _linux_not_dumpable() -> bool:
    import ctypes

    try:
        # The process's own symbols include libc's; ctypes.util.find_library would run
        # ldconfig in a subprocess on the way to the window.
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    except (OSError, AttributeError) as exc:
        log.warning("Could not mark the process non-dumpable (%s)", exc)
        return False
    return True
