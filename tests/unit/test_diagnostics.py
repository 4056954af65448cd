"""Copy diagnostics: useful to support, and never a key, phone, e-mail, name or note.

A real log file full of customer data, in the shapes our code, httpx and tracebacks
write it, goes through the real report builder; then the report is searched for every
piece of that data (and for the phones as bare digits).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from superfone_desk import __version__
from superfone_desk.diagnostics import build_report, last_errors, redact

KEY = "sf_live_7fK2pQ9xLm4Vb8Rt1Zy6"
SECRETS = [
    KEY,
    "Anil",
    "Sharma",
    "Asha",
    "Kumar",
    "asha.kumar@example.com",
    "Wants a demo",
    "Monday",
    "Ravi",
    "Verma",
    "daughter",
    "wedding",
    "r.verma@mail.example.in",
    "आशा",
    "कुमार",
    "Priya",
    "Nair",
    "Koramangala",
    "Bengaluru",
    "Sharma Traders",
    "hunter2",
]
PHONES = ["9845000131", "919845000131", "8023456789", "4155550199", "9123456780", "7000012345"]


def write_log(path: Path) -> None:
    home = Path.home()
    lines = [
        "2026-11-29 10:00:00,001 INFO superfone_desk.app: lead for Priya Nair +91 70000 12345",
        "2026-11-29 10:00:01,002 ERROR superfone_desk.delivery: entry 12: field rejected: "
        "customer_phone '+91 98450 00131' already belongs to Anil Sharma",
        '2026-11-29 10:00:02,003 WARNING httpx: HTTP Request: GET '
        'https://api.superfone.example/v1/lead?phone=%2B919845000131 "HTTP/1.1 500 Internal"',
        "2026-11-29 10:00:03,004 ERROR superfone_desk.ui.saving: Could not save lead for "
        "Asha Kumar (asha.kumar@example.com), note: Wants a demo on Monday",
        f"2026-11-29 10:00:04,005 WARNING superfone_desk.api.client: AuthError: key {KEY} refused",
        "2026-11-29 10:00:05,006 ERROR superfone_desk.delivery: body "
        '{"first_name": "Ravi", "last_name": "Verma", "customer_note": '
        '"call after 5pm, daughter\'s wedding", "customer_email": "r.verma@mail.example.in", '
        '"city": "Bengaluru", "business_name": "Sharma Traders"}',
        "2026-11-29 10:00:06,007 WARNING superfone_desk.store: lead आशा कुमार saved as 919845000131",
        "2026-11-29 10:00:07,008 ERROR superfone_desk.delivery: Delivery stopped on an error",
        "Traceback (most recent call last):",
        f'  File "{home}/app/superfone_desk/delivery/engine.py", line 210, in run',
        "    raise NetworkError(phone)",
        "httpx.ConnectTimeout: timed out sending (080) 2345-6789 for Priya Nair",
        "2026-11-29 10:00:08,009 WARNING superfone_desk.lookup: Get Lead for +1 415.555.0199 "
        "and 91234 56780 failed: city=Koramangala name=Priya Nair x-api-key: hunter2",
        f"2026-11-29 10:00:09,010 ERROR superfone_desk.store: cannot write {home}/data/outbox.db",
        "2026-11-29 10:00:10,011 WARNING superfone_desk.delivery: Bearer sk_abc.def.ghi rejected",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def report(tmp_path: Path) -> str:
    log = tmp_path / "superfone-desk.log"
    write_log(log)
    return build_report(
        qt_version="6.8.1",
        keyring_backend="Secret Service",
        outbox_counts={"waiting": 3, "needs attention": 1, "sent": 120},
        log_file=log,
        api_key=KEY,
        now=datetime(2026, 11, 29, 10, 30, tzinfo=UTC),
    )


def test_the_report_holds_no_customer_data_and_no_key(report: str) -> None:
    lowered = report.lower()
    leaked = [s for s in SECRETS if s.lower() in lowered]
    assert leaked == [], report
    digits = re.sub(r"\D", "", report)
    assert [p for p in PHONES if p in digits] == [], report
    assert str(Path.home()) not in report
    assert "sk_abc" not in report


def test_the_report_still_says_what_support_needs(report: str) -> None:
    assert f"Superfone Desk {__version__}" in report
    assert "Qt: 6.8.1" in report
    assert "Keyring: Secret Service" in report
    assert "Outbox: waiting 3, needs attention 1, sent 120" in report
    assert "Python: " in report
    assert "OS: " in report
    assert "ERROR superfone_desk.delivery: entry 12: field rejected" in report
    assert "https://api.superfone.example/<path>" in report
    assert "httpx.ConnectTimeout" in report
    assert "AuthError" in report
    assert "INFO" not in report  # only warnings and errors
    # Ten records, one of them with its traceback's last line.
    assert "Last warnings and errors (11, customer data removed):" in report


def test_only_the_last_errors_are_kept_across_the_rotated_file(tmp_path: Path) -> None:
    log = tmp_path / "superfone-desk.log"
    older = log.with_name(log.name + ".1")
    older.write_text(
        "".join(f"2026-11-28 09:00:{i:02d},000 ERROR old: failure {i}\n" for i in range(30)),
        encoding="utf-8",
    )
    log.write_text("2026-11-29 09:00:00,000 WARNING new: the latest\n", encoding="utf-8")
    found = last_errors(log, limit=5)
    assert len(found) == 5
    assert found[-1].endswith("WARNING new: the latest")
    assert found[0].endswith("ERROR old: failure 26")


def test_no_log_yet_reports_none(tmp_path: Path) -> None:
    report = build_report(
        qt_version="6.8.1",
        keyring_backend="no keyring",
        outbox_counts={},
        log_file=tmp_path / "missing.log",
    )
    assert "Outbox: empty" in report
    assert report.rstrip().endswith("none")


def test_redact_keeps_plain_english_and_error_types() -> None:
    text = "Could not write the keyring (PermissionError); retrying in 4 s"
    assert redact(text) == text



def test_the_outbox_counts_go_in_as_the_outbox_gives_them(tmp_path: Path) -> None:
    from superfone_desk.store.outbox import Outbox

    with Outbox.open(tmp_path / "outbox.sqlite3") as outbox:
        counts = outbox.counts()
    report = build_report(
        qt_version="6.8.1", keyring_backend="no keyring", outbox_counts=counts, log_file=None
    )
    line = next(line for line in report.splitlines() if line.startswith("Outbox: "))
    assert line == "Outbox: " + ", ".join(f"{state.value} 0" for state in counts)


_SEPARATORS = st.sampled_from(["", " ", "-", ".", " - "])


@st.composite
def phones(draw: st.DrawFn) -> str:
    digits = draw(st.text("0123456789", min_size=10, max_size=12))
    cut = draw(st.integers(3, 7))
    plus = draw(st.sampled_from(["", "+", "+91 "]))
    return f"{plus}{digits[:cut]}{draw(_SEPARATORS)}{digits[cut:]}"


_KEYS = st.text(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", min_size=20, max_size=48
).filter(lambda k: any(c.isdigit() for c in k) and any(c.isalpha() for c in k))
_MESSAGES = st.sampled_from(
    [
        "Could not deliver {} to Superfone",
        "lookup for {} failed: 500",
        "field rejected: customer_phone {} already belongs to another lead",
        "payload={}",
        "got {} back",
    ]
)


@settings(max_examples=200, deadline=None)
@given(message=_MESSAGES, phone=phones(), email=st.emails(), key=_KEYS)
def test_any_phone_email_or_key_in_a_message_is_removed(
    message: str, phone: str, email: str, key: str
) -> None:
    for secret in (phone, email, key):
        redacted = redact(message.format(secret))
        assert secret not in redacted
    digits = "".join(c for c in phone if c.isdigit())
    assert digits[-7:] not in "".join(c for c in redact(message.format(phone)) if c.isdigit())
