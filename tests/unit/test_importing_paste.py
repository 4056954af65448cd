"""Pasted text → lead fields, locally. One table of texts as people paste them."""

from __future__ import annotations

import pytest

from superfone_desk.importing.paste import PastedFields, split_pasted

CASES: list[tuple[str, str, PastedFields]] = [
    (
        "whatsapp message",
        "Hi, I am Rahul Sharma from Sharma Traders, Pune. Call me on 98765 43210 or "
        "+91-22-2345-6789. rahul@sharmatraders.example.in",
        PastedFields(
            phones=("+919876543210", "+912223456789"),
            emails=("rahul@sharmatraders.example.in",),
            name="Rahul Sharma",
            business="Sharma Traders",
            city="Pune",
        ),
    ),
    (
        "email signature",
        "Thanks & Regards,\nAnita Dsouza\nSales Manager\nBright Tiles Pvt Ltd\n"
        "Mob: +91 98123 45678 | Tel: 080 4123 4567\nanita.dsouza@brighttiles.example.in\n"
        "www.brighttiles.co.in\n12 MG Road, Bengaluru 560001",
        PastedFields(
            phones=("+919812345678", "+918041234567"),
            emails=("anita.dsouza@brighttiles.example.in",),
            name="Anita Dsouza",
            business="Bright Tiles Pvt Ltd",
            website="www.brighttiles.co.in",
            city="Bengaluru",
        ),
    ),
    (
        "copied chat with labelled lines",
        "[29/11/26, 10:15 am] Priya: Hello\n[29/11/26, 10:16 am] Priya: Name: Priya Nair\n"
        "Company - Nair Foods\nCity: Kochi\nWhatsApp 9447012345",
        PastedFields(
            phones=("+919447012345",), name="Priya Nair", business="Nair Foods", city="Kochi"
        ),
    ),
    (
        "visiting card",
        "KAPOOR STORES\nNeeraj Kapoor\nProprietor\nShop 4, Sadar Bazar, Agra - 282001\n"
        "98765 07002, 0562 400 1234",
        PastedFields(
            phones=("+919876507002", "+915624001234"),
            name="Neeraj Kapoor",
            business="KAPOOR STORES",
            city="Agra",
        ),
    ),
    (
        "hindi labels",
        "नाम: राहुल वर्मा\nमोबाइल: 98765 43210\nशहर: जयपुर",
        PastedFields(phones=("+919876543210",), name="राहुल वर्मा", city="जयपुर"),
    ),
    (
        "just a number",
        "098765 43210",
        PastedFields(phones=("+919876543210",)),
    ),
    (
        "website with a path, not an email's domain",
        "see https://acme.example.in/contact or mail sales@acme.example.in",
        PastedFields(emails=("sales@acme.example.in",), website="https://acme.example.in/contact"),
    ),
    (
        "greeting first, then the signature",
        "Hi Team,\nPlease call me back.\n\nThanks and regards\nSuresh Pillai\n+91 98470 12345",
        PastedFields(phones=("+919847012345",), name="Suresh Pillai"),
    ),
    (
        "nothing useful",
        "ok, will call tomorrow",
        PastedFields(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split_pasted(text: str, expected: PastedFields) -> None:
    assert split_pasted(text, "IN") == expected


def test_draft_values_fill_the_form() -> None:
    fields = split_pasted(CASES[1][1], "IN")
    assert fields.draft_values() == {
        "customer_phone": "+919812345678",
        "extra_phones": "+918041234567",
        "emails": "anita.dsouza@brighttiles.example.in",
        "first_name": "Anita",
        "last_name": "Dsouza",
        "business_name": "Bright Tiles Pvt Ltd",
        "website": "www.brighttiles.co.in",
        "city": "Bengaluru",
    }


def test_another_region_reads_local_numbers_there() -> None:
    assert split_pasted("call 020 7946 0018", "GB").phones == ("+442079460018",)
