"""Help > Copy diagnostics: a text report for support that holds no customer data.

Plain Python, no Qt: the caller passes in what only the GUI knows (the Qt version,
the keyring's name, the outbox counts) and puts the text on the clipboard.

The report says what support needs (app, OS, Python, Qt, keyring backend, outbox
counts, the last warnings and errors from the log) and never a key, phone number,
e-mail address, name or note. Log messages are written by many hands (ours, httpx,
Qt), so every message goes through ``redact``, which removes by pattern:

- the values it is given (the current API key, the user's home folder);
- e-mail addresses; runs of 6+ digits (phones, with spaces, dashes, dots, brackets);
- long tokens mixing letters and digits (keys, salts, hashes);
- URL paths and queries (a phone in a lookup URL), keeping scheme and host;
- quoted text, and the value after ``name=``/``"note":``-style keys;
- words in a script other than Latin (Devanagari names), and Capitalised words that
  are not the first of a sentence nor known words of the app (names in free text).

It errs on the side of removing: a message may lose words support would have liked,
never keep one that identifies a customer. Lower-case names written into free text by
a third-party library are the one case the patterns cannot tell from English.
"""

from __future__ import annotations

import platform
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from superfone_desk import APP_NAME, __version__

#: Log lines look like "2026-11-29 20:15:14,123 WARNING name: message" (app.py).
_LOG_LINE = re.compile(
    r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:,\d+)? (?P<level>[A-Z]+) "
    r"(?P<logger>[\w.]+): (?P<message>.*)$"
)
#: The last line of a traceback: "httpx.ConnectTimeout: ...", "ValueError: ..."; a
#: module path or a typical exception suffix, so a bare word (a name) never passes.
_EXCEPTION_LINE = re.compile(
    r"^(?P<type>(?:[a-z_]\w*\.)+[A-Z]\w*|[A-Z]\w*(?:Error|Exception|Warning|Timeout|Exit|Interrupt))"
    r"(?P<rest>(?::.*)?)$"
)
_REPORTED_LEVELS = ("WARNING", "ERROR", "CRITICAL")
#: How much of the end of the log is read (the whole file can be megabytes).
_TAIL_BYTES = 512 * 1024

_SENSITIVE_KEYS = (
    r"(?:first_|last_|full_|business_|company_|customer_|display_|user)?name|"
    r"(?:customer_)?note|notes|(?:customer_)?e-?mail|(?:customer_|assignee_)?phone(?:_number)?|mobile|"
    r"city|address|company|business|comment|api[_-]?key|x-api-key|key|token|password|pin"
)
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"(?P<colon>\s*:)?')


def _quoted(match: re.Match[str]) -> str:
    # A JSON key is kept: it says which field, not what was in it. Its value is
    # hidden already (the key patterns run first for the fields that carry data).
    return match.group() if match["colon"] else "<text>"


_PATTERNS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # URLs: keep where it went, drop the path and query (phones travel in lookups).
    (re.compile(r"\b(https?://[^/\s'\"?#]+)[^\s'\"]*"), r"\1/<path>"),
    # key=value, key: value, "key": "value" for the keys that carry customer data.
    (
        re.compile(
            rf"""(?ix)(["']?\b(?:{_SENSITIVE_KEYS})\b["']?\s*[:=]\s*)
            (?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\[[^\]]*\]|[^,;)}}\s]+(?:\s+[^,;)}}\s=:]++(?![=:]))*)"""
        ),
        r"\1<hidden>",
    ),
    (re.compile(r"(?i)\bbearer\s+\S+"), "Bearer <key>"),
    (re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+"), "<email>"),
    # Quoted text is whatever the user typed, or the server said about it.
    (_DOUBLE_QUOTED, _quoted),
    (re.compile(r"(?<!\w)'(?:[^'\\]|\\.)*'(?!\w)|“[^”]*”|‘[^’]*’"), "<text>"),
    # Any other script: names and notes typed in Hindi, Tamil, ... (marks included).
    (re.compile(r"[^\x00-\x7f]+(?:\s+[^\x00-\x7f]+)*"), "<text>"),
    # Long tokens with digits: keys, hashes, salts, ids that could be keys.
    (
        re.compile(r"\b(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{16,}\b"),
        "<token>",
    ),
    # Phone-like: 6+ digits with the separators people type, optional + in front.
    (re.compile(r"(?<![\w.])\+?\(?\d(?:[\d\s().\-]{4,}\d)(?![\w.])"), "<number>"),
)
#: Capitalised words the app itself writes; any other Capitalised word mid-sentence
#: may be a name and is hidden.
_KNOWN_WORDS = frozenset(
    str.split(
        "Superfone Desk Qt PySide6 Python SQLite Secret Service Keychain Windows Linux macOS "
        "Credential Manager Get Lead Update Leads Outbox Settings Save New API HTTP HTTPS TLS "
        "SSL URL JSON UTF D-Bus Wayland X11 OS None True False Retry-After GUI Esc Ctrl Request "
        "Response Traceback"
    )
)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+\b")


def redact(text: str, known: Iterable[str] = ()) -> str:
    """``text`` with keys, phones, e-mails, names and notes replaced by placeholders."""
    for value in sorted((v for v in known if v), key=len, reverse=True):
        text = text.replace(value, "<hidden>")
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return _hide_names(text)



def _hide_names(text: str) -> str:
    def hide(match: re.Match[str]) -> str:
        word = match.group()
        i = match.start() - 1
        while i >= 0 and text[i].isspace():
            i -= 1
        sentence_start = i < 0 or text[i] in ".:;!?(<[{-"
        if sentence_start or word in _KNOWN_WORDS or not word[1:].islower():
            return word
        return "<name>"

    return _CAPITALISED.sub(hide, text)


def last_errors(log_file: Path, *, limit: int = 20, known: Iterable[str] = ()) -> list[str]:
    """The last ``limit`` warnings and errors in ``log_file``, redacted, oldest first.

    The last exception line of a traceback that follows an error is kept with it (its
    type says most); the frames are left out (they hold paths, not news).
    """
    known = tuple(known)
    lines: list[str] = []
    for path in (log_file.with_name(log_file.name + ".1"), log_file):
        lines.extend(_tail_lines(path))
    found: list[str] = []
    reporting = False
    for line in lines:
        parsed = _LOG_LINE.match(line)
        if parsed:
            reporting = parsed["level"] in _REPORTED_LEVELS
            if reporting:
                message = redact(parsed["message"], known)
                found.append(f"{parsed['time']} {parsed['level']} {parsed['logger']}: {message}")
            continue
        exception = _EXCEPTION_LINE.match(line)
        if reporting and exception:
            found.append(f"    {exception['type']}{redact(exception['rest'], known)}")
    return found[-limit:]


def _tail_lines(path: Path) -> list[str]:
    try:
        with path.open("rb") as f:
            size = f.seek(0, 2)
            f.seek(max(0, size - _TAIL_BYTES))
            data = f.read()
    except OSError:
        return []
    lines = data.decode("utf-8", errors="replace").splitlines()
    return lines[1:] if size > _TAIL_BYTES else lines  # the first may be cut mid-line


def build_report(
    *,
    qt_version: str,
    keyring_backend: str,
    outbox_counts: Mapping[str, int],
    log_file: Path | None,
    api_key: str | None = None,
    now: datetime | None = None,
) -> str:
    """The whole report as text. ``api_key`` is only used to make sure it is not in it."""
    home = str(Path.home())
    known = [api_key or "", home if len(home) > 1 else ""]
    when = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    frozen = "installed bundle" if getattr(sys, "frozen", False) else "Python package"
    counts = ", ".join(f"{state} {n}" for state, n in outbox_counts.items()) or "empty"
    lines = [
        f"{APP_NAME} diagnostics ({when})",
        f"App: {APP_NAME} {__version__} ({frozen})",
        f"OS: {_os_name()} ({platform.machine() or 'unknown machine'})",
        f"Python: {platform.python_version()} ({platform.python_implementation()})",
        f"Qt: {qt_version}",
        f"Keyring: {keyring_backend}",
        f"Outbox: {counts}",
    ]
    errors = last_errors(log_file, known=known) if log_file is not None else []
    lines.append(f"Last warnings and errors ({len(errors)}, customer data removed):")
    lines.extend(f"  {line}" for line in errors or ["none"])
    text = "\n".join(lines) + "\n"
    # Belt and braces: whatever was passed in, the key itself never leaves.
    return text.replace(api_key, "<hidden>") if api_key else text


def _os_name() -> str:
    if sys.platform.startswith("linux"):
        try:
            release = platform.freedesktop_os_release()
        except OSError:
            release = {}
        distro = release.get("PRETTY_NAME") or "Linux"
        return f"{distro}, kernel {platform.release()}"
    if sys.platform == "win32":
        return f"Windows {platform.release()} ({platform.version()})"
    if sys.platform == "darwin":
        return f"macOS {platform.mac_ver()[0]}"
    return f"{platform.system()} {platform.release()}"
