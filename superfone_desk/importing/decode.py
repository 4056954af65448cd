"""Bytes → text for files written by Excel, phones and CRMs, whatever their encoding."""

from __future__ import annotations

import codecs

from superfone_desk.core.i18n import F_, N_
from superfone_desk.importing.table import ImportFileError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: What to call an encoding in a note to the user.
_NAMES = {
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf_8": "UTF-8",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "utf_16": "UTF-16",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
}


def decode(data: bytes) -> tuple[str, str]:
    """The text in ``data`` and the encoding's name for people.

    A byte-order mark decides (Excel's "Unicode text" is UTF-16 with one); NUL bytes
    mean UTF-16 without one; else valid UTF-8 is UTF-8 (nearly always right, and the
    fast path); else ``charset-normalizer`` guesses among legacy code pages (Excel's
    "CSV" on Windows is Windows-1252).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), _NAMES.get(encoding, encoding)
            except UnicodeDecodeError as exc:
                raise ImportFileError(F_(
                    "The file says it is {encoding} but is not: {reason}",
                    encoding=encoding, reason=str(exc),
                )) from None
    if b"\x00" in data[:4096]:
        # No text file holds NUL characters, though they are valid UTF-8: this is UTF-16
        # without a BOM, where every other byte of ASCII text is zero.
        even_zeros = data[0:4096:2].count(0)
        encoding = "utf-16-be" if even_zeros > data[1:4096:2].count(0) else "utf-16-le"
        try:
            return data.decode(encoding), "UTF-16"
        except UnicodeDecodeError:
            raise ImportFileError(
                N_("This looks like a binary file, not text. Choose a CSV, Excel or vCard file.")
            ) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    # Imported here: only files that are not UTF-8 need it.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ImportFileError(
            N_("Could not tell how this file's text is encoded. Save it from Excel as "
               '"CSV UTF-8" and try again.')
        )
    encoding = best.encoding
    # A short Western file often fits several single-byte code pages equally well;
    # Excel on Windows writes Windows-1252, so prefer it whenever it reads the bytes.
    if encoding != "cp1252" and _single_byte(encoding):
        try:
            return data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            pass
    return str(best), _NAMES.get(encoding, encoding)


def _single_byte(encoding: str) -> bool:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return False
    return info.name.startswith(("cp", "latin", "iso8859", "mac", "windows"))
