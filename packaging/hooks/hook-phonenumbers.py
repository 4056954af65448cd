"""Replaces the contributed phonenumbers hook: every metadata module phonenumbers loads by
name (``phonenumbers.data.region_IN`` ...), but not the geocoder, carrier and time-zone
data (about 45 MB) that the app never uses."""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = (
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
)

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(UNUSED))
