"""``superfone-desk import`` end to end: a real process, the sandbox over loopback, the
checked-in samples, a fresh ``--data-dir`` and ``SUPERFONE_API_KEY``."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from superfone_desk.api.client import SuperfoneClient
from superfone_desk.api.models import Lead
from superfone_desk.sandbox import SandboxServer
from tests.integration.conftest import TEST_KEY

DATA = Path(__file__).parent.parent / "data" / "import"


class Importer:
    def __init__(self, sandbox: SandboxServer, folder: Path) -> None:
        self.sandbox = sandbox
        self.folder = folder
        self.data_dir = folder / "app"

    def __call__(
        self, *args: str, key: str | None = TEST_KEY
    ) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ)
        env.pop("SUPERFONE_API_KEY", None)
        if key is not None:
            env["SUPERFONE_API_KEY"] = key
        # A subprocess must never reach the developer's real keyring.
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        command = [
            sys.executable, "-m", "superfone_desk", "import", *args,
            "--data-dir", str(self.data_dir), "--base-url", self.sandbox.base_url,
        ]  # fmt: skip
        return subprocess.run(
            command, capture_output=True, text=True, timeout=120, env=env, cwd=self.folder
        )

    def lead(self, phone: str) -> Lead | None:
        with SuperfoneClient(TEST_KEY, self.sandbox.base_url) as client:
            return client.get_lead(phone)


@pytest.fixture
def run_import(sandbox: SandboxServer, tmp_path: Path) -> Importer:
    return Importer(sandbox, tmp_path)


def _errors(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_hubspot_export(run_import: Importer, tmp_path: Path) -> None:
    errors = tmp_path / "out" / "errors.csv"
    done = run_import(str(DATA / "hubspot_contacts.csv"), "--errors", str(errors))
    assert done.returncode == 1, done.stderr
    assert done.stdout == "2 created, 0 updated, 2 refused, 1 duplicates skipped\n"
    rows = _errors(errors)
    assert [r["Record ID"] for r in rows] == ["1103", "1104", "1105"]
    assert rows[0]["reason"].startswith("Row 5: Email:")
    assert rows[1]["reason"] == "Row 6: Same phone as row 2; only row 2 is imported"
    assert "“Hot lead” is not a stage" in rows[2]["reason"]
    assert rows[0]["Mobile Phone Number"] == "98765 01003"
    lead = run_import.lead("+919876501002")
    assert lead is not None
    assert lead.first_name == "Rohan"
    # The batch's record, for "Export refused rows" from the window later.
    assert len(list((run_import.data_dir / "data" / "imports").glob("*.json"))) == 1
    # Plain progress lines, no carriage returns, when stderr is no terminal.
    assert "\r" not in done.stderr
    assert "sending: 2/2" in done.stderr or "queueing: 2/2" in done.stderr


def test_importing_again_updates(run_import: Importer) -> None:
    sample = str(DATA / "zoho_leads.csv")
    first = run_import(sample)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "3 created, 0 updated, 0 refused, 0 duplicates skipped\n"
    again = run_import(sample)
    assert again.returncode == 0, again.stderr
    assert again.stdout == "0 created, 3 updated, 0 refused, 0 duplicates skipped\n"


@pytest.mark.parametrize(
    ("sample", "extra", "summary", "status", "phone"),
    [
        ("salesforce_leads.csv", (), "2 created, 0 updated, 0 refused", 0, "+919876511001"),
        ("excel_unicode_text.txt", (), "2 created, 0 updated, 1 refused", 1, "+919876503002"),
        ("excel_windows1252.csv", (), "2 created, 0 updated, 0 refused", 0, "+919876504001"),
        ("excel_semicolon.csv", (), "1 created, 0 updated, 1 refused", 1, "+919876505002"),
        ("expo_leads.xlsx", (), "4 created, 0 updated, 0 refused", 0, "+919876506005"),
        ("expo_leads.xlsx", ("--sheet", "Expo Day 2"), "1 created", 0, "+919876506101"),
        ("android_contacts_21.vcf", (), "2 created, 0 updated, 1 refused", 1, "+919876507001"),
        ("whatsapp_contacts_30.vcf", (), "2 created, 0 updated, 0 refused", 0, "+919876508001"),
        ("contacts_40.vcf", (), "2 created, 0 updated, 0 refused", 0, "+919876509002"),
    ],
)
def test_each_format(
    run_import: Importer,
    sample: str,
    extra: tuple[str, ...],
    summary: str,
    status: int,
    phone: str,
) -> None:
    done = run_import(str(DATA / sample), *extra)
    assert done.returncode == status, done.stderr
    assert done.stdout.startswith(summary)
    assert run_import.lead(phone) is not None


def test_vcard_leads_are_phone_contacts(run_import: Importer) -> None:
    done = run_import(str(DATA / "android_contacts_21.vcf"))
    assert done.returncode == 1, done.stderr
    lead = run_import.lead("+919876507001")
    assert lead is not None
    assert lead.first_name == "राहुल"


def test_dry_run_sends_nothing(run_import: Importer, tmp_path: Path) -> None:
    done = run_import(str(DATA / "hubspot_contacts.csv"), "--dry-run")
    assert done.returncode == 1, done.stderr
    assert done.stdout == (
        "Dry run, nothing sent: 0 to create, 0 to update, 2 to create or update, "
        "2 refused, 1 duplicates skipped\n"
    )
    assert run_import.lead("+919876501002") is None
    # Refused rows still go to an errors file, next to where the command ran.
    assert len(_errors(tmp_path / "hubspot_contacts-errors.csv")) == 3
    assert "Row 7: “Hot lead” is not a stage" in done.stderr


def test_dry_run_with_lookup_tells_create_from_update(run_import: Importer) -> None:
    assert run_import(str(DATA / "contacts_40.vcf")).returncode == 0
    done = run_import(str(DATA / "whatsapp_contacts_30.vcf"), "--dry-run", "--lookup")
    assert done.stdout.startswith("Dry run, nothing sent: 2 to create, 0 to update")
    done = run_import(str(DATA / "contacts_40.vcf"), "--dry-run", "--lookup")
    assert done.stdout.startswith("Dry run, nothing sent: 0 to create, 2 to update")


def test_preset_applies_to_every_row(run_import: Importer) -> None:
    config = run_import.data_dir / "config"
    config.mkdir(parents=True)
    preset = {"name": "Expo", "defaults": {"lead_stage": "Qualified", "source": "Expo 2026"}}
    (config / "settings.json").write_text(json.dumps({"presets": [preset]}), encoding="utf-8")
    done = run_import(str(DATA / "contacts_40.vcf"), "--preset", "expo")
    assert done.returncode == 0, done.stderr
    lead = run_import.lead("+919876509001")
    assert lead is not None
    assert lead.lead_stage is not None
    assert lead.lead_stage.title == "Qualified"
    assert lead.source == "Expo 2026"
    assert lead.source_type == "PHONE_CONTACT"  # a vCard's rows, when nothing says else


@pytest.mark.parametrize(
    ("args", "key", "message"),
    [
        (("missing.csv",), TEST_KEY, "There is no file 'missing.csv'"),
        ((str(DATA / "contacts_40.vcf"),), None, "No API key"),
        ((str(DATA / "contacts_40.vcf"), "--preset", "Nope"), TEST_KEY, "no preset 'Nope'"),
        ((str(DATA / "zoho_leads.csv"), "--sheet", "A"), TEST_KEY, "Only Excel workbooks"),
    ],
)
def test_usage_and_file_errors_exit_2(
    run_import: Importer, args: tuple[str, ...], key: str | None, message: str
) -> None:
    done = run_import(*args, key=key)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stdout == ""


def test_no_phone_column(run_import: Importer, tmp_path: Path) -> None:
    sheet = tmp_path / "names.csv"
    sheet.write_text("Name,City\nAsha,Pune\n", encoding="utf-8")
    done = run_import(str(sheet))
    assert done.returncode == 2
    assert "No column is used as the phone number" in done.stderr


def test_refused_key_keeps_the_rows_queued(run_import: Importer) -> None:
    done = run_import(str(DATA / "contacts_40.vcf"), key="wrong-key")
    assert done.returncode == 2
    assert "wait in the outbox" in done.stderr


def test_usage_error_from_argparse(run_import: Importer) -> None:
    done = run_import("--no-such-option")
    assert done.returncode == 2
    assert "usage: superfone-desk import" in done.stderr
