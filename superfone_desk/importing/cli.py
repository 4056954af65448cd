"""``superfone-desk import FILE``: import leads from a file without the window.

Exit status: 0 every valid row was accepted by Superfone (or, with ``--dry-run``, no row
would be refused), 1 some rows were refused (each is in the errors file with its reason),
2 a usage or file error, or delivery could not finish (the key was refused, the server
could not be reached before Ctrl+C): the rows stay in the outbox and the app sends them.

Only the standard library is imported at module level: ``superfone-desk --help`` builds
this parser too, and must stay fast.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from superfone_desk.delivery.senders import DEFAULT_SENDERS

if TYPE_CHECKING:
    from superfone_desk.importing.batch import BatchResults
    from superfone_desk.importing.plan import ImportPlan
    from superfone_desk.importing.progress import ProgressReport
    from superfone_desk.importing.rows import CatalogTitles, RowDefaults
    from superfone_desk.paths import AppPaths
    from superfone_desk.settings import Settings

#: Phones sent at once (the Deliverer's ``senders``): the app's default (issue #15: 4).
SENDERS = DEFAULT_SENDERS
MAPPINGS_FILE = "import-mappings.json"
_SHOWN_REASONS = 10


class UsageError(Exception):
    """Exit 2 with this message."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=".csv, .tsv, .xlsx, .xls, .vcf")
    parser.add_argument(
        "--dry-run", action="store_true", help="check every row and show what would happen; "
        "send nothing"
    )
    parser.add_argument(
        "--errors", type=Path, metavar="OUT.csv",
        help="write the rows not imported, with a reason column (default: FILE-errors.csv "
        "in the current folder, when there are any)",
    )
    parser.add_argument("--preset", metavar="NAME", help="apply one of the app's presets")
    parser.add_argument("--sheet", metavar="NAME", help="the workbook's sheet (default: first)")
    parser.add_argument(
        "--lookup", action="store_true",
        help="look each phone up first, to tell new leads from updates (slow: 5 a second)",
    )
    parser.add_argument("--base-url", metavar="URL", help="Superfone API base URL")
    parser.add_argument(
        "--data-dir", metavar="DIR", type=Path,
        help="the app's data folder (as given to the app's --data-dir)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="superfone-desk import",
        description="Import leads from a CSV, Excel or vCard file into Superfone. The API "
        "key comes from SUPERFONE_API_KEY or the one saved in the app.",
    )
    add_arguments(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    _ensure_console()
    args = build_parser().parse_args(argv)
    return run(args, sys.stderr, sys.stdout)


def _ensure_console() -> None:
    """Give the command somewhere to write when it has no stdout/stderr.

    ``superfone-desk`` is a GUI script: on Windows it runs without a console, so
    ``sys.stdout`` and ``sys.stderr`` are None. Started from a terminal, attach to that
    terminal's console; otherwise there is nobody to read it, and output goes nowhere
    (the exit status and the errors file still tell).
    """
    if sys.stdout is not None and sys.stderr is not None:
        return
    if sys.platform == "win32":
        import ctypes

        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - only on Windows
        if kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            console = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
            sys.stdout = sys.stdout or console
            sys.stderr = sys.stderr or console
            return
    import os

    nowhere = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run
    sys.stdout = sys.stdout or nowhere
    sys.stderr = sys.stderr or nowhere


def run(args: argparse.Namespace, err: TextIO, out: TextIO) -> int:
    from superfone_desk.importing.progress import ProgressReport
    from superfone_desk.importing.table import ImportCancelled, ImportFileError

    report = ProgressReport(err)
    try:
        return _run(args, report, out)
    except (ImportFileError, UsageError) as exc:
        report.say(f"error: {exc}")
        return 2
    except (ImportCancelled, KeyboardInterrupt):
        report.say("Stopped before anything was queued.")
        return 2


def _run(args: argparse.Namespace, report: ProgressReport, out: TextIO) -> int:
    from superfone_desk.importing.files import read_table
    from superfone_desk.importing.mapping import TARGETS, MappingStore, guess_mapping
    from superfone_desk.importing.plan import Outcome, plan_import
    from superfone_desk.paths import AppPaths
    from superfone_desk.settings import SettingsStore

    paths = AppPaths.under(args.data_dir) if args.data_dir else AppPaths.default()
    settings = SettingsStore(paths.config_dir).load()
    defaults = _preset_defaults(settings, args.preset)
    region = _region(settings)
    base_url = args.base_url or settings.base_url

    table = read_table(
        args.file, sheet=args.sheet, progress=lambda d, t: report.update("reading", d, t)
    )
    report.finish()
    for note in table.notes[:8]:
        report.say(note)
    mapping = MappingStore(paths.config_dir / MAPPINGS_FILE).load(table.headers)
    mapping = mapping or guess_mapping(table.headers)
    used = [
        f"{h} → {TARGETS[f]}" for h, f in zip(mapping.headers, mapping.fields, strict=True) if f
    ]
    report.say("Columns: " + ("; ".join(used) or "none"))
    if mapping.ignored:
        report.say("Not imported: " + ", ".join(mapping.ignored))
    if table.kind == "vcard" and not defaults.source_type:
        defaults = _with_source_type(defaults, "PHONE_CONTACT")
    elif not defaults.source_type:
        defaults = _with_source_type(defaults, "CSV_UPLOAD")

    key = _api_key()
    if key is None and not args.dry_run:
        raise UsageError(
            "No API key: set SUPERFONE_API_KEY, or save the key in the app's settings."
        )
    client = _client(key, base_url) if key else None
    try:
        catalogs = _catalogs(client, report)
        plan = plan_import(
            table,
            mapping,
            region=region,
            catalogs=catalogs,
            defaults=defaults,
            lookup=client.get_lead if client is not None and args.lookup else None,
            progress=lambda d, t: report.update("checking", d, t),
        )
        report.finish()
        _show_plan(plan, report)
        if args.dry_run:
            _write_errors(args, plan, (), report)
            out.write(f"Dry run, nothing sent: {plan.summary()}\n")
            return 1 if plan.count(Outcome.REFUSED) else 0
        assert client is not None
        assert key is not None
        results = _send(args, plan, client, key, base_url, paths, report)
    finally:
        if client is not None:
            client.close()
    _write_errors(args, plan, results.refused, report)
    refused = plan.count(Outcome.REFUSED) + len(results.refused)
    out.write(
        f"{results.created} created, {results.updated} updated, {refused} refused, "
        f"{plan.count(Outcome.DUPLICATE)} duplicates skipped\n"
    )
    if results.waiting:
        why = f" ({results.waiting_reason})" if results.waiting_reason else ""
        report.say(
            f"{results.waiting} rows wait in the outbox{why}; the app sends them when it can."
        )
        return 2
    return 1 if refused else 0


def _preset_defaults(settings: Settings, name: str | None) -> RowDefaults:
    from superfone_desk.importing.rows import RowDefaults

    if name is None:
        return RowDefaults()
    for preset in settings.presets:
        if preset.name.casefold() == name.strip().casefold():
            return preset.defaults
    known = ", ".join(p.name for p in settings.presets) or "none are saved"
    raise UsageError(f"There is no preset {name!r} (presets: {known}).")


def _with_source_type(defaults: RowDefaults, source_type: str) -> RowDefaults:
    import dataclasses

    return dataclasses.replace(defaults, source_type=source_type)


def _region(settings: Settings) -> str:
    from superfone_desk.core.phones import default_region

    return settings.default_country or default_region()


def _api_key() -> str | None:
    """The environment's key, else the one the app saved in the keyring."""
    import os

    from superfone_desk.secrets import ENV_VAR, SecretStore

    # The environment first, without touching the keyring (scripts, CI, managed installs).
    if os.environ.get(ENV_VAR, "").strip():
        return os.environ[ENV_VAR].strip()
    try:
        return SecretStore().load().key
    except Exception:  # no keyring backend at all
        return None


def _client(key: str, base_url: str) -> Any:
    from superfone_desk.api.client import SuperfoneClient
    from superfone_desk.api.errors import SuperfoneError

    try:
        return SuperfoneClient(key, base_url)
    except SuperfoneError as exc:
        raise UsageError(exc.user_message) from None


def _catalogs(client: Any, report: ProgressReport) -> CatalogTitles:
    """The account's catalogs to match stage, group, label, product and source type
    values against; a list that cannot be fetched is left unknown (values go as typed)."""
    from superfone_desk.api.models import SOURCE_TYPES, Catalog
    from superfone_desk.importing.rows import CatalogTitles

    if client is None:
        report.say("No API key: stages, groups, labels and products are not checked.")
        return CatalogTitles(source_types=SOURCE_TYPES)
    found: dict[Catalog, list[str] | None] = {}
    for catalog in (Catalog.STAGES, Catalog.GROUPS, Catalog.LABELS, Catalog.PRODUCTS):
        try:
            rows = client.fetch_all(catalog)
            if not getattr(rows, "complete", True):
                # A list cut short would refuse rows for values it simply did not load.
                report.say(f"The {catalog.name.lower()} list did not load fully; not checked.")
                found[catalog] = None
                continue
            # Disabled entries cannot be set on a lead: a value naming one is unknown.
            found[catalog] = [item.title for item in rows if item.active]
        except Exception as exc:  # offline: the server judges the values instead
            message = getattr(exc, "user_message", type(exc).__name__)
            report.say(f"Could not load the {catalog.name.lower()} list ({message}); not checked.")
            found[catalog] = None
    return CatalogTitles(
        stages=found[Catalog.STAGES],
        groups=found[Catalog.GROUPS],
        labels=found[Catalog.LABELS],
        products=found[Catalog.PRODUCTS],
        source_types=SOURCE_TYPES,
    )


def _show_plan(plan: ImportPlan, report: ProgressReport) -> None:
    from superfone_desk.importing.plan import Outcome

    refused = [row for row in plan.rows if row.outcome is Outcome.REFUSED]
    for row in refused[:_SHOWN_REASONS]:
        report.say(f"Row {row.source.number}: {row.reason}")
    if len(refused) > _SHOWN_REASONS:
        report.say(f"... and {len(refused) - _SHOWN_REASONS} more refused rows")
    for field, values in plan.unknown_values.items():
        listed = ", ".join(f"{v!r} ({n})" for v, n in list(values.items())[:5])
        report.say(f"Unknown {field.replace('_name', '').replace('_', ' ')} values: {listed}")


def _write_errors(
    args: argparse.Namespace, plan: ImportPlan, server_refused: Any, report: ProgressReport
) -> None:
    from superfone_desk.importing.errors_csv import write_errors_csv

    rows = plan.error_rows(server_refused)
    if not rows and args.errors is None:
        return
    path = args.errors or Path.cwd() / f"{args.file.stem}-errors.csv"
    try:
        written = write_errors_csv(path, plan.table.headers, rows)
    except OSError as exc:
        report.say(f"error: could not write {path}: {exc.strerror}")
        return
    if written:
        report.say(f"{written} rows not imported, with reasons: {path}")


def _send(
    args: argparse.Namespace,
    plan: ImportPlan,
    client: Any,
    key: str,
    base_url: str,
    paths: AppPaths,
    report: ProgressReport,
) -> BatchResults:
    from superfone_desk.delivery.engine import Deliverer
    from superfone_desk.importing.batch import batch_results, new_batch_id, queue_plan
    from superfone_desk.importing.record import save_record
    from superfone_desk.store.catalog_cache import CatalogCache
    from superfone_desk.store.db import DATABASE_FILENAME
    from superfone_desk.store.outbox import EntryState, Outbox

    stop = threading.Event()
    deliverers: list[Any] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        # Ctrl+C: stop queueing and sending; what is queued stays queued (and durable).
        stop.set()
        for deliverer in deliverers:
            deliverer.nudge()

    previous = signal.signal(signal.SIGINT, on_signal)
    try:
        with Outbox.open(paths.ensure().data_dir / DATABASE_FILENAME) as outbox:
            account = CatalogCache(outbox.db).api_identity(base_url, key)
            queued = queue_plan(
                outbox,
                plan,
                batch=new_batch_id(args.file.name),
                account=account,
                progress=lambda d, t: report.update("queueing", d, t),
                cancel=stop.is_set,
            )
            # For the Outbox tab's "Export refused rows" of this batch, after a restart too.
            save_record(paths.data_dir, plan, queued)
            deliverer = Deliverer(
                outbox, lambda: client, senders=SENDERS, account=lambda: account
            )
            deliverers.append(deliverer)
            worker = threading.Thread(
                target=deliverer.drain, args=(stop,), name="import delivery"
            )
            worker.start()
            total = len(queued.entries)
            try:
                while True:
                    counts = outbox.counts(batch=queued.batch)
                    waiting = counts[EntryState.QUEUED] + counts[EntryState.SENDING]
                    report.update("sending", total - waiting, total)
                    if not worker.is_alive():
                        break
                    worker.join(0.25)
            finally:
                stop.set()
                deliverer.nudge()
                worker.join()
            report.finish()
            return batch_results(outbox, queued)
    finally:
        signal.signal(signal.SIGINT, previous)
