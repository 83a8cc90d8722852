"""`meter-journal --self-test`: prove an installed or frozen build works end to end, then exit 0.

It creates a temporary journal, records a sample household, computes a bill, renders a PD-4 receipt and reads the
payee's details back from its QR code (pdfium and zxing-cpp, as `payee from-bill` does), shows the main window
offscreen, starts Qt's printing support (on Windows also rasterises the receipt with pdfium,
as printing does there), upgrades a journal of the first revision with the migrations (a new journal is made
from the models, without them) and names the password store the portal password would go to: on Windows and
macOS it must be the system's own (Credential Manager, Keychain).
Any failure prints one line and exits 1.
Nothing of the user's is read or written.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.services.journal_service import JournalService


# The sample household over its last three months: every write of the whole sample (an account, a meter,
# readings, bills, payments) runs, as often as needed to check it rather than two years' worth (0.2–0.3 s less).
SAMPLE_MONTHS = 3


def _step(name: str, action: Callable[[], object]) -> object:
    started = time.perf_counter()
    result = action()
    print(f"ok  {name} ({(time.perf_counter() - started) * 1000:.0f} ms)", flush=True)  # seen as it happens
    return result


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The window's UI thread collects garbage itself, on a timer (ui.main_thread_gc: a collection run by a worker
    # thread could destroy Qt objects from the wrong thread); the self-test, over in seconds, runs as the window
    # does between two of those collections — and its imports are not walked by the collector again and again.
    gc.disable()
    from desktop_app.services.receipt_service import ReceiptService
    from desktop_app.services.sample import SAMPLE_ACCOUNT, create_sample
    from journal.periods import period_of

    today = date.today()
    try:
        # Windows cannot delete a file a late handle still holds: a temporary folder left behind is not a failure
        with tempfile.TemporaryDirectory(prefix="meter-journal-self-test-", ignore_cleanup_errors=True) as folder:
            path = Path(folder) / "journal.sqlite3"
            service = _step("journal created and filled", lambda: create_sample(path, today, SAMPLE_MONTHS))
            period = str(period_of(today).previous())
            bill = _step(f"bill for {period}", lambda: service.billing.bill(SAMPLE_ACCOUNT, period))
            assert bill.charge.total > 0  # type: ignore[attr-defined]
            receipts = ReceiptService(service.journal, service.today)
            receipts.use_sample_payee()
            pdf = _step("PD-4 receipt rendered", lambda: receipts.receipt_pdf(SAMPLE_ACCOUNT, period))
            assert bytes(pdf[:5]) == b"%PDF-"  # type: ignore[index]
            _step("payee details read back from the receipt's QR code",
                  lambda: _read_back(receipts, Path(folder) / "receipt.pdf", bytes(pdf)))  # type: ignore[arg-type]
            _step("main window shown offscreen", lambda: _show_window(service))
            _step("printing support loaded", _printer)
            _step("an older journal upgraded (Alembic and the migrations)", lambda: _upgrade(Path(folder)))
            if sys.platform == "win32":  # printing paints pdfium's page images there
                _step("receipt rasterised with pdfium", lambda: _rasterise(bytes(pdf)))  # type: ignore[arg-type]
            backend = _password_store()
            print(f"ok  password store: {backend}")
            service.close()
    except Exception as exc:  # report and fail: this is the whole point of a self-test
        print(f"self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print("self-test passed")
    return 0


def _upgrade(folder: Path) -> None:
    """A journal of the first revision, made by the first migration, opened: backed up and upgraded to the
    current revision, as after an update of the app."""
    from sqlalchemy import create_engine

    from journal.storage import open_journal
    from journal.storage.schema import head_revision, known_revisions, upgrade_to_head

    path = folder / "older.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        upgrade_to_head(connection, known_revisions()[0])
    engine.dispose()
    journal = open_journal(path, backup_dir=folder / "backups")
    try:
        with journal.read() as session:
            revision = session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        journal.close()
    if revision != head_revision():
        raise RuntimeError(f"the journal was upgraded to {revision}, not {head_revision()}")
def _read_back(receipts: object, path: Path, pdf: bytes) -> None:
    """The bill reader's parts (pdfium, zxing-cpp) are in the build: the receipt's own QR code gives its payee.
    (Its fields are compared with the sample details it was printed with; `payee from-bill` would refuse them, as
    they are not the supplier's.)"""
    from desktop_app.bill_qr import find_payment_code
    from journal.payment_qr_parser import decode_payload, parse_fields

    path.write_bytes(pdf)
    fields = parse_fields(decode_payload(find_payment_code(path)))
    payee = receipts.payee()  # type: ignore[attr-defined]
    printed = (payee.name, payee.inn, payee.account, payee.bic)
    if (fields.get("Name"), fields.get("PayeeINN"), fields.get("PersonalAcc"), fields.get("BIC")) != printed:
        raise RuntimeError("the receipt's QR code gave other payee details than the receipt's")


def _printer() -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer.resolution() <= 0:
        raise RuntimeError("Qt's printing support did not start")


def _rasterise(pdf: bytes) -> int:
    """Windows prints by painting pdfium's page images (desktop_app/printing.py), so its bundle must carry
    pdfium; elsewhere the PDF goes to CUPS and pdfium is left out. Returns the number of pages rendered."""
    from desktop_app import printing

    if not printing.can_rasterise():
        raise RuntimeError("pdfium (pypdfium2) is missing: receipts could not be printed")
    pages = list(printing.rasterise(pdf, dpi=50))
    if not pages or min(page.width for page in pages) <= 0:
        raise RuntimeError("pdfium rendered no page of the receipt")
    return len(pages)


# The system's own password store, where the portal password is kept (desktop_app/portal/credentials.py).
# Linux has no single one (the Secret Service of GNOME or KDE, when a session runs one): named, not required.
SYSTEM_KEYRING = {"win32": "keyring.backends.Windows.WinVaultKeyring", "darwin": "keyring.backends.macOS.Keyring"}


def _password_store(platform: str = sys.platform) -> str:
    from desktop_app.portal.credentials import CredentialStore

    status = CredentialStore().status()
    expected = SYSTEM_KEYRING.get(platform)
    if expected is not None and (not status.available or status.backend != expected):
        raise RuntimeError(f"the password store is {status.backend}, not the system's own ({expected})")
    return status.backend if status.available else f"none usable ({status.backend})"


def _show_window(service: JournalService) -> None:
    from ui.self_check import show_main_window  # the self-test's one upward reference: the window is tested too

    show_main_window(service)
