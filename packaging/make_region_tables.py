"""Writes the per-region tables the app reads at no cost; the results are checked in.

Usage: .venv/bin/python packaging/make_region_tables.py

- ``superfone_desk/core/_region_names_hi.py``: each region's name in Hindi, from CLDR
  through Babel (``babel.Locale("hi").territories``; Babel is a dev dependency only:
  the app ships the table, not Babel's 30 MB of locale data);
- ``superfone_desk/core/_phone_examples.py``: an example mobile number per region, as
  the phone field groups what is typed (phonenumbers' national format, without the
  trunk prefix where the country's own format leaves it out: India "81234 56789").

Both are plain dicts, so importing them costs nothing at start-up (phonenumbers'
metadata and geocoder data take a noticeable share of a second to load). Run it again
when phonenumbers or CLDR change; ``tests/unit/test_region_tables.py`` says when.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "superfone_desk" / "core"
#: The languages with a translation (ui.i18n.TRANSLATED) get a table of names.
LANGUAGES = ("hi",)


def region_names(language: str) -> dict[str, str]:
    import phonenumbers
    from babel import Locale

    territories = Locale.parse(language).territories
    return {code: territories[code] for code in sorted(phonenumbers.SUPPORTED_REGIONS)
            if code in territories}  # fmt: skip


def phone_example(region: str) -> str:
    """``region``'s example mobile as people type it there ("" when it has none)."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    number = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    if number is None:
        return ""
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    significant = phonenumbers.national_significant_number(number)
    prefix = metadata.national_prefix if metadata is not None else None
    chosen = None
    if metadata is not None:
        from phonenumbers.phonenumberutil import _choose_formatting_pattern_for_number

        chosen = _choose_formatting_pattern_for_number(metadata.number_format, significant)
    if prefix and chosen is not None and chosen.national_prefix_optional_when_formatting:
        # India: people write "81234 56789", not "081234 56789".
        stripped = national.removeprefix(prefix).lstrip()
        if "".join(c for c in stripped if c.isdigit()) == significant:
            return stripped
    return national


def phone_examples() -> dict[str, str]:
    import phonenumbers

    examples = {code: phone_example(code) for code in sorted(phonenumbers.SUPPORTED_REGIONS)}
    return {code: example for code, example in examples.items() if example}


def _table(doc: str, name: str, rows: dict[str, str]) -> str:
    lines = [f'"""{doc}"""', "", f"{name}: dict[str, str] = {{"]
    lines += [f"    {code!r}: {value!r},".replace("'", '"') for code, value in rows.items()]
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> int:
    for language in LANGUAGES:
        doc = (
            f"Region names in {language!r} (CLDR via Babel): written by "
            "packaging/make_region_tables.py,\nnot by hand. A region missing here is "
            "shown by its English name (``_region_names``).\n"
        )
        path = CORE / f"_region_names_{language}.py"
        path.write_text(_table(doc, f"REGION_NAMES_{language.upper()}",
                               region_names(language)), encoding="utf-8")  # fmt: skip
        print(path.relative_to(ROOT))
    doc = (
        "An example mobile number per region, as the phone field groups it (phonenumbers'\n"
        "national format, trunk prefix left out where optional): written by\n"
        "packaging/make_region_tables.py, not by hand.\n"
    )
    path = CORE / "_phone_examples.py"
    path.write_text(_table(doc, "PHONE_EXAMPLES", phone_examples()), encoding="utf-8")
    print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
