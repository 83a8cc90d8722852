"""Receipts from the window: bank details from the bill, then print, save as PDF — made off the UI thread."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.desktop_app.receipt_fixtures import VALID_PAYEE
from tests.desktop_app.test_receipts import decoded_payload
from tests.ui.conftest import click_in_next_modal
from ui.payee_dialog import PayeeDialog
from ui.receipt_dialog import ReceiptDialog, print_pdf
from ui.tasks import TaskRunner


def test_without_bank_details_the_receipt_is_refused_and_the_form_checks_each_digit(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = ReceiptDialog(home, ACCOUNT, TaskRunner())
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isEnabled() and dialog.payee_button.isVisibleTo(dialog)
    assert dialog.error.text()  # says what is missing, in Russian
    payee = PayeeDialog(home)
    qtbot.addWidget(payee)
    for field, value in VALID_PAYEE.items():
        payee.edits[field].setText(value)
    wrong = VALID_PAYEE["account"][:-1] + str((int(VALID_PAYEE["account"][-1]) + 1) % 10)
    payee.edits["account"].setText(wrong)
    payee.save()
    assert payee.form.errors["account"].isVisibleTo(payee)
    assert home.receipts.payee() is None
    payee.edits["account"].setText(VALID_PAYEE["account"])
    payee.save()
    assert home.receipts.payee() is not None
    dialog.refresh()
    assert dialog.print_button.isEnabled() and not dialog.payee_button.isVisibleTo(dialog)


def test_save_as_pdf_runs_in_the_background_and_writes_the_receipt(qtbot, home: JournalService, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                    russian) -> None:
    home.receipts.set_payee(**VALID_PAYEE)
    tasks = TaskRunner()
    dialog = ReceiptDialog(home, ACCOUNT, tasks)
    qtbot.addWidget(dialog)
    assert dialog.period.currentData() == "2026-10" and dialog.period.currentText() == "октябрь 2026"
    # 2026-08's charge spans 2025-07-01, whose two-zone night price is unknown: no sum is proposed, the reason is
    # shown next to the amount, and the sum from the paper bill is typed.
    assert dialog.amount.text() == "" and "август 2026" in dialog.error.text()
    dialog.amount.setText("1234,56")
    out = tmp_path / "receipt.pdf"
    dialog.make_pdf(lambda pdf: dialog._write(out, pdf))
    qtbot.waitUntil(out.exists, timeout=10000)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert ACCOUNT in text and "1 234,56" in text


def test_printing_paints_every_page_on_the_chosen_printer(qtbot, home: JournalService, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    home.receipts.set_payee(**VALID_PAYEE)
    pdf = home.receipts.receipt_pdf(ACCOUNT, "2026-10", "1234,56")  # 2026-08's price is unknown: a typed sum
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a "printer" whose paper we can read back
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    print_pdf(pdf, printer)
    reader = pypdf.PdfReader(printed)
    assert len(reader.pages) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    # The printed sheet is the receipt: its QR code, read back from the printer's page, carries its sum and account.
    fields, _ = decoded_payload(printed.read_bytes(), tmp_path, "printed")
    assert (fields["Sum"], fields["persAcc"], fields["paymPeriod"]) == ("123456", ACCOUNT, "102026")


def test_when_the_sum_must_be_typed_the_cursor_waits_in_it_and_enter_makes_the_receipt(  # type: ignore[no-untyped-def]
        qtbot, home: JournalService, russian) -> None:
    """A price missing, no sum counted: the dialog opened with the focus nowhere, typing went nowhere and Enter did
    nothing."""
    home.receipts.set_payee(**VALID_PAYEE)
    dialog = ReceiptDialog(home, ACCOUNT, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.amount.text() == "" and "август 2026" in dialog.error.text()  # the sum cannot be counted
    assert dialog.amount.hasFocus()
    shown: list[str] = []
    click_in_next_modal(qtbot, kind=QPrintDialog,
                        action=lambda modal: (shown.append(modal.windowTitle()), modal.reject()))
    qtbot.keyClicks(QApplication.focusWidget(), "1234,56")
    assert dialog.amount.text() == "1234,56"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the receipt is made, then printed
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == ["Напечатать квитанцию"]
