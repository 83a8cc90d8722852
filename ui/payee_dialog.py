"""The payee's bank details: first and most simply taken from the bill's payment QR code (its PDF, or a scan or
photo of the paper bill), read in a worker thread; or typed from the paper bill. Either way they are checked
(control keys, INN, KPP); replacing details already stored asks first (Enter and Esc keep them). With none stored,
the form starts with the supplier's name and INN from its profile; the rest is the bill's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from journal.messages import message_of
from journal.payees import PayeeDetails
from journal.supplier import DEFAULT_PROFILE
from ui import file_dialogs, operations
from ui.account_form import FieldForm
from ui.confirmations import ask_risky
from ui.dialog_buttons import ok_cancel
from ui.i18n import render
from ui.screen_fit import ScreenFitBody, TypicalLineEdit
from ui.tasks import TaskRunner

DETAIL_FIELDS = ("name", "inn", "kpp", "account", "bank", "bic", "corr")
TYPICAL_BANK = "ПОВОЛЖСКИЙ БАНК ПАО СБЕРБАНК"  # measured for the payee's and the bank's lines, never shown


def payee_summary(details: PayeeDetails) -> str:
    return "\n".join([
        QCoreApplication.translate("payee", "Payee: {name}").format(name=details.name),
        QCoreApplication.translate("payee", "INN {inn}, KPP {kpp}").format(inn=details.inn, kpp=details.kpp),
        QCoreApplication.translate("payee", "Settlement account: {account}").format(account=details.account),
        QCoreApplication.translate("payee", "Bank: {bank}, BIC {bic}").format(bank=details.bank, bic=details.bic),
        QCoreApplication.translate("payee", "Correspondent account: {corr}").format(corr=details.corr),
    ])


def same_details(a: PayeeDetails | None, b: PayeeDetails | None) -> bool:
    return a is not None and b is not None and all(getattr(a, f) == getattr(b, f) for f in DETAIL_FIELDS)


def replace_allowed(parent: QWidget, current: PayeeDetails | None, new: PayeeDetails) -> bool:
    """True when there is nothing to replace, or the person deliberately chose «Заменить» (Enter and Esc keep the
    details saved earlier)."""
    if current is None or current.is_sample or same_details(current, new):
        return True
    text = QCoreApplication.translate(
        "payee", "The journal already has other bank details of the payee. Replace them with the bill's?\n\n"
                 "Now:\n{current}\n\nFrom the bill:\n{new}")
    return ask_risky(parent, QCoreApplication.translate("payee", "Replace the bank details?"),
                     text.format(current=payee_summary(current), new=payee_summary(new)),
                     QCoreApplication.translate("payee", "&Yes, replace"),
                     name=QCoreApplication.translate("payee", "Yes, replace the bank details with the bill's"))


def starting_values(current: PayeeDetails | None) -> dict[str, str]:
    """What the form shows first: the details stored; with none (or the sample's), the supplier's name and INN as
    the supplier's profile knows them — the accounts, the BIC and the bank are the person's to copy from the bill
    (or its QR code), never guessed."""
    if current is not None and not current.is_sample:
        return {field: getattr(current, field) for field in DETAIL_FIELDS}
    return {"name": DEFAULT_PROFILE.name, "inn": DEFAULT_PROFILE.inn}


class PayeeDialog(QDialog):
    FIELDS = DETAIL_FIELDS

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("The payee's bank details"))
        self.from_bill = QPushButton(self.tr("Take the details from the bill (PDF or photo)…"))
        # The largest choice by its height (the bold, bigger «primary» text would not fit a laptop at 200 % text).
        self.from_bill.setMinimumHeight(self.from_bill.sizeHint().height() * 3 // 2)
        self.from_bill.setAccessibleName(self.tr("Take the bank details from the bill's QR code, PDF or photo"))
        self.from_bill.setToolTip(self.tr("The program reads the payment QR code printed on the bill: the bill's PDF "
                                          "from e-mail or the personal account, or a photo of the paper bill."))
        self.from_bill.clicked.connect(self.choose_bill)
        # It has the focus first, and Qt makes a focused button the one Enter presses for the rest of the dialog:
        # Enter after typing the details opened the bill's file dialog instead of saving them. Enter on the button
        # itself still presses it (eventFilter).
        self.from_bill.setAutoDefault(False)
        self.from_bill.installEventFilter(self)
        self.bill_error = QLabel("")
        self.bill_error.setProperty("role", "error")
        self.bill_error.setWordWrap(True)
        self.bill_error.setAccessibleName(self.tr("Why the bill could not be read"))
        self.bill_error.hide()
        intro = QLabel(self.tr("Or copy these from the upper part of your paper bill, exactly as printed. The "
                               "program checks the numbers' control digits."))
        intro.setWordWrap(True)
        self.form = FieldForm()
        labels = {
            "name": (self.tr("Payee:"), self.tr("Payee's name")),
            "inn": (self.tr("INN:"), self.tr("Payee's INN")),
            "kpp": (self.tr("KPP:"), self.tr("Payee's KPP")),
            "account": (self.tr("Settlement account:"), self.tr("Payee's settlement account, 20 digits")),
            "bank": (self.tr("Bank:"), self.tr("Payee's bank")),
            "bic": (self.tr("BIC:"), self.tr("Bank's BIC, 9 digits")),
            "corr": (self.tr("Correspondent account:"), self.tr("Bank's correspondent account, 20 digits")),
        }
        self.labels = {field: label.rstrip(":") for field, (label, _name) in labels.items()}
        current = service.receipts.payee()
        shown = starting_values(current)
        self.edits: dict[str, QLineEdit] = {}
        for field in self.FIELDS:
            edit = TypicalLineEdit(TYPICAL_BANK) if field in ("name", "bank") else QLineEdit()
            edit.setText(shown.get(field, ""))
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0" * 26))  # 20 digits and the frame, whole
            self.edits[field] = edit
            self.form.add(field, labels[field][0], edit, labels[field][1])
        buttons = ok_cancel(self, self.tr("Save"), self.save, self.tr("Save the bank details"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # wrapped texts and error lines get room
        layout.addWidget(self.from_bill)
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.bill_error, intro, self.form):
            fields_layout.addWidget(widget)
        self.body = ScreenFitBody(fields)  # at 200 % on a small screen the fields scroll, the buttons stay
        layout.addWidget(self.body)
        layout.addWidget(buttons)
        self.from_bill.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.from_bill and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.from_bill.click()
            return True
        return super().eventFilter(watched, event)

    # --- from the bill ----------------------------------------------------------------------------------------------

    def choose_bill(self) -> None:
        path, _ = file_dialogs.open_file_name(
            self, self.tr("The bill: its PDF, or a scan or photo"), file_dialogs.start_path(),
            self.tr("Bills (*.pdf *.png *.jpg *.jpeg);;All files (*)"))
        if path:
            self.read_bill(Path(path))

    def read_bill(self, path: Path) -> None:
        """Read the bill's QR code in a worker thread; then (asking before replacing other details) store them."""
        self.from_bill.setEnabled(False)
        self.from_bill.setText(self.tr("Reading the bill…"))
        self.bill_error.hide()
        receipts = self.service.receipts
        self.tasks.run(lambda _token, _progress: receipts.read_bill_payee(path), self._bill_read, self._bill_failed)

    def _reset_button(self) -> None:
        self.from_bill.setEnabled(True)
        self.from_bill.setText(self.tr("Take the details from the bill (PDF or photo)…"))

    def _bill_failed(self, error: BaseException) -> None:
        self._reset_button()
        message = render(message_of(error))
        self.bill_error.setText(message)
        self.bill_error.show()
        self.from_bill.setFocus()

    def _bill_read(self, details: PayeeDetails) -> None:
        self._reset_button()
        if not replace_allowed(self, self.service.receipts.payee(), details):
            self.bill_error.setText(self.tr("The bank details were kept as they were."))
            self.bill_error.show()
            return
        store = self.service.receipts.store_payee
        try:
            done = operations.write(self, operations.runner(self), lambda _confirmed: store(details))
            stored = done.result if done is not None else details
        except JournalError as exc:
            self._bill_failed(exc)
            return
        for field in self.FIELDS:
            self.edits[field].setText(getattr(stored, field))
        QMessageBox.information(self, self.tr("Bank details saved"), self.tr(
            "The bank details were taken from the bill and saved:\n\n{details}").format(details=payee_summary(stored)))
        self.accept()

    # --- typed -------------------------------------------------------------------------------------------------------

    def save(self) -> None:
        values = {field: self.edits[field].text() for field in self.FIELDS}
        try:
            if not self._may_replace(self.service.receipts.check_payee(**values)):
                return
            store = self.service.receipts.set_payee
            operations.write(self, operations.runner(self), lambda _confirmed: store(**values))
        except JournalError as exc:
            if not self.form.show_error(exc.field, render(exc)):
                QMessageBox.warning(self, self.tr("Not saved"), render(exc))
            return
        self.accept()

    def _may_replace(self, new: PayeeDetails) -> bool:
        """Real details saved earlier are replaced by different ones only on a deliberate yes."""
        old = self.service.receipts.payee()
        if old is None or old.is_sample:
            return True
        changed = [self.labels[field] for field in self.FIELDS if getattr(old, field) != getattr(new, field)]
        if not changed:
            return True
        return ask_risky(self, self.tr("Replace the bank details?"), self.tr(
            "Replace the payee's bank details saved earlier? Changed: {fields}. Receipts will be printed with the "
            "new details.").format(fields=", ".join(changed)), self.tr("&Yes, replace"),
            name=self.tr("Yes, replace the bank details"))
