"""Split pasted text (a WhatsApp message, an email signature, a visiting card's text)
into lead fields: phones, emails, name, business, website, city. Locally: no network.

``split_pasted(text, region)`` finds phone numbers with ``phonenumbers``'s own matcher
(numbers inside running text, in any common format), addresses and web addresses by
pattern, labelled lines ("Mob: ...", "Company - ...", "शहर: ...") by the import's header
synonyms, and the rest by the shape of signatures and cards: a short line of words is a
name, a line with "Pvt Ltd" or "Traders" a business, a known city (or "City 411001")
the city. What it cannot place it leaves out; the form shows what went where.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from superfone_desk.importing.mapping import FULL_NAME, guess_field
from superfone_desk.importing.rows import split_name

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_WEBSITE = re.compile(
    r"(?<![@\w.])(?:https?://[^\s,;<>]+|www\.[^\s,;<>]+|"
    r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|in|co\.in|org|net|io|biz|info|shop|store"
    r"|co|app|tech|online|site)(?:/[^\s,;<>]*)?)(?![\w@])",
    re.IGNORECASE,
)
_LABELLED = re.compile(r"^\s*([^\W\d][^:=\-–|]{0,28}?)\s*[:=\-–|]\s*(.+?)\s*$")
# "[29/11/26, 10:15 am] Priya: " or "29/11/2026, 10:15 - Priya: " (a copied chat).
_WHATSAPP_PREFIX = re.compile(
    r"^\s*\[?\d{1,2}/\d{1,2}/\d{2,4},? [\d:]+\s*(?:[ap]\.?m\.?)?\]?\s*(?:-\s*)?"
    r"(?:[^:]{1,40}:\s)?",
    re.IGNORECASE,
)
# The lead-in in any case; the name itself capitalised ("from" ends it).
_INTRO = re.compile(
    r"\b(?i:i am|i'm|this is|my name is|name is|myself)\s+"
    r"((?:Mr\.?\s+|Ms\.?\s+|Dr\.?\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})"
)
_FROM = re.compile(r"\bfrom\s+((?:[A-Z0-9][\w&.'-]*)(?:\s+(?:[A-Z0-9&][\w&.'-]*)){0,4})")
_PIN_CITY = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*[-–,]?\s*\d{6}\b")


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BUSINESS_WORDS = _word_set(
    """pvt ltd limited llp inc llc corp corporation company co enterprises enterprise traders
    trading industries solutions technologies technology tech services agency associates
    stores store mart hospital clinic builders constructions exports imports infotech
    systems consultants consultancy studio foods textiles motors pharma labs group"""
)
_TITLE_WORDS = _word_set(
    """manager director ceo cto cfo founder cofounder co-founder proprietor owner partner
    head executive officer engineer consultant sales marketing president vp lead"""
)
# Greetings and sign-offs: lines that are neither a name nor a business.
_SIGN_OFFS = re.compile(
    r"^(?:(?:best |warm |kind )?regards|thanks|thank you|thanks (?:&|and) regards|cheers|"
    r"sincerely|yours (?:truly|sincerely)|sent from my .*|"
    r"(?:hi|hello|hey|dear|namaste|greetings|good (?:morning|afternoon|evening))\b.*)"
    r"[,.!]*$",
    re.IGNORECASE,
)
#: Cities a line may name without a label (the largest in India, where most Superfone
#: users are); others are found after "City:" or before a PIN code.
_CITIES = _word_set(
    """Mumbai Delhi Bengaluru Bangalore Hyderabad Ahmedabad Chennai Kolkata Pune Surat
    Jaipur Lucknow Kanpur Nagpur Indore Thane Bhopal Visakhapatnam Patna Vadodara
    Ghaziabad Ludhiana Agra Nashik Faridabad Meerut Rajkot Varanasi Srinagar Aurangabad
    Dhanbad Amritsar Allahabad Prayagraj Ranchi Howrah Coimbatore Jabalpur Gwalior
    Vijayawada Jodhpur Madurai Raipur Kota Guwahati Chandigarh Noida Gurgaon Gurugram
    Mysore Mysuru Kochi Cochin Thiruvananthapuram Trivandrum Dehradun Udaipur Goa Panaji
    Mangalore Mangaluru Bhubaneswar"""
) | {"New Delhi", "Navi Mumbai"}
_CITY_BY_KEY = {c.casefold(): c for c in _CITIES}


@dataclass(frozen=True, slots=True)
class PastedFields:
    """What ``split_pasted`` found. Phones are E.164; empty strings for nothing found."""

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    name: str = ""
    business: str = ""
    website: str = ""
    city: str = ""

    def draft_values(self) -> dict[str, str]:
        """``LeadDraft`` attribute → text, for what was found (to fill the form)."""
        first, last = split_name(self.name) if self.name else ("", "")
        values = {
            "customer_phone": self.phones[0] if self.phones else "",
            "extra_phones": "\n".join(self.phones[1:]),
            "emails": ", ".join(self.emails),
            "first_name": first,
            "last_name": last,
            "business_name": self.business,
            "website": self.website,
            "city": self.city,
        }
        return {k: v for k, v in values.items() if v}


def split_pasted(text: str, region: str) -> PastedFields:
    import phonenumbers

    text = unicodedata.normalize("NFKC", text)
    phones: list[str] = []
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if e164 not in phones:
            phones.append(e164)
    emails = list(dict.fromkeys(_EMAIL.findall(text)))
    without_emails = _EMAIL.sub(" ", text)
    websites = [w.rstrip(".") for w in _WEBSITE.findall(without_emails)]
    found: dict[str, str] = {}
    lines = [_WHATSAPP_PREFIX.sub("", line).strip(" \t•*~>") for line in text.splitlines()]
    free: list[str] = []
    for line in lines:
        if not line or _SIGN_OFFS.match(line):
            continue
        labelled = _LABELLED.match(line)
        field = guess_field(labelled.group(1)) if labelled else None
        if labelled and field is not None:
            value = labelled.group(2)
            key = {FULL_NAME: "name", "first_name": "name", "business_name": "business",
                   "city": "city", "website": "website"}.get(field)  # fmt: skip
            if key and key not in found:
                found[key] = value
            continue
        free.append(line)
    for line in free:
        _place_line(line, found)
    if "name" not in found and (intro := _INTRO.search(text)):
        found["name"] = intro.group(1)
    if "business" not in found and (company := _FROM.search(text)):
        found["business"] = company.group(1).rstrip(".,")
    if "city" not in found:
        found["city"] = _city_in(text)
    return PastedFields(
        phones=tuple(phones),
        emails=tuple(emails),
        name=" ".join(found.get("name", "").split()),
        business=found.get("business", "").strip(" ,."),
        website=found.get("website") or (websites[0] if websites else ""),
        city=found.get("city", ""),
    )


def _words(line: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w.&'-]*", line)


def _place_line(line: str, found: dict[str, str]) -> None:
    """Guess what a free line of a signature or card is (business, name), if anything."""
    if _EMAIL.search(line) or re.search(r"\d{4,}", line) or _WEBSITE.fullmatch(line):
        return
    words = _words(line)
    lowered = {w.casefold().strip(".&") for w in words}
    if lowered & _BUSINESS_WORDS:
        found.setdefault("business", line)
        return
    if not words or lowered & _TITLE_WORDS or len(words) > 4:
        return
    if line.casefold() in _CITY_BY_KEY:
        found.setdefault("city", _CITY_BY_KEY[line.casefold()])
        return
    # Letters only, one to four capitalised words: the way a name stands on a card.
    letters_only = len(" ".join(words)) >= len(line) - 3
    capitalised = all(w[:1].isupper() or not w[:1].isascii() for w in words)
    if letters_only and capitalised and "name" not in found:
        found["name"] = line


def _city_in(text: str) -> str:
    for match in _PIN_CITY.finditer(text):
        return match.group(1)
    for word_pair in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", text):
        candidate = word_pair.group(0)
        if candidate.casefold() in _CITY_BY_KEY:
            return _CITY_BY_KEY[candidate.casefold()]
        first = candidate.split(" ")[0]
        if first.casefold() in _CITY_BY_KEY:
            return _CITY_BY_KEY[first.casefold()]
    return ""
