"""Writes the import samples in this folder the way the real tools write them.

Run it by hand after changing a sample (``python tests/data/import/make_samples.py``);
the files are checked in, so tests never need it (nor openpyxl). No real person's
data: names are common ones, phone numbers are in unused ranges of real formats
(98765 0xxxx), addresses and domains are made up (example.com/.in).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).parent


def write_csv(name: str, rows: list[list[str]], *, encoding: str, delimiter: str = ",",
              lineterminator: str = "\r\n", quoting: int = csv.QUOTE_MINIMAL) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator,
                        quoting=quoting)
    writer.writerows(rows)
    (HERE / name).write_bytes(buffer.getvalue().encode(encoding))


def hubspot() -> None:
    # HubSpot "Export contacts": UTF-8 without BOM, every cell quoted, CRLF.
    write_csv("hubspot_contacts.csv", [
        ["Record ID", "First Name", "Last Name", "Email", "Phone Number",
         "Mobile Phone Number", "Company Name", "City", "Lead Status", "Message"],
        ["1101", "Asha", "Verma", "asha.verma@example.com", "+91 22 4000 1234",
         "+91 98765 01001", "Verma Textiles", "Mumbai", "New Lead", ""],
        ["1102", "Rohan", "Mehta", "rohan@example.in", "", "098765 01002",
         "Mehta & Sons", "Pune", "qualified", "Wants a demo\non Monday, after 11"],
        [],
        ["1103", "Kiran", "Rao", "not-an-email", "", "98765 01003", "", "Hyderabad", "", ""],
        ["1104", "Asha", "V.", "asha.v@example.com", "", "+919876501001", "", "", "", ""],
        ["1105", "Meera", "Iyer", "meera@example.com", "", "98765 01005", "Iyer Foods",
         "Chennai", "Hot lead", ""],
    ], encoding="utf-8", quoting=csv.QUOTE_ALL)


def zoho() -> None:
    # Zoho CRM "Export leads": UTF-8 with a BOM, CRLF, Phone and Mobile both present.
    write_csv("zoho_leads.csv", [
        ["Lead Id", "First Name", "Last Name", "Company", "Email", "Phone", "Mobile",
         "Lead Source", "Lead Status", "City", "Description", "Tag"],
        ["zcrm_501", "Vikram", "Singh", "Singh Motors", "vikram@example.in",
         "011 4000 5678", "98765 02001", "Trade Show", "New Lead", "New Delhi",
         "Met at stall 12", "VIP"],
        ["zcrm_502", "Fatima", "Khan", "Khan Pharma", "fatima@example.com", "",
         "98765 02002", "Web Form", "Qualified", "Lucknow", "", "vip; Follow up"],
        ["zcrm_503", "Dev", "Patel", "", "", "98765 02003", "", "Cold Call", "", "Surat",
         "", ""],
    ], encoding="utf-8-sig")


def salesforce() -> None:
    # Salesforce "Export Details" of a leads report: UTF-8, quoted, a "Company / Account"
    # column, Street with a line break inside, the report's footer lines after a blank row.
    write_csv("salesforce_leads.csv", [
        ["First Name", "Last Name", "Title", "Company / Account", "Email", "Phone", "Mobile",
         "Lead Source", "Lead Status", "Street", "City", "Description"],
        ["Nikhil", "Bansal", "Owner", "Bansal Hardware", "nikhil@example.in", "",
         "+91 98765 11001", "Partner Referral", "Qualified", "Shop 3\nMain Bazaar",
         "Ludhiana", ""],
        ["Pooja", "Malhotra", "CEO", "Malhotra Exports", "pooja@example.com",
         "+91 161 400 1100", "", "Web", "New Lead", "", "Ludhiana", "Wants pricing"],
        [],
        ["Confidential Information - Do Not Distribute"],
        ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
    ], encoding="utf-8", quoting=csv.QUOTE_ALL)


def excel_unicode_text() -> None:
    # Excel "Unicode Text (*.txt)": UTF-16 LE with a BOM, tabs, CRLF; Hindi headers.
    write_csv("excel_unicode_text.txt", [
        ["नाम", "मोबाइल", "फ़ोन", "ईमेल", "शहर"],
        ["राहुल शर्मा", "98765 03001", "", "rahul@example.in", "जयपुर"],
        ["सुनीता देवी", "98765 03002", "0141 400 1234", "", "जयपुर"],
        ["", "", "", "", ""],
        ["अमित", "12345", "", "", "कोटा"],
    ], encoding="utf-16", delimiter="\t")


def windows_1252() -> None:
    # Excel "CSV (Comma delimited)" on an English Windows: Windows-1252, CRLF.
    write_csv("excel_windows1252.csv", [
        ["Customer Name", "Mobile No.", "Email ID", "Firm Name", "City", "Remarks"],
        ["Renée D’Souza", "9876504001", "renee@example.com", "Café Goa", "Panaji",
         "Needs quote – 50 units"],
        ["José Müller", "9876504002", "", "Müller Exports", "Mumbai", "=1+1"],
    ], encoding="cp1252")


def semicolon() -> None:
    # Excel in a locale whose decimal comma makes ";" the list separator.
    write_csv("excel_semicolon.csv", [
        ["Name", "Contact", "Deal Value", "Group"],
        ["Sanjay Gupta", "98765 05001", "2,5L", "Inbound"],
        ["Neha Joshi", "98765 05002", "1.5 crore", "inbound"],
    ], encoding="utf-8", delimiter=";")


def workbook() -> None:
    from openpyxl import Workbook  # only this script needs it

    book = Workbook()
    sheet = book.active
    sheet.title = "Leads"
    sheet.append(["Customer Name", "Mobile", "Phone", "City", "Website", "Deal Value"])
    sheet.append(["Arjun Nair", 9876506001, "", "Kochi", None, 250000])
    sheet.append(["Lakshmi Menon", 9876506002, "", None, None, "3 lakh"])
    sheet.append(["Joseph Thomas", "98765 06003", "", None,
                  '=HYPERLINK("https://thomas.example.in","thomas.example.in")', None])
    sheet.merge_cells("D2:D4")  # "Kochi" for all three, as people merge a city down
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Priya Pillai", "=\"98765\"&\"06005\"", "", "Thrissur", None, None])
    second = book.create_sheet("Expo Day 2")
    second.append(["Name", "Mobile No.", "Phone"])
    second.append(["Farhan Ali", 9876506101, 9876506102])
    path = HERE / "expo_leads.xlsx"
    book.save(path)
    _store_formula_results(path, {
        "D4": None,
        "E4": "thomas.example.in",
        "B6": "9876506005",
    })


def awkward_workbook() -> None:
    """Bad input people do make: a header merged across two columns, a row that runs on
    for 5,000 columns, a formula Excel never calculated (no saved value)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["Name", "Phone", None, "City"])
    sheet.merge_cells("B1:C1")
    sheet.append(["Ayesha Siddiqui", 9876510001, 9876510002, "Bhopal"])
    sheet.append(["Wide Row", 9876510003, None, "Indore", *(["x"] * 4996)])
    sheet.append(["Never Calculated", "=B2+2", None, "Ujjain"])
    book.save(HERE / "awkward.xlsx")


def _store_formula_results(path: Path, values: dict[str, str | None]) -> None:
    """Give formula cells the cached result Excel saves with them (openpyxl writes only
    the formula); readers must take these values and never evaluate the formula."""
    with zipfile.ZipFile(path) as source:
        items = {name: source.read(name) for name in source.namelist()}
    xml = items["xl/worksheets/sheet1.xml"].decode()
    for ref, value in values.items():
        if value is None:
            continue
        xml = re.sub(
            rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
            lambda m, r=ref, v=value: f'<c r="{r}" t="str"><f>{m.group(2)}</f><v>{v}</v></c>',
            xml,
        )
    items["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items.items():
            target.writestr(name, data)


def vcards() -> None:
    # Android "Export to .vcf": 2.1, QUOTED-PRINTABLE names with soft line breaks.
    (HERE / "android_contacts_21.vcf").write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E0=A4=B6=E0=A4=B0=E0=A5=8D=E0=A4=AE"
        b"=E0=A4=BE;=E0=A4=B0=E0=A4=BE=E0=A4=B9=E0=A5=81=E0=A4=B2;;;\r\n"
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E0=A4=B0=E0=A4=BE=E0=A4=B9=E0=A5=81="
        b"\r\n=E0=A4=B2=20=E0=A4=B6=E0=A4=B0=E0=A5=8D=E0=A4=AE=E0=A4=BE\r\n"
        b"TEL;HOME:0141 400 2001\r\nTEL;CELL;PREF:+91 98765 07001\r\n"
        b"EMAIL;HOME:rahul.s@example.in\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Kapoor;Neeraj;;;\r\nFN:Neeraj Kapoor\r\n"
        b"TEL;CELL:98765-07002\r\nORG:Kapoor Stores\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:;Plumber;;;\r\nFN:Plumber\r\n"
        b"TEL;WORK:1800\r\nEND:VCARD\r\n"
    )
    # iPhone / WhatsApp "Share contact": 3.0, grouped TEL with the WhatsApp id.
    (HERE / "whatsapp_contacts_30.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dsouza;Anita;;;\r\nFN:Anita Dsouza\r\n"
        "item1.TEL;waid=919876508001:+91 98765 08001\r\nitem1.X-ABLabel:Mobile\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n"
        "N:Reddy;Sai;;;\r\nFN:Sai Reddy\r\nORG:Reddy Builders;\r\n"
        "TEL;type=CELL;type=VOICE;type=pref:+91 98765 08002\r\n"
        "TEL;type=WORK;type=VOICE:040 4000 8003\r\n"
        "EMAIL;type=INTERNET;type=WORK:sai@example.in\r\n"
        "ADR;type=WORK:;;Plot 7, Hitech City;Hyderabad;Telangana;500081;India\r\n"
        "URL:https://reddybuilders.example.in\r\nEND:VCARD\r\n",
        encoding="utf-8", newline="",
    )
    # vCard 4.0 (Google Contacts, Thunderbird): tel URIs, TYPE lists.
    (HERE / "contacts_40.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Gita Bose\r\nN:Bose;Gita;;;\r\n"
        'TEL;VALUE=uri;TYPE="cell,voice":tel:+91-98765-09001\r\n'
        "EMAIL:gita@example.com\r\nNOTE:Met at the Kolkata expo\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Harish Kumar\r\nN:Kumar;Harish;;;\r\n"
        "TEL;VALUE=uri;TYPE=cell:tel:+91-98765-09002\r\nEND:VCARD\r\n",
        encoding="utf-8", newline="",
    )


if __name__ == "__main__":
    hubspot()
    zoho()
    salesforce()
    excel_unicode_text()
    windows_1252()
    semicolon()
    workbook()
    awkward_workbook()
    vcards()
