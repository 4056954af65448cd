"""vCard files (2.1, 3.0, 4.0), one or many contacts each, through ``vobject``.

Phones export 2.1 with QUOTED-PRINTABLE names (Hindi names are all ``=E0=A4..``),
WhatsApp shares 3.0 cards whose numbers carry a ``waid`` (the WhatsApp number, digits
only). Each contact becomes one row under fixed headers, so the mapping is automatic and
the errors file has readable columns.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from superfone_desk.core.i18n import F_, N_
from superfone_desk.importing.decode import decode
from superfone_desk.importing.table import Cancel, ImportFileError, Progress, Table, build_rows

HEADERS: tuple[str, ...] = (
    "Name",
    "First name",
    "Last name",
    "Phone",
    "Other phones",
    "Email",
    "Company",
    "Website",
    "Address",
    "City",
    "Note",
)

_QP_PROPERTY = re.compile(r"^[^:]*ENCODING=QUOTED-PRINTABLE[^:]*:", re.IGNORECASE)


def join_soft_line_breaks(text: str) -> str:
    """Undo quoted-printable soft line breaks (a line ending in "=" goes on below).

    WORKAROUND: vobject unfolds vCard 3.0/4.0 folded lines (a continuation starts with a
    space) but not 2.1's QUOTED-PRINTABLE soft breaks, and then fails on the continuation
    line, losing the end of long (e.g. Devanagari) names. Android and older phones write
    them for every name longer than ~25 bytes.
    """
    out: list[str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _QP_PROPERTY.match(line):
            while line.endswith("=") and index < len(lines):
                line = line[:-1] + lines[index]
                index += 1
        out.append(line)
    return "\r\n".join(out) + "\r\n"


def read_vcard(
    data: bytes, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> Table:
    import vobject

    text, _encoding = decode(data)
    if "BEGIN:VCARD" not in text.upper():
        raise ImportFileError(N_("This file has no contact cards (no BEGIN:VCARD)."))
    text = join_soft_line_breaks(text.removeprefix("\ufeff"))
    skipped = _Collect()
    logger = logging.getLogger("vobject")
    logger.addHandler(skipped)
    propagate, logger.propagate = logger.propagate, False
    try:
        cards = list(_cards(vobject.readComponents(text, ignoreUnreadable=True)))
    except Exception as exc:  # vobject's ParseError and friends
        raise ImportFileError(
            F_("Could not read the contact cards: {reason}", reason=str(exc))
        ) from None
    finally:
        logger.removeHandler(skipped)
        logger.propagate = propagate
    if not cards:
        raise ImportFileError(N_("No contact cards could be read from this file."))
    numbered = ((number, _row(card)) for number, card in enumerate(cards, start=1))
    rows = build_rows(numbered, len(HEADERS), progress=progress, cancel=cancel)
    notes = [f"Read {len(cards)} contact card{'s' if len(cards) != 1 else ''}"]
    notes += [f"Skipped an unreadable line: {message}" for message in skipped.messages[:5]]
    return Table(HEADERS, rows, "vcard", tuple(notes))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _cards(components: Iterator[Any]) -> Iterator[Any]:
    for component in components:
        if component.name.upper() == "VCARD":
            yield component


def _values(card: Any, name: str) -> list[Any]:
    return [line for line in card.getChildren() if line.name.upper() == name]


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value if str(v).strip())
    return str(value).strip()


def _types(line: Any) -> set[str]:
    """A property's types, however the version writes them (2.1 ``TEL;CELL``, 3.0
    ``TYPE=cell``, 4.0 ``TYPE="cell,voice"``), upper-case."""
    found = {str(p).upper() for p in getattr(line, "singletonparams", [])}
    for value in line.params.get("TYPE", []):
        found.update(part.strip().upper() for part in str(value).split(","))
    return found


def _phones(card: Any) -> list[str]:
    scored: list[tuple[int, int, str]] = []
    for position, line in enumerate(_values(card, "TEL")):
        number = _text(line.value)
        if number.lower().startswith("tel:"):  # 4.0 may write a URI
            number = number[4:]
        waid = line.params.get("WAID", [""])[0]
        if waid and "+" not in number:
            number = f"+{waid}"
        types = _types(line)
        rank = 0 if waid else 1 if "CELL" in types else 2 if "PREF" in types else 3
        scored.append((rank, position, number))
    return [number for _rank, _position, number in sorted(scored) if number]


def _row(card: Any) -> list[str]:
    first = last = ""
    names = _values(card, "N")
    if names:
        name = names[0].value
        first = _text(getattr(name, "given", "")) + (
            " " + _text(name.additional) if _text(getattr(name, "additional", "")) else ""
        )
        last = _text(getattr(name, "family", ""))
    full = " ".join(_text(line.value) for line in _values(card, "FN")[:1])
    phones = _phones(card)
    emails = [_text(line.value) for line in _values(card, "EMAIL")]
    orgs = [_text(line.value) for line in _values(card, "ORG")]
    urls = [_text(line.value) for line in _values(card, "URL")]
    address = city = ""
    addresses = _values(card, "ADR")
    if addresses:
        adr = addresses[0].value
        city = _text(getattr(adr, "city", ""))
        parts = (getattr(adr, "street", ""), getattr(adr, "region", ""), getattr(adr, "code", ""))
        address = ", ".join(p for p in (_text(part) for part in parts) if p)
    notes = [_text(line.value) for line in _values(card, "NOTE")]
    return [
        full,
        first.strip(),
        last,
        phones[0] if phones else "",
        ", ".join(phones[1:]),
        ", ".join(e for e in emails if e),
        orgs[0] if orgs else "",
        urls[0] if urls else "",
        address,
        city,
        "\n".join(n for n in notes if n),
    ]
