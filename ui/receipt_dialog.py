"""«Квитанция на оплату»: choose the month, see what the sum is made of, check or change the amount, then print,
save as PDF or open. The proposed sum is what the receipt asks (journal.owed, the headline's figure too). Every
refusal — no bank details, no sum the journal can count and no amount typed — is shown next to the amount before
any file or print dialog. The PDF is made off the UI thread with a progress indicator and a way to cancel."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import printing
from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from journal.messages import message_of
from journal.owed import Owed, OwedPart
from ui import file_dialogs
from ui.i18n import render
from ui.payee_dialog import PayeeDialog
from ui.screen_fit import TITLE_BAR, ScreenFitBody
from ui.tasks import CancelToken, TaskRunner
from ui.texts import day_text, money, month_name
from ui.theme import set_role


class ReceiptDialog(QDialog):
    def __init__(self, service: JournalService, number: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.number, self.tasks = service, number, tasks
        self.setWindowTitle(self.tr("Payment receipt"))
        self.last_file: Path | None = None
        self._token: CancelToken | None = None
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Month of the receipt"))
        periods = sorted({row.period for row in service.history(number, include_retired=False)}, reverse=True)
        for period in periods:
            self.period.addItem(month_name(period), period)
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Amount to pay, roubles"))
        self.explain = QLabel("")  # what the proposed sum is made of
        self.explain.setWordWrap(True)
        self.explain.setProperty("role", "hint")
        self.explain.setAccessibleName(self.tr("What the sum is made of"))
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.payee_button = QPushButton(self.tr("Enter the bank details from the bill…"))
        self.payee_button.setAccessibleName(self.tr("Enter the payee's bank details from the bill"))
        self.payee_button.clicked.connect(self.enter_payee)
        form = QFormLayout()
        form.addRow(self.tr("Month:"), self.period)
        # Above the amount, in the order read: what the sum is made of, or why there is none (or why it was refused);
        # on a small screen they are in view when the dialog opens, and Tab to the amount scrolls to it.
        form.addRow("", self.explain)
        form.addRow("", self.error)
        form.addRow(self.tr("Amount, ₽:"), self.amount)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print the receipt"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setAccessibleName(self.tr("Save the receipt as a PDF file"))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the receipt in the PDF viewer"))
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.print_button.clicked.connect(lambda: self.checked() and self.make_pdf(self._print))
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(lambda: self.checked() and self.make_pdf(self._open))
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        closing = QHBoxLayout()  # on a line of its own: the row stays narrower than a small screen at 200 %
        closing.addStretch(1)
        closing.addWidget(close)
        fields = QWidget()
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(self.payee_button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # as big as its texts need at any text size
        self.body = ScreenFitBody(fields)  # on a small screen the fields scroll, the buttons stay in view
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        layout.addLayout(closing)
        self.period.currentIndexChanged.connect(self.refresh)
        self.refresh()
        self.print_button.setDefault(True)  # Enter makes the receipt
        self._ask_for_amount()

    def refresh(self) -> None:
        problem = self.service.receipts.payee_problem()
        self.payee_button.setVisible(problem is not None)
        ready = problem is None and self.period.count() > 0
        for button in (self.print_button, self.save_button, self.open_button):
            button.setEnabled(ready)
        if problem is not None:
            self._say(render(problem))
            return
        if not self.period.count():
            self._say(self.tr("There are no readings yet, so there is nothing to pay for."))
            return
        try:
            owed = self.service.receipts.receipt_owed(self.number, self.period.currentData())
        except JournalError as exc:  # no sum the journal can count: the amount from the paper bill will do
            self.amount.clear()
            self.explain.setText("")
            self.explain.hide()
            self._say(render(exc))
            return
        self.explain.setText(self.composition(owed))
        self.explain.show()
        if owed.total > 0:
            self._say("")
            self.amount.setText(f"{owed.total:.2f}".replace(".", ","))
        else:
            self.amount.clear()
            self._say(self.tr("Nothing to pay: the payments cover the charges. To print a receipt anyway, "
                                       "type the amount to pay."))

    def _ask_for_amount(self) -> None:
        """When the sum must be typed (the journal cannot count it, or nothing is owed), the cursor waits in the
        amount: what is typed goes there, and Enter makes the receipt."""
        if self.print_button.isEnabled() and not self.amount.text():
            self.amount.setFocus()

    def _say(self, text: str, *, success: bool = False) -> None:
        """The line above the amount: why there is no receipt (dark red), or that it was saved (dark green, ✓)."""
        set_role(self.error, "success" if success else "error")
        self.error.setText(f"✓ {text}" if success and text else text)

    def composition(self, owed: Owed) -> str:
        """What the proposed sum is made of, one part a line, as the receipt prints it."""
        words = {
            OwedPart.CHARGE: self.tr("Charged for {month}: {amount}"),
            OwedPart.DEBT: self.tr("Debt at the start of the period: {amount}"),
            OwedPart.OVERPAYMENT: self.tr("Overpayment at the start of the period: {amount}"),
            OwedPart.PAID_IN_PERIOD: self.tr("Paid in the period: {amount}"),
            OwedPart.PAID_AFTER: self.tr("Paid after the period: {amount}"),
        }
        month = month_name(owed.period) if owed.period else ""
        lines = [words[part].format(month=month, amount=money(value)) for part, value in owed.parts()]
        lines.append(self.tr("Total to pay: {amount}").format(amount=money(owed.total)))
        lines.append(self.tr("The sum is counted to {date}.").format(date=day_text(owed.as_of)))
        payee = self.service.receipts.payee()
        if payee is not None and payee.is_sample:
            lines.append(self.tr("SAMPLE, not for payment"))
        return "\n".join(lines)

    def checked(self) -> bool:
        """Ask for the receipt's data before any file or print dialog: a refusal is shown next to the amount."""
        try:
            self.service.receipts.receipt_data(self.number, self.period.currentData(), self.amount.text())
        except JournalError as exc:
            self._say(render(exc))
            self.amount.setFocus()
            self.body.reveal(self.amount)
            self.body.reveal(self.error)
            return False
        return True

    def showEvent(self, event: QShowEvent) -> None:
        """No wider than the screen: the long lines wrap (and the fields scroll) instead."""
        margins = self.layout().contentsMargins()
        room = self.screen().availableGeometry().width() - margins.left() - margins.right() - TITLE_BAR
        self.body.setMaximumWidth(room)
        super().showEvent(event)

    def enter_payee(self) -> None:
        dialog = PayeeDialog(self.service, self)
        try:
            if dialog.exec():
                self.refresh()
                self._ask_for_amount()
        finally:
            dialog.deleteLater()

    # --- making the PDF off the UI thread ---------------------------------------------------------------
    def make_pdf(self, then: object) -> None:
        number, period, amount = self.number, self.period.currentData(), self.amount.text()
        receipts = self.service.receipts
        progress = QProgressDialog(self.tr("Preparing the receipt…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Payment receipt"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(200)
        self.progress = progress

        def work(token: CancelToken, _report: object) -> bytes:
            return receipts.receipt_pdf(number, period, amount)

        def done(pdf: bytes) -> None:
            progress.close()
            then(pdf)  # type: ignore[operator]

        def failed(error: BaseException) -> None:
            progress.close()
            message = render(message_of(error))
            self._say(message)

        self._token = self.tasks.run(work, done, failed)
        progress.canceled.connect(self._token.cancel)

    def save_as(self) -> None:
        if not self.checked():
            return
        path, _ = file_dialogs.save_file_name(self, self.tr("Save the receipt"), file_dialogs.start_path(self._name()),
                                              "PDF (*.pdf)")
        if path:
            self.make_pdf(lambda pdf: self._write(Path(path), pdf))

    def _name(self) -> str:
        """The receipt's file name, in the window's language: «Квитанция 050900691990 декабрь 2026.pdf»."""
        return self.tr("Receipt {number} {month}.pdf").format(number=self.number,
                                                             month=month_name(self.period.currentData()))

    def _write(self, path: Path, pdf: bytes) -> None:
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(pdf)
        partial.replace(path)
        self.last_file = path
        self._say(self.tr("Saved: {path}").format(path=path), success=True)

    def _open(self, pdf: bytes) -> None:
        folder = Path(tempfile.gettempdir()) / "meter-journal-receipts"
        folder.mkdir(exist_ok=True)
        path = folder / self._name()
        self._write(path, pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _print(self, pdf: bytes) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the receipt"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_pdf(pdf, printer)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not printed"), render(message_of(exc)))


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    """Paint the PDF's pages on the printer (rasterised), or hand the file to CUPS when it cannot be."""
    if not printing.can_rasterise():
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:  # "print to file": the PDF itself
            Path(printer.outputFileName()).write_bytes(pdf)
            return
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
            handle.write(pdf)
        printing.send_to_cups(Path(handle.name), printer.printerName(), printer.copyCount())
        return
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    try:
        for index, image in enumerate(printing.rasterise(pdf)):
            if index:
                printer.newPage()
            qimage = QImage(image.tobytes("raw", "RGB"), image.width, image.height, image.width * 3,
                            QImage.Format.Format_RGB888)
            page = painter.viewport()
            size = qimage.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(page.x(), page.y(), size.width(), size.height()), qimage)
    finally:
        painter.end()
