"""The API's base URL: its default and the safety check, without importing httpx.

The UI needs both before (and without) any request: the settings default, the Settings
dialog's check of a typed address. ``import httpx`` costs a noticeable share of the app's
start-up (it pulls in rich, click and pygments when they are installed), so this module
uses only the standard library. ``api.client`` re-exports ``DEFAULT_BASE_URL`` and runs
``check_base_url`` in ``SuperfoneClient``'s constructor (then also parses the URL with
httpx), so the dialog accepts exactly the addresses the client accepts, give or take a
malformed address both parsers refuse for different reasons.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from superfone_desk.api.errors import InsecureURLError
from superfone_desk.translatable import F_, N_

__all__ = [
    "DEFAULT_BASE_URL", "check_base_url", "is_loopback", "invalid", "needs_https",
    "plain_http", "with_credentials",
]

DEFAULT_BASE_URL = "https://prod-api.superfone.co.in/superfone"

_LOOPBACK_NAMES = frozenset({"localhost"})
#: A host name (IDNA-encoded), an IPv4 or an IPv6 address.
_HOST = re.compile(r"[A-Za-z0-9._:-]+")
#: What httpx treats as an IPv4 literal (and then insists is a valid one).
_IPV4_STYLE = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$")


# The refusals (also raised by api.client), marked for translation; module-level
# templates, so a stored copy is recognised (core.i18n.recognise).
NOT_A_URL = N_("The server address is not a valid URL. It should look like {example}.")
NEEDS_HTTPS = N_("The server address must start with https:// and name a host, like {example}.")
WITH_CREDENTIALS = N_(
    "The server address must not contain a user name, a password, '?' or '#'."
)
PLAIN_HTTP = N_(
    "Refusing plain http:// to {host}: the API key would travel unencrypted. Use https://."
)


def invalid() -> InsecureURLError:
    return InsecureURLError(F_(NOT_A_URL, example=DEFAULT_BASE_URL))


def needs_https() -> InsecureURLError:
    return InsecureURLError(F_(NEEDS_HTTPS, example=DEFAULT_BASE_URL))


def with_credentials() -> InsecureURLError:
    return InsecureURLError(WITH_CREDENTIALS)


def plain_http(host: str) -> InsecureURLError:
    return InsecureURLError(F_(PLAIN_HTTP, host=host))


def is_loopback(host: str) -> bool:
    """Whether ``host`` (no brackets) is this machine: ``localhost`` or a loopback IP."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _ascii_host(host: str) -> str:
    """``host`` as it goes on the wire (IDNA for non-ASCII names), or InsecureURLError."""
    if host.isascii():
        return host
    import idna  # httpx's own IDNA codec (a dependency of httpx); only for such names

    try:
        return str(idna.encode(host).decode("ascii"))
    except (idna.IDNAError, UnicodeError) as exc:
        raise invalid() from exc


def check_base_url(base_url: str) -> str:
    """The base URL, trimmed and without a trailing slash, or ``InsecureURLError``.

    Accepted: ``https://`` to any host, and plain ``http://`` only to this machine
    (``localhost``, 127.0.0.0/8, ``[::1]``: the demo sandbox and tests), where the API key
    cannot travel over a network in clear. Refused: other schemes, no host, a user name or
    password, a query or a fragment.
    """
    if not isinstance(base_url, str):
        raise invalid()
    text = base_url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        _ = parts.port  # ValueError for a port that is not a number in range
    except ValueError as exc:
        raise invalid() from exc
    scheme = parts.scheme.lower()
    bracketed = "[" in parts.netloc
    if bracketed:
        try:
            ipaddress.IPv6Address(host)
        except ValueError as exc:
            raise invalid() from exc
    elif _IPV4_STYLE.match(host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError as exc:
            raise invalid() from exc
    if scheme not in ("http", "https") or not host or not _HOST.fullmatch(_ascii_host(host)):
        raise needs_https()
    if "@" in parts.netloc or parts.query or parts.fragment:
        raise with_credentials()
    if scheme == "http" and not is_loopback(host):
        raise plain_http(host)
    return text.rstrip("/")
